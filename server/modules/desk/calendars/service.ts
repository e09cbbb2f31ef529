import { and, eq, getTableColumns, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import {
  businessMs,
  type CompiledCalendar,
  compileCalendar,
  dueAt,
} from '../../../../shared/desk/calendar.ts';
import {
  type CalendarCreate,
  type CalendarDefinition,
  type CalendarListQuery,
  type CalendarUpdate,
  defaultTimeZone,
  defaultWeekly,
  minuteOfDay,
  weekdays,
} from '../../../../shared/desk/calendars.ts';
import { type Database, type Executor, rowsOf } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { units } from '../../../platform/directory/schema.ts';
import { problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import {
  afterKey,
  keyOrder,
  type SortKey,
  sortKeyFields,
  sortKeyOfRow,
  toPage,
  withoutKey,
} from '../../../platform/pagination.ts';
import { archiveRow, lockRow, restoreRow } from '../../../platform/records.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { calendars, calendarUnits } from './schema.ts';

// The rules of business calendars: the only writer of ./schema.ts. Every change is one transaction
// with its audit event. A unit's calendar is its own, else its nearest ancestor's, else the
// tenant's default (one at most, which the database's partial unique index holds); the SLA code
// asks calendarForUnit / compiledCalendarForUnit and counts with shared/desk/calendar.ts.

export type CalendarRow = typeof calendars.$inferSelect;
export type CalendarWithUnits = CalendarRow & { unitIds: string[] };

const ENTITY = 'calendar';

// ---------------------------------------------------------------- compiled calendars

/** Compiled calendars by tenant, id and version: their years are laid out once and kept. */
const compiledCache = new Map<string, CompiledCalendar>();
const COMPILED_MAX = 500;

/** The desk's hours when a tenant has no default calendar: weekdays 07–16, Stockholm, holidays closed. */
export const builtInDefinition: CalendarDefinition = {
  timeZone: defaultTimeZone,
  weekly: defaultWeekly,
  swedishHolidays: true,
  openHolidays: [],
  extraClosedDates: [],
  exceptions: [],
};
const builtIn = compileCalendar(builtInDefinition);

/** The row compiled for the maths, cached per version (a change makes a new version). */
export function compiledOf(row: CalendarRow): CompiledCalendar {
  const key = `${row.tenantId}:${row.id}:${row.version}`;
  let compiled = compiledCache.get(key);
  if (compiled) {
    // Least recently used goes first: move it to the end.
    compiledCache.delete(key);
  } else {
    compiled = compileCalendar(row);
    if (compiledCache.size >= COMPILED_MAX) compiledCache.delete(compiledCache.keys().next().value!);
  }
  compiledCache.set(key, compiled);
  return compiled;
}

// ---------------------------------------------------------------- reading

async function unitIdsOf(db: Executor, tenantId: string, ids: readonly string[]) {
  const map = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return map;
  const rows = await db
    .select({ calendarId: calendarUnits.calendarId, unitId: calendarUnits.unitId })
    .from(calendarUnits)
    .where(and(eq(calendarUnits.tenantId, tenantId), inArray(calendarUnits.calendarId, [...ids])))
    .orderBy(calendarUnits.unitId);
  for (const r of rows) map.get(r.calendarId)?.push(r.unitId);
  return map;
}

async function withUnits(db: Executor, tenantId: string, rows: CalendarRow[]): Promise<CalendarWithUnits[]> {
  const links = await unitIdsOf(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, unitIds: links.get(r.id) ?? [] }));
}

export async function getCalendar(db: Database, actor: Actor, id: string): Promise<CalendarWithUnits> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(calendars)
    .where(s.where(calendars, eq(calendars.id, id)));
  if (!row) throw problems.notFound(ENTITY);
  return (await withUnits(db, actor.tenantId, [row]))[0]!;
}

/** The columns each sort orders by, the id last: its keyset. */
const sortKeys: Record<CalendarListQuery['sort'], SortKey> = {
  name: { columns: [sql`${calendars.sortName}`, sql`${calendars.id}`], types: ['text', 'uuid'] },
  updatedAt: {
    columns: [sql`${calendars.updatedAt}`, sql`${calendars.id}`],
    types: ['timestamptz', 'uuid'],
  },
};

export async function listCalendars(
  db: Database,
  actor: Actor,
  query: Omit<CalendarListQuery, 'sort' | 'order'> & Partial<Pick<CalendarListQuery, 'sort' | 'order'>>,
) {
  const s = readScope(db, actor);
  const key = sortKeys[query.sort ?? 'name'];
  const desc = query.order === 'desc';
  const rows = await db
    .select({ ...getTableColumns(calendars), ...sortKeyFields(key) })
    .from(calendars)
    .where(
      s.where(
        calendars,
        query.includeArchived ? undefined : isNull(calendars.archivedAt),
        query.search ? sql`${calendars.name} ilike ${likePattern(query.search)}` : undefined,
        query.unitId
          ? sql`exists (select 1 from ${calendarUnits} where ${calendarUnits.tenantId} = ${calendars.tenantId} and ${calendarUnits.calendarId} = ${calendars.id} and ${calendarUnits.unitId} = ${query.unitId})`
          : undefined,
        afterKey(key, query.cursor, desc),
      ),
    )
    .orderBy(...keyOrder(key, desc))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => sortKeyOfRow(key, r));
  const items = page.items.map((r) => withoutKey(r) as CalendarRow);
  return { items: await withUnits(db, actor.tenantId, items), nextCursor: page.nextCursor };
}

/**
 * The calendar of a unit: its own active one, else its nearest ancestor's, else the tenant's
 * default; undefined when there is none of them (the SLA code then counts on builtInDefinition,
 * which compiledCalendarForUnit does).
 */
export async function calendarForUnit(
  db: Executor,
  tenantId: string,
  unitId: string | null,
): Promise<CalendarRow | undefined> {
  if (unitId) {
    const result = await db.execute(sql`
      with recursive up(id, parent_id, depth) as (
        select id, parent_id, 0 from units where tenant_id = ${tenantId} and id = ${unitId}
        union all
        select u.id, u.parent_id, up.depth + 1 from units u join up on u.id = up.parent_id
        where u.tenant_id = ${tenantId} and up.depth < 50
      )
      select c.id from up
      join desk_calendar_units cu on cu.tenant_id = ${tenantId} and cu.unit_id = up.id
      join desk_calendars c on c.tenant_id = ${tenantId} and c.id = cu.calendar_id and c.archived_at is null
      order by up.depth limit 1`);
    const [own] = rowsOf<{ id: string }>(result);
    if (own) {
      const [row] = await db
        .select()
        .from(calendars)
        .where(and(eq(calendars.tenantId, tenantId), eq(calendars.id, own.id)));
      if (row) return row;
    }
  }
  const [fallback] = await db
    .select()
    .from(calendars)
    .where(
      and(eq(calendars.tenantId, tenantId), eq(calendars.isDefault, true), isNull(calendars.archivedAt)),
    );
  return fallback;
}

/** The compiled calendar of a unit (see calendarForUnit), the built-in hours when the tenant has none. */
export async function compiledCalendarForUnit(
  db: Executor,
  tenantId: string,
  unitId: string | null,
): Promise<CompiledCalendar> {
  const row = await calendarForUnit(db, tenantId, unitId);
  return row ? compiledOf(row) : builtIn;
}

/**
 * A calendar by id for the SLA clocks, which keep the id they count on (null: the built-in hours).
 * An archived calendar still counts: a ticket's clock keeps its calendar until its terms change.
 */
export async function compiledCalendarById(
  db: Executor,
  tenantId: string,
  id: string | null,
): Promise<CompiledCalendar> {
  if (id === null) return builtIn;
  const [row] = await db
    .select()
    .from(calendars)
    .where(and(eq(calendars.tenantId, tenantId), eq(calendars.id, id)));
  return row ? compiledOf(row) : builtIn;
}

/** When `minutes` business minutes after `start` have passed on the calendar (a 400 naming minutes when never). */
export async function dueOn(db: Database, actor: Actor, id: string, start: Date, minutes: number) {
  const row = await getCalendar(db, actor, id);
  try {
    return dueAt(compiledOf(row), start, minutes);
  } catch (error) {
    if (error instanceof RangeError)
      throw problems.field('querystring.minutes', 'The calendar is not open that long within 100 years');
    throw error;
  }
}

/** Whole business minutes in [from, to) on the calendar. */
export async function businessMinutesOn(db: Database, actor: Actor, id: string, from: Date, to: Date) {
  const row = await getCalendar(db, actor, id);
  return Math.floor(businessMs(compiledOf(row), from, to) / 60_000);
}

// ---------------------------------------------------------------- writing

type Rules = Pick<CalendarCreate, 'weekly' | 'exceptions' | 'extraClosedDates' | 'openHolidays'>;

/** The rules as stored: intervals in time order, dates sorted, one spelling per calendar. */
function normalised<T extends Partial<Rules>>(input: T): T {
  const sortDay = (list: [string, string][]) =>
    [...list].sort((a, b) => minuteOfDay(a[0]) - minuteOfDay(b[0])) as [string, string][];
  return {
    ...input,
    ...(input.weekly
      ? { weekly: Object.fromEntries(weekdays.map((d) => [d, sortDay(input.weekly![d])])) as Rules['weekly'] }
      : {}),
    ...(input.exceptions
      ? {
          exceptions: [...input.exceptions]
            .sort((a, b) => a.date.localeCompare(b.date))
            .map((e) => ({ date: e.date, intervals: sortDay(e.intervals) })),
        }
      : {}),
    ...(input.extraClosedDates ? { extraClosedDates: [...input.extraClosedDates].sort() } : {}),
  };
}

/**
 * Makes `unitIds` the calendar's units: each must be an active unit of the tenant (400 naming it)
 * without another active calendar (409 naming it); an archived calendar's claim is given up.
 */
async function assignUnits(s: TenantScope, calendarId: string, unitIds: readonly string[]) {
  if (unitIds.length > 0) {
    const found = await s.tx
      .select({ id: units.id })
      .from(units)
      .where(s.where(units, inArray(units.id, [...unitIds]), isNull(units.archivedAt)));
    const active = new Set(found.map((u) => u.id));
    unitIds.forEach((id, i) => {
      if (!active.has(id)) throw problems.field(`body.unitIds.${i}`, 'No such active unit');
    });
    const taken = await s.tx
      .select({
        unitId: calendarUnits.unitId,
        calendarId: calendarUnits.calendarId,
        archivedAt: calendars.archivedAt,
      })
      .from(calendarUnits)
      .innerJoin(
        calendars,
        and(eq(calendars.tenantId, calendarUnits.tenantId), eq(calendars.id, calendarUnits.calendarId)),
      )
      .where(s.where(calendarUnits, inArray(calendarUnits.unitId, [...unitIds])));
    const errors = taken
      .filter((t) => t.calendarId !== calendarId && t.archivedAt === null)
      .map((t) => ({
        path: `body.unitIds.${unitIds.indexOf(t.unitId)}`,
        message: 'The unit has another calendar',
      }));
    if (errors.length > 0) throw problems.conflict('The unit has another calendar', errors);
    const released = taken.filter((t) => t.calendarId !== calendarId).map((t) => t.unitId);
    if (released.length > 0)
      await s.tx.delete(calendarUnits).where(s.where(calendarUnits, inArray(calendarUnits.unitId, released)));
  }
  await s.tx
    .delete(calendarUnits)
    .where(
      s.where(
        calendarUnits,
        eq(calendarUnits.calendarId, calendarId),
        unitIds.length > 0 ? notInArray(calendarUnits.unitId, [...unitIds]) : undefined,
      ),
    );
  if (unitIds.length > 0)
    await s.tx
      .insert(calendarUnits)
      .values(unitIds.map((unitId) => ({ tenantId: s.tenantId, unitId, calendarId })))
      .onConflictDoNothing();
}

/** Makes the calendar the tenant's only default: the one before stops being it (audited too). */
async function takeDefault(s: TenantScope, calendarId: string) {
  const others = await s.tx
    .select()
    .from(calendars)
    .where(s.where(calendars, eq(calendars.isDefault, true), sql`${calendars.id} <> ${calendarId}`))
    .for('update');
  for (const before of others) {
    const [after] = await s
      .update(
        calendars,
        { isDefault: false, version: before.version + 1, updatedAt: new Date() },
        eq(calendars.id, before.id),
      )
      .returning();
    await s.audit({ entity: ENTITY, entityId: before.id, action: 'update', before, after });
  }
}

export function createCalendar(
  db: Database,
  actor: Actor,
  input: CalendarCreate,
): Promise<CalendarWithUnits> {
  return inTenant(db, actor, async (s) => {
    const { unitIds, ...fields } = normalised(input);
    const id = newId();
    if (fields.isDefault) await takeDefault(s, id);
    const [row] = await s.insert(calendars, { id, ...fields }).returning();
    await assignUnits(s, id, unitIds);
    const after = { ...row!, unitIds: [...unitIds].sort() };
    await s.audit({ entity: ENTITY, entityId: id, action: 'create', after });
    return after;
  });
}

export function updateCalendar(db: Database, actor: Actor, id: string, input: CalendarUpdate) {
  return inTenant(db, actor, async (s) => {
    const locked = await lockRow(s, calendars, id);
    assertVersion(locked, input.version, ENTITY);
    if (locked!.archivedAt) throw problems.conflict('The calendar is archived; restore it first');
    const [before] = await withUnits(s.tx, s.tenantId, [locked!]);
    const { version, unitIds, ...changes } = normalised(input);
    if (changes.isDefault === false && before!.isDefault)
      throw problems.conflict('The default calendar stays the default until another is made the default', [
        { path: 'body.isDefault', message: 'Make another calendar the default instead' },
      ]);
    if (changes.isDefault) await takeDefault(s, id);
    const [row] = await s
      .update(
        calendars,
        { ...definedOnly(changes), version: version + 1, updatedAt: new Date() },
        eq(calendars.id, id),
      )
      .returning();
    if (unitIds) await assignUnits(s, id, unitIds);
    const after = { ...row!, unitIds: unitIds ? [...unitIds].sort() : before!.unitIds };
    await s.audit({ entity: ENTITY, entityId: id, action: 'update', before, after });
    return after;
  });
}

export function archiveCalendar(
  db: Database,
  actor: Actor,
  id: string,
  input: { version: number; reason: string },
) {
  return inTenant(db, actor, async (s) => {
    const row = await archiveRow(s, calendars, id, input, {
      entity: ENTITY,
      check: (r) => {
        if (r.isDefault)
          throw problems.conflict('The default calendar cannot be archived; make another the default first');
      },
    });
    return (await withUnits(s.tx, s.tenantId, [row]))[0]!;
  });
}

export function restoreCalendar(db: Database, actor: Actor, id: string, version: number) {
  return inTenant(db, actor, async (s) => {
    const row = await restoreRow(s, calendars, id, { version }, { entity: ENTITY });
    // Units that took another calendar meanwhile keep it; the rest come back.
    return (await withUnits(s.tx, s.tenantId, [row]))[0]!;
  });
}

/** Names and links of calendars by id (the audit trail). */
export async function calendarRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({ id: calendars.id, name: calendars.name, archivedAt: calendars.archivedAt })
    .from(calendars)
    .where(and(eq(calendars.tenantId, tenantId), inArray(calendars.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, href: `/desk/calendars/${r.id}`, archived: r.archivedAt !== null },
    ]),
  );
}

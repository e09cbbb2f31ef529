import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import {
  billingToday,
  type ChainLevel,
  inheritedModeOn,
  type SwitchCreate,
  type SwitchLike,
} from '../../../../shared/catalogue/billing.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { people, units } from '../../../platform/directory/schema.ts';
import { problems, uniqueViolated } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { sortNameCursor, toPage } from '../../../platform/pagination.ts';
import { archiveRow } from '../../../platform/records.ts';
import type { RecordRef } from '../../../platform/seam.ts';
import { inTenant, readScope } from '../../../platform/tenancy.ts';
import { billingSwitches } from './schema.ts';

// The rules of the switch between quality steering and billing: the only writer of ./schema.ts.
// A switch names an active unit of the tenant, a date and the mode from that date; it must change
// the mode in effect the day before (a switch to the mode already in effect says nothing), and one
// unit has one active switch per date (the partial unique index holds it also when two are made
// at once: 409). A switch is withdrawn by archiving it; the history keeps it. A switch passes down
// the unit tree (inheritedModeOn): the mode "in effect the day before" and a unit's mode today
// count the switches of the units above it.

export type SwitchRow = typeof billingSwitches.$inferSelect;
export type SwitchView = SwitchRow & { createdByName: string | null };

const SWITCH = 'catalogueBillingSwitch';
const TAKEN = 'The unit already switches on this date';

/** Today in Stockholm, YYYY-MM-DD. */
export const todayIso = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

const dayBefore = (date: string) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

export async function createSwitch(db: Database, actor: Actor, input: SwitchCreate): Promise<SwitchRow> {
  try {
    return await inTenant(db, actor, async (s) => {
      const [unit] = await s.tx
        .select({ id: units.id })
        .from(units)
        .where(s.where(units, eq(units.id, input.unitId), isNull(units.archivedAt)))
        .for('update');
      if (!unit) throw problems.field('body.unitId', 'No such active unit');
      const existing = await s.tx
        .select({ mode: billingSwitches.mode, fromOn: billingSwitches.fromOn })
        .from(billingSwitches)
        .where(
          s.where(
            billingSwitches,
            eq(billingSwitches.unitId, input.unitId),
            isNull(billingSwitches.archivedAt),
          ),
        );
      if (existing.some((e) => e.fromOn === input.fromOn))
        throw problems.conflict(TAKEN, [{ path: 'body.fromOn', message: TAKEN }]);
      const above = (await switchChains(s.tx, s.tenantId, [input.unitId])).get(input.unitId) ?? [];
      const chain = [existing, ...above.slice(1).map((c) => c.switches)];
      // A unit's own switch to the mode it inherits is allowed: it says that the unit keeps that
      // mode when the unit above switches. Repeating the unit's own mode says nothing.
      const before = inheritedModeOn(chain, dayBefore(input.fromOn));
      if (before.level === 0 && before.mode === input.mode)
        throw problems.field('body.mode', 'The unit is already in this mode the day before');
      const [row] = await s
        .insert(billingSwitches, {
          id: newId(),
          unitId: input.unitId,
          mode: input.mode,
          fromOn: input.fromOn,
          note: input.note ?? null,
          createdById: actor.personId,
        })
        .returning();
      await s.audit({ entity: SWITCH, entityId: row!.id, action: 'create', after: row });
      return row!;
    });
  } catch (error) {
    if (uniqueViolated(error) === 'catalogue_billing_switches_date_key')
      throw problems.conflict(TAKEN, [{ path: 'body.fromOn', message: TAKEN }]);
    throw error;
  }
}

export function archiveSwitch(db: Database, actor: Actor, id: string, version: number) {
  return inTenant(db, actor, (s) =>
    archiveRow(s, billingSwitches, id, { version, reason: 'Withdrawn' }, { entity: SWITCH, noun: 'switch' }),
  );
}

function switchesWithNames(db: Executor) {
  return db
    .select({ row: billingSwitches, given: people.givenName, family: people.familyName })
    .from(billingSwitches)
    .leftJoin(
      people,
      and(eq(people.tenantId, billingSwitches.tenantId), eq(people.id, billingSwitches.createdById)),
    );
}

const view = (r: { row: SwitchRow; given: string | null; family: string | null }): SwitchView => ({
  ...r.row,
  createdByName: r.given ? `${r.given} ${r.family}` : null,
});

export async function getSwitch(db: Database, actor: Actor, id: string): Promise<SwitchView> {
  const s = readScope(db, actor);
  const [r] = await switchesWithNames(db).where(s.where(billingSwitches, eq(billingSwitches.id, id)));
  if (!r) throw problems.notFound(SWITCH);
  return view(r);
}

/** One unit's mode today, its next planned switch and its whole history (newest first). */
export async function unitBilling(db: Database, actor: Actor, unitId: string, today = todayIso()) {
  const s = readScope(db, actor);
  const [unit] = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(s.where(units, eq(units.id, unitId)));
  if (!unit) throw problems.notFound('unit');
  const history = (
    await switchesWithNames(db)
      .where(s.where(billingSwitches, eq(billingSwitches.unitId, unitId)))
      .orderBy(sql`${billingSwitches.fromOn} desc`, sql`${billingSwitches.createdAt} desc`)
  ).map(view);
  const active = history.filter((h) => h.archivedAt === null);
  const next =
    active.filter((h) => h.fromOn > today).sort((a, b) => a.fromOn.localeCompare(b.fromOn))[0] ?? null;
  const chain = (await switchChains(db, actor.tenantId, [unitId])).get(unitId) ?? [];
  const state = billingToday(chain, today);
  return { unit, mode: state.mode, inheritedFrom: state.inheritedFrom, nextSwitch: next, history };
}

/** The tenant's units with their mode today and next switch, by name (keyset). */
export async function listUnitBilling(
  db: Database,
  actor: Actor,
  query: { limit: number; cursor?: string },
  today = todayIso(),
) {
  const s = readScope(db, actor);
  const { afterName, afterId } = sortNameCursor(query.cursor);
  const rows = await db
    .select({ id: units.id, name: units.name, sortName: units.sortName })
    .from(units)
    .where(
      s.where(
        units,
        isNull(units.archivedAt),
        afterName === undefined
          ? undefined
          : or(
              sql`${units.sortName} > ${afterName}`,
              and(sql`${units.sortName} = ${afterName}`, sql`${units.id} > ${afterId}`),
            ),
      ),
    )
    .orderBy(asc(units.sortName), asc(units.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.sortName, r.id]);
  const chains = await switchChains(
    db,
    actor.tenantId,
    page.items.map((u) => u.id),
  );
  const items = page.items.map((u) => {
    const state = billingToday(chains.get(u.id) ?? [], today);
    return {
      unit: { id: u.id, name: u.name },
      mode: state.mode,
      since: state.since,
      inheritedFrom: state.inheritedFrom,
      nextSwitch: state.next,
    };
  });
  return { items, nextCursor: page.nextCursor };
}

/**
 * Each given unit's chain, itself first and then up to the root, with each level's active
 * switches. The tenant's whole unit tree and switches are read once: a kommun has hundreds of
 * units, not millions, and the list pages ask for a page of units at a time.
 */
async function switchChains(
  db: Executor,
  tenantId: string,
  unitIds: readonly string[],
): Promise<Map<string, ChainLevel<SwitchLike>[]>> {
  const chains = new Map<string, ChainLevel<SwitchLike>[]>();
  if (unitIds.length === 0) return chains;
  const tree = await db
    .select({ id: units.id, parentId: units.parentId, name: units.name })
    .from(units)
    .where(eq(units.tenantId, tenantId));
  const switches = await db
    .select({ unitId: billingSwitches.unitId, mode: billingSwitches.mode, fromOn: billingSwitches.fromOn })
    .from(billingSwitches)
    .where(and(eq(billingSwitches.tenantId, tenantId), isNull(billingSwitches.archivedAt)));
  const byId = new Map(tree.map((u) => [u.id, u]));
  const own = Map.groupBy(switches, (w) => w.unitId);
  for (const id of unitIds) {
    const chain: ChainLevel<SwitchLike>[] = [];
    // The depth guard matches the SQL's (billingDays): a cycle in the tree cannot loop forever.
    for (let u = byId.get(id); u && chain.length < 50; u = u.parentId ? byId.get(u.parentId) : undefined)
      chain.push({ unit: { id: u.id, name: u.name }, switches: own.get(u.id) ?? [] });
    chains.set(id, chain);
  }
  return chains;
}

export async function switchRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select({
      id: billingSwitches.id,
      unitId: billingSwitches.unitId,
      fromOn: billingSwitches.fromOn,
      name: units.name,
      archivedAt: billingSwitches.archivedAt,
    })
    .from(billingSwitches)
    .innerJoin(units, and(eq(units.tenantId, billingSwitches.tenantId), eq(units.id, billingSwitches.unitId)))
    .where(and(eq(billingSwitches.tenantId, tenantId), inArray(billingSwitches.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: `${r.name} ${r.fromOn}`,
        href: `/catalogue/billing/${r.unitId}`,
        archived: r.archivedAt !== null,
      },
    ]),
  );
}

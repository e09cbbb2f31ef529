import { and, asc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type {
  GoalCreate,
  GoalListQuery,
  GoalUpdate,
  GoalValueInput,
  IndicatorInput,
  IndicatorYear,
} from '../../../../shared/governance/goals.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { checkActivePeople } from '../../../platform/directory/checks.ts';
import { people } from '../../../platform/directory/schema.ts';
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
import { type ArchiveInput, archiveRow, lockRow, restoreRow } from '../../../platform/records.ts';
import type { IndicatorSource, RecordRef, Seam } from '../../../platform/seam.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { checkIdsIn, type NamedId } from '../refs.ts';
import { goals, indicators, indicatorValues } from './schema.ts';

// The rules of goals: the only writer of ./schema.ts. A goal's indicators are changed with the
// goal (one version); a year's value or target with the values route, which bumps the goal's
// version too, so that two people typing the same year do not overwrite each other. A computed
// indicator's figure comes from its source on the seam each time it is read, until it is frozen
// for the year: then the figure as it was is stored with when, and from which source.

export type GoalRow = typeof goals.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect;
export type ValueRow = typeof indicatorValues.$inferSelect;

export interface IndicatorView extends IndicatorRow {
  source: IndicatorSource | null;
  years: (Omit<IndicatorYear, 'frozenAt'> & { frozenAt: Date | null })[];
}
export interface GoalView extends GoalRow {
  ownerName: string | null;
  indicators: IndicatorView[];
}

/** What the service needs of the seam: the indicator sources. */
export type Sources = Pick<Seam, 'indicatorSource'>;

/** Which years to show of an indicator, given the years it has rows for. */
export type YearsFor = (indicator: IndicatorRow, stored: number[], sourced: boolean) => number[];

const currentYear = () => Number(todayInStockholm().slice(0, 4));

/** A goal's page: every year with a row, and for a computed indicator the last five years too. */
export const recentYears: YearsFor = (_i, stored, sourced) => {
  const now = currentYear();
  return [...new Set([...stored, ...(sourced ? [now - 4, now - 3, now - 2, now - 1, now] : [])])].sort(
    (a, b) => a - b,
  );
};

/** A list: the years with rows, and this year's figure of a computed indicator. */
const listYears: YearsFor = (_i, stored, sourced) =>
  [...new Set([...stored, ...(sourced ? [currentYear()] : [])])].sort((a, b) => a - b);

/** Exactly these years (the follow-up page). */
export const theseYears =
  (years: number[]): YearsFor =>
  () =>
    years;

const checkOwner = (s: TenantScope, id: string | null | undefined) =>
  checkActivePeople(s, { 'body.ownerId': id });

function checkIndicators(list: IndicatorInput[], seam: Sources | undefined) {
  const seen = new Set<string>();
  list.forEach((i, index) => {
    if (i.id) {
      if (seen.has(i.id)) throw problems.field(`body.indicators.${index}.id`, 'Named twice');
      seen.add(i.id);
    }
    if (i.sourceKey && !seam?.indicatorSource(i.sourceKey))
      throw problems.field(`body.indicators.${index}.sourceKey`, 'No such indicator source');
    if (i.baselineYear && i.targetYear && i.targetYear < i.baselineYear)
      throw problems.field(
        `body.indicators.${index}.targetYear`,
        'The target year is before the baseline year',
      );
  });
}

const indicatorValuesOf = (i: IndicatorInput) => ({
  name: i.name,
  unit: i.unit ?? '',
  direction: i.direction,
  baseline: i.baseline ?? null,
  baselineYear: i.baselineYear ?? null,
  target: i.target ?? null,
  targetYear: i.targetYear ?? null,
  sourceKey: i.sourceKey || null,
});

async function indicatorsOf(db: Executor, tenantId: string, goalIds: string[]): Promise<IndicatorRow[]> {
  if (goalIds.length === 0) return [];
  return db
    .select()
    .from(indicators)
    .where(and(eq(indicators.tenantId, tenantId), inArray(indicators.goalId, goalIds)))
    .orderBy(asc(indicators.goalId), asc(indicators.position));
}

/**
 * Writes the goal's indicators as given: those named by id (which must be the goal's) are kept
 * with their values, new ones are added, and those left out are removed with their values (the
 * goal's audit event keeps them).
 */
async function writeIndicators(
  s: TenantScope,
  goalId: string,
  list: IndicatorInput[],
  existing: IndicatorRow[],
) {
  const own = new Set(existing.map((i) => i.id));
  list.forEach((i, index) => {
    if (i.id && !own.has(i.id))
      throw problems.field(`body.indicators.${index}.id`, 'No such indicator of this goal');
  });
  const kept = list.flatMap((i) => (i.id ? [i.id] : []));
  const removed = existing.filter((i) => !kept.includes(i.id)).map((i) => i.id);
  if (removed.length > 0) {
    await s.tx
      .delete(indicatorValues)
      .where(s.where(indicatorValues, inArray(indicatorValues.indicatorId, removed)));
    await s.tx.delete(indicators).where(s.where(indicators, inArray(indicators.id, removed)));
  }
  for (const [position, i] of list.entries()) {
    if (i.id) await s.update(indicators, { ...indicatorValuesOf(i), position }, eq(indicators.id, i.id));
    else await s.insert(indicators, { id: newId(), goalId, position, ...indicatorValuesOf(i) });
  }
}

async function valuesOf(db: Executor, tenantId: string, indicatorIds: string[]): Promise<ValueRow[]> {
  if (indicatorIds.length === 0) return [];
  return db
    .select()
    .from(indicatorValues)
    .where(and(eq(indicatorValues.tenantId, tenantId), inArray(indicatorValues.indicatorId, indicatorIds)))
    .orderBy(asc(indicatorValues.indicatorId), asc(indicatorValues.year));
}

/** The goal's indicators with their values, for the audit trail. */
async function snapshot(db: Executor, tenantId: string, goalId: string) {
  const list = await indicatorsOf(db, tenantId, [goalId]);
  const values = await valuesOf(
    db,
    tenantId,
    list.map((i) => i.id),
  );
  return list.map((i) => ({
    ...i,
    values: values.filter((v) => v.indicatorId === i.id).map(({ tenantId: _t, indicatorId: _i, ...v }) => v),
  }));
}

export function createGoal(db: Database, actor: Actor, input: GoalCreate, seam?: Sources): Promise<GoalRow> {
  return inTenant(db, actor, async (s) => {
    const { indicators: list = [], ...fields } = input;
    if (list.some((i) => i.id)) {
      const index = list.findIndex((i) => i.id);
      throw problems.field(`body.indicators.${index}.id`, 'A new goal has no indicators yet');
    }
    checkIndicators(list, seam);
    await checkOwner(s, fields.ownerId);
    const [row] = await s
      .insert(goals, {
        id: newId(),
        perspective: fields.perspective,
        title: fields.title,
        description: fields.description ?? null,
        ownerId: fields.ownerId ?? null,
        position: fields.position ?? 0,
      })
      .returning();
    await writeIndicators(s, row!.id, list, []);
    await s.audit({
      entity: 'goal',
      entityId: row!.id,
      action: 'create',
      after: { ...row, indicators: await snapshot(s.tx, s.tenantId, row!.id) },
    });
    return row!;
  });
}

export function updateGoal(
  db: Database,
  actor: Actor,
  id: string,
  input: GoalUpdate,
  seam?: Sources,
): Promise<GoalRow> {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, goals, id);
    assertVersion(before, input.version, 'goal');
    if (before!.archivedAt) throw problems.conflict('The goal is archived; restore it first');
    const { version, indicators: list, ...changes } = input;
    const defined = definedOnly(changes);
    if ('ownerId' in defined) await checkOwner(s, defined.ownerId);
    const beforeIndicators = await snapshot(s.tx, s.tenantId, id);
    if (list) {
      checkIndicators(list, seam);
      await writeIndicators(s, id, list, beforeIndicators);
    }
    const [after] = await s
      .update(goals, { ...defined, version: version + 1, updatedAt: new Date() }, eq(goals.id, id))
      .returning();
    await s.audit({
      entity: 'goal',
      entityId: id,
      action: 'update',
      before: { ...before, indicators: beforeIndicators },
      after: { ...after, indicators: list ? await snapshot(s.tx, s.tenantId, id) : beforeIndicators },
    });
    return after!;
  });
}

/**
 * Sets one year of one indicator: its target, its value typed by hand, or (a computed indicator)
 * freezes the figure its source gives now, or lets it follow the source again.
 */
export function setGoalValue(
  db: Database,
  actor: Actor,
  goalId: string,
  input: GoalValueInput,
  seam?: Sources,
): Promise<GoalRow> {
  return inTenant(db, actor, async (s) => {
    const goal = await lockRow(s, goals, goalId);
    assertVersion(goal, input.version, 'goal');
    if (goal!.archivedAt) throw problems.conflict('The goal is archived; restore it first');
    const [indicator] = await s.tx
      .select()
      .from(indicators)
      .where(s.where(indicators, eq(indicators.id, input.indicatorId), eq(indicators.goalId, goalId)));
    if (!indicator) throw problems.field('body.indicatorId', 'No such indicator of this goal');
    const sourced = indicator.sourceKey !== null;
    if (input.value !== undefined && sourced)
      throw problems.field('body.value', 'The value is computed from its source; freeze it instead');
    if (input.freeze !== undefined && !sourced)
      throw problems.field('body.freeze', 'Only a computed value can be frozen');
    if (input.value === undefined && input.target === undefined && input.freeze === undefined)
      throw problems.field('body.value', 'Give a value, a target or freeze');
    const [before] = await s.tx
      .select()
      .from(indicatorValues)
      .where(
        s.where(
          indicatorValues,
          eq(indicatorValues.indicatorId, indicator.id),
          eq(indicatorValues.year, input.year),
        ),
      );
    const next = {
      target: input.target !== undefined ? input.target : (before?.target ?? null),
      value: before?.value ?? null,
      frozenAt: before?.frozenAt ?? null,
      frozenSource: before?.frozenSource ?? null,
    };
    if (input.value !== undefined) next.value = input.value;
    if (input.freeze === true) {
      const source = seam?.indicatorSource(indicator.sourceKey!);
      if (!source) throw problems.field('body.freeze', 'The indicator source is not available');
      const figure = await source.compute(s.tx, s.tenantId, input.year);
      if (figure === null) throw problems.field('body.freeze', 'The source has no figure for the year');
      Object.assign(next, { value: figure, frozenAt: new Date(), frozenSource: source.key });
    } else if (input.freeze === false) {
      Object.assign(next, { value: null, frozenAt: null, frozenSource: null });
    }
    await s.tx
      .insert(indicatorValues)
      .values({ tenantId: s.tenantId, indicatorId: indicator.id, year: input.year, ...next })
      .onConflictDoUpdate({
        target: [indicatorValues.tenantId, indicatorValues.indicatorId, indicatorValues.year],
        set: next,
      });
    const [after] = await s
      .update(goals, { version: input.version + 1, updatedAt: new Date() }, eq(goals.id, goalId))
      .returning();
    const strip = (v: typeof next | undefined) =>
      v ? { indicator: indicator.name, year: input.year, ...v } : null;
    await s.audit({
      entity: 'goal',
      entityId: goalId,
      action: 'value',
      before: strip(before),
      after: strip(next),
    });
    return after!;
  });
}

export function archiveGoal(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  return inTenant(db, actor, (s) => archiveRow(s, goals, id, input, { entity: 'goal' }));
}

export function restoreGoal(db: Database, actor: Actor, id: string, version: number) {
  return inTenant(db, actor, (s) => restoreRow(s, goals, id, { version }, { entity: 'goal' }));
}

const fullName = (given: string | null, family: string | null) => `${given ?? ''} ${family ?? ''}`.trim();

/**
 * Goals with their owner's name and their indicators, each with the years `yearsFor` asks for:
 * a stored value (typed or frozen) or, for a computed indicator, its source's figure now. One
 * source figure per source and year however many indicators follow it.
 */
export async function withDetails(
  db: Executor,
  tenantId: string,
  rows: GoalRow[],
  seam: Sources | undefined,
  yearsFor: YearsFor = recentYears,
): Promise<GoalView[]> {
  if (rows.length === 0) return [];
  const ownerIds = [...new Set(rows.flatMap((r) => (r.ownerId ? [r.ownerId] : [])))];
  const [owners, list] = await Promise.all([
    ownerIds.length
      ? db
          .select({ id: people.id, given: people.givenName, family: people.familyName })
          .from(people)
          .where(and(eq(people.tenantId, tenantId), inArray(people.id, ownerIds)))
      : [],
    indicatorsOf(
      db,
      tenantId,
      rows.map((r) => r.id),
    ),
  ]);
  const values = await valuesOf(
    db,
    tenantId,
    list.map((i) => i.id),
  );
  const figures = new Map<string, Promise<number | null>>();
  const figure = (source: IndicatorSource, y: number) => {
    const key = `${source.key}:${y}`;
    if (!figures.has(key)) figures.set(key, source.compute(db, tenantId, y));
    return figures.get(key)!;
  };
  const views: IndicatorView[] = [];
  for (const i of list) {
    const source = i.sourceKey ? (seam?.indicatorSource(i.sourceKey) ?? null) : null;
    const own = values.filter((v) => v.indicatorId === i.id);
    const years: IndicatorView['years'] = [];
    for (const y of yearsFor(
      i,
      own.map((v) => v.year),
      source !== null,
    )) {
      const row = own.find((v) => v.year === y);
      const target = row?.target ?? null;
      if (row?.frozenAt) {
        years.push({ year: y, target, value: row.value, origin: 'frozen', frozenAt: row.frozenAt });
      } else if (i.sourceKey) {
        const value = source ? await figure(source, y) : null;
        years.push({ year: y, target, value, origin: value === null ? null : 'computed', frozenAt: null });
      } else {
        const value = row?.value ?? null;
        years.push({ year: y, target, value, origin: value === null ? null : 'manual', frozenAt: null });
      }
    }
    views.push({ ...i, source, years });
  }
  const names = new Map(owners.map((o) => [o.id, fullName(o.given, o.family)]));
  return rows.map((row) => ({
    ...row,
    ownerName: row.ownerId ? (names.get(row.ownerId) ?? null) : null,
    indicators: views.filter((i) => i.goalId === row.id),
  }));
}

export async function getGoal(db: Database, actor: Actor, id: string, seam?: Sources): Promise<GoalView> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(goals)
    .where(s.where(goals, eq(goals.id, id)));
  if (!row) throw problems.notFound('goal');
  return (await withDetails(db, actor.tenantId, [row], seam))[0]!;
}

/** The list's order: perspective (society … economy), position, id. */
const listKey: SortKey = {
  columns: [sql`${goals.perspectiveRank}`, sql`${goals.position}`, sql`${goals.id}`],
  types: ['int', 'int', 'uuid'],
};

export async function listGoals(
  db: Database,
  actor: Actor,
  query: GoalListQuery,
  seam?: Sources,
  yearsFor: YearsFor = listYears,
) {
  const s = readScope(db, actor);
  const rows = await db
    .select({ ...goalColumns, ...sortKeyFields(listKey) })
    .from(goals)
    .where(
      s.where(
        goals,
        query.includeArchived ? undefined : isNull(goals.archivedAt),
        query.perspective ? eq(goals.perspective, query.perspective) : undefined,
        query.ownerId ? eq(goals.ownerId, query.ownerId) : undefined,
        query.search
          ? sql`(${goals.title} ilike ${likePattern(query.search)} or exists (select 1 from ${indicators} i where i.tenant_id = ${goals.tenantId} and i.goal_id = ${goals.id} and i.name ilike ${likePattern(query.search)}))`
          : undefined,
        afterKey(listKey, query.cursor, false),
      ),
    )
    .orderBy(...keyOrder(listKey, false))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => sortKeyOfRow(listKey, r));
  const items = page.items.map((r) => withoutKey(r) as unknown as GoalRow);
  return { items: await withDetails(db, actor.tenantId, items, seam, yearsFor), nextCursor: page.nextCursor };
}

// Every column but the sort key, which no reader needs.
const { sortTitle: _sortTitle, ...goalColumns } = getTableColumns(goals);

/** Refuses goals that are not in the scope's tenant, naming the field of each. */
export const checkGoals = (s: TenantScope, items: NamedId[]) => checkIdsIn(s, goals, items, 'No such goal');

/** Names and links of goals by id (the audit trail, an initiative's goals). */
export async function goalRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select({ id: goals.id, title: goals.title, archivedAt: goals.archivedAt })
    .from(goals)
    .where(and(eq(goals.tenantId, tenantId), inArray(goals.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.title, href: `/governance/goals/${r.id}`, archived: r.archivedAt !== null },
    ]),
  );
}

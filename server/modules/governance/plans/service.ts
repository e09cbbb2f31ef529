import { and, asc, eq, getTableColumns, inArray, isNull, or, sql } from 'drizzle-orm';
import type {
  InitiativeInput,
  PlanCreate,
  PlanListQuery,
  PlanUpdate,
} from '../../../../shared/governance/plans.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
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
import type { RecordRef } from '../../../platform/seam.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { decisions } from '../decisions/schema.ts';
import { decisionRefs } from '../decisions/service.ts';
import { checkGoals, goalRefs } from '../goals/service.ts';
import { checkIdsIn, type NamedId } from '../refs.ts';
import { initiativeGoals, initiatives, plans } from './schema.ts';

// The rules of IT plans: the only writer of ./schema.ts. A plan's initiatives are changed with the
// plan (one version): those named by id are kept, new ones added, those left out removed (the
// plan's audit event keeps them). Every goal, person and decision named must be the tenant's.

export type PlanRow = typeof plans.$inferSelect;
export type InitiativeRow = typeof initiatives.$inferSelect;
export interface InitiativeView extends InitiativeRow {
  goals: { id: string; name: string }[];
  responsibleName: string | null;
  decisionName: string | null;
}
export interface PlanView extends PlanRow {
  decisionName: string | null;
  initiatives: InitiativeView[];
}

function checkYears(v: { year: number; endYear?: number | null }) {
  if (v.endYear != null && v.endYear < v.year)
    throw problems.field('body.endYear', 'The end year is before the year');
}

const checkDecisions = (s: TenantScope, items: NamedId[]) =>
  checkIdsIn(s, decisions, items, 'No such decision');
const checkPeople = (s: TenantScope, items: NamedId[]) =>
  checkIdsIn(s, people, items, 'No such active person', isNull(people.archivedAt));

/** Checks the initiatives' dates, and that what they name is the tenant's. */
async function checkInitiatives(s: TenantScope, list: InitiativeInput[]) {
  const goalItems: NamedId[] = [];
  const personItems: NamedId[] = [];
  const decisionItems: NamedId[] = [];
  const seen = new Set<string>();
  list.forEach((i, index) => {
    const at = `body.initiatives.${index}`;
    if (i.id) {
      if (seen.has(i.id)) throw problems.field(`${at}.id`, 'Named twice');
      seen.add(i.id);
    }
    if (i.startsOn && i.endsOn && i.endsOn < i.startsOn)
      throw problems.field(`${at}.endsOn`, 'Ends before it starts');
    for (const [k, g] of (i.goalIds ?? []).entries()) goalItems.push({ id: g, field: `${at}.goalIds.${k}` });
    if (i.responsibleId) personItems.push({ id: i.responsibleId, field: `${at}.responsibleId` });
    if (i.decisionId) decisionItems.push({ id: i.decisionId, field: `${at}.decisionId` });
  });
  await checkGoals(s, goalItems);
  await checkPeople(s, personItems);
  await checkDecisions(s, decisionItems);
}

const initiativeValues = (i: InitiativeInput) => ({
  title: i.title,
  description: i.description ?? null,
  responsibleId: i.responsibleId ?? null,
  status: i.status ?? 'planned',
  startsOn: i.startsOn ?? null,
  endsOn: i.endsOn ?? null,
  plannedCost: i.plannedCost ?? null,
  outcomeCost: i.outcomeCost ?? null,
  statusNote: i.statusNote || null,
  decisionId: i.decisionId ?? null,
  projectLink: i.projectLink || null,
});

async function initiativesOf(db: Executor, tenantId: string, planIds: string[]) {
  if (planIds.length === 0)
    return { rows: [] as InitiativeRow[], links: [] as (typeof initiativeGoals.$inferSelect)[] };
  const rows = await db
    .select()
    .from(initiatives)
    .where(and(eq(initiatives.tenantId, tenantId), inArray(initiatives.planId, planIds)))
    .orderBy(asc(initiatives.planId), asc(initiatives.position));
  const links = rows.length
    ? await db
        .select()
        .from(initiativeGoals)
        .where(
          and(
            eq(initiativeGoals.tenantId, tenantId),
            inArray(
              initiativeGoals.initiativeId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .orderBy(asc(initiativeGoals.initiativeId), asc(initiativeGoals.position))
    : [];
  return { rows, links };
}

/** The plan's initiatives with their goal ids, for the audit trail. */
async function snapshot(db: Executor, tenantId: string, planId: string) {
  const { rows, links } = await initiativesOf(db, tenantId, [planId]);
  return rows.map((r) => ({
    ...r,
    goalIds: links.filter((l) => l.initiativeId === r.id).map((l) => l.goalId),
  }));
}

async function writeInitiatives(
  s: TenantScope,
  planId: string,
  list: InitiativeInput[],
  existing: { id: string }[],
) {
  const own = new Set(existing.map((i) => i.id));
  list.forEach((i, index) => {
    if (i.id && !own.has(i.id))
      throw problems.field(`body.initiatives.${index}.id`, 'No such initiative of this plan');
  });
  const kept = new Set(list.flatMap((i) => (i.id ? [i.id] : [])));
  const all = existing.map((i) => i.id);
  if (all.length > 0)
    await s.tx
      .delete(initiativeGoals)
      .where(s.where(initiativeGoals, inArray(initiativeGoals.initiativeId, all)));
  const removed = all.filter((id) => !kept.has(id));
  if (removed.length > 0)
    await s.tx.delete(initiatives).where(s.where(initiatives, inArray(initiatives.id, removed)));
  const links: Omit<typeof initiativeGoals.$inferInsert, 'tenantId'>[] = [];
  for (const [position, i] of list.entries()) {
    const id = i.id ?? newId();
    if (i.id) await s.update(initiatives, { ...initiativeValues(i), position }, eq(initiatives.id, id));
    else await s.insert(initiatives, { id, planId, position, ...initiativeValues(i) });
    for (const [k, goalId] of [...new Set(i.goalIds ?? [])].entries())
      links.push({ initiativeId: id, goalId, position: k });
  }
  if (links.length > 0) await s.insertMany(initiativeGoals, links);
}

export function createPlan(db: Database, actor: Actor, input: PlanCreate): Promise<PlanRow> {
  return inTenant(db, actor, async (s) => {
    const { initiatives: list = [], ...fields } = input;
    checkYears(fields);
    const index = list.findIndex((i) => i.id);
    if (index >= 0) throw problems.field(`body.initiatives.${index}.id`, 'A new plan has no initiatives yet');
    if (fields.decisionId) await checkDecisions(s, [{ id: fields.decisionId, field: 'body.decisionId' }]);
    await checkInitiatives(s, list);
    const [row] = await s
      .insert(plans, {
        id: newId(),
        year: fields.year,
        endYear: fields.endYear ?? null,
        title: fields.title,
        description: fields.description ?? null,
        decisionId: fields.decisionId ?? null,
      })
      .returning();
    await writeInitiatives(s, row!.id, list, []);
    await s.audit({
      entity: 'plan',
      entityId: row!.id,
      action: 'create',
      after: { ...row, initiatives: await snapshot(s.tx, s.tenantId, row!.id) },
    });
    return row!;
  });
}

export function updatePlan(db: Database, actor: Actor, id: string, input: PlanUpdate): Promise<PlanRow> {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, plans, id);
    assertVersion(before, input.version, 'plan');
    if (before!.archivedAt) throw problems.conflict('The plan is archived; restore it first');
    const { version, initiatives: list, ...changes } = input;
    const defined = definedOnly(changes);
    checkYears({ ...before!, ...defined });
    if (defined.decisionId) await checkDecisions(s, [{ id: defined.decisionId, field: 'body.decisionId' }]);
    const beforeInitiatives = await snapshot(s.tx, s.tenantId, id);
    if (list) {
      await checkInitiatives(s, list);
      await writeInitiatives(s, id, list, beforeInitiatives);
    }
    const [after] = await s
      .update(plans, { ...defined, version: version + 1, updatedAt: new Date() }, eq(plans.id, id))
      .returning();
    await s.audit({
      entity: 'plan',
      entityId: id,
      action: 'update',
      before: { ...before, initiatives: beforeInitiatives },
      after: { ...after, initiatives: list ? await snapshot(s.tx, s.tenantId, id) : beforeInitiatives },
    });
    return after!;
  });
}

export function archivePlan(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  return inTenant(db, actor, (s) => archiveRow(s, plans, id, input, { entity: 'plan' }));
}

export function restorePlan(db: Database, actor: Actor, id: string, version: number) {
  return inTenant(db, actor, (s) => restoreRow(s, plans, id, { version }, { entity: 'plan' }));
}

/** Plans with their initiatives and the names of the goals, people and decisions they name. */
export async function withDetails(db: Executor, tenantId: string, rows: PlanRow[]): Promise<PlanView[]> {
  if (rows.length === 0) return [];
  const { rows: list, links } = await initiativesOf(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
  const personIds = [...new Set(list.flatMap((i) => (i.responsibleId ? [i.responsibleId] : [])))];
  const decisionIds = [...new Set([...rows, ...list].flatMap((r) => (r.decisionId ? [r.decisionId] : [])))];
  const [goalNames, personRows, decisionNames] = await Promise.all([
    goalRefs(
      db,
      tenantId,
      links.map((l) => l.goalId),
    ),
    personIds.length
      ? db
          .select({ id: people.id, given: people.givenName, family: people.familyName })
          .from(people)
          .where(and(eq(people.tenantId, tenantId), inArray(people.id, personIds)))
      : [],
    decisionRefs(db, tenantId, decisionIds),
  ]);
  const personNames = new Map(personRows.map((p) => [p.id, `${p.given ?? ''} ${p.family ?? ''}`.trim()]));
  const decisionName = (id: string | null) => (id ? (decisionNames.get(id)?.name ?? null) : null);
  const views: InitiativeView[] = list.map((i) => ({
    ...i,
    goals: links
      .filter((l) => l.initiativeId === i.id)
      .map((l) => ({ id: l.goalId, name: goalNames.get(l.goalId)?.name ?? '' })),
    responsibleName: i.responsibleId ? (personNames.get(i.responsibleId) ?? null) : null,
    decisionName: decisionName(i.decisionId),
  }));
  return rows.map((row) => ({
    ...row,
    decisionName: decisionName(row.decisionId),
    initiatives: views.filter((i) => i.planId === row.id),
  }));
}

export async function getPlan(db: Database, actor: Actor, id: string): Promise<PlanView> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(plans)
    .where(s.where(plans, eq(plans.id, id)));
  if (!row) throw problems.notFound('plan');
  return (await withDetails(db, actor.tenantId, [row]))[0]!;
}

/** Newest first: by year, then id. */
const listKey: SortKey = { columns: [sql`${plans.year}`, sql`${plans.id}`], types: ['int', 'uuid'] };

export async function listPlans(db: Database, actor: Actor, query: PlanListQuery) {
  const s = readScope(db, actor);
  const rows = await db
    .select({ ...planColumns, ...sortKeyFields(listKey) })
    .from(plans)
    .where(
      s.where(
        plans,
        query.includeArchived ? undefined : isNull(plans.archivedAt),
        query.year
          ? sql`${plans.year} <= ${query.year} and coalesce(${plans.endYear}, ${plans.year}) >= ${query.year}`
          : undefined,
        query.goalId
          ? sql`exists (select 1 from ${initiatives} i join ${initiativeGoals} g on g.tenant_id = i.tenant_id and g.initiative_id = i.id where i.tenant_id = ${plans.tenantId} and i.plan_id = ${plans.id} and g.goal_id = ${query.goalId})`
          : undefined,
        query.search
          ? or(
              sql`${plans.title} ilike ${likePattern(query.search)}`,
              sql`exists (select 1 from ${initiatives} i where i.tenant_id = ${plans.tenantId} and i.plan_id = ${plans.id} and i.title ilike ${likePattern(query.search)})`,
            )
          : undefined,
        afterKey(listKey, query.cursor, true),
      ),
    )
    .orderBy(...keyOrder(listKey, true))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => sortKeyOfRow(listKey, r));
  const items = page.items.map((r) => withoutKey(r) as unknown as PlanRow);
  return { items: await withDetails(db, actor.tenantId, items), nextCursor: page.nextCursor };
}

// Every column but the sort key, which no reader needs.
const { sortTitle: _sortTitle, ...planColumns } = getTableColumns(plans);

/** Names and links of plans by id (the audit trail). */
export async function planRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select({ id: plans.id, title: plans.title, year: plans.year, archivedAt: plans.archivedAt })
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), inArray(plans.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.title, href: `/governance/plans/${r.id}`, archived: r.archivedAt !== null },
    ]),
  );
}

/**
 * The initiatives with these ids in the tenant, with their plan and title: what another module
 * (the portfolio's projects) links to. An id missing from the answer is no initiative there.
 */
export async function initiativeRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { id: string; name: string; planId: string }>();
  const rows = await db
    .select({ id: initiatives.id, name: initiatives.title, planId: initiatives.planId })
    .from(initiatives)
    .where(and(eq(initiatives.tenantId, tenantId), inArray(initiatives.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r]));
}

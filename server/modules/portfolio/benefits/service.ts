import { and, desc, eq, getTableColumns, inArray, isNull, or, sql } from 'drizzle-orm';
import {
  type BenefitKind,
  benefitOf,
  type EffectGoalCreate,
  type EffectGoalListQuery,
  type EffectGoalUpdate,
  type FollowUpCreate,
  type GoalDirection,
} from '../../../../shared/portfolio/benefits.ts';
import { type Database, type Executor, rowsOf } from '../../../db/client.ts';
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
import type { RecordRef } from '../../../platform/seam.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { demands } from '../demands/schema.ts';
import { portfolioPolicy } from '../policy.ts';
import { projects } from '../projects/schema.ts';
import { addDays, scheduleFollowUpReminders } from './reminders.ts';
import { benefitFollowUps, effectGoals } from './schema.ts';

// The rules of effect goals and their follow-ups: the only writer of ./schema.ts. A goal belongs
// to a project of the tenant that is not archived, and names an active person of the tenant as
// responsible; its target lies from the baseline in its direction; money (öre a year) and hours
// (a year) are whole numbers; its follow-up dates are distinct and kept in order. A follow-up is
// a measurement on a day not in the future, answering the planned date it names (or the earliest
// open one due within 60 days); it moves the goal's next follow-up date on and is a change of the
// goal (its version). The project's keepers and its manager keep the goals; the responsible
// person records follow-ups too.

export type GoalRow = typeof effectGoals.$inferSelect;
export type FollowUpRow = typeof benefitFollowUps.$inferSelect;
export interface GoalView extends GoalRow {
  projectName: string;
  projectManagerId: string | null;
  responsibleName: string;
  followUps: FollowUpRow[];
}

type ProjectRow = typeof projects.$inferSelect;

// ---------------------------------------------------------------- checks

/** How far before a planned date a measurement still answers it when it names none. */
const ANSWER_WINDOW_DAYS = 60;

const wholeKinds: readonly BenefitKind[] = ['money', 'hours'];

function checkValues(g: { kind: BenefitKind; direction: GoalDirection; baseline: number; target: number }) {
  if (wholeKinds.includes(g.kind)) {
    if (!Number.isInteger(g.baseline)) throw problems.field('body.baseline', 'Must be a whole number');
    if (!Number.isInteger(g.target)) throw problems.field('body.target', 'Must be a whole number');
  }
  if (benefitOf(g, g.target) <= 0)
    throw problems.field(
      'body.target',
      g.direction === 'increase'
        ? 'The target must be above the baseline'
        : 'The target must be below the baseline',
    );
}

function datesOf(list: string[]): string[] {
  const seen = new Set<string>();
  list.forEach((d, i) => {
    if (seen.has(d)) throw problems.field(`body.followUpDates.${i}`, 'The date is named twice');
    seen.add(d);
  });
  return [...list].sort();
}

const nextOf = (dates: readonly string[], answered: readonly string[]) =>
  dates.find((d) => !answered.includes(d)) ?? null;

/** The project of a goal, locked: in the tenant, not archived, and the actor may keep its goals. */
async function projectFor(s: TenantScope, projectId: string, field: string | null): Promise<ProjectRow> {
  const project = await lockRow(s, projects, projectId);
  if (!project) {
    if (field) throw problems.field(field, 'No such project');
    throw problems.notFound('project');
  }
  if (!portfolioPolicy.editGoals(s.actor, project)) throw problems.forbidden();
  if (project.archivedAt) throw problems.conflict('The project is archived; restore it first');
  return project;
}

// ---------------------------------------------------------------- goals

export function createGoal(db: Database, actor: Actor, input: EffectGoalCreate): Promise<GoalRow> {
  return inTenant(db, actor, async (s) => {
    const project = await projectFor(s, input.projectId, 'body.projectId');
    await checkActivePeople(s, { 'body.responsibleId': input.responsibleId });
    checkValues(input);
    const followUpDates = datesOf(input.followUpDates);
    const [row] = await s
      .insert(effectGoals, {
        id: newId(),
        projectId: project.id,
        name: input.name,
        description: input.description || null,
        indicator: input.indicator,
        unit: input.unit || null,
        direction: input.direction,
        kind: input.kind,
        baseline: input.baseline,
        target: input.target,
        responsibleId: input.responsibleId,
        followUpDates,
        answeredDates: [],
        nextFollowUpOn: nextOf(followUpDates, []),
      })
      .returning();
    await s.audit({ entity: 'effectGoal', entityId: row!.id, action: 'create', after: row });
    await scheduleFollowUpReminders(s, row!, project.name);
    return row!;
  });
}

/** The goal, locked, with its project, for a change: 404, then 409 on a stale version. */
async function goalFor(s: TenantScope, id: string, version: number) {
  const before = await lockRow(s, effectGoals, id);
  assertVersion(before, version, 'effectGoal');
  const project = await lockRow(s, projects, before!.projectId);
  return { before: before!, project: project! };
}

export function updateGoal(
  db: Database,
  actor: Actor,
  id: string,
  input: EffectGoalUpdate,
): Promise<GoalRow> {
  return inTenant(db, actor, async (s) => {
    const { before, project } = await goalFor(s, id, input.version);
    if (!portfolioPolicy.editGoals(actor, project)) throw problems.forbidden();
    if (before.archivedAt) throw problems.conflict('The effect goal is archived; restore it first');
    if (project.archivedAt) throw problems.conflict('The project is archived; restore it first');
    const { version, followUpDates, ...changes } = input;
    const defined = definedOnly(changes);
    await checkActivePeople(s, { 'body.responsibleId': defined.responsibleId });
    const merged = { ...before, ...defined } as GoalRow;
    checkValues({
      kind: merged.kind as BenefitKind,
      direction: merged.direction as GoalDirection,
      baseline: merged.baseline,
      target: merged.target,
    });
    const dates = followUpDates ? datesOf(followUpDates) : before.followUpDates;
    const answeredDates = before.answeredDates.filter((d) => dates.includes(d));
    const [after] = await s
      .update(
        effectGoals,
        {
          ...defined,
          ...('description' in defined ? { description: defined.description || null } : {}),
          ...('unit' in defined ? { unit: defined.unit || null } : {}),
          followUpDates: dates,
          answeredDates,
          nextFollowUpOn: nextOf(dates, answeredDates),
          version: version + 1,
          updatedAt: new Date(),
        },
        eq(effectGoals.id, id),
      )
      .returning();
    await s.audit({ entity: 'effectGoal', entityId: id, action: 'update', before, after });
    await scheduleFollowUpReminders(s, after!, project.name);
    return after!;
  });
}

async function mayKeep(s: TenantScope, row: GoalRow) {
  const project = await lockRow(s, projects, row.projectId);
  if (!portfolioPolicy.editGoals(s.actor, project!)) throw problems.forbidden();
  return project!;
}

export function archiveGoal(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  return inTenant(db, actor, (s) =>
    archiveRow(s, effectGoals, id, input, {
      entity: 'effectGoal',
      noun: 'effect goal',
      check: async (row) => {
        await mayKeep(s, row);
      },
    }),
  );
}

export function restoreGoal(db: Database, actor: Actor, id: string, version: number) {
  return inTenant(db, actor, async (s) => {
    let projectName = '';
    const row = await restoreRow(
      s,
      effectGoals,
      id,
      { version },
      {
        entity: 'effectGoal',
        noun: 'effect goal',
        check: async (r) => {
          projectName = (await mayKeep(s, r)).name;
        },
      },
    );
    await scheduleFollowUpReminders(s, row, projectName);
    return row;
  });
}

// ---------------------------------------------------------------- follow-ups

export function addFollowUp(db: Database, actor: Actor, id: string, input: FollowUpCreate) {
  return inTenant(db, actor, async (s) => {
    const { before, project } = await goalFor(s, id, input.version);
    if (!portfolioPolicy.followUp(actor, project, before)) throw problems.forbidden();
    if (before.archivedAt) throw problems.conflict('The effect goal is archived; restore it first');
    if (project.archivedAt) throw problems.conflict('The project is archived; restore it first');
    const today = todayInStockholm();
    if (input.measuredOn > today) throw problems.field('body.measuredOn', 'The day is in the future');
    const value = input.value ?? null;
    if (wholeKinds.includes(before.kind as BenefitKind)) {
      if (value === null) throw problems.field('body.value', 'Required');
      if (!Number.isInteger(value)) throw problems.field('body.value', 'Must be a whole number');
    }
    const open = before.followUpDates.filter((d) => !before.answeredDates.includes(d));
    let dueOn: string | null = null;
    if (input.dueOn) {
      if (!open.includes(input.dueOn))
        throw problems.field('body.dueOn', 'No open follow-up date of the goal on that day');
      dueOn = input.dueOn;
    } else {
      const first = open[0];
      if (first && first <= addDays(input.measuredOn, ANSWER_WINDOW_DAYS)) dueOn = first;
    }
    const [row] = await s
      .insert(benefitFollowUps, {
        id: newId(),
        goalId: id,
        measuredOn: input.measuredOn,
        value,
        comment: input.comment || null,
        dueOn,
        recordedBy: actor.personId,
        recordedByName: actor.name,
      })
      .returning();
    const answeredDates = dueOn ? [...before.answeredDates, dueOn].sort() : before.answeredDates;
    const [after] = await s
      .update(
        effectGoals,
        {
          answeredDates,
          nextFollowUpOn: nextOf(before.followUpDates, answeredDates),
          version: input.version + 1,
          updatedAt: new Date(),
        },
        eq(effectGoals.id, id),
      )
      .returning();
    await s.audit({
      entity: 'effectGoal',
      entityId: id,
      action: 'followUp',
      before,
      after: { ...after, followUp: row },
    });
    await scheduleFollowUpReminders(s, after!, project.name);
    return row!;
  });
}

// ---------------------------------------------------------------- reading

/** Goals with their project's name and manager, the responsible person's name and their follow-ups. */
export async function withDetails(db: Executor, tenantId: string, rows: GoalRow[]): Promise<GoalView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [followUps, projectRows, personRows] = await Promise.all([
    db
      .select()
      .from(benefitFollowUps)
      .where(and(eq(benefitFollowUps.tenantId, tenantId), inArray(benefitFollowUps.goalId, ids)))
      .orderBy(desc(benefitFollowUps.measuredOn), desc(benefitFollowUps.createdAt)),
    db
      .select({ id: projects.id, name: projects.name, managerId: projects.managerId })
      .from(projects)
      .where(
        and(
          eq(projects.tenantId, tenantId),
          inArray(projects.id, [...new Set(rows.map((r) => r.projectId))]),
        ),
      ),
    db
      .select({ id: people.id, given: people.givenName, family: people.familyName })
      .from(people)
      .where(
        and(
          eq(people.tenantId, tenantId),
          inArray(people.id, [...new Set(rows.map((r) => r.responsibleId))]),
        ),
      ),
  ]);
  const project = new Map(projectRows.map((p) => [p.id, p]));
  const names = new Map(personRows.map((p) => [p.id, `${p.given ?? ''} ${p.family ?? ''}`.trim()]));
  return rows.map((row) => ({
    ...row,
    projectName: project.get(row.projectId)?.name ?? '',
    projectManagerId: project.get(row.projectId)?.managerId ?? null,
    responsibleName: names.get(row.responsibleId) ?? '',
    followUps: followUps.filter((f) => f.goalId === row.id),
  }));
}

export async function getGoal(db: Database, actor: Actor, id: string): Promise<GoalView> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(effectGoals)
    .where(s.where(effectGoals, eq(effectGoals.id, id)));
  if (!row) throw problems.notFound('effectGoal');
  return (await withDetails(db, actor.tenantId, [row]))[0]!;
}

/** In name order: by sort name, then id. */
const listKey: SortKey = {
  columns: [sql`${effectGoals.sortName}`, sql`${effectGoals.id}`],
  types: ['text', 'uuid'],
};

export async function listGoals(db: Database, actor: Actor, query: EffectGoalListQuery) {
  const s = readScope(db, actor);
  const today = todayInStockholm();
  const rows = await db
    .select({ ...getTableColumns(effectGoals), ...sortKeyFields(listKey) })
    .from(effectGoals)
    .where(
      s.where(
        effectGoals,
        query.includeArchived ? undefined : isNull(effectGoals.archivedAt),
        query.projectId ? eq(effectGoals.projectId, query.projectId) : undefined,
        query.responsibleId ? eq(effectGoals.responsibleId, query.responsibleId) : undefined,
        query.kind ? eq(effectGoals.kind, query.kind) : undefined,
        query.dueBy ? sql`${effectGoals.nextFollowUpOn} <= ${query.dueBy}` : undefined,
        query.overdue === true ? sql`${effectGoals.nextFollowUpOn} < ${today}` : undefined,
        query.overdue === false
          ? sql`(${effectGoals.nextFollowUpOn} is null or ${effectGoals.nextFollowUpOn} >= ${today})`
          : undefined,
        query.search
          ? or(
              sql`${effectGoals.name} ilike ${likePattern(query.search)}`,
              sql`${effectGoals.indicator} ilike ${likePattern(query.search)}`,
            )
          : undefined,
        afterKey(listKey, query.cursor, false),
      ),
    )
    .orderBy(...keyOrder(listKey, false))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => sortKeyOfRow(listKey, r));
  const items = page.items.map((r) => withoutKey(r) as unknown as GoalRow);
  return { items: await withDetails(db, actor.tenantId, items), nextCursor: page.nextCursor };
}

/** Names and links of effect goals by id (the audit trail). */
export async function goalRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select({
      id: effectGoals.id,
      name: effectGoals.name,
      projectId: effectGoals.projectId,
      archivedAt: effectGoals.archivedAt,
    })
    .from(effectGoals)
    .where(and(eq(effectGoals.tenantId, tenantId), inArray(effectGoals.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        href: `/portfolio/projects/${r.projectId}#benefits`,
        archived: r.archivedAt !== null,
      },
    ]),
  );
}

// ---------------------------------------------------------------- the portfolio's benefit

export interface BenefitFigures {
  goals: number;
  followUpsOverdue: number;
  followUpsDueSoon: number;
  /** What the decided demands of the active projects promised in their preparation. */
  decided: { yearlySavings: number; hoursFreed: number };
  /** What the active projects' effect goals promise, by kind. */
  promised: { money: number; hours: number };
  /** What the goals followed up so far promised, and what they realised (their latest value). */
  promisedFollowedUp: { money: number; hours: number };
  realised: { money: number; hours: number };
}

/**
 * The portfolio's promised against realised benefit, in money (öre a year) and hours (a year):
 * one statement over the tenant's index ranges (each goal's latest measured value through the
 * index on goal and day), nothing listed.
 */
export async function benefitFigures(db: Executor, tenantId: string): Promise<BenefitFigures> {
  const today = todayInStockholm();
  const soon = addDays(today, 14);
  const [r] = rowsOf<Record<string, string | number | null>>(
    await db.execute(sql`
      with g as (
        select ${effectGoals.kind} as kind, ${effectGoals.nextFollowUpOn} as next_on,
          case when ${effectGoals.direction} = 'increase' then ${effectGoals.target} - ${effectGoals.baseline}
               else ${effectGoals.baseline} - ${effectGoals.target} end as promised,
          case when latest.value is null then null
               when ${effectGoals.direction} = 'increase' then latest.value - ${effectGoals.baseline}
               else ${effectGoals.baseline} - latest.value end as realised
        from ${effectGoals}
        join ${projects} p on p.tenant_id = ${effectGoals.tenantId} and p.id = ${effectGoals.projectId}
          and p.archived_at is null
        left join lateral (
          select f.value from ${benefitFollowUps} f
          where f.tenant_id = ${effectGoals.tenantId} and f.goal_id = ${effectGoals.id} and f.value is not null
          order by f.measured_on desc, f.created_at desc limit 1
        ) latest on true
        where ${effectGoals.tenantId} = ${tenantId} and ${effectGoals.archivedAt} is null
      )
      select count(*)::int as goals,
        count(*) filter (where next_on < ${today}::date)::int as overdue,
        count(*) filter (where next_on >= ${today}::date and next_on <= ${soon}::date)::int as soon,
        coalesce(round(sum(promised) filter (where kind = 'money')), 0)::bigint as promised_money,
        coalesce(round(sum(promised) filter (where kind = 'hours')), 0)::bigint as promised_hours,
        coalesce(round(sum(promised) filter (where kind = 'money' and realised is not null)), 0)::bigint as followed_money,
        coalesce(round(sum(promised) filter (where kind = 'hours' and realised is not null)), 0)::bigint as followed_hours,
        coalesce(round(sum(realised) filter (where kind = 'money')), 0)::bigint as realised_money,
        coalesce(round(sum(realised) filter (where kind = 'hours')), 0)::bigint as realised_hours,
        (select coalesce(sum(d.yearly_savings), 0) from ${demands} d
          where d.tenant_id = ${tenantId} and exists (select 1 from ${projects} p
            where p.tenant_id = d.tenant_id and p.demand_id = d.id and p.archived_at is null)) as decided_money,
        (select coalesce(sum(d.hours_freed), 0) from ${demands} d
          where d.tenant_id = ${tenantId} and exists (select 1 from ${projects} p
            where p.tenant_id = d.tenant_id and p.demand_id = d.id and p.archived_at is null)) as decided_hours
      from g`),
  );
  const n = (k: string) => Number(r?.[k] ?? 0);
  return {
    goals: n('goals'),
    followUpsOverdue: n('overdue'),
    followUpsDueSoon: n('soon'),
    decided: { yearlySavings: n('decided_money'), hoursFreed: n('decided_hours') },
    promised: { money: n('promised_money'), hours: n('promised_hours') },
    promisedFollowedUp: { money: n('followed_money'), hours: n('followed_hours') },
    realised: { money: n('realised_money'), hours: n('realised_hours') },
  };
}

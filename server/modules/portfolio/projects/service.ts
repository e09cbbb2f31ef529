import { and, asc, desc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import {
  type BudgetYearInput,
  type DeviationCreate,
  type HandoverBody,
  type MilestoneInput,
  nextReportDue,
  type ProjectCreate,
  type ProjectListQuery,
  type ProjectPhase,
  type ProjectUpdate,
  type ReportCadence,
  type RiskInput,
  type StatusReportCreate,
} from '../../../../shared/portfolio/projects.ts';
import type { Database, Executor } from '../../../db/client.ts';
import { type Actor, systemActor } from '../../../platform/context.ts';
import { people, units } from '../../../platform/directory/schema.ts';
import { Problem, problems } from '../../../platform/errors.ts';
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
import type { AgendaRecord, RecordRef, Seam } from '../../../platform/seam.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { forumRefs } from '../../governance/forums/service.ts';
import { addItem, listMeetings } from '../../governance/meetings/service.ts';
import { initiativeRefs } from '../../governance/plans/service.ts';
import { checkIdsIn, type NamedId } from '../../governance/refs.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { registryPolicy } from '../../registry/policy.ts';
import { createSystem, getSystem, systemRefs, updateSystem } from '../../registry/systems/service.ts';
import { carryOut } from '../demands/service.ts';
import { portfolioPolicy } from '../policy.ts';
import { scheduleReportReminder } from './reminders.ts';
import { type BudgetYear, deviations, type Milestone, projects, type Risk, statusReports } from './schema.ts';

// The rules of projects: the only writer of ./schema.ts. Everything a project names (manager,
// steering group, unit, systems, the IT plan's initiative, risk owners) must be the tenant's. A
// status report moves the next report's due date on by the cadence; a deviation goes to the
// steering group: onto its next planned meeting's agenda when there is one (through governance's
// meetings service), else it waits for the forum as an agenda source. The handover puts the
// system into operation in the register, or makes a new one there (through the registry's
// service, audited there).

export type ProjectRow = typeof projects.$inferSelect;
export type ReportRow = typeof statusReports.$inferSelect;
export type DeviationRow = typeof deviations.$inferSelect;
export interface ProjectView extends ProjectRow {
  names: Map<string, string>;
  initiative: { id: string; name: string; planId: string } | null;
  reports: ReportRow[];
  deviations: (DeviationRow & { meetingStartsAt: Date | null })[];
}

type Seams = Pick<Seam, 'agendaSource'>;

// ---------------------------------------------------------------- checks

const checkPeople = (s: TenantScope, items: NamedId[]) =>
  checkIdsIn(s, people, items, 'No such active person', isNull(people.archivedAt));

async function checkReferences(s: TenantScope, input: Partial<ProjectCreate>) {
  const persons: NamedId[] = [];
  if (input.managerId) persons.push({ id: input.managerId, field: 'body.managerId' });
  for (const [i, r] of (input.risks ?? []).entries())
    if (r.ownerId) persons.push({ id: r.ownerId, field: `body.risks.${i}.ownerId` });
  await checkPeople(s, persons);
  if (input.unitId)
    await checkIdsIn(
      s,
      units,
      [{ id: input.unitId, field: 'body.unitId' }],
      'No such active unit',
      isNull(units.archivedAt),
    );
  if (input.steeringGroupId) {
    const found = await forumRefs(s.tx, s.tenantId, [input.steeringGroupId]);
    const forum = found.get(input.steeringGroupId);
    if (!forum || forum.archived) throw problems.field('body.steeringGroupId', 'No such active forum');
  }
  if (input.systemIds?.length) {
    const found = await systemRefs(s.tx, s.tenantId, input.systemIds);
    for (const [i, id] of input.systemIds.entries())
      if (!found.has(id)) throw problems.field(`body.systemIds.${i}`, 'No such system');
  }
  if (input.initiativeId) {
    const found = await initiativeRefs(s.tx, s.tenantId, [input.initiativeId]);
    if (!found.has(input.initiativeId)) throw problems.field('body.initiativeId', 'No such initiative');
  }
}

function checkDates(v: { startsOn?: string | null; endsOn?: string | null }) {
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn)
    throw problems.field('body.endsOn', 'The project ends before it starts');
}

function budgetOf(list: BudgetYearInput[]): BudgetYear[] {
  const seen = new Set<number>();
  list.forEach((b, i) => {
    if (seen.has(b.year)) throw problems.field(`body.budget.${i}.year`, 'The year is named twice');
    seen.add(b.year);
  });
  return [...list]
    .sort((a, b) => a.year - b.year)
    .map((b) => ({
      year: b.year,
      investment: b.investment ?? null,
      running: b.running ?? null,
      investmentOutcome: b.investmentOutcome ?? null,
      runningOutcome: b.runningOutcome ?? null,
    }));
}

/** Keeps items named by id (they must be the project's), gives new ones an id. */
function withIds<T extends { id?: string }>(list: T[], existing: { id: string }[], field: string) {
  const own = new Set(existing.map((e) => e.id));
  const seen = new Set<string>();
  return list.map((item, i) => {
    if (item.id) {
      if (!own.has(item.id)) throw problems.field(`body.${field}.${i}.id`, 'No such item of this project');
      if (seen.has(item.id)) throw problems.field(`body.${field}.${i}.id`, 'Named twice');
      seen.add(item.id);
    }
    return { ...item, id: item.id ?? newId() };
  });
}

const milestonesOf = (list: MilestoneInput[], existing: Milestone[]): Milestone[] =>
  withIds(list, existing, 'milestones').map((m) => ({
    id: m.id,
    name: m.name,
    plannedOn: m.plannedOn ?? null,
    doneOn: m.doneOn ?? null,
  }));

const risksOf = (list: RiskInput[], existing: Risk[]): Risk[] =>
  withIds(list, existing, 'risks').map((r) => ({
    id: r.id,
    description: r.description,
    probability: r.probability,
    consequence: r.consequence,
    mitigation: r.mitigation || null,
    ownerId: r.ownerId ?? null,
  }));

async function lastPeriodTo(db: Executor, tenantId: string, projectId: string): Promise<string | null> {
  const [row] = await db
    .select({ to: statusReports.periodTo })
    .from(statusReports)
    .where(and(eq(statusReports.tenantId, tenantId), eq(statusReports.projectId, projectId)))
    .orderBy(desc(statusReports.periodTo))
    .limit(1);
  return row?.to ?? null;
}

async function dueOf(s: TenantScope, row: Pick<ProjectRow, 'id' | 'phase' | 'reportCadence' | 'startsOn'>) {
  return nextReportDue(
    {
      phase: row.phase as ProjectPhase,
      reportCadence: row.reportCadence as ReportCadence,
      startsOn: row.startsOn,
    },
    await lastPeriodTo(s.tx, s.tenantId, row.id),
    todayInStockholm(),
  );
}

// ---------------------------------------------------------------- projects

export function createProject(db: Database, actor: Actor, input: ProjectCreate): Promise<ProjectRow> {
  return inTenant(db, actor, async (s) => {
    checkDates(input);
    if (input.phase === 'handedOver')
      throw problems.field('body.phase', 'A project is handed over through its handover');
    await checkReferences(s, input);
    if (input.demandId) await carryOut(s, input.demandId);
    const fields = {
      id: newId(),
      name: input.name,
      description: input.description ?? null,
      phase: input.phase ?? 'preStudy',
      demandId: input.demandId ?? null,
      initiativeId: input.initiativeId ?? null,
      managerId: input.managerId ?? null,
      steeringGroupId: input.steeringGroupId ?? null,
      unitId: input.unitId ?? null,
      systemIds: [...new Set(input.systemIds ?? [])],
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
      reportCadence: input.reportCadence ?? 'monthly',
      budget: budgetOf(input.budget ?? []),
      milestones: milestonesOf(
        (input.milestones ?? []).map((m, i) => {
          if (m.id) throw problems.field(`body.milestones.${i}.id`, 'A new project has no milestones yet');
          return m;
        }),
        [],
      ),
      risks: risksOf(
        (input.risks ?? []).map((r, i) => {
          if (r.id) throw problems.field(`body.risks.${i}.id`, 'A new project has no risks yet');
          return r;
        }),
        [],
      ),
    };
    const nextReportOn = await dueOf(s, fields);
    const [row] = await s.insert(projects, { ...fields, nextReportOn }).returning();
    await s.audit({ entity: 'project', entityId: row!.id, action: 'create', after: row });
    await scheduleReportReminder(s, row!);
    return row!;
  });
}

export function updateProject(
  db: Database,
  actor: Actor,
  id: string,
  input: ProjectUpdate,
): Promise<ProjectRow> {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, projects, id);
    assertVersion(before, input.version, 'project');
    if (before!.archivedAt) throw problems.conflict('The project is archived; restore it first');
    const { version, budget, milestones, risks, systemIds, ...changes } = input;
    const defined = definedOnly(changes);
    if (defined.phase === 'handedOver' && before!.phase !== 'handedOver')
      throw problems.field('body.phase', 'A project is handed over through its handover');
    if (before!.phase === 'handedOver' && defined.phase && defined.phase !== 'handedOver')
      throw problems.field('body.phase', 'The project is handed over to förvaltning');
    checkDates({ ...before!, ...defined });
    await checkReferences(s, { ...defined, risks, systemIds });
    if (defined.demandId && defined.demandId !== before!.demandId) await carryOut(s, defined.demandId);
    const set: Partial<ProjectRow> = {
      ...defined,
      ...(budget ? { budget: budgetOf(budget) } : {}),
      ...(milestones ? { milestones: milestonesOf(milestones, before!.milestones) } : {}),
      ...(risks ? { risks: risksOf(risks, before!.risks) } : {}),
      ...(systemIds ? { systemIds: [...new Set(systemIds)] } : {}),
    };
    const merged = { ...before!, ...set };
    set.nextReportOn = await dueOf(s, merged);
    const [after] = await s
      .update(projects, { ...set, version: version + 1, updatedAt: new Date() }, eq(projects.id, id))
      .returning();
    await s.audit({ entity: 'project', entityId: id, action: 'update', before, after });
    await scheduleReportReminder(s, after!);
    return after!;
  });
}

export function archiveProject(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  return inTenant(db, actor, (s) => archiveRow(s, projects, id, input, { entity: 'project' }));
}

export function restoreProject(db: Database, actor: Actor, id: string, version: number) {
  return inTenant(db, actor, (s) => restoreRow(s, projects, id, { version }, { entity: 'project' }));
}

// ---------------------------------------------------------------- status reports and deviations

/** The project for a report or deviation: in the tenant, not archived, and the actor may report. */
async function reportable(s: TenantScope, id: string): Promise<ProjectRow> {
  const row = await lockRow(s, projects, id);
  if (!row) throw problems.notFound('project');
  if (!portfolioPolicy.report(s.actor, row)) throw problems.forbidden();
  if (row.archivedAt) throw problems.conflict('The project is archived; restore it first');
  return row;
}

export function addReport(db: Database, actor: Actor, id: string, input: StatusReportCreate) {
  return inTenant(db, actor, async (s) => {
    const project = await reportable(s, id);
    if (input.periodTo < input.periodFrom)
      throw problems.field('body.periodTo', 'The period ends before it starts');
    const [row] = await s
      .insert(statusReports, {
        id: newId(),
        projectId: id,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        time: input.time,
        timeNote: input.timeNote || null,
        cost: input.cost,
        costNote: input.costNote || null,
        scope: input.scope,
        scopeNote: input.scopeNote || null,
        summary: input.summary || null,
        reportedBy: actor.personId,
        reportedByName: actor.name,
      })
      .returning();
    // The due date is derived, not a change of the project: its version stays.
    const nextReportOn = await dueOf(s, project);
    const [after] = await s.update(projects, { nextReportOn }, eq(projects.id, id)).returning();
    await s.audit({ entity: 'project', entityId: id, action: 'report', after: row });
    await scheduleReportReminder(s, after!);
    return row!;
  });
}

/**
 * Raises a deviation: written and audited in one transaction; then, as the steering group's
 * keeper would, put on the agenda of the forum's next meeting that is planned and open (through
 * governance's service, audited there as the meeting's change). When there is none, or that
 * meeting changed meanwhile, the deviation waits for the forum (the agenda source).
 */
export async function raiseDeviation(
  db: Database,
  actor: Actor,
  id: string,
  input: DeviationCreate,
  seam: Seams,
) {
  const { row, project } = await inTenant(db, actor, async (s) => {
    const project = await reportable(s, id);
    const [row] = await s
      .insert(deviations, {
        id: newId(),
        projectId: id,
        title: input.title,
        consequence: input.consequence || null,
        proposedAction: input.proposedAction || null,
        needsDecision: input.needsDecision,
        forumId: project.steeringGroupId,
        raisedBy: actor.personId,
        raisedByName: actor.name,
      })
      .returning();
    await s.audit({ entity: 'project', entityId: id, action: 'deviation', after: row });
    return { row: row!, project };
  });
  if (!row.forumId) return row;
  const agent = { ...systemActor(actor.tenantId, actor.name), requestId: actor.requestId };
  const next = await nextOpenMeeting(db, agent, row.forumId);
  if (!next) return row;
  try {
    await addItem(
      db,
      agent,
      next.id,
      {
        version: next.version,
        title: `Avvikelse i ${project.name}: ${input.title}`.slice(0, 300),
        sourceKind: DEVIATION,
        sourceId: row.id,
      },
      seam,
    );
  } catch {
    return row; // The meeting changed meanwhile: the deviation waits in the source.
  }
  return inTenant(db, actor, async (s) => {
    const [after] = await s.update(deviations, { meetingId: next.id }, eq(deviations.id, row.id)).returning();
    await s.audit({ entity: 'project', entityId: id, action: 'deviationOnAgenda', before: row, after });
    return after!;
  });
}

const DAY = 86_400_000;

/**
 * The forum's earliest meeting that has not begun (its start is at or after this instant, so one
 * earlier today that has already begun is past) and whose minutes are not locked. Governance's list
 * answers the latest first, so it is asked for growing windows from now (a week, a month, …, then
 * open-ended): the first window with such a meeting holds the earliest one, at the end of its pages.
 * However many meetings the forum plans ahead, the answer is the nearest, in a query or two.
 */
async function nextOpenMeeting(db: Database, agent: Actor, forumId: string) {
  const from = new Date();
  for (const days of [7, 35, 180, 800, null]) {
    const to = days === null ? undefined : new Date(from.getTime() + days * DAY).toISOString();
    let earliest: Awaited<ReturnType<typeof listMeetings>>['items'][number] | undefined;
    let cursor: string | undefined;
    do {
      const page = await listMeetings(db, agent, {
        forumId,
        from: from.toISOString(),
        to,
        limit: 50,
        includeArchived: false,
        ...(cursor ? { cursor } : {}),
      });
      earliest = page.items.filter((m) => !m.lockedAt).at(-1) ?? earliest;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    if (earliest) return earliest;
  }
  return undefined;
}

export const DEVIATION = 'deviation';

/** The deviations waiting for the forum: raised for it and on no agenda yet (the agenda source). */
export async function deviationsWaiting(
  db: Database,
  actor: Actor,
  forumId: string,
): Promise<AgendaRecord[]> {
  if (!portfolioPolicy.read(actor)) return [];
  const rows = await db
    .select({
      id: deviations.id,
      title: deviations.title,
      needsDecision: deviations.needsDecision,
      projectId: deviations.projectId,
      projectName: projects.name,
    })
    .from(deviations)
    .innerJoin(
      projects,
      and(eq(projects.tenantId, deviations.tenantId), eq(projects.id, deviations.projectId)),
    )
    .where(
      and(
        eq(deviations.tenantId, actor.tenantId),
        eq(deviations.forumId, forumId),
        isNull(deviations.meetingId),
        isNull(projects.archivedAt),
      ),
    )
    .orderBy(asc(deviations.createdAt))
    .limit(100);
  return rows.map((r) => ({
    id: r.id,
    name: `${r.projectName}: ${r.title}`,
    href: `/portfolio/projects/${r.projectId}`,
    detail: r.needsDecision ? 'Kräver beslut' : 'För kännedom',
  }));
}

/** Names and links of deviations by id (agenda items link to them). */
export async function deviationRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select({
      id: deviations.id,
      title: deviations.title,
      projectId: deviations.projectId,
      projectName: projects.name,
      archivedAt: projects.archivedAt,
    })
    .from(deviations)
    .innerJoin(
      projects,
      and(eq(projects.tenantId, deviations.tenantId), eq(projects.id, deviations.projectId)),
    )
    .where(and(eq(deviations.tenantId, tenantId), inArray(deviations.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: `${r.projectName}: ${r.title}`,
        href: `/portfolio/projects/${r.projectId}`,
        archived: r.archivedAt !== null,
      },
    ]),
  );
}

// ---------------------------------------------------------------- handover

/**
 * Hands the project over to förvaltning: an existing system of the register goes into operation
 * (phase `operation`, in operation from the day given), or a new system is registered; either
 * through the registry's service (its rules and audit), then the project's phase moves to
 * handedOver and names the system. All in one transaction: the project is locked and its version
 * and phase checked first, and the register's service runs inside it (its own transaction is a
 * savepoint of this one), so a stale version or a refused project changes nothing in the
 * register, and a refused register write changes nothing in the project.
 */
export async function handOver(
  db: Database,
  actor: Actor,
  id: string,
  input: HandoverBody,
): Promise<ProjectRow> {
  if (!input.systemId === !input.newSystem)
    throw problems.field(
      input.systemId ? 'body.newSystem' : 'body.systemId',
      'Name an existing system or a new one, not both',
    );
  if (!input.systemId && !registryPolicy.manage(actor))
    throw problems.forbidden('You may not register systems');
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, projects, id);
    assertVersion(before, input.version, 'project');
    if (before!.archivedAt) throw problems.conflict('The project is archived; restore it first');
    if (before!.phase === 'handedOver') throw problems.conflict('The project is already handed over');
    // The register's services open their transaction on what they are given: here this one.
    const within = s.tx as unknown as Database;
    const from = input.inOperationFrom ?? todayInStockholm();
    let systemId: string;
    if (input.systemId) {
      if (!(await systemRefs(s.tx, actor.tenantId, [input.systemId])).has(input.systemId))
        throw problems.field('body.systemId', 'No such system');
      if (!registryPolicy.editSystem(actor, input.systemId))
        throw problems.forbidden('You may not change the system');
      const system = await getSystem(within, actor, input.systemId);
      if (system.archivedAt) throw problems.field('body.systemId', 'The system is archived');
      await updateSystem(within, actor, input.systemId, {
        version: system.version,
        phase: 'operation',
        inOperationFrom: from,
      });
      systemId = input.systemId;
    } else {
      const made = await createSystem(within, actor, {
        ...input.newSystem!,
        phase: 'operation',
        inOperationFrom: input.newSystem!.inOperationFrom ?? from,
      }).catch((error: unknown) => {
        // The register names its own body's fields; here they are the new system's.
        if (error instanceof Problem && error.errors)
          throw new Problem(
            error.status,
            error.code,
            error.detail,
            error.errors.map((e) => ({ ...e, path: e.path.replace(/^body\./, 'body.newSystem.') })),
          );
        throw error;
      });
      systemId = made.id;
    }
    const systemIds = before!.systemIds.includes(systemId)
      ? before!.systemIds
      : [...before!.systemIds, systemId];
    const [after] = await s
      .update(
        projects,
        {
          phase: 'handedOver',
          handoverSystemId: systemId,
          handedOverAt: new Date(),
          systemIds,
          nextReportOn: null,
          version: input.version + 1,
          updatedAt: new Date(),
        },
        eq(projects.id, id),
      )
      .returning();
    await s.audit({ entity: 'project', entityId: id, action: 'handover', before, after });
    return after!;
  });
}

// ---------------------------------------------------------------- reading

/** Projects with the names they show, their status reports and deviations: a few queries a page. */
export async function withDetails(
  db: Executor,
  tenantId: string,
  rows: ProjectRow[],
): Promise<ProjectView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const personIds = new Set<string>();
  const unitIds = new Set<string>();
  const forumIds = new Set<string>();
  const systemIds = new Set<string>();
  for (const r of rows) {
    if (r.managerId) personIds.add(r.managerId);
    for (const risk of r.risks) if (risk.ownerId) personIds.add(risk.ownerId);
    if (r.unitId) unitIds.add(r.unitId);
    if (r.steeringGroupId) forumIds.add(r.steeringGroupId);
    for (const sys of r.systemIds) systemIds.add(sys);
    if (r.handoverSystemId) systemIds.add(r.handoverSystemId);
  }
  const [reports, devs, personRows, unitRows, forumNames, systemNames, initiatives] = await Promise.all([
    db
      .select()
      .from(statusReports)
      .where(and(eq(statusReports.tenantId, tenantId), inArray(statusReports.projectId, ids)))
      .orderBy(desc(statusReports.periodTo), desc(statusReports.createdAt)),
    db
      .select({
        ...getTableColumns(deviations),
        meetingStartsAt:
          sql<Date | null>`(select m.starts_at from governance_meetings m where m.tenant_id = ${deviations.tenantId} and m.id = ${deviations.meetingId})`.mapWith(
            (v) => (v ? new Date(v) : null),
          ),
      })
      .from(deviations)
      .where(and(eq(deviations.tenantId, tenantId), inArray(deviations.projectId, ids)))
      .orderBy(desc(deviations.createdAt)),
    personIds.size
      ? db
          .select({ id: people.id, given: people.givenName, family: people.familyName })
          .from(people)
          .where(and(eq(people.tenantId, tenantId), inArray(people.id, [...personIds])))
      : [],
    unitIds.size
      ? db
          .select({ id: units.id, name: units.name })
          .from(units)
          .where(and(eq(units.tenantId, tenantId), inArray(units.id, [...unitIds])))
      : [],
    forumRefs(db, tenantId, [...forumIds]),
    systemRefs(db, tenantId, [...systemIds]),
    initiativeRefs(
      db,
      tenantId,
      rows.flatMap((r) => (r.initiativeId ? [r.initiativeId] : [])),
    ),
  ]);
  const names = new Map<string, string>();
  for (const p of personRows) names.set(p.id, `${p.given ?? ''} ${p.family ?? ''}`.trim());
  for (const u of unitRows) names.set(u.id, u.name);
  for (const [k, v] of forumNames) names.set(k, v.name);
  for (const [k, v] of systemNames) names.set(k, v.name);
  return rows.map((row) => ({
    ...row,
    names,
    initiative: row.initiativeId ? (initiatives.get(row.initiativeId) ?? null) : null,
    reports: reports.filter((r) => r.projectId === row.id),
    deviations: devs.filter((d) => d.projectId === row.id),
  }));
}

export async function getProject(db: Database, actor: Actor, id: string): Promise<ProjectView> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(projects)
    .where(s.where(projects, eq(projects.id, id)));
  if (!row) throw problems.notFound('project');
  return (await withDetails(db, actor.tenantId, [row]))[0]!;
}

/** In name order: by sort name, then id. */
const listKey: SortKey = {
  columns: [sql`${projects.sortName}`, sql`${projects.id}`],
  types: ['text', 'uuid'],
};

export async function listProjects(db: Database, actor: Actor, query: ProjectListQuery) {
  const s = readScope(db, actor);
  const today = todayInStockholm();
  const rows = await db
    .select({ ...getTableColumns(projects), ...sortKeyFields(listKey) })
    .from(projects)
    .where(
      s.where(
        projects,
        query.includeArchived ? undefined : isNull(projects.archivedAt),
        query.phase ? eq(projects.phase, query.phase) : undefined,
        query.demandId ? eq(projects.demandId, query.demandId) : undefined,
        query.managerId ? eq(projects.managerId, query.managerId) : undefined,
        query.steeringGroupId ? eq(projects.steeringGroupId, query.steeringGroupId) : undefined,
        query.unitId ? eq(projects.unitId, query.unitId) : undefined,
        query.systemId ? sql`${projects.systemIds} @> array[${query.systemId}]::uuid[]` : undefined,
        query.reportOverdue === true ? sql`${projects.nextReportOn} < ${today}` : undefined,
        query.reportOverdue === false
          ? sql`(${projects.nextReportOn} is null or ${projects.nextReportOn} >= ${today})`
          : undefined,
        query.search ? sql`${projects.name} ilike ${likePattern(query.search)}` : undefined,
        afterKey(listKey, query.cursor, false),
      ),
    )
    .orderBy(...keyOrder(listKey, false))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => sortKeyOfRow(listKey, r));
  const items = page.items.map((r) => withoutKey(r) as unknown as ProjectRow);
  return { items: await withDetails(db, actor.tenantId, items), nextCursor: page.nextCursor };
}

/** Names and links of projects by id (the audit trail). */
export async function projectRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select({ id: projects.id, name: projects.name, archivedAt: projects.archivedAt })
    .from(projects)
    .where(and(eq(projects.tenantId, tenantId), inArray(projects.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, href: `/portfolio/projects/${r.id}`, archived: r.archivedAt !== null },
    ]),
  );
}

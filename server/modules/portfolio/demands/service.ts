import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import {
  type ConsultationCreate,
  type DecidingBody,
  type DemandCreate,
  type DemandDecide,
  type DemandListQuery,
  type DemandOutcome,
  type DemandRouting,
  type DemandStatus,
  type DemandStatusChange,
  type DemandUpdate,
  mayTransition,
  type RoutingStep,
  scoreOf,
} from '../../../../shared/portfolio/demands.ts';
import { type Database, type Executor, rowsOf } from '../../../db/client.ts';
import { type Actor, systemActor } from '../../../platform/context.ts';
import { people, units } from '../../../platform/directory/schema.ts';
import { unitAncestors } from '../../../platform/directory/service.ts';
import { Problem, problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { defineNotification } from '../../../platform/notifications/kinds.ts';
import { notify } from '../../../platform/notifications/service.ts';
import {
  afterKey,
  keyOrder,
  type SortKey,
  sortKeyFields,
  sortKeyOfRow,
  toPage,
  withoutKey,
} from '../../../platform/pagination.ts';
import { guardUnique, lockRow } from '../../../platform/records.ts';
import type { AgendaRecord, RecordRef, Seam } from '../../../platform/seam.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { getTicket, postMessage, ticketRefs, worksOn } from '../../desk/tickets/service.ts';
import { decisionRefs, getDecision } from '../../governance/decisions/service.ts';
import { getForum, listForums } from '../../governance/forums/service.ts';
import { type AgendaLink, addItem, agendaLinksOf, getMeeting } from '../../governance/meetings/service.ts';
import { maxLevelsBySystem } from '../../registry/classification/service.ts';
import { registryPolicy } from '../../registry/policy.ts';
import { getSystem } from '../../registry/systems/service.ts';
import { portfolioPolicy } from '../policy.ts';
import {
  checkForumIds,
  checkGoalIds,
  checkSystemIds,
  checkUnit,
  checkUnitIds,
  forumRefs,
  goalRefs,
  systemRefs,
  unitRefs,
} from './refs.ts';
import { consultations, demandCounters, demands } from './schema.ts';
import { portfolioSettingsOf } from './settings.ts';

// The rules of demands: the only writer of demands and their consultations. A demand is numbered
// per tenant and year (BEH-2026-0012) under the counter's row lock; its score is computed on
// every write from its ratings under the tenant's scoring model; its status moves by the allowed
// steps, the submitter told at each; it is decided only with a recorded governance decision of
// the body its routing names (seed 003), once those to be consulted first have been.

export type DemandRow = typeof demands.$inferSelect;
export type ConsultationRow = typeof consultations.$inferSelect;

export interface DemandView extends DemandRow {
  unitName: string | null;
  submitterName: string | null;
  refs: Map<string, RecordRef>;
  consultations: ConsultationRow[];
  agenda: AgendaLink[];
  securityImpact: {
    confidentiality: number | null;
    integrity: number | null;
    availability: number | null;
    highest: number | null;
    classified: number;
    systems: number;
  } | null;
  enclosing: string[];
}

export interface DemandListRow extends DemandRow {
  unitName: string | null;
  submitterName: string | null;
}

/** What the agenda action needs of the seam: governance checks the demand through its agenda source. */
export type DemandSeam = Pick<Seam, 'agendaSource'>;

export const AGENDA_KIND = 'demand';

// ---------------------------------------------------------------- notifications

interface StatusNotice {
  number: string;
  title: string;
  status: DemandStatus;
  outcome: DemandOutcome | null;
}

const statusSv: Record<DemandStatus, string> = {
  received: 'inkommen',
  preparing: 'under beredning',
  readyForDecision: 'redo för beslut',
  decided: 'beslutad',
  inProgress: 'genomförs',
  closed: 'avslutad',
};
const statusEn: Record<DemandStatus, string> = {
  received: 'received',
  preparing: 'being prepared',
  readyForDecision: 'ready for decision',
  decided: 'decided',
  inProgress: 'in progress',
  closed: 'closed',
};
const outcomeSv: Record<DemandOutcome, string> = {
  approved: 'bifall',
  rejected: 'avslag',
  deferred: 'vilande',
};
const outcomeEn: Record<DemandOutcome, string> = {
  approved: 'approved',
  rejected: 'rejected',
  deferred: 'deferred',
};

export const demandStatusNotice = defineNotification<StatusNotice>({
  kind: 'portfolio.demand-status',
  label: { sv: 'Behov du följer har bytt status', en: 'A demand you follow changed status' },
  sv: (p) =>
    `Behov ${p.number} ${p.title} är nu ${statusSv[p.status]}${p.outcome ? ` (${outcomeSv[p.outcome]})` : ''}`,
  en: (p) =>
    `Demand ${p.number} ${p.title} is now ${statusEn[p.status]}${p.outcome ? ` (${outcomeEn[p.outcome]})` : ''}`,
  mail: { default: true },
});

async function tellSubmitter(s: TenantScope, row: DemandRow) {
  if (!row.submitterId) return;
  await notify(s, {
    personIds: [row.submitterId],
    kind: demandStatusNotice,
    params: {
      number: row.number,
      title: row.title,
      status: row.status as DemandStatus,
      outcome: (row.outcome as DemandOutcome | null) ?? null,
    },
    record: { kind: 'demand', id: row.id, href: `/portfolio/demands/${row.id}` },
    dedupeKey: `demand-status:${row.id}:${row.version}`,
  });
}

// ---------------------------------------------------------------- helpers

const stockholmYears = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' });

/** The next number of the tenant's year, under the counter row's lock until the transaction ends. */
async function takeNumber(s: TenantScope, at: Date): Promise<string> {
  const year = Number(stockholmYears.format(at));
  const [row] = await s.tx
    .insert(demandCounters)
    .values({ tenantId: s.tenantId, year, last: 1 })
    .onConflictDoUpdate({
      target: [demandCounters.tenantId, demandCounters.year],
      set: { last: sql`${demandCounters.last} + 1` },
    })
    .returning({ last: demandCounters.last });
  return `BEH-${year}-${String(row!.last).padStart(4, '0')}`;
}

const storedScore = (criteria: Parameters<typeof scoreOf>[0], ratings: Record<string, number>) =>
  Math.round(scoreOf(criteria, ratings) * 100);

const fullName = (given: string | null | undefined, family: string | null | undefined) =>
  given ? `${given} ${family ?? ''}`.trim() : null;

const unique = (ids: readonly string[] | undefined) => [...new Set(ids ?? [])];

/** A demand the actor may read: staff every one, others their own; 404 otherwise. */
function mayRead(actor: Actor, row: Pick<DemandRow, 'submitterId'>) {
  return portfolioPolicy.readAll(actor) || (actor.personId !== null && row.submitterId === actor.personId);
}

async function enclosingOf(db: Executor, tenantId: string, unitId: string | null) {
  return unitId ? unitAncestors(db, tenantId, unitId) : [];
}

async function lockDemand(s: TenantScope, id: string, version?: number) {
  const row = await lockRow(s, demands, id);
  if (!row || !mayRead(s.actor, row)) throw problems.notFound('demand');
  if (version !== undefined) assertVersion(row, version, 'demand');
  return row;
}

/** The unit the actor belongs to (their person's), or null. */
async function ownUnitOf(s: TenantScope): Promise<string | null> {
  if (!s.actor.personId) return null;
  const [row] = await s.tx
    .select({ unitId: people.unitId })
    .from(people)
    .where(and(eq(people.tenantId, s.tenantId), eq(people.id, s.actor.personId)));
  return row?.unitId ?? null;
}

/**
 * A demand for a unit: anyone submits for their own (a promoted ticket's is the ticket's unit);
 * registering one for another unit is for those who register for it (portfolioPolicy.registerFor:
 * its IT-kundansvarig, its förändringsansvarig, the portfolio's keepers).
 */
async function authorizeUnit(s: TenantScope, unitId: string, own: string | null) {
  if (unitId === own) return;
  const enclosing = await enclosingOf(s.tx, s.tenantId, unitId);
  if (!portfolioPolicy.registerFor(s.actor, unitId, enclosing))
    throw problems.forbidden("A demand for another unit is registered by the unit's account manager");
}

async function authorizePrepare(s: TenantScope, row: DemandRow) {
  const enclosing = await enclosingOf(s.tx, s.tenantId, row.unitId);
  if (!portfolioPolicy.prepare(s.actor, row.unitId, enclosing)) throw problems.forbidden();
}

// ---------------------------------------------------------------- create

export async function createDemand(
  db: Database,
  actor: Actor,
  input: DemandCreate,
  /** Who submitted it when not the actor (the demo's loader, an import); never from a request. */
  options: { submitterId?: string; at?: Date } = {},
): Promise<DemandRow> {
  // The desk's ticket is read before the transaction (its service reads outside one).
  const ticket = input.fromTicketId
    ? await getTicket(db, actor, input.fromTicketId).catch((error) => {
        if (error instanceof Problem && error.status === 404)
          throw problems.field('body.fromTicketId', 'No such ticket');
        throw error;
      })
    : null;
  if (ticket && ticket.type !== 'change')
    throw problems.field('body.fromTicketId', 'Only a change request is promoted into a demand');
  if (ticket && !portfolioPolicy.prepareSome(actor)) throw problems.forbidden();
  return guardUnique(
    () =>
      inTenant(db, actor, async (s) => {
        const unitId = input.unitId ?? ticket?.unitId ?? null;
        if (input.unitId) {
          await checkUnit(s, input.unitId);
          await authorizeUnit(s, input.unitId, ticket ? ticket.unitId : await ownUnitOf(s));
        }
        const systemIds = unique(input.systemIds ?? (ticket?.systemId ? [ticket.systemId] : []));
        await checkSystemIds(s, systemIds);
        const settings = await portfolioSettingsOf(s.tx, s.tenantId);
        const now = options.at ?? new Date();
        const number = await takeNumber(s, now);
        const [row] = await s
          .insert(demands, {
            id: newId(),
            number,
            title: input.title,
            description: input.description,
            scope: input.scope,
            unitId,
            systemIds,
            reason: input.reason || null,
            beneficiaries: input.beneficiaries || null,
            submitterId: ticket?.requesterId ?? options.submitterId ?? actor.personId,
            fromTicketId: ticket?.id ?? null,
            score: storedScore(settings.scoring, {}),
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        await s.audit({ entity: 'demand', entityId: row!.id, action: 'create', after: row });
        if (ticket) {
          // The link on the ticket's side: a message on its timeline naming the demand.
          await postMessage(
            s,
            ticket.id,
            {
              body: `Ändringsönskemålet har lyfts till behov ${number}: ${input.title}`,
              internal: worksOn(actor, ticket),
            },
            { demand: { id: row!.id, number } },
          );
        }
        await tellSubmitter(s, row!);
        return row!;
      }),
    'body.fromTicketId',
    'The ticket is already promoted into a demand',
  );
}

// ---------------------------------------------------------------- change

const submitterFields = ['title', 'description', 'scope', 'unitId', 'systemIds', 'reason', 'beneficiaries'];

export function updateDemand(
  db: Database,
  actor: Actor,
  id: string,
  input: DemandUpdate,
): Promise<DemandRow> {
  return inTenant(db, actor, async (s) => {
    const before = await lockDemand(s, id, input.version);
    const { version, ...changes } = input;
    const defined = definedOnly(changes) as Partial<DemandUpdate>;
    const enclosing = await enclosingOf(s.tx, s.tenantId, before.unitId);
    const keeper = portfolioPolicy.prepare(actor, before.unitId, enclosing);
    // The submitter may still reword their own idea while it is only received.
    const ownEdit =
      before.submitterId === actor.personId &&
      before.status === 'received' &&
      Object.keys(defined).every((k) => submitterFields.includes(k));
    if (!keeper && !ownEdit) throw problems.forbidden();
    if (before.status === 'closed') throw problems.conflict('The demand is closed');
    if (defined.unitId) {
      await checkUnit(s, defined.unitId);
      const moved = await enclosingOf(s.tx, s.tenantId, defined.unitId);
      if (!ownEdit && !portfolioPolicy.prepare(actor, defined.unitId, moved)) throw problems.forbidden();
      // The submitter moves their idea to their own unit, or to one they register for.
      if (ownEdit && !keeper && defined.unitId !== before.unitId)
        await authorizeUnit(s, defined.unitId, await ownUnitOf(s));
    }
    if (defined.systemIds) await checkSystemIds(s, unique(defined.systemIds));
    if (defined.affectedUnitIds) await checkUnitIds(s, unique(defined.affectedUnitIds));
    if (defined.goalIds) await checkGoalIds(s, unique(defined.goalIds));
    if (defined.preparedByForumId)
      await checkForumIds(s, [{ id: defined.preparedByForumId, field: 'body.preparedByForumId' }]);
    const settings = await portfolioSettingsOf(s.tx, s.tenantId);
    if (defined.ratings) {
      const keys = new Set(settings.scoring.map((c) => c.key));
      for (const key of Object.keys(defined.ratings))
        if (!keys.has(key))
          throw problems.field(`body.ratings.${key}`, 'No such criterion in the scoring model');
    }
    const ratings = defined.ratings ? { ...before.ratings, ...defined.ratings } : before.ratings;
    const emptyToNull = (v: string | null | undefined) =>
      v === undefined ? undefined : v?.trim() ? v : null;
    const values = definedOnly({
      title: defined.title,
      description: defined.description,
      scope: defined.scope,
      unitId: defined.unitId,
      systemIds: defined.systemIds ? unique(defined.systemIds) : undefined,
      reason: emptyToNull(defined.reason),
      beneficiaries: emptyToNull(defined.beneficiaries),
      benefitText: emptyToNull(defined.benefitText),
      yearlySavings: defined.yearlySavings,
      hoursFreed: defined.hoursFreed,
      investment: defined.investment,
      runningCost: defined.runningCost,
      affectedUnitIds: defined.affectedUnitIds ? unique(defined.affectedUnitIds) : undefined,
      goalIds: defined.goalIds ? unique(defined.goalIds) : undefined,
      risks: emptyToNull(defined.risks),
      effort: defined.effort,
      preparedByForumId: defined.preparedByForumId,
      preparedOn: defined.preparedOn,
    });
    if ('unitId' in defined && defined.unitId === null) values.unitId = null;
    const [after] = await s
      .update(
        demands,
        {
          ...values,
          ratings,
          score: storedScore(settings.scoring, ratings),
          version: before.version + 1,
          updatedAt: new Date(),
        },
        eq(demands.id, id),
      )
      .returning();
    await s.audit({ entity: 'demand', entityId: id, action: 'update', before, after });
    return after!;
  });
}

export function changeStatus(db: Database, actor: Actor, id: string, input: DemandStatusChange) {
  return inTenant(db, actor, async (s) => {
    const before = await lockDemand(s, id, input.version);
    await authorizePrepare(s, before);
    const from = before.status as DemandStatus;
    if (input.status === 'decided')
      throw problems.field('body.status', 'A demand is decided through the decide action, with its decision');
    if (!mayTransition(from, input.status, before.outcome as DemandOutcome | null))
      throw problems.conflict(`A demand that is ${from} cannot become ${input.status}`, [
        { path: 'body.status', message: `Not allowed from ${from}` },
      ]);
    // Back to preparation after a vilande decision: the old outcome no longer holds.
    const reopened = input.status === 'preparing' || input.status === 'received';
    const [after] = await s
      .update(
        demands,
        {
          status: input.status,
          ...(reopened ? { outcome: null, decisionId: null, decidedOn: null } : {}),
          version: before.version + 1,
          updatedAt: new Date(),
        },
        eq(demands.id, id),
      )
      .returning();
    await s.audit({
      entity: 'demand',
      entityId: id,
      action: 'status',
      before: { status: before.status, outcome: before.outcome },
      after: { status: after!.status, outcome: after!.outcome, note: input.note ?? null },
    });
    await tellSubmitter(s, after!);
    return after!;
  });
}

/**
 * A project starts carrying out a demand, inside the project's transaction: the demand must be
 * the tenant's, and decided with approval (bifall) or already under way; a decided one goes on to
 * "genomförs", audited, and its submitter is told. Another tenant's demand reads as none.
 */
export async function carryOut(s: TenantScope, id: string, field = 'body.demandId'): Promise<DemandRow> {
  const before = await lockRow(s, demands, id);
  if (!before) throw problems.field(field, 'No such demand');
  const underWay = before.status === 'inProgress';
  if (!underWay && !(before.status === 'decided' && before.outcome === 'approved'))
    throw problems.field(field, 'The demand is not decided with approval');
  if (underWay) return before;
  const [after] = await s
    .update(
      demands,
      { status: 'inProgress', version: before.version + 1, updatedAt: new Date() },
      eq(demands.id, id),
    )
    .returning();
  await s.audit({
    entity: 'demand',
    entityId: id,
    action: 'status',
    before: { status: before.status, outcome: before.outcome },
    after: { status: after!.status, outcome: after!.outcome, note: null },
  });
  await tellSubmitter(s, after!);
  return after!;
}

export function addConsultation(db: Database, actor: Actor, id: string, input: ConsultationCreate) {
  return inTenant(db, actor, async (s) => {
    const before = await lockDemand(s, id, input.version);
    await authorizePrepare(s, before);
    if (before.status === 'closed') throw problems.conflict('The demand is closed');
    const [row] = await s
      .insert(consultations, {
        id: newId(),
        demandId: id,
        party: input.party,
        who: input.who,
        on: input.on,
        note: input.note?.trim() ? input.note : null,
        recordedBy: actor.personId,
        recordedByName: actor.name,
      })
      .returning();
    const [after] = await s
      .update(demands, { version: before.version + 1, updatedAt: new Date() }, eq(demands.id, id))
      .returning();
    await s.audit({ entity: 'demand', entityId: id, action: 'consult', after: row });
    return after!;
  });
}

// ---------------------------------------------------------------- routing

async function consultationsOf(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(consultations)
    .where(and(eq(consultations.tenantId, tenantId), inArray(consultations.demandId, [...ids])))
    .orderBy(asc(consultations.on), asc(consultations.createdAt));
}

/** The tenant's first active forum of a kind (the default IT-styrgrupp when the rules name none). */
async function firstForumOfKind(db: Database, actor: Actor, kind: 'steeringGroup' | 'preparationGroup') {
  const page = await listForums(db, actor, { kind, limit: 1, includeArchived: false });
  return page.items[0] ?? null;
}

/**
 * The förvaltning (top department) of each unit: the highest unit of kind `department` above or at
 * it, or its topmost unit when there is none. By unit id.
 */
async function departmentsOf(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { id: string; name: string }>();
  const result = await db.execute(sql`
    with recursive up(start_id, id, parent_id, kind, name, depth) as (
      select u.id, u.id, u.parent_id, u.kind, u.name, 0 from ${units} u
      where u.tenant_id = ${tenantId} and u.id in (${sql.join(
        [...new Set(ids)].map((id) => sql`${id}`),
        sql`, `,
      )})
      union all
      select up.start_id, u.id, u.parent_id, u.kind, u.name, up.depth + 1 from ${units} u
      join up on u.id = up.parent_id
      where u.tenant_id = ${tenantId} and up.depth < 50
    )
    select distinct on (start_id) start_id, id, name from up
    order by start_id, (kind = 'department') desc, depth desc`);
  return new Map(
    rowsOf<{ start_id: string; id: string; name: string }>(result).map((r) => [
      r.start_id,
      { id: r.id, name: r.name },
    ]),
  );
}

/**
 * Why a local demand is in fact kommungemensamt (seed 003: local is "no shared impact"): its unit
 * and the units it affects lie in more than one förvaltning, or it touches a system the register
 * holds as kommungemensamt (scope `shared`). Empty when it is truly local.
 */
async function sharedImpactOf(db: Database, actor: Actor, row: DemandRow): Promise<DecidingBody['because']> {
  const because: DecidingBody['because'] = [];
  const unitIds = [...(row.unitId ? [row.unitId] : []), ...row.affectedUnitIds];
  const departments = new Map(
    [...(await departmentsOf(db, actor.tenantId, unitIds)).values()].map((d) => [d.id, d.name]),
  );
  if (departments.size > 1) {
    const names = [...departments.values()].sort((a, b) => a.localeCompare(b, 'sv'));
    because.push({
      key: 'departments',
      names,
      message: `The demand's units lie in several förvaltningar: ${names.join(', ')}`,
    });
  }
  const agent = { ...systemActor(actor.tenantId, actor.name), requestId: actor.requestId };
  const systemsOf = await Promise.all(row.systemIds.map((id) => getSystem(db, agent, id).catch(() => null)));
  const shared = systemsOf
    .filter((sys) => sys && !sys.archivedAt && sys.scope === 'shared')
    .map((sys) => sys!.name)
    .sort((a, b) => a.localeCompare(b, 'sv'));
  if (shared.length > 0)
    because.push({
      key: 'sharedSystem',
      names: shared,
      message: `The demand touches kommungemensamma systems: ${shared.join(', ')}`,
    });
  return because;
}

/**
 * Who decides the demand and who must be consulted first, by the tenant's rules (seed 003): the
 * scope names the body (kommungemensamt and verksamhetsinriktat: IT-styrgruppen, the latter on the
 * system owner's proposal; local: the unit's management group), a cost above the limit names the
 * cost body instead; the scopes the rules list must be on a preparation group's agenda first and
 * have procurement and the IT unit contacted. A local demand with shared impact (several
 * förvaltningar, or a kommungemensamt system) is routed, and consulted, as kommungemensamt, the
 * deciding body saying why (`rule: 'sharedImpact'`, `because`).
 */
export async function routingOf(db: Database, actor: Actor, row: DemandRow): Promise<DemandRouting> {
  const { routing } = await portfolioSettingsOf(db, actor.tenantId);
  const [done, links, because] = await Promise.all([
    consultationsOf(db, actor.tenantId, [row.id]),
    agendaLinksOf(db, actor.tenantId, AGENDA_KIND, [row.id]),
    row.scope === 'local' ? sharedImpactOf(db, actor, row) : Promise.resolve([]),
  ]);
  const scope = because.length > 0 ? 'shared' : row.scope;
  const byScope = because.length > 0 ? ('sharedImpact' as const) : ('scope' as const);
  const agenda = links.get(row.id) ?? [];
  const missing: DemandRouting['missing'] = [];
  let decidingBody: DecidingBody | null = null;
  const cost = (row.investment ?? 0) + (row.runningCost ?? 0);
  if (routing.costThreshold !== null && routing.costBody && cost > routing.costThreshold) {
    decidingBody = {
      forumId: null,
      body: routing.costBody,
      name: routing.costBody,
      rule: 'cost',
      because: [],
    };
  } else if (scope === 'shared' || scope === 'business') {
    const rule = routing[scope];
    if (rule.forumId) {
      const [ref] = (await forumRefs(db, actor.tenantId, [rule.forumId])).values();
      if (ref && !ref.archived)
        decidingBody = { forumId: ref.id, body: null, name: ref.name, rule: byScope, because };
    } else if (rule.body) {
      decidingBody = { forumId: null, body: rule.body, name: rule.body, rule: byScope, because };
    } else {
      const forum = await firstForumOfKind(db, actor, 'steeringGroup');
      if (forum) decidingBody = { forumId: forum.id, body: null, name: forum.name, rule: byScope, because };
    }
    if (!decidingBody)
      missing.push({
        key: 'decidingBody',
        message: 'No steering group is named for the scope in the routing rules',
      });
  } else if (row.unitId) {
    const chain = [row.unitId, ...(await unitAncestors(db, actor.tenantId, row.unitId))];
    const mapped = chain.map((u) => routing.unitBodies.find((b) => b.unitId === u)).find(Boolean);
    const [ref] = mapped ? (await forumRefs(db, actor.tenantId, [mapped.forumId])).values() : [];
    if (ref && !ref.archived)
      decidingBody = { forumId: ref.id, body: null, name: ref.name, rule: 'scope', because: [] };
    else
      missing.push({
        key: 'decidingBody',
        message: "No management group is named for the demand's unit in the routing rules",
      });
  } else {
    missing.push({
      key: 'unit',
      message: 'A local demand names its unit, whose management group decides it',
    });
  }
  const consulted = (party: string) => done.filter((c) => c.party === party);
  const step = (key: RoutingStep['key'], rows: { on: string; who: string }[]): RoutingStep => ({
    key,
    done: rows.length > 0,
    detail: rows.length ? rows.map((c) => `${c.who} ${c.on}`).join(', ') : null,
  });
  const consultFirst: RoutingStep[] = [];
  if (routing.preparationAgenda.includes(scope as never)) {
    const onAgenda = agenda.filter((a) => a.forumKind === 'preparationGroup');
    consultFirst.push({
      key: 'preparationGroupAgenda',
      done: onAgenda.length > 0,
      detail: onAgenda.length
        ? onAgenda.map((a) => `${a.forumName} ${a.startsAt.toISOString().slice(0, 10)}`).join(', ')
        : null,
    });
  }
  if (scope === 'business') consultFirst.push(step('systemOwnerProposal', consulted('systemOwner')));
  if (routing.procurementAndIt.includes(scope as never)) {
    consultFirst.push(step('procurement', consulted('procurement')));
    consultFirst.push(step('itUnit', consulted('itUnit')));
  }
  const messages: Record<RoutingStep['key'], string> = {
    preparationGroupAgenda: "The demand has not been on a preparation group's agenda",
    systemOwnerProposal: "The system owner's proposal is not recorded",
    procurement: 'Procurement has not been contacted',
    itUnit: 'The IT unit has not been contacted',
  };
  for (const s of consultFirst) if (!s.done) missing.push({ key: s.key, message: messages[s.key] });
  if (row.status === 'received' || row.status === 'preparing')
    missing.push({ key: 'status', message: 'The demand is not ready for decision' });
  return { decidingBody, consultFirst, missing };
}

export async function demandRouting(db: Database, actor: Actor, id: string) {
  return routingOf(db, actor, await readDemand(db, actor, id));
}

// ---------------------------------------------------------------- decide

/** Records the outcome with a governance decision of the deciding body, once nothing is missing. */
export async function decideDemand(db: Database, actor: Actor, id: string, input: DemandDecide) {
  // Read first, outside the transaction (governance's reads are their own); the version then
  // makes sure the demand the routing was computed for is the one changed.
  const row = await readDemand(db, actor, id);
  const routing = await routingOf(db, actor, row);
  const decision = await getDecision(db, actor, input.decisionId).catch((error) => {
    if (error instanceof Problem && error.status === 404)
      throw problems.field('body.decisionId', 'No such decision');
    throw error;
  });
  return inTenant(db, actor, async (s) => {
    const before = await lockDemand(s, id, input.version);
    await authorizePrepare(s, before);
    const missing = [...routing.missing];
    if (before.status !== 'readyForDecision' && !missing.some((m) => m.key === 'status'))
      missing.push({ key: 'status', message: 'The demand is not ready for decision' });
    if (decision.archivedAt) missing.push({ key: 'decision', message: 'The decision is archived' });
    const body = routing.decidingBody;
    if (body) {
      const same = body.forumId
        ? decision.forumId === body.forumId
        : !decision.forumId && decision.body?.trim().toLowerCase() === body.body?.trim().toLowerCase();
      if (!same)
        missing.push({
          key: 'decision',
          message: `The decision is not one of ${body.name}, the body that decides this demand`,
        });
    }
    if (missing.length > 0)
      throw problems.conflict(
        `The demand cannot be decided yet: ${missing.map((m) => m.message).join('; ')}`,
        missing.map((m) => ({
          path: m.key === 'decision' ? 'body.decisionId' : `missing.${m.key}`,
          message: m.message,
        })),
      );
    const [after] = await s
      .update(
        demands,
        {
          status: 'decided',
          outcome: input.outcome,
          decisionId: decision.id,
          decidedOn: decision.decidedOn,
          version: before.version + 1,
          updatedAt: new Date(),
        },
        eq(demands.id, id),
      )
      .returning();
    await s.audit({
      entity: 'demand',
      entityId: id,
      action: 'decide',
      before: { status: before.status, outcome: before.outcome, decisionId: before.decisionId },
      after: { status: after!.status, outcome: after!.outcome, decisionId: after!.decisionId },
    });
    await tellSubmitter(s, after!);
    return after!;
  });
}

// ---------------------------------------------------------------- agenda

/** Puts the demand on a meeting's agenda, as an item linked to it, through governance's meetings. */
export async function putOnAgenda(
  db: Database,
  actor: Actor,
  id: string,
  meetingId: string,
  seam: DemandSeam,
) {
  const row = await readDemand(db, actor, id);
  const enclosing = await enclosingOf(db, actor.tenantId, row.unitId);
  if (!portfolioPolicy.prepare(actor, row.unitId, enclosing)) throw problems.forbidden();
  const meeting = await getMeeting(db, actor, meetingId).catch((error) => {
    if (error instanceof Problem && error.status === 404)
      throw problems.field('body.meetingId', 'No such meeting');
    throw error;
  });
  if (meeting.items.some((i) => i.sourceKind === AGENDA_KIND && i.sourceId === id))
    throw problems.conflict("The demand is already on the meeting's agenda", [
      { path: 'body.meetingId', message: 'Already on this agenda' },
    ]);
  await addItem(
    db,
    actor,
    meetingId,
    { version: meeting.version, title: `${row.number} ${row.title}`, sourceKind: AGENDA_KIND, sourceId: id },
    seam,
  );
  return row;
}

/** The demands waiting for a forum (the agenda source): to prepare, or to decide by it. */
export async function demandsWaitingFor(
  db: Database,
  actor: Actor,
  forumId: string,
): Promise<AgendaRecord[]> {
  if (!portfolioPolicy.readAll(actor)) return [];
  const forum = await getForum(db, actor, forumId).catch(() => null);
  if (!forum) return [];
  const { routing } = await portfolioSettingsOf(db, actor.tenantId);
  const s = readScope(db, actor);
  let condition: SQL | undefined;
  if (forum.kind === 'preparationGroup') {
    condition = and(
      inArray(demands.status, ['preparing', 'readyForDecision']),
      inArray(demands.scope, routing.preparationAgenda.length ? routing.preparationAgenda : ['shared']),
    );
  } else {
    const steering =
      forum.kind === 'steeringGroup' ? await firstForumOfKind(db, actor, 'steeringGroup') : null;
    const decides = (rule: { forumId: string | null; body: string | null }) =>
      rule.forumId === forumId || (!rule.forumId && !rule.body && steering?.id === forumId);
    const scopes = (['shared', 'business'] as const).filter((k) => decides(routing[k]));
    const unitIds = routing.unitBodies.filter((b) => b.forumId === forumId).map((b) => b.unitId);
    const byScope = scopes.length ? inArray(demands.scope, [...scopes]) : undefined;
    const byUnit = unitIds.length
      ? and(eq(demands.scope, 'local'), inArray(demands.unitId, unitIds))
      : undefined;
    if (!byScope && !byUnit) return [];
    condition = and(eq(demands.status, 'readyForDecision'), or(byScope, byUnit));
  }
  const rows = await db
    .select({ id: demands.id, number: demands.number, title: demands.title, status: demands.status })
    .from(demands)
    .where(s.where(demands, condition))
    .orderBy(sql`${demands.score} desc`, asc(demands.id))
    .limit(100);
  return rows.map((r) => ({
    id: r.id,
    name: `${r.number} ${r.title}`,
    href: `/portfolio/demands/${r.id}`,
    detail: statusSv[r.status as DemandStatus],
  }));
}

// ---------------------------------------------------------------- reading

async function readDemand(db: Database, actor: Actor, id: string): Promise<DemandRow> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(demands)
    .where(s.where(demands, eq(demands.id, id)));
  if (!row || !mayRead(actor, row)) throw problems.notFound('demand');
  return row;
}

export async function getDemand(db: Database, actor: Actor, id: string): Promise<DemandView> {
  const row = await readDemand(db, actor, id);
  const tenantId = actor.tenantId;
  const [
    names,
    systemsById,
    unitsById,
    goalsById,
    forumsById,
    decisionsById,
    ticketsById,
    done,
    links,
    levels,
    enclosing,
  ] = await Promise.all([
    namesOf(db, tenantId, [row]),
    systemRefs(db, tenantId, row.systemIds),
    unitRefs(db, tenantId, row.affectedUnitIds),
    goalRefs(db, tenantId, row.goalIds),
    forumRefs(db, tenantId, row.preparedByForumId ? [row.preparedByForumId] : []),
    decisionRefs(db, tenantId, row.decisionId ? [row.decisionId] : []),
    row.fromTicketId ? ticketRefs(db, tenantId, [row.fromTicketId]) : new Map<string, RecordRef>(),
    consultationsOf(db, tenantId, [row.id]),
    agendaLinksOf(db, tenantId, AGENDA_KIND, [row.id]),
    maxLevelsBySystem(
      db,
      tenantId,
      row.systemIds.filter((sid) => registryPolicy.readClassification(actor, sid)),
    ),
    enclosingOf(db, tenantId, row.unitId),
  ]);
  const refs = new Map<string, RecordRef>();
  for (const [kind, map] of [
    ['system', systemsById],
    ['unit', unitsById],
    ['goal', goalsById],
    ['forum', forumsById],
    ['decision', decisionsById],
    ['ticket', ticketsById],
  ] as const)
    for (const [rid, ref] of map) refs.set(`${kind}:${rid}`, ref);
  const readable = row.systemIds.filter((sid) => registryPolicy.readClassification(actor, sid));
  const max = (k: 'confidentiality' | 'integrity' | 'availability') =>
    [...levels.values()].reduce<number | null>((m, l) => (l[k] === null ? m : Math.max(m ?? 0, l[k]!)), null);
  const c = max('confidentiality');
  const i = max('integrity');
  const a = max('availability');
  const known = [c, i, a].filter((v): v is number => v !== null);
  return {
    ...row,
    ...names[0]!,
    refs,
    consultations: done,
    agenda: links.get(row.id) ?? [],
    securityImpact:
      readable.length > 0
        ? {
            confidentiality: c,
            integrity: i,
            availability: a,
            highest: known.length ? Math.max(...known) : null,
            classified: levels.size,
            systems: readable.length,
          }
        : null,
    enclosing,
  };
}

async function namesOf(db: Executor, tenantId: string, rows: DemandRow[]) {
  const unitIds = unique(rows.map((r) => r.unitId).filter((v): v is string => !!v));
  const personIds = unique(rows.map((r) => r.submitterId).filter((v): v is string => !!v));
  const [unitRows, personRows] = await Promise.all([
    unitIds.length
      ? db
          .select({ id: units.id, name: units.name })
          .from(units)
          .where(and(eq(units.tenantId, tenantId), inArray(units.id, unitIds)))
      : [],
    personIds.length
      ? db
          .select({ id: people.id, given: people.givenName, family: people.familyName })
          .from(people)
          .where(and(eq(people.tenantId, tenantId), inArray(people.id, personIds)))
      : [],
  ]);
  const unitName = new Map(unitRows.map((u) => [u.id, u.name]));
  const personName = new Map(personRows.map((p) => [p.id, fullName(p.given, p.family)]));
  return rows.map((r) => ({
    unitName: r.unitId ? (unitName.get(r.unitId) ?? null) : null,
    submitterName: r.submitterId ? (personName.get(r.submitterId) ?? null) : null,
  }));
}

const rankKey: SortKey = { columns: [sql`${demands.score}`, sql`${demands.id}`], types: ['int', 'uuid'] };
const newestKey: SortKey = {
  columns: [sql`${demands.createdAt}`, sql`${demands.id}`],
  types: ['timestamptz', 'uuid'],
};

export async function listDemands(
  db: Database,
  actor: Actor,
  query: Omit<DemandListQuery, 'includeArchived'> & { includeArchived?: boolean },
) {
  const s = readScope(db, actor);
  const key = query.sort === 'rank' ? rankKey : newestKey;
  // Outside staff, a reader lists only their own.
  const own = query.mine || !portfolioPolicy.readAll(actor);
  if (own && !actor.personId) return { items: [] as DemandListRow[], nextCursor: null };
  const rows = await db
    .select({
      demand: demands,
      unitName: units.name,
      given: people.givenName,
      family: people.familyName,
      ...sortKeyFields(key),
    })
    .from(demands)
    .leftJoin(units, and(eq(units.tenantId, demands.tenantId), eq(units.id, demands.unitId)))
    .leftJoin(people, and(eq(people.tenantId, demands.tenantId), eq(people.id, demands.submitterId)))
    .where(
      s.where(
        demands,
        own ? eq(demands.submitterId, actor.personId!) : undefined,
        query.status ? eq(demands.status, query.status) : undefined,
        query.scope ? eq(demands.scope, query.scope) : undefined,
        query.unitId ? eq(demands.unitId, query.unitId) : undefined,
        query.systemId ? sql`${demands.systemIds} @> array[${query.systemId}]::uuid[]` : undefined,
        query.submitterId ? eq(demands.submitterId, query.submitterId) : undefined,
        query.fromTicketId ? eq(demands.fromTicketId, query.fromTicketId) : undefined,
        query.search
          ? or(
              sql`${demands.title} ilike ${likePattern(query.search)}`,
              sql`${demands.number} ilike ${likePattern(query.search)}`,
            )
          : undefined,
        afterKey(key, query.cursor, true),
      ),
    )
    .orderBy(...keyOrder(key, true))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => sortKeyOfRow(key, r));
  return {
    items: page.items.map((r) => {
      const { demand, unitName, given, family } = withoutKey(r);
      return { ...demand, unitName, submitterName: fullName(given, family) } as DemandListRow;
    }),
    nextCursor: page.nextCursor,
  };
}

/** Names and links of demands by id (the audit trail, the agenda source, decision links). */
export async function demandRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select({ id: demands.id, number: demands.number, title: demands.title, status: demands.status })
    .from(demands)
    .where(and(eq(demands.tenantId, tenantId), inArray(demands.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: `${r.number} ${r.title}`, href: `/portfolio/demands/${r.id}`, archived: false },
    ]),
  );
}

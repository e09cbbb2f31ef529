import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import {
  isOpen,
  type Level,
  openStatuses,
  priorityOf,
  type TicketCreate,
  type TicketListQuery,
  type TicketMessage,
  type TicketSort,
  type TicketStatus,
  type TicketType,
  type TicketUpdate,
  ticketCreate,
  ticketMessage,
  ticketNumber,
  waitingStatuses,
} from '../../../../shared/desk/tickets.ts';
import { type Database, type Executor, rowsOf } from '../../../db/client.ts';
import { holdsFor } from '../../../platform/authz.ts';
import type { Actor } from '../../../platform/context.ts';
import { people, units } from '../../../platform/directory/schema.ts';
import { activeGrants } from '../../../platform/directory/service.ts';
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
import { lockRow } from '../../../platform/records.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion } from '../../../platform/versioning.ts';
import { systems } from '../../registry/systems/schema.ts';
import { groups } from '../groups/schema.ts';
import { AGENT, checkGroup, GROUP } from '../groups/service.ts';
import { deskPolicy } from '../policy.ts';
import { route } from '../routing/service.ts';
import { services } from '../services/schema.ts';
import { checkOrder } from '../services/service.ts';
import { followSupplierClocks, supplierState } from '../suppliers/service.ts';
import { handOnChangeRequest } from './account-managers.ts';
import { clocksAfterChange, clocksAtCreation, followClocks, slaColumns } from './clocks.ts';
import { type CounterKey, NumberBatches } from './numbers.ts';
import { ticketCounters, ticketEvents, tickets } from './schema.ts';
import { ticketSettingsOf } from './settings.ts';
import { watchedBy, watches } from './watchers.ts';

// The rules of tickets: the only writer of ./schema.ts. Every change is one transaction with its
// timeline entries and its audit event. Who sees a ticket: its requester (and the person it is on
// behalf of), the agents of its group and its assignee, and those who see every group; watchers
// (./watchers.ts) as its requester. Links, merges, major incidents and bulk changes are in files of
// their own beside this one (./links.ts, ./merge.ts, ./major.ts, ./bulk.ts), through the functions
// here that work inside a caller's transaction (changeTicket, postMessage).

export type TicketRow = typeof tickets.$inferSelect;
export type EventRow = typeof ticketEvents.$inferSelect;

const DAY = 86_400_000;

/** Where a ticket without a due time sorts in a queue: last (the same literal as the index's). */
const DUE_LAST = "'9999-12-31 00:00:00+00'::timestamptz";

const stockholmYears = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' });

/** The year of an instant in Stockholm: a ticket made at 00:30 on New Year's Day belongs to the new year. */
function stockholmYear(at: Date): number {
  return Number(stockholmYears.format(at));
}

/**
 * The next number of a type and year in the tenant, taken before the ticket's transaction and apart
 * from it. The counter's row lock orders parallel creates, so none share a number; held to the end
 * of the ticket's transaction, it made every create in a tenant wait for the one before and its
 * commit (142/s at 50 connections). Here the creates waiting in this process at once take their
 * numbers in one statement (NumberBatches), in the order they came. The counter's commit does not
 * wait for its WAL flush (synchronous_commit off): a ticket's own commit comes later in the same
 * WAL and flushes it too, so after a crash no committed ticket's number is handed out again. A
 * create that fails after this leaves its number unused: numbers are unique and rising, not
 * gapless (as in ServiceNow and TOPdesk).
 */
async function takeNumber(db: Database, tenantId: string, type: TicketType, at: Date): Promise<string> {
  const year = stockholmYear(at);
  let batches = numberBatches.get(db);
  if (!batches) {
    batches = new NumberBatches((key, count) => reserveNumbers(db, key, count));
    numberBatches.set(db, batches);
  }
  return ticketNumber(type, year, await batches.take({ tenantId, type, year }));
}

/** `count` numbers of the counter in one short transaction: the last of them. */
async function reserveNumbers(db: Database, key: CounterKey, count: number): Promise<number> {
  const [row] = await db.transaction(async (tx) => {
    await tx.execute(sql`set local synchronous_commit = off`);
    return tx
      .insert(ticketCounters)
      .values({ ...key, last: count })
      .onConflictDoUpdate({
        target: [ticketCounters.tenantId, ticketCounters.type, ticketCounters.year],
        set: { last: sql`${ticketCounters.last} + ${count}` },
      })
      .returning({ last: ticketCounters.last });
  });
  return row!.last;
}

const numberBatches = new WeakMap<Database, NumberBatches>();

/** Whether the actor works this ticket as an agent: its group's agents, its assignee, all-groups agents. */
export function worksOn(actor: Actor, row: Pick<TicketRow, 'groupId' | 'assigneeId'>): boolean {
  if (deskPolicy.allGroups(actor)) return true;
  if (row.assigneeId !== null && row.assigneeId === actor.personId) return true;
  return row.groupId !== null && deskPolicy.agentIn(actor, row.groupId);
}

/** Whether the actor asked for the ticket (or it is on their behalf). */
export function asks(actor: Actor, row: Pick<TicketRow, 'requesterId' | 'onBehalfOfId'>): boolean {
  return (
    actor.personId !== null && (row.requesterId === actor.personId || row.onBehalfOfId === actor.personId)
  );
}

function canRead(actor: Actor, row: TicketRow): boolean {
  return asks(actor, row) || worksOn(actor, row);
}

/** A person in the tenant who is active; 400 naming the field otherwise. */
async function activePerson(s: TenantScope, id: string, field: string) {
  const [row] = await s.tx
    .select({ id: people.id, unitId: people.unitId })
    .from(people)
    .where(s.where(people, eq(people.id, id), isNull(people.archivedAt)));
  if (!row) throw problems.field(field, 'No such active person');
  return row;
}

async function checkSystem(s: TenantScope, id: string) {
  const [row] = await s.tx
    .select({ id: systems.id })
    .from(systems)
    .where(s.where(systems, eq(systems.id, id), isNull(systems.archivedAt)));
  if (!row) throw problems.field('body.systemId', 'No such active system');
}

async function checkUnit(s: TenantScope, id: string) {
  const [row] = await s.tx
    .select({ id: units.id })
    .from(units)
    .where(s.where(units, eq(units.id, id), isNull(units.archivedAt)));
  if (!row) throw problems.field('body.unitId', 'No such active unit');
}

async function checkService(s: TenantScope, id: string) {
  const [row] = await s.tx
    .select({ id: services.id, orderForm: services.orderForm })
    .from(services)
    .where(s.where(services, eq(services.id, id), isNull(services.archivedAt)));
  if (!row) throw problems.field('body.serviceId', 'No such active service');
  return row;
}

/** An assignee must be an agent of the ticket's group (or of every group). */
async function checkAssignee(s: TenantScope, personId: string, groupId: string | null) {
  await activePerson(s, personId, 'body.assigneeId');
  const grants = (await activeGrants(s.tx, s.tenantId, [personId])).get(personId) ?? [];
  const holder = { tenantId: s.tenantId, personId, name: '', grants };
  const agent =
    deskPolicy.allGroups(holder) ||
    (groupId !== null && holdsFor(holder, AGENT, { kind: GROUP, id: groupId }));
  if (!agent) throw problems.field('body.assigneeId', 'The assignee is not an agent of the group');
}

function event(
  s: TenantScope,
  ticketId: string,
  at: Date,
  values: Omit<typeof ticketEvents.$inferInsert, 'tenantId' | 'id' | 'ticketId' | 'at'>,
) {
  return s
    .insert(ticketEvents, { id: newId(), ticketId, at, authorId: s.actor.personId, ...values })
    .returning();
}

// ---------------------------------------------------------------- hooks for other parts

/** What a creating check is told of the ticket. */
export interface TicketCreating {
  type: TicketType;
  serviceId: string | null;
  /** Made by an agent (or a part acting for the desk, such as the catalogue's fulfilment). */
  byAgent: boolean;
}

/**
 * Work other parts of the desk do in the transaction of a ticket's change, so that it happens if
 * and only if the change is committed: the mail part (../mail) confirms a new ticket to its
 * requester and mails them each public reply of an agent. Registered once, at import.
 */
export const ticketHooks = {
  /**
   * Checks of a ticket about to be made, before anything is written: the catalogue refuses a bare
   * portal request for a service it sells (ordered there, with kontering, or nobody is charged).
   */
  creating: [] as ((s: TenantScope, ticket: TicketCreating) => Promise<void>)[],
  created: [] as ((s: TenantScope, ticket: TicketRow) => Promise<void>)[],
  message: [] as ((s: TenantScope, ticket: TicketRow, entry: EventRow, byAgent: boolean) => Promise<void>)[],
};

/** A caller's own work in the change's transaction, before the hooks (a mail's record of its ticket). */
export interface TicketWork<A extends unknown[]> {
  within?: (s: TenantScope, ...made: A) => Promise<void>;
}

export async function createTicket(
  db: Database,
  actor: Actor,
  given: TicketCreate,
  options: TicketWork<[TicketRow]> = {},
): Promise<TicketRow> {
  const input = ticketCreate.parse(given);
  const agent = deskPolicy.agent(actor);
  const requesterId = input.requesterId ?? actor.personId;
  if (!requesterId) throw problems.field('body.requesterId', 'Required');
  if (!agent) {
    // The portal: one's own ticket, handed on by the routing, not by the requester.
    if (requesterId !== actor.personId) throw problems.forbidden('Only agents register tickets for others');
    if (input.groupId || input.assigneeId)
      throw problems.forbidden('Only agents choose a group or an assignee');
  }
  if (!input.serviceId && input.orderAnswers !== undefined)
    throw problems.field('body.orderAnswers', 'Answers belong to an order of a service');
  const now = new Date();
  const number = await takeNumber(db, actor.tenantId, input.type, now);
  return inTenant(db, actor, async (s) => {
    const requester = await activePerson(s, requesterId, 'body.requesterId');
    if (input.onBehalfOfId) await activePerson(s, input.onBehalfOfId, 'body.onBehalfOfId');
    if (input.unitId) await checkUnit(s, input.unitId);
    if (input.systemId) await checkSystem(s, input.systemId);
    // A service's order is checked against its form; the service names who fulfils it.
    const service = input.serviceId
      ? await checkOrder(s, input.serviceId, input.orderAnswers, input.type)
      : null;
    for (const check of ticketHooks.creating)
      await check(s, { type: input.type, serviceId: input.serviceId ?? null, byAgent: !!agent });
    const unitId = input.unitId ?? requester.unitId;
    // Without a group chosen, the routing rules decide; they may also find the system in the text.
    const routed =
      input.groupId || service?.groupId
        ? null
        : await route(s.tx, s.tenantId, {
            type: input.type,
            title: input.title,
            description: input.description,
            category: input.category ?? null,
            systemId: input.systemId ?? null,
            unitId,
          });
    const groupId = input.groupId ?? service?.groupId ?? routed?.groupId ?? null;
    const systemId = input.systemId ?? service?.systemId ?? routed?.systemId ?? null;
    const group = groupId ? await checkGroup(s, groupId, 'body.groupId') : null;
    const assigneeId = input.assigneeId ?? null;
    if (assigneeId) await checkAssignee(s, assigneeId, groupId);
    const settings = await ticketSettingsOf(s.tx, s.tenantId);
    const status = assigneeId ? 'assigned' : 'new';
    const priority = priorityOf(settings.priorityMatrix, input.impact, input.urgency);
    const serviceId = input.serviceId ?? null;
    const sla = await clocksAtCreation(
      s.tx,
      s.tenantId,
      { serviceId, priority, unitId, status, assigneeId },
      now,
    );
    const [row] = await s
      .insert(tickets, {
        id: newId(),
        number,
        type: input.type,
        title: input.title,
        description: input.description,
        status,
        requesterId,
        onBehalfOfId: input.onBehalfOfId ?? null,
        unitId,
        systemId,
        category: input.category ?? null,
        serviceId,
        orderAnswers: input.orderAnswers ?? null,
        impact: input.impact,
        urgency: input.urgency,
        priority,
        ...slaColumns(sla),
        groupId,
        assigneeId,
        handedOn: group !== null && group.kind !== 'firstLine',
        channel: input.channel ?? (agent && requesterId !== actor.personId ? 'agent' : 'portal'),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await event(s, row!.id, now, {
      kind: 'created',
      change: { status: row!.status, groupId, assigneeId, routingRuleId: routed?.ruleId ?? null },
    });
    await followClocks(s, row!.id, null, sla);
    await followSupplierClocks(s, row!.id, null, supplierState(row!), now);
    await handOnChangeRequest(s, row!);
    await s.audit({ entity: 'ticket', entityId: row!.id, action: 'create', after: row });
    await options.within?.(s, row!);
    for (const hook of ticketHooks.created) await hook(s, row!);
    return row!;
  });
}

/** The ticket when the actor may read it; 404 otherwise (another tenant's, or someone else's). */
export async function getTicket(db: Database, actor: Actor, id: string): Promise<TicketRow> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(tickets)
    .where(s.where(tickets, eq(tickets.id, id)));
  if (!row || !(canRead(actor, row) || (await watches(db, actor, row.id)))) throw problems.notFound('ticket');
  return row;
}

/** Locks the ticket for a change the actor may make; 404 when they may not read it. */
async function lockTicket(s: TenantScope, id: string): Promise<TicketRow> {
  const row = await lockRow(s, tickets, id);
  if (!row || !(canRead(s.actor, row) || (await watches(s.tx, s.actor, row.id))))
    throw problems.notFound('ticket');
  return row;
}

/** The status a change leads to, and the timestamps that go with it. */
function statusFields(before: TicketRow, status: TicketStatus, now: Date) {
  if (before.status === 'closed' && status !== 'closed') throw problems.conflict('The ticket is closed');
  return {
    status,
    solvedAt:
      status === 'solved'
        ? before.status === 'solved'
          ? before.solvedAt
          : now
        : status === 'closed'
          ? (before.solvedAt ?? now)
          : null,
    closedAt: status === 'closed' ? (before.closedAt ?? now) : null,
  };
}

export function updateTicket(
  db: Database,
  actor: Actor,
  id: string,
  input: TicketUpdate,
): Promise<TicketRow> {
  return inTenant(db, actor, (s) => changeTicket(s, id, input));
}

/**
 * updateTicket inside a transaction the caller holds, with all its rules: a merge closes the
 * duplicate, a major incident solves its linked incidents, bulk posts a text and changes the
 * status, each in one transaction of the whole (./merge.ts, ./major.ts, ./bulk.ts).
 */
export async function changeTicket(s: TenantScope, id: string, input: TicketUpdate): Promise<TicketRow> {
  const { actor } = s;
  const before = await lockTicket(s, id);
  if (!worksOn(actor, before)) throw problems.forbidden('Only the agents of its group change a ticket');
  assertVersion(before, input.version, 'ticket');
  const now = new Date();
  const { version, ...changes } = input;
  const next: Partial<typeof tickets.$inferInsert> = {};
  for (const key of [
    'title',
    'description',
    'category',
    'rootCause',
    'workaround',
    'knownError',
    'major',
  ] as const)
    if (changes[key] !== undefined) (next as Record<string, unknown>)[key] = changes[key];
  if (changes.onBehalfOfId !== undefined) {
    if (changes.onBehalfOfId) await activePerson(s, changes.onBehalfOfId, 'body.onBehalfOfId');
    next.onBehalfOfId = changes.onBehalfOfId;
  }
  if (changes.unitId !== undefined) {
    if (changes.unitId) await checkUnit(s, changes.unitId);
    next.unitId = changes.unitId;
  }
  if (changes.systemId !== undefined) {
    if (changes.systemId) await checkSystem(s, changes.systemId);
    next.systemId = changes.systemId;
  }
  if (changes.serviceId !== undefined) {
    if (changes.serviceId) await checkService(s, changes.serviceId);
    next.serviceId = changes.serviceId;
  }
  // Group and assignee: a new group without a named assignee leaves the ticket unassigned.
  const groupId = changes.groupId !== undefined ? changes.groupId : before.groupId;
  if (changes.groupId !== undefined && changes.groupId !== before.groupId) {
    if (changes.groupId) {
      const group = await checkGroup(s, changes.groupId, 'body.groupId');
      // First-contact resolution counts the tickets the first line solved without handing them on.
      if (group.kind !== 'firstLine') next.handedOn = true;
    }
    next.groupId = changes.groupId;
    if (changes.assigneeId === undefined) next.assigneeId = null;
  }
  if (changes.assigneeId !== undefined) {
    if (changes.assigneeId) await checkAssignee(s, changes.assigneeId, groupId);
    next.assigneeId = changes.assigneeId;
  }
  const assigneeId = next.assigneeId !== undefined ? next.assigneeId : before.assigneeId;
  let status = (changes.status ?? before.status) as TicketStatus;
  if (!changes.status && isOpen(status)) {
    // Assigning moves a new ticket on; taking the assignee away moves it back.
    if (status === 'new' && assigneeId) status = 'assigned';
    if (status === 'assigned' && !assigneeId) status = 'new';
  }
  if (status !== before.status) {
    Object.assign(next, statusFields(before, status, now));
    // Back from solved to an open status is a reopening, whoever makes it and however (the
    // requester's reopen action, an agent's status change, bulk): the reopen rate counts it.
    if (before.status === 'solved' && isOpen(status)) next.reopenCount = before.reopenCount + 1;
  } else if (before.status === 'closed' && Object.keys(next).length > 0)
    throw problems.conflict('The ticket is closed');
  const impact = (changes.impact ?? before.impact) as Level;
  const urgency = (changes.urgency ?? before.urgency) as Level;
  next.impact = impact;
  next.urgency = urgency;
  next.priority = priorityOf((await ticketSettingsOf(s.tx, s.tenantId)).priorityMatrix, impact, urgency);
  const sla = await clocksAfterChange(
    s.tx,
    s.tenantId,
    before,
    {
      status,
      assigneeId: assigneeId ?? null,
      priority: next.priority,
      serviceId: next.serviceId !== undefined ? next.serviceId : before.serviceId,
      unitId: next.unitId !== undefined ? next.unitId : before.unitId,
    },
    now,
  );
  Object.assign(next, slaColumns(sla));
  const [after] = await s
    .update(tickets, { ...next, version: version + 1, updatedAt: now }, eq(tickets.id, id))
    .returning();
  await followClocks(s, id, before.sla, sla);
  await followSupplierClocks(s, id, supplierState(before), supplierState(after!), now);
  if (after!.status !== before.status)
    await event(s, id, now, { kind: 'status', change: { from: before.status, to: after!.status } });
  if (after!.groupId !== before.groupId || after!.assigneeId !== before.assigneeId)
    await event(s, id, now, {
      kind: 'assignment',
      change: {
        fromGroupId: before.groupId,
        toGroupId: after!.groupId,
        fromAssigneeId: before.assigneeId,
        toAssigneeId: after!.assigneeId,
      },
    });
  if (after!.priority !== before.priority)
    await event(s, id, now, { kind: 'priority', change: { from: before.priority, to: after!.priority } });
  if (after!.serviceId !== before.serviceId)
    await event(s, id, now, { kind: 'service', change: { from: before.serviceId, to: after!.serviceId } });
  await s.audit({ entity: 'ticket', entityId: id, action: 'update', before, after });
  return after!;
}

/** A public reply or an internal note. A requester's reply takes a ticket waiting for them back to pågår. */
export function addMessage(
  db: Database,
  actor: Actor,
  id: string,
  given: TicketMessage,
  options: TicketWork<[TicketRow, EventRow]> = {},
) {
  return inTenant(db, actor, (s) => postMessage(s, id, given, null, options));
}

/**
 * addMessage inside a transaction the caller holds (a major incident's message on each linked
 * ticket, bulk's text); `mark` is kept on the entry (`{fromMajor: {id, number}}`).
 */
export async function postMessage(
  s: TenantScope,
  id: string,
  given: TicketMessage,
  mark: Record<string, unknown> | null = null,
  options: TicketWork<[TicketRow, EventRow]> = {},
) {
  const input = ticketMessage.parse(given);
  const { actor } = s;
  const before = await lockTicket(s, id);
  const agent = worksOn(actor, before);
  if (input.internal && !agent) throw problems.forbidden('Only agents write internal notes');
  if (before.status === 'closed' && !input.internal) throw problems.conflict('The ticket is closed');
  const now = new Date();
  const [entry] = await event(s, id, now, {
    kind: 'message',
    internal: input.internal,
    body: input.body,
    change: mark,
  });
  const next: Partial<typeof tickets.$inferInsert> = { updatedAt: now };
  if (agent && !input.internal && !before.firstResponseAt) next.firstResponseAt = now;
  if (!agent && before.status === 'waitingRequester') {
    next.status = 'inProgress';
    await event(s, id, now, { kind: 'status', change: { from: before.status, to: 'inProgress' } });
  }
  const responded = agent && !input.internal;
  if (responded || next.status) {
    const sla = await clocksAfterChange(
      s.tx,
      s.tenantId,
      before,
      { ...before, status: next.status ?? before.status },
      now,
      responded,
    );
    Object.assign(next, slaColumns(sla));
    await followClocks(s, id, before.sla, sla);
  }
  const [after] = await s
    .update(tickets, { ...next, version: before.version + 1 }, eq(tickets.id, id))
    .returning();
  if (responded || next.status)
    await followSupplierClocks(s, id, supplierState(before), supplierState(after!), now, responded);
  await s.audit({
    entity: 'ticket',
    entityId: id,
    action: input.internal ? 'note' : 'reply',
    before: { status: before.status },
    after: { status: after!.status, messageId: entry!.id },
  });
  await options.within?.(s, after!, entry!);
  for (const hook of ticketHooks.message) await hook(s, after!, entry!, agent);
  return entry!;
}

/** The requester reopens a solved ticket within the tenant's reopenDays, saying why. */
export function reopenTicket(
  db: Database,
  actor: Actor,
  id: string,
  input: { version: number; reason: string },
) {
  return inTenant(db, actor, async (s) => {
    const before = await lockTicket(s, id);
    if (!asks(actor, before) && !worksOn(actor, before)) throw problems.forbidden();
    assertVersion(before, input.version, 'ticket');
    if (before.status !== 'solved') throw problems.conflict('Only a solved ticket can be reopened');
    const now = new Date();
    const { reopenDays } = await ticketSettingsOf(s.tx, s.tenantId);
    if (before.solvedAt && now.getTime() - before.solvedAt.getTime() > reopenDays * DAY)
      throw problems.conflict('The time to reopen the ticket has passed');
    const sla = await clocksAfterChange(s.tx, s.tenantId, before, { ...before, status: 'inProgress' }, now);
    const [after] = await s
      .update(
        tickets,
        {
          status: 'inProgress',
          solvedAt: null,
          reopenCount: before.reopenCount + 1,
          ...slaColumns(sla),
          version: before.version + 1,
          updatedAt: now,
        },
        eq(tickets.id, id),
      )
      .returning();
    await followClocks(s, id, before.sla, sla);
    await followSupplierClocks(s, id, supplierState(before), supplierState(after!), now);
    await event(s, id, now, {
      kind: 'reopened',
      body: input.reason,
      change: { from: 'solved', to: 'inProgress' },
    });
    await s.audit({ entity: 'ticket', entityId: id, action: 'reopen', before, after });
    return after!;
  });
}

/** The requester rates the resolution, 1–5 with a comment (again to change it). */
export function rateTicket(
  db: Database,
  actor: Actor,
  id: string,
  input: { version: number; rating: number; comment?: string | null },
) {
  return inTenant(db, actor, async (s) => {
    const before = await lockTicket(s, id);
    if (!asks(actor, before)) throw problems.forbidden('Only the requester rates a ticket');
    assertVersion(before, input.version, 'ticket');
    if (before.status !== 'solved' && before.status !== 'closed')
      throw problems.conflict('Only a solved ticket can be rated');
    const now = new Date();
    const [after] = await s
      .update(
        tickets,
        {
          rating: input.rating,
          ratingComment: input.comment ?? null,
          version: before.version + 1,
          updatedAt: now,
        },
        eq(tickets.id, id),
      )
      .returning();
    await event(s, id, now, { kind: 'rated', body: input.comment ?? null, change: { rating: input.rating } });
    await s.audit({ entity: 'ticket', entityId: id, action: 'rate', before, after });
    return after!;
  });
}

/** The timeline, oldest first; internal notes only for the ticket's agents. */
export async function timelineOf(db: Database, actor: Actor, id: string): Promise<EventRow[]> {
  const ticket = await getTicket(db, actor, id);
  const s = readScope(db, actor);
  return db
    .select()
    .from(ticketEvents)
    .where(
      s.where(
        ticketEvents,
        eq(ticketEvents.ticketId, ticket.id),
        worksOn(actor, ticket) ? undefined : eq(ticketEvents.internal, false),
      ),
    )
    .orderBy(asc(ticketEvents.at), asc(ticketEvents.id));
}

const sortKeys: Record<TicketSort, SortKey> = {
  updatedAt: { columns: [sql`${tickets.updatedAt}`, sql`${tickets.id}`], types: ['timestamptz', 'uuid'] },
  createdAt: { columns: [sql`${tickets.createdAt}`, sql`${tickets.id}`], types: ['timestamptz', 'uuid'] },
  priority: {
    columns: [sql`${tickets.priority}`, sql`${tickets.updatedAt}`, sql`${tickets.id}`],
    types: ['int', 'timestamptz', 'uuid'],
  },
  // The queue's order: the earliest due time first, tickets without one last (DUE_LAST, the index
  // desk_tickets_queue_due_idx).
  dueAt: {
    columns: [sql`coalesce(${tickets.dueAt}, ${sql.raw(DUE_LAST)})`, sql`${tickets.id}`],
    types: ['timestamptz', 'uuid'],
  },
};

function statusCondition(filter: TicketListQuery['status']): SQL | undefined {
  if (!filter) return undefined;
  if (filter === 'open') return inArray(tickets.status, [...openStatuses]);
  if (filter === 'waiting') return inArray(tickets.status, [...waitingStatuses]);
  return eq(tickets.status, filter);
}

/** The tickets the actor may list in the view: their own (`mine`), or those they work (`work`). */
export async function listTickets(db: Database, actor: Actor, query: TicketListQuery) {
  const s = readScope(db, actor);
  let visible: SQL | undefined;
  if (query.view === 'mine') {
    if (!actor.personId) return { items: [], nextCursor: null };
    visible = or(
      eq(tickets.requesterId, actor.personId),
      eq(tickets.onBehalfOfId, actor.personId),
      watchedBy(actor.personId),
    );
  } else {
    if (!deskPolicy.agent(actor)) throw problems.forbidden('The work view is for agents');
    if (!deskPolicy.allGroups(actor)) {
      const mine = actor.grants
        .filter((g) => g.role === AGENT && g.scope === GROUP && g.scopeId)
        .map((g) => g.scopeId!);
      visible = or(
        mine.length > 0 ? inArray(tickets.groupId, mine) : sql`false`,
        actor.personId ? eq(tickets.assigneeId, actor.personId) : undefined,
      );
    }
  }
  const key = sortKeys[query.sort];
  const desc = query.order === 'desc';
  const assignee = query.assigneeId === 'me' ? actor.personId : query.assigneeId;
  const rows = await db
    .select({ ticket: tickets, ...sortKeyFields(key) })
    .from(tickets)
    .where(
      s.where(
        tickets,
        visible,
        statusCondition(query.status),
        query.type ? eq(tickets.type, query.type) : undefined,
        query.groupId ? eq(tickets.groupId, query.groupId) : undefined,
        assignee !== undefined ? (assignee ? eq(tickets.assigneeId, assignee) : sql`false`) : undefined,
        query.unassigned ? isNull(tickets.assigneeId) : undefined,
        query.requesterId ? eq(tickets.requesterId, query.requesterId) : undefined,
        query.unitId ? eq(tickets.unitId, query.unitId) : undefined,
        query.systemId ? eq(tickets.systemId, query.systemId) : undefined,
        query.priority ? eq(tickets.priority, query.priority) : undefined,
        query.search ? searchCondition(query.search) : undefined,
        afterKey(key, query.cursor, desc),
      ),
    )
    .orderBy(...keyOrder(key, desc))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => sortKeyOfRow(key, r));
  return { items: page.items.map((r) => withoutKey(r).ticket), nextCursor: page.nextCursor };
}

/** A number (whole or its digits), else Swedish full text over number, title and description. */
function searchCondition(term: string): SQL {
  const number = /^(inc|req|prb|chg)-\d{4}-\d+$/i.test(term.trim()) ? term.trim().toUpperCase() : null;
  const text = sql`${tickets.searchText} @@ websearch_to_tsquery('swedish', ${term})`;
  if (!number) return text;
  const [prefix, year, seq] = number.split('-');
  return or(eq(tickets.number, `${prefix}-${year}-${seq!.padStart(6, '0')}`), text) as SQL;
}

/** The names a ticket shows: people, unit, system and group, one query per kind. */
export async function namesOf(db: Executor, tenantId: string, rows: TicketRow[]) {
  const ids = (pick: (r: TicketRow) => (string | null)[]) =>
    [...new Set(rows.flatMap(pick).filter((id) => id !== null))].join(',');
  const list = (text: string) => sql`string_to_array(${text}, ',')::uuid[]`;
  // One statement for the five kinds (a ticket page and a queue page ask this every time).
  const found = rowsOf<{ kind: keyof Names; id: string; name: string }>(
    await db.execute(sql`
      select 'people' as kind, id, given_name || ' ' || family_name as name from ${people}
        where tenant_id = ${tenantId} and id = any(${list(ids((r) => [r.requesterId, r.onBehalfOfId, r.assigneeId]))})
      union all select 'units', id, name from ${units}
        where tenant_id = ${tenantId} and id = any(${list(ids((r) => [r.unitId]))})
      union all select 'systems', id, name from ${systems}
        where tenant_id = ${tenantId} and id = any(${list(ids((r) => [r.systemId]))})
      union all select 'groups', id, name from ${groups}
        where tenant_id = ${tenantId} and id = any(${list(ids((r) => [r.groupId]))})
      union all select 'services', id, name from ${services}
        where tenant_id = ${tenantId} and id = any(${list(ids((r) => [r.serviceId]))})`),
  );
  const names = {
    people: new Map<string, string>(),
    units: new Map<string, string>(),
    systems: new Map<string, string>(),
    groups: new Map<string, string>(),
    services: new Map<string, string>(),
  };
  for (const r of found) names[r.kind].set(r.id, r.name);
  return names;
}
export interface Names {
  people: Map<string, string>;
  units: Map<string, string>;
  systems: Map<string, string>;
  groups: Map<string, string>;
  services: Map<string, string>;
}

/** Names and links of tickets by id (the audit trail). */
export async function ticketRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({ id: tickets.id, number: tickets.number, title: tickets.title })
    .from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), inArray(tickets.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: `${r.number} ${r.title}`, href: `/desk/tickets/${r.id}`, archived: false },
    ]),
  );
}

/** People's names by id, one query. */
export async function personNames(db: Executor, tenantId: string, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: people.id, given: people.givenName, family: people.familyName })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, wanted)));
  return new Map(rows.map((r) => [r.id, `${r.given} ${r.family}`]));
}

/** The nightly job's close of one solved ticket: the same rules as an agent's. */
export function closeTicket(db: Database, actor: Actor, id: string, version: number) {
  return updateTicket(db, actor, id, { version, status: 'closed' });
}

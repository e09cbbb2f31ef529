import { and, eq, inArray, sql } from 'drizzle-orm';
import type { CompiledCalendar } from '../../../../shared/desk/calendar.ts';
import {
  type ImportTicket,
  type TicketImport,
  type TicketImportResult,
  ticketImport,
} from '../../../../shared/desk/import.ts';
import {
  advanceSla,
  newMarks,
  retargetSla,
  type Sla,
  startSla,
  stepSla,
} from '../../../../shared/desk/sla.ts';
import type { SupplierState } from '../../../../shared/desk/suppliers.ts';
import {
  isOpen,
  type Level,
  priorityOf,
  type TicketStatus,
  ticketNumber,
} from '../../../../shared/desk/tickets.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { people, units } from '../../../platform/directory/schema.ts';
import { type FieldError, problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { inTenant, type TenantScope } from '../../../platform/tenancy.ts';
import { systems } from '../../registry/systems/schema.ts';
import { groups } from '../groups/schema.ts';
import { deskPolicy } from '../policy.ts';
import { services } from '../services/schema.ts';
import { type ClockTerms, termsFor } from '../services/terms.ts';
import { importSupplierClocks } from '../suppliers/service.ts';
import { slaColumns } from './clocks.ts';
import { ticketCounters, ticketEvents, tickets } from './schema.ts';
import { ticketSettingsOf } from './settings.ts';

// Import of historical tickets with their status history (shared/desk/import.ts). Each ticket's
// events are replayed through the same clock rules as a live ticket's changes (stepSla), so its
// pauses, breaches and compliance are what they would have been. One call is one transaction:
// every reference is checked first and a bad one writes nothing; a ticket whose sourceRef was
// imported before is left as it is, and imports of one tenant take turns (an advisory lock), so
// two runs of the same file make each ticket once. The demo's two years of history come this way.

type TicketInsert = Omit<typeof tickets.$inferInsert, 'tenantId'>;
type EventInsert = Omit<typeof ticketEvents.$inferInsert, 'tenantId'>;

/** Seconds of clock skew allowed for an event "now". */
const FUTURE_SLACK_MS = 5 * 60_000;

function stockholmYear(at: Date): number {
  return Number(
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(at),
  );
}

/** The ids of a table among `wanted` that exist in the tenant. */
async function existing(
  s: TenantScope,
  table: typeof people | typeof units | typeof systems | typeof groups | typeof services,
  wanted: Set<string>,
): Promise<Set<string>> {
  if (wanted.size === 0) return new Set();
  const rows = await s.tx
    .select({ id: table.id })
    .from(table)
    .where(s.where(table, inArray(table.id, [...wanted])));
  return new Set(rows.map((r) => r.id));
}

/** Checks every reference and the order of every history; answers the requester id of each ticket. */
async function check(s: TenantScope, list: ImportTicket[], now: number) {
  const errors: FieldError[] = [];
  const want = {
    people: new Set<string>(),
    units: new Set<string>(),
    systems: new Set<string>(),
    groups: new Set<string>(),
    services: new Set<string>(),
  };
  const emails = new Set<string>();
  for (const t of list) {
    if (t.requesterId) want.people.add(t.requesterId);
    if (t.requesterEmail) emails.add(t.requesterEmail);
    if (t.unitId) want.units.add(t.unitId);
    if (t.systemId) want.systems.add(t.systemId);
    if (t.serviceId) want.services.add(t.serviceId);
    for (const e of t.events) {
      if (e.groupId) want.groups.add(e.groupId);
      if (e.assigneeId) want.people.add(e.assigneeId);
    }
  }
  const [found, byEmail] = await Promise.all([
    Promise.all([
      existing(s, people, want.people),
      existing(s, units, want.units),
      existing(s, systems, want.systems),
      existing(s, groups, want.groups),
      existing(s, services, want.services),
    ]),
    emails.size
      ? s.tx
          .select({ id: people.id, email: people.email, unitId: people.unitId })
          .from(people)
          .where(s.where(people, inArray(sql`lower(${people.email})`, [...emails])))
      : Promise.resolve([]),
  ]);
  const [peopleFound, unitsFound, systemsFound, groupsFound, servicesFound] = found;
  const firstLine = new Set(
    want.groups.size
      ? (
          await s.tx
            .select({ id: groups.id })
            .from(groups)
            .where(s.where(groups, inArray(groups.id, [...want.groups]), eq(groups.kind, 'firstLine')))
        ).map((g) => g.id)
      : [],
  );
  const emailToPerson = new Map(byEmail.map((p) => [p.email.toLowerCase(), p.id]));
  const requesters: string[] = [];
  list.forEach((t, i) => {
    const at = (field: string) => `body.tickets.${i}.${field}`;
    let requester: string | undefined;
    if (t.requesterId) {
      if (peopleFound.has(t.requesterId)) requester = t.requesterId;
      else errors.push({ path: at('requesterId'), message: 'No such person' });
    } else if (t.requesterEmail) {
      requester = emailToPerson.get(t.requesterEmail);
      if (!requester) errors.push({ path: at('requesterEmail'), message: 'No person has this email' });
    } else errors.push({ path: at('requesterId'), message: 'Give requesterId or requesterEmail' });
    requesters.push(requester ?? '');
    if (t.unitId && !unitsFound.has(t.unitId)) errors.push({ path: at('unitId'), message: 'No such unit' });
    if (t.systemId && !systemsFound.has(t.systemId))
      errors.push({ path: at('systemId'), message: 'No such system' });
    if (t.serviceId && !servicesFound.has(t.serviceId))
      errors.push({ path: at('serviceId'), message: 'No such service' });
    let last = Date.parse(t.createdAt);
    if (last > now + FUTURE_SLACK_MS) errors.push({ path: at('createdAt'), message: 'Lies in the future' });
    t.events.forEach((e, j) => {
      const ev = (field: string) => at(`events.${j}.${field}`);
      const when = Date.parse(e.at);
      if (when < last)
        errors.push({ path: ev('at'), message: 'Events must be in order, after the ticket was made' });
      if (when > now + FUTURE_SLACK_MS) errors.push({ path: ev('at'), message: 'Lies in the future' });
      last = Math.max(last, when);
      if (e.groupId && !groupsFound.has(e.groupId))
        errors.push({ path: ev('groupId'), message: 'No such group' });
      if (e.assigneeId && !peopleFound.has(e.assigneeId))
        errors.push({ path: ev('assigneeId'), message: 'No such person' });
    });
  });
  if (errors.length > 0)
    throw problems.validation(errors.slice(0, 200), `${errors.length} problems in the import`);
  return { requesters, firstLine };
}

/** One ticket's history replayed: its row and its timeline. */
async function replay(
  t: ImportTicket & { impact: Level; urgency: Level; description: string; type: string },
  requesterId: string,
  unitId: string | null,
  terms: (serviceId: string | null, priority: number, unitId: string | null) => Promise<ClockTerms>,
  matrix: Awaited<ReturnType<typeof ticketSettingsOf>>['priorityMatrix'],
  firstLine: Set<string>,
  now: Date,
): Promise<{
  row: TicketInsert;
  events: EventInsert[];
  steps: { at: Date; state: SupplierState; responded?: boolean }[];
}> {
  const id = newId();
  const createdAt = new Date(t.createdAt);
  const serviceId = t.serviceId ?? null;
  let priority: number = priorityOf(matrix, t.impact, t.urgency);
  let status: TicketStatus = 'new';
  let groupId: string | null = null;
  let assigneeId: string | null = null;
  let solvedAt: Date | null = null;
  let closedAt: Date | null = null;
  let reopenCount = 0;
  let handedOn = false;
  let firstResponseAt: Date | null = null;
  const current = await terms(serviceId, priority, unitId);
  let calendar: CompiledCalendar = current.calendar;
  let sla: Sla = startSla(current.terms, calendar, createdAt);
  const events: EventInsert[] = [
    {
      id: newId(),
      ticketId: id,
      at: createdAt,
      kind: 'created',
      change: { status: 'new', imported: t.sourceRef },
    },
  ];
  // The same states for the supplier clocks (../suppliers), replayed after the rows are written.
  const systemId = t.systemId ?? null;
  const state = (): SupplierState => ({ status, groupId, assigned: assigneeId !== null, priority, systemId });
  const steps: { at: Date; state: SupplierState; responded?: boolean }[] = [
    { at: createdAt, state: state() },
  ];
  const marks = (before: Sla, after: Sla) => {
    for (const { clock, mark } of newMarks(before, after))
      events.push({
        id: newId(),
        ticketId: id,
        at: new Date(mark === 'breach' ? after[clock].breachedAt! : after[clock].warnedAt!),
        kind: 'sla',
        change: { clock, mark },
      });
  };
  for (const e of t.events) {
    const at = new Date(e.at);
    const before = { status, assigned: assigneeId !== null };
    const was = sla;
    if (e.priority !== undefined && e.priority !== priority) {
      const next = await terms(serviceId, e.priority, unitId);
      sla = retargetSla(sla, calendar, next.terms, next.calendar, at);
      calendar = next.calendar;
      events.push({
        id: newId(),
        ticketId: id,
        at,
        kind: 'priority',
        change: { from: priority, to: e.priority },
      });
      priority = e.priority;
    }
    const toGroup: string | null = e.groupId !== undefined ? e.groupId : groupId;
    const toAssignee: string | null =
      e.assigneeId !== undefined ? e.assigneeId : toGroup !== groupId ? null : assigneeId;
    if (toGroup !== groupId || toAssignee !== assigneeId) {
      events.push({
        id: newId(),
        ticketId: id,
        at,
        kind: 'assignment',
        change: {
          fromGroupId: groupId,
          toGroupId: toGroup,
          fromAssigneeId: assigneeId,
          toAssigneeId: toAssignee,
        },
      });
      groupId = toGroup;
      assigneeId = toAssignee;
      if (groupId !== null && !firstLine.has(groupId)) handedOn = true;
    }
    if (e.status !== undefined && e.status !== status) {
      const reopened = !isOpen(status) && isOpen(e.status);
      if (reopened) reopenCount++;
      events.push({
        id: newId(),
        ticketId: id,
        at,
        kind: reopened ? 'reopened' : 'status',
        change: { from: status, to: e.status },
      });
      if (e.status === 'solved') solvedAt = at;
      else if (e.status === 'closed') solvedAt ??= at;
      else solvedAt = null;
      closedAt = e.status === 'closed' ? at : null;
      status = e.status;
    }
    if (e.reply && firstResponseAt === null) firstResponseAt = at;
    sla = stepSla(sla, calendar, before, { status, assigned: assigneeId !== null }, at, e.reply ?? false);
    marks(was, sla);
    steps.push({ at, state: state(), responded: e.reply ?? false });
  }
  const settled = advanceSla(sla, now);
  marks(sla, settled);
  const metAt = settled.response.metAt;
  const last = events.reduce((m, e) => (e.at! > m ? (e.at as Date) : m), createdAt);
  return {
    row: {
      id,
      number: '',
      type: t.type,
      title: t.title,
      description: t.description,
      status,
      requesterId,
      unitId,
      systemId: t.systemId ?? null,
      serviceId,
      category: t.category ?? null,
      impact: t.impact,
      urgency: t.urgency,
      priority,
      groupId,
      assigneeId,
      channel: 'import',
      reopenCount,
      handedOn,
      rating: t.rating ?? null,
      ratingComment: t.ratingComment ?? null,
      firstResponseAt: firstResponseAt ?? (metAt ? new Date(metAt) : null),
      solvedAt,
      closedAt,
      sourceRef: t.sourceRef,
      ...slaColumns(settled),
      createdAt,
      updatedAt: last,
    },
    events,
    steps,
  };
}

/** Imports tickets with their histories; answers how many were made and how many were there already. */
export function importTickets(db: Database, actor: Actor, given: TicketImport): Promise<TicketImportResult> {
  if (!deskPolicy.configure(actor)) throw problems.forbidden('Only admins import tickets');
  const input = ticketImport.parse(given);
  const now = new Date();
  return inTenant(db, actor, async (s) => {
    // Imports of one tenant take turns: the check for earlier imports below is then exact.
    await s.tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`desk.import:${s.tenantId}`}))`);
    const refs = input.tickets.map((t) => t.sourceRef);
    if (new Set(refs).size !== refs.length)
      throw problems.field('body.tickets', 'Each ticket needs a sourceRef of its own');
    const { requesters, firstLine } = await check(s, input.tickets, now.getTime());
    const done = new Set(
      (
        await s.tx
          .select({ ref: tickets.sourceRef })
          .from(tickets)
          .where(s.where(tickets, inArray(tickets.sourceRef, refs)))
      ).map((r) => r.ref),
    );
    const fresh = input.tickets
      .map((t, i) => ({ t, requester: requesters[i]! }))
      .filter(({ t }) => !done.has(t.sourceRef));
    if (fresh.length === 0) return { created: 0, unchanged: input.tickets.length };
    const { priorityMatrix } = await ticketSettingsOf(s.tx, s.tenantId);
    const unitOf = new Map(
      (
        await s.tx
          .select({ id: people.id, unitId: people.unitId })
          .from(people)
          .where(s.where(people, inArray(people.id, [...new Set(fresh.map((f) => f.requester))])))
      ).map((p) => [p.id, p.unitId]),
    );
    const cache = new Map<string, Promise<ClockTerms>>();
    const terms = (serviceId: string | null, priority: number, unitId: string | null) => {
      const key = `${serviceId}:${priority}:${unitId}`;
      let hit = cache.get(key);
      if (!hit) {
        hit = termsFor(s.tx, s.tenantId, { serviceId, priority, unitId });
        cache.set(key, hit);
      }
      return hit;
    };
    const replayed = [];
    for (const { t, requester } of fresh)
      replayed.push(
        await replay(
          t as Parameters<typeof replay>[0],
          requester,
          t.unitId ?? unitOf.get(requester) ?? null,
          terms,
          priorityMatrix,
          firstLine,
          now,
        ),
      );
    // Numbers per type and year of creation, in order of creation: one counter bump per pair.
    const byKey = new Map<string, TicketInsert[]>();
    for (const { row } of replayed.sort((a, b) => a.row.createdAt!.getTime() - b.row.createdAt!.getTime())) {
      const key = `${row.type}:${stockholmYear(row.createdAt!)}`;
      byKey.set(key, [...(byKey.get(key) ?? []), row]);
    }
    for (const [key, rows] of byKey) {
      const [type, year] = key.split(':') as [string, string];
      const [counter] = await s.tx
        .insert(ticketCounters)
        .values({ tenantId: s.tenantId, type, year: Number(year), last: rows.length })
        .onConflictDoUpdate({
          target: [ticketCounters.tenantId, ticketCounters.type, ticketCounters.year],
          set: { last: sql`${ticketCounters.last} + ${rows.length}` },
        })
        .returning({ last: ticketCounters.last });
      const first = counter!.last - rows.length + 1;
      rows.forEach((row, i) => {
        row.number = ticketNumber(row.type as Parameters<typeof ticketNumber>[0], Number(year), first + i);
      });
    }
    const written = await s.insertMany(
      tickets,
      replayed.map((r) => r.row),
    );
    await s.insertMany(
      ticketEvents,
      replayed.flatMap((r) => r.events),
    );
    await importSupplierClocks(
      s,
      replayed.map((r) => ({ ticketId: r.row.id!, steps: r.steps })),
    );
    // One audit event for the import (who brought which tickets in, and when): a history of
    // thousands is one act, and each ticket's own timeline says what happened to it.
    await s.audit({
      entity: 'ticketImport',
      entityId: s.tenantId,
      action: 'import',
      after: {
        created: written.length,
        tickets: written.map((r) => ({ id: r.id, number: r.number, sourceRef: r.sourceRef })),
      },
    });
    return { created: fresh.length, unchanged: input.tickets.length - fresh.length };
  });
}

/** For tests and the demo: a ticket's row by its source. */
export async function ticketBySource(db: Database, tenantId: string, sourceRef: string) {
  const [row] = await db
    .select()
    .from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.sourceRef, sourceRef)));
  return row;
}

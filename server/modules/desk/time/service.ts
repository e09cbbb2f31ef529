import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { TimeEntryCreate } from '../../../../shared/desk/time.ts';
import type { Database, Executor } from '../../../db/client.ts';
import { holdsFor } from '../../../platform/authz.ts';
import type { Actor } from '../../../platform/context.ts';
import { people } from '../../../platform/directory/schema.ts';
import { activeGrants } from '../../../platform/directory/service.ts';
import { problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { ArchiveInput } from '../../../platform/records.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion } from '../../../platform/versioning.ts';
import { offerings } from '../../catalogue/offerings/schema.ts';
import { AGENT, GROUP } from '../groups/service.ts';
import { deskPolicy } from '../policy.ts';
import { lockWorked } from '../tickets/links.ts';
import { tickets } from '../tickets/schema.ts';
import { getTicket, type TicketRow, worksOn } from '../tickets/service.ts';
import { timeEntries } from './schema.ts';

// Time worked on tickets: the only writer of ./schema.ts. Who logs and archives: the agents who
// work the ticket (its group's, its assignee, all-groups agents; 403 for its requester, 404 for
// anyone who may not read it). Who reads: those agents every entry; the requester (and watchers)
// the billable ones, which is what their unit is charged for. Each change is audited in its
// transaction. The perHour offerings are the catalogue's, read here (read-only) to check the
// choice and to default it from the ticket's service: a catalogue service is a desk service with
// the same id (catalogue/offerings/schema.ts), so an offering's service_id is a ticket's.

export type TimeEntryRow = typeof timeEntries.$inferSelect;

/** The active perHour offerings of the tenant, by name. */
async function hourOfferings(db: Executor, tenantId: string) {
  return db
    .select({ id: offerings.id, name: offerings.name, serviceId: offerings.serviceId })
    .from(offerings)
    .where(
      and(
        eq(offerings.tenantId, tenantId),
        eq(offerings.priceModel, 'perHour'),
        isNull(offerings.archivedAt),
      ),
    )
    .orderBy(asc(offerings.sortName), asc(offerings.id));
}

/**
 * The perHour offering of the ticket's service, when its service has one; with several, none (the
 * agent chooses which rate the work is charged at).
 */
async function defaultOffering(db: Executor, ticket: TicketRow): Promise<string | null> {
  if (!ticket.serviceId) return null;
  const rows = await db
    .select({ id: offerings.id })
    .from(offerings)
    .where(
      and(
        eq(offerings.tenantId, ticket.tenantId),
        eq(offerings.serviceId, ticket.serviceId),
        eq(offerings.priceModel, 'perHour'),
        isNull(offerings.archivedAt),
      ),
    )
    .limit(2);
  return rows.length === 1 ? rows[0]!.id : null;
}

/** The person who worked: active in the tenant and an agent of the ticket (400 otherwise). */
async function checkWorker(s: TenantScope, personId: string, ticket: TicketRow) {
  if (personId === s.actor.personId) return;
  const [row] = await s.tx
    .select({ id: people.id })
    .from(people)
    .where(s.where(people, eq(people.id, personId), isNull(people.archivedAt)));
  if (!row) throw problems.field('body.personId', 'No such active person');
  const grants = (await activeGrants(s.tx, s.tenantId, [personId])).get(personId) ?? [];
  const holder = { tenantId: s.tenantId, personId, name: '', grants };
  const agent =
    deskPolicy.allGroups(holder) ||
    ticket.assigneeId === personId ||
    (ticket.groupId !== null && holdsFor(holder, AGENT, { kind: GROUP, id: ticket.groupId }));
  if (!agent) throw problems.field('body.personId', 'The person is not an agent of the ticket');
}

/** Logs time on a ticket the actor works. */
export function logTime(db: Database, actor: Actor, ticketId: string, input: TimeEntryCreate) {
  return inTenant(db, actor, async (s) => {
    const [ticket] = await lockWorked(s, [ticketId]);
    const personId = input.personId ?? actor.personId;
    if (!personId) throw problems.field('body.personId', 'Required: who did the work');
    await checkWorker(s, personId, ticket!);
    let offeringId: string | null;
    if (input.offeringId) {
      const choices = await hourOfferings(s.tx, s.tenantId);
      if (!choices.some((o) => o.id === input.offeringId))
        throw problems.field('body.offeringId', 'No such active perHour offering');
      offeringId = input.offeringId;
    } else if (input.offeringId === null) {
      offeringId = null;
    } else {
      offeringId = await defaultOffering(s.tx, ticket!);
    }
    if (input.billable && offeringId === null)
      throw problems.field('body.offeringId', 'Billable time needs the perHour offering it is charged at');
    const [row] = await s
      .insert(timeEntries, {
        id: newId(),
        ticketId,
        personId,
        workedOn: input.workedOn,
        minutes: input.minutes,
        billable: input.billable,
        note: input.note ? input.note : null,
        offeringId,
        createdBy: actor.personId,
      })
      .returning();
    await s.audit({ entity: 'timeEntry', entityId: row!.id, action: 'create', after: row });
    return row!;
  });
}

/** Archives an entry (it is no longer charged by a run computed after this); with the version read. */
export function archiveTime(
  db: Database,
  actor: Actor,
  ticketId: string,
  entryId: string,
  input: ArchiveInput,
) {
  return inTenant(db, actor, async (s) => {
    await lockWorked(s, [ticketId]);
    const [before] = await s.tx
      .select()
      .from(timeEntries)
      .where(s.where(timeEntries, eq(timeEntries.id, entryId), eq(timeEntries.ticketId, ticketId)))
      .for('update');
    if (before?.archivedAt) throw problems.notFound('time entry');
    assertVersion(before, input.version, 'time entry');
    const [after] = await s
      .update(
        timeEntries,
        {
          archivedAt: new Date(),
          archiveReason: input.reason,
          version: before!.version + 1,
          updatedAt: new Date(),
        },
        eq(timeEntries.id, entryId),
      )
      .returning();
    await s.audit({ entity: 'timeEntry', entityId: entryId, action: 'archive', before, after });
    return after!;
  });
}

/** A ticket's time: every active entry for its agents, the billable ones for its requester (./present.ts shapes it). */
export async function timeOf(db: Database, actor: Actor, ticketId: string) {
  const ticket = await getTicket(db, actor, ticketId);
  const agent = worksOn(actor, ticket);
  const s = readScope(db, actor);
  const rows = await db
    .select({
      entry: timeEntries,
      personName: sql<string>`${people.givenName} || ' ' || ${people.familyName}`,
      offeringName: offerings.name,
    })
    .from(timeEntries)
    .innerJoin(people, and(eq(people.tenantId, timeEntries.tenantId), eq(people.id, timeEntries.personId)))
    .leftJoin(
      offerings,
      and(eq(offerings.tenantId, timeEntries.tenantId), eq(offerings.id, timeEntries.offeringId)),
    )
    .where(
      s.where(
        timeEntries,
        eq(timeEntries.ticketId, ticket.id),
        isNull(timeEntries.archivedAt),
        agent ? undefined : eq(timeEntries.billable, true),
      ),
    )
    .orderBy(desc(timeEntries.workedOn), desc(timeEntries.createdAt), asc(timeEntries.id));
  return {
    rows,
    agent,
    offerings: agent ? (await hourOfferings(db, actor.tenantId)).map(({ id, name }) => ({ id, name })) : [],
    defaultOfferingId: agent ? await defaultOffering(db, ticket) : null,
  };
}

export type TicketTimeRows = Awaited<ReturnType<typeof timeOf>>;

/** How the audit trail names entries: the ticket's number, linking to the ticket. */
export async function timeEntryRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({
      id: timeEntries.id,
      ticketId: timeEntries.ticketId,
      number: tickets.number,
      minutes: timeEntries.minutes,
      archivedAt: timeEntries.archivedAt,
    })
    .from(timeEntries)
    .innerJoin(tickets, and(eq(tickets.tenantId, timeEntries.tenantId), eq(tickets.id, timeEntries.ticketId)))
    .where(and(eq(timeEntries.tenantId, tenantId), inArray(timeEntries.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: `${r.number} · ${r.minutes} min`,
        href: `/desk/tickets/${r.ticketId}`,
        archived: r.archivedAt !== null,
      },
    ]),
  );
}

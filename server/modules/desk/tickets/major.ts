import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type MajorSolve, majorMessage, majorSolve } from '../../../../shared/desk/links.ts';
import { isOpen, type TicketStatus } from '../../../../shared/desk/tickets.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { problems } from '../../../platform/errors.ts';
import { inTenant, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion } from '../../../platform/versioning.ts';
import { childIds, lockWorked, serializeLinks, versionOf } from './links.ts';
import { ticketEvents, tickets } from './schema.ts';
import { changeTicket, postMessage, type TicketRow } from './service.ts';

// A major incident (större störning; part of the ticket service): the incidents it affects are
// linked to it as its children. One message from it reaches every linked ticket's requester as a
// public message on that ticket, and solving it can solve the open linked tickets with the same
// solution text, each in the one transaction of the whole. Whoever does so works the major
// incident and every ticket it writes on.
//
// The message is sent once per Idempotency-Key: the platform replays a repeated request
// (server/platform/idempotency.ts), but two requests with the same key at the same moment both get
// past it; here they wait for each other on the tenant's lock (./links.ts), and the second finds
// the key (hashed, with the sender) on the major incident's own message and sends nothing.

type Ref = { id: string; number: string };

const ref = (row: TicketRow): Ref => ({ id: row.id, number: row.number });

async function majorIncident(s: TenantScope, id: string): Promise<TicketRow> {
  const [major] = await lockWorked(s, [id]);
  if (!major!.major) throw problems.conflict('The ticket is not a major incident');
  return major!;
}

/** The linked tickets (children) of a major incident, locked; each one the actor must work. */
async function linkedTickets(s: TenantScope, major: TicketRow): Promise<TicketRow[]> {
  const ids = await childIds(s.tx, s.tenantId, major.id);
  if (ids.length === 0) return [];
  try {
    return await lockWorked(s, ids);
  } catch {
    throw problems.forbidden('Only an agent who works every ticket linked to the major incident does this');
  }
}

function keyHash(actor: Actor, key: string): string {
  return createHash('sha256')
    .update(`${actor.personId ?? ''}\n${key}`)
    .digest('base64url');
}

/**
 * Sends one public message from the major incident to its own requester and, on each linked
 * ticket that is not closed, to that ticket's requester.
 */
export function sendMajorMessage(
  db: Database,
  actor: Actor,
  id: string,
  given: { body: string },
  idempotencyKey?: string,
) {
  const input = majorMessage.parse(given);
  return inTenant(db, actor, async (s) => {
    await serializeLinks(s);
    const major = await majorIncident(s, id);
    const hash = idempotencyKey ? keyHash(actor, idempotencyKey) : null;
    if (hash) {
      const [sent] = await s.tx
        .select({ id: ticketEvents.id })
        .from(ticketEvents)
        .where(
          s.where(
            ticketEvents,
            eq(ticketEvents.ticketId, major.id),
            eq(ticketEvents.kind, 'message'),
            sql`${ticketEvents.change} -> 'broadcast' ->> 'key' = ${hash}`,
          ),
        );
      if (sent) return { tickets: await reached(s, major, sent.id), repeated: true };
    }
    const linked = (await linkedTickets(s, major)).filter((t) => t.status !== 'closed');
    const own = await postMessage(
      s,
      major.id,
      { body: input.body, internal: false },
      { broadcast: { key: hash, count: linked.length } },
    );
    for (const ticket of linked)
      await postMessage(
        s,
        ticket.id,
        { body: input.body, internal: false },
        { fromMajor: { ...ref(major), messageId: own.id } },
      );
    await s.audit({
      entity: 'ticket',
      entityId: major.id,
      action: 'majorMessage',
      after: { messageId: own.id, tickets: linked.map((t) => t.id) },
    });
    return { tickets: linked.map(ref), repeated: false };
  });
}

/** The tickets a major incident's message reached, from their copies of it. */
async function reached(s: TenantScope, major: TicketRow, messageId: string): Promise<Ref[]> {
  const ids = await childIds(s.tx, s.tenantId, major.id);
  if (ids.length === 0) return [];
  const rows = await s.tx
    .select({ ticketId: ticketEvents.ticketId })
    .from(ticketEvents)
    .where(
      s.where(
        ticketEvents,
        and(
          inArray(ticketEvents.ticketId, ids),
          sql`${ticketEvents.change} -> 'fromMajor' ->> 'messageId' = ${messageId}`,
        ),
      ),
    );
  const hit = new Set(rows.map((r) => r.ticketId));
  const numbers = hit.size
    ? await s.tx
        .select({ id: tickets.id, number: tickets.number })
        .from(tickets)
        .where(s.where(tickets, inArray(tickets.id, [...hit])))
    : [];
  return numbers.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Solves the major incident with a solution (a public message, then löst) and, with solveLinked,
 * every open linked ticket the same way, with the same text.
 */
export function solveMajorIncident(db: Database, actor: Actor, id: string, given: MajorSolve) {
  const input = majorSolve.parse(given);
  return inTenant(db, actor, async (s) => {
    await serializeLinks(s);
    const major = await majorIncident(s, id);
    assertVersion(major, input.version, 'ticket');
    if (!isOpen(major.status as TicketStatus)) throw problems.conflict('Only an open ticket is solved');
    const linked = input.solveLinked
      ? (await linkedTickets(s, major)).filter((t) => isOpen(t.status as TicketStatus))
      : [];
    const solve = async (ticket: TicketRow, mark: Record<string, unknown>) => {
      await postMessage(s, ticket.id, { body: input.solution, internal: false }, mark);
      return changeTicket(s, ticket.id, { version: await versionOf(s, ticket.id), status: 'solved' });
    };
    const after = await solve(major, { solution: true });
    for (const ticket of linked) await solve(ticket, { solution: true, fromMajor: ref(major) });
    return { ticket: after, solved: linked.map(ref) };
  });
}

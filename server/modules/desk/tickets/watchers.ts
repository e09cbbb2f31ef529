import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import type { TenantScope } from '../../../platform/tenancy.ts';
import { tickets, ticketWatchers } from './schema.ts';

// Watchers: people who follow a ticket that is not theirs as its requester does: they read it and
// its public timeline (never internal notes), find it among their own tickets in the portal and
// may reply. A merge makes the duplicate's requester (and its watchers) watchers of the ticket it
// was merged into, so that nobody who asked loses the thread. Part of the ticket service: only
// ./merge.ts adds them, in the transaction of its change.

/** Whether the actor watches the ticket. */
export async function watches(db: Executor, actor: Actor, ticketId: string): Promise<boolean> {
  if (!actor.personId) return false;
  const [row] = await db
    .select({ ticketId: ticketWatchers.ticketId })
    .from(ticketWatchers)
    .where(
      and(
        eq(ticketWatchers.tenantId, actor.tenantId),
        eq(ticketWatchers.ticketId, ticketId),
        eq(ticketWatchers.personId, actor.personId),
      ),
    );
  return row !== undefined;
}

/** `desk_tickets` rows the person watches (the portal's list of their own tickets). */
export function watchedBy(personId: string): SQL {
  return sql`exists (select 1 from ${ticketWatchers} w where w.tenant_id = ${tickets.tenantId} and w.ticket_id = ${tickets.id} and w.person_id = ${personId})`;
}

/** Adds watchers to a ticket in the scope's transaction; those already there stay as they were. */
export async function addWatchers(
  s: TenantScope,
  ticketId: string,
  people: { personId: string; fromTicketId: string | null }[],
  reason: string,
): Promise<string[]> {
  if (people.length === 0) return [];
  const added = await s.tx
    .insert(ticketWatchers)
    .values(
      people.map((p) => ({
        tenantId: s.tenantId,
        ticketId,
        personId: p.personId,
        fromTicketId: p.fromTicketId,
        reason,
      })),
    )
    .onConflictDoNothing()
    .returning({ personId: ticketWatchers.personId });
  return added.map((r) => r.personId);
}

/** The watchers of tickets, oldest first. */
export async function watchersOf(db: Executor, tenantId: string, ticketIds: string[]) {
  if (ticketIds.length === 0) return [];
  return db
    .select()
    .from(ticketWatchers)
    .where(and(eq(ticketWatchers.tenantId, tenantId), inArray(ticketWatchers.ticketId, ticketIds)))
    .orderBy(asc(ticketWatchers.addedAt), asc(ticketWatchers.personId));
}

/** A ticket's watchers with the number of the ticket each came from, oldest first. */
export async function watchersWithOrigin(db: Executor, tenantId: string, ticketId: string) {
  return db
    .select({
      personId: ticketWatchers.personId,
      reason: ticketWatchers.reason,
      fromTicketId: ticketWatchers.fromTicketId,
      fromNumber: tickets.number,
      addedAt: ticketWatchers.addedAt,
    })
    .from(ticketWatchers)
    .leftJoin(
      tickets,
      and(eq(tickets.tenantId, ticketWatchers.tenantId), eq(tickets.id, ticketWatchers.fromTicketId)),
    )
    .where(and(eq(ticketWatchers.tenantId, tenantId), eq(ticketWatchers.ticketId, ticketId)))
    .orderBy(asc(ticketWatchers.addedAt), asc(ticketWatchers.personId));
}

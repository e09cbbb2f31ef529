import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import {
  kindOf,
  type LinkCreate,
  type LinkKind,
  type LinkRelation,
  linkCreate,
  linkRelations,
  relationOf,
  type TicketLink,
} from '../../../../shared/desk/links.ts';
import type { TicketStatus, TicketType } from '../../../../shared/desk/tickets.ts';
import { type Database, type Executor, rowsOf } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { isUniqueViolation, problems } from '../../../platform/errors.ts';
import { iso } from '../../../platform/http.ts';
import { newId } from '../../../platform/ids.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { ticketEvents, ticketLinks, tickets } from './schema.ts';
import { asks, getTicket, personNames, type TicketRow, worksOn } from './service.ts';
import { watches } from './watchers.ts';

// Links between tickets (part of the ticket service, beside ./service.ts): duplicate of, caused by
// (an incident by a problem), parent and child, related. Whoever links or unlinks must work both
// tickets; the link shows on both, with an entry on each timeline (for agents: the requester of one
// ticket has no business with the numbers of others) and an audit event on each.
//
// Every change that touches several tickets (linking, merging, a major incident's message and
// solution) first takes one lock per tenant (serializeLinks), then the tickets' rows: two such
// changes then never deadlock on each other's rows, and the check for cycles sees every link
// committed before it. Single-ticket changes take only their own row, as before.

export type LinkRow = typeof ticketLinks.$inferSelect;

/** One at a time per tenant: the changes of this file, ./merge.ts and ./major.ts. */
export async function serializeLinks(s: TenantScope) {
  await s.tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`desk.links:${s.tenantId}`}, 0))`);
}

/**
 * The tickets, locked, each one the actor works: 404 for one they may not read (another tenant's
 * too), 403 for one they read but do not work (their own request).
 */
export async function lockWorked(s: TenantScope, ids: string[]): Promise<TicketRow[]> {
  const wanted = [...new Set(ids)];
  const rows = await s.tx
    .select()
    .from(tickets)
    .where(s.where(tickets, inArray(tickets.id, wanted)))
    .orderBy(asc(tickets.id))
    .for('update');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const found: TicketRow[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) throw problems.notFound('ticket');
    if (!worksOn(s.actor, row)) {
      if (asks(s.actor, row) || (await watches(s.tx, s.actor, id)))
        throw problems.forbidden('Only the agents of its group change a ticket');
      throw problems.notFound('ticket');
    }
    found.push(row);
  }
  return found;
}

/** A change beside the ticket's own fields (a link, a merge): its version and time move on. */
export async function touch(s: TenantScope, row: TicketRow, now: Date): Promise<TicketRow> {
  const [after] = await s
    .update(tickets, { version: row.version + 1, updatedAt: now }, eq(tickets.id, row.id))
    .returning();
  return after!;
}

/** The ticket's version as it stands in the scope's transaction. */
export async function versionOf(s: TenantScope, id: string): Promise<number> {
  const [row] = await s.tx
    .select({ version: tickets.version })
    .from(tickets)
    .where(s.where(tickets, eq(tickets.id, id)));
  if (!row) throw problems.notFound('ticket');
  return row.version;
}

/** The link between two tickets, whichever way round (there is at most one). */
async function linkBetween(s: TenantScope, a: string, b: string): Promise<LinkRow | undefined> {
  const [row] = await s.tx
    .select()
    .from(ticketLinks)
    .where(
      s.where(
        ticketLinks,
        or(
          and(eq(ticketLinks.fromId, a), eq(ticketLinks.toId, b)),
          and(eq(ticketLinks.fromId, b), eq(ticketLinks.toId, a)),
        ),
      ),
    );
  return row;
}

/** Whether following links of `kind` from `start` reaches `target` (a parent chain, a duplicate chain). */
async function reaches(s: TenantScope, kind: LinkKind, start: string, target: string): Promise<boolean> {
  const rows = await s.tx.execute(sql`
    with recursive chain(id) as (
      select ${start}::uuid
      union
      select l.to_id from ${ticketLinks} l join chain c on l.from_id = c.id
      where l.tenant_id = ${s.tenantId} and l.kind = ${kind}
    )
    select 1 as hit from chain where id = ${target}::uuid limit 1`);
  return rowsOf(rows).length > 0;
}

/** What the kinds ask of the two ends; a refusal names the relation field. */
function checkTypes(kind: LinkKind, from: TicketRow, to: TicketRow) {
  if (kind === 'cause' && (from.type !== 'incident' || to.type !== 'problem'))
    throw problems.field('body.relation', 'Only an incident is caused by a problem');
  if (kind === 'duplicate' && from.type !== to.type)
    throw problems.field('body.relation', 'A duplicate is a ticket of the same type');
}

/**
 * Links two tickets in the scope's transaction, after the checks (the caller holds both rows and
 * the tenant's lock): one link per pair, one parent per ticket, a duplicate of one other at most,
 * no cycles of parents or of duplicates. Writes the link only; the caller writes what it says.
 */
export async function insertLink(
  s: TenantScope,
  kind: LinkKind,
  from: TicketRow,
  to: TicketRow,
  now: Date,
): Promise<LinkRow> {
  if (from.id === to.id) throw problems.field('body.ticketId', 'A ticket cannot be linked to itself');
  checkTypes(kind, from, to);
  if (await linkBetween(s, from.id, to.id)) throw problems.conflict('The tickets are linked already');
  if (kind === 'parent') {
    const [parent] = await s.tx
      .select({ id: ticketLinks.id })
      .from(ticketLinks)
      .where(s.where(ticketLinks, eq(ticketLinks.toId, to.id), eq(ticketLinks.kind, 'parent')));
    if (parent) throw problems.conflict('The ticket has a parent already');
  }
  if (kind === 'duplicate') {
    const [original] = await s.tx
      .select({ id: ticketLinks.id })
      .from(ticketLinks)
      .where(s.where(ticketLinks, eq(ticketLinks.fromId, from.id), eq(ticketLinks.kind, 'duplicate')));
    if (original) throw problems.conflict('The ticket is a duplicate of another already');
  }
  // A new edge from → to closes a cycle when `to` already leads back to `from`.
  if ((kind === 'parent' || kind === 'duplicate') && (await reaches(s, kind, to.id, from.id)))
    throw problems.conflict('The link would make a cycle');
  try {
    const [row] = await s
      .insert(ticketLinks, {
        id: newId(),
        fromId: from.id,
        toId: to.id,
        kind,
        createdBy: s.actor.personId,
        createdAt: now,
      })
      .returning();
    return row!;
  } catch (error) {
    // The indexes say the same as the checks above; a race they did not see still answers 409.
    if (isUniqueViolation(error)) throw problems.conflict('The tickets are linked already');
    throw error;
  }
}

/** A timeline entry on one ticket about a link to the other. */
export function linkEntry(
  s: TenantScope,
  on: TicketRow,
  other: TicketRow,
  kind: 'linked' | 'unlinked',
  relation: LinkRelation,
  linkId: string,
  now: Date,
) {
  return s.insert(ticketEvents, {
    id: newId(),
    ticketId: on.id,
    at: now,
    kind,
    internal: true,
    authorId: s.actor.personId,
    change: { linkId, relation, ticket: { id: other.id, number: other.number } },
  });
}

export function createLink(db: Database, actor: Actor, ticketId: string, given: LinkCreate) {
  const input = linkCreate.parse(given);
  return inTenant(db, actor, async (s) => {
    if (input.ticketId === ticketId)
      throw problems.field('body.ticketId', 'A ticket cannot be linked to itself');
    await serializeLinks(s);
    const [self, other] = await lockWorked(s, [ticketId, input.ticketId]);
    const { kind, outgoing } = kindOf(input.relation);
    const [from, to] = outgoing ? [self!, other!] : [other!, self!];
    const now = new Date();
    const link = await insertLink(s, kind, from, to, now);
    for (const [on, far, out] of [
      [from, to, true],
      [to, from, false],
    ] as const) {
      await linkEntry(s, on, far, 'linked', relationOf(kind, out), link.id, now);
      await touch(s, on, now);
      await s.audit({
        entity: 'ticket',
        entityId: on.id,
        action: 'link',
        after: { linkId: link.id, relation: relationOf(kind, out), ticketId: far.id },
      });
    }
    return link;
  });
}

export function removeLink(db: Database, actor: Actor, ticketId: string, linkId: string) {
  return inTenant(db, actor, async (s) => {
    await serializeLinks(s);
    const [link] = await s.tx
      .select()
      .from(ticketLinks)
      .where(
        s.where(
          ticketLinks,
          eq(ticketLinks.id, linkId),
          or(eq(ticketLinks.fromId, ticketId), eq(ticketLinks.toId, ticketId)),
        ),
      );
    if (!link) throw problems.notFound('link');
    const [from, to] = await lockWorked(s, [link.fromId, link.toId]);
    const kind = link.kind as LinkKind;
    await s.tx.delete(ticketLinks).where(s.where(ticketLinks, eq(ticketLinks.id, link.id)));
    const now = new Date();
    for (const [on, far, out] of [
      [from!, to!, true],
      [to!, from!, false],
    ] as const) {
      await linkEntry(s, on, far, 'unlinked', relationOf(kind, out), link.id, now);
      await touch(s, on, now);
      await s.audit({
        entity: 'ticket',
        entityId: on.id,
        action: 'unlink',
        before: { linkId: link.id, relation: relationOf(kind, out), ticketId: far.id },
      });
    }
  });
}

/** The links of tickets, each as one of them sees it. */
export async function linkRowsOf(db: Executor, tenantId: string, ticketIds: string[]) {
  if (ticketIds.length === 0) return [];
  return db
    .select()
    .from(ticketLinks)
    .where(
      and(
        eq(ticketLinks.tenantId, tenantId),
        or(inArray(ticketLinks.fromId, ticketIds), inArray(ticketLinks.toId, ticketIds)),
      ),
    )
    .orderBy(asc(ticketLinks.createdAt), asc(ticketLinks.id));
}

/** The ids of the tickets linked to a ticket as its children (a major incident's incidents). */
export async function childIds(db: Executor, tenantId: string, parentId: string): Promise<string[]> {
  const rows = await db
    .select({ id: ticketLinks.toId })
    .from(ticketLinks)
    .where(
      and(
        eq(ticketLinks.tenantId, tenantId),
        eq(ticketLinks.fromId, parentId),
        eq(ticketLinks.kind, 'parent'),
      ),
    )
    .orderBy(asc(ticketLinks.toId));
  return rows.map((r) => r.id);
}

/**
 * A ticket's linked records for an agent who works it: each link as this ticket sees it, with
 * the other ticket (its title, requester and a problem's workaround only if the reader may read it).
 */
export async function linksOf(db: Database, actor: Actor, ticketId: string): Promise<TicketLink[]> {
  const ticket = await getTicket(db, actor, ticketId);
  if (!worksOn(actor, ticket)) throw problems.forbidden('Only the agents of its group see its links');
  const links = await linkRowsOf(db, actor.tenantId, [ticket.id]);
  const otherIds = links.map((l) => (l.fromId === ticket.id ? l.toId : l.fromId));
  const s = readScope(db, actor);
  const others = otherIds.length
    ? await db
        .select()
        .from(tickets)
        .where(s.where(tickets, inArray(tickets.id, otherIds)))
    : [];
  const byId = new Map(others.map((o) => [o.id, o]));
  const names = await personNames(db, actor.tenantId, [
    ...links.map((l) => l.createdBy),
    ...others.map((o) => o.requesterId),
  ]);
  const order = (r: LinkRelation) => linkRelations.indexOf(r);
  return links
    .map((link) => {
      const outgoing = link.fromId === ticket.id;
      const other = byId.get(outgoing ? link.toId : link.fromId)!;
      const readable = asks(actor, other) || worksOn(actor, other);
      return {
        id: link.id,
        relation: relationOf(link.kind as LinkKind, outgoing),
        ticket: {
          id: other.id,
          number: other.number,
          type: other.type as TicketType,
          status: other.status as TicketStatus,
          readable,
          title: readable ? other.title : null,
          major: other.major,
          requester: readable ? { id: other.requesterId, name: names.get(other.requesterId) ?? '' } : null,
          knownError: other.knownError,
          workaround: readable ? other.workaround : null,
        },
        createdAt: iso(link.createdAt),
        createdBy: link.createdBy ? { id: link.createdBy, name: names.get(link.createdBy) ?? '' } : null,
      };
    })
    .sort((a, b) => order(a.relation) - order(b.relation));
}

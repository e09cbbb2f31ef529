import { and, asc, eq } from 'drizzle-orm';
import { type TicketMerge, ticketMerge } from '../../../../shared/desk/links.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { inTenant } from '../../../platform/tenancy.ts';
import { assertVersion } from '../../../platform/versioning.ts';
import { insertLink, lockWorked, serializeLinks, touch } from './links.ts';
import { ticketEvents, ticketLinks } from './schema.ts';
import { changeTicket, type TicketRow } from './service.ts';
import { addWatchers, watchersOf } from './watchers.ts';

// Merging a duplicate into the ticket that stays (part of the ticket service): in one
// transaction, the duplicate's public messages are copied to the other ticket (marked with where
// they came from; internal notes stay where they are, for agents who follow the link), its
// requester, the person it was on behalf of and its watchers become watchers of the other ticket,
// it gets the link "duplicate of" and a note on both timelines, and it is closed under the rules
// of any change of status. Both versions are checked; a closed ticket is neither merged nor merged
// into. Two merges of the same pair at once (either way round) wait for each other on the tenant's
// lock (./links.ts), and the second finds a version it did not read: one result, the other 409.

export interface MergeOutcome {
  ticket: TicketRow;
  into: TicketRow;
  copiedMessages: number;
}

export function mergeTicket(db: Database, actor: Actor, id: string, given: TicketMerge) {
  const input = ticketMerge.parse(given);
  return inTenant(db, actor, async (s): Promise<MergeOutcome> => {
    if (input.intoId === id) throw problems.field('body.intoId', 'A ticket cannot be merged into itself');
    await serializeLinks(s);
    const [duplicate, into] = (await lockWorked(s, [id, input.intoId])) as [TicketRow, TicketRow];
    assertVersion(duplicate, input.version, 'ticket');
    if (into.version !== input.intoVersion) throw problems.versionConflict(into.version);
    if (duplicate.status === 'closed' || into.status === 'closed')
      throw problems.conflict('A closed ticket is not merged');
    if (duplicate.type !== into.type)
      throw problems.field('body.intoId', 'Only tickets of the same type are merged');
    const now = new Date();

    // Whatever linked the two before gives way to "duplicate of".
    await s.tx
      .delete(ticketLinks)
      .where(s.where(ticketLinks, eq(ticketLinks.fromId, duplicate.id), eq(ticketLinks.toId, into.id)));
    await s.tx
      .delete(ticketLinks)
      .where(s.where(ticketLinks, eq(ticketLinks.fromId, into.id), eq(ticketLinks.toId, duplicate.id)));
    const link = await insertLink(s, 'duplicate', duplicate, into, now);

    const messages = await s.tx
      .select()
      .from(ticketEvents)
      .where(
        s.where(
          ticketEvents,
          and(
            eq(ticketEvents.ticketId, duplicate.id),
            eq(ticketEvents.kind, 'message'),
            eq(ticketEvents.internal, false),
          ),
        ),
      )
      .orderBy(asc(ticketEvents.at), asc(ticketEvents.id));
    const from = { id: duplicate.id, number: duplicate.number };
    // Copied at the time of the merge, the original time beside them: the other ticket's clocks
    // (first response, service levels) are its own, not the duplicate's.
    for (const m of messages)
      await s.insert(ticketEvents, {
        id: newId(),
        ticketId: into.id,
        at: now,
        kind: 'message',
        internal: false,
        authorId: m.authorId,
        body: m.body,
        change: { mergedFrom: from, originalAt: m.at.toISOString(), originalId: m.id },
      });

    const askers = [duplicate.requesterId, duplicate.onBehalfOfId]
      .concat((await watchersOf(s.tx, s.tenantId, [duplicate.id])).map((w) => w.personId))
      .filter((p): p is string => p !== null && p !== into.requesterId && p !== into.onBehalfOfId);
    const watching = await addWatchers(
      s,
      into.id,
      [...new Set(askers)].map((personId) => ({ personId, fromTicketId: duplicate.id })),
      'merge',
    );

    await s.insert(ticketEvents, {
      id: newId(),
      ticketId: duplicate.id,
      at: now,
      kind: 'merged',
      internal: false,
      authorId: actor.personId,
      body: input.note?.trim() || null,
      change: { into: { id: into.id, number: into.number }, linkId: link.id },
    });
    await s.insert(ticketEvents, {
      id: newId(),
      ticketId: into.id,
      at: now,
      kind: 'merged',
      internal: false,
      authorId: actor.personId,
      change: { from, linkId: link.id, messages: messages.length },
    });
    const closed = await changeTicket(s, duplicate.id, { version: duplicate.version, status: 'closed' });
    const after = await touch(s, into, now);
    await s.audit({
      entity: 'ticket',
      entityId: into.id,
      action: 'merge',
      before: { version: into.version },
      after: {
        version: after.version,
        mergedFrom: duplicate.id,
        copiedMessages: messages.length,
        watchers: watching,
        linkId: link.id,
      },
    });
    return { ticket: closed, into: after, copiedMessages: messages.length };
  });
}

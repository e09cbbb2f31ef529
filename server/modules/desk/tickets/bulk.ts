import { inArray } from 'drizzle-orm';
import {
  type BulkOutcome,
  type BulkResult,
  type BulkUpdate,
  bulkUpdate,
} from '../../../../shared/desk/bulk.ts';
import type { TicketUpdate } from '../../../../shared/desk/tickets.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { Problem, problems } from '../../../platform/errors.ts';
import { lockRow } from '../../../platform/records.ts';
import { inTenant, readScope } from '../../../platform/tenancy.ts';
import { versionOf } from './links.ts';
import { tickets } from './schema.ts';
import { asks, changeTicket, postMessage, worksOn } from './service.ts';

// Bulk changes from the console (part of the ticket service): the same change (group, assignee,
// status, with a text written first) to many tickets, each with the version the agent read. Each
// ticket is one transaction under the rules of the single change (changeTicket, postMessage), so
// a ticket is changed wholly or not at all, and the answer says per ticket: done, conflict,
// forbidden, invalid, or notFound when it left the agent's view meanwhile.
//
// A ticket the caller may not read at all (another tenant's, another group's) refuses the whole
// request with 404 before anything is written, as the single-ticket routes do for such an id.

const outcomeOf = (error: Problem): BulkOutcome =>
  error.status === 409
    ? 'conflict'
    : error.status === 403
      ? 'forbidden'
      : error.status === 404
        ? 'notFound'
        : 'invalid';

export async function bulkUpdateTickets(db: Database, actor: Actor, given: BulkUpdate): Promise<BulkResult> {
  const input = bulkUpdate.parse(given);
  const ids = input.tickets.map((t) => t.id);
  const s = readScope(db, actor);
  const seen = await db
    .select()
    .from(tickets)
    .where(s.where(tickets, inArray(tickets.id, ids)));
  const byId = new Map(seen.map((r) => [r.id, r]));
  if (ids.some((id) => !byId.has(id) || !(asks(actor, byId.get(id)!) || worksOn(actor, byId.get(id)!))))
    throw problems.notFound('ticket');

  const { message, ...fields } = input.change;
  const change: Omit<TicketUpdate, 'version'> = {};
  if (fields.groupId !== undefined) change.groupId = fields.groupId;
  if (fields.assigneeId !== undefined) change.assigneeId = fields.assigneeId;
  if (fields.status !== undefined) change.status = fields.status;
  const results: BulkResult['results'] = [];
  for (const item of input.tickets) {
    const number = byId.get(item.id)!.number;
    try {
      const after = await inTenant(db, actor, async (tx) => {
        const before = await lockRow(tx, tickets, item.id);
        if (!before) throw problems.notFound('ticket');
        if (!worksOn(actor, before)) throw problems.forbidden('Only the agents of its group change a ticket');
        if (before.version !== item.version) throw problems.versionConflict(before.version);
        if (message) await postMessage(tx, item.id, message);
        if (Object.keys(change).length === 0) return { version: await versionOf(tx, item.id) };
        return changeTicket(tx, item.id, { ...change, version: await versionOf(tx, item.id) });
      });
      results.push({ id: item.id, number, outcome: 'done', version: after.version, detail: null });
    } catch (error) {
      if (!(error instanceof Problem) || error.status >= 500) throw error;
      const current = await db
        .select({ version: tickets.version })
        .from(tickets)
        .where(s.where(tickets, inArray(tickets.id, [item.id])));
      results.push({
        id: item.id,
        number,
        outcome: outcomeOf(error),
        version: current[0]?.version ?? null,
        detail: error.errors?.[0]?.message ?? error.detail ?? null,
      });
    }
  }
  return { results, done: results.filter((r) => r.outcome === 'done').length };
}

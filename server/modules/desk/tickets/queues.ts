import { asc, count, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { QueueCounts } from '../../../../shared/desk/filters.ts';
import { openStatuses } from '../../../../shared/desk/tickets.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { problems } from '../../../platform/errors.ts';
import { readScope } from '../../../platform/tenancy.ts';
import { groups } from '../groups/schema.ts';
import { AGENT, GROUP } from '../groups/service.ts';
import { deskPolicy } from '../policy.ts';
import { tickets } from './schema.ts';

// The console's queues with their counts of open tickets: every group the agent works (all active
// groups for those who see every group), the agent's own, the unassigned, and all they see. Two
// aggregate queries on the queue index, whatever the number of tickets; no list is read to count.

export async function queueCounts(db: Database, actor: Actor): Promise<QueueCounts> {
  if (!deskPolicy.agent(actor)) throw problems.forbidden('The console is for agents');
  const s = readScope(db, actor);
  const everyGroup = deskPolicy.allGroups(actor);
  const mine = everyGroup
    ? []
    : actor.grants.filter((g) => g.role === AGENT && g.scope === GROUP && g.scopeId).map((g) => g.scopeId!);
  // The tickets the agent sees, as the work view lists them (service.ts listTickets).
  const visible: SQL | undefined = everyGroup
    ? undefined
    : or(
        mine.length > 0 ? inArray(tickets.groupId, mine) : sql`false`,
        actor.personId ? eq(tickets.assigneeId, actor.personId) : undefined,
      );
  const open = inArray(tickets.status, [...openStatuses]);
  const me = actor.personId;
  const [totals] = await db
    .select({
      all: count(),
      mine: me ? sql<number>`count(*) filter (where ${tickets.assigneeId} = ${me})` : sql<number>`0`,
      unassigned: sql<number>`count(*) filter (where ${tickets.assigneeId} is null)`,
    })
    .from(tickets)
    .where(s.where(tickets, open, visible));
  const groupRows = await db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(s.where(groups, isNull(groups.archivedAt), everyGroup ? undefined : inArray(groups.id, mine)))
    .orderBy(asc(groups.name), asc(groups.id));
  const perGroup =
    groupRows.length > 0
      ? await db
          .select({ groupId: tickets.groupId, open: count() })
          .from(tickets)
          .where(
            s.where(
              tickets,
              open,
              inArray(
                tickets.groupId,
                groupRows.map((g) => g.id),
              ),
            ),
          )
          .groupBy(tickets.groupId)
      : [];
  const counts = new Map(perGroup.map((r) => [r.groupId, Number(r.open)]));
  return {
    all: Number(totals?.all ?? 0),
    mine: Number(totals?.mine ?? 0),
    unassigned: Number(totals?.unassigned ?? 0),
    groups: groupRows.map((g) => ({ id: g.id, name: g.name, open: counts.get(g.id) ?? 0 })),
  };
}

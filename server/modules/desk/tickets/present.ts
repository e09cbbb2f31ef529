import { and, eq } from 'drizzle-orm';
import type { CompiledCalendar } from '../../../../shared/desk/calendar.ts';
import type { Clock } from '../../../../shared/desk/sla.ts';
import { usedMinutes } from '../../../../shared/desk/sla.ts';
import type {
  Level,
  Priority,
  Ticket,
  TicketCategory,
  TicketChannel,
  TicketRow as TicketListRow,
  TicketSla,
  TicketStatus,
  TicketType,
  TimelineEntry,
  TimelineKind,
} from '../../../../shared/desk/tickets.ts';
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { serviceLevels } from '../services/schema.ts';
import { calendarOf } from './clocks.ts';
import { asks, type EventRow, type Names, type TicketRow, worksOn } from './service.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`).

const ref = (id: string | null, names: Map<string, string>) =>
  id === null ? null : { id, name: names.get(id) ?? '' };

export function presentTicketRow(row: TicketRow, names: Names): TicketListRow {
  return {
    id: row.id,
    number: row.number,
    type: row.type as TicketType,
    title: row.title,
    status: row.status as TicketStatus,
    requester: { id: row.requesterId, name: names.people.get(row.requesterId) ?? '' },
    unit: ref(row.unitId, names.units),
    system: ref(row.systemId, names.systems),
    priority: row.priority as Priority,
    group: ref(row.groupId, names.groups),
    assignee: ref(row.assigneeId, names.people),
    major: row.major,
    dueAt: iso(row.dueAt),
    slaPaused: row.slaPaused,
    responseBreached: row.responseBreachedAt !== null,
    resolutionBreached: row.resolutionBreachedAt !== null,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function presentTicket(
  row: TicketRow,
  names: Names,
  reader: Actor,
  reopenDays: number,
  sla?: TicketSla | null,
  now = new Date(),
  /** The reader watches the ticket (./watchers.ts): replies as its requester does, never rates. */
  watching = false,
): Ticket {
  const agent = worksOn(reader, row);
  const requester = asks(reader, row);
  const closed = row.status === 'closed';
  const solved = row.status === 'solved';
  const withinReopen =
    solved && row.solvedAt !== null && now.getTime() - row.solvedAt.getTime() <= reopenDays * 86_400_000;
  return {
    ...presentTicketRow(row, names),
    description: row.description,
    onBehalfOf: ref(row.onBehalfOfId, names.people),
    category: row.category as TicketCategory | null,
    service: ref(row.serviceId, names.services),
    orderAnswers: row.orderAnswers ?? null,
    impact: row.impact as Level,
    urgency: row.urgency as Level,
    channel: row.channel as TicketChannel,
    rootCause: row.rootCause,
    workaround: row.workaround,
    knownError: row.knownError,
    reopenCount: row.reopenCount,
    rating: row.rating,
    ratingComment: row.ratingComment,
    firstResponseAt: iso(row.firstResponseAt),
    solvedAt: iso(row.solvedAt),
    closedAt: iso(row.closedAt),
    sla: sla ?? null,
    version: row.version,
    can: {
      update: agent && !closed,
      reply: (agent || requester || watching) && !closed,
      note: agent,
      reopen: (agent || requester) && withinReopen,
      rate: requester && (solved || closed),
      readInternal: agent,
    },
  };
}

export function presentEntry(row: EventRow, people: Map<string, string>): TimelineEntry {
  return {
    id: row.id,
    at: iso(row.at),
    kind: row.kind as TimelineKind,
    internal: row.internal,
    author: ref(row.authorId, people),
    body: row.body,
    change: (row.change as Record<string, unknown> | null) ?? null,
  };
}

function presentClock(clock: Clock, calendar: CompiledCalendar, now: Date) {
  return {
    phase: clock.phase,
    targetMinutes: clock.target,
    usedMinutes: usedMinutes(clock, calendar, now),
    dueAt: clock.dueAt,
    warnedAt: clock.warnedAt,
    breachedAt: clock.breachedAt,
    metAt: clock.metAt,
  };
}

/** A ticket's clocks as the ticket page shows them: with the minutes used by now, on its calendar. */
export async function slaOf(db: Executor, tenantId: string, row: TicketRow, now = new Date()) {
  if (!row.sla) return null;
  const [calendar, level] = await Promise.all([
    calendarOf(db, tenantId, row.sla),
    row.sla.levelId
      ? db
          .select({ id: serviceLevels.id, name: serviceLevels.name })
          .from(serviceLevels)
          .where(and(eq(serviceLevels.tenantId, tenantId), eq(serviceLevels.id, row.sla.levelId)))
          .then((r) => r[0])
      : undefined,
  ]);
  return {
    serviceLevel: level ?? null,
    response: presentClock(row.sla.response, calendar, now),
    resolution: presentClock(row.sla.resolution, calendar, now),
  };
}

import type {
  Level,
  Priority,
  Ticket,
  TicketCategory,
  TicketChannel,
  TicketRow as TicketListRow,
  TicketStatus,
  TicketType,
  TimelineEntry,
  TimelineKind,
} from '../../../../shared/desk/tickets.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
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

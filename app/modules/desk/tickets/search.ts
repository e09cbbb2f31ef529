import {
  statusFilters,
  type TicketSort,
  type TicketType,
  ticketSorts,
  ticketTypes,
} from '../../../../shared/desk/tickets.ts';

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export type StatusFilter = (typeof statusFilters)[number] | 'all';

export interface ConsoleSearch {
  q?: string;
  status?: StatusFilter;
  groupId?: string;
  assignee?: 'me';
  unassigned?: boolean;
  type?: TicketType;
  priority?: 1 | 2 | 3 | 4;
  sort?: TicketSort;
  order?: 'asc' | 'desc';
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const oneOf = <T>(values: readonly T[], v: unknown): T | undefined =>
  values.includes(v as T) ? (v as T) : undefined;

export function validateConsoleSearch(search: Record<string, unknown>): ConsoleSearch {
  const priority = Number(search.priority);
  return {
    q: typeof search.q === 'string' && search.q.trim() ? search.q.slice(0, 100) : undefined,
    status: oneOf<StatusFilter>([...statusFilters, 'all'], search.status),
    groupId: typeof search.groupId === 'string' && UUID.test(search.groupId) ? search.groupId : undefined,
    assignee: search.assignee === 'me' ? 'me' : undefined,
    unassigned: search.unassigned === true || search.unassigned === 'true' ? true : undefined,
    type: oneOf(ticketTypes, search.type),
    priority: oneOf([1, 2, 3, 4] as const, priority),
    sort: oneOf(ticketSorts, search.sort),
    order: oneOf(['asc', 'desc'] as const, search.order),
  };
}

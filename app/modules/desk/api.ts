import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Group, GroupMember } from '../../../shared/desk/groups.ts';
import type { Ticket, TimelineEntry } from '../../../shared/desk/tickets.ts';
import { api, type Page, query } from '../../platform/api.ts';

// Data of the service desk through TanStack Query: what the reader may do, tickets and their
// timelines, groups and their members. The parts share these keys so that a change in one part
// (a reply on the portal) refreshes what another shows (the console's queue).

export const deskKeys = {
  can: ['desk', 'can'] as const,
  tickets: ['desk', 'tickets'] as const,
  ticketList: ['desk', 'tickets', 'list'] as const,
  ticket: (id: string) => ['desk', 'tickets', 'one', id] as const,
  timeline: (id: string) => ['desk', 'tickets', 'timeline', id] as const,
  groups: ['desk', 'groups'] as const,
  groupList: ['desk', 'groups', 'list'] as const,
  groupOptions: ['desk', 'groups', 'options'] as const,
  group: (id: string) => ['desk', 'groups', 'one', id] as const,
  members: (id: string) => ['desk', 'groups', 'members', id] as const,
};

export interface DeskCan {
  agent: boolean;
  configure: boolean;
  /** An agent of every group: works the inbox of received mail. */
  allGroups: boolean;
}

/** Whether the reader works tickets (the console) and configures the desk (groups). */
export function useDeskCan() {
  return useQuery({
    queryKey: deskKeys.can,
    queryFn: ({ signal }) => api.get<DeskCan>('/api/v1/desk/can', { signal }),
    staleTime: 60_000,
  });
}

/** For the navigation: the console's link shows to agents only. */
export function useIsAgent(): boolean {
  return useDeskCan().data?.agent ?? false;
}

/** For the navigation: the inbox's link shows to agents of every group only. */
export function useSeesAllGroups(): boolean {
  return useDeskCan().data?.allGroups ?? false;
}

export function useTicket(id: string) {
  return useQuery({
    queryKey: deskKeys.ticket(id),
    queryFn: ({ signal }) => api.get<Ticket>(`/api/v1/tickets/${id}`, { signal }),
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: deskKeys.timeline(id),
    queryFn: ({ signal }) =>
      api.get<{ items: TimelineEntry[] }>(`/api/v1/tickets/${id}/timeline`, { signal }),
  });
}

/** After any change to a ticket: its page, its timeline and every list that shows it. */
export function useTicketsInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: deskKeys.tickets });
}

export function useGroup(id: string) {
  return useQuery({
    queryKey: deskKeys.group(id),
    queryFn: ({ signal }) => api.get<Group>(`/api/v1/groups/${id}`, { signal }),
  });
}

export function useGroupMembers(id: string | null) {
  return useQuery({
    queryKey: deskKeys.members(id ?? ''),
    queryFn: ({ signal }) => api.get<{ items: GroupMember[] }>(`/api/v1/groups/${id}/members`, { signal }),
    enabled: !!id,
  });
}

const GROUP_PAGE = 100;

/**
 * The active groups, for pickers and the console's queues: a desk has tens of groups, not
 * thousands, so a few pages are read whole.
 */
export function useGroupOptions(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: deskKeys.groupOptions,
    queryFn: async ({ signal }) => {
      const all: Group[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 10; i++) {
        const page = await api.get<Page<Group>>(`/api/v1/groups${query({ limit: GROUP_PAGE, cursor })}`, {
          signal,
        });
        all.push(...page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return all;
    },
    staleTime: 30_000,
    enabled: options.enabled,
  });
}

export function useGroupsInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: deskKeys.groups });
}

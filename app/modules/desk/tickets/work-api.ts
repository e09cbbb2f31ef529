import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueueCounts, SavedFilter } from '../../../../shared/desk/filters.ts';
import type { TicketLink } from '../../../../shared/desk/links.ts';
import type { AttachedFile } from '../../../../shared/files.ts';
import { api, type Page } from '../../../platform/api.ts';
import { deskKeys } from '../api.ts';

// Data of working tickets together: a ticket's links, watchers and files, the console's queue
// counts and the agent's saved filters. The ticket keys sit under deskKeys.tickets, so that any
// change to a ticket (useTicketsInvalidate) refreshes them too.

export const workKeys = {
  links: (id: string) => [...deskKeys.tickets, 'links', id] as const,
  watchers: (id: string) => [...deskKeys.tickets, 'watchers', id] as const,
  files: (id: string, kind: string) => [...deskKeys.tickets, 'files', id, kind] as const,
  queues: [...deskKeys.tickets, 'queues'] as const,
  savedFilters: ['desk', 'saved-filters'] as const,
};

export function useLinks(id: string, enabled = true) {
  return useQuery({
    queryKey: workKeys.links(id),
    queryFn: ({ signal }) => api.get<{ items: TicketLink[] }>(`/api/v1/tickets/${id}/links`, { signal }),
    enabled,
  });
}

export interface Watcher {
  person: { id: string; name: string };
  reason: string;
  fromTicket: { id: string; number: string } | null;
  addedAt: string;
}

export function useWatchers(id: string, enabled = true) {
  return useQuery({
    queryKey: workKeys.watchers(id),
    queryFn: ({ signal }) => api.get<{ items: Watcher[] }>(`/api/v1/tickets/${id}/watchers`, { signal }),
    enabled,
  });
}

/** A ticket's files of one kind (`ticket`, `ticket-internal`), newest first; a ticket has tens at most. */
export function useTicketFiles(id: string, kind: string, enabled = true) {
  return useQuery({
    queryKey: workKeys.files(id, kind),
    queryFn: ({ signal }) =>
      api.get<Page<AttachedFile>>(`/api/v1/attachments/${kind}/${id}?limit=200`, { signal }),
    enabled,
  });
}

export function useQueueCounts(enabled = true) {
  return useQuery({
    queryKey: workKeys.queues,
    queryFn: ({ signal }) => api.get<QueueCounts>('/api/v1/desk/queues', { signal }),
    staleTime: 15_000,
    enabled,
  });
}

export function useSavedFilters(enabled = true) {
  return useQuery({
    queryKey: workKeys.savedFilters,
    queryFn: ({ signal }) => api.get<{ items: SavedFilter[] }>('/api/v1/desk/saved-filters', { signal }),
    enabled,
  });
}

export function useSavedFiltersInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: workKeys.savedFilters });
}

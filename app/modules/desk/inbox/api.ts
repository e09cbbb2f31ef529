import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { InboxMessage } from '../../../../shared/desk/mail.ts';
import { api } from '../../../platform/api.ts';
import { deskKeys } from '../api.ts';

// Data of the inbox of received mail through TanStack Query.

export const inboxKeys = {
  all: ['desk', 'inbox'] as const,
  list: ['desk', 'inbox', 'list'] as const,
  one: (id: string) => ['desk', 'inbox', 'one', id] as const,
};

export function useInboundMail(id: string) {
  return useQuery({
    queryKey: inboxKeys.one(id),
    queryFn: ({ signal }) => api.get<InboxMessage>(`/api/v1/desk/inbound-mail/${id}`, { signal }),
  });
}

/** After a mail is handled: the list and the open mail; tickets too (one may have been made). */
export function useInboxInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: inboxKeys.all }),
      client.invalidateQueries({ queryKey: deskKeys.tickets }),
    ]);
}

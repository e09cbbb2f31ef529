import { inboxFilters } from '../../../../shared/desk/mail.ts';

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export type InboxFilter = (typeof inboxFilters)[number];

export interface InboxSearch {
  status?: InboxFilter;
  mail?: string;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateInboxSearch(search: Record<string, unknown>): InboxSearch {
  return {
    status: inboxFilters.includes(search.status as InboxFilter) ? (search.status as InboxFilter) : undefined,
    mail: typeof search.mail === 'string' && UUID.test(search.mail) ? search.mail : undefined,
  };
}

import {
  type DocumentKind,
  type DocumentStatus,
  documentKinds,
  documentStatuses,
} from '../../../../shared/governance/documents.ts';

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export interface DocumentsSearch {
  q?: string;
  kind?: DocumentKind;
  status?: DocumentStatus;
  overdue?: boolean;
  archived?: boolean;
}

export const flag = (v: unknown) => (v === true || v === 'true' ? true : undefined);

export function validateDocumentsSearch(search: Record<string, unknown>): DocumentsSearch {
  return {
    q: typeof search.q === 'string' && search.q.trim() ? search.q.slice(0, 100) : undefined,
    kind: documentKinds.includes(search.kind as DocumentKind) ? (search.kind as DocumentKind) : undefined,
    status: documentStatuses.includes(search.status as DocumentStatus)
      ? (search.status as DocumentStatus)
      : undefined,
    overdue: flag(search.overdue),
    archived: flag(search.archived),
  };
}

import { type ForumKind, forumKinds } from '../../../../shared/governance/forums.ts';

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export interface ForumsSearch {
  q?: string;
  kind?: ForumKind;
  archived?: boolean;
}

export function validateForumsSearch(search: Record<string, unknown>): ForumsSearch {
  return {
    q: typeof search.q === 'string' && search.q.trim() ? search.q.slice(0, 100) : undefined,
    kind: forumKinds.includes(search.kind as ForumKind) ? (search.kind as ForumKind) : undefined,
    archived: search.archived === true || search.archived === 'true' ? true : undefined,
  };
}

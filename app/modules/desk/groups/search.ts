import { type GroupKind, groupKinds } from '../../../../shared/desk/groups.ts';

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export interface GroupsSearch {
  q?: string;
  kind?: GroupKind;
  archived?: boolean;
}

export function validateGroupsSearch(search: Record<string, unknown>): GroupsSearch {
  return {
    q: typeof search.q === 'string' && search.q.trim() ? search.q.slice(0, 100) : undefined,
    kind: groupKinds.includes(search.kind as GroupKind) ? (search.kind as GroupKind) : undefined,
    archived: search.archived === true || search.archived === 'true' ? true : undefined,
  };
}

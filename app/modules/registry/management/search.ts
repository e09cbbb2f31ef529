import { type ManagementObjectSort, managementObjectSorts } from '../../../../shared/registry/management.ts';

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export interface ObjectsSearch {
  q?: string;
  archived?: boolean;
  sort?: ManagementObjectSort;
  order?: 'asc' | 'desc';
}

export function validateObjectsSearch(search: Record<string, unknown>): ObjectsSearch {
  return {
    q: typeof search.q === 'string' && search.q ? search.q.slice(0, 100) : undefined,
    archived: search.archived === true || search.archived === 'true' ? true : undefined,
    sort: managementObjectSorts.includes(search.sort as ManagementObjectSort)
      ? (search.sort as ManagementObjectSort)
      : undefined,
    order: search.order === 'asc' || search.order === 'desc' ? search.order : undefined,
  };
}

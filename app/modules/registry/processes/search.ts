// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export interface ProcessesSearch {
  q?: string;
  archived?: boolean;
}

export function validateProcessesSearch(search: Record<string, unknown>): ProcessesSearch {
  return {
    q: typeof search.q === 'string' && search.q ? search.q.slice(0, 100) : undefined,
    archived: search.archived === true || search.archived === 'true' ? true : undefined,
  };
}

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export interface MyTicketsSearch {
  show?: 'all';
}

export function validateMyTicketsSearch(search: Record<string, unknown>): MyTicketsSearch {
  return { show: search.show === 'all' ? 'all' : undefined };
}

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export interface ComparisonSearch {
  forum?: string;
}

export function validateComparisonSearch(search: Record<string, unknown>): ComparisonSearch {
  const forum =
    typeof search.forum === 'string' && /^[0-9a-f-]{36}$/i.test(search.forum) ? search.forum : undefined;
  return { forum };
}

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export interface FollowUpSearch {
  year?: number;
}

export function validateFollowUpSearch(search: Record<string, unknown>): FollowUpSearch {
  const year = Number(search.year);
  return { year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : undefined };
}

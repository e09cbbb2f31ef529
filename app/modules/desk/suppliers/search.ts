// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface SuppliersSearch {
  from?: string;
  to?: string;
}

export function validateSuppliersSearch(search: Record<string, unknown>): SuppliersSearch {
  const date = (v: unknown) => (typeof v === 'string' && DATE.test(v) ? v : undefined);
  return { from: date(search.from), to: date(search.to) };
}

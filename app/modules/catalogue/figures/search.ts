// The URL search of the cost figures' page, read when the route matches: here, apart from the
// (lazily loaded) page, so that index.tsx can declare the route without importing it.

export interface FiguresSearch {
  year?: number;
}

export function validateFiguresSearch(search: Record<string, unknown>): FiguresSearch {
  const year = Number(search.year);
  return { year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined };
}

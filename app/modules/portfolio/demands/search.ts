import {
  type DemandScope,
  type DemandStatus,
  demandScopes,
  demandStatuses,
} from '../../../../shared/portfolio/demands.ts';

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export interface DemandsSearch {
  q?: string;
  status?: DemandStatus;
  scope?: DemandScope;
  sort?: 'rank' | 'newest';
}

export const text = (v: unknown, max: number) =>
  typeof v === 'string' && v.trim() ? v.slice(0, max) : undefined;

export function validateDemandsSearch(search: Record<string, unknown>): DemandsSearch {
  return {
    q: text(search.q, 100),
    status: demandStatuses.includes(search.status as DemandStatus)
      ? (search.status as DemandStatus)
      : undefined,
    scope: demandScopes.includes(search.scope as DemandScope) ? (search.scope as DemandScope) : undefined,
    sort: search.sort === 'rank' ? 'rank' : undefined,
  };
}

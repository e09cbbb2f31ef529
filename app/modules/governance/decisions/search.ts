import { type DecisionStatus, decisionStatuses } from '../../../../shared/governance/decisions.ts';

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export interface DecisionsSearch {
  q?: string;
  forumId?: string;
  body?: string;
  year?: number;
  status?: DecisionStatus;
  archived?: boolean;
}

export const text = (v: unknown, max: number) =>
  typeof v === 'string' && v.trim() ? v.slice(0, max) : undefined;

export function validateDecisionsSearch(search: Record<string, unknown>): DecisionsSearch {
  const year = Number(search.year);
  return {
    q: text(search.q, 100),
    forumId: text(search.forumId, 36),
    body: text(search.body, 120),
    year: Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : undefined,
    status: decisionStatuses.includes(search.status as DecisionStatus)
      ? (search.status as DecisionStatus)
      : undefined,
    archived: search.archived === true || search.archived === 'true' ? true : undefined,
  };
}

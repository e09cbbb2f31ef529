import type { ClassificationSort } from '../../../../shared/registry/classification.ts';

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export interface ClassificationsSearch {
  q?: string;
  reviewDue?: boolean;
  level4?: boolean;
  sort?: ClassificationSort;
  archived?: boolean;
}

export const yes = (value: unknown) => (value === true || value === 'true' ? true : undefined);

export function validateClassificationsSearch(search: Record<string, unknown>): ClassificationsSearch {
  return {
    q: typeof search.q === 'string' && search.q ? search.q.slice(0, 100) : undefined,
    reviewDue: yes(search.reviewDue),
    level4: yes(search.level4),
    sort: search.sort === 'nextReviewOn' ? 'nextReviewOn' : undefined,
    archived: yes(search.archived),
  };
}

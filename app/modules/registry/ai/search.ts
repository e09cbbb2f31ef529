import {
  type AiApplicationSort,
  type AiRiskCategory,
  aiApplicationSorts,
  aiRiskCategories,
} from '../../../../shared/registry/ai.ts';

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export interface AiSearch {
  q?: string;
  risk?: AiRiskCategory;
  unassessed?: boolean;
  archived?: boolean;
  sort?: AiApplicationSort;
  order?: 'asc' | 'desc';
}

export const yes = (value: unknown) => (value === true || value === 'true' ? true : undefined);

export function validateAiSearch(search: Record<string, unknown>): AiSearch {
  return {
    q: typeof search.q === 'string' && search.q ? search.q.slice(0, 100) : undefined,
    risk: aiRiskCategories.includes(search.risk as AiRiskCategory)
      ? (search.risk as AiRiskCategory)
      : undefined,
    unassessed: yes(search.unassessed),
    archived: yes(search.archived),
    sort: aiApplicationSorts.includes(search.sort as AiApplicationSort)
      ? (search.sort as AiApplicationSort)
      : undefined,
    order: search.order === 'asc' || search.order === 'desc' ? search.order : undefined,
  };
}

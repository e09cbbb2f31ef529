import { type ProcessingActivitySort, processingActivitySorts } from '../../../../shared/registry/privacy.ts';

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export type Flag = 'true' | 'false';

export interface ActivitiesSearch {
  q?: string;
  controllerId?: string;
  sensitive?: Flag;
  dpiaRequired?: Flag;
  thirdCountry?: Flag;
  archived?: boolean;
  sort?: ProcessingActivitySort;
  order?: 'asc' | 'desc';
}

export const flagOf = (v: unknown): Flag | undefined =>
  v === 'true' || v === true ? 'true' : v === 'false' || v === false ? 'false' : undefined;

export function validateActivitiesSearch(search: Record<string, unknown>): ActivitiesSearch {
  return {
    q: typeof search.q === 'string' && search.q ? search.q.slice(0, 100) : undefined,
    controllerId: typeof search.controllerId === 'string' ? search.controllerId : undefined,
    sensitive: flagOf(search.sensitive),
    dpiaRequired: flagOf(search.dpiaRequired),
    thirdCountry: flagOf(search.thirdCountry),
    archived: search.archived === true || search.archived === 'true' ? true : undefined,
    sort: processingActivitySorts.includes(search.sort as ProcessingActivitySort)
      ? (search.sort as ProcessingActivitySort)
      : undefined,
    order: search.order === 'asc' || search.order === 'desc' ? search.order : undefined,
  };
}

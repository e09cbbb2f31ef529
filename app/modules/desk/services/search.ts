import { type ServiceLevelKind, serviceLevelKinds } from '../../../../shared/desk/services.ts';

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export interface LevelsSearch {
  q?: string;
  kind?: ServiceLevelKind;
  archived?: boolean;
}

export function validateLevelsSearch(search: Record<string, unknown>): LevelsSearch {
  return {
    q: typeof search.q === 'string' && search.q.trim() ? search.q.slice(0, 100) : undefined,
    kind: serviceLevelKinds.includes(search.kind as ServiceLevelKind)
      ? (search.kind as ServiceLevelKind)
      : undefined,
    archived: search.archived === true || search.archived === 'true' ? true : undefined,
  };
}

export interface ServicesSearch {
  q?: string;
  orderable?: 'true' | 'false';
  archived?: boolean;
}

export function validateServicesSearch(search: Record<string, unknown>): ServicesSearch {
  const orderable = String(search.orderable);
  return {
    q: typeof search.q === 'string' && search.q.trim() ? search.q.slice(0, 100) : undefined,
    orderable: orderable === 'true' || orderable === 'false' ? orderable : undefined,
    archived: search.archived === true || search.archived === 'true' ? true : undefined,
  };
}

import { type UnitKind, unitKinds } from '../../../shared/directory.ts';

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export type Target = 'units' | 'people';

export interface ImportSearch {
  target?: Target;
}

export function validateImportSearch(search: Record<string, unknown>): ImportSearch {
  return { target: search.target === 'people' ? 'people' : undefined };
}

export interface PeopleSearch {
  q?: string;
  unitId?: string;
  archived?: boolean;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validatePeopleSearch(search: Record<string, unknown>): PeopleSearch {
  return {
    q: typeof search.q === 'string' && search.q ? search.q.slice(0, 100) : undefined,
    unitId: typeof search.unitId === 'string' && UUID.test(search.unitId) ? search.unitId : undefined,
    archived: search.archived === true || search.archived === 'true' ? true : undefined,
  };
}

export interface UnitsSearch {
  q?: string;
  kind?: UnitKind;
  archived?: boolean;
  view?: 'list' | 'tree';
}

export function validateUnitsSearch(search: Record<string, unknown>): UnitsSearch {
  return {
    q: typeof search.q === 'string' && search.q ? search.q.slice(0, 100) : undefined,
    kind: unitKinds.includes(search.kind as UnitKind) ? (search.kind as UnitKind) : undefined,
    archived: search.archived === true || search.archived === 'true' ? true : undefined,
    view: search.view === 'tree' ? 'tree' : undefined,
  };
}

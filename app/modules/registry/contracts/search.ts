import { type SupplierSort, supplierSorts } from '../../../../shared/registry/contracts.ts';

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export interface ContractsSearch {
  q?: string;
  ending?: boolean;
  dpaMissing?: boolean;
  sort?: 'title' | 'endsOn';
  archived?: boolean;
}

export const yes = (value: unknown) => (value === true || value === 'true' ? true : undefined);

export function validateContractsSearch(search: Record<string, unknown>): ContractsSearch {
  return {
    q: typeof search.q === 'string' && search.q ? search.q.slice(0, 100) : undefined,
    ending: yes(search.ending),
    dpaMissing: yes(search.dpaMissing),
    sort: search.sort === 'endsOn' ? 'endsOn' : undefined,
    archived: yes(search.archived),
  };
}

export interface SuppliersSearch {
  q?: string;
  archived?: boolean;
  sort?: SupplierSort;
  order?: 'asc' | 'desc';
}

export function validateSuppliersSearch(search: Record<string, unknown>): SuppliersSearch {
  return {
    q: typeof search.q === 'string' && search.q ? search.q.slice(0, 100) : undefined,
    archived: search.archived === true || search.archived === 'true' ? true : undefined,
    sort: supplierSorts.includes(search.sort as SupplierSort) ? (search.sort as SupplierSort) : undefined,
    order: search.order === 'asc' || search.order === 'desc' ? search.order : undefined,
  };
}

import {
  type RecordTypeSort,
  type Retention,
  recordTypeSorts,
  retentions,
} from '../../../../shared/registry/records.ts';

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export interface RecordTypesSearch {
  q?: string;
  retention?: Retention;
  noDecision?: boolean;
  archived?: boolean;
  sort?: RecordTypeSort;
  order?: 'asc' | 'desc';
}

export function validateRecordTypesSearch(search: Record<string, unknown>): RecordTypesSearch {
  const flag = (v: unknown) => (v === true || v === 'true' ? true : undefined);
  return {
    q: typeof search.q === 'string' && search.q ? search.q.slice(0, 100) : undefined,
    retention: retentions.includes(search.retention as Retention)
      ? (search.retention as Retention)
      : undefined,
    noDecision: flag(search.noDecision),
    archived: flag(search.archived),
    sort: recordTypeSorts.includes(search.sort as RecordTypeSort)
      ? (search.sort as RecordTypeSort)
      : undefined,
    order: search.order === 'asc' || search.order === 'desc' ? search.order : undefined,
  };
}

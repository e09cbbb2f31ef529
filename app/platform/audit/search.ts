// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export interface AuditSearch {
  entity?: string;
  entityId?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

export const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateAuditSearch(search: Record<string, unknown>): AuditSearch {
  const text = (v: unknown, pattern?: RegExp) =>
    typeof v === 'string' && v && (!pattern || pattern.test(v)) ? v : undefined;
  return {
    entity: text(search.entity, /^[A-Za-z-]{1,50}$/),
    entityId: text(search.entityId, UUID),
    actorId: text(search.actorId, UUID),
    from: text(search.from, DATE),
    to: text(search.to, DATE),
  };
}

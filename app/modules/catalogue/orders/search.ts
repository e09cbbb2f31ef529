// The URL search of the order form, read when the route matches: apart from the page, so that
// index.tsx declares the route without importing the (lazily loaded) page module.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (v: unknown) => (typeof v === 'string' && UUID.test(v) ? v : undefined);

export interface OrderSearch {
  /** The offering chosen already. */
  offeringId?: string;
  /** The catalogue service whose offerings are the choices (from the portal's "Beställ"). */
  serviceId?: string;
}

export function validateOrderSearch(search: Record<string, unknown>): OrderSearch {
  return { offeringId: uuid(search.offeringId), serviceId: uuid(search.serviceId) };
}

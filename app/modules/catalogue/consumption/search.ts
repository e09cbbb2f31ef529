// The URL search of the consumption page, read when the route matches: apart from the page, so
// that index.tsx can declare the route without importing the (lazily loaded) page module.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface ConsumptionSearch {
  /** YYYY-MM; the last whole month when absent. */
  period?: string;
  offeringId?: string;
}

export function validateConsumptionSearch(search: Record<string, unknown>): ConsumptionSearch {
  return {
    period: typeof search.period === 'string' && MONTH.test(search.period) ? search.period : undefined,
    offeringId:
      typeof search.offeringId === 'string' && UUID.test(search.offeringId) ? search.offeringId : undefined,
  };
}

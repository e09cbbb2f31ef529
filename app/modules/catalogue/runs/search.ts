import { type DisputeState, disputeStates } from '../../../../shared/catalogue/runs.ts';

// The URL search of the chargeback pages, read when a route matches: apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RunSearch {
  /** The unit whose lines are shown. */
  unitId?: string;
}

export function validateRunSearch(search: Record<string, unknown>): RunSearch {
  return {
    unitId: typeof search.unitId === 'string' && UUID.test(search.unitId) ? search.unitId : undefined,
  };
}

export interface DisputesSearch {
  state?: DisputeState;
}

export function validateDisputesSearch(search: Record<string, unknown>): DisputesSearch {
  return {
    state: disputeStates.includes(search.state as DisputeState) ? (search.state as DisputeState) : undefined,
  };
}

import type { AssetKind, AssetState } from '../../../../shared/catalogue/assets.ts';

// The URL search of the rental equipment pages, read when a route matches: here, apart from the
// pages, so that index.tsx can declare the routes without importing the (lazily loaded) pages.

// The states and kinds as shared/catalogue/assets.ts has them, written out: importing its values
// would pull zod and date-fns into the app's first chunk, which loads before any page.
const assetStates = ['inStock', 'issued', 'returned', 'scrapped'] as const satisfies readonly AssetState[];
const assetKinds = [
  'computer',
  'screen',
  'printer',
  'phone',
  'other',
] as const satisfies readonly AssetKind[];

export interface AssetsSearch {
  q?: string;
  state?: AssetState;
  kind?: AssetKind;
  unit?: string;
  offering?: string;
  /** Only those due for replacement by this date. */
  due?: string;
  archived?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const oneOf = <T extends string>(values: readonly T[], v: unknown): T | undefined =>
  typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : undefined;

export function validateAssetsSearch(search: Record<string, unknown>): AssetsSearch {
  return {
    q: typeof search.q === 'string' && search.q ? search.q.slice(0, 100) : undefined,
    state: oneOf(assetStates, search.state),
    kind: oneOf(assetKinds, search.kind),
    unit: typeof search.unit === 'string' && UUID.test(search.unit) ? search.unit : undefined,
    offering: typeof search.offering === 'string' && UUID.test(search.offering) ? search.offering : undefined,
    due: typeof search.due === 'string' && DATE.test(search.due) ? search.due : undefined,
    archived: search.archived === true || search.archived === 'true' ? true : undefined,
  };
}

export interface InvestmentsSearch {
  year?: number;
}

export function validateInvestmentsSearch(search: Record<string, unknown>): InvestmentsSearch {
  const year = Number(search.year);
  return { year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined };
}

import { type MetricsDimension, metricsDimensions } from '../../../../shared/desk/metrics.ts';

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface MetricsSearch {
  from?: string;
  to?: string;
  by?: MetricsDimension;
  unitId?: string;
}

export function validateMetricsSearch(search: Record<string, unknown>): MetricsSearch {
  const date = (v: unknown) => (typeof v === 'string' && DATE.test(v) ? v : undefined);
  return {
    from: date(search.from),
    to: date(search.to),
    by: metricsDimensions.includes(search.by as MetricsDimension)
      ? (search.by as MetricsDimension)
      : undefined,
    unitId: typeof search.unitId === 'string' && UUID.test(search.unitId) ? search.unitId : undefined,
  };
}

export interface ReportSearch {
  from?: string;
  to?: string;
}

export function validateReportSearch(search: Record<string, unknown>): ReportSearch {
  const date = (v: unknown) => (typeof v === 'string' && DATE.test(v) ? v : undefined);
  return { from: date(search.from), to: date(search.to) };
}

import {
  type Procedure,
  type ProcurementStatus,
  procedures,
  procurementStatuses,
} from '../../../../shared/portfolio/procurements.ts';
import { parseIsoDate } from '../../../platform/inputs.tsx';

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export interface PlanSearch {
  from?: string;
  to?: string;
}

export function validatePlanSearch(search: Record<string, unknown>): PlanSearch {
  const date = (v: unknown) => (typeof v === 'string' ? (parseIsoDate(v) ?? undefined) : undefined);
  return { from: date(search.from), to: date(search.to) };
}

export interface ProcurementsSearch {
  q?: string;
  status?: ProcurementStatus;
  procedure?: Procedure;
  open?: boolean;
  archived?: boolean;
}

export const yes = (value: unknown) => (value === true || value === 'true' ? true : undefined);

export function validateProcurementsSearch(search: Record<string, unknown>): ProcurementsSearch {
  return {
    q: typeof search.q === 'string' && search.q ? search.q.slice(0, 100) : undefined,
    status: procurementStatuses.includes(search.status as ProcurementStatus)
      ? (search.status as ProcurementStatus)
      : undefined,
    procedure: procedures.includes(search.procedure as Procedure)
      ? (search.procedure as Procedure)
      : undefined,
    open: yes(search.open),
    archived: yes(search.archived),
  };
}

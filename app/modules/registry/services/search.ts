import {
  type ServiceKind,
  type ServiceSort,
  serviceKinds,
  serviceSorts,
} from '../../../../shared/registry/services.ts';
import { type LifecyclePhase, lifecyclePhases } from '../../../../shared/registry/systems.ts';

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export interface ServicesSearch {
  q?: string;
  kind?: ServiceKind;
  phase?: LifecyclePhase;
  archived?: boolean;
  sort?: ServiceSort;
  order?: 'asc' | 'desc';
}

export function validateServicesSearch(search: Record<string, unknown>): ServicesSearch {
  return {
    q: typeof search.q === 'string' && search.q ? search.q.slice(0, 100) : undefined,
    kind: serviceKinds.includes(search.kind as ServiceKind) ? (search.kind as ServiceKind) : undefined,
    phase: lifecyclePhases.includes(search.phase as LifecyclePhase)
      ? (search.phase as LifecyclePhase)
      : undefined,
    archived: search.archived === true || search.archived === 'true' ? true : undefined,
    sort: serviceSorts.includes(search.sort as ServiceSort) ? (search.sort as ServiceSort) : undefined,
    order: search.order === 'asc' || search.order === 'desc' ? search.order : undefined,
  };
}

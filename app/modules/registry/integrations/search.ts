import {
  type IntegrationSort,
  type IntegrationTechnique,
  integrationSorts,
  integrationTechniques,
  type SystemMapQuery,
} from '../../../../shared/registry/integrations.ts';
import { criticalities, lifecyclePhases, systemScopes } from '../../../../shared/registry/systems.ts';

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export interface IntegrationsSearch {
  q?: string;
  systemId?: string;
  technique?: IntegrationTechnique;
  personalData?: boolean;
  critical?: boolean;
  archived?: boolean;
  sort?: IntegrationSort;
  order?: 'asc' | 'desc';
}

export const flag = (v: unknown) => (v === true || v === 'true' ? true : undefined);

export function validateIntegrationsSearch(search: Record<string, unknown>): IntegrationsSearch {
  return {
    q: typeof search.q === 'string' && search.q ? search.q.slice(0, 100) : undefined,
    systemId:
      typeof search.systemId === 'string' && /^[0-9a-f-]{36}$/i.test(search.systemId)
        ? search.systemId
        : undefined,
    technique: integrationTechniques.includes(search.technique as IntegrationTechnique)
      ? (search.technique as IntegrationTechnique)
      : undefined,
    personalData: flag(search.personalData),
    critical: flag(search.critical),
    archived: flag(search.archived),
    sort: integrationSorts.includes(search.sort as IntegrationSort)
      ? (search.sort as IntegrationSort)
      : undefined,
    order: search.order === 'asc' || search.order === 'desc' ? search.order : undefined,
  };
}

export const ISO_ID = /^[0-9a-f-]{36}$/i;

export function validateMapSearch(search: Record<string, unknown>): SystemMapQuery {
  const pick = <T extends string>(value: unknown, allowed: readonly T[]) =>
    allowed.includes(value as T) ? (value as T) : undefined;
  return {
    unitId: typeof search.unitId === 'string' && ISO_ID.test(search.unitId) ? search.unitId : undefined,
    scope: pick(search.scope, systemScopes),
    phase: pick(search.phase, lifecyclePhases),
    criticality: pick(search.criticality, criticalities),
    processId:
      typeof search.processId === 'string' && ISO_ID.test(search.processId) ? search.processId : undefined,
  };
}

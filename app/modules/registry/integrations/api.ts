import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Impact, SystemMap, SystemMapQuery } from '../../../../shared/registry/integrations.ts';
import { api, query } from '../../../platform/api.ts';

// Data of integrations, the impact analysis and the system map, through TanStack Query.

export const integrationKeys = {
  all: ['registry', 'integrations'] as const,
  list: ['registry', 'integrations', 'list'] as const,
  impact: (id: string) => ['registry', 'integrations', 'impact', id] as const,
  map: (filters: SystemMapQuery) => ['registry', 'integrations', 'map', filters] as const,
};

/** Refreshes every list, map and impact after an integration changed. */
export function useIntegrationsInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: integrationKeys.all });
}

export function useImpact(systemId: string | null) {
  return useQuery({
    queryKey: integrationKeys.impact(systemId ?? ''),
    queryFn: ({ signal }) => api.get<Impact>(`/api/v1/systems/${systemId}/impact`, { signal }),
    enabled: !!systemId,
    staleTime: 30_000,
  });
}

export function useSystemMap(filters: SystemMapQuery) {
  return useQuery({
    queryKey: integrationKeys.map(filters),
    queryFn: ({ signal }) => api.get<SystemMap>(`/api/v1/system-map${query({ ...filters })}`, { signal }),
    staleTime: 30_000,
  });
}

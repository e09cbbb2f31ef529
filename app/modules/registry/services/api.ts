import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Service, SystemServices } from '../../../../shared/registry/services.ts';
import { api } from '../../../platform/api.ts';

// Data of services and APIs, through TanStack Query.

export const serviceKeys = {
  all: ['registry', 'services'] as const,
  list: ['registry', 'services', 'list'] as const,
  one: (id: string) => ['registry', 'services', 'one', id] as const,
  ofSystem: (id: string) => ['registry', 'services', 'ofSystem', id] as const,
};

export function useService(id: string) {
  return useQuery({
    queryKey: serviceKeys.one(id),
    queryFn: ({ signal }) => api.get<Service>(`/api/v1/services/${id}`, { signal }),
    staleTime: 30_000,
  });
}

export function useSystemServices(systemId: string) {
  return useQuery({
    queryKey: serviceKeys.ofSystem(systemId),
    queryFn: ({ signal }) => api.get<SystemServices>(`/api/v1/systems/${systemId}/services`, { signal }),
    staleTime: 30_000,
  });
}

/** Refreshes every cached service (lists, pages, a system's services) after a change. */
export function useServicesInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: serviceKeys.all });
}

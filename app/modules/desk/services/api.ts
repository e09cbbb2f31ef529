import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CatalogueService, Promises, ServiceLevel } from '../../../../shared/desk/services.ts';
import { api } from '../../../platform/api.ts';

// Data of service levels, catalogue services and the desk's promises, through TanStack Query.

export const serviceKeys = {
  levels: ['desk', 'service-levels'] as const,
  levelList: ['desk', 'service-levels', 'list'] as const,
  level: (id: string) => ['desk', 'service-levels', 'one', id] as const,
  services: ['desk', 'catalogue-services'] as const,
  serviceList: ['desk', 'catalogue-services', 'list'] as const,
  orderable: ['desk', 'catalogue-services', 'orderable'] as const,
  service: (id: string) => ['desk', 'catalogue-services', 'one', id] as const,
  promises: ['desk', 'promises'] as const,
};

export function useServiceLevel(id: string) {
  return useQuery({
    queryKey: serviceKeys.level(id),
    queryFn: ({ signal }) => api.get<ServiceLevel>(`/api/v1/service-levels/${id}`, { signal }),
  });
}

export function useCatalogueService(id: string) {
  return useQuery({
    queryKey: serviceKeys.service(id),
    queryFn: ({ signal }) => api.get<CatalogueService>(`/api/v1/catalogue-services/${id}`, { signal }),
  });
}

export function usePromises() {
  return useQuery({
    queryKey: serviceKeys.promises,
    queryFn: ({ signal }) => api.get<Promises>('/api/v1/desk/promises', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useLevelsInvalidate() {
  const client = useQueryClient();
  // A level's name shows on its services too.
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: serviceKeys.levels }),
      client.invalidateQueries({ queryKey: serviceKeys.services }),
    ]);
}

export function useServicesInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: serviceKeys.services });
}

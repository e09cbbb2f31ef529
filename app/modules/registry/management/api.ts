import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ManagementObject, ManagementPlan } from '../../../../shared/registry/management.ts';
import { api, type Page, query } from '../../../platform/api.ts';

// Data of förvaltningsobjekt and their plans, through TanStack Query.

export const managementKeys = {
  all: ['registry', 'management'] as const,
  list: ['registry', 'management', 'list'] as const,
  one: (id: string) => ['registry', 'management', 'one', id] as const,
  plans: (id: string) => ['registry', 'management', 'plans', id] as const,
};

export function useManagementObject(id: string) {
  return useQuery({
    queryKey: managementKeys.one(id),
    queryFn: ({ signal }) => api.get<ManagementObject>(`/api/v1/management-objects/${id}`, { signal }),
  });
}

export function usePlans(objectId: string, enabled = true) {
  return useQuery({
    queryKey: managementKeys.plans(objectId),
    enabled,
    queryFn: ({ signal }) =>
      api.get<{ items: ManagementPlan[] }>(`/api/v1/management-objects/${objectId}/plans`, { signal }),
    select: (r) => r.items,
  });
}

/** The object a system is in (at most one). */
export function useObjectOfSystem(systemId: string) {
  return useQuery({
    queryKey: [...managementKeys.list, 'system', systemId],
    queryFn: ({ signal }) =>
      api.get<Page<ManagementObject>>(`/api/v1/management-objects${query({ systemId, limit: 1 })}`, {
        signal,
      }),
    select: (page) => page.items[0] ?? null,
  });
}

export function useManagementInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: managementKeys.all });
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { System, SystemRoles } from '../../../../shared/registry/systems.ts';
import { api } from '../../../platform/api.ts';

// Data of systems, through TanStack Query.

export const systemKeys = {
  all: ['registry', 'systems'] as const,
  list: ['registry', 'systems', 'list'] as const,
  one: (id: string) => ['registry', 'systems', 'one', id] as const,
};

export function useSystem(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: systemKeys.one(id),
    queryFn: ({ signal }) => api.get<System>(`/api/v1/systems/${id}`, { signal }),
    enabled: options.enabled,
    staleTime: 30_000,
  });
}

/** What the reader may do in the register as a whole: the "new" buttons of its lists follow it. */
export function useRegistryCan() {
  return useQuery({
    queryKey: ['registry', 'can'],
    queryFn: ({ signal }) =>
      api.get<{ manage: boolean; readCommercial: boolean }>('/api/v1/registry/can', { signal }),
    staleTime: 60_000,
  });
}

export const roleKeys = {
  all: ['registry', 'system-roles'] as const,
  ofSystem: (id: string) => ['registry', 'system-roles', 'system', id] as const,
  responsibilities: ['registry', 'system-roles', 'list'] as const,
};

/** A system's roles, IT-samordnare of its using units, direct grants and gaps. */
export function useSystemRoles(systemId: string) {
  return useQuery({
    queryKey: roleKeys.ofSystem(systemId),
    queryFn: ({ signal }) => api.get<SystemRoles>(`/api/v1/systems/${systemId}/roles`, { signal }),
  });
}

/** Refreshes whatever shows systems or their roles (lists, pages, the start page). */
export function useSystemsInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: systemKeys.all }),
      client.invalidateQueries({ queryKey: roleKeys.all }),
      client.invalidateQueries({ queryKey: ['start'] }),
      client.invalidateQueries({ queryKey: ['role-assignments'] }),
    ]);
}

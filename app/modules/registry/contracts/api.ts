import { useQuery } from '@tanstack/react-query';
import type { Contract, Supplier, SystemCosts } from '../../../../shared/registry/contracts.ts';
import { api } from '../../../platform/api.ts';

// Data of suppliers, contracts, licences and costs, through TanStack Query.

export const contractKeys = {
  suppliers: ['registry', 'suppliers', 'list'] as const,
  supplier: (id: string) => ['registry', 'suppliers', 'one', id] as const,
  contracts: ['registry', 'contracts', 'list'] as const,
  contract: (id: string) => ['registry', 'contracts', 'one', id] as const,
  licences: ['registry', 'licences', 'list'] as const,
  costs: (systemId: string, year: number) => ['registry', 'costs', systemId, year] as const,
};

export function useSupplier(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: contractKeys.supplier(id),
    queryFn: ({ signal }) => api.get<Supplier>(`/api/v1/suppliers/${id}`, { signal }),
    enabled: options.enabled,
    staleTime: 30_000,
  });
}

export function useContract(id: string) {
  return useQuery({
    queryKey: contractKeys.contract(id),
    queryFn: ({ signal }) => api.get<Contract>(`/api/v1/contracts/${id}`, { signal }),
  });
}

export function useSystemCosts(systemId: string, year: number, enabled: boolean) {
  return useQuery({
    queryKey: contractKeys.costs(systemId, year),
    queryFn: ({ signal }) =>
      api.get<SystemCosts>(`/api/v1/systems/${systemId}/costs?year=${year}`, { signal }),
    enabled,
  });
}

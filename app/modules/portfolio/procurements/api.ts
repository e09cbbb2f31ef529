import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Procurement,
  ProcurementPlan,
  ProcurementSettings,
} from '../../../../shared/portfolio/procurements.ts';
import { api, query } from '../../../platform/api.ts';

// Data of procurements through TanStack Query: one procurement, the plan and the settings. A
// change refreshes all of them (the plan shows which procurement replaces a contract).

export const procurementKeys = {
  all: ['portfolio', 'procurements'] as const,
  list: ['portfolio', 'procurements', 'list'] as const,
  one: (id: string) => ['portfolio', 'procurements', 'one', id] as const,
  plan: (from?: string, to?: string) => ['portfolio', 'procurements', 'plan', from, to] as const,
  settings: ['portfolio', 'procurements', 'settings'] as const,
};

export function useProcurement(id: string) {
  return useQuery({
    queryKey: procurementKeys.one(id),
    queryFn: ({ signal }) => api.get<Procurement>(`/api/v1/procurements/${id}`, { signal }),
  });
}

export function useProcurementPlan(from?: string, to?: string) {
  return useQuery({
    queryKey: procurementKeys.plan(from, to),
    queryFn: ({ signal }) =>
      api.get<ProcurementPlan>(`/api/v1/procurements/plan${query({ from, to })}`, { signal }),
  });
}

export function useProcurementSettings() {
  return useQuery({
    queryKey: procurementKeys.settings,
    queryFn: ({ signal }) => api.get<ProcurementSettings>('/api/v1/procurements/settings', { signal }),
  });
}

export function useProcurementInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: procurementKeys.all });
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { InformationPlanView, RecordType } from '../../../../shared/registry/records.ts';
import { api, type Page, query } from '../../../platform/api.ts';

// Data of record types and information management plans, through TanStack Query.

export const recordKeys = {
  all: ['registry', 'records'] as const,
  plan: (processId: string) => ['registry', 'records', 'plan', processId] as const,
  ofSystem: (systemId: string) => ['registry', 'records', 'ofSystem', systemId] as const,
};

/** A process's plan, with every active record type of the process. */
export function useInformationPlan(processId: string) {
  return useQuery({
    queryKey: recordKeys.plan(processId),
    queryFn: ({ signal }) =>
      api.get<InformationPlanView>(`/api/v1/processes/${processId}/information-plan`, { signal }),
  });
}

/** The record types kept in a system (the first 200: a system keeps tens, not thousands). */
export function useRecordTypesOfSystem(systemId: string) {
  return useQuery({
    queryKey: recordKeys.ofSystem(systemId),
    queryFn: ({ signal }) =>
      api.get<Page<RecordType>>(`/api/v1/record-types${query({ systemId, limit: 200 })}`, { signal }),
  });
}

export function useRecordsInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: recordKeys.all }),
      client.invalidateQueries({ queryKey: ['registry', 'processes'] }),
    ]);
}

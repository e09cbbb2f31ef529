import { useQuery } from '@tanstack/react-query';
import type { Scale, SystemClassification } from '../../../../shared/registry/classification.ts';
import { api } from '../../../platform/api.ts';

// Data of information classification, through TanStack Query.

export const classificationKeys = {
  all: ['registry', 'classification'] as const,
  list: ['registry', 'classification', 'list'] as const,
  scale: ['registry', 'classification', 'scale'] as const,
  versions: ['registry', 'classification', 'scale', 'versions'] as const,
  system: (id: string) => ['registry', 'classification', 'system', id] as const,
};

export function useScale() {
  return useQuery({
    queryKey: classificationKeys.scale,
    queryFn: ({ signal }) => api.get<Scale>('/api/v1/classification-scale', { signal }),
    staleTime: 60_000,
  });
}

export function useSystemClassification(systemId: string) {
  return useQuery({
    queryKey: classificationKeys.system(systemId),
    queryFn: ({ signal }) =>
      api.get<SystemClassification>(`/api/v1/systems/${systemId}/classification`, { signal }),
  });
}

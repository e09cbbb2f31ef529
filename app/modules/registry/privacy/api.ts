import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProcessingActivity } from '../../../../shared/registry/privacy.ts';
import { api, type Page, query } from '../../../platform/api.ts';

// Data of the processing register, through TanStack Query.

export const activityKeys = {
  all: ['registry', 'processing'] as const,
  list: ['registry', 'processing', 'list'] as const,
  one: (id: string) => ['registry', 'processing', 'one', id] as const,
};

export function useActivity(id: string) {
  return useQuery({
    queryKey: activityKeys.one(id),
    queryFn: ({ signal }) => api.get<ProcessingActivity>(`/api/v1/processing-activities/${id}`, { signal }),
  });
}

/** Every activity matching the filter (pages followed to the end: a controller's are a few dozen). */
export function useAllActivities(params: Record<string, string | boolean | undefined>, enabled = true) {
  return useQuery({
    queryKey: [...activityKeys.list, 'all', params],
    enabled,
    queryFn: async ({ signal }) => {
      const items: ProcessingActivity[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.get<Page<ProcessingActivity>>(
          `/api/v1/processing-activities${query({ ...params, limit: 200, cursor })}`,
          { signal },
        );
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
  });
}

export function useActivityInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: activityKeys.all });
}

/** Whether the reader may record activities: the list's New button follows it. */
export function useProcessingCan() {
  return useQuery({
    queryKey: [...activityKeys.all, 'can'],
    queryFn: ({ signal }) => api.get<{ create: boolean }>('/api/v1/processing-activities/can', { signal }),
    staleTime: 60_000,
  });
}

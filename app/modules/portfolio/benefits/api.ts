import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { EffectGoal, EffectGoalListQuery } from '../../../../shared/portfolio/benefits.ts';
import type { Demand } from '../../../../shared/portfolio/demands.ts';
import { api } from '../../../platform/api.ts';
import { portfolioKeys } from '../api.ts';

// Data of the portfolio's effect goals through TanStack Query. A change of a goal also changes
// the summary's figures, so both are invalidated together.

export const goalKeys = {
  all: ['portfolio', 'effect-goals'] as const,
  list: (query: Partial<Record<keyof EffectGoalListQuery, string>>) =>
    ['portfolio', 'effect-goals', 'list', query] as const,
};

function search(query: Record<string, string | undefined>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, v);
  return params.toString();
}

/** One page of goals (a project has few; the portfolio page shows the first 200). */
export function useEffectGoals(query: Partial<Record<keyof EffectGoalListQuery, string>>, enabled = true) {
  return useQuery({
    queryKey: goalKeys.list(query),
    queryFn: ({ signal }) =>
      api.get<{ items: EffectGoal[]; nextCursor: string | null }>(
        `/api/v1/effect-goals?${search({ limit: '200', ...query })}`,
        { signal },
      ),
    enabled,
  });
}

/** The demand a project carries out, for what its preparation promised (none without one). */
export function useDemandOf(demandId: string | null) {
  return useQuery({
    queryKey: portfolioKeys.demand(demandId ?? ''),
    queryFn: ({ signal }) => api.get<Demand>(`/api/v1/demands/${demandId}`, { signal }),
    enabled: demandId !== null,
  });
}

export function useGoalsInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: goalKeys.all }),
      client.invalidateQueries({ queryKey: ['portfolio', 'summary'] }),
    ]);
}

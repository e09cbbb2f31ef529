import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { EffectGoal, EffectGoalListQuery } from '../../../../shared/portfolio/benefits.ts';
import { api } from '../../../platform/api.ts';

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

export function useGoalsInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: goalKeys.all }),
      client.invalidateQueries({ queryKey: ['portfolio', 'summary'] }),
    ]);
}

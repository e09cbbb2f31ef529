import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Project } from '../../../../shared/portfolio/projects.ts';
import { api } from '../../../platform/api.ts';
import { useMe } from '../../../platform/auth.tsx';

// Data of the portfolio's projects through TanStack Query.

export const projectKeys = {
  all: ['portfolio', 'projects'] as const,
  list: ['portfolio', 'projects', 'list'] as const,
  one: (id: string) => ['portfolio', 'projects', 'one', id] as const,
};

export function useProject(id: string) {
  return useQuery({
    queryKey: projectKeys.one(id),
    queryFn: ({ signal }) => api.get<Project>(`/api/v1/projects/${id}`, { signal }),
  });
}

/** The projects that carry out a demand (a demand has few: one page is all). */
export function useProjectsOfDemand(demandId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...projectKeys.list, { demandId }],
    queryFn: ({ signal }) =>
      api.get<{ items: Project[] }>(`/api/v1/projects?demandId=${demandId}&limit=50`, { signal }),
    enabled,
  });
}

export function useProjectsInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: projectKeys.all });
}

/** Whether the reader keeps the portfolio (the server's portfolioPolicy.edit): may create projects. */
export function useKeepsPortfolio(): boolean {
  const me = useMe();
  return me.grants.some(
    (g) => g.scope === 'global' && ['admin', 'itStrategist', 'changeManager'].includes(g.role),
  );
}

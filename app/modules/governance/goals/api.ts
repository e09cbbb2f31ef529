import { useQuery } from '@tanstack/react-query';
import type { FollowUp } from '../../../../shared/governance/followup.ts';
import type { Goal, GoalValueInput, IndicatorSourceInfo } from '../../../../shared/governance/goals.ts';
import type { Plan } from '../../../../shared/governance/plans.ts';
import { api, type Page, request } from '../../../platform/api.ts';

// Data of goals, the follow-up and IT plans through TanStack Query, under governance's key so that
// useGovernanceInvalidate refreshes them with the rest.

export const goalKeys = {
  goals: ['governance', 'goals'] as const,
  goal: (id: string) => ['governance', 'goals', 'one', id] as const,
  sources: ['governance', 'goals', 'sources'] as const,
  followUp: (year: number) => ['governance', 'goals', 'follow-up', year] as const,
  plans: ['governance', 'plans'] as const,
  plan: (id: string) => ['governance', 'plans', 'one', id] as const,
};

export function useGoals() {
  return useQuery({
    queryKey: goalKeys.goals,
    queryFn: ({ signal }) => api.get<Page<Goal>>('/api/v1/goals?limit=200', { signal }),
  });
}

export function useGoal(id: string) {
  return useQuery({
    queryKey: goalKeys.goal(id),
    queryFn: ({ signal }) => api.get<Goal>(`/api/v1/goals/${id}`, { signal }),
  });
}

export function useIndicatorSources() {
  return useQuery({
    queryKey: goalKeys.sources,
    queryFn: ({ signal }) => api.get<{ items: IndicatorSourceInfo[] }>('/api/v1/goals/sources', { signal }),
    staleTime: 300_000,
  });
}

export function useFollowUp(year: number) {
  return useQuery({
    queryKey: goalKeys.followUp(year),
    queryFn: ({ signal }) => api.get<FollowUp>(`/api/v1/goals/follow-up/${year}`, { signal }),
  });
}

export function usePlans() {
  return useQuery({
    queryKey: goalKeys.plans,
    queryFn: ({ signal }) => api.get<Page<Plan>>('/api/v1/plans?limit=200', { signal }),
  });
}

export function usePlan(id: string) {
  return useQuery({
    queryKey: goalKeys.plan(id),
    queryFn: ({ signal }) => api.get<Plan>(`/api/v1/plans/${id}`, { signal }),
  });
}

export const putGoalValue = (goalId: string, body: GoalValueInput) =>
  request<Goal>('PUT', `/api/v1/goals/${goalId}/values`, body);

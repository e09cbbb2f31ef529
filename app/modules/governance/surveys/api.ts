import { useQuery } from '@tanstack/react-query';
import type { Comparison, SurveyRound, SurveyTemplate } from '../../../../shared/governance/surveys.ts';
import { api, query } from '../../../platform/api.ts';

// Data of the self-assessment through TanStack Query, under the governance keys (a change
// anywhere in governance refreshes it, as forums' names show in rounds).

export const surveyKeys = {
  all: ['governance', 'surveys'] as const,
  templateList: ['governance', 'surveys', 'templates'] as const,
  template: (id: string) => ['governance', 'surveys', 'template', id] as const,
  roundList: ['governance', 'surveys', 'rounds'] as const,
  round: (id: string) => ['governance', 'surveys', 'round', id] as const,
  comparison: (id: string, forumId: string) => ['governance', 'surveys', 'comparison', id, forumId] as const,
};

export function useSurveyTemplate(id: string | undefined) {
  return useQuery({
    queryKey: surveyKeys.template(id ?? ''),
    queryFn: ({ signal }) => api.get<SurveyTemplate>(`/api/v1/surveys/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useSurveyRound(id: string) {
  return useQuery({
    queryKey: surveyKeys.round(id),
    queryFn: ({ signal }) => api.get<SurveyRound>(`/api/v1/surveys/rounds/${id}`, { signal }),
  });
}

export function useComparison(id: string, forumId: string | undefined) {
  return useQuery({
    queryKey: surveyKeys.comparison(id, forumId ?? ''),
    queryFn: ({ signal }) =>
      api.get<Comparison>(`/api/v1/surveys/${id}/comparison${query({ forumId })}`, { signal }),
    enabled: !!forumId,
  });
}

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Article, Suggestion } from '../../../../shared/desk/knowledge.ts';
import { api, query } from '../../../platform/api.ts';

// Data of the knowledge base through TanStack Query. Suggestions keep showing the last answer
// while the next is fetched, so that the list under a title being typed does not flicker.

export const knowledgeKeys = {
  all: ['desk', 'knowledge'] as const,
  list: ['desk', 'knowledge', 'list'] as const,
  one: (id: string) => ['desk', 'knowledge', 'one', id] as const,
  suggest: (params: Record<string, string | undefined>) => ['desk', 'knowledge', 'suggest', params] as const,
};

export function useArticle(id: string | null) {
  return useQuery({
    queryKey: knowledgeKeys.one(id ?? ''),
    queryFn: ({ signal }) => api.get<Article>(`/api/v1/knowledge/${id}`, { signal }),
    enabled: !!id,
  });
}

/** After any change to an article: its page, the lists and the suggestions. */
export function useKnowledgeInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: knowledgeKeys.all });
}

/**
 * Suggestions for a text (at least three letters of it) and a system, or for a ticket. Disabled
 * while there is nothing to ask about.
 */
export function useSuggestions(params: { text?: string; systemId?: string; ticketId?: string }) {
  const text = params.text?.trim() ? params.text : undefined;
  const enabled = (text !== undefined && text.trim().length >= 3) || (!text && !!params.ticketId);
  const asked = text ? { text, systemId: params.systemId } : { ticketId: params.ticketId };
  return useQuery({
    queryKey: knowledgeKeys.suggest(asked),
    queryFn: ({ signal }) =>
      api.get<{ items: Suggestion[] }>(`/api/v1/knowledge/suggest${query(asked)}`, { signal }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

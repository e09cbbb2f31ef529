import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Decision, GovernanceSettings } from '../../../shared/governance/decisions.ts';
import type { GoverningDocument } from '../../../shared/governance/documents.ts';
import type { Forum } from '../../../shared/governance/forums.ts';
import type { AgendaSources, Meeting } from '../../../shared/governance/meetings.ts';
import { api } from '../../platform/api.ts';

// Data of governance through TanStack Query: forums, decisions and the settings (with what the
// reader may do). A change to a forum refreshes the decisions too, which show its name.

export const governanceKeys = {
  all: ['governance'] as const,
  settings: ['governance', 'settings'] as const,
  forums: ['governance', 'forums'] as const,
  forumList: ['governance', 'forums', 'list'] as const,
  forum: (id: string) => ['governance', 'forums', 'one', id] as const,
  decisions: ['governance', 'decisions'] as const,
  decisionList: ['governance', 'decisions', 'list'] as const,
  decision: (id: string) => ['governance', 'decisions', 'one', id] as const,
  bodies: ['governance', 'decisions', 'bodies'] as const,
  documents: ['governance', 'documents'] as const,
  documentList: ['governance', 'documents', 'list'] as const,
  document: (id: string) => ['governance', 'documents', 'one', id] as const,
  meetings: ['governance', 'meetings'] as const,
  meetingList: ['governance', 'meetings', 'list'] as const,
  meeting: (id: string) => ['governance', 'meetings', 'one', id] as const,
  agendaSources: (id: string) => ['governance', 'meetings', 'sources', id] as const,
};

export function useMeeting(id: string) {
  return useQuery({
    queryKey: governanceKeys.meeting(id),
    queryFn: ({ signal }) => api.get<Meeting>(`/api/v1/meetings/${id}`, { signal }),
  });
}

export function useAgendaSources(id: string, enabled: boolean) {
  return useQuery({
    queryKey: governanceKeys.agendaSources(id),
    queryFn: ({ signal }) => api.get<AgendaSources>(`/api/v1/meetings/${id}/agenda-sources`, { signal }),
    enabled,
  });
}

/** The settings (the diarienummer's patterns) and whether the reader keeps forums and records decisions. */
export function useGovernanceSettings() {
  return useQuery({
    queryKey: governanceKeys.settings,
    queryFn: ({ signal }) => api.get<GovernanceSettings>('/api/v1/governance/settings', { signal }),
    staleTime: 60_000,
  });
}

export function useForum(id: string) {
  return useQuery({
    queryKey: governanceKeys.forum(id),
    queryFn: ({ signal }) => api.get<Forum>(`/api/v1/forums/${id}`, { signal }),
  });
}

export function useDecision(id: string) {
  return useQuery({
    queryKey: governanceKeys.decision(id),
    queryFn: ({ signal }) => api.get<Decision>(`/api/v1/decisions/${id}`, { signal }),
  });
}

export function useGoverningDocument(id: string) {
  return useQuery({
    queryKey: governanceKeys.document(id),
    queryFn: ({ signal }) => api.get<GoverningDocument>(`/api/v1/documents/${id}`, { signal }),
  });
}

export function useDecisionBodies() {
  return useQuery({
    queryKey: governanceKeys.bodies,
    queryFn: ({ signal }) => api.get<{ items: string[] }>('/api/v1/decisions/bodies', { signal }),
    staleTime: 60_000,
  });
}

export function useGovernanceInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: governanceKeys.all });
}

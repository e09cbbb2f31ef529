import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  NotificationItem,
  NotificationPage,
  NotificationPreference,
} from '../../../shared/notifications.ts';
import { api, query, request } from '../api.ts';

// The signed-in person's notifications: the bell's count, the latest ones, marking read, and the
// mail preferences. Every query lives under one key, so marking read refreshes bell and inbox.

export type { NotificationItem, NotificationPreference };

export const NOTIFICATIONS_KEY = ['notifications'];
/** The bell polls this often; a notification is never more urgent than a minute. */
const COUNT_INTERVAL_MS = 60_000;

export function useUnreadCount() {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'count'],
    queryFn: ({ signal }) => api.get<{ unread: number }>('/api/v1/notifications/count', { signal }),
    refetchInterval: COUNT_INTERVAL_MS,
  });
}

/** The latest `limit` notifications (texts come rendered in the UI language, so it is in the key). */
export function useNotifications(limit: number, unread = false, enabled = true) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list', i18n.language, limit, unread],
    queryFn: ({ signal }) =>
      api.get<NotificationPage>(`/api/v1/notifications${query({ limit, unread })}`, { signal }),
    enabled,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<NotificationItem>(`/api/v1/notifications/${id}/read`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ marked: number }>('/api/v1/notifications/read-all'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

const PREFERENCES_KEY = [...NOTIFICATIONS_KEY, 'preferences'];

export function usePreferences() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...PREFERENCES_KEY, i18n.language],
    queryFn: ({ signal }) =>
      api.get<{ items: NotificationPreference[] }>('/api/v1/notification-preferences', { signal }),
  });
}

export function useSetPreference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, mail }: { kind: string; mail: boolean }) =>
      request<NotificationPreference>('PUT', `/api/v1/notification-preferences/${encodeURIComponent(kind)}`, {
        mail,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: PREFERENCES_KEY }),
  });
}

import { ActionIcon, Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import { RouterAnchor } from '../links.tsx';
import { type NotificationItem, useMarkRead } from './api.ts';

// A list of notifications, shared by the bell's popover and the start page: each links to its
// record (which marks it read), shows when it came, and can be marked read on its own.

export function NotificationList({
  items,
  onNavigate,
}: {
  items: NotificationItem[];
  /** Called after following a link (the bell closes its popover). */
  onNavigate?: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const markRead = useMarkRead();
  return (
    <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((n) => {
        const unread = n.readAt === null;
        const follow = () => {
          if (unread) markRead.mutate(n.id);
          onNavigate?.();
        };
        return (
          <Group
            component="li"
            key={n.id}
            gap="xs"
            wrap="nowrap"
            align="flex-start"
            py={8}
            px={4}
            style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
          >
            <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
              {n.href ? (
                // biome-ignore lint/suspicious/noExplicitAny: an app path the server built for the record
                <RouterAnchor to={n.href as any} onClick={follow} size="sm" fw={unread ? 600 : 400}>
                  {n.text}
                </RouterAnchor>
              ) : (
                <Text size="sm" fw={unread ? 600 : 400}>
                  {n.text}
                </Text>
              )}
              <Group gap={6}>
                <Text size="xs" c="dimmed">
                  {f.dateTime(n.createdAt)}
                </Text>
                {unread && (
                  <Badge
                    size="xs"
                    variant="light"
                    styles={{ label: { color: 'var(--mantine-color-sea-9)' } }}
                  >
                    {t('notifications.unread')}
                  </Badge>
                )}
              </Group>
            </Stack>
            {unread && (
              <Tooltip label={t('notifications.markRead')} withinPortal={false}>
                <ActionIcon
                  variant="subtle"
                  color="gray.8"
                  onClick={() => markRead.mutate(n.id)}
                  aria-label={t('notifications.markReadLabel', { text: n.text })}
                >
                  <IconCheck size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}

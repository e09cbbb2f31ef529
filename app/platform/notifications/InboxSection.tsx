import { Button, Checkbox, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../page.tsx';
import { useMarkAllRead, useNotifications, useUnreadCount } from './api.ts';
import { NotificationList } from './NotificationList.tsx';

// "Mina aviseringar" on the start page: the latest notifications, unread ones first in weight,
// with "mark all read" and a filter for the unread ones.

const STEP = 10;

export function InboxSection() {
  const { t } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [limit, setLimit] = useState(STEP);
  const list = useNotifications(limit, unreadOnly);
  const count = useUnreadCount().data?.unread ?? 0;
  const markAll = useMarkAllRead();
  const items = list.data?.items ?? [];
  return (
    <Section
      id="home-notifications"
      title={t('notifications.inboxTitle')}
      description={t('notifications.inboxDescription')}
      actions={
        <Group gap="sm">
          <Checkbox
            label={t('notifications.onlyUnread')}
            checked={unreadOnly}
            onChange={(e) => setUnreadOnly(e.currentTarget.checked)}
          />
          {count > 0 && (
            <Button size="xs" variant="light" onClick={() => markAll.mutate()} loading={markAll.isPending}>
              {t('notifications.markAllRead')}
            </Button>
          )}
        </Group>
      }
    >
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {list.isPending ? t('common.loading') : t('notifications.empty')}
        </Text>
      ) : (
        <NotificationList items={items} />
      )}
      {list.data?.nextCursor && (
        <Button mt="sm" size="xs" variant="subtle" onClick={() => setLimit((l) => Math.min(l + STEP, 100))}>
          {t('notifications.more')}
        </Button>
      )}
    </Section>
  );
}

import { Badge, Button, Group, Popover, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { IconBell, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterAnchor } from '../links.tsx';
import { useMarkAllRead, useNotifications, useUnreadCount } from './api.ts';
import { NotificationList } from './NotificationList.tsx';

// The bell in the header: the unread count in its name ("Aviseringar, 3 olästa") and a badge, and
// a popover with the latest notifications. The popover traps focus while open, Escape closes it
// and focus returns to the bell.

const LATEST = 10;

export function Bell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const count = useUnreadCount().data?.unread ?? 0;
  const latest = useNotifications(LATEST, false, opened);
  const markAll = useMarkAllRead();
  const label =
    count === 0
      ? t('notifications.bellLabelNone')
      : count > 99
        ? t('notifications.bellLabelMany')
        : t('notifications.bellLabel', { count });
  const items = latest.data?.items ?? [];
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={380}
      shadow="md"
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <UnstyledButton
          className="styrbord-header-button"
          onClick={() => setOpened((o) => !o)}
          aria-label={label}
          aria-haspopup="dialog"
          aria-expanded={opened}
          data-testid="notification-bell"
        >
          <IconBell size={18} aria-hidden />
          {count > 0 && (
            // red.9: white on it is 5.7:1; orange.9 was 4.3:1, under WCAG's 4.5:1 at this size.
            <Badge size="sm" color="red.9" variant="filled" circle={count < 10} aria-hidden>
              {count > 99 ? '99+' : count}
            </Badge>
          )}
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown aria-labelledby="notification-popover-title" p="sm">
        <Group justify="space-between" mb="xs" wrap="nowrap">
          <Text fw={700} id="notification-popover-title" component="h2" size="md" m={0}>
            {t('notifications.latest')}
          </Text>
          {count > 0 && (
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => markAll.mutate()}
              loading={markAll.isPending}
            >
              {t('notifications.markAllRead')}
            </Button>
          )}
        </Group>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed" py="sm">
            {latest.isPending ? t('common.loading') : t('notifications.empty')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420} type="auto">
            <NotificationList items={items} onNavigate={() => setOpened(false)} />
          </ScrollArea.Autosize>
        )}
        <Group mt="xs" gap={6}>
          <IconSettings size={14} aria-hidden />
          <RouterAnchor to="/account/notifications" size="sm" onClick={() => setOpened(false)}>
            {t('notifications.settings')}
          </RouterAnchor>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}

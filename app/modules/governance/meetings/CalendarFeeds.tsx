import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarFeed } from '../../../../shared/governance/calendar.ts';
import { api } from '../../../platform/api.ts';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { Section } from '../../../platform/page.tsx';

// The signed-in person's iCalendar feeds of one forum's meetings (forumId) or of their own forums
// (none): make one (its URL is shown once, to paste into a calendar client), make a new one (which
// revokes the old), or revoke it.

const feedsKey = ['governance', 'calendar-feeds'] as const;

export function CalendarFeeds({ forumId }: { forumId: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const [shown, setShown] = useState<string | null>(null);
  const feeds = useQuery({
    queryKey: feedsKey,
    queryFn: ({ signal }) => api.get<{ items: CalendarFeed[] }>('/api/v1/calendar-feeds', { signal }),
  });
  const refresh = () => client.invalidateQueries({ queryKey: feedsKey });
  const make = useMutation({
    mutationFn: () => api.post<CalendarFeed>('/api/v1/calendar-feeds', { forumId }),
    onSuccess: async (feed) => {
      setShown(feed.url);
      await refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.post<CalendarFeed>(`/api/v1/calendar-feeds/${id}/revoke`, {}),
    onSuccess: async () => {
      setShown(null);
      await refresh();
    },
  });
  const active = (feeds.data?.items ?? []).filter((x) => x.forumId === forumId && !x.revokedAt);
  const id = forumId ? `calendar-${forumId}` : 'calendar-own';
  return (
    <Section
      id={id}
      title={t('governance.meetings.calendarTitle')}
      description={t('governance.meetings.calendarHelp')}
    >
      <Stack gap="xs">
        <ProblemAlert error={make.error ?? revoke.error} />
        {shown && (
          <TextInput
            label={t('governance.meetings.calendarUrl')}
            description={t('governance.meetings.calendarUrlHelp')}
            value={shown}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
          />
        )}
        {active.length > 0 && (
          <Table>
            <Table.Caption>{t('governance.meetings.calendarTitle')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('governance.meetings.calendarMade')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('governance.meetings.calendarRevoke')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {active.map((feed) => (
                <Table.Tr key={feed.id}>
                  <Table.Td>
                    <Text span size="sm">
                      {f.dateTime(feed.createdAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      color="red.9"
                      loading={revoke.isPending}
                      onClick={() => revoke.mutate(feed.id)}
                    >
                      {t('governance.meetings.calendarRevoke')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group>
          <Button
            variant="default"
            leftSection={<IconCalendarPlus size={16} aria-hidden />}
            loading={make.isPending}
            onClick={() => make.mutate()}
          >
            {active.length > 0
              ? t('governance.meetings.calendarRenew')
              : t('governance.meetings.calendarMake')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}

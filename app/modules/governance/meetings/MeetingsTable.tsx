import { Button, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../../shared/governance/meetings.ts';
import { StatusBadge } from '../../../platform/badges.tsx';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable } from '../../../platform/list-page.tsx';
import { EmptyValue } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import type { Named } from '../../desk/inputs.tsx';
import { governanceKeys, useGovernanceSettings } from '../api.ts';
import { MeetingFormModal } from './MeetingForm.tsx';
import { meetingDay, meetingHours } from './time.ts';

// Shared by this part's pages, apart from them so that each page stays its own lazily loaded chunk.

export function MeetingsTable({ forumId, caption }: { forumId?: string; caption: string }) {
  const { t } = useTranslation();
  const list = useCursorList<Meeting>(governanceKeys.meetingList, '/api/v1/meetings', {
    forumId,
    limit: forumId ? 10 : 50,
  });
  const field = (name: string) => t(`governance.meetings.field.${name}`);
  return (
    <CursorTable
      bordered={!forumId}
      list={list}
      caption={caption}
      colSpan={forumId ? 4 : 5}
      minWidth={560}
      emptyText={t('governance.meetings.none')}
      head={
        <Table.Tr>
          <Table.Th scope="col">{field('date')}</Table.Th>
          {!forumId && <Table.Th scope="col">{field('forum')}</Table.Th>}
          <Table.Th scope="col">{field('place')}</Table.Th>
          <Table.Th scope="col">{field('items')}</Table.Th>
          <Table.Th scope="col">{field('status')}</Table.Th>
        </Table.Tr>
      }
    >
      {list.items.map((m) => (
        <Table.Tr key={m.id}>
          <Table.Td>
            <RouterAnchor to="/governance/meetings/$meetingId" params={{ meetingId: m.id }} size="sm">
              {meetingDay(m.startsAt)} {meetingHours(m)}
            </RouterAnchor>
          </Table.Td>
          {!forumId && (
            <Table.Td>
              <Text span size="sm">
                {m.forumName}
              </Text>
            </Table.Td>
          )}
          <Table.Td>
            {m.place ? (
              <Text span size="sm">
                {m.place}
              </Text>
            ) : (
              <EmptyValue />
            )}
          </Table.Td>
          <Table.Td>
            <Text span size="sm">
              {m.items.length}
            </Text>
          </Table.Td>
          <Table.Td>
            <StatusBadge tone={m.lockedAt ? 'positive' : 'neutral'}>
              {m.lockedAt ? t('governance.meetings.locked') : t('governance.meetings.open')}
            </StatusBadge>
          </Table.Td>
        </Table.Tr>
      ))}
    </CursorTable>
  );
}

/** The button and dialog of a new meeting, for whoever records decisions. */
export function NewMeeting({ forum = null }: { forum?: Named | null }) {
  const { t } = useTranslation();
  const settings = useGovernanceSettings();
  const [opened, setOpened] = useState(false);
  if (!settings.data?.can.recordDecisions) return null;
  return (
    <>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpened(true)}>
        {t('governance.meetings.new')}
      </Button>
      <MeetingFormModal opened={opened} onClose={() => setOpened(false)} forum={forum} />
    </>
  );
}

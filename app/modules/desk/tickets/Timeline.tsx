import { Badge, Box, Center, Group, Paper, Stack, Text } from '@mantine/core';
import { IconLock, IconMessage } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../shared/desk/tickets.ts';
import { usePerson } from '../../../platform/directory/api.ts';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { Loading } from '../../../platform/Loading.tsx';
import { useGroupOptions, useTimeline } from '../api.ts';
import { MessageMarks, WorkEntryText, workKinds } from './TimelineWork.tsx';

// A ticket's history, oldest first: messages in full, changes as one line. An internal note is
// set apart by its words ("Intern anteckning"), a lock, a dashed border and a tinted background,
// so that no one reads it as something the requester saw; the server sends notes to agents only.

/** One side of a change, in words: a status or priority by its name, a record by its name. */
function valueText(t: TFunction, kind: TimelineEntry['kind'], value: unknown): string {
  if (value === null || value === undefined || value === '') return t('desk.tickets.timeline.nobody');
  if (typeof value === 'object' && 'name' in value) return String((value as { name: unknown }).name);
  if (kind === 'status') return t(`desk.tickets.status.${String(value)}`, { defaultValue: String(value) });
  if (kind === 'priority')
    return t(`desk.tickets.priority.${String(value)}`, { defaultValue: String(value) });
  return String(value);
}

/** The changes of an entry: `{from, to}`, or one such pair per field (`{group: {from, to}}`). */
function changeLines(t: TFunction, entry: TimelineEntry): string[] {
  const change = entry.change;
  if (!change) return [];
  if ('from' in change || 'to' in change)
    return [
      t(`desk.tickets.timeline.change.${entry.kind}`, {
        from: valueText(t, entry.kind, change.from),
        to: valueText(t, entry.kind, change.to),
      }),
    ];
  return Object.entries(change)
    .filter(([, pair]) => pair && typeof pair === 'object' && ('from' in pair || 'to' in pair))
    .map(([field, pair]) => {
      const { from, to } = pair as { from: unknown; to: unknown };
      const kind = field === 'status' || field === 'priority' ? field : entry.kind;
      return t('desk.tickets.timeline.fieldChange', {
        field: t(`desk.tickets.field.${field.replace(/Id$/, '')}`, { defaultValue: field }),
        from: valueText(t, kind, from),
        to: valueText(t, kind, to),
      });
    });
}

/** A group's name from the groups an agent reads; a person's from the directory. */
function GroupName({ id }: { id: unknown }) {
  const { t } = useTranslation();
  const groups = useGroupOptions();
  if (typeof id !== 'string') return <>{t('desk.tickets.timeline.nobody')}</>;
  return <>{groups.data?.find((g) => g.id === id)?.name ?? '…'}</>;
}

function PersonName({ id }: { id: unknown }) {
  const { t } = useTranslation();
  const person = usePerson(typeof id === 'string' ? id : null);
  if (typeof id !== 'string') return <>{t('desk.tickets.timeline.nobody')}</>;
  return <>{person.data?.name ?? '…'}</>;
}

/**
 * A change of group or assignee: `{fromGroupId, toGroupId, fromAssigneeId, toAssigneeId}`, named
 * for agents; the requester reads only that it moved (group names are the desk's own business).
 */
function AssignmentText({ change, agent }: { change: Record<string, unknown>; agent: boolean }) {
  const { t } = useTranslation();
  const group = change.fromGroupId !== change.toGroupId;
  const assignee = change.fromAssigneeId !== change.toAssigneeId;
  if (!agent) return <>{t('desk.tickets.timeline.did.assignment')}</>;
  return (
    <>
      {group && (
        <>
          {t('desk.tickets.timeline.groupFrom')} <GroupName id={change.fromGroupId} />{' '}
          {t('desk.tickets.timeline.to')} <GroupName id={change.toGroupId} />
        </>
      )}
      {group && assignee && ' · '}
      {assignee && (
        <>
          {t('desk.tickets.timeline.assigneeFrom')} <PersonName id={change.fromAssigneeId} />{' '}
          {t('desk.tickets.timeline.to')} <PersonName id={change.toAssigneeId} />
        </>
      )}
    </>
  );
}

function EntryView({ entry, agent }: { entry: TimelineEntry; agent: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const author = entry.author?.name ?? t('desk.tickets.timeline.system');
  const when = (
    <Text span size="xs" c="dimmed">
      <time dateTime={entry.at}>{f.dateTime(entry.at)}</time>
    </Text>
  );
  // Messages, reopenings (with their reason) and ratings (with their comment) are read in full;
  // a change is one line, with any text it came with below it.
  const isMessage =
    entry.kind === 'message' ||
    entry.kind === 'reopened' ||
    entry.kind === 'rated' ||
    (entry.kind === 'created' && !!entry.body);
  if (!isMessage) {
    const lines = workKinds.includes(entry.kind) ? [] : changeLines(t, entry);
    return (
      <Box component="li" py={4} px="sm">
        <Group gap="xs" wrap="wrap">
          <Text size="sm">
            <Text span fw={600} size="sm">
              {author}
            </Text>{' '}
            {workKinds.includes(entry.kind) ? (
              <WorkEntryText entry={entry} agent={agent} />
            ) : entry.kind === 'assignment' && entry.change ? (
              <AssignmentText change={entry.change} agent={agent} />
            ) : lines.length > 0 ? (
              lines.join(' · ')
            ) : (
              t(`desk.tickets.timeline.did.${entry.kind}`)
            )}
          </Text>
          {when}
        </Group>
        {entry.body && (
          <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {entry.body}
          </Text>
        )}
      </Box>
    );
  }
  const internal = entry.internal;
  const heading =
    entry.kind === 'message'
      ? internal
        ? t('desk.tickets.timeline.internalNote')
        : t('desk.tickets.timeline.publicMessage')
      : t(`desk.tickets.timeline.kind.${entry.kind}`);
  const rating =
    entry.kind === 'rated' && entry.change && typeof entry.change.rating === 'number'
      ? t('desk.tickets.timeline.ratedValue', { rating: entry.change.rating })
      : null;
  return (
    <Box component="li">
      <Paper
        withBorder
        p="sm"
        radius="md"
        bg={internal ? '#fff8e1' : undefined}
        style={
          internal
            ? { borderStyle: 'dashed', borderWidth: 2, borderColor: '#8a6d00' }
            : { borderInlineStartWidth: 4, borderInlineStartColor: 'var(--mantine-color-sea-7, #0b4c80)' }
        }
      >
        <Group justify="space-between" gap="xs" mb={6} wrap="wrap">
          <Group gap="xs" wrap="wrap">
            <Text fw={600} size="sm">
              {author}
            </Text>
            {internal ? (
              <Badge
                variant="outline"
                radius="sm"
                leftSection={<IconLock size={12} aria-hidden />}
                styles={{
                  root: {
                    color: '#5c4700',
                    borderColor: '#8a6d00',
                    background: '#ffffff',
                    textTransform: 'none',
                  },
                }}
              >
                {heading}
              </Badge>
            ) : (
              <Badge
                variant="outline"
                radius="sm"
                leftSection={<IconMessage size={12} aria-hidden />}
                styles={{
                  root: {
                    color: '#0b4c80',
                    borderColor: '#a3c4e1',
                    background: '#ffffff',
                    textTransform: 'none',
                  },
                }}
              >
                {heading}
              </Badge>
            )}
            <MessageMarks entry={entry} agent={agent} />
          </Group>
          {when}
        </Group>
        {rating && (
          <Text size="sm" fw={600} mb={4}>
            {rating}
          </Text>
        )}
        {entry.body && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {entry.body}
          </Text>
        )}
      </Paper>
    </Box>
  );
}

export function Timeline({ ticketId, agent = false }: { ticketId: string; agent?: boolean }) {
  const { t } = useTranslation();
  const timeline = useTimeline(ticketId);
  if (timeline.error) return <ProblemAlert error={timeline.error} />;
  if (!timeline.data)
    return (
      <Center py="md">
        <Loading size="sm" />
      </Center>
    );
  if (timeline.data.items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('desk.tickets.timeline.empty')}
      </Text>
    );
  return (
    <Stack
      component="ol"
      gap="sm"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      aria-label={t('desk.tickets.timeline.title')}
    >
      {timeline.data.items.map((entry) => (
        <EntryView key={entry.id} entry={entry} agent={agent} />
      ))}
    </Stack>
  );
}

import {
  ActionIcon,
  Alert,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconFileTypePdf,
  IconLock,
  IconPrinter,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, AttendanceStatus, Meeting } from '../../../../shared/governance/meetings.ts';
import { ApiError, api } from '../../../platform/api.ts';
import { ArchiveDialog, Dialog, DialogFooter, useRestore } from '../../../platform/dialogs.tsx';
import { ArchivedBadge, PersonLink } from '../../../platform/directory/parts.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RecordRefLink, RouterAnchor, RouterButton } from '../../../platform/links.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { DetailList, PageHeader, Section } from '../../../platform/page.tsx';
import {
  isNotFound,
  RecordActions,
  RecordFallback,
  RecordNotices,
} from '../../../platform/record-actions.tsx';
import { useAgendaSources, useForum, useGovernanceInvalidate, useMeeting } from '../api.ts';
import { MeetingFormModal } from './MeetingForm.tsx';
import { meetingDay, meetingHours } from './time.ts';

// One meeting: its details, the agenda in order (each item's link, minutes, decisions and
// corrections), attendance, and the justering. Every change carries the meeting's version; the
// answer is the meeting as it now stands. Once justerat, the page shows the minutes locked and
// offers corrections only. The meeting itself is changed (time, place, chair, secretary,
// justerare), archived with a reason and restored through the platform's record actions.

/** A change of the meeting: sends it, and on success refreshes governance (the log shows decisions). */
function useMeetingChange<A>(send: (meeting: Meeting, args: A) => Promise<Meeting>, done?: string) {
  const invalidate = useGovernanceInvalidate();
  return useMutation({
    mutationFn: ({ meeting, args }: { meeting: Meeting; args: A }) => send(meeting, args),
    onSuccess: async () => {
      await invalidate();
      if (done) notifySuccess(done);
    },
  });
}

export function MeetingPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { meetingId } = useParams({ from: '/_app/governance/meetings/$meetingId' });
  const query = useMeeting(meetingId);
  const [dialog, setDialog] = useState<null | 'edit' | 'archive'>(null);
  const invalidate = useGovernanceInvalidate();
  const restore = useRestore(`/api/v1/meetings/${meetingId}`, query.data?.version ?? 0, invalidate);
  const meeting = query.data;
  if (!meeting || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const field = (name: string) => t(`governance.meetings.field.${name}`);
  const person = (p: { id: string; name: string } | null) =>
    p ? <PersonLink id={p.id} name={p.name} /> : null;
  const name = t('governance.meetings.name', {
    forum: meeting.forumName,
    date: meetingDay(meeting.startsAt),
  });
  return (
    <>
      <PageHeader
        title={name}
        breadcrumbs={[
          { label: t('governance.navGroup') },
          { label: t('governance.meetings.title'), to: '/governance/meetings' },
          { label: name },
        ]}
        badges={meeting.archivedAt ? <ArchivedBadge /> : undefined}
        actions={
          <Group gap="xs">
            <RouterButton
              variant="default"
              to="/governance/meetings/$meetingId/minutes"
              params={{ meetingId }}
              leftSection={<IconPrinter size={16} aria-hidden />}
            >
              {t('governance.meetings.print')}
            </RouterButton>
            <Button
              component="a"
              variant="default"
              href={`/api/v1/meetings/${meetingId}/minutes.pdf`}
              leftSection={<IconFileTypePdf size={16} aria-hidden />}
            >
              {t('governance.meetings.pdf')}
            </Button>
            <RecordActions
              archived={!!meeting.archivedAt}
              can={meeting.can}
              onEdit={() => setDialog('edit')}
              restore={restore}
              items={[]}
              history={{ entity: 'meeting', entityId: meeting.id }}
              onArchive={() => setDialog('archive')}
            />
          </Group>
        }
      />
      <RecordNotices
        restoreError={restore.error}
        onReload={() => void query.refetch()}
        archived={
          meeting.archivedAt
            ? {
                title: t('governance.meetings.archivedTitle', { date: f.date(meeting.archivedAt) }),
                reason: meeting.archiveReason,
              }
            : null
        }
      />
      <Stack gap="md">
        {meeting.lockedAt && (
          <Alert color="green" variant="light" icon={<IconLock aria-hidden />} role="status">
            {t('governance.meetings.lockedNotice', { date: f.dateTime(meeting.lockedAt) })}
          </Alert>
        )}
        <Section id="meeting-details" title={t('governance.meetings.details')}>
          <DetailList
            items={[
              {
                label: field('forum'),
                value: (
                  <RouterAnchor
                    to="/governance/forums/$forumId"
                    params={{ forumId: meeting.forumId }}
                    size="sm"
                  >
                    {meeting.forumName}
                  </RouterAnchor>
                ),
              },
              { label: field('when'), value: `${meetingDay(meeting.startsAt)} ${meetingHours(meeting)}` },
              { label: field('place'), value: meeting.place },
              { label: field('chair'), value: person(meeting.chair) },
              { label: field('secretary'), value: person(meeting.secretary) },
              { label: field('adjuster'), value: person(meeting.adjuster) },
            ]}
          />
        </Section>
        <Agenda meeting={meeting} />
        <Attendance meeting={meeting} />
        <Adjustment meeting={meeting} />
      </Stack>
      <MeetingFormModal opened={dialog === 'edit'} onClose={() => setDialog(null)} meeting={meeting} />
      {meeting.can.archive && (
        <ArchiveDialog
          opened={dialog === 'archive'}
          onClose={() => setDialog(null)}
          title={t('governance.meetings.archiveTitle')}
          help={t('governance.meetings.archiveHelp')}
          path={`/api/v1/meetings/${meeting.id}`}
          version={meeting.version}
          onReload={() => query.refetch()}
          invalidate={invalidate}
        />
      )}
    </>
  );
}

function Agenda({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const move = useMeetingChange((m, ids: string[]) =>
    api.post<Meeting>(`/api/v1/meetings/${m.id}/items/order`, { version: m.version, itemIds: ids }),
  );
  const [removing, setRemoving] = useState<AgendaItem | null>(null);
  const ids = meeting.items.map((i) => i.id);
  const swap = (from: number, to: number) => {
    const next = [...ids];
    [next[from], next[to]] = [next[to]!, next[from]!];
    move.mutate({ meeting, args: next });
  };
  return (
    <Section
      id="meeting-agenda"
      title={t('governance.meetings.agendaTitle')}
      description={t('governance.meetings.agendaHelp')}
    >
      <Stack gap="md">
        <ProblemAlert error={move.error} />
        {meeting.items.length === 0 && <Text size="sm">{t('governance.meetings.agendaNone')}</Text>}
        {meeting.items.map((item, index) => (
          <Paper key={item.id} withBorder p="md" component="article" aria-labelledby={`item-${item.id}`}>
            <Group justify="space-between" align="flex-start" mb="xs">
              <Title order={3} size="h4" id={`item-${item.id}`}>
                {t('governance.meetings.item', { position: item.position, title: item.title })}
              </Title>
              {meeting.can.update && (
                <Group gap={4}>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('governance.meetings.moveUp', { title: item.title })}
                    disabled={index === 0}
                    onClick={() => swap(index, index - 1)}
                  >
                    <IconArrowUp size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('governance.meetings.moveDown', { title: item.title })}
                    disabled={index === meeting.items.length - 1}
                    onClick={() => swap(index, index + 1)}
                  >
                    <IconArrowDown size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    aria-label={t('governance.meetings.removeItemLabel', {
                      position: item.position,
                      title: item.title,
                    })}
                    onClick={() => setRemoving(item)}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              )}
            </Group>
            {item.source && (
              <Text size="sm" mb="xs">
                {t('governance.meetings.linkedTo')}:{' '}
                <RecordRefLink name={item.source.name} href={item.source.href} />
              </Text>
            )}
            <ItemMinutes meeting={meeting} item={item} />
            <ItemDecisions meeting={meeting} item={item} />
            <ItemCorrections meeting={meeting} item={item} />
          </Paper>
        ))}
        {meeting.can.update && <AddItem meeting={meeting} />}
      </Stack>
      {removing && <RemoveItemDialog meeting={meeting} item={removing} onClose={() => setRemoving(null)} />}
    </Section>
  );
}

/** Asks before an item goes: its minutes go with it (a decision under it keeps it, the server says). */
function RemoveItemDialog({
  meeting,
  item,
  onClose,
}: {
  meeting: Meeting;
  item: AgendaItem;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useMeetingChange(
    (m, _: null) =>
      api.post<Meeting>(`/api/v1/meetings/${m.id}/items/${item.id}/remove`, { version: m.version }),
    t('governance.meetings.itemRemoved'),
  );
  return (
    <Dialog
      opened
      onClose={onClose}
      title={t('governance.meetings.removeItemTitle', { position: item.position })}
    >
      <Stack gap="sm">
        <ProblemAlert error={remove.error} />
        <Text size="sm">{t('governance.meetings.removeItemHelp', { title: item.title })}</Text>
        <DialogFooter
          onCancel={onClose}
          label={t('governance.meetings.removeItem')}
          color="red.9"
          loading={remove.isPending}
          onConfirm={() => remove.mutate({ meeting, args: null }, { onSuccess: onClose })}
        />
      </Stack>
    </Dialog>
  );
}

function ItemMinutes({ meeting, item }: { meeting: Meeting; item: AgendaItem }) {
  const { t } = useTranslation();
  const [text, setText] = useState(item.minutes ?? '');
  useEffect(() => setText(item.minutes ?? ''), [item.minutes]);
  const save = useMeetingChange(
    (m, minutes: string) =>
      api.patch<Meeting>(`/api/v1/meetings/${m.id}/items/${item.id}`, { version: m.version, minutes }),
    t('governance.meetings.minutesSaved'),
  );
  const label = t('governance.meetings.minutes', { position: item.position });
  if (!meeting.can.update)
    return item.minutes ? (
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {item.minutes}
      </Text>
    ) : null;
  return (
    <Stack gap="xs">
      <ProblemAlert error={save.error} />
      <Textarea
        label={label}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={20000}
      />
      <Group>
        <Button
          variant="default"
          size="xs"
          loading={save.isPending}
          onClick={() => save.mutate({ meeting, args: text })}
        >
          {t('governance.meetings.saveMinutes')}
        </Button>
      </Group>
    </Stack>
  );
}

function ItemDecisions({ meeting, item }: { meeting: Meeting; item: AgendaItem }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Stack gap="xs" mt="sm">
      {item.decisions.length > 0 && (
        <List size="sm" spacing={4}>
          {item.decisions.map((d) => (
            <List.Item key={d.id}>
              <RouterAnchor to="/governance/decisions/$decisionId" params={{ decisionId: d.id }} size="sm">
                {t('governance.meetings.decisionReference', { paragraph: d.paragraph })}{' '}
                {d.title ?? d.text.slice(0, 80)}
              </RouterAnchor>
            </List.Item>
          ))}
        </List>
      )}
      {meeting.can.update && (
        <Group>
          <Button size="xs" onClick={() => setOpened(true)}>
            {t('governance.meetings.recordDecision')}
          </Button>
        </Group>
      )}
      <DecisionDialog meeting={meeting} item={item} opened={opened} onClose={() => setOpened(false)} />
    </Stack>
  );
}

function DecisionDialog({
  meeting,
  item,
  opened,
  onClose,
}: {
  meeting: Meeting;
  item: AgendaItem;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [paragraph, setParagraph] = useState<number | string>('');
  const [title, setTitle] = useState(item.title);
  const [text, setText] = useState('');
  const save = useMeetingChange((m, _: null) =>
    api.post<Meeting>(`/api/v1/meetings/${m.id}/items/${item.id}/decisions`, {
      version: m.version,
      paragraph: paragraph === '' ? 0 : Number(paragraph),
      title: title.trim() || null,
      text,
    }),
  );
  const errors = useFieldErrors(save.error);
  const taken =
    save.error instanceof ApiError &&
    save.error.status === 409 &&
    save.error.errors.some((e) => e.path === 'body.paragraph');
  const field = (name: string) => t(`governance.decisions.field.${name}`);
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={t('governance.meetings.recordDecisionTitle', { position: item.position })}
      size="lg"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { meeting, args: null },
            {
              onSuccess: () => {
                notifySuccess(t('governance.meetings.decisionRecorded', { paragraph }));
                setParagraph('');
                setText('');
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          {!taken && <ProblemAlert error={save.error} fields={['paragraph', 'title', 'text']} />}
          <NumberInput
            label={field('paragraph')}
            value={paragraph}
            onChange={setParagraph}
            error={
              taken
                ? t('governance.meetings.duplicateParagraph', {
                    paragraph,
                    year: meetingDay(meeting.startsAt).slice(0, 4),
                  })
                : errors.paragraph
            }
            min={1}
            max={99999}
            allowDecimal={false}
            thousandSeparator=""
            required
          />
          <TextInput
            label={field('title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            maxLength={300}
          />
          <Textarea
            label={field('text')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors.text}
            autosize
            minRows={4}
            maxLength={20000}
            required
          />
          <DialogFooter
            onCancel={close}
            label={t('governance.meetings.recordDecision')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}

function ItemCorrections({ meeting, item }: { meeting: Meeting; item: AgendaItem }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [opened, setOpened] = useState(false);
  const [text, setText] = useState('');
  const save = useMeetingChange(
    (m, value: string) =>
      api.post<Meeting>(`/api/v1/meetings/${m.id}/items/${item.id}/corrections`, {
        version: m.version,
        text: value,
      }),
    t('governance.meetings.correctionSaved'),
  );
  const errors = useFieldErrors(save.error);
  return (
    <Stack gap="xs" mt="sm">
      {item.corrections.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('governance.meetings.corrections')}
          </Text>
          {item.corrections.map((c) => (
            <Text key={c.id} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {t('governance.meetings.correction', { date: f.dateTime(c.createdAt), name: c.createdByName })}:{' '}
              {c.text}
            </Text>
          ))}
        </Stack>
      )}
      {meeting.can.correct && (
        <Group>
          <Button size="xs" variant="default" onClick={() => setOpened(true)}>
            {t('governance.meetings.correct')}
          </Button>
        </Group>
      )}
      <Dialog
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('governance.meetings.correctTitle', { position: item.position })}
      >
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(
              { meeting, args: text },
              {
                onSuccess: () => {
                  setText('');
                  setOpened(false);
                },
              },
            );
          }}
        >
          <Stack>
            <ProblemAlert error={save.error} fields={['text']} />
            <Textarea
              label={t('governance.meetings.correctionText')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={errors.text}
              autosize
              minRows={3}
              required
            />
            <DialogFooter
              onCancel={() => setOpened(false)}
              label={t('common.save')}
              loading={save.isPending}
            />
          </Stack>
        </form>
      </Dialog>
    </Stack>
  );
}

function AddItem({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [source, setSource] = useState<string | null>(null);
  const sources = useAgendaSources(meeting.id, true);
  const add = useMeetingChange((m, _: null) => {
    const [kind, id] = source ? source.split(':') : [null, null];
    return api.post<Meeting>(`/api/v1/meetings/${m.id}/items`, {
      version: m.version,
      title,
      sourceKind: kind,
      sourceId: id,
    });
  });
  const errors = useFieldErrors(add.error);
  const options = (sources.data?.items ?? [])
    .filter((s) => s.records.length > 0)
    .map((s) => ({
      group: t(`governance.meetings.sourceKind.${s.kind}`, { defaultValue: s.kind }),
      items: s.records.map((r) => ({
        value: `${s.kind}:${r.id}`,
        label: r.detail ? `${r.name} (${t('governance.meetings.reviewDue', { date: r.detail })})` : r.name,
      })),
    }));
  return (
    <form
      noValidate
      aria-label={t('governance.meetings.addItem')}
      onSubmit={(e) => {
        e.preventDefault();
        // Cleared once the item is on, unless the next one is already being typed: the page
        // shows the new item before this runs, and a quick hand would lose what it typed.
        const sent = { title, source };
        add.mutate(
          { meeting, args: null },
          {
            onSuccess: () => {
              setTitle((now) => (now === sent.title ? '' : now));
              setSource((now) => (now === sent.source ? null : now));
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <ProblemAlert error={add.error} fields={['title', 'sourceKind', 'sourceId']} />
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('governance.meetings.itemTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            maxLength={300}
            required
            style={{ flex: 2, minWidth: 240 }}
          />
          <Select
            label={t('governance.meetings.itemSource')}
            placeholder={t('governance.meetings.itemSourceNone')}
            data={options}
            value={source}
            onChange={(value) => {
              setSource(value);
              const record = sources.data?.items.flatMap((s) => s.records).find((r) => value?.endsWith(r.id));
              if (record && !title) setTitle(record.name);
            }}
            error={errors.sourceId ?? errors.sourceKind}
            clearable
            comboboxProps={{ withinPortal: true }}
            style={{ flex: 2, minWidth: 240 }}
          />
          <Button type="submit" loading={add.isPending}>
            {t('governance.meetings.addItem')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Attendance({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const forum = useForum(meeting.forumId);
  const [statuses, setStatuses] = useState<Record<string, AttendanceStatus | null>>({});
  useEffect(
    () => setStatuses(Object.fromEntries(meeting.attendance.map((a) => [a.personId, a.status]))),
    [meeting.attendance],
  );
  const save = useMeetingChange(
    (m, _: null) =>
      api.put<Meeting>(`/api/v1/meetings/${m.id}/attendance`, {
        version: m.version,
        attendance: m.attendance
          .filter((a) => statuses[a.personId])
          .map((a) => {
            const status = statuses[a.personId]!;
            const deputy =
              a.deputyId ?? forum.data?.members.find((x) => x.personId === a.personId)?.deputyId ?? null;
            return { personId: a.personId, status, deputyId: status === 'deputyAttending' ? deputy : null };
          }),
      }),
    t('governance.meetings.attendanceSaved'),
  );
  const options = (['present', 'absent', 'deputyAttending'] as const).map((s) => ({
    value: s,
    label: t(`governance.meetings.attendanceStatus.${s}`),
  }));
  return (
    <Section
      id="meeting-attendance"
      title={t('governance.meetings.attendanceTitle')}
      description={t('governance.meetings.attendanceHelp')}
    >
      <Stack gap="xs">
        <ProblemAlert error={save.error} />
        {meeting.attendance.length === 0 ? (
          <Text size="sm">{t('governance.meetings.attendanceNone')}</Text>
        ) : (
          <Table>
            <Table.Caption>{t('governance.meetings.attendanceTitle')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('governance.meetings.member')}</Table.Th>
                <Table.Th scope="col">{t('governance.meetings.attendanceTitle')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meeting.attendance.map((a) => (
                <Table.Tr key={a.personId}>
                  <Table.Td>
                    <PersonLink id={a.personId} name={a.name} />
                    {a.deputyName && (
                      <Text span size="sm">
                        {' '}
                        ({t('governance.meetings.attendanceStatus.deputyAttending')}: {a.deputyName})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {meeting.can.update ? (
                      <Select
                        aria-label={t('governance.meetings.attendanceOf', { name: a.name })}
                        placeholder={t('governance.meetings.attendanceStatus.unknown')}
                        data={options}
                        value={statuses[a.personId] ?? null}
                        onChange={(v) =>
                          setStatuses((s) => ({ ...s, [a.personId]: v as AttendanceStatus | null }))
                        }
                        comboboxProps={{ withinPortal: true }}
                        size="xs"
                      />
                    ) : (
                      <Text span size="sm">
                        {t(`governance.meetings.attendanceStatus.${a.status ?? 'unknown'}`)}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {meeting.can.update && meeting.attendance.length > 0 && (
          <Group>
            <Button
              variant="default"
              size="xs"
              loading={save.isPending}
              onClick={() => save.mutate({ meeting, args: null })}
            >
              {t('governance.meetings.saveAttendance')}
            </Button>
          </Group>
        )}
      </Stack>
    </Section>
  );
}

function Adjustment({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const f = useFormat();
  const adjust = useMeetingChange(
    (m, _: null) => api.post<Meeting>(`/api/v1/meetings/${m.id}/adjust`, { version: m.version }),
    t('governance.meetings.adjusted'),
  );
  const line = (role: string, at: string | null) =>
    at
      ? t('governance.meetings.adjustedBy', { role, date: f.dateTime(at) })
      : t('governance.meetings.notAdjustedBy', { role });
  const chair = `${t('governance.meetings.field.chair')} ${meeting.chair?.name ?? ''}`.trim();
  const adjuster = `${t('governance.meetings.field.adjuster')} ${meeting.adjuster?.name ?? ''}`.trim();
  return (
    <Section
      id="meeting-adjustment"
      title={t('governance.meetings.adjustTitle')}
      description={t('governance.meetings.adjustHelp')}
    >
      <Stack gap="xs">
        <ProblemAlert error={adjust.error} />
        <List size="sm" spacing={4}>
          <List.Item>{line(chair, meeting.chairAdjustedAt)}</List.Item>
          <List.Item>
            {meeting.adjuster
              ? line(adjuster, meeting.adjusterAdjustedAt)
              : t('governance.meetings.noAdjuster')}
          </List.Item>
        </List>
        {meeting.can.adjust && (
          <Group>
            <Button loading={adjust.isPending} onClick={() => adjust.mutate({ meeting, args: null })}>
              {t('governance.meetings.adjust')}
            </Button>
          </Group>
        )}
      </Stack>
    </Section>
  );
}

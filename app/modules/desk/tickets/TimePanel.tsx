import {
  ActionIcon,
  Box,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { IconArchive, IconClockPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatMinutes,
  type TicketTime,
  type TimeEntry,
  timeEntryArchive,
  timeEntryCreate,
} from '../../../../shared/desk/time.ts';
import { api } from '../../../platform/api.ts';
import { StatusBadge } from '../../../platform/badges.tsx';
import { Dialog, DialogFooter, useClientErrors } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { focusFirstInvalid } from '../../../platform/form.ts';
import { useFormat } from '../../../platform/format.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { Section } from '../../../platform/page.tsx';
import { deskKeys } from '../api.ts';

// Time worked on a ticket: the agents who work it log minutes on a day, billable or not, at a
// perHour offering (the one of the ticket's service by default), and archive an entry logged by
// mistake; the chargeback run charges the billable time to the ticket's unit. The requester sees
// the billable entries, read-only (the server leaves out the agents' notes). A plain form: every
// field reached by Tab, Enter logs the time.

const timeKey = (id: string) => [...deskKeys.tickets, 'time', id] as const;

export function useTicketTime(id: string, enabled = true) {
  return useQuery({
    queryKey: timeKey(id),
    queryFn: ({ signal }) => api.get<TicketTime>(`/api/v1/tickets/${id}/time`, { signal }),
    enabled,
  });
}

/** Today in Stockholm, `YYYY-MM-DD`. */
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

function LogForm({ ticketId, time }: { ticketId: string; time: TicketTime }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [workedOn, setWorkedOn] = useState<string | undefined>(today());
  const [minutes, setMinutes] = useState<number | string>('');
  const [billable, setBillable] = useState(true);
  const [offeringId, setOfferingId] = useState<string | null>(time.defaultOfferingId);
  const [note, setNote] = useState('');
  // The default arrives with the first answer (or changes with the ticket's service).
  useEffect(() => setOfferingId(time.defaultOfferingId), [time.defaultOfferingId]);
  const checks = useClientErrors();
  const body = () => ({
    workedOn: workedOn ?? '',
    minutes: typeof minutes === 'number' ? minutes : Number.NaN,
    billable,
    offeringId: offeringId ?? null,
    ...(note.trim() ? { note: note.trim() } : {}),
  });
  const save = useMutation({
    mutationFn: () => api.post<TicketTime>(`/api/v1/tickets/${ticketId}/time`, body()),
    onSuccess: (next) => {
      client.setQueryData(timeKey(ticketId), next);
      notifySuccess(t('desk.time.logged'));
      setMinutes('');
      setNote('');
      save.reset();
    },
  });
  const errors = { ...useFieldErrors(save.error), ...checks.errors };
  return (
    <form
      noValidate
      aria-label={t('desk.time.formLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        if (checks.check(timeEntryCreate, body())) save.mutate();
        else focusFirstInvalid(e.currentTarget);
      }}
    >
      <Stack gap="xs">
        <ProblemAlert
          error={save.error}
          fields={['workedOn', 'minutes', 'billable', 'offeringId', 'note', 'personId']}
        />
        <Group grow align="flex-start" gap="xs">
          <DateField
            label={t('desk.time.workedOn')}
            value={workedOn}
            onChange={setWorkedOn}
            error={errors.workedOn}
            required
          />
          <NumberInput
            label={t('desk.time.minutes')}
            description={t('desk.time.minutesHelp')}
            value={minutes}
            onChange={setMinutes}
            min={1}
            max={1440}
            step={15}
            allowDecimal={false}
            error={errors.minutes}
            required
          />
        </Group>
        <Switch
          label={t('desk.time.billable')}
          description={t('desk.time.billableHelp')}
          checked={billable}
          onChange={(e) => setBillable(e.currentTarget.checked)}
        />
        <Select
          label={t('desk.time.offering')}
          description={billable ? t('desk.time.offeringHelp') : undefined}
          placeholder={t('desk.time.offeringPlaceholder')}
          data={time.offerings.map((o) => ({ value: o.id, label: o.name }))}
          value={offeringId}
          onChange={setOfferingId}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
          error={errors.offeringId}
          required={billable}
        />
        <TextInput
          label={t('desk.time.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={500}
          error={errors.note}
        />
        <Group justify="flex-end">
          <Button
            type="submit"
            leftSection={<IconClockPlus size={16} aria-hidden />}
            loading={save.isPending}
          >
            {t('desk.time.log')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ArchiveDialog({
  ticketId,
  entry,
  onClose,
}: {
  ticketId: string;
  entry: TimeEntry | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const checks = useClientErrors();
  const body = () => ({ version: entry?.version ?? 0, reason });
  const archive = useMutation({
    mutationFn: (id: string) =>
      api.post<TicketTime>(`/api/v1/tickets/${ticketId}/time/${id}/archive`, body()),
    onSuccess: (next) => {
      client.setQueryData(timeKey(ticketId), next);
      notifySuccess(t('desk.time.archived'));
      close();
    },
  });
  const errors = { ...useFieldErrors(archive.error), ...checks.errors };
  function close() {
    setReason('');
    archive.reset();
    checks.clear();
    onClose();
  }
  return (
    <Dialog opened={entry !== null} onClose={close} title={t('desk.time.archiveTitle')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (entry && checks.check(timeEntryArchive, body())) archive.mutate(entry.id);
          else focusFirstInvalid(e.currentTarget);
        }}
      >
        <Stack>
          <ProblemAlert error={archive.error} fields={['reason']} />
          {entry && (
            <Text size="sm">
              {t('desk.time.archiveHelp', {
                date: f.date(entry.workedOn),
                time: formatMinutes(entry.minutes),
                name: entry.personName,
              })}
            </Text>
          )}
          <TextInput
            label={t('desk.time.archiveReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            required
            data-autofocus
          />
          <DialogFooter
            onCancel={close}
            label={t('desk.time.archive')}
            color="red.9"
            loading={archive.isPending}
          />
        </Stack>
      </form>
    </Dialog>
  );
}

function EntryItem({ entry, onArchive }: { entry: TimeEntry; onArchive?: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <li>
      <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
        <Box style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600}>
              {formatMinutes(entry.minutes)}
            </Text>
            <Text size="sm">{f.date(entry.workedOn)}</Text>
            {entry.billable ? (
              <StatusBadge tone="positive">{t('desk.time.billableBadge')}</StatusBadge>
            ) : (
              <StatusBadge tone="neutral">{t('desk.time.notBillable')}</StatusBadge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {entry.offeringName ? `${entry.personName} · ${entry.offeringName}` : entry.personName}
          </Text>
          {entry.note && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {entry.note}
            </Text>
          )}
        </Box>
        {onArchive && (
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={onArchive}
            aria-label={t('desk.time.archiveLabel', {
              date: f.date(entry.workedOn),
              time: formatMinutes(entry.minutes),
            })}
          >
            <IconArchive size={16} aria-hidden />
          </ActionIcon>
        )}
      </Group>
    </li>
  );
}

/** A ticket's time: the list, its sums, and for its agents the form to log more. */
export function TimePanel({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const time = useTicketTime(ticketId);
  const [archiving, setArchiving] = useState<TimeEntry | null>(null);
  if (time.error) return <ProblemAlert error={time.error} />;
  if (!time.data)
    return (
      <Text size="sm" c="dimmed">
        {t('common.loading')}
      </Text>
    );
  const data = time.data;
  return (
    <Stack gap="md">
      <Text size="sm" aria-live="polite">
        {data.canLog
          ? t('desk.time.total', {
              total: formatMinutes(data.totalMinutes),
              billable: formatMinutes(data.billableMinutes),
            })
          : t('desk.time.billableTotal', { billable: formatMinutes(data.billableMinutes) })}
      </Text>
      {data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('desk.time.none')}
        </Text>
      ) : (
        <Stack
          component="ul"
          gap="sm"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('desk.time.listLabel')}
        >
          {data.items.map((entry) => (
            <EntryItem
              key={entry.id}
              entry={entry}
              onArchive={data.canLog ? () => setArchiving(entry) : undefined}
            />
          ))}
        </Stack>
      )}
      {data.canLog && <LogForm ticketId={ticketId} time={data} />}
      {data.canLog && (
        <ArchiveDialog ticketId={ticketId} entry={archiving} onClose={() => setArchiving(null)} />
      )}
    </Stack>
  );
}

/** The requester's view in the portal: the billable time, as a section only when there is some. */
export function BillableTimeSection({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const time = useTicketTime(ticketId);
  if (!time.data || time.data.items.length === 0) return null;
  return (
    <Section id="ticket-time" title={t('desk.time.title')} description={t('desk.time.portalHelp')}>
      <TimePanel ticketId={ticketId} />
    </Section>
  );
}

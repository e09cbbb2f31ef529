import { Alert, Button, Group, Select, Stack, Switch, Text, Textarea } from '@mantine/core';
import { IconCheck, IconUserCheck, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkChange, BulkResult } from '../../../../shared/desk/bulk.ts';
import { type TicketRow, type TicketStatus, ticketStatuses } from '../../../../shared/desk/tickets.ts';
import { api } from '../../../platform/api.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert, translateMessage } from '../../../platform/errors.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { useGroupOptions, useTicketsInvalidate } from '../api.ts';
import { type Named, PersonSelect } from '../inputs.tsx';

// The console's bulk actions on the chosen tickets: assign to me, assign to a group or an agent,
// set a status with a text (a solution to the requesters, or a note), close. One request
// (POST /api/v1/tickets/bulk) with the version of each ticket as the list showed it; the answer
// says per ticket what became of it, and those not changed stay chosen, listed with the reason.

export type BulkDialog = 'assign' | 'status' | 'close' | null;

type Failure = BulkResult['results'][number];

export function useBulk(onDone: (failed: string[]) => void) {
  const { t } = useTranslation();
  const invalidate = useTicketsInvalidate();
  const [running, setRunning] = useState(false);
  const [failures, setFailures] = useState<Failure[]>([]);
  const [error, setError] = useState<unknown>(null);
  async function run(rows: TicketRow[], change: BulkChange, done: string) {
    setRunning(true);
    setFailures([]);
    setError(null);
    try {
      const result = await api.post<BulkResult>('/api/v1/tickets/bulk', {
        tickets: rows.map((row) => ({ id: row.id, version: row.version })),
        change,
      });
      const failed = result.results.filter((r) => r.outcome !== 'done');
      setFailures(failed);
      onDone(failed.map((f) => f.id));
      if (result.done > 0) notifySuccess(t(done, { count: result.done }));
    } catch (caught) {
      setError(caught);
    } finally {
      setRunning(false);
      await invalidate();
    }
  }
  return { run, running, failures, error };
}

export function BulkFailures({ failures, error }: { failures: Failure[]; error: unknown }) {
  const { t } = useTranslation();
  if (error) return <ProblemAlert error={error} />;
  if (failures.length === 0) return null;
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      mb="sm"
      title={t('desk.tickets.bulk.failed', { count: failures.length })}
    >
      <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
        {failures.map((x) => (
          <li key={x.id}>
            {x.number}: {t(`desk.work.bulk.outcome.${x.outcome}`)}
            {x.detail && x.outcome !== 'conflict' ? ` (${translateMessage(t, x.detail)})` : ''}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

export function BulkBar({
  count,
  running,
  onAssignToMe,
  onOpen,
}: {
  count: number;
  running: boolean;
  onAssignToMe: () => void;
  onOpen: (dialog: BulkDialog) => void;
}) {
  const { t } = useTranslation();
  const none = count === 0;
  return (
    <Group justify="space-between" mb="sm" gap="sm" wrap="wrap">
      <Text size="sm" aria-live="polite">
        {t('desk.tickets.bulk.selected', { count })}
      </Text>
      <Group gap="sm">
        <Button
          variant="default"
          leftSection={<IconUserCheck size={16} aria-hidden />}
          disabled={none}
          loading={running}
          onClick={onAssignToMe}
          aria-keyshortcuts="t"
        >
          {t('desk.tickets.bulk.assignToMe')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconUsersGroup size={16} aria-hidden />}
          disabled={none}
          loading={running}
          onClick={() => onOpen('assign')}
          aria-keyshortcuts="g"
        >
          {t('desk.work.bulk.assign')}
        </Button>
        <Button
          variant="default"
          disabled={none}
          loading={running}
          onClick={() => onOpen('status')}
          aria-keyshortcuts="s"
        >
          {t('desk.work.bulk.status')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconCheck size={16} aria-hidden />}
          disabled={none}
          loading={running}
          onClick={() => onOpen('close')}
        >
          {t('desk.tickets.bulk.close')}
        </Button>
      </Group>
    </Group>
  );
}

function AssignDialog({
  count,
  opened,
  onClose,
  onSubmit,
}: {
  count: number;
  opened: boolean;
  onClose: () => void;
  onSubmit: (change: BulkChange) => void;
}) {
  const { t } = useTranslation();
  const groups = useGroupOptions();
  const [groupId, setGroupId] = useState<string | null>(null);
  const [assignee, setAssignee] = useState<Named | null>(null);
  const [missing, setMissing] = useState(false);
  function close() {
    setGroupId(null);
    setAssignee(null);
    setMissing(false);
    onClose();
  }
  return (
    <Dialog opened={opened} onClose={close} title={t('desk.work.bulk.assignTitle', { count })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!groupId && !assignee) {
            setMissing(true);
            return;
          }
          onSubmit({
            ...(groupId ? { groupId } : {}),
            ...(assignee ? { assigneeId: assignee.id } : {}),
          });
          close();
        }}
      >
        <Stack>
          <Text size="sm">{t('desk.work.bulk.assignHelp')}</Text>
          <Select
            label={t('desk.tickets.field.group')}
            data={(groups.data ?? [])
              .filter((g) => !g.archivedAt)
              .map((g) => ({ value: g.id, label: g.name }))}
            value={groupId}
            onChange={(v) => {
              setGroupId(v);
              setMissing(false);
            }}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            comboboxProps={{ withinPortal: true }}
            nothingFoundMessage={t('common.nothingFound')}
            error={missing ? t('desk.work.bulk.assignMissing') : undefined}
          />
          <PersonSelect
            label={t('desk.tickets.field.assignee')}
            value={assignee}
            onChange={(v) => {
              setAssignee(v);
              setMissing(false);
            }}
          />
          <DialogFooter onCancel={close} label={t('desk.work.bulk.assignSubmit')} />
        </Stack>
      </form>
    </Dialog>
  );
}

function StatusDialog({
  count,
  opened,
  preset,
  onClose,
  onSubmit,
}: {
  count: number;
  opened: boolean;
  /** Closing: the status is given. */
  preset: TicketStatus | null;
  onClose: () => void;
  onSubmit: (change: BulkChange) => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TicketStatus>('solved');
  const [text, setText] = useState('');
  const [internal, setInternal] = useState(false);
  const chosen = preset ?? status;
  function close() {
    setStatus('solved');
    setText('');
    setInternal(false);
    onClose();
  }
  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={
        preset === 'closed'
          ? t('desk.tickets.bulk.closeTitle', { count })
          : t('desk.work.bulk.statusTitle', { count })
      }
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit({
            status: chosen,
            ...(text.trim() ? { message: { body: text, internal } } : {}),
          });
          close();
        }}
      >
        <Stack>
          {preset === 'closed' && <Text size="sm">{t('desk.tickets.bulk.closeHelp')}</Text>}
          {!preset && (
            <Select
              label={t('desk.tickets.field.status')}
              data={ticketStatuses.map((s) => ({ value: s, label: t(`desk.tickets.status.${s}`) }))}
              value={status}
              onChange={(v) => v && setStatus(v as TicketStatus)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <Textarea
            label={internal ? t('desk.work.bulk.noteLabel') : t('desk.work.bulk.textLabel')}
            description={internal ? t('desk.tickets.composer.noteVisibility') : t('desk.work.bulk.textHelp')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={20_000}
            data-autofocus
          />
          <Switch
            label={t('desk.tickets.composer.internal')}
            checked={internal}
            onChange={(e) => setInternal(e.currentTarget.checked)}
          />
          <DialogFooter
            onCancel={close}
            label={preset === 'closed' ? t('desk.tickets.bulk.close') : t('desk.work.bulk.statusSubmit')}
          />
        </Stack>
      </form>
    </Dialog>
  );
}

export function BulkDialogs({
  dialog,
  count,
  onClose,
  onSubmit,
}: {
  dialog: BulkDialog;
  count: number;
  onClose: () => void;
  onSubmit: (change: BulkChange, done: string) => void;
}) {
  return (
    <>
      <AssignDialog
        count={count}
        opened={dialog === 'assign'}
        onClose={onClose}
        onSubmit={(change) => onSubmit(change, 'desk.work.bulk.assigned')}
      />
      <StatusDialog
        count={count}
        opened={dialog === 'status' || dialog === 'close'}
        preset={dialog === 'close' ? 'closed' : null}
        onClose={onClose}
        onSubmit={(change) =>
          onSubmit(change, change.status === 'closed' ? 'desk.tickets.bulk.closed' : 'desk.work.bulk.changed')
        }
      />
    </>
  );
}

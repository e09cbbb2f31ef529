import { Button, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconCheck, IconSpeakerphone } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { majorMessage, majorSolve } from '../../../../shared/desk/links.ts';
import type { Ticket } from '../../../../shared/desk/tickets.ts';
import { api } from '../../../platform/api.ts';
import { Dialog, DialogFooter, useClientErrors } from '../../../platform/dialogs.tsx';
import { isVersionConflict, ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { focusFirstInvalid } from '../../../platform/form.ts';
import { notifySuccess } from '../../../platform/notify.ts';
import { useTicketsInvalidate } from '../api.ts';
import { useLinks } from './work-api.ts';

// A major incident (större störning): one message to the requesters of every ticket linked to it
// (its children), and its solution, which can solve the open linked tickets with the same text.
// The message carries an Idempotency-Key made when the form is filled in: a retry after a lost
// answer is the same message, sent once.

// getRandomValues, not randomUUID: the latter exists only on HTTPS (and localhost).
const newKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

function SolveDialog({
  ticket,
  open,
  opened,
  onClose,
  onReload,
}: {
  ticket: Ticket;
  /** The linked tickets that are still open. */
  open: number;
  opened: boolean;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [solution, setSolution] = useState('');
  const [solveLinked, setSolveLinked] = useState(true);
  const client = useClientErrors();
  const invalidate = useTicketsInvalidate();
  const body = () => ({ version: ticket.version, solution, solveLinked });
  const solve = useMutation({
    mutationFn: () =>
      api.post<{ solved: { id: string }[] }>(`/api/v1/tickets/${ticket.id}/major/solve`, body()),
    onSuccess: async (result) => {
      await invalidate();
      notifySuccess(t('desk.work.major.solved', { count: result.solved.length }));
      close();
    },
    onError: async (error) => {
      if (isVersionConflict(error)) await onReload();
    },
  });
  const errors = { ...useFieldErrors(solve.error), ...client.errors };
  function close() {
    setSolution('');
    setSolveLinked(true);
    solve.reset();
    client.clear();
    onClose();
  }
  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={t('desk.work.major.solveTitle', { number: ticket.number })}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (client.check(majorSolve, body())) solve.mutate();
          else focusFirstInvalid(e.currentTarget);
        }}
      >
        <Stack>
          <ProblemAlert
            error={solve.error}
            fields={['solution']}
            onReload={() => void onReload().then(() => solve.reset())}
          />
          <Textarea
            label={t('desk.work.major.solution')}
            description={t('desk.work.major.solutionHelp')}
            value={solution}
            onChange={(e) => setSolution(e.currentTarget.value)}
            error={errors.solution}
            required
            autosize
            minRows={3}
            maxLength={20_000}
            data-autofocus
          />
          <Checkbox
            label={t('desk.work.major.solveLinked', { count: open })}
            checked={solveLinked}
            onChange={(e) => setSolveLinked(e.currentTarget.checked)}
            disabled={open === 0}
          />
          <DialogFooter onCancel={close} label={t('desk.work.major.solve')} loading={solve.isPending} />
        </Stack>
      </form>
    </Dialog>
  );
}

export function MajorIncident({ ticket, onReload }: { ticket: Ticket; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const links = useLinks(ticket.id);
  const [body, setBody] = useState('');
  const [key, setKey] = useState(newKey);
  const [solving, setSolving] = useState(false);
  const client = useClientErrors();
  const invalidate = useTicketsInvalidate();
  const affected = (links.data?.items ?? []).filter((l) => l.relation === 'parentOf');
  const reachable = affected.filter((l) => l.ticket.status !== 'closed').length;
  const openOnes = affected.filter(
    (l) => l.ticket.status !== 'closed' && l.ticket.status !== 'solved',
  ).length;
  const send = useMutation({
    mutationFn: () =>
      api.post<{ tickets: { id: string }[] }>(
        `/api/v1/tickets/${ticket.id}/major/messages`,
        { body },
        { headers: { 'idempotency-key': key } },
      ),
    onSuccess: async (result) => {
      await invalidate();
      setBody('');
      setKey(newKey());
      notifySuccess(t('desk.work.major.sent', { count: result.tickets.length }));
    },
  });
  const errors = { ...useFieldErrors(send.error), ...client.errors };
  const closed = ticket.status === 'closed' || ticket.status === 'solved';
  return (
    <Stack gap="md">
      <Text size="sm">{t('desk.work.major.affected', { count: affected.length })}</Text>
      {!closed && (
        <form
          noValidate
          aria-label={t('desk.work.major.messageForm')}
          onSubmit={(e) => {
            e.preventDefault();
            if (client.check(majorMessage, { body })) send.mutate();
            else focusFirstInvalid(e.currentTarget);
          }}
        >
          <Stack gap="sm">
            <ProblemAlert error={send.error} fields={['body']} />
            <Textarea
              label={t('desk.work.major.message')}
              description={t('desk.work.major.messageHelp', { count: reachable })}
              value={body}
              onChange={(e) => {
                setBody(e.currentTarget.value);
                // Another text is another message.
                if (send.isSuccess || send.isError) setKey(newKey());
              }}
              error={errors.body}
              required
              autosize
              minRows={3}
              maxLength={20_000}
            />
            <Group justify="space-between" gap="sm">
              <Button
                variant="default"
                leftSection={<IconCheck size={16} aria-hidden />}
                onClick={() => setSolving(true)}
              >
                {t('desk.work.major.solve')}
              </Button>
              <Button
                type="submit"
                loading={send.isPending}
                leftSection={<IconSpeakerphone size={16} aria-hidden />}
              >
                {t('desk.work.major.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <SolveDialog
        ticket={ticket}
        open={openOnes}
        opened={solving}
        onClose={() => setSolving(false)}
        onReload={onReload}
      />
    </Stack>
  );
}

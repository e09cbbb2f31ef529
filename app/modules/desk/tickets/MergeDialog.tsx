import { Alert, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../shared/desk/tickets.ts';
import { api } from '../../../platform/api.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { deskKeys, useTicketsInvalidate } from '../api.ts';
import { type Named, TicketSelect } from '../inputs.tsx';
import { TicketNumber, TicketStatusBadge } from './parts.tsx';

// Merging this ticket (a duplicate) into another: the agent picks the ticket that stays, sees it,
// and confirms; both versions as read go with the request (a change meanwhile answers 409 and the
// dialog says so). Afterwards the agent is taken to the ticket that stays.

export function MergeDialog({
  ticket,
  opened,
  onClose,
}: {
  ticket: Ticket;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useTicketsInvalidate();
  const [into, setInto] = useState<Named | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const target = useQuery({
    queryKey: into ? deskKeys.ticket(into.id) : ['desk', 'tickets', 'none'],
    queryFn: ({ signal }) => api.get<Ticket>(`/api/v1/tickets/${into!.id}`, { signal }),
    enabled: !!into,
  });
  const merge = useMutation({
    mutationFn: () =>
      api.post<{ into: Ticket; copiedMessages: number }>(`/api/v1/tickets/${ticket.id}/merge`, {
        intoId: into!.id,
        version: ticket.version,
        intoVersion: target.data!.version,
        note: note.trim() || null,
      }),
    onSuccess: async (result) => {
      await invalidate();
      notifySuccess(t('desk.work.merge.done', { from: ticket.number, into: result.into.number }));
      close();
      void navigate({ to: '/desk/tickets/$ticketId', params: { ticketId: result.into.id } });
    },
  });
  const errors = useFieldErrors(merge.error);
  function close() {
    setInto(null);
    setNote('');
    setMissing(false);
    merge.reset();
    onClose();
  }
  const other = target.data;
  return (
    <Dialog opened={opened} onClose={close} title={t('desk.work.merge.title', { number: ticket.number })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!into || !other) {
            setMissing(true);
            return;
          }
          merge.mutate();
        }}
      >
        <Stack>
          <Text size="sm">{t('desk.work.merge.help', { number: ticket.number })}</Text>
          <ProblemAlert
            error={merge.error}
            fields={['intoId']}
            onReload={() => {
              void Promise.all([invalidate(), target.refetch()]).then(() => merge.reset());
            }}
          />
          <TicketSelect
            label={t('desk.work.merge.into')}
            placeholder={t('desk.work.links.otherPlaceholder')}
            value={into}
            onChange={(value) => {
              setInto(value);
              setMissing(false);
              merge.reset();
            }}
            error={errors.intoId ?? (missing ? t('desk.work.links.chooseTicket') : undefined)}
            required
            data-autofocus
          />
          {other && (
            <Alert color="gray" variant="light" title={t('desk.work.merge.stays')}>
              <Group gap="xs" wrap="wrap">
                <TicketNumber number={other.number} />
                <TicketStatusBadge status={other.status} />
              </Group>
              <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
                {other.title}
              </Text>
              <Text size="sm" mt={4}>
                {t('desk.work.merge.requester', { name: other.requester.name })}
              </Text>
            </Alert>
          )}
          <Textarea
            label={t('desk.work.merge.note')}
            description={t('desk.work.merge.noteHelp')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={4000}
          />
          <DialogFooter
            onCancel={close}
            label={t('desk.work.merge.submit')}
            loading={merge.isPending}
            disabled={!!into && !other}
          />
        </Stack>
      </form>
    </Dialog>
  );
}

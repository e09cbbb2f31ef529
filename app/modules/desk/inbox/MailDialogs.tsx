import { Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InboxMessage, inboxDiscard, inboxTicket } from '../../../../shared/desk/mail.ts';
import { type TicketType, ticketTypes } from '../../../../shared/desk/tickets.ts';
import { api } from '../../../platform/api.ts';
import { Dialog, DialogFooter, useClientErrors } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { focusFirstInvalid } from '../../../platform/form.ts';
import { notifySuccess } from '../../../platform/notify.ts';
import { type Named, PersonSelect } from '../inputs.tsx';
import { useInboxInvalidate } from './api.ts';

// What an agent does with a held mail, each confirmed in a dialog and sent with the version of the
// mail read (a mail another agent handled meanwhile answers 409, and the dialog offers to reload):
// make a ticket of it for a requester (the sender when the directory knows them, else chosen), or
// discard it with a reason.

interface DialogProps {
  opened: boolean;
  onClose: () => void;
  mail: InboxMessage;
  onReload: () => Promise<unknown>;
  /** After the dialog has closed on success (its button is gone then): where the focus goes. */
  onDone: () => void;
}

/** Once the dialog is gone, if it closed on success: the focus goes to the mail, not to the body. */
function after(done: { current: boolean }, onDone: () => void) {
  return () => {
    if (!done.current) return;
    done.current = false;
    onDone();
  };
}

export function TicketFromMailDialog({ opened, onClose, mail, onReload, onDone }: DialogProps) {
  const { t } = useTranslation();
  const invalidate = useInboxInvalidate();
  const client = useClientErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const done = useRef(false);
  const [requester, setRequester] = useState<Named | null>(mail.sender);
  const [type, setType] = useState<TicketType>('incident');
  const [title, setTitle] = useState(mail.subject ?? '');
  useEffect(() => {
    if (!opened) return;
    setRequester(mail.sender);
    setType('incident');
    setTitle(mail.subject ?? '');
  }, [opened, mail.sender, mail.subject]);
  const body = () => ({
    version: mail.version,
    requesterId: requester?.id,
    type,
    ...(title.trim() ? { title: title.trim() } : {}),
  });
  const save = useMutation({
    mutationFn: () =>
      api.post<{ id: string; number: string }>(`/api/v1/desk/inbound-mail/${mail.id}/ticket`, body()),
    onSuccess: async (made) => {
      await invalidate();
      notifySuccess(t('desk.inbox.ticket.done', { number: made.number }));
      done.current = true;
      close();
    },
    onError: () => focusFirstInvalid(formRef.current),
  });
  const errors: Record<string, string> = { ...useFieldErrors(save.error), ...client.errors };
  function close() {
    save.reset();
    client.clear();
    onClose();
  }
  const field = (name: string) => t(`desk.inbox.ticket.${name}`);
  return (
    <Dialog opened={opened} onClose={close} title={field('title')} onExitTransitionEnd={after(done, onDone)}>
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (client.check(inboxTicket, body())) save.mutate();
          else focusFirstInvalid(formRef.current);
        }}
      >
        <Stack>
          <Text size="sm">{field('help')}</Text>
          <ProblemAlert
            error={save.error}
            fields={['requesterId', 'type', 'title']}
            onReload={async () => {
              await onReload();
              save.reset();
            }}
          />
          <TextInput
            label={field('subject')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            maxLength={200}
            data-autofocus
          />
          <PersonSelect
            label={field('requester')}
            description={mail.sender ? field('requesterHelpKnown') : field('requesterHelpUnknown')}
            value={requester}
            onChange={setRequester}
            error={errors.requesterId}
            required
          />
          <Select
            label={field('type')}
            data={ticketTypes.map((v) => ({ value: v, label: t(`desk.tickets.type.${v}`) }))}
            value={type}
            onChange={(v) => v && setType(v as TicketType)}
            error={errors.type}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <DialogFooter onCancel={close} label={field('submit')} loading={save.isPending} mt="sm" />
        </Stack>
      </form>
    </Dialog>
  );
}

export function DiscardMailDialog({ opened, onClose, mail, onReload, onDone }: DialogProps) {
  const { t } = useTranslation();
  const invalidate = useInboxInvalidate();
  const client = useClientErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const done = useRef(false);
  const [reason, setReason] = useState('');
  const body = () => ({ version: mail.version, reason });
  const discard = useMutation({
    mutationFn: () => api.post<InboxMessage>(`/api/v1/desk/inbound-mail/${mail.id}/discard`, body()),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('desk.inbox.discard.done'));
      done.current = true;
      close();
    },
    onError: () => focusFirstInvalid(formRef.current),
  });
  const errors: Record<string, string> = { ...useFieldErrors(discard.error), ...client.errors };
  function close() {
    setReason('');
    discard.reset();
    client.clear();
    onClose();
  }
  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={t('desk.inbox.discard.title')}
      onExitTransitionEnd={after(done, onDone)}
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (client.check(inboxDiscard, body())) discard.mutate();
          else focusFirstInvalid(formRef.current);
        }}
      >
        <Stack>
          <Text size="sm">{t('desk.inbox.discard.help')}</Text>
          <ProblemAlert
            error={discard.error}
            fields={['reason']}
            onReload={async () => {
              await onReload();
              discard.reset();
            }}
          />
          <Textarea
            label={t('desk.inbox.discard.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            required
            autosize
            minRows={3}
            maxLength={1000}
            data-autofocus
          />
          <DialogFooter
            onCancel={close}
            label={t('desk.inbox.discard.submit')}
            color="red.9"
            loading={discard.isPending}
          />
        </Stack>
      </form>
    </Dialog>
  );
}

import { Button, FileInput, Group, Stack, Switch, Text, Textarea } from '@mantine/core';
import { IconLock, IconPaperclip, IconSend } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TimelineEntry, ticketMessage } from '../../../../shared/desk/tickets.ts';
import { api } from '../../../platform/api.ts';
import { useClientErrors } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { useTicketsInvalidate } from '../api.ts';
import { uploadTicketFile } from './Attachments.tsx';

// Writing on a ticket: a reply the requester sees, or (agents) an internal note among agents,
// chosen with a switch whose state also shows in the field's label and the button. Files chosen
// go with it: after the message, to the ticket's files (an internal note's to the internal ones).

export function Composer({
  ticketId,
  canReply,
  canNote,
  replyHelp,
  requester = false,
  insertion,
}: {
  ticketId: string;
  canReply: boolean;
  canNote: boolean;
  /** Said below the field (the portal: a reply puts a waiting ticket back in progress). */
  replyHelp?: string;
  /** Written by the requester (the portal): "your answer", seen by the desk. */
  requester?: boolean;
  /** Text to add to what is written (an agent inserts a knowledge article); `n` counts insertions. */
  insertion?: { text: string; n: number } | null;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [internal, setInternal] = useState(!canReply && canNote);
  const client = useClientErrors();
  const invalidate = useTicketsInvalidate();
  const switchId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each insertion once, by its count
  useEffect(() => {
    if (!insertion) return;
    setBody((b) => (b.trim() ? `${b.trimEnd()}\n\n${insertion.text}` : insertion.text));
    field.current?.focus();
  }, [insertion?.n]);
  const send = useMutation({
    mutationFn: async () => {
      // Files alone may be sent too (a file refused before was chosen again).
      const entry = body.trim()
        ? await api.post<TimelineEntry>(`/api/v1/tickets/${ticketId}/messages`, { body, internal })
        : null;
      // The message is written: clear it, so that a file refused below does not send it twice.
      setBody('');
      for (const file of files) {
        await uploadTicketFile(ticketId, file, internal);
        setFiles((left) => left.filter((f) => f !== file));
      }
      return entry;
    },
    onSettled: () => invalidate(),
    onSuccess: async () => {
      notifySuccess(internal ? t('desk.tickets.composer.noteSaved') : t('desk.tickets.composer.sent'));
    },
  });
  const errors = { ...useFieldErrors(send.error), ...client.errors };
  if (!canReply && !canNote) return null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if ((files.length > 0 && !body.trim()) || client.check(ticketMessage, { body, internal }))
          send.mutate();
      }}
      noValidate
      aria-label={t('desk.tickets.composer.form')}
    >
      <Stack gap="sm">
        <ProblemAlert error={send.error} fields={['body']} />
        {canReply && canNote && (
          <Switch
            id={switchId}
            label={t('desk.tickets.composer.internal')}
            description={t('desk.tickets.composer.internalHelp')}
            checked={internal}
            onChange={(e) => setInternal(e.currentTarget.checked)}
            thumbIcon={internal ? <IconLock size={10} aria-hidden /> : undefined}
          />
        )}
        <Textarea
          label={
            internal
              ? t('desk.tickets.composer.noteLabel')
              : requester
                ? t('desk.tickets.composer.answerLabel')
                : t('desk.tickets.composer.replyLabel')
          }
          description={internal ? undefined : replyHelp}
          ref={field}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.body}
          required
          autosize
          minRows={3}
          maxRows={14}
          maxLength={20_000}
          styles={internal ? { input: { background: '#fff8e1', borderStyle: 'dashed' } } : undefined}
        />
        <FileInput
          label={internal ? t('desk.work.files.composerInternal') : t('desk.work.files.composer')}
          placeholder={t('desk.work.files.choose')}
          multiple
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          value={files}
          onChange={setFiles}
          leftSection={<IconPaperclip size={16} aria-hidden />}
        />
        <Group justify="space-between" gap="sm">
          <Text size="xs" c="dimmed">
            {internal
              ? t('desk.tickets.composer.noteVisibility')
              : requester
                ? t('desk.tickets.composer.answerVisibility')
                : t('desk.tickets.composer.replyVisibility')}
          </Text>
          <Button
            type="submit"
            loading={send.isPending}
            leftSection={internal ? <IconLock size={16} aria-hidden /> : <IconSend size={16} aria-hidden />}
          >
            {internal
              ? t('desk.tickets.composer.saveNote')
              : requester
                ? t('desk.tickets.composer.sendAnswer')
                : t('desk.tickets.composer.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

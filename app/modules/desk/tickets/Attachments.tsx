import { Anchor, Badge, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconLock, IconPaperclip, IconUpload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TICKET_ATTACHMENTS, TICKET_INTERNAL_ATTACHMENTS } from '../../../../shared/desk/links.ts';
import type { AttachedFile } from '../../../../shared/files.ts';
import { api } from '../../../platform/api.ts';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { notifySuccess } from '../../../platform/notify.ts';
import { useTicketsInvalidate } from '../api.ts';
import { useTicketFiles } from './work-api.ts';

// A ticket's files (the platform's attachments): what the requester sees (`ticket`) and, for its
// agents, the files of internal notes (`ticket-internal`), marked like the notes themselves. Each
// downloads from /api/v1/files/{id} under the ticket's read rule; the server tells the type from
// the bytes and refuses what it does not take (415) or what is too large (413).

/** Sends one file to a ticket as the body of the upload. */
export function uploadTicketFile(ticketId: string, file: File, internal: boolean) {
  const kind = internal ? TICKET_INTERNAL_ATTACHMENTS : TICKET_ATTACHMENTS;
  return api.post<AttachedFile>(
    `/api/v1/attachments/${kind}/${ticketId}?name=${encodeURIComponent(file.name)}`,
    undefined,
    { raw: { body: file, contentType: 'application/octet-stream' } },
  );
}

function FileList({ files, internal }: { files: AttachedFile[]; internal: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
      {files.map((file) => (
        <li key={file.id}>
          <Group gap="xs" wrap="wrap">
            <IconPaperclip size={14} aria-hidden />
            <Anchor
              href={`/api/v1/files/${file.id}`}
              download={file.name}
              size="sm"
              style={{ overflowWrap: 'anywhere' }}
            >
              {file.name}
            </Anchor>
            {internal && (
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
                {t('desk.work.files.internal')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('desk.work.files.meta', {
              size: f.number(Math.max(1, Math.round(file.size / 1024))),
              by: file.uploadedByName,
              date: f.dateTime(file.createdAt),
            })}
          </Text>
        </li>
      ))}
    </Stack>
  );
}

function AttachButton({ ticketId, internal }: { ticketId: string; internal: boolean }) {
  const { t } = useTranslation();
  const invalidate = useTicketsInvalidate();
  const upload = useMutation({
    mutationFn: (file: File) => uploadTicketFile(ticketId, file, internal),
    onSuccess: async (file) => {
      await invalidate();
      notifySuccess(t('desk.work.files.added', { name: file.name }));
    },
  });
  return (
    <Stack gap={4}>
      <ProblemAlert error={upload.error} />
      <FileButton onChange={(file) => file && upload.mutate(file)}>
        {(props) => (
          <Button
            {...props}
            size="xs"
            variant="default"
            loading={upload.isPending}
            leftSection={internal ? <IconLock size={14} aria-hidden /> : <IconUpload size={14} aria-hidden />}
          >
            {internal ? t('desk.work.files.attachInternal') : t('desk.work.files.attach')}
          </Button>
        )}
      </FileButton>
    </Stack>
  );
}

export function TicketAttachments({
  ticketId,
  agent,
  canAttach,
}: {
  ticketId: string;
  /** The reader works the ticket: internal files too. */
  agent: boolean;
  /** The ticket takes files (not closed). */
  canAttach: boolean;
}) {
  const { t } = useTranslation();
  const shown = useTicketFiles(ticketId, TICKET_ATTACHMENTS);
  const internal = useTicketFiles(ticketId, TICKET_INTERNAL_ATTACHMENTS, agent);
  const error = shown.error ?? internal.error;
  const files = shown.data?.items ?? [];
  const notes = agent ? (internal.data?.items ?? []) : [];
  return (
    <Stack gap="sm">
      <ProblemAlert error={error} />
      {files.length === 0 && notes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {shown.isPending ? t('common.loading') : t('desk.work.files.none')}
        </Text>
      ) : (
        <>
          <FileList files={files} internal={false} />
          <FileList files={notes} internal />
        </>
      )}
      {(canAttach || agent) && (
        <Group gap="xs">
          {canAttach && <AttachButton ticketId={ticketId} internal={false} />}
          {agent && <AttachButton ticketId={ticketId} internal />}
        </Group>
      )}
    </Stack>
  );
}

import { Alert, Anchor, Box, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconTicket, IconTrash, IconX } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InboundStatus, type InboxItem, inboxFilters } from '../../../../shared/desk/mail.ts';
import { StatusBadge, type Tone } from '../../../platform/badges.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable, FilterBar } from '../../../platform/list-page.tsx';
import { DetailList, EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { isNotFound } from '../../../platform/record-actions.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { TicketNumber } from '../tickets/parts.tsx';
import { inboxKeys, useInboundMail } from './api.ts';
import { DiscardMailDialog, TicketFromMailDialog } from './MailDialogs.tsx';
import type { InboxFilter, InboxSearch } from './search.ts';

// The inbox of received mail no ticket holds: a list (sender, subject, received, why it waits),
// the held mail by default; opening one (?mail=<id>) shows its text above the list, where an
// agent makes a ticket of it or discards it. The filter and the open mail live in the URL.

const stateTones: Record<InboundStatus, Tone> = {
  received: 'info',
  held: 'warning',
  ticket: 'positive',
  reply: 'positive',
  ignored: 'neutral',
  duplicate: 'neutral',
  discarded: 'neutral',
};

function StateBadge({ status }: { status: InboundStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={stateTones[status]}>{t(`desk.inbox.state.${status}`)}</StatusBadge>;
}

function Sender({ item }: { item: InboxItem }) {
  const { t } = useTranslation();
  if (!item.fromAddress && !item.fromName)
    return (
      <Text span size="sm" c="dimmed">
        {t('desk.inbox.noSender')}
      </Text>
    );
  return (
    <Stack gap={0}>
      <Text span size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
        {item.sender?.name || item.fromName || item.fromAddress}
      </Text>
      {item.fromAddress && (item.sender?.name || item.fromName) && (
        <Text span size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {item.fromAddress}
        </Text>
      )}
    </Stack>
  );
}

function Reason({ item }: { item: InboxItem }) {
  const { t } = useTranslation();
  return item.reason ? (
    <Text span size="sm">
      {t(`desk.inbox.reason.${item.reason}`)}
    </Text>
  ) : (
    <EmptyValue />
  );
}

export function InboxPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/_app/desk/inbox' }) as InboxSearch;
  const navigate = useNavigate({ from: '/desk/inbox' });
  const status = search.status ?? 'held';
  const list = useCursorList<InboxItem>(inboxKeys.list, '/api/v1/desk/inbound-mail', { status, limit: 50 });
  const column = (name: string) => t(`desk.inbox.column.${name}`);
  const showState = status !== 'held' && status !== 'received';
  const closeMail = () =>
    void navigate({ search: (prev: InboxSearch) => ({ ...prev, mail: undefined }), replace: true });

  return (
    <>
      <PageHeader
        title={t('desk.inbox.title')}
        description={t('desk.inbox.description')}
        breadcrumbs={[{ label: t('desk.navGroup') }, { label: t('desk.inbox.title') }]}
      />
      {search.mail && <MailSection key={search.mail} id={search.mail} onClose={closeMail} />}
      <FilterBar label={t('desk.inbox.filters')}>
        <Select
          label={t('desk.inbox.filter')}
          data={inboxFilters.map((s) => ({ value: s, label: t(`desk.inbox.status.${s}`) }))}
          value={status}
          onChange={(v) =>
            v &&
            void navigate({
              search: (prev: InboxSearch) => ({
                ...prev,
                status: v === 'held' ? undefined : (v as InboxFilter),
              }),
              replace: true,
            })
          }
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          w={280}
        />
      </FilterBar>
      <CursorTable
        list={list}
        caption={t('desk.inbox.caption')}
        colSpan={showState ? 5 : 4}
        minWidth={760}
        emptyText={status === 'held' ? t('desk.inbox.none') : t('desk.inbox.noneOther')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{column('sender')}</Table.Th>
            <Table.Th scope="col">{column('subject')}</Table.Th>
            <Table.Th scope="col">{column('received')}</Table.Th>
            <Table.Th scope="col">{column('reason')}</Table.Th>
            {showState && <Table.Th scope="col">{column('state')}</Table.Th>}
          </Table.Tr>
        }
      >
        {list.items.map((item) => (
          <Table.Tr key={item.id} aria-current={item.id === search.mail ? 'true' : undefined}>
            <Table.Td>
              <Sender item={item} />
            </Table.Td>
            <Table.Td>
              <RouterAnchor
                to="/desk/inbox"
                search={(prev: InboxSearch) => ({ ...prev, mail: item.id })}
                fw={500}
                size="sm"
                style={{ overflowWrap: 'anywhere' }}
              >
                {item.subject || t('desk.inbox.noSubject')}
              </RouterAnchor>
              {item.attachments.length > 0 && (
                <Text size="xs" c="dimmed">
                  {t('desk.inbox.message.attachments')}: {f.number(item.attachments.length)}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
                {f.dateTime(item.receivedAt)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Reason item={item} />
            </Table.Td>
            {showState && (
              <Table.Td>
                <StateBadge status={item.status} />
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </CursorTable>
    </>
  );
}

/** One received mail: who sent it, why it waits, its text, and what an agent may do with it. */
function MailSection({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  const [dialog, setDialog] = useState<'ticket' | 'discard' | null>(null);
  const mail = useInboundMail(id);
  const loaded = !!mail.data;
  // Opening a mail moves the focus to it, so a keyboard or screen reader user lands on what opened.
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);
  const m = mail.data;
  const label = (name: string) => t(`desk.inbox.message.${name}`);

  return (
    <Paper component="section" aria-labelledby="inbox-mail-title" withBorder p="lg" mb="md">
      {mail.error ? (
        <Stack>
          {isNotFound(mail.error) ? (
            <Alert color="orange" variant="light" role="alert">
              {label('notFound')}
            </Alert>
          ) : (
            <ProblemAlert error={mail.error} />
          )}
          <Group>
            <Button variant="default" leftSection={<IconX size={16} aria-hidden />} onClick={onClose}>
              {label('close')}
            </Button>
          </Group>
        </Stack>
      ) : !m ? (
        <Text size="sm" c="dimmed" role="status" id="inbox-mail-title">
          {t('common.loading')}
        </Text>
      ) : (
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
            <Box style={{ minWidth: 0, flex: '1 1 320px' }}>
              <Title
                order={2}
                id="inbox-mail-title"
                ref={heading}
                tabIndex={-1}
                style={{ overflowWrap: 'anywhere', outlineOffset: 4 }}
              >
                {m.subject || t('desk.inbox.noSubject')}
              </Title>
              <Group gap="xs" mt={4}>
                <StateBadge status={m.status} />
                {m.reason && (
                  <Text span size="sm" c="dimmed">
                    {t(`desk.inbox.reason.${m.reason}`)}
                  </Text>
                )}
              </Group>
            </Box>
            <Group gap="xs">
              {m.can.ticket && (
                <Button
                  leftSection={<IconTicket size={16} aria-hidden />}
                  onClick={() => setDialog('ticket')}
                >
                  {t('desk.inbox.ticket.action')}
                </Button>
              )}
              {m.can.discard && (
                <Button
                  variant="default"
                  color="red.9"
                  leftSection={<IconTrash size={16} aria-hidden />}
                  onClick={() => setDialog('discard')}
                >
                  {t('desk.inbox.discard.action')}
                </Button>
              )}
              <Button variant="subtle" leftSection={<IconX size={16} aria-hidden />} onClick={onClose}>
                {label('close')}
              </Button>
            </Group>
          </Group>
          <DetailList
            items={[
              {
                label: label('from'),
                value: m.fromAddress
                  ? `${m.fromName ? `${m.fromName} ` : ''}<${m.fromAddress}>`
                  : t('desk.inbox.noSender'),
              },
              { label: label('person'), value: m.sender?.name || label('notPerson') },
              { label: label('to'), value: m.envelopeTo.join(', ') },
              { label: label('received'), value: f.dateTime(m.receivedAt) },
              ...(m.ticket
                ? [
                    {
                      label: label('ticket'),
                      value: (
                        <RouterAnchor
                          to="/desk/tickets/$ticketId"
                          params={{ ticketId: m.ticket.id }}
                          size="sm"
                        >
                          <TicketNumber number={m.ticket.number} />
                        </RouterAnchor>
                      ),
                    },
                  ]
                : []),
              ...(m.handledBy && m.handledAt
                ? [
                    {
                      label: label('state'),
                      value: t('desk.inbox.message.handled', {
                        name: m.handledBy,
                        at: f.dateTime(m.handledAt),
                      }),
                    },
                  ]
                : []),
              ...(m.discardReason ? [{ label: label('discardReason'), value: m.discardReason }] : []),
              {
                label: label('attachments'),
                value:
                  m.attachments.length > 0
                    ? m.attachments.map((a) => a.name).join(', ')
                    : label('noAttachments'),
              },
            ]}
          />
          <Box component="section" aria-labelledby="inbox-mail-text">
            <Title order={3} size="h4" id="inbox-mail-text" mb="xs">
              {label('text')}
            </Title>
            {m.text ? (
              <Paper withBorder p="md" bg="gray.0">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {m.text}
                </Text>
              </Paper>
            ) : (
              <Text size="sm" c="dimmed">
                {label('noText')}
              </Text>
            )}
          </Box>
          <Group>
            <Anchor
              href={`/api/v1/desk/inbound-mail/${m.id}/raw`}
              download
              size="sm"
              style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
            >
              <IconDownload size={16} aria-hidden />
              {label('raw')}
            </Anchor>
          </Group>
          <TicketFromMailDialog
            opened={dialog === 'ticket'}
            onClose={() => setDialog(null)}
            mail={m}
            onReload={() => mail.refetch()}
            onDone={() => heading.current?.focus()}
          />
          <DiscardMailDialog
            opened={dialog === 'discard'}
            onClose={() => setDialog(null)}
            mail={m}
            onReload={() => mail.refetch()}
            onDone={() => heading.current?.focus()}
          />
        </Stack>
      )}
    </Paper>
  );
}

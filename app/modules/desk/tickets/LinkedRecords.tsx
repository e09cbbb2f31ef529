import { ActionIcon, Badge, Box, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconUnlink } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type LinkRelation,
  linkCreate,
  linkRelations,
  type TicketLink,
} from '../../../../shared/desk/links.ts';
import type { Ticket } from '../../../../shared/desk/tickets.ts';
import { api } from '../../../platform/api.ts';
import { StatusBadge } from '../../../platform/badges.tsx';
import { Dialog, DialogFooter, useClientErrors } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { focusFirstInvalid } from '../../../platform/form.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { useTicketsInvalidate } from '../api.ts';
import { type Named, TicketSelect } from '../inputs.tsx';
import { TicketNumber, TicketStatusBadge } from './parts.tsx';
import { useLinks } from './work-api.ts';

// A ticket's linked records, grouped by what the other ticket is to this one: a problem's
// incidents, an incident's problem (with its workaround when it is a known error), a major
// incident's affected tickets, parents, children, duplicates and related tickets. Linking and
// unlinking are the agents' (the server checks that they work both tickets).

/** The relations a ticket of this type offers first when linking (the rest follow). */
function relationsFor(ticket: Ticket): LinkRelation[] {
  const first: LinkRelation[] =
    ticket.type === 'problem'
      ? ['causes']
      : ticket.type === 'incident'
        ? ticket.major
          ? ['parentOf', 'causedBy']
          : ['causedBy', 'childOf', 'duplicateOf']
        : [];
  return [...first, ...linkRelations.filter((r) => !first.includes(r))];
}

/** The heading of a group of links: a problem's "Incidents it causes", a major incident's "Affected". */
function groupTitle(t: (key: string) => string, relation: LinkRelation, ticket: Ticket) {
  if (relation === 'parentOf' && ticket.major) return t('desk.work.links.group.affected');
  return t(`desk.work.links.group.${relation}`);
}

export function LinkDialog({
  ticket,
  opened,
  onClose,
}: {
  ticket: Ticket;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const choices = relationsFor(ticket);
  const [relation, setRelation] = useState<LinkRelation>(choices[0]!);
  const [other, setOther] = useState<Named | null>(null);
  // Each opening offers what fits the ticket as it is now (marked major since the page opened).
  // biome-ignore lint/correctness/useExhaustiveDependencies: on opening only
  useEffect(() => {
    if (opened) setRelation(relationsFor(ticket)[0]!);
  }, [opened]);
  const client = useClientErrors();
  const invalidate = useTicketsInvalidate();
  const body = () => ({ relation, ticketId: other?.id ?? '' });
  const save = useMutation({
    mutationFn: () => api.post<TicketLink>(`/api/v1/tickets/${ticket.id}/links`, body()),
    onSuccess: async (link) => {
      await invalidate();
      notifySuccess(t('desk.work.links.done', { number: link.ticket.number }));
      close();
    },
  });
  const errors = { ...useFieldErrors(save.error), ...client.errors };
  function close() {
    setOther(null);
    setRelation(choices[0]!);
    save.reset();
    client.clear();
    onClose();
  }
  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={t('desk.work.links.dialogTitle', { number: ticket.number })}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (client.check(linkCreate, body())) save.mutate();
          else focusFirstInvalid(e.currentTarget);
        }}
      >
        <Stack>
          <ProblemAlert error={save.error} fields={['relation', 'ticketId']} />
          <Select
            label={t('desk.work.links.relation', { number: ticket.number })}
            data={choices.map((r) => ({ value: r, label: t(`desk.work.links.relationOption.${r}`) }))}
            value={relation}
            onChange={(v) => v && setRelation(v as LinkRelation)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            error={errors.relation}
          />
          <TicketSelect
            label={t('desk.work.links.other')}
            description={t('desk.work.links.otherHelp')}
            placeholder={t('desk.work.links.otherPlaceholder')}
            value={other}
            onChange={setOther}
            error={errors.ticketId ? t('desk.work.links.chooseTicket') : undefined}
            required
          />
          <DialogFooter onCancel={close} label={t('desk.work.links.submit')} loading={save.isPending} />
        </Stack>
      </form>
    </Dialog>
  );
}

function UnlinkDialog({
  ticket,
  link,
  onClose,
}: {
  ticket: Ticket;
  link: TicketLink | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const invalidate = useTicketsInvalidate();
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/tickets/${ticket.id}/links/${id}`),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('desk.work.links.removed'));
      close();
    },
  });
  function close() {
    remove.reset();
    onClose();
  }
  return (
    <Dialog opened={link !== null} onClose={close} title={t('desk.work.links.removeTitle')}>
      <Stack>
        <ProblemAlert error={remove.error} />
        {link && (
          <Text size="sm">
            {t('desk.work.links.removeHelp', {
              relation: t(`desk.work.links.relationText.${link.relation}`),
              number: link.ticket.number,
            })}
          </Text>
        )}
        <DialogFooter
          onCancel={close}
          label={t('desk.work.links.remove')}
          color="red.9"
          loading={remove.isPending}
          onConfirm={() => link && remove.mutate(link.id)}
        />
      </Stack>
    </Dialog>
  );
}

function LinkItem({
  link,
  canChange,
  onRemove,
}: {
  link: TicketLink;
  canChange: boolean;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const other = link.ticket;
  return (
    <li>
      <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
        <Box style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            {other.readable ? (
              <RouterAnchor to="/desk/tickets/$ticketId" params={{ ticketId: other.id }}>
                <TicketNumber number={other.number} />
              </RouterAnchor>
            ) : (
              <TicketNumber number={other.number} />
            )}
            <TicketStatusBadge status={other.status} />
            {other.major && (
              <Badge color="red.9" variant="filled" radius="sm">
                {t('desk.tickets.major')}
              </Badge>
            )}
            {other.type === 'problem' && other.knownError && (
              <StatusBadge tone="warning">{t('desk.tickets.field.knownError')}</StatusBadge>
            )}
          </Group>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {other.readable ? other.title : t('desk.work.links.notReadable')}
          </Text>
          {other.requester && (
            <Text size="xs" c="dimmed">
              {t('desk.work.links.requester', { name: other.requester.name })}
            </Text>
          )}
          {other.workaround && (
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              <Text span fw={600} size="sm">
                {t('desk.tickets.field.workaround')}:
              </Text>{' '}
              {other.workaround}
            </Text>
          )}
        </Box>
        {canChange && (
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={onRemove}
            aria-label={t('desk.work.links.removeLabel', { number: other.number })}
          >
            <IconUnlink size={16} aria-hidden />
          </ActionIcon>
        )}
      </Group>
    </li>
  );
}

export function LinkedRecords({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const links = useLinks(ticket.id);
  const [removing, setRemoving] = useState<TicketLink | null>(null);
  if (links.error) return <ProblemAlert error={links.error} />;
  const items = links.data?.items ?? [];
  if (!links.data)
    return (
      <Text size="sm" c="dimmed">
        {t('common.loading')}
      </Text>
    );
  const groups = linkRelations
    .map((relation) => ({ relation, items: items.filter((l) => l.relation === relation) }))
    .filter((g) => g.items.length > 0);
  return (
    <Stack gap="md">
      {groups.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('desk.work.links.none')}
        </Text>
      )}
      {groups.map((group) => (
        <Box key={group.relation}>
          <Title order={3} size="h5" mb={6}>
            {groupTitle(t, group.relation, ticket)} ({group.items.length})
          </Title>
          <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
            {group.items.map((link) => (
              <LinkItem
                key={link.id}
                link={link}
                canChange={ticket.can.readInternal}
                onRemove={() => setRemoving(link)}
              />
            ))}
          </Stack>
        </Box>
      ))}
      <UnlinkDialog ticket={ticket} link={removing} onClose={() => setRemoving(null)} />
    </Stack>
  );
}

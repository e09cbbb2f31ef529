import { Alert, Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { IconRefresh, IconStar, IconStarFilled } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Ticket, ticketRating, ticketReopen } from '../../../../shared/desk/tickets.ts';
import { api } from '../../../platform/api.ts';
import { Dialog, DialogFooter, useClientErrors } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { focusFirstInvalid } from '../../../platform/form.ts';
import { useFormat } from '../../../platform/format.ts';
import { notifySuccess } from '../../../platform/notify.ts';
import { DetailList, PageHeader, Section } from '../../../platform/page.tsx';
import { RecordFallback } from '../../../platform/record-actions.tsx';
import { useTicket, useTicketsInvalidate } from '../api.ts';
import { TicketAttachments } from '../tickets/Attachments.tsx';
import { Composer } from '../tickets/Composer.tsx';
import { TicketNumber, TicketStatusBadge } from '../tickets/parts.tsx';
import { Timeline } from '../tickets/Timeline.tsx';
import { BillableTimeSection } from '../tickets/TimePanel.tsx';

// A ticket as its requester follows it: where it stands in words, what the desk wrote (the
// public timeline; internal notes never reach the requester), a reply, reopening a solved ticket
// with a reason, and rating the resolution 1–5 as a group of radio buttons (stars only decorate).

function ReopenDialog({
  ticket,
  opened,
  onClose,
  onReload,
}: {
  ticket: Ticket;
  opened: boolean;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const client = useClientErrors();
  const invalidate = useTicketsInvalidate();
  const reopen = useMutation({
    mutationFn: () =>
      api.post<Ticket>(`/api/v1/tickets/${ticket.id}/reopen`, { version: ticket.version, reason }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('desk.portal.reopen.done'));
      close();
    },
  });
  const errors = { ...useFieldErrors(reopen.error), ...client.errors };
  function close() {
    setReason('');
    reopen.reset();
    client.clear();
    onClose();
  }
  return (
    <Dialog opened={opened} onClose={close} title={t('desk.portal.reopen.title', { number: ticket.number })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (client.check(ticketReopen, { version: ticket.version, reason })) reopen.mutate();
          else focusFirstInvalid(e.currentTarget);
        }}
      >
        <Stack>
          <Text size="sm">{t('desk.portal.reopen.help')}</Text>
          <ProblemAlert
            error={reopen.error}
            fields={['reason']}
            onReload={() => void onReload().then(() => reopen.reset())}
          />
          <Textarea
            label={t('desk.portal.reopen.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            required
            autosize
            minRows={3}
            maxLength={4000}
            data-autofocus
          />
          <DialogFooter onCancel={close} label={t('desk.portal.reopen.submit')} loading={reopen.isPending} />
        </Stack>
      </form>
    </Dialog>
  );
}

function Stars({ value }: { value: number }) {
  return (
    <Group gap={2} aria-hidden wrap="nowrap">
      {[1, 2, 3, 4, 5].map((n) =>
        n <= value ? (
          <IconStarFilled key={n} size={16} color="#8a6d00" />
        ) : (
          <IconStar key={n} size={16} color="#6b7280" />
        ),
      )}
    </Group>
  );
}

function RatingForm({ ticket, onReload }: { ticket: Ticket; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [rating, setRating] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const client = useClientErrors();
  const invalidate = useTicketsInvalidate();
  const body = () => ({
    version: ticket.version,
    rating: Number(rating ?? 0),
    comment: comment.trim() || null,
  });
  const rate = useMutation({
    mutationFn: () => api.post<Ticket>(`/api/v1/tickets/${ticket.id}/rating`, body()),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('desk.portal.rating.done'));
    },
  });
  const errors = { ...useFieldErrors(rate.error), ...client.errors };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (client.check(ticketRating, body())) rate.mutate();
        else focusFirstInvalid(e.currentTarget);
      }}
    >
      <Stack gap="sm">
        <ProblemAlert
          error={rate.error}
          fields={['rating', 'comment']}
          onReload={() => void onReload().then(() => rate.reset())}
        />
        <Radio.Group
          label={t('desk.portal.rating.question')}
          value={rating}
          onChange={setRating}
          error={errors.rating ? t('desk.portal.rating.choose') : undefined}
          required
        >
          <Stack gap="xs" mt="xs">
            {[5, 4, 3, 2, 1].map((n) => (
              <Radio
                key={n}
                value={String(n)}
                label={
                  <Group gap="xs" wrap="nowrap">
                    <Stars value={n} />
                    <span>{t(`desk.portal.rating.level${n}`)}</span>
                  </Group>
                }
              />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('desk.portal.rating.comment')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={errors.comment}
          autosize
          minRows={2}
          maxLength={4000}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={rate.isPending}>
            {t('desk.portal.rating.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PortalTicketPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { ticketId } = useParams({ from: '/_app/portal/tickets/$ticketId' });
  const query = useTicket(ticketId);
  const [reopening, setReopening] = useState(false);
  const ticket = query.data;
  if (!ticket) return <RecordFallback error={query.error} />;
  const reload = () => query.refetch();
  const waitingForMe = ticket.status === 'waitingRequester';

  return (
    <>
      <PageHeader
        title={
          <>
            <TicketNumber number={ticket.number} /> {ticket.title}
          </>
        }
        documentTitle={`${ticket.number} ${ticket.title}`}
        breadcrumbs={[
          { label: t('desk.navGroup') },
          { label: t('desk.portal.mine.title'), to: '/portal/tickets' },
          { label: ticket.number },
        ]}
        badges={<TicketStatusBadge status={ticket.status} />}
        actions={
          ticket.can.reopen ? (
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} aria-hidden />}
              onClick={() => setReopening(true)}
            >
              {t('desk.portal.reopen.open')}
            </Button>
          ) : undefined
        }
      />
      <Stack gap="md" maw={960}>
        {waitingForMe && (
          <Alert color="orange" variant="light" title={t('desk.portal.ticket.waitingTitle')}>
            {t('desk.portal.ticket.waiting')}
          </Alert>
        )}
        <Section id="ticket-about" title={t('desk.portal.ticket.about')}>
          <Stack gap="md">
            <DetailList
              items={[
                {
                  label: t('desk.tickets.field.status'),
                  value: t(`desk.portal.statusText.${ticket.status}`),
                },
                { label: t('desk.tickets.field.createdAt'), value: f.dateTime(ticket.createdAt) },
                { label: t('desk.tickets.field.system'), value: ticket.system?.name },
                { label: t('desk.portal.ticket.handledBy'), value: ticket.group?.name },
                { label: t('desk.tickets.field.solvedAt'), value: f.dateTime(ticket.solvedAt) },
              ]}
            />
            {ticket.description && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {ticket.description}
              </Text>
            )}
          </Stack>
        </Section>
        {ticket.can.rate && ticket.rating === null && (
          <Section
            id="ticket-rating"
            title={t('desk.portal.rating.title')}
            description={t('desk.portal.rating.help')}
          >
            <RatingForm ticket={ticket} onReload={reload} />
          </Section>
        )}
        {ticket.rating !== null && (
          <Section id="ticket-rating" title={t('desk.portal.rating.title')}>
            <Group gap="sm">
              <Stars value={ticket.rating} />
              <Text size="sm">{t('desk.portal.rating.given', { rating: ticket.rating })}</Text>
            </Group>
            {ticket.ratingComment && (
              <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                {ticket.ratingComment}
              </Text>
            )}
          </Section>
        )}
        <Section id="ticket-files" title={t('desk.work.files.title')}>
          <TicketAttachments ticketId={ticket.id} agent={false} canAttach={ticket.can.reply} />
        </Section>
        <BillableTimeSection ticketId={ticket.id} />
        <Section id="ticket-timeline" title={t('desk.portal.ticket.conversation')}>
          <Stack gap="lg">
            <Timeline ticketId={ticket.id} />
            <Composer
              ticketId={ticket.id}
              canReply={ticket.can.reply}
              canNote={false}
              requester
              replyHelp={waitingForMe ? t('desk.portal.ticket.replyResumes') : undefined}
            />
          </Stack>
        </Section>
      </Stack>
      {ticket.can.reopen && (
        <ReopenDialog
          ticket={ticket}
          opened={reopening}
          onClose={() => setReopening(false)}
          onReload={reload}
        />
      )}
    </>
  );
}

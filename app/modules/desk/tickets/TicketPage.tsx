import { Button, Grid, Group, Select, Stack, Switch, Text, Textarea } from '@mantine/core';
import { IconGitMerge, IconKeyboard, IconLink, IconUserCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Ticket,
  type TicketCategory,
  type TicketRow,
  type TicketStatus,
  ticketCategories,
  ticketStatuses,
} from '../../../../shared/desk/tickets.ts';
import { api } from '../../../platform/api.ts';
import { useMe } from '../../../platform/auth.tsx';
import { StatusBadge } from '../../../platform/badges.tsx';
import { isVersionConflict, ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { changedFields, keepEdits } from '../../../platform/form.ts';
import { useFormat } from '../../../platform/format.ts';
import { Redirect, RouterAnchor } from '../../../platform/links.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { DetailList, PageHeader, Section } from '../../../platform/page.tsx';
import { RecordFallback } from '../../../platform/record-actions.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { deskKeys, useDeskCan, useGroupOptions, useTicket, useTicketsInvalidate } from '../api.ts';
import { type Named, PersonSelect, SystemSelect } from '../inputs.tsx';
import { TicketKnowledge } from '../knowledge/Suggestions.tsx';
import { TicketAttachments } from './Attachments.tsx';
import { Composer } from './Composer.tsx';
import { LinkDialog, LinkedRecords } from './LinkedRecords.tsx';
import { MajorIncident } from './MajorIncident.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import { PriorityBadge, TicketNumber, TicketStatusBadge } from './parts.tsx';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { SlaClocks, SupplierClocks } from './Sla.tsx';
import { useShortcuts } from './shortcuts.ts';
import { Timeline } from './Timeline.tsx';
import { TimePanel } from './TimePanel.tsx';
import { useTicketActions } from './ticket-actions.ts';
import { useWatchers, type Watcher } from './work-api.ts';

// A ticket as an agent works it: the whole timeline (internal notes set apart), a reply or an
// internal note, the handling (status, group, assignee, impact, urgency …) saved with the version
// read (a stale one gets the platform's "someone else changed it" and the ticket is read again),
// and what it links to: the system's page, the requester's other tickets, and its linked records
// (problem and incidents, duplicates, parent and children), its files, a merge into another ticket,
// and for a major incident one message to every affected requester. Knowledge articles that match
// it are beside it, to insert in the reply. Other modules add their actions beside the page's own
// (`desk.ticketActions`: the portfolio's "Gör till behov" of a change). Keys: l link, m merge,
// r reply, ? the list.

interface Handling {
  status: TicketStatus;
  groupId: string | null;
  assignee: Named | null;
  impact: 1 | 2 | 3;
  urgency: 1 | 2 | 3;
  category: TicketCategory | null;
  system: Named | null;
  rootCause: string;
  workaround: string;
  knownError: boolean;
  major: boolean;
}

function handlingOf(ticket: Ticket): Handling {
  return {
    status: ticket.status,
    groupId: ticket.group?.id ?? null,
    assignee: ticket.assignee,
    impact: ticket.impact,
    urgency: ticket.urgency,
    category: ticket.category,
    system: ticket.system,
    rootCause: ticket.rootCause ?? '',
    workaround: ticket.workaround ?? '',
    knownError: ticket.knownError,
    major: ticket.major,
  };
}

/** The fields of the PATCH, from the form (problems carry their analysis too, incidents major). */
function patchOf(h: Handling, problem: boolean, incident = false) {
  return {
    status: h.status,
    groupId: h.groupId,
    assigneeId: h.assignee?.id ?? null,
    impact: h.impact,
    urgency: h.urgency,
    category: h.category,
    systemId: h.system?.id ?? null,
    ...(problem
      ? {
          rootCause: h.rootCause.trim() || null,
          workaround: h.workaround.trim() || null,
          knownError: h.knownError,
        }
      : {}),
    ...(incident ? { major: h.major } : {}),
  };
}

function HandlingForm({ ticket, onReload }: { ticket: Ticket; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const me = useMe();
  const groups = useGroupOptions();
  const invalidate = useTicketsInvalidate();
  const [values, setValues] = useState<Handling>(() => handlingOf(ticket));
  const read = useRef({ id: ticket.id, values: handlingOf(ticket) });
  const problem = ticket.type === 'problem';
  const incident = ticket.type === 'incident';
  // The form follows the ticket as read: after a save, after a conflict reloaded it, and when a
  // reply or another agent made a new version. What the person changed and has not saved stays
  // (a status chosen while a reply's new version was on its way was lost otherwise); every other
  // field takes the newer value. Another ticket starts afresh.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow a new version only
  useEffect(() => {
    const next = handlingOf(ticket);
    const before = read.current;
    read.current = { id: ticket.id, values: next };
    setValues((edited) => (before.id === ticket.id ? keepEdits(before.values, edited, next) : next));
  }, [ticket.id, ticket.version]);
  const set =
    <K extends keyof Handling>(key: K) =>
    (value: Handling[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const change = changedFields(
    patchOf(handlingOf(ticket), problem, incident),
    patchOf(values, problem, incident),
  );
  const save = useMutation({
    mutationFn: () =>
      api.patch<Ticket>(`/api/v1/tickets/${ticket.id}`, { version: ticket.version, ...change }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('common.saved'));
    },
    onError: async (error) => {
      // Someone else changed the ticket: read it again (the form follows), and say so.
      if (isVersionConflict(error)) await onReload();
    },
  });
  const errors = useFieldErrors(save.error);
  const disabled = !ticket.can.update;
  const field = (name: string) => t(`desk.tickets.field.${name}`);
  const levels = (kind: 'impact' | 'urgency') =>
    [1, 2, 3].map((l) => ({ value: String(l), label: t(`desk.tickets.${kind}.${l}`) }));
  const fixed = { comboboxProps: { withinPortal: true }, allowDeselect: false, disabled };
  const clearable = {
    clearable: true,
    clearButtonProps: { 'aria-label': t('common.clear') },
    comboboxProps: { withinPortal: true },
    disabled,
  };
  const groupData = (groups.data ?? [])
    .filter((g) => !g.archivedAt || g.id === values.groupId)
    .map((g) => ({ value: g.id, label: g.name }));
  if (ticket.group && !groupData.some((g) => g.value === ticket.group?.id))
    groupData.unshift({ value: ticket.group.id, label: ticket.group.name });

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
    >
      <Stack gap="sm">
        <ProblemAlert
          error={save.error}
          fields={['status', 'groupId', 'assigneeId', 'impact', 'urgency', 'category', 'systemId']}
          onReload={() => {
            void onReload().then(() => save.reset());
          }}
        />
        <Select
          label={field('status')}
          data={ticketStatuses.map((s) => ({ value: s, label: t(`desk.tickets.status.${s}`) }))}
          value={values.status}
          onChange={(v) => v && set('status')(v as TicketStatus)}
          error={errors.status}
          {...fixed}
        />
        <Select
          label={field('group')}
          data={groupData}
          value={values.groupId}
          onChange={set('groupId')}
          error={errors.groupId}
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          {...clearable}
        />
        <PersonSelect
          label={field('assignee')}
          value={values.assignee}
          onChange={set('assignee')}
          error={errors.assigneeId}
          disabled={disabled}
        />
        {!disabled && values.assignee?.id !== me.person.id && (
          <Group>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconUserCheck size={14} aria-hidden />}
              onClick={() => set('assignee')({ id: me.person.id, name: me.person.name })}
            >
              {t('desk.tickets.handling.takeIt')}
            </Button>
          </Group>
        )}
        <Group grow align="flex-start">
          <Select
            label={field('impact')}
            data={levels('impact')}
            value={String(values.impact)}
            onChange={(v) => v && set('impact')(Number(v) as 1 | 2 | 3)}
            error={errors.impact}
            {...fixed}
          />
          <Select
            label={field('urgency')}
            data={levels('urgency')}
            value={String(values.urgency)}
            onChange={(v) => v && set('urgency')(Number(v) as 1 | 2 | 3)}
            error={errors.urgency}
            {...fixed}
          />
        </Group>
        <Text size="xs" c="dimmed">
          {t('desk.tickets.handling.priorityHelp')}
        </Text>
        <Select
          label={field('category')}
          data={ticketCategories.map((c) => ({ value: c, label: t(`desk.tickets.category.${c}`) }))}
          value={values.category}
          onChange={(v) => set('category')((v as TicketCategory) ?? null)}
          error={errors.category}
          {...clearable}
        />
        <SystemSelect
          label={field('system')}
          value={values.system}
          onChange={set('system')}
          error={errors.systemId}
          disabled={disabled}
        />
        {incident && (
          <Switch
            label={t('desk.tickets.major')}
            description={t('desk.work.major.switchHelp')}
            checked={values.major}
            onChange={(e) => set('major')(e.currentTarget.checked)}
            disabled={disabled}
          />
        )}
        {problem && (
          <>
            <Textarea
              label={field('rootCause')}
              value={values.rootCause}
              onChange={(e) => set('rootCause')(e.currentTarget.value)}
              error={errors.rootCause}
              autosize
              minRows={2}
              maxLength={10_000}
              disabled={disabled}
            />
            <Textarea
              label={field('workaround')}
              value={values.workaround}
              onChange={(e) => set('workaround')(e.currentTarget.value)}
              error={errors.workaround}
              autosize
              minRows={2}
              maxLength={10_000}
              disabled={disabled}
            />
            <Switch
              label={field('knownError')}
              checked={values.knownError}
              onChange={(e) => set('knownError')(e.currentTarget.checked)}
              disabled={disabled}
            />
          </>
        )}
        {!disabled && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={Object.keys(change).length === 0}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function OtherTickets({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const f = useFormat();
  // A list, not a table: the column is narrow, and three facts per ticket read well stacked.
  const list = useCursorList<TicketRow>(deskKeys.ticketList, '/api/v1/tickets', {
    view: 'work',
    requesterId: ticket.requester.id,
    limit: 10,
  });
  const others = list.items.filter((row) => row.id !== ticket.id);
  if (list.error) return <ProblemAlert error={list.error} />;
  if (list.isPending)
    return (
      <Text size="sm" c="dimmed">
        {t('common.loading')}
      </Text>
    );
  if (others.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('desk.tickets.page.noOtherTickets')}
      </Text>
    );
  return (
    <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
      {others.map((row) => (
        <li key={row.id}>
          <Group gap="xs" wrap="wrap" justify="space-between">
            <RouterAnchor to="/desk/tickets/$ticketId" params={{ ticketId: row.id }}>
              <TicketNumber number={row.number} />
            </RouterAnchor>
            <TicketStatusBadge status={row.status} />
          </Group>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {row.title}
          </Text>
          <Text size="xs" c="dimmed">
            {t('desk.tickets.page.updated', { date: f.date(row.updatedAt) })}
          </Text>
        </li>
      ))}
    </Stack>
  );
}

/** A problem's analysis as it stands; it is edited under Handläggning with the rest. */
function ProblemAnalysis({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const field = (name: string) => t(`desk.tickets.field.${name}`);
  const text = (value: string | null) =>
    value ? (
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    ) : null;
  return (
    <DetailList
      items={[
        { label: field('knownError'), value: ticket.knownError ? t('common.yes') : t('common.no') },
        { label: field('rootCause'), value: text(ticket.rootCause) },
        { label: field('workaround'), value: text(ticket.workaround) },
      ]}
    />
  );
}

/** Who follows the ticket besides its requester, and from which merged ticket; null for nobody. */
function watcherText(t: TFunction, items: Watcher[]): string | null {
  if (items.length === 0) return null;
  return items
    .map(
      (w) =>
        `${w.person.name}${w.fromTicket ? ` (${t('desk.work.watchers.from', { number: w.fromTicket.number })})` : ''}`,
    )
    .join(', ');
}

export function TicketPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { ticketId } = useParams({ from: '/_app/desk/tickets/$ticketId' });
  const query = useTicket(ticketId);
  const can = useDeskCan();
  const ticket = query.data;
  // A knowledge article's link or text, on its way into the reply.
  const [insertion, setInsertion] = useState<{ text: string; n: number } | null>(null);
  const [linking, setLinking] = useState(false);
  const [merging, setMerging] = useState(false);
  const [help, setHelp] = useState(false);
  const conversation = useRef<HTMLDivElement>(null);
  const agent = !!ticket?.can.readInternal;
  const changeable = !!ticket?.can.update;
  const watchers = useWatchers(ticketId, agent);
  const contributed = useTicketActions();
  useShortcuts({
    l: () => agent && setLinking(true),
    m: () => changeable && setMerging(true),
    r: () => conversation.current?.querySelector('textarea')?.focus(),
    '?': () => setHelp(true),
  });
  // The requester's way in (a link from the global search, a mail): their own page of it.
  if (can.data && !can.data.agent) return <Redirect href={`/portal/tickets/${ticketId}`} />;
  if (!ticket) return <RecordFallback error={query.error} />;
  const field = (name: string) => t(`desk.tickets.field.${name}`);
  const shortcuts: [string, string][] = [
    ['l', t('desk.work.shortcuts.link')],
    ['m', t('desk.work.shortcuts.merge')],
    ['r', t('desk.work.shortcuts.reply')],
    ['?', t('desk.tickets.shortcuts.help')],
  ];

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
          { label: t('desk.tickets.console.title'), to: '/desk/console' },
          { label: ticket.number },
        ]}
        badges={
          <>
            <TicketStatusBadge status={ticket.status} />
            <PriorityBadge priority={ticket.priority} />
            {ticket.major && <StatusBadge tone="negative">{t('desk.tickets.major')}</StatusBadge>}
          </>
        }
        description={t(`desk.tickets.type.${ticket.type}`)}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconKeyboard size={16} aria-hidden />}
              onClick={() => setHelp(true)}
              aria-keyshortcuts="?"
            >
              {t('desk.tickets.shortcuts.title')}
            </Button>
            {agent && (
              <Button
                variant="default"
                leftSection={<IconLink size={16} aria-hidden />}
                onClick={() => setLinking(true)}
                aria-keyshortcuts="l"
              >
                {t('desk.work.links.open')}
              </Button>
            )}
            {changeable && (
              <Button
                variant="default"
                leftSection={<IconGitMerge size={16} aria-hidden />}
                onClick={() => setMerging(true)}
                aria-keyshortcuts="m"
              >
                {t('desk.work.merge.open')}
              </Button>
            )}
            {contributed.map((Action, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, see useTicketActions
              <Action key={i} ticket={ticket} />
            ))}
          </>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }} style={{ minWidth: 0 }}>
          <Stack gap="md">
            <Section id="ticket-description" title={field('description')}>
              {ticket.description ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {ticket.description}
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('desk.tickets.page.noDescription')}
                </Text>
              )}
            </Section>
            {ticket.type === 'problem' && (
              <Section
                id="ticket-analysis"
                title={t('desk.work.problem.title')}
                description={t('desk.work.problem.help')}
              >
                <ProblemAnalysis ticket={ticket} />
              </Section>
            )}
            {ticket.major && agent && (
              <Section
                id="ticket-major"
                title={t('desk.work.major.title')}
                description={t('desk.work.major.help')}
              >
                <MajorIncident ticket={ticket} onReload={() => query.refetch()} />
              </Section>
            )}
            <Section
              id="ticket-timeline"
              title={t('desk.tickets.timeline.title')}
              description={ticket.can.readInternal ? t('desk.tickets.timeline.agentHelp') : undefined}
            >
              <Stack gap="lg" ref={conversation}>
                <Timeline ticketId={ticket.id} agent={ticket.can.readInternal} />
                <Composer
                  ticketId={ticket.id}
                  canReply={ticket.can.reply}
                  canNote={ticket.can.note}
                  insertion={insertion}
                />
              </Stack>
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }} style={{ minWidth: 0 }}>
          <Stack gap="md">
            <Section id="ticket-handling" title={t('desk.tickets.handling.title')}>
              <HandlingForm ticket={ticket} onReload={() => query.refetch()} />
            </Section>
            {ticket.sla && (
              <Section id="ticket-sla" title={t('desk.tickets.sla.title')}>
                <SlaClocks sla={ticket.sla} />
              </Section>
            )}
            {ticket.supplierClocks && ticket.supplierClocks.length > 0 && (
              <Section id="ticket-supplier-sla" title={t('desk.tickets.sla.supplier.title')}>
                <SupplierClocks clocks={ticket.supplierClocks} />
              </Section>
            )}
            {ticket.can.reply && (
              <Section
                id="ticket-knowledge"
                title={t('desk.knowledge.ticket.title')}
                description={t('desk.knowledge.ticket.help')}
              >
                <TicketKnowledge
                  ticketId={ticket.id}
                  onInsert={(text) => setInsertion((p) => ({ text, n: (p?.n ?? 0) + 1 }))}
                />
              </Section>
            )}
            {agent && (
              <Section
                id="ticket-links"
                title={t('desk.work.links.title')}
                actions={
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconLink size={14} aria-hidden />}
                    onClick={() => setLinking(true)}
                  >
                    {t('desk.work.links.add')}
                  </Button>
                }
              >
                <LinkedRecords ticket={ticket} />
              </Section>
            )}
            <Section id="ticket-time" title={t('desk.time.title')} description={t('desk.time.help')}>
              <TimePanel ticketId={ticket.id} />
            </Section>
            <Section id="ticket-files" title={t('desk.work.files.title')}>
              <TicketAttachments ticketId={ticket.id} agent={agent} canAttach={ticket.can.reply} />
            </Section>
            <Section id="ticket-details" title={t('desk.tickets.page.details')}>
              <DetailList
                items={[
                  {
                    label: field('requester'),
                    value: (
                      <RouterAnchor
                        to="/people/$personId"
                        params={{ personId: ticket.requester.id }}
                        size="sm"
                      >
                        {ticket.requester.name}
                      </RouterAnchor>
                    ),
                  },
                  { label: field('onBehalfOf'), value: ticket.onBehalfOf?.name },
                  { label: t('desk.work.watchers.title'), value: watcherText(t, watchers.data?.items ?? []) },
                  {
                    label: field('unit'),
                    value: ticket.unit ? (
                      <RouterAnchor to="/units/$unitId" params={{ unitId: ticket.unit.id }} size="sm">
                        {ticket.unit.name}
                      </RouterAnchor>
                    ) : null,
                  },
                  {
                    label: field('system'),
                    value: ticket.system ? (
                      <RouterAnchor to="/systems/$systemId" params={{ systemId: ticket.system.id }} size="sm">
                        {ticket.system.name}
                      </RouterAnchor>
                    ) : null,
                  },
                  { label: field('service'), value: ticket.service?.name },
                  { label: field('channel'), value: t(`desk.tickets.channel.${ticket.channel}`) },
                  { label: field('createdAt'), value: f.dateTime(ticket.createdAt) },
                  { label: field('updatedAt'), value: f.dateTime(ticket.updatedAt) },
                  { label: field('firstResponseAt'), value: f.dateTime(ticket.firstResponseAt) },
                  { label: field('solvedAt'), value: f.dateTime(ticket.solvedAt) },
                  {
                    label: field('reopenCount'),
                    value: ticket.reopenCount ? f.number(ticket.reopenCount) : null,
                  },
                  {
                    label: field('rating'),
                    value:
                      ticket.rating !== null
                        ? `${t('desk.tickets.timeline.ratedValue', { rating: ticket.rating })}${ticket.ratingComment ? ` – ${ticket.ratingComment}` : ''}`
                        : null,
                  },
                ]}
              />
            </Section>
            <Section id="ticket-others" title={t('desk.tickets.page.otherTicketsTitle')}>
              <OtherTickets ticket={ticket} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      {agent && <LinkDialog ticket={ticket} opened={linking} onClose={() => setLinking(false)} />}
      {changeable && <MergeDialog ticket={ticket} opened={merging} onClose={() => setMerging(false)} />}
      <ShortcutHelp
        opened={help}
        onClose={() => setHelp(false)}
        shortcuts={shortcuts}
        intro={t('desk.work.shortcuts.ticketIntro')}
      />
    </>
  );
}

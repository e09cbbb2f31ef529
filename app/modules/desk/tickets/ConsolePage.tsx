import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Grid,
  Group,
  Kbd,
  NavLink,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconCheck, IconKeyboard, IconPlus, IconUserCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  statusFilters,
  type Ticket,
  type TicketRow,
  type TicketSort,
  type TicketType,
  ticketSorts,
  ticketTypes,
} from '../../../../shared/desk/tickets.ts';
import { api, type Page, query } from '../../../platform/api.ts';
import { useMe } from '../../../platform/auth.tsx';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { problemText } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable, FilterBar, SearchField } from '../../../platform/list-page.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { deskKeys, useDeskCan, useGroupOptions, useTicketsInvalidate } from '../api.ts';
import { NewTicketDialog } from './NewTicketDialog.tsx';
import { PriorityBadge, SortHeader, TicketNumber, TicketStatusBadge } from './parts.tsx';
import { SlaBadge } from './Sla.tsx';
import { useShortcuts } from './shortcuts.ts';

// The agents' console: queues (every group's open tickets counted, the reader's own, the
// unassigned), a filtered table whose filters live in the URL, bulk "assign to me" and "close",
// and keyboard shortcuts (j/k, Enter, x, /, ?) that never fire while typing.

type StatusFilter = (typeof statusFilters)[number] | 'all';

export interface ConsoleSearch {
  q?: string;
  status?: StatusFilter;
  groupId?: string;
  assignee?: 'me';
  unassigned?: boolean;
  type?: TicketType;
  priority?: 1 | 2 | 3 | 4;
  sort?: TicketSort;
  order?: 'asc' | 'desc';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOf = <T,>(values: readonly T[], v: unknown): T | undefined =>
  values.includes(v as T) ? (v as T) : undefined;

export function validateConsoleSearch(search: Record<string, unknown>): ConsoleSearch {
  const priority = Number(search.priority);
  return {
    q: typeof search.q === 'string' && search.q.trim() ? search.q.slice(0, 100) : undefined,
    status: oneOf<StatusFilter>([...statusFilters, 'all'], search.status),
    groupId: typeof search.groupId === 'string' && UUID.test(search.groupId) ? search.groupId : undefined,
    assignee: search.assignee === 'me' ? 'me' : undefined,
    unassigned: search.unassigned === true || search.unassigned === 'true' ? true : undefined,
    type: oneOf(ticketTypes, search.type),
    priority: oneOf([1, 2, 3, 4] as const, priority),
    sort: oneOf(ticketSorts, search.sort),
    order: oneOf(['asc', 'desc'] as const, search.order),
  };
}

/** The list API's parameters for the console's filters. */
function listParams(search: ConsoleSearch) {
  const status = search.status ?? 'open';
  return {
    view: 'work',
    search: search.q,
    status: status === 'all' ? undefined : status,
    groupId: search.groupId,
    assigneeId: search.assignee,
    unassigned: search.unassigned ? 'true' : undefined,
    type: search.type,
    priority: search.priority,
    sort: search.sort,
    order: search.order,
  };
}

const COUNT_LIMIT = 100;

/** How many open tickets a queue holds ("100+" beyond one page). */
function QueueCount({ params }: { params: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  const count = useQuery({
    queryKey: [...deskKeys.tickets, 'queue-count', params],
    queryFn: ({ signal }) =>
      api.get<Page<TicketRow>>(
        `/api/v1/tickets${query({ view: 'work', status: 'open', ...params, limit: COUNT_LIMIT })}`,
        { signal },
      ),
    staleTime: 15_000,
  });
  if (!count.data) return null;
  const n = count.data.items.length;
  const text = count.data.nextCursor ? `${n}+` : String(n);
  return (
    <Badge
      variant="light"
      color="gray"
      radius="sm"
      styles={{ label: { color: 'var(--mantine-color-gray-9)' } }}
    >
      {text}
      <VisuallyHidden> {t('desk.tickets.console.openCount')}</VisuallyHidden>
    </Badge>
  );
}

function Queues({
  search,
  onPick,
}: {
  search: ConsoleSearch;
  onPick: (patch: Partial<ConsoleSearch>) => void;
}) {
  const { t } = useTranslation();
  const groups = useGroupOptions();
  const none = { groupId: undefined, assignee: undefined, unassigned: undefined, status: undefined };
  const queue = (
    key: string,
    label: string,
    patch: Partial<ConsoleSearch>,
    active: boolean,
    countParams: Record<string, string | undefined>,
  ) => (
    <NavLink
      key={key}
      component="button"
      type="button"
      label={label}
      active={active}
      aria-current={active ? 'true' : undefined}
      rightSection={<QueueCount params={countParams} />}
      onClick={() => onPick({ ...none, ...patch })}
    />
  );
  const plain = !search.groupId && !search.assignee && !search.unassigned;
  return (
    <Paper withBorder p="xs" component="nav" aria-labelledby="desk-queues">
      <Title order={2} size="h4" id="desk-queues" px="xs" py={6}>
        {t('desk.tickets.console.queues')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3, xl: 1 }} spacing={4} verticalSpacing={2}>
        {queue('all', t('desk.tickets.console.allOpen'), {}, plain && !search.status, {})}
        {queue('mine', t('desk.tickets.console.mine'), { assignee: 'me' }, !!search.assignee, {
          assigneeId: 'me',
        })}
        {queue(
          'unassigned',
          t('desk.tickets.console.unassigned'),
          { unassigned: true },
          !!search.unassigned && !search.groupId,
          { unassigned: 'true' },
        )}
        {(groups.data ?? [])
          .filter((g) => !g.archivedAt)
          .map((g) => queue(g.id, g.name, { groupId: g.id }, search.groupId === g.id, { groupId: g.id }))}
      </SimpleGrid>
    </Paper>
  );
}

/** Reads each ticket for its version and changes it; reports which could not be changed. */
async function patchEach(ids: string[], change: Record<string, unknown>) {
  const failures: { id: string; number: string; error: unknown }[] = [];
  for (const id of ids) {
    let number = id;
    try {
      const ticket = await api.get<Ticket>(`/api/v1/tickets/${id}`);
      number = ticket.number;
      await api.patch(`/api/v1/tickets/${id}`, { version: ticket.version, ...change });
    } catch (error) {
      failures.push({ id, number, error });
    }
  }
  return failures;
}

export function ConsolePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const can = useDeskCan();
  const search = useSearch({ from: '/_app/desk/console' }) as ConsoleSearch;
  const navigate = useNavigate({ from: '/desk/console' });
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<ConsoleSearch>) =>
    void navigate({ search: (prev: ConsoleSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const params = listParams(search);
  const list = useCursorList<TicketRow>(deskKeys.ticketList, '/api/v1/tickets', { ...params, limit: 50 });
  const invalidate = useTicketsInvalidate();
  const groups = useGroupOptions();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [cursor, setCursor] = useState(-1);
  const [help, setHelp] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  const [creating, setCreating] = useState(false);
  const [bulk, setBulk] = useState<{
    running: boolean;
    failures: { id: string; number: string; error: unknown }[];
  }>({
    running: false,
    failures: [],
  });
  const tableRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLDivElement>(null);
  const sort = search.sort ?? 'updatedAt';
  const order = search.order ?? 'desc';
  const items = list.items;

  // A new selection of tickets (other filters) starts with nothing chosen and no row current.
  const filterKey = JSON.stringify(params);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the filters change, nothing else
  useEffect(() => {
    setSelected(new Set());
    setCursor(-1);
  }, [filterKey]);

  const links = () => [
    ...(tableRef.current?.querySelectorAll<HTMLAnchorElement>('a[data-ticket-link]') ?? []),
  ];
  const moveTo = useCallback((index: number) => {
    const all = [...(tableRef.current?.querySelectorAll<HTMLAnchorElement>('a[data-ticket-link]') ?? [])];
    if (all.length === 0) return;
    const next = Math.max(0, Math.min(all.length - 1, index));
    setCursor(next);
    all[next]?.focus();
    all[next]?.closest('tr')?.scrollIntoView({ block: 'nearest' });
  }, []);
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  useShortcuts({
    j: () => moveTo(cursor + 1),
    k: () => moveTo(cursor - 1),
    Enter: () => {
      const row = items[cursor];
      if (row) void navigate({ to: '/desk/tickets/$ticketId', params: { ticketId: row.id } });
    },
    x: () => {
      const row = items[cursor];
      if (row) toggle(row.id);
    },
    '/': () => searchRef.current?.querySelector('input')?.focus(),
    '?': () => setHelp(true),
  });

  async function runBulk(change: Record<string, unknown>, done: string) {
    const ids = [...selected];
    setBulk({ running: true, failures: [] });
    const failures = await patchEach(ids, change);
    await invalidate();
    setBulk({ running: false, failures });
    setSelected(new Set(failures.map((x) => x.id)));
    const changed = ids.length - failures.length;
    if (changed > 0) notifySuccess(t(done, { count: changed }));
  }

  if (can.data && !can.data.agent)
    return (
      <>
        <PageHeader title={t('desk.tickets.console.title')} />
        <Alert color="gray" variant="light" title={t('desk.tickets.console.notAgentTitle')}>
          {t('desk.tickets.console.notAgent')}
        </Alert>
      </>
    );

  const allChosen = items.length > 0 && items.every((row) => selected.has(row.id));
  const someChosen = items.some((row) => selected.has(row.id));
  const onSort = (column: TicketSort, next: 'asc' | 'desc') => update({ sort: column, order: next });
  const selectProps = {
    clearable: true,
    clearButtonProps: { 'aria-label': t('common.clear') },
    comboboxProps: { withinPortal: true },
  };
  const field = (name: string) => t(`desk.tickets.field.${name}`);
  const shortcuts: [string, string][] = [
    ['j', t('desk.tickets.shortcuts.next')],
    ['k', t('desk.tickets.shortcuts.previous')],
    ['Enter', t('desk.tickets.shortcuts.open')],
    ['x', t('desk.tickets.shortcuts.select')],
    ['/', t('desk.tickets.shortcuts.search')],
    ['?', t('desk.tickets.shortcuts.help')],
  ];

  return (
    <>
      <PageHeader
        title={t('desk.tickets.console.title')}
        description={t('desk.tickets.console.description')}
        breadcrumbs={[{ label: t('desk.navGroup') }, { label: t('desk.tickets.console.title') }]}
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
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('desk.tickets.create.open')}
            </Button>
          </>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, xl: 3 }}>
          <Queues
            search={search}
            onPick={(patch) => {
              update(patch);
            }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 9 }} style={{ minWidth: 0 }}>
          <FilterBar label={t('desk.tickets.console.filters')}>
            <Box ref={searchRef} style={{ flex: '1 1 260px' }}>
              <SearchField
                label={t('desk.tickets.console.search')}
                placeholder={t('desk.tickets.console.searchPlaceholder')}
                value={text}
                onChange={(value) => {
                  setText(value);
                  pushSearch(value);
                }}
              />
            </Box>
            <Select
              label={field('status')}
              data={[
                { value: 'open', label: t('desk.tickets.statusFilter.open') },
                { value: 'waiting', label: t('desk.tickets.statusFilter.waiting') },
                ...statusFilters
                  .filter((s) => s !== 'open' && s !== 'waiting')
                  .map((s) => ({ value: s, label: t(`desk.tickets.status.${s}`) })),
                { value: 'all', label: t('desk.tickets.statusFilter.all') },
              ]}
              value={search.status ?? 'open'}
              onChange={(v) => update({ status: v && v !== 'open' ? (v as StatusFilter) : undefined })}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              w={200}
            />
            <Select
              label={field('type')}
              placeholder={t('desk.tickets.console.anyType')}
              data={ticketTypes.map((type) => ({ value: type, label: t(`desk.tickets.type.${type}`) }))}
              value={search.type ?? null}
              onChange={(v) => update({ type: (v as TicketType) ?? undefined })}
              w={180}
              {...selectProps}
            />
            <Select
              label={field('priority')}
              placeholder={t('desk.tickets.console.anyPriority')}
              data={[1, 2, 3, 4].map((p) => ({ value: String(p), label: t(`desk.tickets.priority.${p}`) }))}
              value={search.priority ? String(search.priority) : null}
              onChange={(v) => update({ priority: v ? (Number(v) as 1 | 2 | 3 | 4) : undefined })}
              w={170}
              {...selectProps}
            />
            <Select
              label={field('group')}
              placeholder={t('desk.tickets.console.anyGroup')}
              data={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
              value={search.groupId ?? null}
              onChange={(v) => update({ groupId: v ?? undefined })}
              searchable
              w={200}
              {...selectProps}
            />
          </FilterBar>

          <Group justify="space-between" mb="sm" gap="sm" wrap="wrap">
            <Text size="sm" aria-live="polite">
              {t('desk.tickets.bulk.selected', { count: selected.size })}
            </Text>
            <Group gap="sm">
              <Button
                variant="default"
                leftSection={<IconUserCheck size={16} aria-hidden />}
                disabled={selected.size === 0}
                loading={bulk.running}
                onClick={() => void runBulk({ assigneeId: me.person.id }, 'desk.tickets.bulk.assigned')}
              >
                {t('desk.tickets.bulk.assignToMe')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconCheck size={16} aria-hidden />}
                disabled={selected.size === 0}
                loading={bulk.running}
                onClick={() => setConfirmClose(true)}
              >
                {t('desk.tickets.bulk.close')}
              </Button>
            </Group>
          </Group>
          {bulk.failures.length > 0 && (
            <Alert
              color="red"
              variant="light"
              role="alert"
              mb="sm"
              title={t('desk.tickets.bulk.failed', { count: bulk.failures.length })}
            >
              <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
                {bulk.failures.map((x) => (
                  <li key={x.id}>
                    {x.number}: {problemText(t, x.error)}
                  </li>
                ))}
              </ul>
            </Alert>
          )}
          <Box ref={tableRef}>
            <CursorTable
              list={list}
              caption={t('desk.tickets.console.caption')}
              colSpan={10}
              minWidth={1100}
              emptyText={t('desk.tickets.console.none')}
              head={
                <Table.Tr>
                  <Table.Th scope="col" w={40}>
                    <Checkbox
                      aria-label={t('desk.tickets.bulk.selectAll')}
                      checked={allChosen}
                      indeterminate={someChosen && !allChosen}
                      onChange={() =>
                        setSelected(allChosen ? new Set() : new Set(items.map((row) => row.id)))
                      }
                    />
                  </Table.Th>
                  <Table.Th scope="col">{field('number')}</Table.Th>
                  <Table.Th scope="col">{field('title')}</Table.Th>
                  <Table.Th scope="col">{field('requester')}</Table.Th>
                  <Table.Th scope="col">{field('system')}</Table.Th>
                  <SortHeader
                    column="priority"
                    label={field('priority')}
                    sort={sort}
                    order={order}
                    onSort={onSort}
                  />
                  <Table.Th scope="col">{field('status')}</Table.Th>
                  <SortHeader
                    column="dueAt"
                    label={field('dueAt')}
                    sort={sort}
                    order={order}
                    onSort={onSort}
                  />
                  <Table.Th scope="col">{field('group')}</Table.Th>
                  <Table.Th scope="col">{field('assignee')}</Table.Th>
                  <SortHeader
                    column="updatedAt"
                    label={field('updatedAt')}
                    sort={sort}
                    order={order}
                    onSort={onSort}
                  />
                </Table.Tr>
              }
            >
              {items.map((row, index) => (
                <Table.Tr
                  key={row.id}
                  data-current={index === cursor || undefined}
                  className="desk-row"
                  style={
                    index === cursor
                      ? { outline: '2px solid var(--mantine-color-sea-7, #0b4c80)', outlineOffset: -2 }
                      : undefined
                  }
                >
                  <Table.Td>
                    <Checkbox
                      aria-label={t('desk.tickets.bulk.select', { number: row.number })}
                      checked={selected.has(row.id)}
                      onChange={() => toggle(row.id)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <RouterAnchor
                      to="/desk/tickets/$ticketId"
                      params={{ ticketId: row.id }}
                      data-ticket-link
                      onFocus={() => setCursor(links().findIndex((a) => a.dataset.ticketId === row.id))}
                      data-ticket-id={row.id}
                    >
                      <TicketNumber number={row.number} />
                    </RouterAnchor>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere', minWidth: 220 }}>
                    <Text span size="sm">
                      {row.title}
                    </Text>
                    {row.major && (
                      <Badge ml="xs" color="red.9" variant="filled" radius="sm">
                        {t('desk.tickets.major')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text span size="sm">
                      {row.requester.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {row.system ? (
                      <Text span size="sm">
                        {row.system.name}
                      </Text>
                    ) : (
                      <EmptyValue />
                    )}
                  </Table.Td>
                  <Table.Td>
                    <PriorityBadge priority={row.priority} />
                  </Table.Td>
                  <Table.Td>
                    <TicketStatusBadge status={row.status} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <SlaBadge row={row} />
                  </Table.Td>
                  <Table.Td>
                    {row.group ? (
                      <Text span size="sm">
                        {row.group.name}
                      </Text>
                    ) : (
                      <EmptyValue />
                    )}
                  </Table.Td>
                  <Table.Td>
                    {row.assignee ? (
                      <Text span size="sm">
                        {row.assignee.name}
                      </Text>
                    ) : (
                      <EmptyValue />
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
                      <time dateTime={row.updatedAt}>{f.dateTime(row.updatedAt)}</time>
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </CursorTable>
          </Box>
        </Grid.Col>
      </Grid>

      <Dialog opened={help} onClose={() => setHelp(false)} title={t('desk.tickets.shortcuts.title')}>
        <Stack gap="sm">
          <Text size="sm">{t('desk.tickets.shortcuts.intro')}</Text>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('desk.tickets.shortcuts.key')}</Table.Th>
                <Table.Th scope="col">{t('desk.tickets.shortcuts.does')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shortcuts.map(([key, does]) => (
                <Table.Tr key={key}>
                  <Table.Td>
                    <Kbd>{key}</Kbd>
                  </Table.Td>
                  <Table.Td>{does}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            <Button onClick={() => setHelp(false)} data-autofocus>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      </Dialog>

      <Dialog
        opened={confirmClose}
        onClose={() => setConfirmClose(false)}
        title={t('desk.tickets.bulk.closeTitle', { count: selected.size })}
      >
        <Stack>
          <Text size="sm">{t('desk.tickets.bulk.closeHelp')}</Text>
          <DialogFooter
            onCancel={() => setConfirmClose(false)}
            label={t('desk.tickets.bulk.close')}
            onConfirm={() => {
              setConfirmClose(false);
              void runBulk({ status: 'closed' }, 'desk.tickets.bulk.closed');
            }}
          />
        </Stack>
      </Dialog>
      <NewTicketDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

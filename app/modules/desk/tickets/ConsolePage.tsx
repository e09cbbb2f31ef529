import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Grid,
  NavLink,
  Paper,
  Select,
  SimpleGrid,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconKeyboard, IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkChange } from '../../../../shared/desk/bulk.ts';
import {
  statusFilters,
  type TicketRow,
  type TicketSort,
  type TicketType,
  ticketTypes,
} from '../../../../shared/desk/tickets.ts';
import { useMe } from '../../../platform/auth.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable, FilterBar, SearchField } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { deskKeys, useDeskCan, useGroupOptions } from '../api.ts';
import { BulkBar, type BulkDialog, BulkDialogs, BulkFailures, useBulk } from './BulkActions.tsx';
import { NewTicketDialog } from './NewTicketDialog.tsx';
import { PriorityBadge, SortHeader, TicketNumber, TicketStatusBadge } from './parts.tsx';
import { SavedFilters } from './SavedFilters.tsx';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { SlaBadge } from './Sla.tsx';
import { type ConsoleSearch, type StatusFilter, validateConsoleSearch } from './search.ts';
import { useShortcuts } from './shortcuts.ts';
import { useQueueCounts } from './work-api.ts';

// The agents' console: queues (every group's open tickets counted, the reader's own, the
// unassigned), the agent's saved filters, a filtered table whose filters live in the URL, bulk
// changes (assign to me, to a group or an agent, a status with a text, close: one request with the
// versions the list showed, answered per ticket), and keyboard shortcuts (j/k, Enter, x, *, t, g,
// s, f, /, ?) that never fire while typing.

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

/** How many open tickets a queue holds. */
function QueueCount({ count }: { count: number | undefined }) {
  const { t } = useTranslation();
  if (count === undefined) return null;
  return (
    <Badge
      variant="light"
      color="gray"
      radius="sm"
      styles={{ label: { color: 'var(--mantine-color-gray-9)' } }}
    >
      {count}
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
  // Every queue the agent works with its open tickets counted, in one request (GET /api/v1/desk/queues).
  const counts = useQueueCounts();
  const none = { groupId: undefined, assignee: undefined, unassigned: undefined, status: undefined };
  const queue = (
    key: string,
    label: string,
    patch: Partial<ConsoleSearch>,
    active: boolean,
    count: number | undefined,
  ) => (
    <NavLink
      key={key}
      component="button"
      type="button"
      label={label}
      active={active}
      aria-current={active ? 'true' : undefined}
      rightSection={<QueueCount count={count} />}
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
        {queue('all', t('desk.tickets.console.allOpen'), {}, plain && !search.status, counts.data?.all)}
        {queue(
          'mine',
          t('desk.tickets.console.mine'),
          { assignee: 'me' },
          !!search.assignee,
          counts.data?.mine,
        )}
        {queue(
          'unassigned',
          t('desk.tickets.console.unassigned'),
          { unassigned: true },
          !!search.unassigned && !search.groupId,
          counts.data?.unassigned,
        )}
        {(counts.data?.groups ?? []).map((g) =>
          queue(g.id, g.name, { groupId: g.id }, search.groupId === g.id, g.open),
        )}
      </SimpleGrid>
    </Paper>
  );
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
  const groups = useGroupOptions();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [cursor, setCursor] = useState(-1);
  const [help, setHelp] = useState(false);
  const [creating, setCreating] = useState(false);
  const [dialog, setDialog] = useState<BulkDialog>(null);
  // Those not changed stay chosen, to try again or look at.
  const bulk = useBulk((failed) => setSelected(new Set(failed)));
  const tableRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLDivElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
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
    '*': () =>
      setSelected((current) =>
        items.length > 0 && items.every((row) => current.has(row.id))
          ? new Set()
          : new Set(items.map((row) => row.id)),
      ),
    t: () => selected.size > 0 && runBulk({ assigneeId: me.person.id }, 'desk.tickets.bulk.assigned'),
    g: () => selected.size > 0 && setDialog('assign'),
    s: () => selected.size > 0 && setDialog('status'),
    f: () => filterRef.current?.focus(),
    '/': () => searchRef.current?.querySelector('input')?.focus(),
    '?': () => setHelp(true),
  });

  /** The chosen tickets of the list, with the versions it showed. */
  const chosenRows = () => items.filter((row) => selected.has(row.id));
  function runBulk(change: BulkChange, done: string) {
    void bulk.run(chosenRows(), change, done);
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
    ['*', t('desk.work.shortcuts.selectAll')],
    ['t', t('desk.work.shortcuts.assignToMe')],
    ['g', t('desk.work.shortcuts.assign')],
    ['s', t('desk.work.shortcuts.status')],
    ['f', t('desk.work.shortcuts.filters')],
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
          <SavedFilters
            search={validateConsoleSearch(search as Record<string, unknown>)}
            onApply={(saved) => {
              setText(saved.q ?? '');
              void navigate({ search: saved, replace: true });
            }}
            selectRef={filterRef}
          />
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

          <BulkBar
            count={selected.size}
            running={bulk.running}
            onAssignToMe={() => runBulk({ assigneeId: me.person.id }, 'desk.tickets.bulk.assigned')}
            onOpen={setDialog}
          />
          <BulkFailures failures={bulk.failures} error={bulk.error} />
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

      <ShortcutHelp
        opened={help}
        onClose={() => setHelp(false)}
        shortcuts={shortcuts}
        intro={t('desk.tickets.shortcuts.intro')}
      />
      <BulkDialogs
        dialog={dialog}
        count={selected.size}
        onClose={() => setDialog(null)}
        onSubmit={(change, done) => runBulk(change, done)}
      />
      <NewTicketDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

import { Paper, SegmentedControl, Select, Switch, Table, Text, UnstyledButton } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Unit, type UnitKind, unitKinds } from '../../../shared/directory.ts';
import { useAuth } from '../auth.tsx';
import { RouterAnchor } from '../links.tsx';
import { CursorTable, FilterBar, ListActions, SearchField } from '../list-page.tsx';
import { EmptyValue, PageHeader } from '../page.tsx';
import { useCursorList } from '../table.tsx';
import { useUnitIndex } from './api.ts';
import { ArchivedBadge, UnitKindBadge, UnitLink } from './parts.tsx';
import type { UnitsSearch } from './search.ts';
import { UnitFormModal } from './UnitForms.tsx';

// Units: a searchable, filterable table (keyset pages), or the organisation as a tree.

interface TreeContext {
  sorted: (list: Unit[] | undefined) => Unit[];
  children: Map<string | null, Unit[]>;
  isOpen: (id: string) => boolean;
  toggle: (id: string) => void;
}

/** One level of the organisation tree: a list of links, each with a disclosure button for its sub-units. */
function TreeLevel({ parentId, depth, tree }: { parentId: string | null; depth: number; tree: TreeContext }) {
  const { t } = useTranslation();
  const items = tree.sorted(tree.children.get(parentId));
  if (items.length === 0) return null;
  return (
    <ul style={{ listStyle: 'none', margin: 0, paddingInlineStart: depth === 0 ? 0 : 22 }}>
      {items.map((unit) => {
        const kids = tree.sorted(tree.children.get(unit.id));
        const open = tree.isOpen(unit.id);
        return (
          <li key={unit.id}>
            <div className="styrbord-tree-node">
              {kids.length > 0 ? (
                <UnstyledButton
                  aria-expanded={open}
                  aria-label={
                    open ? t('units.collapse', { name: unit.name }) : t('units.expand', { name: unit.name })
                  }
                  onClick={() => tree.toggle(unit.id)}
                  style={{ display: 'inline-flex', padding: 2, borderRadius: 4 }}
                >
                  {open ? (
                    <IconChevronDown size={16} aria-hidden />
                  ) : (
                    <IconChevronRight size={16} aria-hidden />
                  )}
                </UnstyledButton>
              ) : (
                <span style={{ width: 20, display: 'inline-block' }} />
              )}
              <RouterAnchor
                to="/units/$unitId"
                params={{ unitId: unit.id }}
                size="sm"
                fw={depth === 0 ? 600 : 400}
              >
                {unit.name}
              </RouterAnchor>
              <UnitKindBadge kind={unit.kind} />
              {unit.archivedAt && <ArchivedBadge />}
              {kids.length > 0 && (
                <Text span size="xs" c="dimmed">
                  {t('units.childCount', { count: kids.length })}
                </Text>
              )}
            </div>
            {open && <TreeLevel parentId={unit.id} depth={depth + 1} tree={tree} />}
          </li>
        );
      })}
    </ul>
  );
}

function UnitTree({ includeArchived, filter }: { includeArchived: boolean; filter: string }) {
  const { t } = useTranslation();
  const { children, isPending, byId, pathOf } = useUnitIndex();
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const visible = (u: Unit) => includeArchived || !u.archivedAt;
  const needle = filter.trim().toLocaleLowerCase('sv-SE');
  // With a search, show the matches and the path down to them.
  const shown = new Set<string>();
  if (needle) {
    for (const unit of byId.values()) {
      if (visible(unit) && unit.name.toLocaleLowerCase('sv-SE').includes(needle))
        for (const u of pathOf(unit.id)) shown.add(u.id);
    }
  }
  const tree: TreeContext = {
    children,
    sorted: (list) =>
      (list ?? [])
        .filter((u) => visible(u) && (!needle || shown.has(u.id)))
        .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    isOpen: (id) => !!needle || !collapsed.has(id),
    toggle: (id) =>
      setCollapsed((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
  };

  if (isPending) return <Text c="dimmed">{t('common.loading')}</Text>;
  return (
    <section aria-label={t('units.treeLabel')}>
      <TreeLevel parentId={null} depth={0} tree={tree} />
      {tree.sorted(children.get(null)).length === 0 && (
        <Text c="dimmed" size="sm">
          {t('common.nothingFound')}
        </Text>
      )}
    </section>
  );
}

export function UnitsPage() {
  const { t } = useTranslation();
  const { isAdmin } = useAuth();
  const search = useSearch({ from: '/_app/units' });
  const navigate = useNavigate({ from: '/units' });
  const [text, setText] = useState(search.q ?? '');
  const [creating, setCreating] = useState(false);
  const update = (patch: Partial<UnitsSearch>) =>
    void navigate({ search: (prev: UnitsSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);

  const params = { search: search.q, kind: search.kind, includeArchived: search.archived };
  const list = useCursorList<Unit>(
    ['units', 'list'],
    '/api/v1/units',
    { ...params, limit: 50 },
    { enabled: search.view !== 'tree' },
  );

  return (
    <>
      <PageHeader
        title={t('units.title')}
        description={t('units.description')}
        breadcrumbs={[{ label: t('nav.organisation') }, { label: t('units.title') }]}
        actions={
          <ListActions
            exportPath="/api/v1/units/export"
            exportParams={params}
            create={
              isAdmin
                ? {
                    icon: <IconPlus size={16} aria-hidden />,
                    label: t('unit.new'),
                    onClick: () => setCreating(true),
                  }
                : undefined
            }
          />
        }
      />
      <FilterBar label={t('units.filters')}>
        <SearchField
          label={t('units.search')}
          placeholder={t('units.searchPlaceholder')}
          value={text}
          onChange={(value) => {
            setText(value);
            pushSearch(value);
          }}
        />
        <Select
          label={t('field.kind')}
          placeholder={t('units.allKinds')}
          data={unitKinds.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
          value={search.kind ?? null}
          onChange={(v) => update({ kind: (v as UnitKind) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          w={220}
        />
        <Switch
          label={t('units.includeArchived')}
          checked={!!search.archived}
          onChange={(e) => update({ archived: e.currentTarget.checked || undefined })}
          mb={8}
        />
        <SegmentedControl
          aria-label={t('units.view')}
          value={search.view ?? 'list'}
          onChange={(v) => update({ view: v === 'tree' ? 'tree' : undefined })}
          data={[
            { value: 'list', label: t('units.viewList') },
            { value: 'tree', label: t('units.viewTree') },
          ]}
          mb={2}
        />
      </FilterBar>

      {search.view === 'tree' ? (
        <Paper withBorder p="md">
          <UnitTree includeArchived={!!search.archived} filter={text} />
        </Paper>
      ) : (
        <CursorTable
          list={list}
          caption={t('units.caption')}
          colSpan={search.archived ? 6 : 5}
          minWidth={760}
          emptyText={search.q || search.kind ? t('units.noneMatch') : t('units.none')}
          head={
            <Table.Tr>
              <Table.Th scope="col">{t('field.name')}</Table.Th>
              <Table.Th scope="col">{t('field.kind')}</Table.Th>
              <Table.Th scope="col">{t('field.parentId')}</Table.Th>
              <Table.Th scope="col">{t('field.costCentre')}</Table.Th>
              <Table.Th scope="col">{t('units.colOrgNumber')}</Table.Th>
              {search.archived && <Table.Th scope="col">{t('common.status')}</Table.Th>}
            </Table.Tr>
          }
        >
          {list.items.map((unit) => (
            <Table.Tr key={unit.id}>
              <Table.Td>
                <RouterAnchor to="/units/$unitId" params={{ unitId: unit.id }} fw={500} size="sm">
                  {unit.name}
                </RouterAnchor>
              </Table.Td>
              <Table.Td>
                <UnitKindBadge kind={unit.kind} />
              </Table.Td>
              <Table.Td>
                <UnitLink id={unit.parentId} />
              </Table.Td>
              <Table.Td>{unit.costCentre ?? <EmptyValue />}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{unit.orgNumber ?? <EmptyValue />}</Table.Td>
              {search.archived && (
                <Table.Td>
                  {unit.archivedAt ? <ArchivedBadge /> : <Text size="sm">{t('common.active')}</Text>}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </CursorTable>
      )}
      <UnitFormModal opened={creating} onClose={() => setCreating(false)} unit={null} />
    </>
  );
}

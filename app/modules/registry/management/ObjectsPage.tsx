import { Switch, Table } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagementObject, ManagementObjectSort } from '../../../../shared/registry/management.ts';
import { PersonLink } from '../../../platform/directory/parts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable, FilterBar, ListActions, SearchField } from '../../../platform/list-page.tsx';
import { PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { useRegistryCan } from '../systems/api.ts';
import { SortHeader } from '../systems/parts.tsx';
import { managementKeys, useManagementInvalidate } from './api.ts';
import { ObjectFormModal } from './ObjectForm.tsx';
import type { ObjectsSearch } from './search.ts';

// Förvaltningsobjekt: a searchable, sortable table of keyset pages, filters and sort in the URL,
// exportable.

export function ObjectsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/_app/management-objects' });
  const navigate = useNavigate({ from: '/management-objects' });
  const [text, setText] = useState(search.q ?? '');
  const [creating, setCreating] = useState(false);
  const can = useRegistryCan();
  const invalidate = useManagementInvalidate();
  const update = (patch: Partial<ObjectsSearch>) =>
    void navigate({ search: (prev: ObjectsSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const params = {
    search: search.q,
    includeArchived: search.archived,
    sort: search.sort,
    order: search.order,
  };
  const sort = search.sort ?? 'name';
  const order = search.order ?? 'asc';
  const onSort = (column: ManagementObjectSort, next: 'asc' | 'desc') =>
    update({ sort: column, order: next });
  const header = (column: ManagementObjectSort, label: string) => (
    <SortHeader column={column} label={label} sort={sort} order={order} onSort={onSort} />
  );
  const list = useCursorList<ManagementObject>(managementKeys.list, '/api/v1/management-objects', {
    ...params,
    limit: 50,
  });
  return (
    <>
      <PageHeader
        title={t('registry.management.title')}
        description={t('registry.management.description')}
        breadcrumbs={[{ label: t('registry.navGroup') }, { label: t('registry.management.title') }]}
        actions={
          <ListActions
            exportPath="/api/v1/management-objects/export"
            exportParams={params}
            create={
              can.data?.manage
                ? {
                    icon: <IconPlus size={16} aria-hidden />,
                    label: t('registry.management.create'),
                    onClick: () => setCreating(true),
                  }
                : undefined
            }
          />
        }
      />
      <FilterBar label={t('registry.management.filters')}>
        <SearchField
          label={t('registry.management.search')}
          placeholder={t('registry.management.searchPlaceholder')}
          value={text}
          onChange={(value) => {
            setText(value);
            pushSearch(value);
          }}
        />
        <Switch
          label={t('registry.management.includeArchived')}
          checked={!!search.archived}
          onChange={(e) => update({ archived: e.currentTarget.checked || undefined })}
          mb={8}
        />
      </FilterBar>
      <CursorTable
        list={list}
        caption={t('registry.management.caption')}
        colSpan={5}
        minWidth={840}
        emptyText={search.q ? t('registry.management.noneMatch') : t('registry.management.none')}
        head={
          <Table.Tr>
            {header('name', t('registry.management.field.name'))}
            {header('owner', t('registry.management.field.ownerId'))}
            {header('manager', t('registry.management.field.managerId'))}
            <Table.Th scope="col">{t('registry.management.systemCount')}</Table.Th>
            {header('updatedAt', t('registry.management.field.updatedAt'))}
          </Table.Tr>
        }
      >
        {list.items.map((o) => (
          <Table.Tr key={o.id}>
            <Table.Td>
              <RouterAnchor to="/management-objects/$objectId" params={{ objectId: o.id }} fw={500} size="sm">
                {o.name}
              </RouterAnchor>
            </Table.Td>
            <Table.Td>
              <PersonLink id={o.ownerId} />
            </Table.Td>
            <Table.Td>
              <PersonLink id={o.managerId} />
            </Table.Td>
            <Table.Td>{o.systemIds.length}</Table.Td>
            <Table.Td>{f.date(o.updatedAt)}</Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
      <ObjectFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        object={null}
        invalidate={invalidate}
      />
    </>
  );
}

import { Switch, Table, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Supplier, SupplierSort } from '../../../../shared/registry/contracts.ts';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable, FilterBar, ListActions, SearchField } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { useRegistryCan } from '../systems/api.ts';
import { SortHeader } from '../systems/parts.tsx';
import { contractKeys } from './api.ts';
import { SupplierFormModal } from './SupplierForms.tsx';
import type { SuppliersSearch } from './search.ts';

// Suppliers: a searchable, sortable table of keyset pages with export; the filters and the sort
// live in the URL.

export function SuppliersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/_app/suppliers' });
  const navigate = useNavigate({ from: '/suppliers' });
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<SuppliersSearch>) =>
    void navigate({ search: (prev: SuppliersSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const params = {
    search: search.q,
    includeArchived: search.archived,
    sort: search.sort,
    order: search.order,
  };
  const sort = search.sort ?? 'name';
  const order = search.order ?? 'asc';
  const onSort = (column: SupplierSort, next: 'asc' | 'desc') => update({ sort: column, order: next });
  const header = (column: SupplierSort, label: string) => (
    <SortHeader column={column} label={label} sort={sort} order={order} onSort={onSort} />
  );
  const list = useCursorList<Supplier>(contractKeys.suppliers, '/api/v1/suppliers', { ...params, limit: 50 });
  const field = (name: string) => t(`registry.contracts.contracts.field.${name}`);
  const can = useRegistryCan();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('registry.contracts.suppliers.title')}
        description={t('registry.contracts.suppliers.description')}
        breadcrumbs={[{ label: t('registry.navGroup') }, { label: t('registry.contracts.suppliers.title') }]}
        actions={
          <ListActions
            exportPath="/api/v1/suppliers/export"
            exportParams={params}
            create={
              can.data?.manage
                ? {
                    icon: <IconPlus size={16} aria-hidden />,
                    label: t('registry.contracts.suppliers.new'),
                    onClick: () => setCreating(true),
                  }
                : undefined
            }
          />
        }
      />
      <FilterBar label={t('registry.contracts.suppliers.filters')}>
        <SearchField
          label={t('registry.contracts.suppliers.search')}
          placeholder={t('registry.contracts.suppliers.searchPlaceholder')}
          value={text}
          onChange={(value) => {
            setText(value);
            pushSearch(value);
          }}
        />
        <Switch
          label={t('registry.systems.includeArchived')}
          checked={!!search.archived}
          onChange={(e) => update({ archived: e.currentTarget.checked || undefined })}
          mb={8}
        />
      </FilterBar>
      <CursorTable
        list={list}
        caption={t('registry.contracts.suppliers.caption')}
        colSpan={5}
        minWidth={840}
        emptyText={
          search.q ? t('registry.contracts.suppliers.noneMatch') : t('registry.contracts.suppliers.none')
        }
        head={
          <Table.Tr>
            {header('name', field('name'))}
            {header('orgNumber', field('orgNumber'))}
            <Table.Th scope="col">{field('contactPerson')}</Table.Th>
            <Table.Th scope="col">{field('email')}</Table.Th>
            {header('updatedAt', field('updatedAt'))}
          </Table.Tr>
        }
      >
        {list.items.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>
              <RouterAnchor to="/suppliers/$supplierId" params={{ supplierId: s.id }} fw={500} size="sm">
                {s.name}
              </RouterAnchor>
            </Table.Td>
            <Table.Td>
              {s.orgNumber ? (
                <Text span size="sm" ff="monospace">
                  {s.orgNumber}
                </Text>
              ) : (
                <EmptyValue />
              )}
            </Table.Td>
            <Table.Td>{s.contactPerson ?? <EmptyValue />}</Table.Td>
            <Table.Td>{s.email ?? <EmptyValue />}</Table.Td>
            <Table.Td>{f.date(s.updatedAt)}</Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
      {can.data?.manage && (
        <SupplierFormModal opened={creating} onClose={() => setCreating(false)} supplier={null} />
      )}
    </>
  );
}

import { Select, Switch, Table, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type RecordType,
  type RecordTypeSort,
  type Retention,
  retentions,
} from '../../../../shared/registry/records.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable, ExportMenu, FilterBar, SearchField } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { SortHeader, SystemLink } from '../systems/parts.tsx';
import { recordKeys } from './api.ts';
import { BasisText, LevelsText, RetentionText } from './parts.tsx';
import type { RecordTypesSearch } from './search.ts';

// Every record type of the municipality across its processes: filtered by retention and by a
// missing disposal decision (what the data-quality work starts from), exportable.

export function RecordTypesPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/_app/record-types' });
  const navigate = useNavigate({ from: '/record-types' });
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<RecordTypesSearch>) =>
    void navigate({ search: (prev: RecordTypesSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const params = {
    search: search.q,
    retention: search.retention,
    noDisposalDecision: search.noDecision,
    includeArchived: search.archived,
    sort: search.sort,
    order: search.order,
  };
  const sort = search.sort ?? 'name';
  const order = search.order ?? 'asc';
  const onSort = (column: RecordTypeSort, next: 'asc' | 'desc') => update({ sort: column, order: next });
  const header = (column: RecordTypeSort, label: string) => (
    <SortHeader column={column} label={label} sort={sort} order={order} onSort={onSort} />
  );
  const list = useCursorList<RecordType>([...recordKeys.all, 'list'], '/api/v1/record-types', {
    ...params,
    limit: 50,
  });
  const f = (name: string) => t(`registry.records.field.${name}`);
  const filtered = !!(search.q || search.retention || search.noDecision);

  return (
    <>
      <PageHeader
        title={t('registry.records.recordTypes')}
        description={t('registry.records.listDescription')}
        breadcrumbs={[{ label: t('registry.navGroup') }, { label: t('registry.records.recordTypes') }]}
        actions={<ExportMenu path="/api/v1/record-types/export" params={params} />}
      />
      <FilterBar label={t('registry.records.filters')}>
        <SearchField
          label={t('registry.records.search')}
          placeholder={t('registry.records.searchPlaceholder')}
          value={text}
          onChange={(value) => {
            setText(value);
            pushSearch(value);
          }}
        />
        <Select
          label={f('retention')}
          placeholder={t('registry.records.allRetentions')}
          data={retentions.map((r) => ({ value: r, label: t(`registry.records.retention.${r}`) }))}
          value={search.retention ?? null}
          onChange={(v) => update({ retention: (v as Retention) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          w={200}
        />
        <Switch
          label={t('registry.records.onlyNoDecision')}
          checked={!!search.noDecision}
          onChange={(e) => update({ noDecision: e.currentTarget.checked || undefined })}
          mb={8}
        />
        <Switch
          label={t('registry.records.includeArchived')}
          checked={!!search.archived}
          onChange={(e) => update({ archived: e.currentTarget.checked || undefined })}
          mb={8}
        />
      </FilterBar>
      <CursorTable
        list={list}
        caption={t('registry.records.recordTypes')}
        colSpan={6}
        minWidth={960}
        emptyText={filtered ? t('registry.records.noneMatch') : t('registry.records.none')}
        head={
          <Table.Tr>
            {header('name', f('name'))}
            {header('process', t('registry.records.plan.process'))}
            {header('retention', f('retention'))}
            <Table.Th scope="col">{f('retentionBasis')}</Table.Th>
            <Table.Th scope="col">{f('systemId')}</Table.Th>
            <Table.Th scope="col">{t('registry.records.levels')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {r.name}
              </Text>
            </Table.Td>
            <Table.Td>
              <RouterAnchor to="/processes/$processId" params={{ processId: r.processId }} size="sm">
                {r.process.code} {r.process.name}
              </RouterAnchor>
            </Table.Td>
            <Table.Td>
              <RetentionText recordType={r} />
            </Table.Td>
            <Table.Td>
              <BasisText recordType={r} />
            </Table.Td>
            <Table.Td>{r.systemId ? <SystemLink id={r.systemId} /> : <EmptyValue />}</Table.Td>
            <Table.Td>
              <LevelsText recordType={r} />
            </Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
    </>
  );
}

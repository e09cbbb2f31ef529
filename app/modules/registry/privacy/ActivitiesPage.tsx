import { Select, Switch, Table } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus, IconPrinter } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessingActivity, ProcessingActivitySort } from '../../../../shared/registry/privacy.ts';
import { UnitLink } from '../../../platform/directory/parts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor, RouterButton } from '../../../platform/links.tsx';
import { CursorTable, FilterBar, ListActions, SearchField } from '../../../platform/list-page.tsx';
import { PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { SortHeader } from '../systems/parts.tsx';
import { ActivityFormModal } from './ActivityForm.tsx';
import { activityKeys, useActivityInvalidate, useProcessingCan } from './api.ts';
import { ControllerSelect } from './inputs.tsx';
import { ActivityFlags } from './parts.tsx';
import type { ActivitiesSearch, Flag } from './search.ts';

// The Art. 30 register: a searchable, filterable table of keyset pages, filters in the URL, and
// the same selection exported as XLSX or CSV.

export function ActivitiesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/_app/processing-activities' });
  const navigate = useNavigate({ from: '/processing-activities' });
  const [text, setText] = useState(search.q ?? '');
  const [creating, setCreating] = useState(false);
  const invalidate = useActivityInvalidate();
  const can = useProcessingCan();
  const update = (patch: Partial<ActivitiesSearch>) =>
    void navigate({ search: (prev: ActivitiesSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const params = {
    search: search.q,
    controllerId: search.controllerId,
    sensitive: search.sensitive,
    dpiaRequired: search.dpiaRequired,
    thirdCountry: search.thirdCountry,
    includeArchived: search.archived,
  };
  const sort = search.sort ?? 'name';
  const order = search.order ?? 'asc';
  const sorted = { ...params, sort: search.sort, order: search.order };
  const onSort = (column: ProcessingActivitySort, next: 'asc' | 'desc') =>
    update({ sort: column, order: next });
  const header = (column: ProcessingActivitySort, label: string) => (
    <SortHeader column={column} label={label} sort={sort} order={order} onSort={onSort} />
  );
  const list = useCursorList<ProcessingActivity>(activityKeys.list, '/api/v1/processing-activities', {
    ...sorted,
    limit: 50,
  });
  const mayEdit = can.data?.create ?? false;
  const flagData = [
    { value: 'true', label: t('registry.privacy.yes') },
    { value: 'false', label: t('registry.privacy.no') },
  ];
  const flagFilter = (key: 'sensitive' | 'dpiaRequired' | 'thirdCountry', label: string) => (
    <Select
      label={label}
      placeholder={t('registry.privacy.any')}
      data={flagData}
      value={search[key] ?? null}
      onChange={(v) => update({ [key]: (v as Flag) ?? undefined })}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      w={170}
    />
  );

  return (
    <>
      <PageHeader
        title={t('registry.privacy.title')}
        description={t('registry.privacy.description')}
        breadcrumbs={[{ label: t('registry.navGroup') }, { label: t('registry.privacy.title') }]}
        actions={
          <>
            {search.controllerId && (
              <RouterButton
                variant="default"
                leftSection={<IconPrinter size={16} aria-hidden />}
                to="/processing-activities/print/$unitId"
                params={{ unitId: search.controllerId }}
              >
                {t('registry.privacy.print')}
              </RouterButton>
            )}
            <ListActions
              exportPath="/api/v1/processing-activities/export"
              exportParams={sorted}
              create={
                mayEdit
                  ? {
                      icon: <IconPlus size={16} aria-hidden />,
                      label: t('registry.privacy.create'),
                      onClick: () => setCreating(true),
                    }
                  : undefined
              }
            />
          </>
        }
      />
      <FilterBar label={t('registry.privacy.filters')}>
        <SearchField
          label={t('registry.privacy.search')}
          placeholder={t('registry.privacy.searchPlaceholder')}
          value={text}
          onChange={(value) => {
            setText(value);
            pushSearch(value);
          }}
        />
        <ControllerSelect
          label={t('registry.privacy.field.controllerId')}
          placeholder={t('registry.privacy.allControllers')}
          value={search.controllerId ?? null}
          onChange={(v) => update({ controllerId: v ?? undefined })}
          clearable
          w={260}
        />
        {flagFilter('sensitive', t('registry.privacy.badge.sensitive'))}
        {flagFilter('dpiaRequired', t('registry.privacy.field.dpiaRequired'))}
        {flagFilter('thirdCountry', t('registry.privacy.badge.thirdCountry'))}
        <Switch
          label={t('registry.privacy.includeArchived')}
          checked={!!search.archived}
          onChange={(e) => update({ archived: e.currentTarget.checked || undefined })}
          mb={8}
        />
      </FilterBar>
      <CursorTable
        list={list}
        caption={t('registry.privacy.caption')}
        colSpan={6}
        minWidth={960}
        emptyText={
          Object.values(params).some((v) => v !== undefined)
            ? t('registry.privacy.noneMatch')
            : t('registry.privacy.none')
        }
        head={
          <Table.Tr>
            {header('name', t('registry.privacy.field.name'))}
            {header('controller', t('registry.privacy.field.controllerId'))}
            <Table.Th scope="col">{t('registry.privacy.field.legalBasis')}</Table.Th>
            <Table.Th scope="col">{t('registry.privacy.flags')}</Table.Th>
            <Table.Th scope="col">{t('registry.privacy.field.systemIds')}</Table.Th>
            {header('updatedAt', t('registry.privacy.field.updatedAt'))}
          </Table.Tr>
        }
      >
        {list.items.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>
              <RouterAnchor
                to="/processing-activities/$activityId"
                params={{ activityId: a.id }}
                fw={500}
                size="sm"
              >
                {a.name}
              </RouterAnchor>
            </Table.Td>
            <Table.Td>
              <UnitLink id={a.controllerId} />
            </Table.Td>
            <Table.Td>
              {t(`registry.privacy.legalBasis.${a.legalBasis}`)}
              {a.legalBasisReference ? ` · ${a.legalBasisReference}` : ''}
            </Table.Td>
            <Table.Td>
              <ActivityFlags activity={a} />
            </Table.Td>
            <Table.Td>{a.systemIds.length}</Table.Td>
            <Table.Td>{f.date(a.updatedAt)}</Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
      <ActivityFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        activity={null}
        invalidate={invalidate}
      />
    </>
  );
}

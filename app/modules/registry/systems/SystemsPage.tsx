import { Select, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type LifecyclePhase,
  lifecyclePhases,
  type OperationForm,
  operationForms,
  type System,
  type SystemScope,
  type SystemSort,
  systemScopes,
  type TimeAssessment,
  timeAssessments,
} from '../../../../shared/registry/systems.ts';
import { UnitLink, UnitSelect } from '../../../platform/directory/parts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor, RouterButton } from '../../../platform/links.tsx';
import { CursorTable, FilterBar, ListActions, SearchField } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { systemKeys, useRegistryCan } from './api.ts';
import { PersonSelect, PhaseBadge, ScopeBadge, SortHeader } from './parts.tsx';
import { SystemFormModal } from './SystemForm.tsx';
import type { SystemsSearch } from './search.ts';

// Systems: a searchable, filterable, sortable table of keyset pages, exportable with the same
// filters; the filters and the order live in the URL.

export function SystemsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/_app/systems' });
  const navigate = useNavigate({ from: '/systems' });
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<SystemsSearch>) =>
    void navigate({ search: (prev: SystemsSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const can = useRegistryCan();
  const [creating, setCreating] = useState(false);
  const sort = search.sort ?? 'name';
  const order = search.order ?? 'asc';
  const params = {
    search: search.q,
    scope: search.scope,
    phase: search.phase,
    includeArchived: search.archived,
    sort: search.sort,
    order: search.order,
    owningUnitId: search.owningUnitId,
    usingUnitId: search.usingUnitId,
    personId: search.personId,
    operationForm: search.operationForm,
    timeAssessment: search.timeAssessment,
    eService: search.eService,
    ownDeveloped: search.ownDeveloped,
    tag: search.tag,
    category: search.category,
  };
  const list = useCursorList<System>(systemKeys.list, '/api/v1/systems', { ...params, limit: 50 });
  const filtered = Object.entries(params).some(([k, v]) => v !== undefined && k !== 'sort' && k !== 'order');
  const onSort = (column: SystemSort, next: 'asc' | 'desc') => update({ sort: column, order: next });
  const selectProps = {
    clearable: true,
    clearButtonProps: { 'aria-label': t('common.clear') },
    comboboxProps: { withinPortal: true },
  };
  const yesNoData = [
    { value: 'true', label: t('registry.systems.yes') },
    { value: 'false', label: t('registry.systems.no') },
  ];

  return (
    <>
      <PageHeader
        title={t('registry.systems.title')}
        description={t('registry.systems.description')}
        breadcrumbs={[{ label: t('registry.navGroup') }, { label: t('registry.systems.title') }]}
        actions={
          <>
            {can.data?.manage && (
              <RouterButton
                to="/systems/import"
                variant="default"
                leftSection={<IconFileImport size={16} aria-hidden />}
              >
                {t('registry.import.open')}
              </RouterButton>
            )}
            <ListActions
              exportPath="/api/v1/systems/export"
              exportParams={params}
              create={
                can.data?.manage
                  ? {
                      icon: <IconPlus size={16} aria-hidden />,
                      label: t('registry.systems.create'),
                      onClick: () => setCreating(true),
                    }
                  : undefined
              }
            />
          </>
        }
      />
      <SystemFormModal opened={creating} onClose={() => setCreating(false)} system={null} />
      <FilterBar label={t('registry.systems.filters')}>
        <SearchField
          label={t('registry.systems.search')}
          placeholder={t('registry.systems.searchPlaceholder')}
          value={text}
          onChange={(value) => {
            setText(value);
            pushSearch(value);
          }}
        />
        <Select
          label={t('registry.systems.field.scope')}
          placeholder={t('registry.systems.allScopes')}
          data={systemScopes.map((s) => ({ value: s, label: t(`registry.systems.scope.${s}`) }))}
          value={search.scope ?? null}
          onChange={(v) => update({ scope: (v as SystemScope) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          w={220}
        />
        <Select
          label={t('registry.systems.field.phase')}
          placeholder={t('registry.systems.allPhases')}
          data={lifecyclePhases.map((p) => ({ value: p, label: t(`registry.systems.phase.${p}`) }))}
          value={search.phase ?? null}
          onChange={(v) => update({ phase: (v as LifecyclePhase) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          w={200}
        />
        <UnitSelect
          label={t('registry.systems.owningUnitFilter')}
          placeholder={t('registry.systems.anyUnit')}
          value={search.owningUnitId ?? null}
          onChange={(v) => update({ owningUnitId: v ?? undefined })}
          w={240}
        />
        <UnitSelect
          label={t('registry.systems.usingUnitFilter')}
          placeholder={t('registry.systems.anyUnit')}
          value={search.usingUnitId ?? null}
          onChange={(v) => update({ usingUnitId: v ?? undefined })}
          w={240}
        />
        <PersonSelect
          label={t('registry.systems.personFilter')}
          placeholder={t('registry.systems.anyone')}
          value={search.personId ?? null}
          onChange={(v) => update({ personId: v ?? undefined })}
        />
        <Select
          label={t('registry.systems.field.operationForm')}
          placeholder={t('registry.systems.allOperationForms')}
          data={operationForms.map((o) => ({ value: o, label: t(`registry.systems.operationForm.${o}`) }))}
          value={search.operationForm ?? null}
          onChange={(v) => update({ operationForm: (v as OperationForm) ?? undefined })}
          w={200}
          {...selectProps}
        />
        <Select
          label={t('registry.systems.field.timeAssessment')}
          placeholder={t('registry.systems.allTimeAssessments')}
          data={timeAssessments.map((o) => ({ value: o, label: t(`registry.systems.timeAssessment.${o}`) }))}
          value={search.timeAssessment ?? null}
          onChange={(v) => update({ timeAssessment: (v as TimeAssessment) ?? undefined })}
          w={200}
          {...selectProps}
        />
        <Select
          label={t('registry.systems.field.eService')}
          placeholder={t('registry.systems.anyValue')}
          data={yesNoData}
          value={search.eService ?? null}
          onChange={(v) => update({ eService: (v as 'true' | 'false') ?? undefined })}
          w={120}
          {...selectProps}
        />
        <Select
          label={t('registry.systems.field.ownDeveloped')}
          placeholder={t('registry.systems.anyValue')}
          data={yesNoData}
          value={search.ownDeveloped ?? null}
          onChange={(v) => update({ ownDeveloped: (v as 'true' | 'false') ?? undefined })}
          w={140}
          {...selectProps}
        />
        <TextInput
          label={t('registry.systems.field.category')}
          defaultValue={search.category ?? ''}
          onBlur={(e) => update({ category: e.currentTarget.value.trim() || undefined })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') update({ category: e.currentTarget.value.trim() || undefined });
          }}
          w={160}
        />
        <TextInput
          label={t('registry.systems.field.tags')}
          defaultValue={search.tag ?? ''}
          onBlur={(e) => update({ tag: e.currentTarget.value.trim() || undefined })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') update({ tag: e.currentTarget.value.trim() || undefined });
          }}
          w={140}
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
        caption={t('registry.systems.caption')}
        colSpan={7}
        minWidth={960}
        emptyText={filtered ? t('registry.systems.noneMatch') : t('registry.systems.none')}
        head={
          <Table.Tr>
            <SortHeader
              column="name"
              label={t('registry.systems.field.name')}
              sort={sort}
              order={order}
              onSort={onSort}
            />
            <Table.Th scope="col">{t('registry.systems.field.scope')}</Table.Th>
            <SortHeader
              column="phase"
              label={t('registry.systems.field.phase')}
              sort={sort}
              order={order}
              onSort={onSort}
            />
            <SortHeader
              column="criticality"
              label={t('registry.systems.field.criticality')}
              sort={sort}
              order={order}
              onSort={onSort}
            />
            <Table.Th scope="col">{t('registry.systems.field.owningUnitId')}</Table.Th>
            <Table.Th scope="col">{t('registry.systems.field.product')}</Table.Th>
            <SortHeader
              column="updatedAt"
              label={t('registry.systems.field.updatedAt')}
              sort={sort}
              order={order}
              onSort={onSort}
            />
          </Table.Tr>
        }
      >
        {list.items.map((system) => (
          <Table.Tr key={system.id}>
            <Table.Td>
              <RouterAnchor to="/systems/$systemId" params={{ systemId: system.id }} fw={500} size="sm">
                {system.name}
              </RouterAnchor>
              {system.shortName && (
                <Text span size="xs" c="dimmed" ml={6}>
                  {system.shortName}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <ScopeBadge scope={system.scope} />
            </Table.Td>
            <Table.Td>
              <PhaseBadge phase={system.phase} />
            </Table.Td>
            <Table.Td>
              {system.criticality ? t(`registry.systems.criticality.${system.criticality}`) : <EmptyValue />}
            </Table.Td>
            <Table.Td>
              <UnitLink id={system.owningUnitId} />
            </Table.Td>
            <Table.Td>
              {system.product ? (
                [system.product, system.productVersion].filter(Boolean).join(' ')
              ) : (
                <EmptyValue />
              )}
            </Table.Td>
            <Table.Td>{f.date(system.updatedAt)}</Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
    </>
  );
}

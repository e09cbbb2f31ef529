import { Select, Switch, Table, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AiApplication,
  type AiApplicationSort,
  type AiRiskCategory,
  aiRiskCategories,
} from '../../../../shared/registry/ai.ts';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable, ExportMenu, FilterBar, SearchField } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { SortHeader } from '../systems/parts.tsx';
import { aiKeys } from './AiDialog.tsx';
import { RiskBadge } from './parts.tsx';
import type { AiSearch } from './search.ts';

// The AI Act register: every AI application, filterable by risk and by a missing risk assessment,
// exportable; each is registered and changed on its system's page.

export function AiApplicationsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/_app/ai-applications' });
  const navigate = useNavigate({ from: '/ai-applications' });
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<AiSearch>) =>
    void navigate({ search: (prev: AiSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const params = {
    search: search.q,
    riskCategory: search.risk,
    assessed: search.unassessed ? false : undefined,
    includeArchived: search.archived,
    sort: search.sort,
    order: search.order,
  };
  const sort = search.sort ?? 'name';
  const order = search.order ?? 'asc';
  const onSort = (column: AiApplicationSort, next: 'asc' | 'desc') => update({ sort: column, order: next });
  const header = (column: AiApplicationSort, label: string) => (
    <SortHeader column={column} label={label} sort={sort} order={order} onSort={onSort} />
  );
  const list = useCursorList<AiApplication>(aiKeys.list, '/api/v1/ai-applications', { ...params, limit: 50 });

  return (
    <>
      <PageHeader
        title={t('registry.ai.title')}
        description={t('registry.ai.description')}
        breadcrumbs={[{ label: t('registry.navGroup') }, { label: t('registry.ai.title') }]}
        actions={<ExportMenu path="/api/v1/ai-applications/export" params={params} />}
      />
      <FilterBar label={t('registry.ai.filters')}>
        <SearchField
          label={t('registry.ai.search')}
          placeholder={t('registry.ai.searchPlaceholder')}
          value={text}
          onChange={(value) => {
            setText(value);
            pushSearch(value);
          }}
        />
        <Select
          label={t('registry.ai.field.riskCategory')}
          placeholder={t('registry.ai.allRisks')}
          data={aiRiskCategories.map((r) => ({ value: r, label: t(`registry.ai.risk.${r}`) }))}
          value={search.risk ?? null}
          onChange={(v) => update({ risk: (v as AiRiskCategory) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          w={220}
        />
        <Switch
          label={t('registry.ai.unassessed')}
          checked={!!search.unassessed}
          onChange={(e) => update({ unassessed: e.currentTarget.checked || undefined })}
          mb={8}
        />
        <Switch
          label={t('registry.ai.includeArchived')}
          checked={!!search.archived}
          onChange={(e) => update({ archived: e.currentTarget.checked || undefined })}
          mb={8}
        />
      </FilterBar>
      <CursorTable
        list={list}
        caption={t('registry.ai.caption')}
        colSpan={5}
        minWidth={820}
        emptyText={
          search.q || search.risk || search.unassessed ? t('registry.ai.noneMatch') : t('registry.ai.none')
        }
        head={
          <Table.Tr>
            {header('name', t('registry.ai.field.name'))}
            {header('system', t('registry.ai.field.system'))}
            {header('riskCategory', t('registry.ai.field.riskCategory'))}
            <Table.Th scope="col">{t('registry.ai.field.friaOn')}</Table.Th>
            {header('registrationStatus', t('registry.ai.field.registrationStatus'))}
          </Table.Tr>
        }
      >
        {list.items.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {a.name}
              </Text>
              {a.purpose && (
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {a.purpose}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <RouterAnchor to="/systems/$systemId" params={{ systemId: a.systemId }} size="sm">
                {a.systemName}
              </RouterAnchor>
            </Table.Td>
            <Table.Td>
              <RiskBadge risk={a.riskCategory} />
              {a.highRiskArea && (
                <Text size="xs" c="dimmed">
                  {t(`registry.ai.area.${a.highRiskArea}`)}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{a.friaOn ? f.date(a.friaOn) : <EmptyValue />}</Table.Td>
            <Table.Td>
              {a.registrationStatus ? t(`registry.ai.registration.${a.registrationStatus}`) : <EmptyValue />}
            </Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
    </>
  );
}

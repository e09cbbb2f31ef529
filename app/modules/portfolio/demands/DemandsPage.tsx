import { Select, Table, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type DemandScope,
  type DemandStatus,
  type DemandSummary,
  demandScopes,
  demandStatuses,
} from '../../../../shared/portfolio/demands.ts';
import { useAuth } from '../../../platform/auth.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable, FilterBar, ListActions, SearchField } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { portfolioKeys } from '../api.ts';
import { DemandStatusBadge } from './parts.tsx';
import type { DemandsSearch } from './search.ts';

// The demands: every idea and need, newest first or as the ranked backlog (highest score under the
// tenant's scoring model first), filtered by status and scope, exported as XLSX. The filters live
// in the URL. An employee sees their own here.

export function DemandsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { isAdmin } = useAuth();
  const search = useSearch({ from: '/_app/portfolio/demands' }) as DemandsSearch;
  const navigate = useNavigate({ from: '/portfolio/demands' });
  const [q, setQ] = useState(search.q ?? '');
  const update = (patch: Partial<DemandsSearch>) =>
    void navigate({ search: (prev: DemandsSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const ranked = search.sort === 'rank';
  const params = {
    search: search.q,
    status: search.status,
    scope: search.scope,
    sort: search.sort ?? 'newest',
  };
  const list = useCursorList<DemandSummary>(portfolioKeys.demandList, '/api/v1/demands', {
    ...params,
    limit: 50,
  });
  const field = (name: string) => t(`portfolio.demands.field.${name}`);
  const filtered = search.q || search.status || search.scope;

  return (
    <>
      <PageHeader
        title={t('portfolio.demands.title')}
        description={t('portfolio.demands.description')}
        breadcrumbs={[{ label: t('portfolio.navGroup') }, { label: t('portfolio.demands.title') }]}
        actions={
          <ListActions
            exportPath="/api/v1/demands/export"
            exportParams={params}
            create={{
              icon: <IconPlus size={16} aria-hidden />,
              label: isAdmin ? t('portfolio.demands.new') : t('portfolio.demands.portalNav'),
              onClick: () => void navigate({ to: '/portal/ideas/new' }),
            }}
          />
        }
      />
      <FilterBar label={t('portfolio.demands.filters')}>
        <SearchField
          label={t('portfolio.demands.search')}
          placeholder={t('portfolio.demands.searchPlaceholder')}
          value={q}
          onChange={(value) => {
            setQ(value);
            pushSearch(value);
          }}
        />
        <Select
          label={field('status')}
          placeholder={t('portfolio.demands.anyStatus')}
          data={demandStatuses.map((s) => ({ value: s, label: t(`portfolio.demands.status.${s}`) }))}
          value={search.status ?? null}
          onChange={(v) => update({ status: (v as DemandStatus) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          comboboxProps={{ withinPortal: true }}
          w={200}
        />
        <Select
          label={field('scope')}
          placeholder={t('portfolio.demands.anyScope')}
          data={demandScopes.map((s) => ({ value: s, label: t(`portfolio.demands.scope.${s}`) }))}
          value={search.scope ?? null}
          onChange={(v) => update({ scope: (v as DemandScope) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          comboboxProps={{ withinPortal: true }}
          w={240}
        />
        <Select
          label={t('portfolio.demands.sort')}
          data={[
            { value: 'newest', label: t('portfolio.demands.sortNewest') },
            { value: 'rank', label: t('portfolio.demands.sortRank') },
          ]}
          value={ranked ? 'rank' : 'newest'}
          onChange={(v) => update({ sort: v === 'rank' ? 'rank' : undefined })}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          w={260}
        />
      </FilterBar>
      <CursorTable
        list={list}
        caption={ranked ? t('portfolio.demands.captionRanked') : t('portfolio.demands.caption')}
        colSpan={7}
        minWidth={900}
        emptyText={filtered ? t('portfolio.demands.noneMatch') : t('portfolio.demands.none')}
        head={
          <Table.Tr>
            {ranked && <Table.Th scope="col">{t('portfolio.demands.rank')}</Table.Th>}
            <Table.Th scope="col">{field('number')}</Table.Th>
            <Table.Th scope="col">{field('title')}</Table.Th>
            <Table.Th scope="col">{field('scope')}</Table.Th>
            <Table.Th scope="col">{field('unit')}</Table.Th>
            <Table.Th scope="col">{field('status')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {field('score')}
            </Table.Th>
            {!ranked && <Table.Th scope="col">{field('createdAt')}</Table.Th>}
          </Table.Tr>
        }
      >
        {list.items.map((d, i) => (
          <Table.Tr key={d.id}>
            {ranked && <Table.Td>{i + 1}</Table.Td>}
            <Table.Td>
              <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
                {d.number}
              </Text>
            </Table.Td>
            <Table.Td>
              <RouterAnchor to="/portfolio/demands/$demandId" params={{ demandId: d.id }} size="sm" fw={500}>
                {d.title}
              </RouterAnchor>
            </Table.Td>
            <Table.Td>
              <Text span size="sm">
                {t(`portfolio.demands.scope.${d.scope}`)}
              </Text>
            </Table.Td>
            <Table.Td>
              {d.unitName ? (
                <Text span size="sm">
                  {d.unitName}
                </Text>
              ) : (
                <EmptyValue />
              )}
            </Table.Td>
            <Table.Td>
              <DemandStatusBadge status={d.status} outcome={d.outcome} />
            </Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>
              <Text span size="sm">
                {f.number(d.score)}
              </Text>
            </Table.Td>
            {!ranked && (
              <Table.Td>
                <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {f.date(d.createdAt)}
                </Text>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </CursorTable>
    </>
  );
}

import { Select, Switch, Table, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconCalendarTime, IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Procedure,
  type Procurement,
  type ProcurementStatus,
  procedures,
  procurementStatuses,
} from '../../../../shared/portfolio/procurements.ts';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor, RouterButton } from '../../../platform/links.tsx';
import { CursorTable, FilterBar, ListActions, SearchField } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { procurementKeys, useProcurementSettings } from './api.ts';
import { ProcurementFormModal } from './ProcurementForm.tsx';
import { ProcurementStatusBadge } from './parts.tsx';
import type { ProcurementsSearch } from './search.ts';

// The procurements: search, status, procedure, open only and archived, the export of the same
// selection, and the way to the re-procurement plan. The filters live in the URL.

export function ProcurementsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/_app/portfolio/procurements' });
  const navigate = useNavigate({ from: '/portfolio/procurements' });
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<ProcurementsSearch>) =>
    void navigate({ search: (prev: ProcurementsSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const params = {
    search: search.q,
    status: search.status,
    procedure: search.procedure,
    open: search.open,
    includeArchived: search.archived,
  };
  const filtered = search.q || search.status || search.procedure || search.open;
  const m = (key: string) => t(`portfolio.procurements.${key}`);
  const field = (name: string) => m(`field.${name}`);
  const settings = useProcurementSettings();
  const [creating, setCreating] = useState(false);
  const list = useCursorList<Procurement>(procurementKeys.list, '/api/v1/procurements', {
    ...params,
    limit: 50,
  });
  return (
    <>
      <PageHeader
        title={m('title')}
        description={m('description')}
        breadcrumbs={[{ label: t('portfolio.navGroup') }, { label: m('title') }]}
        actions={
          <>
            <RouterButton
              to="/portfolio/procurements/plan"
              variant="default"
              leftSection={<IconCalendarTime size={16} aria-hidden />}
            >
              {m('plan.nav')}
            </RouterButton>
            <ListActions
              exportPath="/api/v1/procurements/export"
              exportParams={params}
              create={
                settings.data?.can.update
                  ? {
                      icon: <IconPlus size={16} aria-hidden />,
                      label: m('new'),
                      onClick: () => setCreating(true),
                    }
                  : undefined
              }
            />
          </>
        }
      />
      <FilterBar label={m('filters')}>
        <SearchField
          label={m('search')}
          placeholder={m('searchPlaceholder')}
          value={text}
          onChange={(value) => {
            setText(value);
            pushSearch(value);
          }}
        />
        <Select
          label={field('status')}
          data={procurementStatuses.map((s) => ({ value: s, label: m(`status.${s}`) }))}
          value={search.status ?? null}
          onChange={(v) => update({ status: (v as ProcurementStatus | null) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          placeholder={m('all')}
          w={180}
        />
        <Select
          label={field('procedure')}
          data={procedures.map((p) => ({ value: p, label: m(`procedure.${p}`) }))}
          value={search.procedure ?? null}
          onChange={(v) => update({ procedure: (v as Procedure | null) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          placeholder={m('all')}
          w={240}
        />
        <Switch
          label={m('openOnly')}
          checked={!!search.open}
          onChange={(e) => update({ open: e.currentTarget.checked || undefined })}
          mb={8}
        />
        <Switch
          label={m('includeArchived')}
          checked={!!search.archived}
          onChange={(e) => update({ archived: e.currentTarget.checked || undefined })}
          mb={8}
        />
      </FilterBar>
      <CursorTable
        list={list}
        caption={m('caption')}
        colSpan={6}
        minWidth={900}
        emptyText={filtered ? m('noneMatch') : m('none')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{field('title')}</Table.Th>
            <Table.Th scope="col">{field('procedure')}</Table.Th>
            <Table.Th scope="col">{field('status')}</Table.Th>
            <Table.Th scope="col">{field('estimatedValue')}</Table.Th>
            <Table.Th scope="col">{field('nextDate')}</Table.Th>
            <Table.Th scope="col">{field('responsible')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((p) => {
          const next =
            p.contractStartsOn ?? p.awardedOn ?? p.tenderDeadlineOn ?? p.advertisedOn ?? p.plannedStartOn;
          return (
            <Table.Tr key={p.id}>
              <Table.Td>
                <RouterAnchor
                  to="/portfolio/procurements/$procurementId"
                  params={{ procurementId: p.id }}
                  fw={500}
                  size="sm"
                >
                  {p.title}
                </RouterAnchor>
                {p.archivedAt && (
                  <Text span size="xs" c="dimmed" ml={6}>
                    {t('common.archived')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{m(`procedure.${p.procedure}`)}</Table.Td>
              <Table.Td>
                <ProcurementStatusBadge status={p.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {p.estimatedValue !== null ? f.sek(p.estimatedValue) : <EmptyValue />}
              </Table.Td>
              <Table.Td>
                {p.status === 'cancelled' ? f.date(p.cancelledOn) : next ? f.date(next) : <EmptyValue />}
              </Table.Td>
              <Table.Td>{p.responsible?.name ?? <EmptyValue />}</Table.Td>
            </Table.Tr>
          );
        })}
      </CursorTable>
      {settings.data?.can.update && (
        <ProcurementFormModal opened={creating} onClose={() => setCreating(false)} procurement={null} />
      )}
    </>
  );
}

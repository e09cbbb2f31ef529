import { Button, Select, Table } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ConsumptionItem,
  ConsumptionTotals,
  ConsumptionWriteResult,
} from '../../../../shared/catalogue/consumption.ts';
import { api } from '../../../platform/api.ts';
import { useFormat } from '../../../platform/format.ts';
import { FileImportDialog } from '../../../platform/import-dialog.tsx';
import { CursorTable, FilterBar } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { DataTable, useCursorList } from '../../../platform/table.tsx';
import { useCatalogueInvalidate } from '../api.ts';
import type { ConsumptionSearch } from './search.ts';

// A month's consumption as the source systems reported it: the totals per offering (what the run
// will price) and the rows per unit, with the import of a new export. The catalogue's keepers'.

const consumptionKeys = {
  all: ['catalogue', 'consumption'] as const,
  list: ['catalogue', 'consumption', 'list'] as const,
  totals: (period: string) => ['catalogue', 'consumption', 'totals', period] as const,
};

/** The last 24 whole months and this one, newest first, YYYY-MM. */
function months(): string[] {
  const now = new Date();
  return Array.from({ length: 25 }, (_, i) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1)).toISOString().slice(0, 7),
  );
}

export function ConsumptionPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.consumption.${key}`, o);
  const search = useSearch({ from: '/_app/catalogue/consumption' });
  const navigate = useNavigate({ from: '/catalogue/consumption' });
  const choices = months();
  const period = search.period ?? choices[1]!;
  const [importing, setImporting] = useState(false);
  const invalidate = useCatalogueInvalidate();
  const totals = useQuery({
    queryKey: consumptionKeys.totals(period),
    queryFn: () => api.get<ConsumptionTotals>(`/api/v1/catalogue/consumption/totals?period=${period}`),
  });
  const list = useCursorList<ConsumptionItem>(consumptionKeys.list, '/api/v1/catalogue/consumption', {
    period,
    offeringId: search.offeringId,
    limit: 50,
  });
  const set = (next: Partial<ConsumptionSearch>) =>
    navigate({ search: (prev: ConsumptionSearch) => ({ ...prev, ...next }), replace: true });
  const monthFormat = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const monthName = (p: string) => monthFormat.format(new Date(`${p}-01T00:00:00Z`));
  return (
    <>
      <PageHeader
        title={m('title')}
        description={m('description')}
        breadcrumbs={[{ label: t('catalogue.navGroup') }, { label: m('title') }]}
        actions={
          <Button leftSection={<IconUpload size={16} aria-hidden />} onClick={() => setImporting(true)}>
            {m('import')}
          </Button>
        }
      />
      <FilterBar label={m('filters')}>
        <Select
          label={m('period')}
          data={choices.map((p) => ({ value: p, label: monthName(p) }))}
          value={period}
          onChange={(v) => v && set({ period: v, offeringId: undefined })}
          allowDeselect={false}
          w={220}
        />
        <Select
          label={m('offering')}
          placeholder={m('allOfferings')}
          data={(totals.data?.offerings ?? []).map((o) => ({ value: o.id, label: o.name }))}
          value={search.offeringId ?? null}
          onChange={(v) => set({ offeringId: v ?? undefined })}
          clearable
          w={300}
        />
      </FilterBar>
      <DataTable
        caption={m('totalsCaption', { month: monthName(period) })}
        showCaption
        colSpan={4}
        minWidth={640}
        loading={totals.isPending}
        empty={totals.data?.offerings.length === 0}
        emptyText={m('none')}
        error={totals.error}
        head={
          <Table.Tr>
            <Table.Th scope="col">{m('offering')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {m('quantity')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {m('units')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {m('rows')}
            </Table.Th>
          </Table.Tr>
        }
      >
        {(totals.data?.offerings ?? []).map((o) => (
          <Table.Tr key={o.id}>
            <Table.Th scope="row" fw={500}>
              {o.name}
            </Table.Th>
            <Table.Td ta="right">
              {f.number(o.quantity)}{' '}
              {o.priceUnit
                ? t(`catalogue.offerings.priceUnit.${o.priceUnit}`, { defaultValue: o.priceUnit })
                : ''}
            </Table.Td>
            <Table.Td ta="right">{f.number(o.units)}</Table.Td>
            <Table.Td ta="right">{f.number(o.rows)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <CursorTable
        list={list}
        caption={m('caption', { month: monthName(period) })}
        colSpan={5}
        minWidth={900}
        emptyText={m('none')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{m('unit')}</Table.Th>
            <Table.Th scope="col">{m('offering')}</Table.Th>
            <Table.Th scope="col">{m('reference')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {m('quantity')}
            </Table.Th>
            <Table.Th scope="col">{m('kontering')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Th scope="row" fw={500}>
              {r.unit.name}
            </Table.Th>
            <Table.Td>{r.offering.name}</Table.Td>
            <Table.Td>{r.reference || <EmptyValue />}</Table.Td>
            <Table.Td ta="right">{f.number(r.quantity)}</Table.Td>
            <Table.Td>
              {[r.costCentre, r.account, r.activity, r.counterpart].filter(Boolean).join(' · ')}
            </Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
      <FileImportDialog<ConsumptionWriteResult>
        opened={importing}
        onClose={() => setImporting(false)}
        path="/api/v1/catalogue/consumption/import"
        title={m('importTitle')}
        help={m('importHelp')}
        summary={(r) =>
          m('importSummary', { created: r.created, updated: r.updated, unchanged: r.unchanged })
        }
        columnLabel={(field) => m(`column.${field}`, { defaultValue: field })}
        invalidate={invalidate}
      />
    </>
  );
}

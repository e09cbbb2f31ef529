import { Button, Group, Select, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconChartBar, IconPlus, IconUpload } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Asset, assetKinds, assetStates } from '../../../../shared/catalogue/assets.ts';
import { useFormat } from '../../../platform/format.ts';
import { FileImportDialog } from '../../../platform/import-dialog.tsx';
import { RouterAnchor, RouterButton } from '../../../platform/links.tsx';
import { CursorTable, FilterBar, ListActions, SearchField } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { useCatalogueInvalidate } from '../api.ts';
import { AssetFormModal } from './AssetForm.tsx';
import { assetKeys, useRentalOfferings, useUnitChoices } from './api.ts';
import { AssetStateBadge, useKeepsCatalogue } from './parts.tsx';
import type { AssetsSearch } from './search.ts';

// The IT unit's rental equipment: serial, model, kind, who holds it, the monthly rent and when it
// is due for replacement; filters by state, kind, unit, offering and replacement date in the URL,
// keyset paging, the export of the same list, and for the keepers registration and import.

export function AssetsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const invalidate = useCatalogueInvalidate();
  const search = useSearch({ from: '/_app/catalogue/assets' });
  const navigate = useNavigate({ from: '/catalogue/assets' });
  const keeper = useKeepsCatalogue();
  const [text, setText] = useState(search.q ?? '');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const update = (patch: Partial<AssetsSearch>) =>
    void navigate({ search: (prev: AssetsSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const params = {
    search: search.q,
    state: search.state,
    kind: search.kind,
    unitId: search.unit,
    offeringId: search.offering,
    dueBefore: search.due,
    includeArchived: search.archived,
  };
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.assets.${key}`, o);
  const field = (name: string) => m(`field.${name}`);
  const list = useCursorList<Asset>(assetKeys.assets, '/api/v1/catalogue/assets', { ...params, limit: 50 });
  const offerings = useRentalOfferings();
  const units = useUnitChoices(keeper);
  return (
    <>
      <PageHeader
        title={m('title')}
        description={m('description')}
        breadcrumbs={[{ label: t('catalogue.navGroup') }, { label: m('title') }]}
        actions={
          <Group gap="xs">
            {keeper && (
              <>
                <RouterButton
                  to="/catalogue/investments"
                  variant="default"
                  leftSection={<IconChartBar size={16} aria-hidden />}
                >
                  {m('investments')}
                </RouterButton>
                <Button
                  variant="default"
                  leftSection={<IconUpload size={16} aria-hidden />}
                  onClick={() => setImporting(true)}
                >
                  {m('import')}
                </Button>
              </>
            )}
            <ListActions
              exportPath="/api/v1/catalogue/assets/export"
              exportParams={params}
              create={
                keeper
                  ? {
                      icon: <IconPlus size={16} aria-hidden />,
                      label: m('new'),
                      onClick: () => setCreating(true),
                    }
                  : undefined
              }
            />
          </Group>
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
          label={field('state')}
          placeholder={m('all')}
          data={assetStates.map((s) => ({ value: s, label: m(`state.${s}`) }))}
          value={search.state ?? null}
          onChange={(v) => update({ state: (v as AssetsSearch['state']) ?? undefined })}
          clearable
          w={160}
        />
        <Select
          label={field('kind')}
          placeholder={m('all')}
          data={assetKinds.map((k) => ({ value: k, label: m(`kind.${k}`) }))}
          value={search.kind ?? null}
          onChange={(v) => update({ kind: (v as AssetsSearch['kind']) ?? undefined })}
          clearable
          w={160}
        />
        {keeper && (
          <Select
            label={field('unit')}
            placeholder={m('all')}
            data={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={search.unit ?? null}
            onChange={(v) => update({ unit: v ?? undefined })}
            searchable
            clearable
            w={220}
          />
        )}
        <Select
          label={field('offering')}
          placeholder={m('all')}
          data={(offerings.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          value={search.offering ?? null}
          onChange={(v) => update({ offering: v ?? undefined })}
          searchable
          clearable
          w={240}
        />
        <TextInput
          type="date"
          label={m('dueBefore')}
          value={search.due ?? ''}
          onChange={(e) => update({ due: e.currentTarget.value || undefined })}
          w={170}
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
        colSpan={7}
        minWidth={1000}
        emptyText={search.q ? m('noneMatch') : m('none')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{field('serial')}</Table.Th>
            <Table.Th scope="col">{field('kind')}</Table.Th>
            <Table.Th scope="col">{field('state')}</Table.Th>
            <Table.Th scope="col">{field('holder')}</Table.Th>
            <Table.Th scope="col">{field('offering')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {field('monthlyRent')}
            </Table.Th>
            <Table.Th scope="col">{field('replacementDueOn')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>
              <RouterAnchor to="/catalogue/assets/$assetId" params={{ assetId: a.id }} fw={500} size="sm">
                {a.serial}
              </RouterAnchor>
              {a.archivedAt && (
                <Text span size="xs" c="dimmed" ml={6}>
                  {t('common.archived')}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {a.model}
              </Text>
            </Table.Td>
            <Table.Td>{m(`kind.${a.kind}`)}</Table.Td>
            <Table.Td>
              <AssetStateBadge state={a.state} />
            </Table.Td>
            <Table.Td>
              {a.unit ? (
                <>
                  {a.unit.name}
                  {a.person && (
                    <Text size="xs" c="dimmed">
                      {a.person.name}
                    </Text>
                  )}
                </>
              ) : (
                <EmptyValue />
              )}
            </Table.Td>
            <Table.Td>{a.offering.name}</Table.Td>
            <Table.Td ta="right">{a.monthlyRent === null ? <EmptyValue /> : f.sek(a.monthlyRent)}</Table.Td>
            <Table.Td>{f.date(a.replacementDueOn)}</Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
      <AssetFormModal opened={creating} onClose={() => setCreating(false)} asset={null} />
      <FileImportDialog<{ created: number; dryRun: boolean }>
        opened={importing}
        onClose={() => setImporting(false)}
        path="/api/v1/catalogue/assets/import"
        title={t('catalogue.assets.importTitle')}
        help={t('catalogue.assets.importHelp')}
        summary={(r) => t('catalogue.assets.importCreated', { count: r.created, n: f.number(r.created) })}
        columnLabel={(field) => t(`catalogue.assets.importColumn.${field}`, { defaultValue: field })}
        invalidate={invalidate}
      />
    </>
  );
}

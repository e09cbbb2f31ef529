import { Select, Switch } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Integration,
  type IntegrationSort,
  type IntegrationTechnique,
  integrationTechniques,
} from '../../../../shared/registry/integrations.ts';
import { CursorTable, FilterBar, ListActions, SearchField } from '../../../platform/list-page.tsx';
import { PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { useRegistryCan } from '../systems/api.ts';
import { integrationKeys } from './api.ts';
import { SystemSelect } from './IntegrationForms.tsx';
import { IntegrationHead, IntegrationRows, useIntegrationDialogs } from './rows.tsx';
import type { IntegrationsSearch } from './search.ts';

// Integrations: a searchable, filterable, sortable table of keyset pages with export; the filters
// and the sort live in the URL. Each row offers change, archive and restore when the reader may
// (its `can`).

export function IntegrationsPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/_app/integrations' });
  const navigate = useNavigate({ from: '/integrations' });
  const can = useRegistryCan();
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<IntegrationsSearch>) =>
    void navigate({ search: (prev: IntegrationsSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const params = {
    search: search.q,
    systemId: search.systemId,
    technique: search.technique,
    personalData: search.personalData,
    critical: search.critical,
    includeArchived: search.archived,
    sort: search.sort,
    order: search.order,
  };
  const sorting = {
    sort: search.sort ?? 'information',
    order: search.order ?? 'asc',
    onSort: (column: IntegrationSort, next: 'asc' | 'desc') => update({ sort: column, order: next }),
  };
  const list = useCursorList<Integration>(integrationKeys.list, '/api/v1/integrations', {
    ...params,
    limit: 50,
  });
  const dialogs = useIntegrationDialogs();
  const filtered = search.q || search.systemId || search.technique || search.personalData || search.critical;

  return (
    <>
      <PageHeader
        title={t('registry.integrations.title')}
        description={t('registry.integrations.description')}
        breadcrumbs={[{ label: t('registry.navGroup') }, { label: t('registry.integrations.title') }]}
        actions={
          <ListActions
            exportPath="/api/v1/integrations/export"
            exportParams={params}
            create={
              can.data?.manage
                ? {
                    icon: <IconPlus size={16} aria-hidden />,
                    label: t('registry.integrations.new'),
                    onClick: () => dialogs.edit(null),
                  }
                : undefined
            }
          />
        }
      />
      <FilterBar label={t('registry.integrations.filters')}>
        <SearchField
          label={t('registry.integrations.search')}
          placeholder={t('registry.integrations.searchPlaceholder')}
          value={text}
          onChange={(value) => {
            setText(value);
            pushSearch(value);
          }}
        />
        <SystemSelect
          label={t('registry.systems.title')}
          placeholder={t('registry.integrations.anySystem')}
          value={search.systemId ?? null}
          onChange={(v) => update({ systemId: v ?? undefined })}
          clearable
          w={240}
        />
        <Select
          label={t('registry.integrations.field.technique')}
          placeholder={t('registry.integrations.allTechniques')}
          data={integrationTechniques.map((v) => ({
            value: v,
            label: t(`registry.integrations.technique.${v}`),
          }))}
          value={search.technique ?? null}
          onChange={(v) => update({ technique: (v as IntegrationTechnique) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          w={180}
        />
        <Switch
          label={t('registry.integrations.onlyPersonalData')}
          checked={!!search.personalData}
          onChange={(e) => update({ personalData: e.currentTarget.checked || undefined })}
          mb={8}
        />
        <Switch
          label={t('registry.integrations.onlyCritical')}
          checked={!!search.critical}
          onChange={(e) => update({ critical: e.currentTarget.checked || undefined })}
          mb={8}
        />
        <Switch
          label={t('registry.integrations.includeArchived')}
          checked={!!search.archived}
          onChange={(e) => update({ archived: e.currentTarget.checked || undefined })}
          mb={8}
        />
      </FilterBar>
      <CursorTable
        list={list}
        caption={t('registry.integrations.caption')}
        colSpan={7}
        minWidth={960}
        emptyText={filtered ? t('registry.integrations.noneMatch') : t('registry.integrations.none')}
        head={<IntegrationHead sorting={sorting} />}
      >
        <IntegrationRows items={list.items} onEdit={dialogs.edit} onArchive={dialogs.archive} />
      </CursorTable>
      {dialogs.dialogs()}
    </>
  );
}

import { Select, Switch } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBar, ListActions, SearchField } from '../../../platform/list-page.tsx';
import { PageHeader } from '../../../platform/page.tsx';
import { useRegistryCan } from '../systems/api.ts';
import { ContractFormModal } from './ContractForms.tsx';
import { ContractTable } from './parts.tsx';
import type { ContractsSearch } from './search.ts';

// Contracts: search, "ending within 6 months", "DPA missing", sort by title or end date, export of
// the same selection. The filters live in the URL, so a filtered list can be shared as a link.

export function ContractsPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/_app/contracts' });
  const navigate = useNavigate({ from: '/contracts' });
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<ContractsSearch>) =>
    void navigate({ search: (prev: ContractsSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const params = {
    search: search.q,
    endingWithinMonths: search.ending ? '6' : undefined,
    dpaMissing: search.dpaMissing,
    sort: search.sort,
    includeArchived: search.archived,
  };
  const filtered = search.q || search.ending || search.dpaMissing;
  const m = (key: string) => t(`registry.contracts.contracts.${key}`);
  const can = useRegistryCan();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={m('title')}
        description={m('description')}
        breadcrumbs={[{ label: t('registry.navGroup') }, { label: m('title') }]}
        actions={
          <ListActions
            exportPath="/api/v1/contracts/export"
            exportParams={params}
            create={
              can.data?.manage
                ? {
                    icon: <IconPlus size={16} aria-hidden />,
                    label: m('new'),
                    onClick: () => setCreating(true),
                  }
                : undefined
            }
          />
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
          label={m('sortBy')}
          data={[
            { value: 'title', label: m('sortTitle') },
            { value: 'endsOn', label: m('sortEndsOn') },
          ]}
          value={search.sort ?? 'title'}
          onChange={(v) => update({ sort: v === 'endsOn' ? 'endsOn' : undefined })}
          allowDeselect={false}
          w={180}
        />
        <Switch
          label={m('endingSoon')}
          checked={!!search.ending}
          onChange={(e) => update({ ending: e.currentTarget.checked || undefined })}
          mb={8}
        />
        <Switch
          label={m('dpaMissing')}
          checked={!!search.dpaMissing}
          onChange={(e) => update({ dpaMissing: e.currentTarget.checked || undefined })}
          mb={8}
        />
        <Switch
          label={t('registry.systems.includeArchived')}
          checked={!!search.archived}
          onChange={(e) => update({ archived: e.currentTarget.checked || undefined })}
          mb={8}
        />
      </FilterBar>
      <ContractTable
        params={params}
        caption={m('caption')}
        emptyText={filtered ? m('noneMatch') : m('none')}
      />
      {can.data?.manage && (
        <ContractFormModal opened={creating} onClose={() => setCreating(false)} contract={null} />
      )}
    </>
  );
}

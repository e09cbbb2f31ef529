import { Switch, Table, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Offering } from '../../../../shared/catalogue/offerings.ts';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable, FilterBar, ListActions, SearchField } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { catalogueKeys } from '../api.ts';
import { priceText } from './parts.tsx';
import type { OfferingsSearch } from './search.ts';

// The offerings with their family, service, price model and the price in effect this month,
// internal and external with VAT; search and archived in the URL, the export of the same list.

export function OfferingsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/_app/catalogue/offerings' });
  const navigate = useNavigate({ from: '/catalogue/offerings' });
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<OfferingsSearch>) =>
    void navigate({ search: (prev: OfferingsSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const params = { search: search.q, includeArchived: search.archived };
  const m = (key: string) => t(`catalogue.offerings.${key}`);
  const field = (name: string) => m(`field.${name}`);
  const list = useCursorList<Offering>(catalogueKeys.offerings, '/api/v1/catalogue/offerings', {
    ...params,
    limit: 50,
  });
  return (
    <>
      <PageHeader
        title={m('title')}
        description={m('description')}
        breadcrumbs={[{ label: t('catalogue.navGroup') }, { label: m('title') }]}
        actions={<ListActions exportPath="/api/v1/catalogue/offerings/export" exportParams={params} />}
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
        colSpan={5}
        minWidth={900}
        emptyText={search.q ? m('noneMatch') : m('none')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{field('name')}</Table.Th>
            <Table.Th scope="col">{field('family')}</Table.Th>
            <Table.Th scope="col">{field('priceModel')}</Table.Th>
            <Table.Th scope="col">{field('internal')}</Table.Th>
            <Table.Th scope="col">{field('external')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((o) => (
          <Table.Tr key={o.id}>
            <Table.Td>
              <RouterAnchor
                to="/catalogue/offerings/$offeringId"
                params={{ offeringId: o.id }}
                fw={500}
                size="sm"
              >
                {o.name}
              </RouterAnchor>
              {o.archivedAt && (
                <Text span size="xs" c="dimmed" ml={6}>
                  {t('common.archived')}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {o.service.name}
              </Text>
            </Table.Td>
            <Table.Td>{o.family.name}</Table.Td>
            <Table.Td>{m(`priceModel.${o.priceModel}`)}</Table.Td>
            <Table.Td>{priceText(t, f.sek, o, o.current)}</Table.Td>
            <Table.Td>
              {o.pricing === 'costCovering' || !o.current ? (
                <EmptyValue />
              ) : (
                priceText(t, f.sek, o, o.current, 'external')
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
    </>
  );
}

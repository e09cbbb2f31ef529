import { Select, Switch, Table, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueService } from '../../../../shared/desk/services.ts';
import { useAuth } from '../../../platform/auth.tsx';
import { ArchivedBadge } from '../../../platform/directory/parts.tsx';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable, FilterBar, ListActions, SearchField } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { serviceKeys } from './api.ts';
import { ServiceFormModal } from './ServiceForm.tsx';
import type { ServicesSearch } from './search.ts';

// The service catalogue (tjänstekatalogen): searchable, orderable ones or the others, archived
// ones on request, exported with the same filters; the filters live in the URL.

export function ServicesPage() {
  const { t } = useTranslation();
  const { isAdmin } = useAuth();
  const search = useSearch({ from: '/_app/desk/services' }) as ServicesSearch;
  const navigate = useNavigate({ from: '/desk/services' });
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<ServicesSearch>) =>
    void navigate({ search: (prev: ServicesSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const params = { search: search.q, orderable: search.orderable, includeArchived: search.archived };
  const list = useCursorList<CatalogueService>(serviceKeys.serviceList, '/api/v1/catalogue-services', {
    ...params,
    limit: 50,
  });
  const [creating, setCreating] = useState(false);
  const field = (name: string) => t(`desk.services.services.field.${name}`);

  return (
    <>
      <PageHeader
        title={t('desk.services.services.title')}
        description={t('desk.services.services.description')}
        breadcrumbs={[{ label: t('desk.navGroupAdmin') }, { label: t('desk.services.services.title') }]}
        actions={
          <ListActions
            exportPath="/api/v1/catalogue-services/export"
            exportParams={params}
            create={
              isAdmin
                ? {
                    icon: <IconPlus size={16} aria-hidden />,
                    label: t('desk.services.services.new'),
                    onClick: () => setCreating(true),
                  }
                : undefined
            }
          />
        }
      />
      <FilterBar label={t('desk.services.services.filters')}>
        <SearchField
          label={t('desk.services.services.search')}
          placeholder={t('desk.services.services.searchPlaceholder')}
          value={text}
          onChange={(value) => {
            setText(value);
            pushSearch(value);
          }}
        />
        <Select
          label={t('desk.services.services.show')}
          data={[
            { value: 'all', label: t('desk.services.services.showAll') },
            { value: 'true', label: t('desk.services.services.showOrderable') },
            { value: 'false', label: t('desk.services.services.showNotOrderable') },
          ]}
          value={search.orderable ?? 'all'}
          onChange={(v) => update({ orderable: v === 'true' || v === 'false' ? v : undefined })}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          w={220}
        />
        <Switch
          label={t('desk.services.services.includeArchived')}
          checked={!!search.archived}
          onChange={(e) => update({ archived: e.currentTarget.checked || undefined })}
          mb={8}
        />
      </FilterBar>
      <CursorTable
        list={list}
        caption={t('desk.services.services.caption')}
        colSpan={5}
        minWidth={860}
        emptyText={
          search.q || search.orderable
            ? t('desk.services.services.noneMatch')
            : t('desk.services.services.none')
        }
        head={
          <Table.Tr>
            <Table.Th scope="col">{field('name')}</Table.Th>
            <Table.Th scope="col">{field('group')}</Table.Th>
            <Table.Th scope="col">{field('level')}</Table.Th>
            <Table.Th scope="col">{field('owner')}</Table.Th>
            <Table.Th scope="col">{t('desk.services.services.orderable')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>
              <RouterAnchor to="/desk/services/$serviceId" params={{ serviceId: s.id }} fw={500} size="sm">
                {s.name}
              </RouterAnchor>{' '}
              {s.archivedAt && <ArchivedBadge />}
            </Table.Td>
            <Table.Td>
              {s.groupName ? (
                <Text span size="sm">
                  {s.groupName}
                </Text>
              ) : (
                <EmptyValue />
              )}
            </Table.Td>
            <Table.Td>
              <Text span size="sm">
                {s.serviceLevelName ?? t('desk.services.levels.default')}
              </Text>
            </Table.Td>
            <Table.Td>
              {s.ownerName ? (
                <Text span size="sm">
                  {s.ownerName}
                </Text>
              ) : (
                <EmptyValue />
              )}
            </Table.Td>
            <Table.Td>
              <Text span size="sm">
                {s.orderable ? t('common.yes') : t('common.no')}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
      {isAdmin && <ServiceFormModal opened={creating} onClose={() => setCreating(false)} service={null} />}
    </>
  );
}

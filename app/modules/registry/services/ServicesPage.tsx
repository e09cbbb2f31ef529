import { Select, Switch, Table, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Service,
  type ServiceKind,
  type ServiceSort,
  serviceKinds,
} from '../../../../shared/registry/services.ts';
import { type LifecyclePhase, lifecyclePhases } from '../../../../shared/registry/systems.ts';
import { PersonLink } from '../../../platform/directory/parts.tsx';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable, FilterBar, ListActions, SearchField } from '../../../platform/list-page.tsx';
import { PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { useRegistryCan } from '../systems/api.ts';
import { PhaseBadge, SortHeader } from '../systems/parts.tsx';
import { serviceKeys } from './api.ts';
import { KindBadge, Levels } from './parts.tsx';
import { ServiceFormModal } from './ServiceForms.tsx';
import type { ServicesSearch } from './search.ts';

// Services and APIs: a searchable, filterable table of keyset pages; the filters live in the URL.

export function ServicesPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/_app/services' });
  const navigate = useNavigate({ from: '/services' });
  const can = useRegistryCan();
  const [creating, setCreating] = useState(false);
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<ServicesSearch>) =>
    void navigate({ search: (prev: ServicesSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const params = {
    search: search.q,
    kind: search.kind,
    phase: search.phase,
    includeArchived: search.archived,
    sort: search.sort,
    order: search.order,
  };
  const sort = search.sort ?? 'name';
  const order = search.order ?? 'asc';
  const onSort = (column: ServiceSort, next: 'asc' | 'desc') => update({ sort: column, order: next });
  const header = (column: ServiceSort, label: string) => (
    <SortHeader column={column} label={label} sort={sort} order={order} onSort={onSort} />
  );
  const list = useCursorList<Service>(serviceKeys.list, '/api/v1/services', { ...params, limit: 50 });

  return (
    <>
      <PageHeader
        title={t('registry.services.title')}
        description={t('registry.services.description')}
        breadcrumbs={[{ label: t('registry.navGroup') }, { label: t('registry.services.title') }]}
        actions={
          <ListActions
            exportPath="/api/v1/services/export"
            exportParams={params}
            create={
              can.data?.manage
                ? {
                    icon: <IconPlus size={16} aria-hidden />,
                    label: t('registry.services.new'),
                    onClick: () => setCreating(true),
                  }
                : undefined
            }
          />
        }
      />
      <FilterBar label={t('registry.services.filters')}>
        <SearchField
          label={t('registry.services.search')}
          placeholder={t('registry.services.searchPlaceholder')}
          value={text}
          onChange={(value) => {
            setText(value);
            pushSearch(value);
          }}
        />
        <Select
          label={t('registry.services.field.kind')}
          placeholder={t('registry.services.allKinds')}
          data={serviceKinds.map((k) => ({ value: k, label: t(`registry.services.kind.${k}`) }))}
          value={search.kind ?? null}
          onChange={(v) => update({ kind: (v as ServiceKind) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          w={180}
        />
        <Select
          label={t('registry.services.field.phase')}
          placeholder={t('registry.systems.allPhases')}
          data={lifecyclePhases.map((p) => ({ value: p, label: t(`registry.systems.phase.${p}`) }))}
          value={search.phase ?? null}
          onChange={(v) => update({ phase: (v as LifecyclePhase) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          w={200}
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
        caption={t('registry.services.caption')}
        colSpan={6}
        minWidth={820}
        emptyText={
          search.q || search.kind || search.phase
            ? t('registry.services.noneMatch')
            : t('registry.services.none')
        }
        head={
          <Table.Tr>
            {header('name', t('registry.services.field.name'))}
            {header('kind', t('registry.services.field.kind'))}
            {header('phase', t('registry.services.field.phase'))}
            <Table.Th scope="col">{t('registry.services.field.ownerId')}</Table.Th>
            <Table.Th scope="col">{t('registry.services.levels')}</Table.Th>
            <Table.Th scope="col">{t('registry.services.providedBy')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((service) => (
          <Table.Tr key={service.id}>
            <Table.Td>
              <RouterAnchor to="/services/$serviceId" params={{ serviceId: service.id }} fw={500} size="sm">
                {service.name}
              </RouterAnchor>
              {service.apiVersion && (
                <Text span size="xs" c="dimmed" ml={6}>
                  {service.apiVersion}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <KindBadge kind={service.kind} />
            </Table.Td>
            <Table.Td>
              <PhaseBadge phase={service.phase} />
            </Table.Td>
            <Table.Td>
              <PersonLink id={service.ownerId} />
            </Table.Td>
            <Table.Td>
              <Levels service={service} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                {service.systems
                  .filter((l) => l.role === 'provides')
                  .map((l) => l.name)
                  .join(', ')}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
      <ServiceFormModal opened={creating} onClose={() => setCreating(false)} service={null} />
    </>
  );
}

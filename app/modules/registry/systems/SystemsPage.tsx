import { Select, Switch, Table, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFileImport } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type LifecyclePhase,
  lifecyclePhases,
  type System,
  type SystemScope,
  systemScopes,
} from '../../../../shared/registry/systems.ts';
import { UnitLink } from '../../../platform/directory/parts.tsx';
import { RouterAnchor, RouterButton } from '../../../platform/links.tsx';
import { CursorTable, FilterBar, SearchField } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { systemKeys, useRegistryCan } from './api.ts';
import { PhaseBadge, ScopeBadge } from './parts.tsx';

// Systems: a searchable, filterable table of keyset pages; the filters live in the URL.

export interface SystemsSearch {
  q?: string;
  scope?: SystemScope;
  phase?: LifecyclePhase;
  archived?: boolean;
}

export function validateSystemsSearch(search: Record<string, unknown>): SystemsSearch {
  return {
    q: typeof search.q === 'string' && search.q ? search.q.slice(0, 100) : undefined,
    scope: systemScopes.includes(search.scope as SystemScope) ? (search.scope as SystemScope) : undefined,
    phase: lifecyclePhases.includes(search.phase as LifecyclePhase)
      ? (search.phase as LifecyclePhase)
      : undefined,
    archived: search.archived === true || search.archived === 'true' ? true : undefined,
  };
}

export function SystemsPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/_app/systems' });
  const navigate = useNavigate({ from: '/systems' });
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<SystemsSearch>) =>
    void navigate({ search: (prev: SystemsSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const params = {
    search: search.q,
    scope: search.scope,
    phase: search.phase,
    includeArchived: search.archived,
  };
  const can = useRegistryCan();
  const list = useCursorList<System>(systemKeys.list, '/api/v1/systems', { ...params, limit: 50 });

  return (
    <>
      <PageHeader
        title={t('registry.systems.title')}
        description={t('registry.systems.description')}
        breadcrumbs={[{ label: t('registry.navGroup') }, { label: t('registry.systems.title') }]}
        actions={
          can.data?.manage ? (
            <RouterButton
              to="/systems/import"
              variant="default"
              leftSection={<IconFileImport size={16} aria-hidden />}
            >
              {t('registry.import.open')}
            </RouterButton>
          ) : undefined
        }
      />
      <FilterBar label={t('registry.systems.filters')}>
        <SearchField
          label={t('registry.systems.search')}
          placeholder={t('registry.systems.searchPlaceholder')}
          value={text}
          onChange={(value) => {
            setText(value);
            pushSearch(value);
          }}
        />
        <Select
          label={t('registry.systems.field.scope')}
          placeholder={t('registry.systems.allScopes')}
          data={systemScopes.map((s) => ({ value: s, label: t(`registry.systems.scope.${s}`) }))}
          value={search.scope ?? null}
          onChange={(v) => update({ scope: (v as SystemScope) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          w={220}
        />
        <Select
          label={t('registry.systems.field.phase')}
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
        caption={t('registry.systems.caption')}
        colSpan={5}
        minWidth={760}
        emptyText={
          search.q || search.scope || search.phase
            ? t('registry.systems.noneMatch')
            : t('registry.systems.none')
        }
        head={
          <Table.Tr>
            <Table.Th scope="col">{t('registry.systems.field.name')}</Table.Th>
            <Table.Th scope="col">{t('registry.systems.field.scope')}</Table.Th>
            <Table.Th scope="col">{t('registry.systems.field.phase')}</Table.Th>
            <Table.Th scope="col">{t('registry.systems.field.owningUnitId')}</Table.Th>
            <Table.Th scope="col">{t('registry.systems.field.product')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((system) => (
          <Table.Tr key={system.id}>
            <Table.Td>
              <RouterAnchor to="/systems/$systemId" params={{ systemId: system.id }} fw={500} size="sm">
                {system.name}
              </RouterAnchor>
              {system.shortName && (
                <Text span size="xs" c="dimmed" ml={6}>
                  {system.shortName}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <ScopeBadge scope={system.scope} />
            </Table.Td>
            <Table.Td>
              <PhaseBadge phase={system.phase} />
            </Table.Td>
            <Table.Td>
              <UnitLink id={system.owningUnitId} />
            </Table.Td>
            <Table.Td>
              {system.product ? (
                [system.product, system.productVersion].filter(Boolean).join(' ')
              ) : (
                <EmptyValue />
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
    </>
  );
}

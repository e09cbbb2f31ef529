import { Badge, Select, Switch, Table, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  priorities,
  type ServiceLevel,
  type ServiceLevelKind,
  serviceLevelKinds,
} from '../../../../shared/desk/services.ts';
import { useAuth } from '../../../platform/auth.tsx';
import { ArchivedBadge } from '../../../platform/directory/parts.tsx';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable, FilterBar, ListActions, SearchField } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { serviceKeys } from './api.ts';
import { LevelFormModal } from './LevelForm.tsx';
import { durationText } from './parts.tsx';
import type { LevelsSearch } from './search.ts';

// Service levels: what the desk promises (and suppliers' contracted levels), searchable, by kind,
// archived ones on request, exported as CSV or Excel with the same filters; the filters live in
// the URL.

export function LevelsPage() {
  const { t } = useTranslation();
  const { isAdmin } = useAuth();
  const search = useSearch({ from: '/_app/desk/service-levels' }) as LevelsSearch;
  const navigate = useNavigate({ from: '/desk/service-levels' });
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<LevelsSearch>) =>
    void navigate({ search: (prev: LevelsSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const params = { search: search.q, kind: search.kind, includeArchived: search.archived };
  const list = useCursorList<ServiceLevel>(serviceKeys.levelList, '/api/v1/service-levels', {
    ...params,
    limit: 50,
  });
  const [creating, setCreating] = useState(false);
  const field = (name: string) => t(`desk.services.levels.field.${name}`);

  return (
    <>
      <PageHeader
        title={t('desk.services.levels.title')}
        description={t('desk.services.levels.description')}
        breadcrumbs={[{ label: t('desk.navGroupAdmin') }, { label: t('desk.services.levels.title') }]}
        actions={
          <ListActions
            exportPath="/api/v1/service-levels/export"
            exportParams={params}
            create={
              isAdmin
                ? {
                    icon: <IconPlus size={16} aria-hidden />,
                    label: t('desk.services.levels.new'),
                    onClick: () => setCreating(true),
                  }
                : undefined
            }
          />
        }
      />
      <FilterBar label={t('desk.services.levels.filters')}>
        <SearchField
          label={t('desk.services.levels.search')}
          placeholder={t('desk.services.levels.searchPlaceholder')}
          value={text}
          onChange={(value) => {
            setText(value);
            pushSearch(value);
          }}
        />
        <Select
          label={field('kind')}
          placeholder={t('desk.services.levels.anyKind')}
          data={serviceLevelKinds.map((k) => ({ value: k, label: t(`desk.services.levels.kind.${k}`) }))}
          value={search.kind ?? null}
          onChange={(v) => update({ kind: (v as ServiceLevelKind) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          comboboxProps={{ withinPortal: true }}
          w={240}
        />
        <Switch
          label={t('desk.services.levels.includeArchived')}
          checked={!!search.archived}
          onChange={(e) => update({ archived: e.currentTarget.checked || undefined })}
          mb={8}
        />
      </FilterBar>
      <CursorTable
        list={list}
        caption={t('desk.services.levels.caption')}
        colSpan={5}
        minWidth={880}
        emptyText={
          search.q || search.kind ? t('desk.services.levels.noneMatch') : t('desk.services.levels.none')
        }
        head={
          <Table.Tr>
            <Table.Th scope="col">{field('name')}</Table.Th>
            <Table.Th scope="col">{field('kind')}</Table.Th>
            <Table.Th scope="col">{field('calendar')}</Table.Th>
            <Table.Th scope="col">{t('desk.services.levels.resolutionSummary')}</Table.Th>
            <Table.Th scope="col">{field('contract')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((l) => (
          <Table.Tr key={l.id}>
            <Table.Td>
              <RouterAnchor to="/desk/service-levels/$levelId" params={{ levelId: l.id }} fw={500} size="sm">
                {l.name}
              </RouterAnchor>{' '}
              {l.isDefault && (
                <Badge variant="light" size="sm">
                  {t('desk.services.levels.default')}
                </Badge>
              )}
              {l.archivedAt && <ArchivedBadge />}
            </Table.Td>
            <Table.Td>
              <Text span size="sm">
                {t(`desk.services.levels.kind.${l.kind}`)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text span size="sm">
                {l.calendarName ?? t('desk.services.levels.noCalendar')}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text span size="sm">
                {priorities.map((p) => durationText(t, l.targets[p].resolution)).join(' · ')}
              </Text>
            </Table.Td>
            <Table.Td>
              {l.contractId ? (
                <RouterAnchor to="/contracts/$contractId" params={{ contractId: l.contractId }} size="sm">
                  {l.contractTitle}
                </RouterAnchor>
              ) : (
                <EmptyValue />
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
      {isAdmin && <LevelFormModal opened={creating} onClose={() => setCreating(false)} level={null} />}
    </>
  );
}

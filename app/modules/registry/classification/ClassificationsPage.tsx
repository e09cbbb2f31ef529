import { Group, Select, Switch, Table, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Classification, classificationSorts } from '../../../../shared/registry/classification.ts';
import { StatusBadge } from '../../../platform/badges.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable, ExportMenu, FilterBar, SearchField } from '../../../platform/list-page.tsx';
import { PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { classificationKeys } from './api.ts';
import { Levels } from './parts.tsx';
import type { ClassificationsSearch } from './search.ts';

// Every classification of the organisation: what is due for review, what is at level 4, by system
// or by review date; filters in the URL, exportable. Rows of systems the reader may not read the
// levels of say so instead ("Sekretess"): the server sends no levels for them.

export function ClassificationsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/_app/classifications' });
  const navigate = useNavigate({ from: '/classifications' });
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<ClassificationsSearch>) =>
    void navigate({ search: (prev: ClassificationsSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const params = {
    search: search.q,
    reviewDue: search.reviewDue,
    level4: search.level4,
    sort: search.sort,
    includeArchived: search.archived,
  };
  const list = useCursorList<Classification>(classificationKeys.list, '/api/v1/classifications', {
    ...params,
    limit: 50,
  });
  const filtered = search.q || search.reviewDue || search.level4;

  return (
    <>
      <PageHeader
        title={t('registry.classification.title')}
        description={t('registry.classification.description')}
        breadcrumbs={[{ label: t('registry.navGroup') }, { label: t('registry.classification.title') }]}
        actions={<ExportMenu path="/api/v1/classifications/export" params={params} />}
      />
      <FilterBar label={t('registry.classification.filters')}>
        <SearchField
          label={t('registry.classification.search')}
          placeholder={t('registry.classification.searchPlaceholder')}
          value={text}
          onChange={(value) => {
            setText(value);
            pushSearch(value);
          }}
        />
        <Select
          label={t('registry.classification.sort')}
          data={classificationSorts.map((s) => ({
            value: s,
            label: t(
              s === 'system' ? 'registry.classification.sortSystem' : 'registry.classification.sortReview',
            ),
          }))}
          value={search.sort ?? 'system'}
          onChange={(v) => update({ sort: v === 'nextReviewOn' ? 'nextReviewOn' : undefined })}
          allowDeselect={false}
          w={200}
        />
        <Switch
          label={t('registry.classification.reviewDue')}
          checked={!!search.reviewDue}
          onChange={(e) => update({ reviewDue: e.currentTarget.checked || undefined })}
          mb={8}
        />
        <Switch
          label={t('registry.classification.level4')}
          checked={!!search.level4}
          onChange={(e) => update({ level4: e.currentTarget.checked || undefined })}
          mb={8}
        />
        <Switch
          label={t('registry.classification.includeArchived')}
          checked={!!search.archived}
          onChange={(e) => update({ archived: e.currentTarget.checked || undefined })}
          mb={8}
        />
      </FilterBar>
      <CursorTable
        list={list}
        caption={t('registry.classification.caption')}
        colSpan={5}
        minWidth={820}
        emptyText={filtered ? t('registry.classification.noneMatch') : t('registry.classification.none')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{t('registry.classification.field.system')}</Table.Th>
            <Table.Th scope="col">{t('registry.classification.field.informationSet')}</Table.Th>
            <Table.Th scope="col">{t('registry.classification.field.levels')}</Table.Th>
            <Table.Th scope="col">{t('registry.classification.field.nextReviewOn')}</Table.Th>
            <Table.Th scope="col">{t('registry.classification.field.classifiedOn')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              <RouterAnchor to="/systems/$systemId" params={{ systemId: c.systemId }} fw={500} size="sm">
                {c.systemName}
              </RouterAnchor>
              {c.archivedAt && (
                <Text span size="xs" c="dimmed" ml={6}>
                  {t('common.archived')}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{c.informationSet ?? t('registry.classification.wholeSystem')}</Table.Td>
            <Table.Td>
              <Levels levels={c} />
            </Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                {f.date(c.nextReviewOn)}
                {c.overdue && (
                  <StatusBadge tone="warning">{t('registry.classification.overdue')}</StatusBadge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{f.date(c.classifiedOn)}</Text>
              <Text size="xs" c="dimmed">
                {c.classifiedByName}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
    </>
  );
}

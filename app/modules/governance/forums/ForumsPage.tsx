import { Select, Switch, Table, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Forum, type ForumKind, forumKinds } from '../../../../shared/governance/forums.ts';
import { ArchivedBadge } from '../../../platform/directory/parts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable, FilterBar, ListActions, SearchField } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { governanceKeys, useGovernanceSettings } from '../api.ts';
import { ForumFormModal } from './ForumForm.tsx';
import type { ForumsSearch } from './search.ts';
import { useMeetingsText } from './text.ts';

// The forums (styrgrupp, beredningsgrupp, råd …): searchable, by kind, archived ones on request;
// the filters live in the URL.

export function ForumsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const meetings = useMeetingsText();
  const search = useSearch({ from: '/_app/governance/forums' }) as ForumsSearch;
  const navigate = useNavigate({ from: '/governance/forums' });
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<ForumsSearch>) =>
    void navigate({ search: (prev: ForumsSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const params = { search: search.q, kind: search.kind, includeArchived: search.archived };
  const list = useCursorList<Forum>(governanceKeys.forumList, '/api/v1/forums', { ...params, limit: 50 });
  const settings = useGovernanceSettings();
  const [creating, setCreating] = useState(false);
  const field = (name: string) => t(`governance.forums.field.${name}`);

  return (
    <>
      <PageHeader
        title={t('governance.forums.title')}
        description={t('governance.forums.description')}
        breadcrumbs={[{ label: t('governance.navGroup') }, { label: t('governance.forums.title') }]}
        actions={
          <ListActions
            exportPath="/api/v1/forums/export"
            exportParams={params}
            create={
              settings.data?.can.update
                ? {
                    icon: <IconPlus size={16} aria-hidden />,
                    label: t('governance.forums.new'),
                    onClick: () => setCreating(true),
                  }
                : undefined
            }
          />
        }
      />
      <FilterBar label={t('governance.forums.filters')}>
        <SearchField
          label={t('governance.forums.search')}
          placeholder={t('governance.forums.searchPlaceholder')}
          value={text}
          onChange={(value) => {
            setText(value);
            pushSearch(value);
          }}
        />
        <Select
          label={field('kind')}
          placeholder={t('governance.forums.anyKind')}
          data={forumKinds.map((k) => ({ value: k, label: t(`governance.forums.kind.${k}`) }))}
          value={search.kind ?? null}
          onChange={(v) => update({ kind: (v as ForumKind) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          comboboxProps={{ withinPortal: true }}
          w={220}
        />
        <Switch
          label={t('governance.forums.includeArchived')}
          checked={!!search.archived}
          onChange={(e) => update({ archived: e.currentTarget.checked || undefined })}
          mb={8}
        />
      </FilterBar>
      <CursorTable
        list={list}
        caption={t('governance.forums.caption')}
        colSpan={5}
        minWidth={760}
        emptyText={search.q || search.kind ? t('governance.forums.noneMatch') : t('governance.forums.none')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{field('name')}</Table.Th>
            <Table.Th scope="col">{field('kind')}</Table.Th>
            <Table.Th scope="col">{field('meetings')}</Table.Th>
            <Table.Th scope="col">{field('chair')}</Table.Th>
            <Table.Th scope="col">{t('governance.forums.memberCount')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((forum) => (
          <Table.Tr key={forum.id}>
            <Table.Td>
              <RouterAnchor
                to="/governance/forums/$forumId"
                params={{ forumId: forum.id }}
                fw={500}
                size="sm"
              >
                {forum.name}
              </RouterAnchor>{' '}
              {forum.archivedAt && <ArchivedBadge />}
            </Table.Td>
            <Table.Td>
              <Text span size="sm">
                {t(`governance.forums.kind.${forum.kind}`)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text span size="sm">
                {meetings(forum)}
              </Text>
            </Table.Td>
            <Table.Td>
              {forum.chair ? (
                <Text span size="sm">
                  {forum.chair.name}
                </Text>
              ) : (
                <EmptyValue />
              )}
            </Table.Td>
            <Table.Td>
              <Text span size="sm">
                {f.number(forum.members.length)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
      {settings.data?.can.update && (
        <ForumFormModal opened={creating} onClose={() => setCreating(false)} forum={null} />
      )}
    </>
  );
}

import { Button, Select, Switch, Table, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Group, type GroupKind, groupKinds } from '../../../../shared/desk/groups.ts';
import { ArchivedBadge } from '../../../platform/directory/parts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable, FilterBar, SearchField } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { deskKeys, useDeskCan } from '../api.ts';
import { GroupConcerns } from './GroupConcerns.tsx';
import { GroupFormModal } from './GroupForm.tsx';
import type { GroupsSearch } from './search.ts';

// The desk's groups (ärendegrupper): who works which tickets. Searchable, by kind, archived ones
// on request; the filters live in the URL.

export function GroupsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/_app/desk/groups' }) as GroupsSearch;
  const navigate = useNavigate({ from: '/desk/groups' });
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<GroupsSearch>) =>
    void navigate({ search: (prev: GroupsSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const list = useCursorList<Group>(deskKeys.groupList, '/api/v1/groups', {
    search: search.q,
    kind: search.kind,
    includeArchived: search.archived,
    limit: 50,
  });
  const can = useDeskCan();
  const [creating, setCreating] = useState(false);
  const field = (name: string) => t(`desk.groups.field.${name}`);

  return (
    <>
      <PageHeader
        title={t('desk.groups.title')}
        description={t('desk.groups.description')}
        breadcrumbs={[{ label: t('desk.navGroupAdmin') }, { label: t('desk.groups.title') }]}
        actions={
          can.data?.configure ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('desk.groups.new')}
            </Button>
          ) : undefined
        }
      />
      <FilterBar label={t('desk.groups.filters')}>
        <SearchField
          label={t('desk.groups.search')}
          placeholder={t('desk.groups.searchPlaceholder')}
          value={text}
          onChange={(value) => {
            setText(value);
            pushSearch(value);
          }}
        />
        <Select
          label={field('kind')}
          placeholder={t('desk.groups.anyKind')}
          data={groupKinds.map((k) => ({ value: k, label: t(`desk.groups.kind.${k}`) }))}
          value={search.kind ?? null}
          onChange={(v) => update({ kind: (v as GroupKind) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          comboboxProps={{ withinPortal: true }}
          w={220}
        />
        <Switch
          label={t('desk.groups.includeArchived')}
          checked={!!search.archived}
          onChange={(e) => update({ archived: e.currentTarget.checked || undefined })}
          mb={8}
        />
      </FilterBar>
      <CursorTable
        list={list}
        caption={t('desk.groups.caption')}
        colSpan={5}
        minWidth={760}
        emptyText={search.q || search.kind ? t('desk.groups.noneMatch') : t('desk.groups.none')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{field('name')}</Table.Th>
            <Table.Th scope="col">{field('kind')}</Table.Th>
            <Table.Th scope="col">{t('desk.groups.concerns')}</Table.Th>
            <Table.Th scope="col">{field('lead')}</Table.Th>
            <Table.Th scope="col">{t('desk.groups.memberCount')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((g) => (
          <Table.Tr key={g.id}>
            <Table.Td>
              <RouterAnchor to="/desk/groups/$groupId" params={{ groupId: g.id }} fw={500} size="sm">
                {g.name}
              </RouterAnchor>{' '}
              {g.archivedAt && <ArchivedBadge />}
            </Table.Td>
            <Table.Td>
              <Text span size="sm">
                {t(`desk.groups.kind.${g.kind}`)}
              </Text>
            </Table.Td>
            <Table.Td>
              <GroupConcerns group={g} />
            </Table.Td>
            <Table.Td>
              {g.leadName ? (
                <Text span size="sm">
                  {g.leadName}
                </Text>
              ) : (
                <EmptyValue />
              )}
            </Table.Td>
            <Table.Td>
              <Text span size="sm">
                {f.number(g.memberCount)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
      {can.data?.configure && (
        <GroupFormModal opened={creating} onClose={() => setCreating(false)} group={null} />
      )}
    </>
  );
}

import { Select, Stack, Table, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ArticleRow,
  type KnowledgeKind,
  type KnowledgeSort,
  type KnowledgeState,
  knowledgeKinds,
  knowledgeStates,
} from '../../../../shared/desk/knowledge.ts';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable, FilterBar, ListActions, SearchField } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { useDeskCan } from '../api.ts';
import { SystemSelect } from '../inputs.tsx';
import { SortHeader } from '../tickets/parts.tsx';
import { ArticleFormModal } from './ArticleForm.tsx';
import { knowledgeKeys } from './api.ts';
import { KindBadge, StateBadge } from './parts.tsx';
import type { KnowledgeSearch } from './search.ts';

// The knowledge base: every employee reads the published articles here, searched (Swedish full
// text) and filtered by system and kind; agents also see drafts and archived articles, write new
// ones and see how often each helped. The filters live in the URL.

export function KnowledgePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/_app/desk/knowledge' }) as KnowledgeSearch;
  const navigate = useNavigate({ from: '/desk/knowledge' });
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<KnowledgeSearch>) =>
    void navigate({ search: (prev: KnowledgeSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const agent = useDeskCan().data?.agent ?? false;
  const [creating, setCreating] = useState(false);
  const sort = search.sort ?? 'title';
  const order = search.order ?? (sort === 'title' ? 'asc' : 'desc');
  const params = {
    search: search.q,
    systemId: search.systemId,
    kind: search.kind,
    state: agent ? search.state : undefined,
    sort,
    order,
  };
  const list = useCursorList<ArticleRow>(knowledgeKeys.list, '/api/v1/knowledge', { ...params, limit: 50 });
  const field = (name: string) => t(`desk.knowledge.field.${name}`);
  const onSort = (column: KnowledgeSort, next: 'asc' | 'desc') => update({ sort: column, order: next });
  const filtered = !!(search.q || search.systemId || search.kind || search.state);
  const columns = agent ? 6 : 4;

  return (
    <>
      <PageHeader
        title={t('desk.knowledge.title')}
        description={t('desk.knowledge.description')}
        breadcrumbs={[{ label: t('desk.navGroup') }, { label: t('desk.knowledge.title') }]}
        actions={
          <ListActions
            exportPath="/api/v1/knowledge/export"
            exportParams={params}
            create={
              agent
                ? {
                    icon: <IconPlus size={16} aria-hidden />,
                    label: t('desk.knowledge.new'),
                    onClick: () => setCreating(true),
                  }
                : undefined
            }
          />
        }
      />
      <FilterBar label={t('desk.knowledge.filters')}>
        <SearchField
          label={t('desk.knowledge.search')}
          placeholder={t('desk.knowledge.searchPlaceholder')}
          value={text}
          onChange={(value) => {
            setText(value);
            pushSearch(value);
          }}
        />
        <SystemSelect
          label={field('system')}
          value={search.systemId ? { id: search.systemId, name: search.systemName ?? '' } : null}
          onChange={(s) => update({ systemId: s?.id, systemName: s?.name })}
          w={260}
        />
        <Select
          label={field('kind')}
          placeholder={t('desk.knowledge.anyKind')}
          data={knowledgeKinds.map((k) => ({ value: k, label: t(`desk.knowledge.kind.${k}`) }))}
          value={search.kind ?? null}
          onChange={(v) => update({ kind: (v as KnowledgeKind) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          comboboxProps={{ withinPortal: true }}
          w={180}
        />
        {agent && (
          <Select
            label={field('state')}
            placeholder={t('desk.knowledge.anyState')}
            data={knowledgeStates.map((s) => ({ value: s, label: t(`desk.knowledge.state.${s}`) }))}
            value={search.state ?? null}
            onChange={(v) => update({ state: (v as KnowledgeState) ?? undefined })}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            comboboxProps={{ withinPortal: true }}
            w={220}
          />
        )}
      </FilterBar>
      <CursorTable
        list={list}
        caption={t('desk.knowledge.caption')}
        colSpan={columns}
        minWidth={agent ? 900 : 680}
        emptyText={filtered ? t('desk.knowledge.noneMatch') : t('desk.knowledge.none')}
        head={
          <Table.Tr>
            <SortHeader column="title" label={field('title')} sort={sort} order={order} onSort={onSort} />
            <Table.Th scope="col">{field('kind')}</Table.Th>
            <Table.Th scope="col">{field('system')}</Table.Th>
            {agent && <Table.Th scope="col">{field('state')}</Table.Th>}
            {agent && (
              <SortHeader
                column="helpful"
                label={t('desk.knowledge.helpfulColumn')}
                sort={sort}
                order={order}
                onSort={onSort}
              />
            )}
            <SortHeader
              column="updatedAt"
              label={field('updatedAt')}
              sort={sort}
              order={order}
              onSort={onSort}
            />
          </Table.Tr>
        }
      >
        {list.items.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>
              <Stack gap={2}>
                <RouterAnchor to="/desk/knowledge/$articleId" params={{ articleId: a.id }} fw={500} size="sm">
                  {a.title}
                </RouterAnchor>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {a.excerpt}
                </Text>
              </Stack>
            </Table.Td>
            <Table.Td>
              <KindBadge kind={a.kind} />
            </Table.Td>
            <Table.Td>
              {a.system ? (
                <Text span size="sm">
                  {a.system.name}
                </Text>
              ) : (
                <EmptyValue />
              )}
            </Table.Td>
            {agent && (
              <Table.Td>
                <StateBadge state={a.state} />
              </Table.Td>
            )}
            {agent && (
              <Table.Td>
                <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {t('desk.knowledge.helpfulCount', { yes: f.number(a.helpful), no: f.number(a.notHelpful) })}
                </Text>
              </Table.Td>
            )}
            <Table.Td>
              <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
                {f.date(a.updatedAt)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
      {agent && <ArticleFormModal opened={creating} onClose={() => setCreating(false)} article={null} />}
    </>
  );
}

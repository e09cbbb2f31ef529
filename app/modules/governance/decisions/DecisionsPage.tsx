import { NumberInput, Select, Switch, Table, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Decision,
  type DecisionStatus,
  decisionStatuses,
} from '../../../../shared/governance/decisions.ts';
import type { Forum } from '../../../../shared/governance/forums.ts';
import { ArchivedBadge } from '../../../platform/directory/parts.tsx';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable, FilterBar, ListActions, SearchField } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { governanceKeys, useDecisionBodies, useGovernanceSettings } from '../api.ts';
import { DecisionFormModal } from './DecisionForm.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import type { DecisionsSearch } from './search.ts';

// The decision log: every decision of the forums and the external bodies, newest first, searched
// in Swedish full text (stems: "upphandlingarna" finds "upphandlingen"), filtered by body, year and
// status, exported for the diarium. The filters live in the URL.

/** The forums and the external bodies, for the body filter (a forum by id, a body by name). */
function useBodyOptions() {
  const forums = useCursorList<Forum>(governanceKeys.forumList, '/api/v1/forums', { limit: 100 });
  const external = useDecisionBodies().data?.items ?? [];
  return [
    ...forums.items.map((f) => ({ value: `forum:${f.id}`, label: f.name })),
    ...external.map((b) => ({ value: `body:${b}`, label: b })),
  ];
}

export function DecisionsPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/_app/governance/decisions' }) as DecisionsSearch;
  const navigate = useNavigate({ from: '/governance/decisions' });
  const [q, setQ] = useState(search.q ?? '');
  const update = (patch: Partial<DecisionsSearch>) =>
    void navigate({ search: (prev: DecisionsSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const params = {
    search: search.q,
    forumId: search.forumId,
    body: search.body,
    year: search.year,
    status: search.status,
    includeArchived: search.archived,
  };
  const list = useCursorList<Decision>(governanceKeys.decisionList, '/api/v1/decisions', {
    ...params,
    limit: 50,
  });
  const settings = useGovernanceSettings();
  const bodyOptions = useBodyOptions();
  const [creating, setCreating] = useState(false);
  const field = (name: string) => t(`governance.decisions.field.${name}`);
  const bodyValue = search.forumId ? `forum:${search.forumId}` : search.body ? `body:${search.body}` : null;
  const filtered = search.q || search.forumId || search.body || search.year || search.status;

  return (
    <>
      <PageHeader
        title={t('governance.decisions.title')}
        description={t('governance.decisions.description')}
        breadcrumbs={[{ label: t('governance.navGroup') }, { label: t('governance.decisions.title') }]}
        actions={
          <ListActions
            exportPath="/api/v1/decisions/export"
            exportParams={{ ...params, year: search.year ? String(search.year) : undefined }}
            create={
              settings.data?.can.recordDecisions
                ? {
                    icon: <IconPlus size={16} aria-hidden />,
                    label: t('governance.decisions.new'),
                    onClick: () => setCreating(true),
                  }
                : undefined
            }
          />
        }
      />
      <FilterBar label={t('governance.decisions.filters')}>
        <SearchField
          label={t('governance.decisions.search')}
          placeholder={t('governance.decisions.searchPlaceholder')}
          value={q}
          onChange={(value) => {
            setQ(value);
            pushSearch(value);
          }}
        />
        <Select
          label={field('body')}
          placeholder={t('governance.decisions.anyForum')}
          data={bodyOptions}
          value={bodyValue}
          onChange={(v) =>
            update({
              forumId: v?.startsWith('forum:') ? v.slice(6) : undefined,
              body: v?.startsWith('body:') ? v.slice(5) : undefined,
            })
          }
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          comboboxProps={{ withinPortal: true }}
          w={260}
        />
        <NumberInput
          label={field('year')}
          placeholder={t('governance.decisions.anyYear')}
          value={search.year ?? ''}
          onChange={(v) => update({ year: typeof v === 'number' && v >= 1900 && v <= 2200 ? v : undefined })}
          min={1900}
          max={2200}
          allowDecimal={false}
          thousandSeparator=""
          w={120}
        />
        <Select
          label={field('status')}
          placeholder={t('governance.decisions.anyStatus')}
          data={decisionStatuses.map((s) => ({ value: s, label: t(`governance.decisions.status.${s}`) }))}
          value={search.status ?? null}
          onChange={(v) => update({ status: (v as DecisionStatus) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          comboboxProps={{ withinPortal: true }}
          w={180}
        />
        <Switch
          label={t('governance.decisions.includeArchived')}
          checked={!!search.archived}
          onChange={(e) => update({ archived: e.currentTarget.checked || undefined })}
          mb={8}
        />
      </FilterBar>
      <Text size="xs" c="dimmed" mb="xs">
        {t('governance.decisions.searchHelp')}
      </Text>
      <CursorTable
        list={list}
        caption={t('governance.decisions.caption')}
        colSpan={6}
        minWidth={900}
        emptyText={filtered ? t('governance.decisions.noneMatch') : t('governance.decisions.none')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{field('decidedOn')}</Table.Th>
            <Table.Th scope="col">{field('body')}</Table.Th>
            <Table.Th scope="col">§</Table.Th>
            <Table.Th scope="col">{field('title')}</Table.Th>
            <Table.Th scope="col">{field('registrationNumber')}</Table.Th>
            <Table.Th scope="col">{field('status')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>
              <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
                {d.decidedOn}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text span size="sm">
                {d.bodyName}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text span size="sm">
                {d.paragraph}
              </Text>
            </Table.Td>
            <Table.Td>
              <RouterAnchor
                to="/governance/decisions/$decisionId"
                params={{ decisionId: d.id }}
                size="sm"
                fw={500}
              >
                {d.title ?? d.text.slice(0, 80)}
              </RouterAnchor>{' '}
              {d.archivedAt && <ArchivedBadge />}
            </Table.Td>
            <Table.Td>
              {d.registrationNumber ? (
                <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {d.registrationNumber}
                </Text>
              ) : (
                <EmptyValue />
              )}
            </Table.Td>
            <Table.Td>
              <StatusBadge status={d.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
      {settings.data?.can.recordDecisions && (
        <DecisionFormModal opened={creating} onClose={() => setCreating(false)} decision={null} />
      )}
    </>
  );
}

import { Select, Switch, Table, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type DocumentKind,
  type DocumentStatus,
  documentKinds,
  documentStatuses,
  type GoverningDocument,
} from '../../../../shared/governance/documents.ts';
import { ArchivedBadge } from '../../../platform/directory/parts.tsx';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable, FilterBar, ListActions, SearchField } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { governanceKeys, useGovernanceSettings } from '../api.ts';
import { DocumentFormModal } from './DocumentForm.tsx';
import { DocumentStatusBadge } from './DocumentStatusBadge.tsx';
import type { DocumentsSearch } from './search.ts';

// The governing documents: by kind and status, those overdue for review on request. Everyone
// signed in sees those in force; staff see all. The filters live in the URL.

export function DocumentsPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/_app/governance/documents' }) as DocumentsSearch;
  const navigate = useNavigate({ from: '/governance/documents' });
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<DocumentsSearch>) =>
    void navigate({ search: (prev: DocumentsSearch) => ({ ...prev, ...patch }), replace: true });
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);
  const params = {
    search: search.q,
    kind: search.kind,
    status: search.status,
    overdue: search.overdue,
    includeArchived: search.archived,
  };
  const list = useCursorList<GoverningDocument>(governanceKeys.documentList, '/api/v1/documents', {
    ...params,
    limit: 50,
  });
  const settings = useGovernanceSettings();
  const [creating, setCreating] = useState(false);
  const field = (name: string) => t(`governance.documents.field.${name}`);
  const filtered = search.q || search.kind || search.status || search.overdue;

  return (
    <>
      <PageHeader
        title={t('governance.documents.title')}
        description={t('governance.documents.description')}
        breadcrumbs={[{ label: t('governance.navGroup') }, { label: t('governance.documents.title') }]}
        actions={
          <ListActions
            exportPath="/api/v1/documents/export"
            exportParams={params}
            create={
              settings.data?.can.update
                ? {
                    icon: <IconPlus size={16} aria-hidden />,
                    label: t('governance.documents.new'),
                    onClick: () => setCreating(true),
                  }
                : undefined
            }
          />
        }
      />
      <FilterBar label={t('governance.documents.filters')}>
        <SearchField
          label={t('governance.documents.search')}
          placeholder={t('governance.documents.searchPlaceholder')}
          value={text}
          onChange={(value) => {
            setText(value);
            pushSearch(value);
          }}
        />
        <Select
          label={field('kind')}
          placeholder={t('governance.documents.anyKind')}
          data={documentKinds.map((k) => ({ value: k, label: t(`governance.documents.kind.${k}`) }))}
          value={search.kind ?? null}
          onChange={(v) => update({ kind: (v as DocumentKind) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          comboboxProps={{ withinPortal: true }}
          w={220}
        />
        <Select
          label={field('status')}
          placeholder={t('governance.documents.anyStatus')}
          data={documentStatuses.map((s) => ({ value: s, label: t(`governance.documents.status.${s}`) }))}
          value={search.status ?? null}
          onChange={(v) => update({ status: (v as DocumentStatus) ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          comboboxProps={{ withinPortal: true }}
          w={200}
        />
        <Switch
          label={t('governance.documents.overdueOnly')}
          checked={!!search.overdue}
          onChange={(e) => update({ overdue: e.currentTarget.checked || undefined })}
          mb={8}
        />
        <Switch
          label={t('governance.documents.includeArchived')}
          checked={!!search.archived}
          onChange={(e) => update({ archived: e.currentTarget.checked || undefined })}
          mb={8}
        />
      </FilterBar>
      <CursorTable
        list={list}
        caption={t('governance.documents.caption')}
        colSpan={5}
        minWidth={860}
        emptyText={filtered ? t('governance.documents.noneMatch') : t('governance.documents.none')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{field('title')}</Table.Th>
            <Table.Th scope="col">{field('kind')}</Table.Th>
            <Table.Th scope="col">{field('owner')}</Table.Th>
            <Table.Th scope="col">{field('nextReviewOn')}</Table.Th>
            <Table.Th scope="col">{field('status')}</Table.Th>
          </Table.Tr>
        }
      >
        {list.items.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>
              <RouterAnchor
                to="/governance/documents/$documentId"
                params={{ documentId: d.id }}
                fw={500}
                size="sm"
              >
                {d.title}
              </RouterAnchor>{' '}
              {d.archivedAt && <ArchivedBadge />}
              {d.parent && (
                <Text size="xs" c="dimmed">
                  {field('parent')}: {d.parent.name}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text span size="sm">
                {t(`governance.documents.kind.${d.kind}`)}
              </Text>
            </Table.Td>
            <Table.Td>
              {d.owner ? (
                <Text span size="sm">
                  {d.owner.name}
                </Text>
              ) : (
                <EmptyValue />
              )}
            </Table.Td>
            <Table.Td>
              {d.nextReviewOn ? (
                <Text span size="sm">
                  {d.nextReviewOn}
                </Text>
              ) : (
                <EmptyValue />
              )}
            </Table.Td>
            <Table.Td>
              <DocumentStatusBadge document={d} />
            </Table.Td>
          </Table.Tr>
        ))}
      </CursorTable>
      {settings.data?.can.update && (
        <DocumentFormModal opened={creating} onClose={() => setCreating(false)} document={null} />
      )}
    </>
  );
}

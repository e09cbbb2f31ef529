import { Stack, Table, Text } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoverningDocument } from '../../../../shared/governance/documents.ts';
import { ArchiveDialog, useRestore } from '../../../platform/dialogs.tsx';
import { PersonLink } from '../../../platform/directory/parts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable } from '../../../platform/list-page.tsx';
import { DetailList, PageHeader, Section } from '../../../platform/page.tsx';
import {
  isNotFound,
  RecordActions,
  RecordFallback,
  RecordNotices,
} from '../../../platform/record-actions.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { governanceKeys, useGovernanceInvalidate, useGoverningDocument } from '../api.ts';
import { DocumentFormModal } from './DocumentForm.tsx';
import { DocumentStatusBadge } from './DocumentStatusBadge.tsx';
import { Versions } from './Versions.tsx';

// One governing document: kind, owner, adopting decision, validity, review cycle and status, the
// document it sits under and those under it.

export function DocumentPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { documentId } = useParams({ from: '/_app/governance/documents/$documentId' });
  const query = useGoverningDocument(documentId);
  const [dialog, setDialog] = useState<null | 'edit' | 'archive'>(null);
  const invalidate = useGovernanceInvalidate();
  const restore = useRestore(`/api/v1/documents/${documentId}`, query.data?.version ?? 0, invalidate);
  const children = useCursorList<GoverningDocument>(governanceKeys.documentList, '/api/v1/documents', {
    parentId: documentId,
    limit: 50,
  });
  const d = query.data;
  if (!d || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const field = (name: string) => t(`governance.documents.field.${name}`);

  return (
    <>
      <PageHeader
        title={d.title}
        breadcrumbs={[
          { label: t('governance.navGroup') },
          { label: t('governance.documents.title'), to: '/governance/documents' },
          { label: d.title },
        ]}
        badges={<DocumentStatusBadge document={d} />}
        description={t(`governance.documents.kind.${d.kind}`)}
        actions={
          <RecordActions
            archived={!!d.archivedAt}
            can={d.can}
            onEdit={() => setDialog('edit')}
            restore={restore}
            items={[]}
            history={{ entity: 'governingDocument', entityId: d.id }}
            onArchive={() => setDialog('archive')}
          />
        }
      />
      <RecordNotices
        restoreError={restore.error}
        onReload={() => void query.refetch()}
        archived={
          d.archivedAt
            ? {
                title: t('governance.documents.archivedTitle', { date: f.date(d.archivedAt) }),
                reason: d.archiveReason,
              }
            : null
        }
      />
      <Stack gap="md">
        <Section id="document-details" title={t('governance.documents.details')}>
          <DetailList
            items={[
              { label: field('kind'), value: t(`governance.documents.kind.${d.kind}`) },
              { label: field('status'), value: <DocumentStatusBadge document={d} /> },
              {
                label: field('owner'),
                value: d.owner ? <PersonLink id={d.owner.id} name={d.owner.name} /> : null,
              },
              {
                label: field('adoptedBy'),
                value: d.adoptedBy ? (
                  <RouterAnchor
                    to="/governance/decisions/$decisionId"
                    params={{ decisionId: d.adoptedBy.id }}
                  >
                    {d.adoptedBy.name}
                  </RouterAnchor>
                ) : null,
              },
              { label: field('validFrom'), value: d.validFrom },
              { label: field('validTo'), value: d.validTo },
              {
                label: field('reviewIntervalMonths'),
                value: d.reviewIntervalMonths
                  ? t('governance.documents.intervalMonths', { count: d.reviewIntervalMonths })
                  : null,
              },
              { label: field('nextReviewOn'), value: d.nextReviewOn },
              {
                label: field('parent'),
                value: d.parent ? (
                  <RouterAnchor to="/governance/documents/$documentId" params={{ documentId: d.parent.id }}>
                    {d.parent.name}
                  </RouterAnchor>
                ) : null,
              },
            ]}
          />
          {d.description && (
            <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
              {d.description}
            </Text>
          )}
        </Section>
        <Section
          id="document-versions"
          title={t('governance.documents.versions.title')}
          description={t('governance.documents.versions.help')}
        >
          <Versions documentId={d.id} canAdd={d.can.update} />
        </Section>
        <Section id="document-children" title={t('governance.documents.childrenTitle')}>
          <CursorTable
            bordered={false}
            list={children}
            caption={t('governance.documents.childrenTitle')}
            colSpan={3}
            minWidth={480}
            emptyText={t('governance.documents.childrenNone')}
            head={
              <Table.Tr>
                <Table.Th scope="col">{field('title')}</Table.Th>
                <Table.Th scope="col">{field('kind')}</Table.Th>
                <Table.Th scope="col">{field('status')}</Table.Th>
              </Table.Tr>
            }
          >
            {children.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <RouterAnchor
                    to="/governance/documents/$documentId"
                    params={{ documentId: c.id }}
                    size="sm"
                  >
                    {c.title}
                  </RouterAnchor>
                </Table.Td>
                <Table.Td>
                  <Text span size="sm">
                    {t(`governance.documents.kind.${c.kind}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DocumentStatusBadge document={c} />
                </Table.Td>
              </Table.Tr>
            ))}
          </CursorTable>
        </Section>
      </Stack>
      {d.can.update && (
        <DocumentFormModal
          opened={dialog === 'edit'}
          onClose={() => setDialog(null)}
          document={d}
          onReload={() => query.refetch()}
        />
      )}
      {d.can.archive && (
        <ArchiveDialog
          opened={dialog === 'archive'}
          onClose={() => setDialog(null)}
          title={t('governance.documents.archiveTitle', { name: d.title })}
          help={t('governance.documents.archiveHelp')}
          path={`/api/v1/documents/${d.id}`}
          version={d.version}
          onReload={() => query.refetch()}
          invalidate={invalidate}
        />
      )}
    </>
  );
}

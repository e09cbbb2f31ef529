import { List, Stack, Text } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchiveDialog, useRestore } from '../../../platform/dialogs.tsx';
import { ArchivedBadge, PersonLink } from '../../../platform/directory/parts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RecordRefLink, RouterAnchor } from '../../../platform/links.tsx';
import { DetailList, PageHeader, Section } from '../../../platform/page.tsx';
import {
  isNotFound,
  RecordActions,
  RecordFallback,
  RecordNotices,
} from '../../../platform/record-actions.tsx';
import { useDecision, useGovernanceInvalidate } from '../api.ts';
import { DecisionFormModal } from './DecisionForm.tsx';
import { StatusBadge } from './StatusBadge.tsx';

// One decision: body, date and §, diarienummer, its text, its execution (status, responsible,
// follow-up) and the records it concerns.

export function DecisionPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { decisionId } = useParams({ from: '/_app/governance/decisions/$decisionId' });
  const query = useDecision(decisionId);
  const [dialog, setDialog] = useState<null | 'edit' | 'archive'>(null);
  const invalidate = useGovernanceInvalidate();
  const restore = useRestore(`/api/v1/decisions/${decisionId}`, query.data?.version ?? 0, invalidate);
  const d = query.data;
  if (!d || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const field = (name: string) => t(`governance.decisions.field.${name}`);
  const reference = t('governance.decisions.reference', {
    body: d.bodyName,
    date: d.decidedOn,
    paragraph: d.paragraph,
  });

  return (
    <>
      <PageHeader
        title={d.title ?? reference}
        breadcrumbs={[
          { label: t('governance.navGroup') },
          { label: t('governance.decisions.title'), to: '/governance/decisions' },
          { label: reference },
        ]}
        badges={d.archivedAt ? <ArchivedBadge /> : <StatusBadge status={d.status} />}
        description={reference}
        actions={
          <RecordActions
            archived={!!d.archivedAt}
            can={d.can}
            onEdit={() => setDialog('edit')}
            restore={restore}
            items={[]}
            history={{ entity: 'decision', entityId: d.id }}
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
                title: t('governance.decisions.archivedTitle', { date: f.date(d.archivedAt) }),
                reason: d.archiveReason,
              }
            : null
        }
      />
      <Stack gap="md">
        <Section id="decision-details" title={t('governance.decisions.details')}>
          <DetailList
            items={[
              {
                label: field('body'),
                value: d.forumId ? (
                  <RouterAnchor to="/governance/forums/$forumId" params={{ forumId: d.forumId }}>
                    {d.bodyName}
                  </RouterAnchor>
                ) : (
                  d.bodyName
                ),
              },
              { label: field('decidedOn'), value: d.decidedOn },
              { label: field('paragraph'), value: `§ ${d.paragraph}` },
              { label: field('registrationNumber'), value: d.registrationNumber },
              { label: field('title'), value: d.title },
            ]}
          />
          <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
            {d.text}
          </Text>
        </Section>
        <Section id="decision-follow" title={t('governance.decisions.follow')}>
          <DetailList
            items={[
              { label: field('status'), value: <StatusBadge status={d.status} /> },
              {
                label: field('responsible'),
                value: d.responsibleId ? (
                  <PersonLink id={d.responsibleId} name={d.responsibleName ?? undefined} />
                ) : null,
              },
              { label: field('followUpOn'), value: d.followUpOn },
            ]}
          />
        </Section>
        <Section id="decision-links" title={t('governance.decisions.linksTitle')}>
          {d.links.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('governance.decisions.linksNone')}
            </Text>
          ) : (
            <List size="sm" spacing={4}>
              {d.links.map((l) => (
                <List.Item key={`${l.kind}:${l.id}`}>
                  {t(`governance.decisions.linkKind.${l.kind}`)}:{' '}
                  {l.name ? (
                    <RecordRefLink name={l.name} href={l.href} />
                  ) : (
                    <Text span size="sm">
                      {l.id}
                    </Text>
                  )}
                  {l.archived && (
                    <>
                      {' '}
                      <ArchivedBadge />
                    </>
                  )}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
      </Stack>
      {d.can.update && (
        <DecisionFormModal
          opened={dialog === 'edit'}
          onClose={() => setDialog(null)}
          decision={d}
          onReload={() => query.refetch()}
        />
      )}
      {d.can.archive && (
        <ArchiveDialog
          opened={dialog === 'archive'}
          onClose={() => setDialog(null)}
          title={t('governance.decisions.archiveTitle', { reference })}
          help={t('governance.decisions.archiveHelp')}
          path={`/api/v1/decisions/${d.id}`}
          version={d.version}
          onReload={() => query.refetch()}
          invalidate={invalidate}
        />
      )}
    </>
  );
}

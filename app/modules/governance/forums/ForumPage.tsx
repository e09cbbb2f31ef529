import { Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decision } from '../../../../shared/governance/decisions.ts';
import { ArchiveDialog, useRestore } from '../../../platform/dialogs.tsx';
import { ArchivedBadge, PersonLink } from '../../../platform/directory/parts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor, RouterButton } from '../../../platform/links.tsx';
import { CursorTable } from '../../../platform/list-page.tsx';
import { DetailList, EmptyValue, PageHeader, Section } from '../../../platform/page.tsx';
import {
  isNotFound,
  RecordActions,
  RecordFallback,
  RecordNotices,
} from '../../../platform/record-actions.tsx';
import { DataTable, useCursorList } from '../../../platform/table.tsx';
import { governanceKeys, useForum, useGovernanceInvalidate } from '../api.ts';
import { DecisionFormModal } from '../decisions/DecisionForm.tsx';
import { StatusBadge } from '../decisions/StatusBadge.tsx';
import { CalendarFeeds } from '../meetings/CalendarFeeds.tsx';
import { MeetingsTable, NewMeeting } from '../meetings/MeetingsTable.tsx';
import { ForumFormModal } from './ForumForm.tsx';
import { useMeetingsText } from './text.ts';

// One forum: its mandate, cadence and officers, its members with their deputies, the classes of
// decision it takes, its meetings (where one plans a new one) and its latest decisions, where one
// records a new one.

export function ForumPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const meetings = useMeetingsText();
  const { forumId } = useParams({ from: '/_app/governance/forums/$forumId' });
  const query = useForum(forumId);
  const [dialog, setDialog] = useState<null | 'edit' | 'archive' | 'decision'>(null);
  const invalidate = useGovernanceInvalidate();
  const restore = useRestore(`/api/v1/forums/${forumId}`, query.data?.version ?? 0, invalidate);
  const decisions = useCursorList<Decision>(governanceKeys.decisionList, '/api/v1/decisions', {
    forumId,
    limit: 10,
  });
  const forum = query.data;
  if (!forum || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const field = (name: string) => t(`governance.forums.field.${name}`);
  const person = (p: { id: string; name: string } | null) =>
    p ? <PersonLink id={p.id} name={p.name} /> : null;

  return (
    <>
      <PageHeader
        title={forum.name}
        breadcrumbs={[
          { label: t('governance.navGroup') },
          { label: t('governance.forums.title'), to: '/governance/forums' },
          { label: forum.name },
        ]}
        badges={forum.archivedAt ? <ArchivedBadge /> : undefined}
        description={t(`governance.forums.kind.${forum.kind}`)}
        actions={
          <RecordActions
            archived={!!forum.archivedAt}
            can={forum.can}
            onEdit={() => setDialog('edit')}
            restore={restore}
            items={[]}
            history={{ entity: 'forum', entityId: forum.id }}
            onArchive={() => setDialog('archive')}
          />
        }
      />
      <RecordNotices
        restoreError={restore.error}
        onReload={() => void query.refetch()}
        archived={
          forum.archivedAt
            ? {
                title: t('governance.forums.archivedTitle', { date: f.date(forum.archivedAt) }),
                reason: forum.archiveReason,
              }
            : null
        }
      />
      <Stack gap="md">
        <Section id="forum-details" title={t('governance.forums.details')}>
          <DetailList
            items={[
              { label: field('kind'), value: t(`governance.forums.kind.${forum.kind}`) },
              { label: field('meetings'), value: meetings(forum) },
              { label: field('chair'), value: person(forum.chair) },
              { label: field('convener'), value: person(forum.convener) },
              { label: field('secretary'), value: person(forum.secretary) },
              {
                label: field('decisionClasses'),
                value: forum.decisionClasses.length ? (
                  <List size="sm">
                    {forum.decisionClasses.map((c) => (
                      <List.Item key={c}>{t(`governance.forums.decisionClass.${c}`)}</List.Item>
                    ))}
                  </List>
                ) : null,
              },
            ]}
          />
        </Section>
        {forum.mandate && (
          <Section id="forum-mandate" title={t('governance.forums.mandateTitle')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {forum.mandate}
            </Text>
          </Section>
        )}
        <Section id="forum-members" title={t('governance.forums.membersTitle')}>
          <DataTable
            caption={t('governance.forums.membersTitle')}
            colSpan={2}
            minWidth={480}
            empty={forum.members.length === 0}
            emptyText={t('governance.forums.membersNone')}
            head={
              <Table.Tr>
                <Table.Th scope="col">{field('members')}</Table.Th>
                <Table.Th scope="col">{field('deputy')}</Table.Th>
              </Table.Tr>
            }
          >
            {forum.members.map((m) => (
              <Table.Tr key={m.personId}>
                <Table.Td>
                  <PersonLink id={m.personId} name={m.name} />
                </Table.Td>
                <Table.Td>
                  {m.deputyId ? (
                    <PersonLink id={m.deputyId} name={m.deputyName ?? undefined} />
                  ) : (
                    <EmptyValue />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Section>
        <Section
          id="forum-meetings"
          title={t('governance.meetings.forumTitle')}
          description={t('governance.meetings.forumHelp')}
          actions={!forum.archivedAt && <NewMeeting forum={{ id: forum.id, name: forum.name }} />}
        >
          <MeetingsTable forumId={forum.id} caption={t('governance.meetings.forumTitle')} />
        </Section>
        {!forum.archivedAt && <CalendarFeeds forumId={forum.id} />}
        <Section
          id="forum-decisions"
          title={t('governance.forums.decisionsTitle')}
          description={t('governance.forums.decisionsHelp')}
          actions={
            <Group gap="xs">
              <RouterButton variant="default" to="/governance/decisions" search={{ forumId: forum.id }}>
                {t('governance.forums.allDecisions')}
              </RouterButton>
              {!forum.archivedAt && (
                <Button
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => setDialog('decision')}
                >
                  {t('governance.forums.recordDecision')}
                </Button>
              )}
            </Group>
          }
        >
          <CursorTable
            bordered={false}
            list={decisions}
            caption={t('governance.forums.decisionsTitle')}
            colSpan={3}
            minWidth={560}
            emptyText={t('governance.decisions.none')}
            head={
              <Table.Tr>
                <Table.Th scope="col">{t('governance.decisions.field.decidedOn')}</Table.Th>
                <Table.Th scope="col">{t('governance.decisions.field.title')}</Table.Th>
                <Table.Th scope="col">{t('governance.decisions.field.status')}</Table.Th>
              </Table.Tr>
            }
          >
            {decisions.items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Text span size="sm">
                    {d.decidedOn} § {d.paragraph}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <RouterAnchor
                    to="/governance/decisions/$decisionId"
                    params={{ decisionId: d.id }}
                    size="sm"
                  >
                    {d.title ?? d.text.slice(0, 80)}
                  </RouterAnchor>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={d.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </CursorTable>
        </Section>
      </Stack>
      {forum.can.update && (
        <ForumFormModal
          opened={dialog === 'edit'}
          onClose={() => setDialog(null)}
          forum={forum}
          onReload={() => query.refetch()}
        />
      )}
      <DecisionFormModal
        opened={dialog === 'decision'}
        onClose={() => setDialog(null)}
        decision={null}
        forum={{ id: forum.id, name: forum.name }}
      />
      {forum.can.archive && (
        <ArchiveDialog
          opened={dialog === 'archive'}
          onClose={() => setDialog(null)}
          title={t('governance.forums.archiveTitle', { name: forum.name })}
          help={t('governance.forums.archiveHelp')}
          path={`/api/v1/forums/${forum.id}`}
          version={forum.version}
          onReload={() => query.refetch()}
          invalidate={invalidate}
        />
      )}
    </>
  );
}

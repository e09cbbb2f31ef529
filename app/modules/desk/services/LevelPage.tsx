import { Badge, Stack, Table, Text } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CatalogueService, priorities } from '../../../../shared/desk/services.ts';
import { ArchiveDialog, useRestore } from '../../../platform/dialogs.tsx';
import { ArchivedBadge } from '../../../platform/directory/parts.tsx';
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
import { DataTable, useCursorList } from '../../../platform/table.tsx';
import { useGroupOptions } from '../api.ts';
import { serviceKeys, useLevelsInvalidate, useServiceLevel } from './api.ts';
import { LevelFormModal } from './LevelForm.tsx';
import { durationText } from './parts.tsx';

// One service level: what it promises per priority, on which calendar and from when, what a
// breach sets off, the register's contract of an underpinning level, and the services that follow
// it (which keep it from being archived).

function LevelServices({ levelId }: { levelId: string }) {
  const { t } = useTranslation();
  const list = useCursorList<CatalogueService>(
    [...serviceKeys.serviceList, 'level', levelId],
    '/api/v1/catalogue-services',
    { serviceLevelId: levelId, limit: 50 },
  );
  return (
    <CursorTable
      bordered={false}
      list={list}
      caption={t('desk.services.levels.servicesTitle')}
      colSpan={2}
      minWidth={480}
      emptyText={t('desk.services.levels.servicesNone')}
      head={
        <Table.Tr>
          <Table.Th scope="col">{t('desk.services.services.field.name')}</Table.Th>
          <Table.Th scope="col">{t('desk.services.services.field.group')}</Table.Th>
        </Table.Tr>
      }
    >
      {list.items.map((s) => (
        <Table.Tr key={s.id}>
          <Table.Td>
            <RouterAnchor to="/desk/services/$serviceId" params={{ serviceId: s.id }} size="sm">
              {s.name}
            </RouterAnchor>
          </Table.Td>
          <Table.Td>
            <Text span size="sm">
              {s.groupName}
            </Text>
          </Table.Td>
        </Table.Tr>
      ))}
    </CursorTable>
  );
}

export function LevelPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { levelId } = useParams({ from: '/_app/desk/service-levels/$levelId' });
  const query = useServiceLevel(levelId);
  const groups = useGroupOptions();
  const [dialog, setDialog] = useState<null | 'edit' | 'archive'>(null);
  const invalidate = useLevelsInvalidate();
  const restore = useRestore(`/api/v1/service-levels/${levelId}`, query.data?.version ?? 0, invalidate);
  const level = query.data;
  if (!level || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const field = (name: string) => t(`desk.services.levels.field.${name}`);
  const reassignTo = level.escalation.reassignGroupId;
  const reassignName = groups.data?.find((g) => g.id === reassignTo)?.name;

  return (
    <>
      <PageHeader
        title={level.name}
        breadcrumbs={[
          { label: t('desk.navGroupAdmin') },
          { label: t('desk.services.levels.title'), to: '/desk/service-levels' },
          { label: level.name },
        ]}
        badges={
          <>
            {level.isDefault && <Badge variant="light">{t('desk.services.levels.default')}</Badge>}
            {level.archivedAt && <ArchivedBadge />}
          </>
        }
        description={t(`desk.services.levels.kind.${level.kind}`)}
        actions={
          <RecordActions
            archived={!!level.archivedAt}
            can={level.can}
            onEdit={() => setDialog('edit')}
            restore={restore}
            items={[]}
            history={{ entity: 'serviceLevel', entityId: level.id }}
            onArchive={() => setDialog('archive')}
          />
        }
      />
      <RecordNotices
        restoreError={restore.error}
        onReload={() => void query.refetch()}
        archived={
          level.archivedAt
            ? {
                title: t('desk.services.levels.archivedTitle', { date: f.date(level.archivedAt) }),
                reason: level.archiveReason,
              }
            : null
        }
      />
      <Stack gap="md">
        <Section id="level-details" title={t('desk.services.levels.details')}>
          <DetailList
            items={[
              { label: field('kind'), value: t(`desk.services.levels.kind.${level.kind}`) },
              {
                label: field('calendar'),
                value: level.calendarId ? (
                  <RouterAnchor to="/desk/calendars/$calendarId" params={{ calendarId: level.calendarId }}>
                    {level.calendarName}
                  </RouterAnchor>
                ) : (
                  t('desk.services.levels.noCalendar')
                ),
              },
              { label: field('clockStart'), value: t(`desk.services.levels.clockStart.${level.clockStart}`) },
              { label: field('warningPercent'), value: `${f.number(level.warningPercent)} %` },
              {
                label: field('contract'),
                value: level.contractId ? (
                  <RouterAnchor to="/contracts/$contractId" params={{ contractId: level.contractId }}>
                    {level.contractTitle}
                  </RouterAnchor>
                ) : null,
              },
              {
                label: t('desk.services.levels.followUp'),
                value: level.contractId ? (
                  <RouterAnchor to="/desk/suppliers">{t('desk.suppliers.title')}</RouterAnchor>
                ) : null,
              },
              {
                label: field('supplier'),
                value: level.supplierId ? (
                  <RouterAnchor to="/suppliers/$supplierId" params={{ supplierId: level.supplierId }}>
                    {level.supplierName}
                  </RouterAnchor>
                ) : null,
              },
              { label: field('description'), value: level.description },
            ]}
          />
        </Section>
        <Section
          id="level-targets"
          title={t('desk.services.levels.targetsTitle')}
          description={t('desk.services.levels.targetsHelp')}
        >
          <DataTable
            caption={t('desk.services.levels.targetsCaption')}
            colSpan={3}
            minWidth={420}
            loading={false}
            error={null}
            empty={false}
            emptyText=""
            head={
              <Table.Tr>
                <Table.Th scope="col">{field('priority')}</Table.Th>
                <Table.Th scope="col">{field('response')}</Table.Th>
                <Table.Th scope="col">{field('resolution')}</Table.Th>
              </Table.Tr>
            }
          >
            {priorities.map((p) => (
              <Table.Tr key={p}>
                <Table.Th scope="row">{t(`desk.tickets.priority.${p}`)}</Table.Th>
                <Table.Td>{durationText(t, level.targets[p].response)}</Table.Td>
                <Table.Td>{durationText(t, level.targets[p].resolution)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Section>
        <Section id="level-escalation" title={t('desk.services.levels.escalationTitle')}>
          <DetailList
            items={[
              {
                label: field('notifyLead'),
                value: t(`desk.services.levels.notifyLead.${level.escalation.notifyLead}`),
              },
              {
                label: field('raisePriority'),
                value: level.escalation.raisePriority ? t('common.yes') : t('common.no'),
              },
              {
                label: field('reassignGroup'),
                value: reassignTo ? (
                  <RouterAnchor to="/desk/groups/$groupId" params={{ groupId: reassignTo }}>
                    {reassignName ?? t('common.loading')}
                  </RouterAnchor>
                ) : null,
              },
            ]}
          />
        </Section>
        {level.kind === 'service' && (
          <Section id="level-services" title={t('desk.services.levels.servicesTitle')}>
            <LevelServices levelId={level.id} />
          </Section>
        )}
      </Stack>
      {level.can.update && (
        <LevelFormModal
          opened={dialog === 'edit'}
          onClose={() => setDialog(null)}
          level={level}
          onReload={() => query.refetch()}
        />
      )}
      {level.can.archive && (
        <ArchiveDialog
          opened={dialog === 'archive'}
          onClose={() => setDialog(null)}
          title={t('desk.services.levels.archiveTitle', { name: level.name })}
          help={t('desk.services.levels.archiveHelp')}
          path={`/api/v1/service-levels/${level.id}`}
          version={level.version}
          onReload={() => query.refetch()}
          invalidate={invalidate}
        />
      )}
    </>
  );
}

import { Button, Grid, List, Stack, Table, Text } from '@mantine/core';
import { IconArrowsMove, IconPlus } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { childLevel } from '../../../../shared/registry/processes.ts';
import { ArchiveDialog, useRestore } from '../../../platform/dialogs.tsx';
import { ArchivedBadge } from '../../../platform/directory/parts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { DetailList, PageHeader, Section } from '../../../platform/page.tsx';
import {
  isNotFound,
  RecordActions,
  RecordFallback,
  RecordNotices,
} from '../../../platform/record-actions.tsx';
import { DataTable } from '../../../platform/table.tsx';
import { useInformationPlan } from '../records/api.ts';
import { PlanSection, PlanStatusBadge } from '../records/PlanSection.tsx';
import { RecordTypesSection } from '../records/RecordTypesSection.tsx';
import { useProcess, useProcessInvalidate, useProcessSystems, useProcessTree } from './api.ts';
import { MoveProcessModal, ProcessFormModal } from './ProcessForms.tsx';
import { LevelBadge } from './parts.tsx';

// One node of the process tree. A verksamhetstyp, område or processgrupp shows what it holds; a
// process shows the systems that support it, its record types and its information management plan.

function SystemsSection({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const systems = useProcessSystems(processId);
  const items = systems.data?.items ?? [];
  return (
    <Section
      id="process-systems"
      title={t('registry.processes.systems')}
      description={t('registry.processes.systemsHelp')}
    >
      <DataTable
        caption={t('registry.processes.systemsCaption')}
        colSpan={1}
        minWidth={240}
        loading={systems.isPending}
        error={systems.error}
        empty={items.length === 0}
        emptyText={t('registry.processes.noSystems')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{t('registry.systems.field.name')}</Table.Th>
          </Table.Tr>
        }
      >
        {items.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>
              <RouterAnchor to="/systems/$systemId" params={{ systemId: s.id }} size="sm">
                {s.name}
              </RouterAnchor>
              {s.archived && <ArchivedBadge />}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Section>
  );
}

function PlanBadge({ processId }: { processId: string }) {
  const view = useInformationPlan(processId);
  return <PlanStatusBadge plan={view.data?.plan ?? null} />;
}

export function ProcessPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { processId } = useParams({ from: '/_app/processes/$processId' });
  const query = useProcess(processId);
  const tree = useProcessTree(true);
  const invalidate = useProcessInvalidate();
  const node = query.data;
  const restore = useRestore(`/api/v1/processes/${processId}`, node?.version ?? 1, invalidate);
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const [adding, setAdding] = useState(false);
  if (!node || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const path = tree.pathOf(node.id);
  const kids = (tree.children.get(node.id) ?? []).filter((n) => !n.archivedAt);
  const below = childLevel(node.level);
  const title = `${node.code} ${node.name}`;
  const reload = () => query.refetch();

  return (
    <>
      <PageHeader
        title={title}
        breadcrumbs={[
          { label: t('registry.navGroup') },
          { label: t('registry.processes.title'), to: '/processes' },
          ...path
            .filter((p) => p.id !== node.id)
            .map((p) => ({
              label: `${p.code} ${p.name}`,
              to: '/processes/$processId',
              params: { processId: p.id },
            })),
          { label: title },
        ]}
        badges={
          <>
            <LevelBadge level={node.level} />
            {node.level === 'process' && <PlanBadge processId={node.id} />}
          </>
        }
        actions={
          <RecordActions
            archived={!!node.archivedAt}
            can={node.can}
            onEdit={() => setEditing(true)}
            restore={restore}
            history={{ entity: 'process', entityId: node.id }}
            onArchive={() => setArchiving(true)}
            items={[
              {
                icon: <IconArrowsMove size={16} aria-hidden />,
                label: t('registry.processes.move'),
                onClick: () => setMoving(true),
                allowed: node.can.move && node.level !== 'activityType',
              },
            ]}
          />
        }
      />
      <RecordNotices
        restoreError={restore.error}
        onReload={() => void reload()}
        archived={
          node.archivedAt
            ? {
                title: t('registry.processes.archivedTitle', { date: f.date(node.archivedAt) }),
                reason: node.archiveReason,
              }
            : null
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: node.level === 'process' ? 12 : 7 }}>
          <Stack gap="md">
            <Section id="process-details" title={t('registry.processes.details')}>
              <DetailList
                items={[
                  { label: t('registry.processes.field.code'), value: node.code },
                  {
                    label: t('registry.processes.field.level'),
                    value: t(`registry.processes.levelTitle.${node.level}`),
                  },
                  { label: t('registry.processes.field.description'), value: node.description },
                  {
                    label: t('registry.processes.fromReference'),
                    value: node.fromReference ? t('common.yes') : t('common.no'),
                  },
                ]}
              />
            </Section>
            {node.level === 'process' && (
              <>
                <PlanSection processId={node.id} />
                <RecordTypesSection processId={node.id} />
                <SystemsSection processId={node.id} />
              </>
            )}
          </Stack>
        </Grid.Col>
        {below && (
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Section
              id="process-children"
              title={t('registry.processes.children')}
              actions={
                node.can.update ? (
                  <Button
                    size="sm"
                    variant="default"
                    leftSection={<IconPlus size={16} aria-hidden />}
                    onClick={() => setAdding(true)}
                  >
                    {t('registry.processes.newChild', { level: t(`registry.processes.level.${below}`) })}
                  </Button>
                ) : null
              }
            >
              {kids.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('registry.processes.noChildren')}
                </Text>
              ) : (
                <List spacing={4} size="sm">
                  {kids.map((k) => (
                    <List.Item key={k.id}>
                      <RouterAnchor to="/processes/$processId" params={{ processId: k.id }} size="sm">
                        {k.code} {k.name}
                      </RouterAnchor>
                    </List.Item>
                  ))}
                </List>
              )}
            </Section>
          </Grid.Col>
        )}
      </Grid>
      <ProcessFormModal
        opened={editing}
        onClose={() => setEditing(false)}
        node={node}
        level={node.level}
        onReload={reload}
      />
      {below && (
        <ProcessFormModal
          opened={adding}
          onClose={() => setAdding(false)}
          node={null}
          level={below}
          parentId={node.id}
        />
      )}
      <MoveProcessModal opened={moving} onClose={() => setMoving(false)} node={node} onReload={reload} />
      <ArchiveDialog
        opened={archiving}
        onClose={() => setArchiving(false)}
        title={t('registry.processes.archiveTitle', { name: title })}
        help={t('registry.processes.archiveHelp')}
        path={`/api/v1/processes/${node.id}`}
        version={node.version}
        onReload={reload}
        invalidate={invalidate}
      />
    </>
  );
}

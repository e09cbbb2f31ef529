import { Badge, Box, Button, Grid, Group, List, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagementObject, ManagementPlan } from '../../../../shared/registry/management.ts';
import { ArchiveDialog, useRestore } from '../../../platform/dialogs.tsx';
import { PersonLink } from '../../../platform/directory/parts.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { DetailList, EmptyValue, PageHeader, Section } from '../../../platform/page.tsx';
import {
  isNotFound,
  RecordActions,
  RecordFallback,
  RecordNotices,
} from '../../../platform/record-actions.tsx';
import { DataTable } from '../../../platform/table.tsx';
import { useRegistryCan } from '../systems/api.ts';
import { SystemLink } from '../systems/parts.tsx';
import { useManagementInvalidate, useManagementObject, usePlans } from './api.ts';
import { ObjectFormModal } from './ObjectForm.tsx';
import { PlanFormModal } from './PlanForm.tsx';

// One förvaltningsobjekt: its owner and manager, the systems in it, and its plans per year with
// budget against outcome as a table, each row with a bar of how much of the budget was used.

export function ObjectPage() {
  const { objectId } = useParams({ from: '/_app/management-objects/$objectId' });
  const query = useManagementObject(objectId);
  if (!query.data || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  return <ObjectView object={query.data} reload={() => query.refetch()} />;
}

function ObjectView({ object, reload }: { object: ManagementObject; reload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const invalidate = useManagementInvalidate();
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const path = `/api/v1/management-objects/${object.id}`;
  const restore = useRestore(path, object.version, invalidate);
  const can = useRegistryCan();
  const label = (name: string) => t(`registry.management.field.${name}`);
  return (
    <>
      <PageHeader
        title={object.name}
        breadcrumbs={[
          { label: t('registry.navGroup') },
          { label: t('registry.management.title'), to: '/management-objects' },
          { label: object.name },
        ]}
        actions={
          <RecordActions
            archived={object.archivedAt !== null}
            can={object.can}
            onEdit={() => setEditing(true)}
            restore={restore}
            history={{ entity: 'managementObject', entityId: object.id }}
            onArchive={() => setArchiving(true)}
            items={[]}
          />
        }
      />
      <RecordNotices
        restoreError={restore.error}
        onReload={() => void reload()}
        archived={
          object.archivedAt
            ? {
                title: t('registry.management.archivedTitle', { date: f.date(object.archivedAt) }),
                reason: object.archiveReason,
              }
            : null
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Section id="object-details" title={t('registry.management.details')}>
              <DetailList
                items={[
                  { label: label('description'), value: object.description },
                  { label: label('ownerId'), value: <PersonLink id={object.ownerId} /> },
                  { label: label('managerId'), value: <PersonLink id={object.managerId} /> },
                ]}
              />
            </Section>
            {can.data?.readCommercial && <Plans object={object} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Section id="object-systems" title={t('registry.management.systems')}>
            {object.systemIds.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('registry.management.noSystems')}
              </Text>
            ) : (
              <List spacing={4}>
                {object.systemIds.map((id) => (
                  <List.Item key={id}>
                    <SystemLink id={id} />
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
        </Grid.Col>
      </Grid>
      <ObjectFormModal
        opened={editing}
        onClose={() => setEditing(false)}
        object={object}
        invalidate={invalidate}
        onReload={reload}
      />
      <ArchiveDialog
        opened={archiving}
        onClose={() => setArchiving(false)}
        title={t('registry.management.archiveTitle', { name: object.name })}
        help={t('registry.management.archiveHelp')}
        path={path}
        version={object.version}
        onReload={reload}
        invalidate={invalidate}
      />
    </>
  );
}

function Plans({ object }: { object: ManagementObject }) {
  const { t } = useTranslation();
  const f = useFormat();
  const plans = usePlans(object.id);
  const invalidate = useManagementInvalidate();
  const [form, setForm] = useState<{ plan: ManagementPlan | null } | null>(null);
  const p = (key: string, options?: Record<string, unknown>) =>
    t(`registry.management.plans.${key}`, options);
  const items = plans.data ?? [];
  const nextYear = items.length > 0 ? Math.max(...items.map((x) => x.year)) + 1 : new Date().getFullYear();
  const sek = (ore: number | null) => (ore === null ? <EmptyValue /> : f.sek(ore));
  const signed = (ore: number | null) =>
    ore === null ? <EmptyValue /> : `${ore > 0 ? '+' : ''}${f.sek(ore)}`;
  const rows = (plan: ManagementPlan) =>
    (['maintenance', 'development', 'total'] as const).map((part) => {
      const m = plan[part];
      const percent = m.outcome === null || m.budget === 0 ? null : Math.round((m.outcome / m.budget) * 100);
      return (
        <Table.Tr key={`${plan.id}-${part}`}>
          {part === 'maintenance' && (
            <Table.Th scope="rowgroup" rowSpan={3} style={{ verticalAlign: 'top' }}>
              {plan.year}
            </Table.Th>
          )}
          <Table.Th scope="row" fw={part === 'total' ? 700 : 500}>
            {p(part)}
          </Table.Th>
          <Table.Td ta="right">{sek(m.budget)}</Table.Td>
          <Table.Td ta="right">{sek(m.outcome)}</Table.Td>
          <Table.Td ta="right" c={m.difference !== null && m.difference > 0 ? 'red.9' : undefined}>
            {signed(m.difference)}
          </Table.Td>
          <Table.Td miw={140}>
            {percent !== null && (
              <Box>
                <Progress
                  value={Math.min(percent, 100)}
                  color={percent > 100 ? 'red.9' : 'sea'}
                  aria-hidden
                  size="md"
                />
                <Text size="xs">{p('usedOf', { percent })}</Text>
              </Box>
            )}
          </Table.Td>
        </Table.Tr>
      );
    });

  return (
    <Section
      id="object-plans"
      title={p('title')}
      actions={
        object.can.plan && (
          <Button
            size="sm"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setForm({ plan: null })}
          >
            {p('create')}
          </Button>
        )
      }
    >
      {plans.error ? <ProblemAlert error={plans.error} /> : null}
      {items.length === 0 && !plans.isPending ? (
        <Text size="sm" c="dimmed">
          {p('none')}
        </Text>
      ) : (
        <Stack gap="lg">
          <DataTable
            caption={p('economyCaption')}
            showCaption
            colSpan={6}
            minWidth={640}
            loading={plans.isPending}
            head={
              <Table.Tr>
                <Table.Th scope="col">{p('year')}</Table.Th>
                <Table.Th scope="col">{p('kind')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {p('budget')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {p('outcome')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  <abbr title={p('differenceHelp')}>{p('difference')}</abbr>
                </Table.Th>
                <Table.Th scope="col">
                  {p('outcome')} / {p('budget')}
                </Table.Th>
              </Table.Tr>
            }
          >
            {items.flatMap(rows)}
          </DataTable>
          {[...items].reverse().map((plan) => (
            <Box key={plan.id} component="section" aria-labelledby={`plan-${plan.id}`}>
              <Group justify="space-between" mb="xs">
                <Group gap="xs">
                  <Title order={3} id={`plan-${plan.id}`}>
                    {plan.year}
                  </Title>
                  <Badge
                    variant="light"
                    color={plan.status === 'adopted' ? 'green' : 'gray'}
                    styles={{ label: { color: 'var(--mantine-color-gray-9)' } }}
                  >
                    {p(`planStatus.${plan.status}`)}
                  </Badge>
                </Group>
                {plan.can.update && object.archivedAt === null && (
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconPencil size={14} aria-hidden />}
                    onClick={() => setForm({ plan })}
                  >
                    {p('edit', { year: plan.year })}
                  </Button>
                )}
              </Group>
              <Text fw={600} size="sm">
                {p('goals')}
              </Text>
              {plan.goals.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {p('noGoals')}
                </Text>
              ) : (
                <List size="sm" mb="sm">
                  {plan.goals.map((g) => (
                    <List.Item key={g}>{g}</List.Item>
                  ))}
                </List>
              )}
              <DataTable
                caption={p('activitiesCaption', { year: plan.year })}
                colSpan={3}
                minWidth={480}
                empty={plan.activities.length === 0}
                emptyText={p('noActivities')}
                head={
                  <Table.Tr>
                    <Table.Th scope="col">{p('activityTitle')}</Table.Th>
                    <Table.Th scope="col">{p('kind')}</Table.Th>
                    <Table.Th scope="col">{p('activityStatus')}</Table.Th>
                  </Table.Tr>
                }
              >
                {plan.activities.map((a, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: activities are known by their position
                  <Table.Tr key={i}>
                    <Table.Td>
                      {a.title}
                      {a.description && (
                        <Text size="xs" c="dimmed">
                          {a.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{p(`kinds.${a.kind}`)}</Table.Td>
                    <Table.Td>{p(`statuses.${a.status}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            </Box>
          ))}
        </Stack>
      )}
      <PlanFormModal
        opened={form !== null}
        onClose={() => setForm(null)}
        objectId={object.id}
        plan={form?.plan ?? null}
        year={nextYear}
        invalidate={invalidate}
        onReload={() => plans.refetch()}
      />
    </Section>
  );
}

import { Grid, Group, Stack, Table, Text } from '@mantine/core';
import { IconArrowsMove, IconPlus, IconUserPlus } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/directory.ts';
import { History } from '../audit/audit.tsx';
import { useFormat } from '../format.ts';
import { RouterAnchor, RouterButton } from '../links.tsx';
import { DetailList, EmptyValue, PageHeader, Section } from '../page.tsx';
import { isNotFound, RecordActions, RecordFallback, RecordNotices } from '../record-actions.tsx';
import { DataTable, LoadMore, useCursorList } from '../table.tsx';
import { useUnit, useUnitIndex } from './api.ts';
import { PersonFormModal } from './PersonForms.tsx';
import { ArchivedBadge, Path, PersonStatusBadge, UnitKindBadge } from './parts.tsx';
import { ArchiveModal, MoveUnitModal, UnitFormModal, useRestore } from './UnitForms.tsx';

// One unit: its details, where it sits, its sub-units and people, and its history.

export function UnitPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { unitId } = useParams({ from: '/_app/units/$unitId' });
  const unitQuery = useUnit(unitId);
  const { children, pathOf } = useUnitIndex();
  const [dialog, setDialog] = useState<null | 'edit' | 'move' | 'archive' | 'child' | 'person'>(null);
  const unit = unitQuery.data;
  const restore = useRestore(`/api/v1/units/${unitId}`, unit?.version ?? 0);
  const people = useCursorList<Person>(['people', 'list'], '/api/v1/people', {
    unitId,
    limit: 25,
    includeArchived: false,
  });

  if (!unit || isNotFound(unitQuery.error)) return <RecordFallback error={unitQuery.error} />;

  const reload = () => unitQuery.refetch();
  const subunits = (children.get(unit.id) ?? []).slice().sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const ancestors = pathOf(unit.parentId);
  const archived = !!unit.archivedAt;
  // What the reader may do here, as the server's policy says: the page knows no role.
  const can = unit.can;

  return (
    <>
      <PageHeader
        title={unit.name}
        breadcrumbs={[
          { label: t('nav.organisation') },
          { label: t('units.title'), to: '/units' },
          ...ancestors.map((a) => ({ label: a.name, to: '/units/$unitId', params: { unitId: a.id } })),
        ]}
        badges={
          <>
            <UnitKindBadge kind={unit.kind} />
            {archived && <ArchivedBadge />}
          </>
        }
        actions={
          <RecordActions
            archived={archived}
            can={can}
            onEdit={() => setDialog('edit')}
            restore={restore}
            items={[
              {
                icon: <IconPlus size={16} aria-hidden />,
                label: t('unit.newChild'),
                onClick: () => setDialog('child'),
                allowed: can.createChild,
              },
              {
                icon: <IconUserPlus size={16} aria-hidden />,
                label: t('person.newHere'),
                onClick: () => setDialog('person'),
                allowed: can.createPerson,
              },
              {
                icon: <IconArrowsMove size={16} aria-hidden />,
                label: t('unit.move'),
                onClick: () => setDialog('move'),
                allowed: can.move,
              },
            ]}
            history={{ entity: 'unit', entityId: unit.id }}
            onArchive={() => setDialog('archive')}
          />
        }
      />
      <RecordNotices
        restoreError={restore.error}
        onReload={() => void reload()}
        archived={
          archived
            ? {
                title: t('unit.archivedTitle', { date: f.date(unit.archivedAt) }),
                reason: unit.archiveReason,
              }
            : null
        }
      />

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Section id="unit-details" title={t('unit.details')}>
              <DetailList
                items={[
                  { label: t('field.name'), value: unit.name },
                  { label: t('field.kind'), value: t(`unitKind.${unit.kind}`) },
                  {
                    label: t('field.parentId'),
                    value: unit.parentId ? <Path id={unit.parentId} /> : t('unit.topLevel'),
                  },
                  { label: t('field.costCentre'), value: unit.costCentre },
                  { label: t('field.orgNumber'), value: unit.orgNumber },
                  { label: t('field.createdAt'), value: f.dateTime(unit.createdAt) },
                  { label: t('field.updatedAt'), value: f.dateTime(unit.updatedAt) },
                  { label: t('field.version'), value: String(unit.version) },
                ]}
              />
            </Section>
            <Section
              id="unit-people"
              title={t('unit.people')}
              actions={
                <RouterButton to="/people" search={{ unitId: unit.id }} variant="subtle" size="xs">
                  {t('unit.allPeople')}
                </RouterButton>
              }
            >
              <DataTable
                caption={t('unit.peopleCaption', { name: unit.name })}
                colSpan={3}
                minWidth={480}
                loading={people.isPending || people.isFetchingNextPage}
                error={people.error}
                empty={people.items.length === 0}
                emptyText={t('unit.noPeople')}
                head={
                  <Table.Tr>
                    <Table.Th scope="col">{t('field.personName')}</Table.Th>
                    <Table.Th scope="col">{t('field.title')}</Table.Th>
                    <Table.Th scope="col">{t('common.status')}</Table.Th>
                  </Table.Tr>
                }
              >
                {people.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <RouterAnchor to="/people/$personId" params={{ personId: p.id }} size="sm" fw={500}>
                        {p.name}
                      </RouterAnchor>
                    </Table.Td>
                    <Table.Td>{p.title ?? <EmptyValue />}</Table.Td>
                    <Table.Td>
                      <PersonStatusBadge person={p} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
              {people.hasNextPage && (
                <LoadMore
                  count={people.items.length}
                  hasMore
                  loading={people.isFetchingNextPage}
                  onMore={() => void people.fetchNextPage()}
                />
              )}
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Section id="unit-children" title={t('unit.children')}>
            {subunits.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('unit.noChildren')}
              </Text>
            ) : (
              <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {subunits.map((child) => (
                  <Group component="li" key={child.id} gap="xs" wrap="nowrap" justify="space-between">
                    <RouterAnchor to="/units/$unitId" params={{ unitId: child.id }} size="sm">
                      {child.name}
                    </RouterAnchor>
                    <Group gap={4} wrap="nowrap">
                      <UnitKindBadge kind={child.kind} />
                      {child.archivedAt && <ArchivedBadge />}
                    </Group>
                  </Group>
                ))}
              </Stack>
            )}
          </Section>
        </Grid.Col>
        {can.readHistory && (
          <Grid.Col span={12}>
            <Section id="unit-history" title={t('history.title')} description={t('history.unitHelp')}>
              <History entity="unit" entityId={unit.id} caption={t('history.caption', { name: unit.name })} />
            </Section>
          </Grid.Col>
        )}
      </Grid>

      {can.update && (
        <UnitFormModal
          opened={dialog === 'edit'}
          onClose={() => setDialog(null)}
          unit={unit}
          onReload={reload}
        />
      )}
      {can.createChild && (
        <UnitFormModal
          opened={dialog === 'child'}
          onClose={() => setDialog(null)}
          unit={null}
          parentId={unit.id}
        />
      )}
      {can.createPerson && (
        <PersonFormModal
          opened={dialog === 'person'}
          onClose={() => setDialog(null)}
          person={null}
          unitId={unit.id}
        />
      )}
      {can.move && (
        <MoveUnitModal
          opened={dialog === 'move'}
          onClose={() => setDialog(null)}
          unit={unit}
          onReload={reload}
        />
      )}
      {can.archive && (
        <ArchiveModal
          opened={dialog === 'archive'}
          onClose={() => setDialog(null)}
          title={t('unit.archiveTitle', { name: unit.name })}
          help={t('unit.archiveHelp')}
          path={`/api/v1/units/${unit.id}`}
          version={unit.version}
          onReload={reload}
        />
      )}
    </>
  );
}

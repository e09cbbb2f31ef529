import { Alert, Button, Center, Grid, Group, Loader, Menu, Stack, Table, Text } from '@mantine/core';
import {
  IconArchive,
  IconArrowsMove,
  IconChevronDown,
  IconHistory,
  IconPencil,
  IconPlus,
  IconRestore,
  IconUserPlus,
} from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../shared/org.ts';
import { ApiError } from '../platform/api.ts';
import { History } from '../platform/audit/audit.tsx';
import { useAuth } from '../platform/auth.tsx';
import { ProblemAlert } from '../platform/errors.tsx';
import { useFormat } from '../platform/format.ts';
import { RouterAnchor, RouterButton } from '../platform/links.tsx';
import { NotFoundPage } from '../platform/NotFoundPage.tsx';
import { DetailList, EmptyValue, PageHeader, Section } from '../platform/page.tsx';
import { DataTable, LoadMore, useCursorList } from '../platform/table.tsx';
import { useUnit, useUnitIndex } from './api.ts';
import { PersonFormModal } from './PersonForms.tsx';
import { ArchivedBadge, Path, PersonStatusBadge, UnitKindBadge } from './parts.tsx';
import { ArchiveModal, MoveUnitModal, UnitFormModal, useRestore } from './UnitForms.tsx';

// One unit: its details, where it sits, its sub-units and people, and its history.

export function UnitPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { isAdmin } = useAuth();
  const { unitId } = useParams({ from: '/_app/units/$unitId' });
  const navigate = useNavigate();
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

  if (unitQuery.error instanceof ApiError && unitQuery.error.status === 404) return <NotFoundPage />;
  if (!unit) {
    return unitQuery.error ? (
      <ProblemAlert error={unitQuery.error} />
    ) : (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }

  const reload = () => unitQuery.refetch();
  const subunits = (children.get(unit.id) ?? []).slice().sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const ancestors = pathOf(unit.parentId);
  const archived = !!unit.archivedAt;

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
          isAdmin && (
            <>
              {!archived && (
                <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setDialog('edit')}>
                  {t('common.edit')}
                </Button>
              )}
              {archived ? (
                <Button
                  variant="default"
                  leftSection={<IconRestore size={16} aria-hidden />}
                  loading={restore.isPending}
                  onClick={() => restore.mutate()}
                >
                  {t('common.restore')}
                </Button>
              ) : (
                <Menu position="bottom-end">
                  <Menu.Target>
                    <Button variant="default" rightSection={<IconChevronDown size={14} aria-hidden />}>
                      {t('common.moreActions')}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item
                      leftSection={<IconPlus size={16} aria-hidden />}
                      onClick={() => setDialog('child')}
                    >
                      {t('unit.newChild')}
                    </Menu.Item>
                    <Menu.Item
                      leftSection={<IconUserPlus size={16} aria-hidden />}
                      onClick={() => setDialog('person')}
                    >
                      {t('person.newHere')}
                    </Menu.Item>
                    <Menu.Item
                      leftSection={<IconArrowsMove size={16} aria-hidden />}
                      onClick={() => setDialog('move')}
                    >
                      {t('unit.move')}
                    </Menu.Item>
                    <Menu.Item
                      leftSection={<IconHistory size={16} aria-hidden />}
                      onClick={() =>
                        void navigate({ to: '/admin/audit', search: { entity: 'unit', entityId: unit.id } })
                      }
                    >
                      {t('common.openInAuditLog')}
                    </Menu.Item>
                    <Menu.Divider role="separator" />
                    <Menu.Item
                      color="red.9"
                      leftSection={<IconArchive size={16} aria-hidden />}
                      onClick={() => setDialog('archive')}
                    >
                      {t('common.archive')}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              )}
            </>
          )
        }
      />
      {restore.error ? <ProblemAlert error={restore.error} onReload={() => void reload()} /> : null}
      {archived && (
        <Alert
          color="gray"
          variant="light"
          mb="md"
          title={t('unit.archivedTitle', { date: f.date(unit.archivedAt) })}
        >
          {t('common.reason')}: {unit.archiveReason}
        </Alert>
      )}

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
        {isAdmin && (
          <Grid.Col span={12}>
            <Section id="unit-history" title={t('history.title')} description={t('history.unitHelp')}>
              <History entity="unit" entityId={unit.id} caption={t('history.caption', { name: unit.name })} />
            </Section>
          </Grid.Col>
        )}
      </Grid>

      {isAdmin && (
        <>
          <UnitFormModal
            opened={dialog === 'edit'}
            onClose={() => setDialog(null)}
            unit={unit}
            onReload={reload}
          />
          <UnitFormModal
            opened={dialog === 'child'}
            onClose={() => setDialog(null)}
            unit={null}
            parentId={unit.id}
          />
          <PersonFormModal
            opened={dialog === 'person'}
            onClose={() => setDialog(null)}
            person={null}
            unitId={unit.id}
          />
          <MoveUnitModal
            opened={dialog === 'move'}
            onClose={() => setDialog(null)}
            unit={unit}
            onReload={reload}
          />
          <ArchiveModal
            opened={dialog === 'archive'}
            onClose={() => setDialog(null)}
            title={t('unit.archiveTitle', { name: unit.name })}
            help={t('unit.archiveHelp')}
            path={`/api/v1/units/${unit.id}`}
            version={unit.version}
            onReload={reload}
          />
        </>
      )}
    </>
  );
}

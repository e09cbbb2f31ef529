import { ActionIcon, Anchor, Button, Group as Row, Stack, Table, Text } from '@mantine/core';
import { IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupMember } from '../../../../shared/desk/groups.ts';
import { api } from '../../../platform/api.ts';
import { ArchiveDialog, useRestore } from '../../../platform/dialogs.tsx';
import { ArchivedBadge, PersonLink } from '../../../platform/directory/parts.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { notifySuccess } from '../../../platform/notify.ts';
import { DetailList, EmptyValue, PageHeader, Section } from '../../../platform/page.tsx';
import {
  isNotFound,
  RecordActions,
  RecordFallback,
  RecordNotices,
} from '../../../platform/record-actions.tsx';
import { DataTable } from '../../../platform/table.tsx';
import { useGroup, useGroupMembers, useGroupsInvalidate } from '../api.ts';
import { type Named, PersonSelect } from '../inputs.tsx';
import { GroupConcerns } from './GroupConcerns.tsx';
import { GroupFormModal } from './GroupForm.tsx';

// One group: what it is for, who leads it, and its members (the agents who work its tickets),
// added from the directory and removed again.

function Members({ groupId, canManage }: { groupId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const members = useGroupMembers(groupId);
  const invalidate = useGroupsInvalidate();
  const [person, setPerson] = useState<Named | null>(null);
  const add = useMutation({
    mutationFn: (p: Named) => api.post(`/api/v1/groups/${groupId}/members`, { personId: p.id }),
    onSuccess: async (_data, p) => {
      await invalidate();
      setPerson(null);
      notifySuccess(t('desk.groups.members.added', { name: p.name }));
    },
  });
  const remove = useMutation({
    mutationFn: (m: GroupMember) => api.delete(`/api/v1/groups/${groupId}/members/${m.personId}`),
    onSuccess: async (_data, m) => {
      await invalidate();
      notifySuccess(t('desk.groups.members.removed', { name: m.name }));
    },
  });
  const items = members.data?.items ?? [];
  return (
    <Stack gap="md">
      {canManage && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (person) add.mutate(person);
          }}
          aria-label={t('desk.groups.members.addForm')}
        >
          <Row align="flex-end" gap="sm" wrap="wrap">
            <PersonSelect
              label={t('desk.groups.members.person')}
              value={person}
              onChange={setPerson}
              style={{ flex: '1 1 280px' }}
            />
            <Button
              type="submit"
              leftSection={<IconUserPlus size={16} aria-hidden />}
              disabled={!person}
              loading={add.isPending}
            >
              {t('desk.groups.members.add')}
            </Button>
          </Row>
        </form>
      )}
      <ProblemAlert error={add.error ?? remove.error} />
      <DataTable
        caption={t('desk.groups.members.title')}
        colSpan={canManage ? 4 : 3}
        minWidth={560}
        loading={members.isPending}
        error={members.error}
        empty={items.length === 0}
        emptyText={t('desk.groups.members.none')}
        head={
          <Table.Tr>
            <Table.Th scope="col">{t('desk.groups.members.name')}</Table.Th>
            <Table.Th scope="col">{t('desk.groups.members.email')}</Table.Th>
            <Table.Th scope="col">{t('desk.groups.members.since')}</Table.Th>
            {canManage && (
              <Table.Th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        }
      >
        {items.map((m) => (
          <Table.Tr key={m.personId}>
            <Table.Td>
              <PersonLink id={m.personId} name={m.name} /> {m.archived && <ArchivedBadge />}
            </Table.Td>
            <Table.Td>
              {m.email ? (
                <Anchor href={`mailto:${m.email}`} size="sm">
                  {m.email}
                </Anchor>
              ) : (
                <EmptyValue />
              )}
            </Table.Td>
            <Table.Td>
              <Text span size="sm">
                {f.date(m.since)}
              </Text>
            </Table.Td>
            {canManage && (
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red.9"
                  aria-label={t('desk.groups.members.remove', { name: m.name })}
                  loading={remove.isPending && remove.variables?.personId === m.personId}
                  onClick={() => remove.mutate(m)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </DataTable>
    </Stack>
  );
}

export function GroupPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { groupId } = useParams({ from: '/_app/desk/groups/$groupId' });
  const query = useGroup(groupId);
  const [dialog, setDialog] = useState<null | 'edit' | 'archive'>(null);
  const invalidate = useGroupsInvalidate();
  const restore = useRestore(`/api/v1/groups/${groupId}`, query.data?.version ?? 0, invalidate);
  const group = query.data;
  if (!group || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const field = (name: string) => t(`desk.groups.field.${name}`);

  return (
    <>
      <PageHeader
        title={group.name}
        breadcrumbs={[
          { label: t('desk.navGroupAdmin') },
          { label: t('desk.groups.title'), to: '/desk/groups' },
          { label: group.name },
        ]}
        badges={group.archivedAt ? <ArchivedBadge /> : undefined}
        description={t(`desk.groups.kind.${group.kind}`)}
        actions={
          <RecordActions
            archived={!!group.archivedAt}
            can={group.can}
            onEdit={() => setDialog('edit')}
            restore={restore}
            items={[]}
            history={{ entity: 'deskGroup', entityId: group.id }}
            onArchive={() => setDialog('archive')}
          />
        }
      />
      <RecordNotices
        restoreError={restore.error}
        onReload={() => void query.refetch()}
        archived={
          group.archivedAt
            ? {
                title: t('desk.groups.archivedTitle', { date: f.date(group.archivedAt) }),
                reason: group.archiveReason,
              }
            : null
        }
      />
      <Stack gap="md">
        <Section id="group-details" title={t('desk.groups.details')}>
          <DetailList
            items={[
              { label: field('kind'), value: t(`desk.groups.kind.${group.kind}`) },
              {
                label: t('desk.groups.concerns'),
                value: group.systemId || group.supplierId ? <GroupConcerns group={group} /> : null,
              },
              {
                label: field('lead'),
                value: group.leadId ? (
                  <PersonLink id={group.leadId} name={group.leadName ?? undefined} />
                ) : null,
              },
              {
                label: field('email'),
                value: group.email ? <Anchor href={`mailto:${group.email}`}>{group.email}</Anchor> : null,
              },
              { label: field('description'), value: group.description },
            ]}
          />
        </Section>
        <Section
          id="group-members"
          title={t('desk.groups.members.title')}
          description={t('desk.groups.members.help')}
        >
          <Members groupId={group.id} canManage={group.can.manageMembers && !group.archivedAt} />
        </Section>
      </Stack>
      {group.can.update && (
        <GroupFormModal
          opened={dialog === 'edit'}
          onClose={() => setDialog(null)}
          group={group}
          onReload={() => query.refetch()}
        />
      )}
      {group.can.archive && (
        <ArchiveDialog
          opened={dialog === 'archive'}
          onClose={() => setDialog(null)}
          title={t('desk.groups.archiveTitle', { name: group.name })}
          help={t('desk.groups.archiveHelp')}
          path={`/api/v1/groups/${group.id}`}
          version={group.version}
          onReload={() => query.refetch()}
          invalidate={invalidate}
        />
      )}
    </>
  );
}

import { Anchor, Button, Grid, Stack, Switch, Table, Text } from '@mantine/core';
import { IconArrowsMove, IconKey, IconShieldPlus } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleAssignment } from '../../../shared/directory.ts';
import { type ApiToken, TOKENS_KEY, TokensTable } from '../account/tokens.tsx';
import { api } from '../api.ts';
import { History } from '../audit/audit.tsx';
import { Dialog, DialogFooter } from '../dialogs.tsx';
import { ProblemAlert } from '../errors.tsx';
import { useFormat } from '../format.ts';
import { RecordRefLink } from '../links.tsx';
import { CursorTable } from '../list-page.tsx';
import { notifySuccess } from '../notify.ts';
import { DetailList, PageHeader, Section } from '../page.tsx';
import { isNotFound, RecordActions, RecordFallback, RecordNotices } from '../record-actions.tsx';
import { useOrgInvalidate, usePerson, useRoleAssignments, useUnitIndex } from './api.ts';
import { GrantRoleModal, MovePersonModal, PasswordResetModal, PersonFormModal } from './PersonForms.tsx';
import { Path, PersonLink, PersonStatusBadge } from './parts.tsx';
import { ArchiveModal, useRestore } from './UnitForms.tsx';

// One person: details, unit, roles (grant and revoke), password reset, API tokens (admins), history.

/** An admin's view of a person's API tokens, each revocable (a leaver's integration, a leak). */
function PersonTokens({ personId, name }: { personId: string; name: string }) {
  const { t } = useTranslation();
  const tokens = useQuery({
    queryKey: [...TOKENS_KEY, personId],
    queryFn: ({ signal }) => api.get<{ items: ApiToken[] }>(`/api/v1/people/${personId}/tokens`, { signal }),
  });
  return (
    <Section id="person-tokens" title={t('tokens.personTitle')} description={t('tokens.personHelp')}>
      <TokensTable
        tokens={tokens}
        caption={t('tokens.personCaption', { name })}
        emptyText={t('tokens.personNone')}
      />
    </Section>
  );
}

function RevokeButton({ assignment, personName }: { assignment: RoleAssignment; personName: string }) {
  const { t } = useTranslation();
  const invalidate = useOrgInvalidate();
  const [confirming, setConfirming] = useState(false);
  const roleName = t(`role.${assignment.role}.name`);
  const revoke = useMutation({
    mutationFn: () => api.post(`/api/v1/role-assignments/${assignment.id}/revoke`),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('roles.revoked', { role: roleName, name: personName }));
      setConfirming(false);
    },
  });
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        onClick={() => setConfirming(true)}
        aria-label={t('roles.revokeLabel', { role: roleName })}
      >
        {t('roles.revoke')}
      </Button>
      <Dialog
        opened={confirming}
        onClose={() => {
          revoke.reset();
          setConfirming(false);
        }}
        title={t('roles.revokeTitle')}
      >
        <Stack>
          <Text size="sm">{t('roles.revokeConfirm', { role: roleName, name: personName })}</Text>
          <ProblemAlert error={revoke.error} />
          <DialogFooter
            onCancel={() => setConfirming(false)}
            label={t('roles.revoke')}
            color="red.9"
            loading={revoke.isPending}
            onConfirm={() => revoke.mutate()}
          />
        </Stack>
      </Dialog>
    </>
  );
}

export function PersonPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { personId } = useParams({ from: '/_app/people/$personId' });
  const personQuery = usePerson(personId);
  const { pathOf } = useUnitIndex();
  const [showRevoked, setShowRevoked] = useState(false);
  const roles = useRoleAssignments({ personId, includeRevoked: showRevoked });
  const [dialog, setDialog] = useState<null | 'edit' | 'move' | 'archive' | 'grant' | 'password'>(null);
  const person = personQuery.data;
  const restore = useRestore(`/api/v1/people/${personId}`, person?.version ?? 0);

  if (!person || isNotFound(personQuery.error)) return <RecordFallback error={personQuery.error} />;

  const reload = () => personQuery.refetch();
  const archived = !!person.archivedAt;
  // What the reader may do here, as the server's policy says: the page knows no role.
  const can = person.can;
  const unitPath = pathOf(person.unitId);
  const assignments = roles.items
    .slice()
    .sort((a, b) => Number(!!a.revokedAt) - Number(!!b.revokedAt) || b.grantedAt.localeCompare(a.grantedAt));
  // The actions column is there when some role in the list may be revoked by the reader.
  const revocable = assignments.some((a) => a.can.revoke);

  return (
    <>
      <PageHeader
        title={person.name}
        description={[person.title, unitPath.at(-1)?.name].filter(Boolean).join(' · ') || undefined}
        breadcrumbs={[
          { label: t('nav.organisation') },
          { label: t('people.title'), to: '/people' },
          { label: person.name },
        ]}
        badges={<PersonStatusBadge person={person} />}
        actions={
          <RecordActions
            archived={archived}
            can={can}
            onEdit={() => setDialog('edit')}
            restore={restore}
            items={[
              {
                icon: <IconArrowsMove size={16} aria-hidden />,
                label: t('person.move'),
                onClick: () => setDialog('move'),
                allowed: can.move,
              },
              {
                icon: <IconShieldPlus size={16} aria-hidden />,
                label: t('roles.grant'),
                onClick: () => setDialog('grant'),
                allowed: can.grantRole,
              },
              {
                icon: <IconKey size={16} aria-hidden />,
                label: t('passwordReset.action'),
                onClick: () => setDialog('password'),
                allowed: can.resetPassword,
              },
            ]}
            history={{ entity: 'person', entityId: person.id }}
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
                title: t('person.archivedTitle', { date: f.date(person.archivedAt) }),
                reason: person.archiveReason,
              }
            : null
        }
      />

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Section id="person-details" title={t('person.details')} h="100%">
            <DetailList
              items={[
                { label: t('field.givenName'), value: person.givenName },
                { label: t('field.familyName'), value: person.familyName },
                {
                  label: t('field.email'),
                  value: (
                    <Anchor href={`mailto:${person.email}`} size="sm">
                      {person.email}
                    </Anchor>
                  ),
                },
                { label: t('field.title'), value: person.title },
                {
                  label: t('field.phone'),
                  value: person.phone ? (
                    <Anchor href={`tel:${person.phone.replace(/[^+0-9]/g, '')}`} size="sm">
                      {person.phone}
                    </Anchor>
                  ) : null,
                },
                { label: t('field.employeeNumber'), value: person.employeeNumber },
                { label: t('field.unitId'), value: person.unitId ? <Path id={person.unitId} /> : null },
                { label: t('field.active'), value: person.active ? t('common.yes') : t('common.no') },
                { label: t('field.createdAt'), value: f.dateTime(person.createdAt) },
                { label: t('field.updatedAt'), value: f.dateTime(person.updatedAt) },
              ]}
            />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Section
            id="person-roles"
            title={t('roles.ofPerson')}
            h="100%"
            actions={
              can.grantRole ? (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconShieldPlus size={14} aria-hidden />}
                  onClick={() => setDialog('grant')}
                >
                  {t('roles.grant')}
                </Button>
              ) : undefined
            }
          >
            <Stack gap="sm">
              <CursorTable
                bordered={false}
                list={roles}
                caption={t('roles.caption', { name: person.name })}
                colSpan={revocable ? 4 : 3}
                minWidth={460}
                emptyText={t('roles.none')}
                head={
                  <Table.Tr>
                    <Table.Th scope="col">{t('field.role')}</Table.Th>
                    <Table.Th scope="col">{t('roles.scope')}</Table.Th>
                    <Table.Th scope="col">{t('roles.grantedAt')}</Table.Th>
                    {revocable && (
                      <Table.Th scope="col">
                        <span className="visually-hidden">{t('common.actions')}</span>
                      </Table.Th>
                    )}
                  </Table.Tr>
                }
              >
                {assignments.map((a) => (
                  <Table.Tr key={a.id} style={a.revokedAt ? { opacity: 0.85 } : undefined}>
                    <Table.Td>
                      <Text size="sm" fw={500} td={a.revokedAt ? 'line-through' : undefined}>
                        {t(`role.${a.role}.name`)}
                      </Text>
                      {a.revokedAt && (
                        <Text size="xs" c="dimmed">
                          {t('roles.revokedAt', { date: f.dateTime(a.revokedAt) })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {a.scope === 'global' ? (
                        <Text size="sm">{t('roles.wholeOrganisation')}</Text>
                      ) : (
                        <RecordRefLink name={a.scopeName} href={a.scopeHref} />
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{f.date(a.grantedAt)}</Text>
                      {a.grantedBy && (
                        <Text size="xs" c="dimmed" component="div">
                          {t('roles.by')} <PersonLink id={a.grantedBy} />
                        </Text>
                      )}
                    </Table.Td>
                    {revocable && (
                      <Table.Td ta="right">
                        {a.can.revoke && <RevokeButton assignment={a} personName={person.name} />}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </CursorTable>
              <Switch
                size="sm"
                label={t('roles.showRevoked')}
                checked={showRevoked}
                onChange={(e) => setShowRevoked(e.currentTarget.checked)}
              />
            </Stack>
          </Section>
        </Grid.Col>
        {can.manageTokens && (
          <Grid.Col span={12}>
            <PersonTokens personId={person.id} name={person.name} />
          </Grid.Col>
        )}
        {can.readHistory && (
          <Grid.Col span={12}>
            <Section id="person-history" title={t('history.title')} description={t('history.personHelp')}>
              <History
                entity="person"
                entityId={person.id}
                caption={t('history.caption', { name: person.name })}
              />
            </Section>
          </Grid.Col>
        )}
      </Grid>

      {can.update && (
        <PersonFormModal
          opened={dialog === 'edit'}
          onClose={() => setDialog(null)}
          person={person}
          onReload={reload}
        />
      )}
      {can.move && (
        <MovePersonModal
          opened={dialog === 'move'}
          onClose={() => setDialog(null)}
          person={person}
          onReload={reload}
        />
      )}
      {can.grantRole && (
        <GrantRoleModal opened={dialog === 'grant'} onClose={() => setDialog(null)} person={person} />
      )}
      {can.resetPassword && (
        <PasswordResetModal opened={dialog === 'password'} onClose={() => setDialog(null)} person={person} />
      )}
      {can.archive && (
        <ArchiveModal
          opened={dialog === 'archive'}
          onClose={() => setDialog(null)}
          title={t('person.archiveTitle', { name: person.name })}
          help={t('person.archiveHelp')}
          path={`/api/v1/people/${person.id}`}
          version={person.version}
          onReload={reload}
        />
      )}
    </>
  );
}

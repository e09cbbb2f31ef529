import { Badge, Group, Select, SimpleGrid, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Role, roles as roleCatalog, roleNames } from '../../../shared/roles.ts';
import { useAuth } from '../auth.tsx';
import { useFormat } from '../format.ts';
import { RecordRefLink } from '../links.tsx';
import { CursorTable } from '../list-page.tsx';
import { ForbiddenPage } from '../NotFoundPage.tsx';
import { PageHeader, Section } from '../page.tsx';
import { useSeam } from '../seam.ts';
import { useRoleAssignments, useRoleCounts } from './api.ts';
import { PersonLink } from './parts.tsx';

// Roles and who holds them: the catalogue of roles (from DESIGN.md "Access") with the number of
// holders, and the current assignments of all roles or of the one chosen, in keyset pages (every
// employee holds a role, so a large municipality has thousands). Grants are made on the person's page.

export function RolesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const seam = useSeam();
  const { isAdmin } = useAuth();
  const [role, setRole] = useState<Role | null>(null);
  const assignments = useRoleAssignments({ role: role ?? undefined });
  const roleCounts = useRoleCounts();
  if (!isAdmin) return <ForbiddenPage />;

  const counts = new Map(roleCounts.data?.items.map((c) => [c.role, c.holders]));

  return (
    <>
      <PageHeader
        title={t('roles.title')}
        description={t('roles.description')}
        breadcrumbs={[{ label: t('nav.administration') }, { label: t('roles.title') }]}
      />
      <Section id="roles-catalogue" title={t('roles.catalogue')} mb="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {roleNames.map((r) => (
            <UnstyledButton
              key={r}
              onClick={() => setRole(role === r ? null : r)}
              aria-pressed={role === r}
              style={{
                border: `1px solid ${role === r ? 'var(--mantine-color-sea-6)' : 'var(--mantine-color-gray-3)'}`,
                background: role === r ? 'var(--mantine-color-sea-0)' : 'white',
                borderRadius: 8,
                padding: 12,
              }}
            >
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text fw={600} size="sm">
                  {t(`role.${r}.name`)}
                </Text>
                <Badge
                  variant="light"
                  color="gray"
                  styles={{ label: { color: 'var(--mantine-color-gray-9)' } }}
                >
                  {t('roles.holders', { count: counts.get(r) ?? 0 })}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed" mt={4}>
                {t(`role.${r}.description`)}
              </Text>
              <Text size="xs" mt={6}>
                {t('roles.scopes')}:{' '}
                {roleCatalog[r].scopes.map((s) => t(seam.scopeKinds.get(s) ?? `scope.${s}`)).join(', ')}
              </Text>
            </UnstyledButton>
          ))}
        </SimpleGrid>
      </Section>
      <Section
        id="roles-assignments"
        title={t('roles.assignments')}
        actions={
          <Select
            aria-label={t('roles.filterRole')}
            placeholder={t('roles.allRoles')}
            data={roleNames.map((r) => ({ value: r, label: t(`role.${r}.name`) }))}
            value={role}
            onChange={(v) => setRole(v as Role | null)}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            w={240}
          />
        }
      >
        <CursorTable
          bordered={false}
          list={assignments}
          caption={t('roles.assignmentsCaption')}
          colSpan={4}
          minWidth={640}
          emptyText={t('roles.noneAssigned')}
          head={
            <Table.Tr>
              <Table.Th scope="col">{t('field.role')}</Table.Th>
              <Table.Th scope="col">{t('field.personName')}</Table.Th>
              <Table.Th scope="col">{t('roles.scope')}</Table.Th>
              <Table.Th scope="col">{t('roles.grantedAt')}</Table.Th>
            </Table.Tr>
          }
        >
          {assignments.items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{t(`role.${a.role}.name`)}</Table.Td>
              <Table.Td>
                <PersonLink id={a.personId} name={a.personName} />
              </Table.Td>
              <Table.Td>
                {a.scope === 'global' ? (
                  t('roles.wholeOrganisation')
                ) : (
                  <RecordRefLink name={a.scopeName} href={a.scopeHref} />
                )}
              </Table.Td>
              <Table.Td>{f.date(a.grantedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </CursorTable>
      </Section>
    </>
  );
}

import { Badge, Grid, Group, List, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconBuilding,
  IconCalendarEvent,
  IconFileImport,
  IconHistory,
  IconListDetails,
  IconServer,
  IconTicket,
  IconUserPlus,
  IconUsers,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuth, useMe } from '../auth.tsx';
import { useUnitIndex } from '../directory/api.ts';
import { Path, UnitLink } from '../directory/parts.tsx';
import { RouterAnchor, RouterButton } from '../links.tsx';
import { InboxSection } from '../notifications/InboxSection.tsx';
import { PageHeader, Section } from '../page.tsx';
import { StartItems } from './StartItems.tsx';

// "Mitt Styrbord": the signed-in person's own start page.

const upcoming = [
  { key: 'desk', icon: IconTicket },
  { key: 'registry', icon: IconServer },
  { key: 'governance', icon: IconCalendarEvent },
  { key: 'portfolio', icon: IconListDetails },
] as const;

export function StartPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { isAdmin } = useAuth();
  const { units } = useUnitIndex();
  const activeUnits = units.filter((u) => !u.archivedAt).length;
  const grants = me.grants
    .slice()
    .sort((a, b) => t(`role.${a.role}.name`).localeCompare(t(`role.${b.role}.name`), 'sv'));

  return (
    <>
      <PageHeader
        title={t('home.title')}
        description={t('home.welcome', { name: me.person.givenName, tenant: me.tenant.name })}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6, xl: 4 }}>
          <Section id="home-me" title={t('home.me')} h="100%">
            <Stack gap="xs">
              <RouterAnchor to="/people/$personId" params={{ personId: me.person.id }} fw={600}>
                {me.person.name}
              </RouterAnchor>
              {me.person.title && <Text size="sm">{me.person.title}</Text>}
              <Text size="sm" c="dimmed">
                {me.person.email}
              </Text>
            </Stack>
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6, xl: 4 }}>
          <Section id="home-unit" title={t('home.myUnit')} h="100%">
            {me.person.unitId ? (
              <Stack gap="xs">
                <Group gap="xs">
                  <ThemeIcon variant="light" size="md" aria-hidden>
                    <IconBuilding size={16} />
                  </ThemeIcon>
                  <UnitLink id={me.person.unitId} />
                </Group>
                <Text size="xs" c="dimmed">
                  {t('home.unitPath')}
                </Text>
                <Path id={me.person.unitId} />
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                {t('home.noUnit')}
              </Text>
            )}
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 12, xl: 4 }}>
          <Section id="home-roles" title={t('home.myRoles')} h="100%">
            {grants.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('home.noRoles')}
              </Text>
            ) : (
              <List spacing={6} size="sm" listStyleType="none" withPadding={false}>
                {grants.map((g) => (
                  <List.Item key={`${g.role}-${g.unitId ?? 'global'}`}>
                    <Group gap={6} wrap="wrap">
                      <Badge
                        variant="light"
                        styles={{ label: { textTransform: 'none', color: 'var(--mantine-color-sea-9)' } }}
                      >
                        {t(`role.${g.role}.name`)}
                      </Badge>
                      {g.unitId ? (
                        <>
                          <Text span size="sm">
                            {t('home.inUnit')}
                          </Text>
                          <UnitLink id={g.unitId} />
                        </>
                      ) : (
                        <Text span size="sm" c="dimmed">
                          {t('roles.wholeOrganisation')}
                        </Text>
                      )}
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
        </Grid.Col>

        <Grid.Col span={12}>
          <InboxSection />
        </Grid.Col>

        <Grid.Col span={12}>
          <StartItems />
        </Grid.Col>

        {isAdmin && (
          <Grid.Col span={12}>
            <Section
              id="home-admin"
              title={t('home.adminTitle')}
              description={t('home.adminStats', { count: activeUnits })}
            >
              <Group gap="sm">
                <RouterButton
                  to="/units"
                  variant="light"
                  leftSection={<IconBuilding size={16} aria-hidden />}
                >
                  {t('nav.units')}
                </RouterButton>
                <RouterButton to="/people" variant="light" leftSection={<IconUsers size={16} aria-hidden />}>
                  {t('nav.people')}
                </RouterButton>
                <RouterButton
                  to="/admin/roles"
                  variant="light"
                  leftSection={<IconUserPlus size={16} aria-hidden />}
                >
                  {t('nav.roles')}
                </RouterButton>
                <RouterButton
                  to="/admin/import"
                  variant="light"
                  leftSection={<IconFileImport size={16} aria-hidden />}
                >
                  {t('nav.import')}
                </RouterButton>
                <RouterButton
                  to="/admin/audit"
                  variant="light"
                  leftSection={<IconHistory size={16} aria-hidden />}
                >
                  {t('nav.audit')}
                </RouterButton>
              </Group>
            </Section>
          </Grid.Col>
        )}

        <Grid.Col span={12}>
          <Section id="home-upcoming" title={t('home.upcomingTitle')} description={t('home.upcomingText')}>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
              {upcoming.map(({ key, icon: Icon }) => (
                <Group key={key} gap="sm" wrap="nowrap" align="flex-start">
                  <ThemeIcon variant="light" color="gray" size="lg" aria-hidden>
                    <Icon size={20} />
                  </ThemeIcon>
                  <div>
                    <Text size="sm" fw={600}>
                      {t(`home.upcoming.${key}.title`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`home.upcoming.${key}.text`)}
                    </Text>
                  </div>
                </Group>
              ))}
            </SimpleGrid>
          </Section>
        </Grid.Col>
      </Grid>
    </>
  );
}

import {
  AppShell,
  Avatar,
  Box,
  Burger,
  Center,
  Group,
  Menu,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconChevronDown, IconKey, IconLock, IconLogout, IconSearch, IconUsers } from '@tabler/icons-react';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordModal } from './account/ChangePasswordModal.tsx';
import { useAuth, useMe } from './auth.tsx';
import { GlobalSearch, search } from './GlobalSearch.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Loading } from './Loading.tsx';
import { Redirect, RouterAnchor, RouterNavLink } from './links.tsx';
import { Bell } from './notifications/Bell.tsx';
import { type NavEntry, useSeam } from './seam.ts';

// The signed-in frame: header (search, language, user menu), navigation (one entry per module,
// administration for admins only), and the main landmark every page renders into.

export function AuthedShell() {
  const { me, loading, signedOut } = useAuth();
  const location = useRouterState({ select: (s) => s.location });
  if (loading) {
    return (
      <Center h="100vh">
        <Loading />
      </Center>
    );
  }
  if (!me) {
    // After signing out: to the sign-in page as such; otherwise come back here after signing in.
    const here = location.href;
    return <Redirect to="/sign-in" search={signedOut || here === '/' ? {} : { redirect: here }} />;
  }
  return <Shell />;
}

export function Logo({ light = true }: { light?: boolean }) {
  return (
    <Group gap={8} wrap="nowrap" aria-hidden>
      <svg width="28" height="28" viewBox="0 0 32 32" role="presentation">
        <rect width="32" height="32" rx="7" fill={light ? '#ffffff' : '#0b4c80'} />
        <path d="M9 22 16 8l7 14-7-4z" fill={light ? '#0a2f4f' : '#ffffff'} />
      </svg>
      <Text fw={700} fz={18} c={light ? 'white' : 'sea.9'} style={{ letterSpacing: '-0.01em' }}>
        Styrbord
      </Text>
    </Group>
  );
}

function NavGroup({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset is for form controls; this groups links under a label
    <div role="group" aria-labelledby={id}>
      <div id={id} className="styrbord-nav-group-label">
        {label}
      </div>
      {children}
    </div>
  );
}

const alwaysVisible = () => true;

/** One link of the navigation; a module may hide it from some readers (NavEntry.useVisible). */
function NavEntryLink({ entry, active }: { entry: NavEntry; active: boolean }) {
  const { t } = useTranslation();
  // The same entry renders this component every time, so the hook called is always the same one.
  const useVisible = entry.useVisible ?? alwaysVisible;
  if (!useVisible()) return null;
  return (
    <RouterNavLink
      to={entry.to}
      label={t(entry.label)}
      leftSection={<entry.icon size={18} aria-hidden />}
      active={active}
    />
  );
}

function Shell() {
  const { t } = useTranslation();
  const me = useMe();
  const { isAdmin, signOut, mustChangePassword } = useAuth();
  const seam = useSeam();
  const navigate = useNavigate();
  const [navOpened, nav] = useDisclosure(false);
  const [passwordOpened, setPasswordOpened] = useState(false);
  const wide = useMediaQuery('(min-width: 48em)', true);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After navigating, start reading and tabbing at the new page, and close the phone menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per page (pathname), nav.close is stable in effect
  useEffect(() => {
    nav.close();
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);

  const active = (prefix: string) =>
    prefix === '/' ? pathname === '/' : pathname === prefix || pathname.startsWith(`${prefix}/`);
  const initials = `${me.person.givenName[0] ?? ''}${me.person.familyName[0] ?? ''}`.toUpperCase();

  // The shell itself then sends the browser to the sign-in page.
  const doSignOut = () => signOut();

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 256, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header className="styrbord-header">
        <Group h="100%" px="md" gap="md" wrap="nowrap" justify="space-between">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              color="white"
              aria-label={navOpened ? t('nav.close') : t('nav.open')}
              aria-expanded={navOpened}
              aria-controls="main-navigation"
            />
            <RouterAnchor to="/" underline="never" aria-label={t('app.home')}>
              <Logo />
            </RouterAnchor>
            {wide && (
              <Text size="sm" c="gray.3" visibleFrom="md" truncate maw={240}>
                {me.tenant.name}
              </Text>
            )}
          </Group>
          <Box style={{ flex: 1, display: 'flex', justifyContent: 'center' }} visibleFrom="sm">
            <UnstyledButton
              className="styrbord-search-trigger"
              onClick={() => search.open()}
              aria-keyshortcuts="Control+K"
            >
              <IconSearch size={16} aria-hidden />
              <span>{t('search.trigger')}</span>
              <kbd aria-hidden>Ctrl K</kbd>
            </UnstyledButton>
          </Box>
          <Group gap={4} wrap="nowrap">
            <UnstyledButton
              className="styrbord-header-button"
              hiddenFrom="sm"
              onClick={() => search.open()}
              aria-label={t('search.trigger')}
            >
              <IconSearch size={18} aria-hidden />
            </UnstyledButton>
            <Bell />
            <LanguageSwitch />
            <Menu position="bottom-end" width={260} shadow="md">
              <Menu.Target>
                <UnstyledButton
                  className="styrbord-header-button"
                  aria-label={t('user.menu', { name: me.person.name })}
                >
                  <Avatar size={28} radius="xl" color="sea" variant="filled" aria-hidden>
                    {initials}
                  </Avatar>
                  {wide && (
                    <Text size="sm" c="white" truncate maw={160}>
                      {me.person.name}
                    </Text>
                  )}
                  <IconChevronDown size={14} aria-hidden />
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Box px="sm" py={6}>
                  <Text size="sm" fw={600}>
                    {me.person.name}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {me.person.email}
                  </Text>
                </Box>
                <Menu.Divider role="separator" />
                <Menu.Item
                  leftSection={<IconUsers size={16} aria-hidden />}
                  onClick={() =>
                    void navigate({ to: '/people/$personId', params: { personId: me.person.id } })
                  }
                >
                  {t('user.profile')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconKey size={16} aria-hidden />}
                  onClick={() => void navigate({ to: '/account/tokens' })}
                >
                  {t('nav.tokens')}
                </Menu.Item>
                <Menu.Item onClick={() => void navigate({ to: '/account/notifications' })}>
                  {t('notifications.settings')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconLock size={16} aria-hidden />}
                  onClick={() => setPasswordOpened(true)}
                >
                  {t('password.title')}
                </Menu.Item>
                <Menu.Divider role="separator" />
                <Menu.Item
                  leftSection={<IconLogout size={16} aria-hidden />}
                  onClick={() => void doSignOut()}
                >
                  {t('user.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        id="main-navigation"
        aria-label={t('nav.label')}
        p="xs"
        bg="gray.0"
        // Scrolls when the modules' pages outgrow the window (the menu is fixed; without it the last
        // groups, the administration among them, could not be reached). Collapsed on a phone: out of
        // sight and out of the tab order too.
        style={{ overflowY: 'auto', ...(!wide && !navOpened ? { visibility: 'hidden' } : {}) }}
      >
        <Stack gap={2}>
          {seam.navGroups
            .filter((group) => !group.admin || isAdmin)
            .map((group) => {
              const links = seam.nav
                .filter((entry) => entry.group === group.id && (!entry.admin || isAdmin))
                .map((entry) => <NavEntryLink key={entry.to} entry={entry} active={active(entry.to)} />);
              if (links.length === 0) return null;
              // The start page stands alone at the top; every other group under its heading.
              if (group.id === 'start') return links;
              return (
                <NavGroup key={group.id} id={`nav-group-${group.id}`} label={t(group.label)}>
                  {links}
                </NavGroup>
              );
            })}
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main id="main" ref={mainRef} tabIndex={-1} className="styrbord-main">
        <Box maw={1360} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>

      <GlobalSearch />
      <ChangePasswordModal
        opened={passwordOpened || mustChangePassword}
        forced={mustChangePassword}
        onClose={() => setPasswordOpened(false)}
      />
    </AppShell>
  );
}

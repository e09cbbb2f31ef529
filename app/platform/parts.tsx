import {
  IconBell,
  IconBuilding,
  IconFileImport,
  IconHistory,
  IconHome,
  IconKey,
  IconShieldCheck,
  IconUser,
  IconUsers,
} from '@tabler/icons-react';
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { validateAuditSearch } from './audit/search.ts';
import { PersonLink, UnitLink } from './directory/parts.tsx';
import { validateImportSearch, validatePeopleSearch, validateUnitsSearch } from './directory/search.ts';
import type { ClientModule } from './seam.ts';

// The platform's own parts on the web app's seam, described as a module would describe itself:
// the frame (start page, audit, account) and the directory (units, people, roles, import).

/** A code translated under `prefix`, for the audit's change lists. */
function Term({ prefix, value }: { prefix: string; value: unknown }) {
  const { t } = useTranslation();
  return <>{t(`${prefix}.${String(value)}`, { defaultValue: String(value) })}</>;
}

const shell: ClientModule = {
  name: 'shell',
  navGroups: [
    { id: 'start', label: 'nav.start', order: 0 },
    { id: 'organisation', label: 'nav.organisation', order: 10 },
    { id: 'administration', label: 'nav.administration', order: 90, admin: true },
  ],
  nav: [
    { to: '/', label: 'nav.start', icon: IconHome, group: 'start' },
    { to: '/account/tokens', label: 'nav.tokens', icon: IconKey, group: 'account' },
    {
      to: '/account/notifications',
      label: 'notifications.prefsTitle',
      icon: IconBell,
      group: 'account',
    },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/',
      component: lazyRouteComponent(() => import('./home/StartPage.tsx'), 'StartPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/account/tokens',
      component: lazyRouteComponent(() => import('./account/TokensPage.tsx'), 'TokensPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/account/notifications',
      component: lazyRouteComponent(
        () => import('./notifications/PreferencesPage.tsx'),
        'NotificationPreferencesPage',
      ),
    }),
  ],
  audit: [
    { entity: 'apiToken', label: 'auditEntity.apiToken' },
    { entity: 'file', label: 'auditEntity.file' },
  ],
};

const directory: ClientModule = {
  name: 'directory',
  nav: [
    { to: '/units', label: 'nav.units', icon: IconBuilding, group: 'organisation' },
    { to: '/people', label: 'nav.people', icon: IconUsers, group: 'organisation' },
    { to: '/admin/roles', label: 'nav.roles', icon: IconShieldCheck, group: 'administration', admin: true },
    { to: '/admin/import', label: 'nav.import', icon: IconFileImport, group: 'administration', admin: true },
  ],
  routes: (parent: AnyRoute) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/units',
      validateSearch: validateUnitsSearch,
      component: lazyRouteComponent(() => import('./directory/UnitsPage.tsx'), 'UnitsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/units/$unitId',
      component: lazyRouteComponent(() => import('./directory/UnitPage.tsx'), 'UnitPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/people',
      validateSearch: validatePeopleSearch,
      component: lazyRouteComponent(() => import('./directory/PeoplePage.tsx'), 'PeoplePage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/people/$personId',
      component: lazyRouteComponent(() => import('./directory/PersonPage.tsx'), 'PersonPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/admin/roles',
      component: lazyRouteComponent(() => import('./directory/RolesPage.tsx'), 'RolesPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/admin/import',
      validateSearch: validateImportSearch,
      component: lazyRouteComponent(() => import('./directory/ImportPage.tsx'), 'ImportPage'),
    }),
  ],
  scopeKinds: { unit: 'scope.unit' },
  search: [
    { section: 'people', label: 'search.people', icon: IconUser },
    { section: 'units', label: 'search.units', icon: IconBuilding },
  ],
  audit: [
    { entity: 'unit', label: 'auditEntity.unit' },
    { entity: 'person', label: 'auditEntity.person' },
    { entity: 'roleAssignment', label: 'auditEntity.roleAssignment' },
  ],
  auditFields: {
    parentId: (value) => <UnitLink id={String(value)} />,
    unitId: (value) => <UnitLink id={String(value)} />,
    personId: (value) => <PersonLink id={String(value)} />,
    grantedBy: (value) => <PersonLink id={String(value)} />,
    revokedBy: (value) => <PersonLink id={String(value)} />,
    kind: (value) => <Term prefix="unitKind" value={value} />,
    role: (value) => <Term prefix="role" value={`${String(value)}.name`} />,
    scope: (value) => <Term prefix="scope" value={value} />,
  },
};

/** The audit trail; after the directory so that it follows the directory's pages in the menu. */
const audit: ClientModule = {
  name: 'audit',
  nav: [{ to: '/admin/audit', label: 'nav.audit', icon: IconHistory, group: 'administration', admin: true }],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/admin/audit',
      validateSearch: validateAuditSearch,
      component: lazyRouteComponent(() => import('./audit/AuditPage.tsx'), 'AuditPage'),
    }),
  ],
};

/** The platform's parts, registered before the modules of app/modules.ts. */
export const platformParts: readonly ClientModule[] = [shell, directory, audit];

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
import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TokensPage } from './account/TokensPage.tsx';
import { AuditPage, validateAuditSearch } from './audit/AuditPage.tsx';
import { ImportPage, validateImportSearch } from './directory/ImportPage.tsx';
import { PeoplePage, validatePeopleSearch } from './directory/PeoplePage.tsx';
import { PersonPage } from './directory/PersonPage.tsx';
import { PersonLink, UnitLink } from './directory/parts.tsx';
import { RolesPage } from './directory/RolesPage.tsx';
import { UnitPage } from './directory/UnitPage.tsx';
import { UnitsPage, validateUnitsSearch } from './directory/UnitsPage.tsx';
import { StartPage } from './home/StartPage.tsx';
import { NotificationPreferencesPage } from './notifications/PreferencesPage.tsx';
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
    createRoute({ getParentRoute: () => parent, path: '/', component: StartPage }),
    createRoute({ getParentRoute: () => parent, path: '/account/tokens', component: TokensPage }),
    createRoute({
      getParentRoute: () => parent,
      path: '/account/notifications',
      component: NotificationPreferencesPage,
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
      component: UnitsPage,
    }),
    createRoute({ getParentRoute: () => parent, path: '/units/$unitId', component: UnitPage }),
    createRoute({
      getParentRoute: () => parent,
      path: '/people',
      validateSearch: validatePeopleSearch,
      component: PeoplePage,
    }),
    createRoute({ getParentRoute: () => parent, path: '/people/$personId', component: PersonPage }),
    createRoute({ getParentRoute: () => parent, path: '/admin/roles', component: RolesPage }),
    createRoute({
      getParentRoute: () => parent,
      path: '/admin/import',
      validateSearch: validateImportSearch,
      component: ImportPage,
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
      component: AuditPage,
    }),
  ],
};

/** The platform's parts, registered before the modules of app/modules.ts. */
export const platformParts: readonly ClientModule[] = [shell, directory, audit];

import { createRootRoute, createRoute, createRouter, Outlet } from '@tanstack/react-router';
import { TokensPage } from './platform/account/TokensPage.tsx';
import { AuditPage, validateAuditSearch } from './platform/audit/AuditPage.tsx';
import { ImportPage, validateImportSearch } from './platform/directory/ImportPage.tsx';
import { PeoplePage, validatePeopleSearch } from './platform/directory/PeoplePage.tsx';
import { PersonPage } from './platform/directory/PersonPage.tsx';
import { RolesPage } from './platform/directory/RolesPage.tsx';
import { UnitPage } from './platform/directory/UnitPage.tsx';
import { UnitsPage, validateUnitsSearch } from './platform/directory/UnitsPage.tsx';
import { StartPage } from './platform/home/StartPage.tsx';
import { NotFoundPage } from './platform/NotFoundPage.tsx';
import { NotificationPreferencesPage } from './platform/notifications/PreferencesPage.tsx';
import { AuthedShell } from './platform/Shell.tsx';
import { SignInPage, validateSignInSearch } from './platform/SignInPage.tsx';

// Real paths (/units/:id …) so links can be shared and reloads work: the server answers every
// non-/api GET with index.html.

const rootRoute = createRootRoute({
  component: Outlet,
  notFoundComponent: () => (
    <main id="main">
      <NotFoundPage />
    </main>
  ),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: validateSignInSearch,
  component: SignInPage,
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_app',
  component: AuthedShell,
  notFoundComponent: NotFoundPage,
});

const startRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: StartPage });
const unitsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/units',
  validateSearch: validateUnitsSearch,
  component: UnitsPage,
});
const unitRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/units/$unitId',
  component: UnitPage,
});
const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people',
  validateSearch: validatePeopleSearch,
  component: PeoplePage,
});
const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people/$personId',
  component: PersonPage,
});
const rolesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/roles',
  component: RolesPage,
});
const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/audit',
  validateSearch: validateAuditSearch,
  component: AuditPage,
});
const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/import',
  validateSearch: validateImportSearch,
  component: ImportPage,
});
const tokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account/tokens',
  component: TokensPage,
});
const notificationPrefsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account/notifications',
  component: NotificationPreferencesPage,
});
// Any other path: "not found" inside the shell, with the navigation still there.
const notFoundRoute = createRoute({ getParentRoute: () => appRoute, path: '$', component: NotFoundPage });

const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([
    startRoute,
    unitsRoute,
    unitRoute,
    peopleRoute,
    personRoute,
    rolesRoute,
    auditRoute,
    importRoute,
    tokensRoute,
    notificationPrefsRoute,
    notFoundRoute,
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: false, scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

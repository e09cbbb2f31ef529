import { createRootRoute, createRoute, createRouter, Outlet } from '@tanstack/react-router';
import { clientSeam } from './modules.ts';
import { NotFoundPage } from './platform/NotFoundPage.tsx';
import { PageError, PagePending } from './platform/PageStatus.tsx';
import { AuthedShell } from './platform/Shell.tsx';
import { SignInPage, validateSignInSearch } from './platform/SignInPage.tsx';

// Real paths (/units/:id …) so links can be shared and reloads work: the server answers every
// non-/api GET with index.html. The pages come from the platform's parts and the modules
// (app/modules.ts), each giving its routes as children of the signed-in frame.

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

// Any other path: "not found" inside the shell, with the navigation still there.
const notFoundRoute = createRoute({ getParentRoute: () => appRoute, path: '$', component: NotFoundPage });

const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([...clientSeam.modules.flatMap((m) => m.routes?.(appRoute) ?? []), notFoundRoute]),
]);

// Every page but sign-in is a lazily loaded chunk (app/platform/seam.ts): the loader shows if one
// takes more than a moment, a chunk that cannot be loaded gets a message with a reload, and
// pointing at or focusing a link fetches its page's chunk ahead (the routes have no loaders, so
// 'intent' preloads code only; the data stays with TanStack Query).
export const router = createRouter({
  routeTree,
  defaultPreload: 'intent',
  defaultPendingComponent: PagePending,
  defaultPendingMs: 300,
  defaultErrorComponent: PageError,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

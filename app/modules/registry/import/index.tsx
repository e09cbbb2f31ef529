import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../part.ts';

// The systemkarta import on the web app's seam: its page (reached from the systems list).

export const importPart: ClientPart = {
  name: 'import',
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/systems/import',
      component: lazyRouteComponent(() => import('./SystemImportPage.tsx'), 'SystemImportPage'),
    }),
  ],
};

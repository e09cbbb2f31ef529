import { IconChecklist } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../part.ts';

// The data-quality dashboard on the web app's seam.

export const qualityPart: ClientPart = {
  name: 'quality',
  nav: [{ to: '/registry/quality', label: 'registry.quality.nav', icon: IconChecklist, group: 'registry' }],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/registry/quality',
      component: lazyRouteComponent(() => import('./QualityPage.tsx'), 'QualityPage'),
    }),
  ],
};

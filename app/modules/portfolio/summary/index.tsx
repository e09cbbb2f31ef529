import { IconLayoutDashboard } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';

// The portfolio summary: one page of figures over the other parts.

export const summaryPart: ClientPart = {
  name: 'summary',
  nav: [{ to: '/portfolio', label: 'portfolio.summary.nav', icon: IconLayoutDashboard, group: 'portfolio' }],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/portfolio',
      component: lazyRouteComponent(() => import('./SummaryPage.tsx'), 'SummaryPage'),
    }),
  ],
};

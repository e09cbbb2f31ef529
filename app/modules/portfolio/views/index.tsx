import { IconChartBubble, IconChartDots3, IconReport, IconTimeline } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';

// The portfolio's views: the timeline, the benefit/cost/risk chart, the load on key roles and the
// printable report for the IT-styrgrupp.

export const viewsPart: ClientPart = {
  name: 'views',
  nav: [
    {
      to: '/portfolio/timeline',
      label: 'portfolio.views.navTimeline',
      icon: IconTimeline,
      group: 'portfolio',
    },
    {
      to: '/portfolio/bubbles',
      label: 'portfolio.views.navBubbles',
      icon: IconChartBubble,
      group: 'portfolio',
    },
    { to: '/portfolio/load', label: 'portfolio.views.navLoad', icon: IconChartDots3, group: 'portfolio' },
    { to: '/portfolio/report', label: 'portfolio.views.navReport', icon: IconReport, group: 'portfolio' },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/portfolio/timeline',
      component: lazyRouteComponent(() => import('./TimelinePage.tsx'), 'TimelinePage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/portfolio/bubbles',
      component: lazyRouteComponent(() => import('./BubblesPage.tsx'), 'BubblesPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/portfolio/load',
      component: lazyRouteComponent(() => import('./LoadPage.tsx'), 'LoadPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/portfolio/report',
      component: lazyRouteComponent(() => import('./ReportPage.tsx'), 'ReportPage'),
    }),
  ],
};

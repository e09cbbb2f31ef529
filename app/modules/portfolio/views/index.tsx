import { IconChartBubble, IconChartDots3, IconReport, IconTimeline } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';
import { BubblesPage } from './BubblesPage.tsx';
import { LoadPage } from './LoadPage.tsx';
import { ReportPage } from './ReportPage.tsx';
import { TimelinePage } from './TimelinePage.tsx';

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
    createRoute({ getParentRoute: () => parent, path: '/portfolio/timeline', component: TimelinePage }),
    createRoute({ getParentRoute: () => parent, path: '/portfolio/bubbles', component: BubblesPage }),
    createRoute({ getParentRoute: () => parent, path: '/portfolio/load', component: LoadPage }),
    createRoute({ getParentRoute: () => parent, path: '/portfolio/report', component: ReportPage }),
  ],
};

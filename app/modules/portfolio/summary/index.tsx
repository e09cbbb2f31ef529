import { IconLayoutDashboard } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';
import { SummaryPage } from './SummaryPage.tsx';

// The portfolio summary: one page of figures over the other parts.

export const summaryPart: ClientPart = {
  name: 'summary',
  nav: [{ to: '/portfolio', label: 'portfolio.summary.nav', icon: IconLayoutDashboard, group: 'portfolio' }],
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: '/portfolio', component: SummaryPage }),
  ],
};

import { IconAlertCircle, IconTicket } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';
import { validateMyTicketsSearch } from './search.ts';

// The self-service portal, for every employee: report a fault, follow one's own tickets, answer,
// reopen and rate them.

export const portalPart: ClientPart = {
  name: 'portal',
  nav: [
    { to: '/portal/tickets', label: 'desk.portal.mine.nav', icon: IconTicket, group: 'desk' },
    { to: '/portal/report', label: 'desk.portal.report.nav', icon: IconAlertCircle, group: 'desk' },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/portal/tickets',
      validateSearch: validateMyTicketsSearch,
      component: lazyRouteComponent(() => import('./MyTicketsPage.tsx'), 'MyTicketsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/portal/report',
      component: lazyRouteComponent(() => import('./ReportPage.tsx'), 'ReportPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/portal/tickets/$ticketId',
      component: lazyRouteComponent(() => import('./PortalTicketPage.tsx'), 'PortalTicketPage'),
    }),
  ],
};

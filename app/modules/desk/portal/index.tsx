import { IconAlertCircle, IconTicket } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';
import { MyTicketsPage, validateMyTicketsSearch } from './MyTicketsPage.tsx';
import { PortalTicketPage } from './PortalTicketPage.tsx';
import { ReportPage } from './ReportPage.tsx';

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
      component: MyTicketsPage,
    }),
    createRoute({ getParentRoute: () => parent, path: '/portal/report', component: ReportPage }),
    createRoute({
      getParentRoute: () => parent,
      path: '/portal/tickets/$ticketId',
      component: PortalTicketPage,
    }),
  ],
};

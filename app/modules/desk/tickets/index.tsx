import { IconHeadset } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';
import { useIsAgent } from '../api.ts';
import { ConsolePage, validateConsoleSearch } from './ConsolePage.tsx';
import { TicketPage } from './TicketPage.tsx';

// The agents' console and the ticket as agents work it. Its link shows to agents only (the
// desk says who is one: GET /api/v1/desk/can); the page and the API check again.

export const ticketsPart: ClientPart = {
  name: 'tickets',
  nav: [
    {
      to: '/desk',
      label: 'desk.tickets.console.nav',
      icon: IconHeadset,
      group: 'desk',
      useVisible: useIsAgent,
    },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/desk',
      validateSearch: validateConsoleSearch,
      component: ConsolePage,
    }),
    createRoute({ getParentRoute: () => parent, path: '/desk/tickets/$ticketId', component: TicketPage }),
  ],
  search: [],
  audit: [{ entity: 'ticket', label: 'desk.tickets.auditEntity' }],
};

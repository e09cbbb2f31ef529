import { IconAdjustments, IconHeadset, IconTicket } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';
import { useIsAgent } from '../api.ts';
import { validateConsoleSearch } from './search.ts';

// The agents' console and the ticket as agents work it. Its link shows to agents only (the
// desk says who is one: GET /api/v1/desk/can); the page and the API check again.

export const ticketsPart: ClientPart = {
  name: 'tickets',
  nav: [
    {
      to: '/desk/console',
      label: 'desk.tickets.console.nav',
      icon: IconHeadset,
      group: 'desk',
      useVisible: useIsAgent,
    },
    {
      to: '/desk/settings',
      label: 'desk.tickets.settings.nav',
      icon: IconAdjustments,
      group: 'deskAdmin',
      admin: true,
    },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/desk/console',
      validateSearch: validateConsoleSearch,
      component: lazyRouteComponent(() => import('./ConsolePage.tsx'), 'ConsolePage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/desk/tickets/$ticketId',
      component: lazyRouteComponent(() => import('./TicketPage.tsx'), 'TicketPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/desk/settings',
      component: lazyRouteComponent(() => import('./SettingsPage.tsx'), 'TicketSettingsPage'),
    }),
  ],
  search: [{ section: 'tickets', label: 'desk.tickets.searchSection', icon: IconTicket }],
  startSections: [{ section: 'tickets', label: 'desk.tickets.startSection' }],
  serverMessages: {
    'The assignee is not an agent of the group': 'desk.tickets.serverMessage.assigneeNotAgent',
    'The ticket is closed': 'desk.tickets.serverMessage.closed',
    'Only a solved ticket can be reopened': 'desk.tickets.serverMessage.reopenSolvedOnly',
    'The time to reopen the ticket has passed': 'desk.tickets.serverMessage.reopenWindow',
    'A ticket must be closed no sooner than it can be reopened':
      'desk.tickets.serverMessage.closeAfterReopen',
    'Only a solved ticket can be rated': 'desk.tickets.serverMessage.rateSolvedOnly',
    'No such active group': 'desk.tickets.serverMessage.noActiveGroup',
    'No such active system': 'desk.tickets.serverMessage.noActiveSystem',
  },
  audit: [
    { entity: 'ticket', label: 'desk.tickets.auditEntity' },
    { entity: 'ticketSettings', label: 'desk.tickets.settings.title' },
    { entity: 'ticketImport', label: 'desk.tickets.importEntity' },
  ],
};

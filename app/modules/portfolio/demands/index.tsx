import { IconBulb, IconListNumbers, IconSettings } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';
import { TICKET_ACTIONS, type TicketAction } from '../../desk/tickets/ticket-actions.ts';
import { PromoteTicketAction } from './PromoteAction.tsx';
import { validateDemandsSearch } from './search.ts';

// Demands: the list and ranked backlog, a demand's page, and the portal's form to submit an idea;
// on the desk's change ticket, "Gör till behov" (the desk's `desk.ticketActions` point).

export const demandsPart: ClientPart = {
  name: 'demands',
  contributes: { [TICKET_ACTIONS]: PromoteTicketAction satisfies TicketAction },
  nav: [
    { to: '/portfolio/demands', label: 'portfolio.demands.nav', icon: IconListNumbers, group: 'portfolio' },
    { to: '/portal/ideas/new', label: 'portfolio.demands.portalNav', icon: IconBulb, group: 'portfolio' },
    {
      to: '/portfolio/settings',
      label: 'portfolio.demands.settings.nav',
      icon: IconSettings,
      group: 'portfolio',
      admin: true,
    },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/portfolio/demands',
      validateSearch: validateDemandsSearch,
      component: lazyRouteComponent(() => import('./DemandsPage.tsx'), 'DemandsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/portfolio/demands/$demandId',
      component: lazyRouteComponent(() => import('./DemandPage.tsx'), 'DemandPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/portal/ideas/new',
      component: lazyRouteComponent(() => import('./SubmitIdeaPage.tsx'), 'SubmitIdeaPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/portfolio/settings',
      component: lazyRouteComponent(() => import('./SettingsPage.tsx'), 'PortfolioSettingsPage'),
    }),
  ],
  search: [{ section: 'demands', label: 'portfolio.demands.searchSection', icon: IconBulb }],
  serverMessages: {
    'The demand is closed': 'portfolio.demands.serverMessage.closed',
    'The ticket is already promoted into a demand': 'portfolio.demands.serverMessage.promoted',
    'Only a change request is promoted into a demand': 'portfolio.demands.serverMessage.onlyChange',
    'No such criterion in the scoring model': 'portfolio.demands.serverMessage.noCriterion',
    'A demand is decided through the decide action, with its decision':
      'portfolio.demands.serverMessage.viaDecide',
    "The demand is already on the meeting's agenda": 'portfolio.demands.serverMessage.alreadyOnAgenda',
    'Already on this agenda': 'portfolio.demands.serverMessage.alreadyOnAgenda',
    'No such meeting': 'portfolio.demands.serverMessage.noMeeting',
    'No such decision': 'portfolio.demands.serverMessage.noDecision',
    "A demand for another unit is registered by the unit's account manager":
      'portfolio.demands.serverMessage.registerFor',
  },
  audit: [
    { entity: 'demand', label: 'portfolio.demands.auditEntity' },
    { entity: 'portfolioSettings', label: 'portfolio.demands.settingsAuditEntity' },
  ],
};

import { IconListCheck } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';

// The IT plans: the list and a plan's page with its initiatives.

export const plansPart: ClientPart = {
  name: 'plans',
  nav: [{ to: '/governance/plans', label: 'governance.plans.nav', icon: IconListCheck, group: 'governance' }],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/plans',
      component: lazyRouteComponent(() => import('./PlansPage.tsx'), 'PlansPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/plans/$planId',
      component: lazyRouteComponent(() => import('./PlanPage.tsx'), 'PlanPage'),
    }),
  ],
  search: [{ section: 'plans', label: 'governance.plans.searchSection', icon: IconListCheck }],
  serverMessages: {
    'The plan is archived; restore it first': 'governance.plans.serverMessage.archived',
    'No such goal': 'governance.plans.serverMessage.noGoal',
    'No such initiative of this plan': 'governance.plans.serverMessage.noInitiative',
    'The end year is before the year': 'governance.plans.serverMessage.endYear',
    'Ends before it starts': 'governance.plans.serverMessage.ends',
  },
  audit: [{ entity: 'plan', label: 'governance.plans.auditEntity' }],
};

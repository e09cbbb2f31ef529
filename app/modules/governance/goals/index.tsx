import { IconTarget } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';
import { validateFollowUpSearch } from './search.ts';

// The IT strategy's goals: the målbild by perspective, a goal's page with its indicators, and the
// yearly follow-up with the IT plan's status.

export const goalsPart: ClientPart = {
  name: 'goals',
  nav: [{ to: '/governance/goals', label: 'governance.goals.nav', icon: IconTarget, group: 'governance' }],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/goals',
      component: lazyRouteComponent(() => import('./GoalsPage.tsx'), 'GoalsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/goals/$goalId',
      component: lazyRouteComponent(() => import('./GoalPage.tsx'), 'GoalPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/follow-up',
      validateSearch: validateFollowUpSearch,
      component: lazyRouteComponent(() => import('./FollowUpPage.tsx'), 'FollowUpPage'),
    }),
  ],
  search: [{ section: 'goals', label: 'governance.goals.searchSection', icon: IconTarget }],
  serverMessages: {
    'The goal is archived; restore it first': 'governance.goals.serverMessage.archived',
    'No such indicator source': 'governance.goals.serverMessage.noSource',
    'No such indicator of this goal': 'governance.goals.serverMessage.noIndicator',
    'The value is computed from its source; freeze it instead': 'governance.goals.serverMessage.computed',
    'Only a computed value can be frozen': 'governance.goals.serverMessage.notComputed',
    'The source has no figure for the year': 'governance.goals.serverMessage.noFigure',
    'The indicator source is not available': 'governance.goals.serverMessage.sourceMissing',
    'Give a value, a target or freeze': 'governance.goals.serverMessage.nothing',
    'The target year is before the baseline year': 'governance.goals.serverMessage.targetYear',
  },
  audit: [{ entity: 'goal', label: 'governance.goals.auditEntity' }],
};

import { IconTargetArrow } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';

// Effect goals and benefit follow-up: the portfolio's benefit page; a project's goals are a
// section of its page (GoalsSection).

export const benefitsPart: ClientPart = {
  name: 'benefits',
  nav: [
    { to: '/portfolio/benefits', label: 'portfolio.benefits.nav', icon: IconTargetArrow, group: 'portfolio' },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/portfolio/benefits',
      component: lazyRouteComponent(() => import('./BenefitsPage.tsx'), 'BenefitsPage'),
    }),
  ],
  search: [{ section: 'effectGoals', label: 'portfolio.benefits.searchSection', icon: IconTargetArrow }],
  startSections: [{ section: 'effectGoals', label: 'portfolio.benefits.startSection' }],
  audit: [{ entity: 'effectGoal', label: 'portfolio.benefits.auditEntity' }],
  serverMessages: {
    'The target must be above the baseline': 'portfolio.benefits.serverMessage.targetAbove',
    'The target must be below the baseline': 'portfolio.benefits.serverMessage.targetBelow',
    'Must be a whole number': 'portfolio.benefits.serverMessage.whole',
    'The date is named twice': 'portfolio.benefits.serverMessage.dateTwice',
    'The day is in the future': 'portfolio.benefits.serverMessage.future',
    'No open follow-up date of the goal on that day': 'portfolio.benefits.serverMessage.noOpenDate',
    'The effect goal is archived; restore it first': 'portfolio.benefits.serverMessage.archived',
    'No such project': 'portfolio.benefits.serverMessage.noProject',
  },
};

import { IconGavel } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';
import { validateDecisionsSearch } from './search.ts';

// The decision log: the searchable list and a decision's page.

export const decisionsPart: ClientPart = {
  name: 'decisions',
  nav: [
    { to: '/governance/decisions', label: 'governance.decisions.nav', icon: IconGavel, group: 'governance' },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/decisions',
      validateSearch: validateDecisionsSearch,
      component: lazyRouteComponent(() => import('./DecisionsPage.tsx'), 'DecisionsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/decisions/$decisionId',
      component: lazyRouteComponent(() => import('./DecisionPage.tsx'), 'DecisionPage'),
    }),
  ],
  search: [{ section: 'decisions', label: 'governance.decisions.searchSection', icon: IconGavel }],
  startSections: [{ section: 'decisionFollowUps', label: 'governance.decisions.startSection' }],
  serverMessages: {
    'The decision is archived; restore it first': 'governance.decisions.serverMessage.archived',
    'Name either a forum or an external body': 'governance.decisions.serverMessage.forumOrBody',
    'No such active forum': 'governance.decisions.serverMessage.noForum',
    'Another decision has this § of the body and year; change one of them first':
      'governance.decisions.serverMessage.restoreTaken',
    'A decision does not link to itself': 'governance.decisions.serverMessage.self',
  },
  audit: [
    { entity: 'decision', label: 'governance.decisions.auditEntity' },
    { entity: 'governanceSettings', label: 'governance.decisions.settingsAuditEntity' },
  ],
};

import { IconGavel } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';
import { validatePlanSearch, validateProcurementsSearch } from './search.ts';

// Procurements (LOU) on the web app's seam: the list, a procurement's page and the
// re-procurement plan, the global search, the audit trail and the owner's start-page items.

export const procurementsPart: ClientPart = {
  name: 'procurements',
  nav: [
    {
      to: '/portfolio/procurements',
      label: 'portfolio.procurements.nav',
      icon: IconGavel,
      group: 'portfolio',
    },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/portfolio/procurements',
      validateSearch: validateProcurementsSearch,
      component: lazyRouteComponent(() => import('./ProcurementsPage.tsx'), 'ProcurementsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/portfolio/procurements/plan',
      validateSearch: validatePlanSearch,
      component: lazyRouteComponent(() => import('./PlanPage.tsx'), 'PlanPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/portfolio/procurements/$procurementId',
      component: lazyRouteComponent(() => import('./ProcurementPage.tsx'), 'ProcurementPage'),
    }),
  ],
  search: [{ section: 'procurements', label: 'portfolio.procurements.searchSection', icon: IconGavel }],
  startSections: [{ section: 'reprocurementStarts', label: 'portfolio.procurements.startSection' }],
  audit: [
    { entity: 'procurement', label: 'portfolio.procurements.auditEntity' },
    { entity: 'procurementSettings', label: 'portfolio.procurements.auditSettings' },
  ],
  serverMessages: {
    'The procurement already has its contract': 'portfolio.procurements.serverMessage.contractLinked',
    'Only an awarded procurement gets its contract': 'portfolio.procurements.serverMessage.notAwarded',
    'A cancelled procurement needs a reason': 'portfolio.procurements.serverMessage.reason',
    'Only a cancelled procurement has this': 'portfolio.procurements.serverMessage.onlyCancelled',
    'Only a renewed competition calls off a framework agreement':
      'portfolio.procurements.serverMessage.framework',
    'Comes before the step before it': 'portfolio.procurements.serverMessage.dateOrder',
    'A new procurement is planned, being prepared or under way':
      'portfolio.procurements.serverMessage.newStatus',
    'The procurement is archived; restore it first': 'portfolio.procurements.serverMessage.archived',
    'No such contract': 'portfolio.procurements.serverMessage.noContract',
    'No such unit': 'portfolio.procurements.serverMessage.noUnit',
    'No such active system': 'portfolio.procurements.serverMessage.noSystem',
    'The system is listed twice': 'portfolio.procurements.serverMessage.systemTwice',
    'The procurement cannot go to this status from where it stands':
      'portfolio.procurements.serverMessage.step',
    'The value is above the direct procurement limit': 'portfolio.procurements.serverMessage.directLimit',
    'At most twenty years at a time': 'portfolio.procurements.serverMessage.period',
    'The end of the period is before its start': 'portfolio.procurements.serverMessage.period',
  },
};

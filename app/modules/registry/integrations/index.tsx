import { IconArrowsExchange, IconTopologyStar3 } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../part.ts';
import { validateIntegrationsSearch, validateMapSearch } from './search.ts';

// Integrations on the web app's seam: the list, the system map (both in the registry's group),
// and integrations in the audit trail. A system's page gets its sections from ../systems/sections.tsx.

export const integrationsPart: ClientPart = {
  name: 'integrations',
  serverMessages: {
    'A system cannot integrate with itself': 'registry.integrations.serverMessage.selfLoop',
    'A system of the integration is archived; restore it first':
      'registry.integrations.serverMessage.endArchived',
    'The integration is archived; restore it first': 'registry.integrations.serverMessage.archived',
    'No such active system': 'registry.integrations.serverMessage.noActiveSystem',
    'No such active supplier': 'registry.integrations.serverMessage.noActiveSupplier',
    'The system is listed twice': 'registry.integrations.serverMessage.systemTwice',
    'The unit is listed twice': 'registry.integrations.serverMessage.unitTwice',
    'The system is archived; restore it first': 'registry.integrations.serverMessage.systemArchived',
  },
  nav: [
    { to: '/systems/map', label: 'registry.integrations.mapNav', icon: IconTopologyStar3, group: 'registry' },
    { to: '/integrations', label: 'registry.integrations.nav', icon: IconArrowsExchange, group: 'registry' },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/integrations',
      validateSearch: validateIntegrationsSearch,
      component: lazyRouteComponent(() => import('./IntegrationsPage.tsx'), 'IntegrationsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/systems/map',
      validateSearch: validateMapSearch,
      component: lazyRouteComponent(() => import('./SystemMapPage.tsx'), 'SystemMapPage'),
    }),
  ],
  audit: [{ entity: 'integration', label: 'registry.integrations.auditEntity' }],
};

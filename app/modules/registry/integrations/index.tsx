import { IconArrowsExchange, IconTopologyStar3 } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import type { ClientPart } from '../part.ts';
import { IntegrationsPage, validateIntegrationsSearch } from './IntegrationsPage.tsx';
import { SystemMapPage, validateMapSearch } from './SystemMapPage.tsx';

// Integrations on the web app's seam: the list, the system map (both in the registry's group),
// and integrations in the audit trail. A system's page gets its sections from ../systems/sections.tsx.

export const integrationsPart: ClientPart = {
  name: 'integrations',
  nav: [
    { to: '/systems/map', label: 'registry.integrations.mapNav', icon: IconTopologyStar3, group: 'registry' },
    { to: '/integrations', label: 'registry.integrations.nav', icon: IconArrowsExchange, group: 'registry' },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/integrations',
      validateSearch: validateIntegrationsSearch,
      component: IntegrationsPage,
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/systems/map',
      validateSearch: validateMapSearch,
      component: SystemMapPage,
    }),
  ],
  audit: [{ entity: 'integration', label: 'registry.integrations.auditEntity' }],
};

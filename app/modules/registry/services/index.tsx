import { IconPlugConnected } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import type { ClientPart } from '../part.ts';
import { ServicePage } from './ServicePage.tsx';
import { ServicesPage, validateServicesSearch } from './ServicesPage.tsx';

// Services and APIs on the web app's seam: the list and the page, in the registry's navigation
// group, the global search and the audit trail.

export const servicesPart: ClientPart = {
  name: 'services',
  nav: [{ to: '/services', label: 'registry.services.nav', icon: IconPlugConnected, group: 'registry' }],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/services',
      validateSearch: validateServicesSearch,
      component: ServicesPage,
    }),
    createRoute({ getParentRoute: () => parent, path: '/services/$serviceId', component: ServicePage }),
  ],
  search: [{ section: 'services', label: 'registry.services.searchSection', icon: IconPlugConnected }],
  audit: [{ entity: 'service', label: 'registry.services.auditEntity' }],
};

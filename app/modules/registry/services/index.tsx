import { IconPlugConnected } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../part.ts';
import { SystemLink } from '../systems/parts.tsx';
import { validateServicesSearch } from './search.ts';

// Services and APIs on the web app's seam: the list and the page, in the registry's navigation
// group, the global search and the audit trail.

export const servicesPart: ClientPart = {
  name: 'services',
  serverMessages: {
    'The service is archived; restore it first': 'registry.services.serverMessage.archived',
  },
  nav: [{ to: '/services', label: 'registry.services.nav', icon: IconPlugConnected, group: 'registry' }],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/services',
      validateSearch: validateServicesSearch,
      component: lazyRouteComponent(() => import('./ServicesPage.tsx'), 'ServicesPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/services/$serviceId',
      component: lazyRouteComponent(() => import('./ServicePage.tsx'), 'ServicePage'),
    }),
  ],
  search: [{ section: 'services', label: 'registry.services.searchSection', icon: IconPlugConnected }],
  audit: [{ entity: 'service', label: 'registry.services.auditEntity' }],
  // A service's links in its history: the systems by name.
  auditFields: {
    provides: (value) => <SystemList ids={value} />,
    consumes: (value) => <SystemList ids={value} />,
  },
};

function SystemList({ ids }: { ids: unknown }) {
  const list = Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  return (
    <>
      {list.map((id, i) => (
        <span key={id}>
          {i > 0 && ', '}
          <SystemLink id={id} />
        </span>
      ))}
    </>
  );
}

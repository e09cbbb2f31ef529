import { IconStack2 } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../part.ts';
import { validateObjectsSearch } from './search.ts';

// Förvaltningsobjekt on the web app's seam: the list, an object's page with its plans, objects
// in the global search and the audit trail.

export const managementPart: ClientPart = {
  name: 'management',
  serverMessages: {
    'The management object is archived': 'registry.management.serverMessage.objectArchived',
    'The management object is archived; restore it first': 'registry.management.serverMessage.archived',
  },
  nav: [{ to: '/management-objects', label: 'registry.management.nav', icon: IconStack2, group: 'registry' }],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/management-objects',
      validateSearch: validateObjectsSearch,
      component: lazyRouteComponent(() => import('./ObjectsPage.tsx'), 'ObjectsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/management-objects/$objectId',
      component: lazyRouteComponent(() => import('./ObjectPage.tsx'), 'ObjectPage'),
    }),
  ],
  search: [{ section: 'managementObjects', label: 'registry.management.searchSection', icon: IconStack2 }],
  startSections: [{ section: 'managementPlans', label: 'registry.management.startSection' }],
  audit: [
    { entity: 'managementObject', label: 'registry.management.auditEntity' },
    { entity: 'managementPlan', label: 'registry.management.auditPlan' },
  ],
};

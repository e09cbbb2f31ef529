import { IconServer2, IconUsersGroup } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../part.ts';
import { SystemLink } from './parts.tsx';
import { validateResponsibilitiesSearch, validateSystemsSearch } from './search.ts';

// Systems on the web app's seam: the registry's navigation group, the list and the system page,
// systems in the global search and the audit trail, and the `system` kind of scope.

export const systemsPart: ClientPart = {
  name: 'systems',
  serverMessages: {
    'The person already holds this role for the system on these dates':
      'registry.systems.serverMessage.roleOverlap',
    'The role has ended': 'registry.systems.serverMessage.roleEnded',
    'Must not be before the first day': 'registry.systems.serverMessage.beforeFirstDay',
    'Only an own-developed system has a product owner or product manager':
      'registry.systems.serverMessage.productRoles',
    'The system is archived; restore it first': 'registry.systems.serverMessage.archived',
    'No such active supplier': 'registry.systems.serverMessage.noSupplier',
    'The unit is listed twice': 'registry.systems.serverMessage.unitTwice',
    'The system is already archived': 'registry.systems.serverMessage.alreadyArchived',
    'The system is not archived': 'registry.systems.serverMessage.notArchived',
  },
  // The register's pages in three groups of the menu: the systems and how they hang together;
  // information security, records and personal data; suppliers and contracts.
  navGroups: [
    { id: 'registry', label: 'registry.navGroup', order: 20 },
    { id: 'registrySecurity', label: 'registry.navGroupSecurity', order: 21 },
    { id: 'registrySuppliers', label: 'registry.navGroupSuppliers', order: 22 },
  ],
  nav: [
    { to: '/systems', label: 'registry.systems.nav', icon: IconServer2, group: 'registry' },
    {
      to: '/systems/responsibilities',
      label: 'registry.systems.responsibilities.nav',
      icon: IconUsersGroup,
      group: 'registry',
    },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/systems',
      validateSearch: validateSystemsSearch,
      component: lazyRouteComponent(() => import('./SystemsPage.tsx'), 'SystemsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/systems/responsibilities',
      validateSearch: validateResponsibilitiesSearch,
      component: lazyRouteComponent(() => import('./ResponsibilitiesPage.tsx'), 'ResponsibilitiesPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/systems/$systemId',
      component: lazyRouteComponent(() => import('./SystemPage.tsx'), 'SystemPage'),
    }),
  ],
  search: [{ section: 'systems', label: 'registry.systems.searchSection', icon: IconServer2 }],
  startSections: [{ section: 'mySystems', label: 'registry.systems.mySystems' }],
  audit: [
    { entity: 'system', label: 'registry.systems.auditEntity' },
    { entity: 'systemRole', label: 'registry.systems.roleAuditEntity' },
  ],
  auditFields: {
    systemId: (value) => <SystemLink id={String(value)} />,
  },
  scopeKinds: { system: 'registry.systems.scopeKind' },
};

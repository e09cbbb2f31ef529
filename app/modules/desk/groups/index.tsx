import { IconUsersGroup } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';
import { validateGroupsSearch } from './search.ts';

// The desk's groups, configured by admins: the list, a group's page with its members.

export const groupsPart: ClientPart = {
  name: 'groups',
  nav: [
    {
      to: '/desk/groups',
      label: 'desk.groups.nav',
      icon: IconUsersGroup,
      group: 'deskAdmin',
      admin: true,
    },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/desk/groups',
      validateSearch: validateGroupsSearch,
      component: lazyRouteComponent(() => import('./GroupsPage.tsx'), 'GroupsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/desk/groups/$groupId',
      component: lazyRouteComponent(() => import('./GroupPage.tsx'), 'GroupPage'),
    }),
  ],
  search: [{ section: 'deskGroups', label: 'desk.groups.searchSection', icon: IconUsersGroup }],
  serverMessages: {
    'A förvaltning group names its system': 'desk.groups.serverMessage.managementNeedsSystem',
    'A supplier group names its supplier': 'desk.groups.serverMessage.supplierNeedsSupplier',
    'The group is archived; restore it first': 'desk.groups.serverMessage.archived',
  },
  audit: [{ entity: 'deskGroup', label: 'desk.groups.auditEntity' }],
};

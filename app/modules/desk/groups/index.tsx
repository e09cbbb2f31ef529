import { IconUsersGroup } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';
import { GroupPage } from './GroupPage.tsx';
import { GroupsPage, validateGroupsSearch } from './GroupsPage.tsx';

// The desk's groups, configured by admins: the list, a group's page with its members.

export const groupsPart: ClientPart = {
  name: 'groups',
  nav: [
    {
      to: '/desk-admin/groups',
      label: 'desk.groups.nav',
      icon: IconUsersGroup,
      group: 'deskAdmin',
      admin: true,
    },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/desk-admin/groups',
      validateSearch: validateGroupsSearch,
      component: GroupsPage,
    }),
    createRoute({ getParentRoute: () => parent, path: '/desk-admin/groups/$groupId', component: GroupPage }),
  ],
  audit: [{ entity: 'group', label: 'desk.groups.auditEntity' }],
};

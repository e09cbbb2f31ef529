import { IconUsersGroup } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';
import { validateForumsSearch } from './search.ts';

// The forums: the list, a forum's page with its members and latest decisions.

export const forumsPart: ClientPart = {
  name: 'forums',
  nav: [
    { to: '/governance/forums', label: 'governance.forums.nav', icon: IconUsersGroup, group: 'governance' },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/forums',
      validateSearch: validateForumsSearch,
      component: lazyRouteComponent(() => import('./ForumsPage.tsx'), 'ForumsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/forums/$forumId',
      component: lazyRouteComponent(() => import('./ForumPage.tsx'), 'ForumPage'),
    }),
  ],
  search: [{ section: 'forums', label: 'governance.forums.searchSection', icon: IconUsersGroup }],
  scopeKinds: { forum: 'governance.forums.scopeKind' },
  serverMessages: {
    'The forum is archived; restore it first': 'governance.forums.serverMessage.archived',
    'A member is not their own deputy': 'governance.forums.serverMessage.ownDeputy',
    'At most is less than at least': 'governance.forums.serverMessage.meetingsSpan',
    'A person is a member once': 'governance.forums.serverMessage.oncePerson',
  },
  audit: [{ entity: 'forum', label: 'governance.forums.auditEntity' }],
};

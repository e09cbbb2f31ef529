import { IconRoute } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';

// The routing rules on the web app's seam: their page (admins), the audit trail's name for them and
// their server messages in Swedish.

export const routingPart: ClientPart = {
  name: 'routing',
  nav: [{ to: '/desk/routing', label: 'desk.routing.nav', icon: IconRoute, group: 'deskAdmin', admin: true }],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/desk/routing',
      component: lazyRouteComponent(() => import('./RoutingPage.tsx'), 'RoutingPage'),
    }),
  ],
  audit: [{ entity: 'routingRule', label: 'desk.routing.title' }],
  serverMessages: {
    'A rule to a group names the group': 'desk.routing.serverMessage.groupRequired',
    'The rule is archived; restore it first': 'desk.routing.serverMessage.archived',
    'List every rule that is not archived, once': 'desk.routing.serverMessage.listEvery',
  },
};

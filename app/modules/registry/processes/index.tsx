import { IconHierarchy3 } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../part.ts';
import { ownMessages, ProcessLink } from './parts.tsx';
import { validateProcessesSearch } from './search.ts';

// The process tree on the web app's seam: the tree page and a node's page, processes in the
// global search and the audit trail.

export const processesPart: ClientPart = {
  name: 'processes',
  serverMessages: ownMessages,
  nav: [
    { to: '/processes', label: 'registry.processes.nav', icon: IconHierarchy3, group: 'registrySecurity' },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/processes',
      validateSearch: validateProcessesSearch,
      component: lazyRouteComponent(() => import('./ProcessesPage.tsx'), 'ProcessesPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/processes/$processId',
      component: lazyRouteComponent(() => import('./ProcessPage.tsx'), 'ProcessPage'),
    }),
  ],
  search: [{ section: 'processes', label: 'registry.processes.searchSection', icon: IconHierarchy3 }],
  audit: [{ entity: 'process', label: 'registry.processes.auditEntity' }],
  auditFields: {
    processId: (value) => <ProcessLink id={String(value)} />,
  },
};

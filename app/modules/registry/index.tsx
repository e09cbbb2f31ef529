import { IconServer2 } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import type { ClientModule } from '../../platform/seam.ts';
import { en } from './en.ts';
import { sv } from './sv.ts';
import { SystemLink } from './systems/parts.tsx';
import { SystemPage } from './systems/SystemPage.tsx';
import { SystemsPage, validateSystemsSearch } from './systems/SystemsPage.tsx';

// The system register on the web app's seam: its navigation group and pages, systems in the
// global search, how the audit trail names its records, and the `system` kind of scope.

export const registryModule: ClientModule = {
  name: 'registry',
  messages: { sv, en },
  navGroups: [{ id: 'registry', label: 'registry.navGroup', order: 20 }],
  nav: [{ to: '/systems', label: 'registry.systems.nav', icon: IconServer2, group: 'registry' }],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/systems',
      validateSearch: validateSystemsSearch,
      component: SystemsPage,
    }),
    createRoute({ getParentRoute: () => parent, path: '/systems/$systemId', component: SystemPage }),
  ],
  search: [{ section: 'systems', label: 'registry.systems.searchSection', icon: IconServer2 }],
  audit: [{ entity: 'system', label: 'registry.systems.auditEntity' }],
  auditFields: {
    systemId: (value) => <SystemLink id={String(value)} />,
  },
  scopeKinds: { system: 'registry.systems.scopeKind' },
};

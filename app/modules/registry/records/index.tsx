import { IconFileDescription } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../part.ts';
import { validateRecordTypesSearch } from './search.ts';

// Records management on the web app's seam: the list of record types, the printable plan, record
// types in the global search and the audit trail. Its tables and dialogs sit on the process page
// and, as a section, on a system's page.

export const recordsPart: ClientPart = {
  name: 'records',
  nav: [
    {
      to: '/record-types',
      label: 'registry.records.nav',
      icon: IconFileDescription,
      group: 'registrySecurity',
    },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/record-types',
      validateSearch: validateRecordTypesSearch,
      component: lazyRouteComponent(() => import('./RecordTypesPage.tsx'), 'RecordTypesPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/processes/$processId/plan',
      component: lazyRouteComponent(() => import('./PlanPrintPage.tsx'), 'PlanPrintPage'),
    }),
  ],
  search: [{ section: 'recordTypes', label: 'registry.records.searchSection', icon: IconFileDescription }],
  audit: [
    { entity: 'recordType', label: 'registry.records.auditRecordType' },
    { entity: 'informationPlan', label: 'registry.records.auditPlan' },
  ],
};

import { IconFileDescription } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import type { ClientPart } from '../part.ts';
import { PlanPrintPage } from './PlanPrintPage.tsx';

// Records management on the web app's seam: the printable information management plan, record
// types in the global search and the audit trail. Its tables and dialogs sit on the process page
// and, as a section, on a system's page.

export const recordsPart: ClientPart = {
  name: 'records',
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/processes/$processId/plan',
      component: PlanPrintPage,
    }),
  ],
  search: [{ section: 'recordTypes', label: 'registry.records.searchSection', icon: IconFileDescription }],
  audit: [
    { entity: 'recordType', label: 'registry.records.auditRecordType' },
    { entity: 'informationPlan', label: 'registry.records.auditPlan' },
  ],
};

import { IconShieldLock } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { PersonLink, UnitLink } from '../../../platform/directory/parts.tsx';
import type { ClientPart } from '../part.ts';
import { validateActivitiesSearch } from './search.ts';

// The processing register (GDPR Art. 30) on the web app's seam: the list, an activity's page,
// the printable register per controller, activities in the global search and the audit trail.

export const privacyPart: ClientPart = {
  name: 'privacy',
  serverMessages: {
    'The processing activity is archived; restore it first': 'registry.privacy.serverMessage.archived',
  },
  nav: [
    {
      to: '/processing-activities',
      label: 'registry.privacy.nav',
      icon: IconShieldLock,
      group: 'registrySecurity',
    },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/processing-activities',
      validateSearch: validateActivitiesSearch,
      component: lazyRouteComponent(() => import('./ActivitiesPage.tsx'), 'ActivitiesPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/processing-activities/$activityId',
      component: lazyRouteComponent(() => import('./ActivityPage.tsx'), 'ActivityPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/processing-activities/print/$unitId',
      component: lazyRouteComponent(() => import('./PrintPage.tsx'), 'PrintPage'),
    }),
  ],
  search: [
    { section: 'processingActivities', label: 'registry.privacy.searchSection', icon: IconShieldLock },
  ],
  startSections: [{ section: 'processingFollowUp', label: 'registry.privacy.startSection' }],
  audit: [{ entity: 'processingActivity', label: 'registry.privacy.auditEntity' }],
  auditFields: {
    controllerId: (value) => <UnitLink id={String(value)} />,
    controllerContactId: (value) => <PersonLink id={String(value)} />,
    dpoId: (value) => <PersonLink id={String(value)} />,
  },
};

import { IconScale, IconShieldLock } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../part.ts';
import { classificationServerMessages } from './messages.ts';
import { validateClassificationsSearch } from './search.ts';

// Information classification on the web app's seam: the list of classifications and the scale's
// page in the registry's navigation, classifications in the global search and the audit trail.
// The section on a system's page is registered in ../systems/sections.tsx.

export const classificationPart: ClientPart = {
  name: 'classification',
  serverMessages: classificationServerMessages,
  nav: [
    {
      to: '/classifications',
      label: 'registry.classification.nav',
      icon: IconShieldLock,
      group: 'registrySecurity',
    },
    {
      to: '/registry/classification-scale',
      label: 'registry.classification.scale.nav',
      icon: IconScale,
      group: 'registrySecurity',
    },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/classifications',
      validateSearch: validateClassificationsSearch,
      component: lazyRouteComponent(() => import('./ClassificationsPage.tsx'), 'ClassificationsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/registry/classification-scale',
      component: lazyRouteComponent(() => import('./ScalePage.tsx'), 'ScalePage'),
    }),
  ],
  search: [
    { section: 'classifications', label: 'registry.classification.searchSection', icon: IconShieldLock },
  ],
  startSections: [{ section: 'classificationReviews', label: 'registry.classification.startSection' }],
  audit: [
    { entity: 'classification', label: 'registry.classification.auditEntity' },
    { entity: 'classificationScale', label: 'registry.classification.scaleAuditEntity' },
  ],
};

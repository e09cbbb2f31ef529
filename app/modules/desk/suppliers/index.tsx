import { IconTruckDelivery } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';
import { useMetricsAccess } from '../metrics/parts.tsx';
import { validateSuppliersSearch } from './search.ts';

// The follow-up of underpinning contracts on the web app's seam: the report page in the desk's
// navigation, for those who read every ticket's figures (GET /api/v1/desk/metrics/access: all).

function useReadsAll(): boolean {
  return useMetricsAccess().data?.all ?? false;
}

export const suppliersPart: ClientPart = {
  name: 'suppliers',
  nav: [
    {
      to: '/desk/suppliers',
      label: 'desk.suppliers.nav',
      icon: IconTruckDelivery,
      group: 'desk',
      useVisible: useReadsAll,
    },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/desk/suppliers',
      validateSearch: validateSuppliersSearch,
      component: lazyRouteComponent(() => import('./SuppliersPage.tsx'), 'SuppliersPage'),
    }),
  ],
};

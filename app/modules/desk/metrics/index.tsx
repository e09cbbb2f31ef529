import { IconChartBar } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';
import { useReadsMetrics } from './parts.tsx';
import { validateMetricsSearch, validateReportSearch } from './search.ts';

// The desk's metrics on the web app's seam: the metrics page in the desk's navigation (shown to
// those who read some figures: GET /api/v1/desk/metrics/access) and the printable report per unit.

export const metricsPart: ClientPart = {
  name: 'metrics',
  nav: [
    {
      to: '/desk/metrics',
      label: 'desk.metrics.nav',
      icon: IconChartBar,
      group: 'desk',
      useVisible: useReadsMetrics,
    },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/desk/metrics',
      validateSearch: validateMetricsSearch,
      component: lazyRouteComponent(() => import('./MetricsPage.tsx'), 'MetricsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/desk/reports/units/$unitId',
      validateSearch: validateReportSearch,
      component: lazyRouteComponent(() => import('./UnitReportPage.tsx'), 'UnitReportPage'),
    }),
  ],
  serverMessages: {
    'A report covers at most five years': 'desk.metrics.server.tooLong',
    'Must not be after to': 'desk.metrics.server.inverted',
    'The unit is outside the units you report on': 'desk.metrics.server.outside',
    'No such record': 'desk.metrics.server.noSuchRecord',
  },
};

import type { ModulePart } from '../../../platform/module-parts.ts';
import { metricsRoutes } from './routes.ts';

// The metrics on the desk's seam: its routes, and the walks' records. It writes nothing (its one
// table is kept by a trigger), so it has no audit entity, job or demo of its own: the figures are
// those of the tickets and calls the parts before it made.

export const metricsPart: ModulePart = {
  name: 'metrics',
  routes: metricsRoutes,
  walk: {
    // The tickets part seeds tenant A's ticket (in A's unit, its title a secret): tenant B's
    // figures, rows and reports must never show it or A's unit.
    async seed() {
      return { ids: {}, secrets: [] };
    },
    bodies: {},
  },
};

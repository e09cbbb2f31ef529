import type { ModulePart } from '../../../platform/module-parts.ts';
import { loadSimulationDemo } from './demo.ts';
import { simulationRoutes } from './routes.ts';
import { setVolume } from './service.ts';

// Planned volumes and the price simulation on the seam: their routes, how the audit trail names a
// volume (by offering and unit), the demo's volumes for this year and next, and the walks' records.

export const simulationPart: ModulePart = {
  name: 'simulation',
  routes: simulationRoutes,
  demo: loadSimulationDemo,
  walk: {
    async seed(db, tenant, _seam, made) {
      const row = await setVolume(db, tenant.actor, {
        offeringId: made.offerings!,
        unitId: tenant.unitId,
        year: 2026,
        quantity: 12,
      });
      return { ids: {}, secrets: [row.id] };
    },
    bodies: {
      'POST /api/v1/catalogue/volumes': (ids) => ({
        offeringId: ids.offerings,
        unitId: ids.units,
        year: 2027,
        quantity: 40,
      }),
      'POST /api/v1/catalogue/simulations': (ids) => ({
        year: 2027,
        prices: [{ offeringId: ids.offerings, internalPrice: 50_000 }],
        volumes: [{ offeringId: ids.offerings, unitId: ids.units, quantity: 30 }],
      }),
    },
  },
};

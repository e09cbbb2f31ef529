import type { ModulePart } from '../../../platform/module-parts.ts';
import { cataloguePolicy } from '../policy.ts';
import { loadBillingDemo } from './demo.ts';
import { billingRoutes } from './routes.ts';
import { createSwitch, switchRefs } from './service.ts';

// The units' switch from quality steering to billing on the seam: routes, audit names, the demo's
// switches (seed 002: a förvaltning moved to billing at a date) and the walks' records.

export const billingPart: ModulePart = {
  name: 'billing',
  routes: billingRoutes,
  demo: loadBillingDemo,
  auditEntities: [
    {
      entity: 'catalogueBillingSwitch',
      describe: switchRefs,
      canReadHistory: (actor) => cataloguePolicy.readHistory(actor),
    },
  ],
  walk: {
    async seed(db, tenant) {
      const row = await createSwitch(db, tenant.actor, {
        unitId: tenant.unitId,
        mode: 'billing',
        fromOn: '2027-01-01',
        note: 'Hemlig växling',
      });
      return {
        ids: { 'billing-units': tenant.unitId, 'billing-switches': row.id },
        secrets: [row.id, 'Hemlig växling'],
      };
    },
    bodies: {
      'POST /api/v1/catalogue/billing-switches': (ids) => ({
        unitId: ids.units,
        mode: 'billing',
        fromOn: '2028-01-01',
        note: 'Beslut i Finansieringsgruppen',
      }),
      'POST /api/v1/catalogue/billing-switches/{id}/archive': () => ({ version: 1 }),
    },
  },
};

import type { ModulePart } from '../../../platform/module-parts.ts';
import { RawBody } from '../../../platform/seam.ts';
import { cataloguePolicy } from '../policy.ts';
import { loadConsumptionDemo } from './demo.ts';
import { consumptionRoutes } from './routes.ts';
import { importRefs, sendConsumption } from './service.ts';

// Consumption on the seam: what units used of the offerings priced per unit or hour, imported from
// the source systems. Its routes, how the audit trail names an import, the demo's year of pages,
// GB and hours, and the walks' records (after the orders part: the walk's unit has an account).

export const consumptionPart: ModulePart = {
  name: 'consumption',
  routes: consumptionRoutes,
  demo: loadConsumptionDemo,
  auditEntities: [
    {
      entity: 'catalogueConsumptionImport',
      describe: importRefs,
      canReadHistory: (actor) => cataloguePolicy.readHistory(actor),
    },
  ],
  walk: {
    async seed(db, tenant, _seam, made) {
      // A reference only tenant A has: B's lists and totals must never show it.
      const result = await sendConsumption(
        db,
        tenant.actor,
        {
          period: '2026-10',
          offeringId: made.offerings!,
          rows: [
            {
              unitId: tenant.unitId,
              reference: 'Hemlig skrivare',
              quantity: 1234,
              costCentre: 'K100',
              account: '6540',
            },
          ],
        },
        false,
      );
      return { ids: {}, secrets: ['Hemlig skrivare', result.importId!] };
    },
    bodies: {
      'POST /api/v1/catalogue/consumption/import': () =>
        new RawBody('text/csv', 'Månad;Erbjudande;Enhet;Antal\n2026-10;Okänt;Okänd;1\n', 'dryRun=true'),
      'POST /api/v1/catalogue/consumption': (ids) => ({
        period: '2026-11',
        offeringId: ids.offerings,
        rows: [{ unitId: ids.units, quantity: 10, account: '6540', costCentre: 'K100' }],
      }),
    },
  },
};

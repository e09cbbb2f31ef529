import type { ModulePart } from '../../../platform/module-parts.ts';
import { cataloguePolicy } from '../policy.ts';
import { loadExportsDemo } from './demo.ts';
import { exportRoutes } from './routes.ts';
import { SETTINGS } from './settings.ts';

// A run's exports on the seam: the SIE and ledger files, the units' specifications, the export
// settings, how the audit trail names them, and the demo's settings. After the runs part: the
// walks' locked run is the runs walk's.

export const exportsPart: ModulePart = {
  name: 'exports',
  routes: exportRoutes,
  demo: loadExportsDemo,
  auditEntities: [
    {
      entity: SETTINGS,
      describe: async (_db, _tenantId, ids) =>
        new Map(
          ids.map((id) => [
            id,
            { id, name: 'Exportinställningar', href: '/catalogue/run-settings', archived: false },
          ]),
        ),
      canReadHistory: (actor) => cataloguePolicy.readHistory(actor),
    },
  ],
  walk: {
    async seed() {
      return { ids: {}, secrets: [] };
    },
    bodies: {
      'PUT /api/v1/catalogue/export-settings': (ids) => ({
        series: 'IT',
        incomeAccount: '3510',
        itUnitId: ids.units,
        defaultAccount: '6550',
        layout: {
          preset: 'raindance',
          columns: [{ field: 'amount', header: 'Belopp' }],
          delimiter: ';',
          decimalComma: true,
          includeCredit: true,
        },
        version: 0,
      }),
    },
  },
};

import type { ModulePart } from '../../../platform/module-parts.ts';
import { portfolioPolicy } from '../policy.ts';
import { loadProcurementsDemo } from './demo.ts';
import { procurementRoutes } from './routes.ts';
import * as procurements from './service.ts';
import { procurementSettingsRefs } from './settings.ts';
import { REPROCUREMENT_STARTS, reprocurementStarts } from './start.ts';
import { procedureNames } from './transfer.ts';

// Procurements on the seam: their routes, the procurements in the global search, how the audit
// trail names them and the settings, the contract owner's re-procurements due on the start page,
// the demo's procurements (seed 004's cancelled one) and the walks' records.

export const procurementsPart: ModulePart = {
  name: 'procurements',
  routes: procurementRoutes,
  demo: loadProcurementsDemo,
  startItems: [{ section: REPROCUREMENT_STARTS, items: reprocurementStarts }],
  search: [
    {
      section: 'procurements',
      async search(db, actor, term, limit) {
        if (!portfolioPolicy.read(actor)) return [];
        const page = await procurements.listProcurements(db, actor, {
          search: term,
          limit,
          includeArchived: false,
          open: undefined,
        });
        return page.items.map((p) => ({
          id: p.id,
          title: p.title,
          detail: procedureNames[p.procedure as keyof typeof procedureNames],
          href: `/portfolio/procurements/${p.id}`,
        }));
      },
    },
  ],
  auditEntities: [
    {
      entity: 'procurement',
      describe: procurements.procurementRefs,
      canReadHistory: (actor) => portfolioPolicy.readHistory(actor),
    },
    {
      entity: 'procurementSettings',
      describe: procurementSettingsRefs,
      canReadHistory: (actor) => portfolioPolicy.readHistory(actor),
    },
  ],
  walk: {
    async seed(db, tenant) {
      const row = await procurements.createProcurement(db, tenant.actor, {
        title: 'Hemlig upphandling',
        description: 'Hemlig upphandlingsbeskrivning',
        procedure: 'open',
        estimatedValue: 5_000_000_00,
        responsibleId: tenant.adminId,
        unitId: tenant.unitId,
      });
      return {
        ids: { procurements: row.id },
        secrets: [row.id, 'Hemlig upphandling', 'Hemlig upphandlingsbeskrivning'],
      };
    },
    bodies: {
      'POST /api/v1/procurements': (ids) => ({
        title: 'Upphandling av IT-drift och telefoni',
        description: 'Enligt genomförandeplanen',
        procedure: 'renewedCompetition',
        frameworkReference: 'Adda IT-drift 2024',
        frameworkContractId: ids.contracts,
        estimatedValue: 30_000_000_00,
        status: 'preparing',
        plannedStartOn: '2026-01-15',
        responsibleId: ids.people,
        unitId: ids.units,
        systemIds: ids.systems ? [ids.systems] : [],
        replacesContractId: ids.contracts,
      }),
      'PATCH /api/v1/procurements/{id}': () => ({ version: 1, status: 'preparing' }),
      'POST /api/v1/procurements/{id}/contract': (ids) => ({
        version: 1,
        supplierId: ids.suppliers,
        title: 'Avtal om IT-drift',
        startsOn: '2026-03-01',
        endsOn: '2029-02-28',
      }),
      'POST /api/v1/procurements/{id}/archive': () => ({ version: 1, reason: 'Felregistrerad' }),
      'POST /api/v1/procurements/{id}/restore': () => ({ version: 1 }),
      'PATCH /api/v1/procurements/settings': () => ({ version: 1, directLimit: 700_000_00 }),
    },
  },
};

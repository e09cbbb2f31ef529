import type { ModulePart } from '../../../platform/module-parts.ts';
import { cataloguePolicy } from '../policy.ts';
import { loadFiguresDemo } from './demo.ts';
import { figureRoutes } from './routes.ts';
import {
  BUDGET,
  budgetRefs,
  figureIndicatorSources,
  putUnitBudgets,
  SETTINGS,
  updateFigureSettings,
} from './service.ts';

// The cost figures (nyckeltal) on the seam: their routes, the IT cost per employee and per
// workplace as figures a goal of the IT strategy may follow, how the audit trail names a unit's
// budget and the sharing setting, the demo's budgets and sharing, and the walks' records (a
// budget of tenant A's unit, and A sharing its figures, so that the walk proves that B's admin
// sees none of A's units through the comparison). After the runs part: the figures read its lines.

const BUDGET_YEAR = '2030';

export const figuresPart: ModulePart = {
  name: 'figures',
  routes: figureRoutes,
  demo: loadFiguresDemo,
  indicatorSources: figureIndicatorSources,
  auditEntities: [
    { entity: BUDGET, describe: budgetRefs, canReadHistory: (actor) => cataloguePolicy.readHistory(actor) },
    {
      entity: SETTINGS,
      describe: async (_db, _tenantId, ids) =>
        new Map(
          ids.map((id) => [
            id,
            { id, name: 'Delning av nyckeltal', href: '/catalogue/figures', archived: false },
          ]),
        ),
      canReadHistory: (actor) => cataloguePolicy.readHistory(actor),
    },
  ],
  walk: {
    async seed(db, tenant) {
      await putUnitBudgets(db, tenant.actor, Number(BUDGET_YEAR), {
        items: [{ unitId: tenant.unitId, amount: 123_456_00 }],
      });
      await updateFigureSettings(db, tenant.actor, { shareFigures: true, version: 0 });
      return { ids: {}, secrets: [] };
    },
    params: { '/api/v1/catalogue/unit-budgets/{year}#year': BUDGET_YEAR },
    bodies: {
      'PUT /api/v1/catalogue/unit-budgets/{year}': (ids) => ({
        items: [{ unitId: ids.units, amount: 500_000_00, version: 1 }],
      }),
      'PUT /api/v1/catalogue/figure-settings': () => ({ shareFigures: false, version: 1 }),
    },
  },
};

import { defineJob } from '../../../platform/jobs/jobs.ts';
import type { ModulePart } from '../../../platform/module-parts.ts';
import { RawBody } from '../../../platform/seam.ts';
import { cataloguePolicy } from '../policy.ts';
import { loadAssetsDemo } from './demo.ts';
import { assetRoutes } from './routes.ts';
import * as assets from './service.ts';

// Rental equipment on the seam: routes, the assets in the global search, audit names, the daily
// sweep that tells the keepers of replacements due within 90 days, the demo's hyressystem, and the
// walks' records (an asset on the offering the offerings part seeded, and a budget year).

const keeps = (actor: Parameters<typeof cataloguePolicy.readHistory>[0]) =>
  cataloguePolicy.readHistory(actor);

/** Every morning before the working day: replacements due within 90 days, each told once. */
const replacementSweep = defineJob({
  name: 'catalogue.asset-replacements',
  schedule: { cron: '50 5 * * *' },
  handler: async (_data, { database, log }) => {
    const told = await assets.sweepReplacements(database.db);
    log.info({ job: 'catalogue.asset-replacements', told }, 'asset replacements swept');
  },
});

const BUDGET_YEAR = '2031';

export const assetsPart: ModulePart = {
  name: 'assets',
  routes: assetRoutes,
  demo: loadAssetsDemo,
  jobs: [replacementSweep],
  notificationKinds: [assets.replacementDueNotice],
  search: [
    {
      section: 'catalogueAssets',
      async search(db, actor, term, limit) {
        if (!cataloguePolicy.readAssets(actor)) return [];
        const page = await assets.listAssets(db, actor, { search: term, limit, includeArchived: false });
        return page.items.map((a) => ({
          id: a.id,
          title: `${a.model} (${a.serial})`,
          detail: a.unitName,
          href: `/catalogue/assets/${a.id}`,
        }));
      },
    },
  ],
  auditEntities: [
    { entity: 'catalogueAsset', describe: assets.assetRefs, canReadHistory: keeps },
    { entity: 'catalogueInvestmentBudget', describe: assets.budgetRefs, canReadHistory: keeps },
  ],
  walk: {
    async seed(db, tenant, _seam, made) {
      const asset = await assets.createAsset(db, tenant.actor, {
        serial: 'HEMLIG-SERIE-1',
        model: 'Hemlig modell',
        kind: 'computer',
        offeringId: made.offerings!,
        purchaseValue: 12_500_00,
        purchasedOn: '2026-01-15',
        depreciationMonths: 48,
        note: 'Hemlig anteckning',
      });
      await assets.putBudget(db, tenant.actor, Number(BUDGET_YEAR), { amount: 1_000_000_00 });
      return {
        ids: { assets: asset.id },
        secrets: [asset.id, 'HEMLIG-SERIE-1', 'Hemlig modell', 'Hemlig anteckning'],
      };
    },
    params: { '/api/v1/catalogue/investment-budgets/{year}#year': BUDGET_YEAR },
    bodies: {
      'POST /api/v1/catalogue/assets': (ids) => ({
        serial: 'PC-20001',
        model: 'Lenovo ThinkPad T14',
        kind: 'computer',
        offeringId: ids.offerings,
        purchaseValue: 13_000_00,
        purchasedOn: '2026-09-01',
        depreciationMonths: 48,
        note: 'Ny medarbetare',
      }),
      'PATCH /api/v1/catalogue/assets/{id}': () => ({ version: 1, model: 'Ny modell' }),
      'POST /api/v1/catalogue/assets/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/catalogue/assets/{id}/restore': () => ({ version: 1 }),
      'POST /api/v1/catalogue/assets/{id}/issue': (ids) => ({
        version: 1,
        unitId: ids.units ?? ids['kontering-units'],
        personId: null,
        on: '2026-02-01',
      }),
      'POST /api/v1/catalogue/assets/{id}/return': () => ({ version: 1, on: '2026-03-01' }),
      'POST /api/v1/catalogue/assets/{id}/scrap': () => ({ version: 1, on: '2026-03-01', reason: 'Trasig' }),
      'POST /api/v1/catalogue/assets/import': () =>
        new RawBody(
          'text/csv',
          `serienummer;modell;typ;erbjudande;inköpsvärde (kr);inköpsdatum;avskrivning (månader);status\nPC-30001;Dell Latitude;dator;Hemligt erbjudande;12500;2026-05-01;48;i lager\n`,
        ),
      'PUT /api/v1/catalogue/investment-budgets/{year}': () => ({ version: 1, amount: 1_100_000_00 }),
    },
  },
};

import { nextPeriod } from '../../../../shared/catalogue/runs.ts';
import type { ModulePart } from '../../../platform/module-parts.ts';
import { cataloguePolicy } from '../policy.ts';
import { loadRunsDemo } from './demo.ts';
import { runRoutes } from './routes.ts';
import * as runs from './service.ts';

// The chargeback run on the seam: routes, audit names, the demo's runs (the past months of the
// year locked, this month a preview, one open dispute) and the walks' records: a locked run with
// a line and its dispute, and the next month's preview.

const keeps = (actor: Parameters<typeof cataloguePolicy.readHistory>[0]) =>
  cataloguePolicy.readHistory(actor);

export const runsPart: ModulePart = {
  name: 'runs',
  routes: runRoutes,
  demo: loadRunsDemo,
  search: [
    {
      section: 'catalogueRuns',
      async search(db, actor, term, limit) {
        if (!cataloguePolicy.readRuns(actor)) return [];
        const found = await runs.searchRuns(db, actor, term, limit);
        return found.map((r) => ({
          id: r.id,
          // The section's heading names what it is (translated in the web app); the month is data.
          title: r.period,
          detail: null,
          href: `/catalogue/runs/${r.id}`,
        }));
      },
    },
  ],
  auditEntities: [
    { entity: 'catalogueRun', describe: runs.runRefs, canReadHistory: keeps },
    { entity: 'catalogueRunLine', describe: runs.lineRefs, canReadHistory: keeps },
    { entity: 'catalogueDispute', describe: runs.disputeRefs, canReadHistory: keeps },
    { entity: 'catalogueRunSettings', describe: runs.settingsRefs, canReadHistory: keeps },
  ],
  walk: {
    async seed(db, tenant) {
      // The billing walk switches the unit to billing from 2027-01-01 and the orders walk starts
      // a subscription today at the offerings walk's rate card: a month from both is charged.
      const today = new Date().toISOString().slice(0, 7);
      const period = today > '2027-01' ? today : '2027-01';
      await runs.updateSettings(db, tenant.actor, { proration: 'month', version: 0 });
      const locked = await runs.computeRun(db, tenant.actor, period);
      await runs.lockRun(db, tenant.actor, locked.id, locked.version);
      const preview = await runs.computeRun(db, tenant.actor, nextPeriod(period));
      const lines = await runs.listLines(db, tenant.actor, locked.id, { limit: 1 });
      const line = lines.items[0];
      if (!line)
        throw new Error('The runs walk found no line: the billing, orders or offerings walk changed');
      const dispute = await runs.createDispute(db, tenant.actor, line.id, 'Hemligt bestridande');
      return {
        ids: { runs: preview.id, 'run-lines': line.id, disputes: dispute.id },
        secrets: [locked.id, preview.id, line.id, dispute.id, 'Hemligt bestridande'],
      };
    },
    bodies: {
      'POST /api/v1/catalogue/runs': () => ({ period: '2030-01' }),
      'POST /api/v1/catalogue/runs/{id}/lock': () => ({ version: 2 }),
      'POST /api/v1/catalogue/runs/{id}/corrections': (ids) => ({
        lineId: ids['run-lines'],
        amount: 40_000,
        reason: 'Fel antal datorer',
      }),
      'POST /api/v1/catalogue/run-lines/{id}/disputes': () => ({ reason: 'Datorn är återlämnad' }),
      'POST /api/v1/catalogue/disputes/{id}/resolve': () => ({
        version: 1,
        decision: 'accepted',
        note: 'Återlämnad i januari',
      }),
      'PUT /api/v1/catalogue/run-settings': () => ({ proration: 'day', version: 1 }),
    },
  },
};

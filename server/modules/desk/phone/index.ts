import type { ModulePart } from '../../../platform/module-parts.ts';
import { RawBody } from '../../../platform/seam.ts';
import { inTenant } from '../../../platform/tenancy.ts';
import { deskPolicy } from '../policy.ts';
import { loadPhoneDemo } from './demo.ts';
import { numberDuplicates } from './plan.ts';
import { phoneRoutes } from './routes.ts';
import { importRefs, settingsRefs, writeCalls } from './service.ts';

// The phone on the desk's seam: call statistics imported from the telephony system and measured
// against the answer promise. Its routes, how the audit trail names its records, the demo's two
// years of calls and the walks' records.

export const phonePart: ModulePart = {
  name: 'phone',
  routes: phoneRoutes,
  auditEntities: [
    { entity: 'callImport', describe: importRefs, canReadHistory: (actor) => deskPolicy.agent(actor) },
    { entity: 'phoneSettings', describe: settingsRefs, canReadHistory: (actor) => deskPolicy.agent(actor) },
  ],
  demo: loadPhoneDemo,
  walk: {
    async seed(db, tenant) {
      // A queue name only tenant A has: B's lists and figures must never show it.
      const at = new Date(Date.now() - 2 * 24 * 3600_000);
      await inTenant(db, tenant.actor, (s) =>
        writeCalls(
          s,
          numberDuplicates([
            { line: 2, at, queue: 'Hemlig telefonkö', waitedSeconds: 42, outcome: 'answered' },
            { line: 3, at, queue: 'Hemlig telefonkö', waitedSeconds: 75, outcome: 'abandoned' },
          ]),
          { fileName: 'hemlig-export.csv' },
        ),
      );
      return { ids: {}, secrets: ['Hemlig telefonkö', 'hemlig-export.csv'] };
    },
    bodies: {
      'POST /api/v1/phone-calls/import': () =>
        new RawBody(
          'text/csv',
          'Tid;Kö;Väntetid (s);Besvarat\n2026-01-05 08:03:10;Servicedesk;12;ja\n',
          'dryRun=true',
        ),
      'PATCH /api/v1/phone-calls/settings': () => ({ version: 1, answerSeconds: 60, targetPercent: 80 }),
    },
  },
};

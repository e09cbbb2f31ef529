import type { ModulePart } from '../../../platform/module-parts.ts';
import { timeRoutes } from './routes.ts';
import * as time from './service.ts';

// Time worked on tickets on the seam: its routes, how the audit trail names an entry, the walks'
// record (an entry on the walk's ticket, made by the tickets part before this one). The demo's
// billable hours are loaded by the catalogue (catalogue/runs/demo.ts) through ./service.ts: the
// perHour offerings they are charged at are made after the desk's demo.

export const timePart: ModulePart = {
  name: 'time',
  routes: timeRoutes,
  auditEntities: [{ entity: 'timeEntry', describe: time.timeEntryRefs }],
  walk: {
    async seed(db, tenant, _seam, made) {
      const row = await time.logTime(db, tenant.actor, made.tickets!, {
        personId: tenant.adminId,
        workedOn: '2026-03-02',
        minutes: 45,
        billable: false,
        note: 'Hemlig tidsanteckning',
      });
      return { ids: {}, secrets: [row.id, 'Hemlig tidsanteckning'], params: { entryId: row.id } };
    },
    bodies: {
      'POST /api/v1/tickets/{id}/time': () => ({ workedOn: '2026-03-03', minutes: 30, billable: false }),
      'POST /api/v1/tickets/{id}/time/{entryId}/archive': () => ({ version: 1, reason: 'Fel ärende' }),
    },
    selfService: ['GET /api/v1/tickets/{id}/time'],
  },
};

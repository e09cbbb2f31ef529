import type { ModulePart } from '../../../platform/module-parts.ts';
import { filterRoutes } from './routes.ts';
import * as filters from './service.ts';

// Saved filters of the console on the seam: their routes, the audit trail's names, the walks.

export const filtersPart: ModulePart = {
  name: 'filters',
  routes: filterRoutes,
  auditEntities: [{ entity: 'savedFilter', describe: filters.savedFilterRefs }],
  walk: {
    async seed(db, tenant, _seam, made) {
      // A saved filter belongs to a person: tenant A's admin (the system actor is nobody).
      const owner = { ...tenant.actor, personId: tenant.adminId, name: tenant.adminEmail };
      const row = await filters.createSavedFilter(db, owner, {
        name: 'Hemligt filter',
        query: { status: 'open', groupId: made.groups, q: 'hemlig sökning' },
      });
      return { ids: { 'saved-filters': row.id }, secrets: [row.id, 'Hemligt filter', 'hemlig sökning'] };
    },
    bodies: {
      'POST /api/v1/desk/saved-filters': () => ({
        name: 'Mina kritiska',
        query: { status: 'open', assignee: 'me', priority: 1, sort: 'priority', order: 'asc' },
      }),
      'PATCH /api/v1/desk/saved-filters/{id}': () => ({ version: 1, name: 'Mina brådskande' }),
    },
  },
};

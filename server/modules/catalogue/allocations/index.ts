import type { ModulePart } from '../../../platform/module-parts.ts';
import { cataloguePolicy } from '../policy.ts';
import { loadAllocationsDemo } from './demo.ts';
import { allocationRoutes } from './routes.ts';
import { allocationRefs, createAllocation, listAllocations } from './service.ts';

// Allocation keys on the seam: routes, the global search (name and description), audit names, the demo's shared cost (before the runs'
// demo computes its months) and the walks' record, spread by users over the units in billing.

export const allocationsPart: ModulePart = {
  name: 'allocations',
  routes: allocationRoutes,
  demo: loadAllocationsDemo,
  search: [
    {
      section: 'catalogueAllocations',
      async search(db, actor, term, limit) {
        if (!cataloguePolicy.read(actor)) return [];
        const page = await listAllocations(db, actor, { search: term, limit, includeArchived: false });
        return page.items.map((a) => ({
          id: a.id,
          title: a.name,
          detail: a.description,
          href: '/catalogue/allocations',
        }));
      },
    },
  ],
  auditEntities: [
    {
      entity: 'catalogueAllocation',
      describe: allocationRefs,
      canReadHistory: (actor) => cataloguePolicy.readHistory(actor),
    },
  ],
  walk: {
    async seed(db, tenant) {
      const row = await createAllocation(db, tenant.actor, {
        name: 'Gemensam drift',
        description: 'Hemlig fördelning',
        amount: 1_000_000,
        offeringId: null,
        account: '6540',
        key: 'users',
        spread: 'all',
        unitIds: [],
        shares: [],
      });
      return { ids: { allocations: row.id }, secrets: [row.id, 'Hemlig fördelning'] };
    },
    bodies: {
      'POST /api/v1/catalogue/allocations': (ids) => ({
        name: 'Växel och nät',
        amount: 5_000_000,
        account: '6540',
        key: 'fixed',
        spread: 'all',
        shares: [{ unitId: ids.units, weight: 3 }],
      }),
      'PUT /api/v1/catalogue/allocations/{id}': (ids) => ({
        version: 1,
        name: 'Gemensam drift',
        amount: 1_200_000,
        account: '6540',
        key: 'computers',
        spread: 'chosen',
        unitIds: [ids.units],
      }),
      'POST /api/v1/catalogue/allocations/{id}/archive': () => ({ version: 1, reason: 'Ersatt' }),
      'POST /api/v1/catalogue/allocations/{id}/restore': () => ({ version: 1 }),
    },
  },
};

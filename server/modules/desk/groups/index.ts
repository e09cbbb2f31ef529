import type { ModulePart } from '../../../platform/module-parts.ts';
import { deskPolicy } from '../policy.ts';
import { loadGroupsDemo } from './demo.ts';
import { groupRoutes } from './routes.ts';
import * as groups from './service.ts';

// Desk groups on the seam: their routes, the `group` scope kind (agents are granted
// serviceDeskAgent per group), groups in the global search, how the audit trail names them, the
// demo's groups and the walks' records.

export const groupsPart: ModulePart = {
  name: 'groups',
  routes: groupRoutes,
  demo: loadGroupsDemo,
  scopeKinds: [
    {
      kind: 'group',
      describe: groups.groupRefs,
      async search(db, actor, term, limit) {
        const page = await groups.listGroups(db, actor, { search: term, limit, includeArchived: false });
        return page.items.map((g) => ({
          id: g.id,
          name: g.name,
          href: `/desk/groups/${g.id}`,
          archived: false,
        }));
      },
    },
  ],
  search: [
    {
      section: 'deskGroups',
      async search(db, actor, term, limit) {
        if (!deskPolicy.readGroups(actor)) return [];
        const page = await groups.listGroups(db, actor, { search: term, limit, includeArchived: false });
        return page.items.map((g) => ({
          id: g.id,
          title: g.name,
          detail: g.systemName ?? g.supplierName,
          href: `/desk/groups/${g.id}`,
        }));
      },
    },
  ],
  auditEntities: [{ entity: 'deskGroup', describe: groups.groupRefs }],
  walk: {
    async seed(db, tenant) {
      const row = await groups.createGroup(db, tenant.actor, {
        name: 'Hemlig grupp',
        kind: 'secondLine',
        description: 'Hemlig beskrivning',
      });
      await groups.addMember(db, tenant.actor, row.id, tenant.adminId);
      return {
        ids: { groups: row.id },
        secrets: [row.id, 'Hemlig grupp', 'Hemlig beskrivning'],
        params: { personId: tenant.adminId },
      };
    },
    bodies: {
      'POST /api/v1/groups': () => ({ name: 'Andra linjen', kind: 'secondLine', email: 'it@kommun.example' }),
      'PATCH /api/v1/groups/{id}': () => ({ version: 1, description: 'Klienter och nätverk' }),
      'POST /api/v1/groups/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/groups/{id}/restore': () => ({ version: 1 }),
      'POST /api/v1/groups/{id}/members': (ids) => ({ personId: ids.people }),
    },
  },
};

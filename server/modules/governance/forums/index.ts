import type { ModulePart } from '../../../platform/module-parts.ts';
import { governancePolicy } from '../policy.ts';
import { loadForumsDemo } from './demo.ts';
import { forumRoutes } from './routes.ts';
import * as forums from './service.ts';

// Forums on the seam: their routes, the `forum` scope kind (forumMember is granted per forum),
// forums in the global search, how the audit trail names them, the demo's forums and the walks'
// records.

export const forumsPart: ModulePart = {
  name: 'forums',
  routes: forumRoutes,
  demo: loadForumsDemo,
  scopeKinds: [
    {
      kind: 'forum',
      describe: forums.forumRefs,
      async search(db, actor, term, limit) {
        const page = await forums.listForums(db, actor, { search: term, limit, includeArchived: false });
        return page.items.map((f) => ({
          id: f.id,
          name: f.name,
          href: `/governance/forums/${f.id}`,
          archived: false,
        }));
      },
    },
  ],
  search: [
    {
      section: 'forums',
      async search(db, actor, term, limit) {
        if (!governancePolicy.read(actor)) return [];
        const page = await forums.listForums(db, actor, { search: term, limit, includeArchived: false });
        return page.items.map((f) => ({
          id: f.id,
          title: f.name,
          detail: f.chairName,
          href: `/governance/forums/${f.id}`,
        }));
      },
    },
  ],
  auditEntities: [
    {
      entity: 'forum',
      describe: forums.forumRefs,
      canReadHistory: (actor) => governancePolicy.readHistory(actor),
    },
  ],
  walk: {
    async seed(db, tenant) {
      const row = await forums.createForum(db, tenant.actor, {
        name: 'Hemlig styrgrupp',
        kind: 'steeringGroup',
        meetingsPerYear: 10,
        mandate: 'Hemligt mandat',
        chairId: tenant.adminId,
        members: [{ personId: tenant.adminId }],
      });
      return { ids: { forums: row.id }, secrets: [row.id, 'Hemlig styrgrupp', 'Hemligt mandat'] };
    },
    bodies: {
      'POST /api/v1/forums': (ids) => ({
        name: 'Systemägargrupp',
        kind: 'systemOwnerGroup',
        meetingsPerYear: 4,
        mandate: 'PÅ-modellen',
        chairId: ids.people,
        members: [{ personId: ids.people }],
        decisionClasses: ['prices'],
      }),
      'PATCH /api/v1/forums/{id}': () => ({ version: 1, meetingsPerYearMax: 12 }),
      'POST /api/v1/forums/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/forums/{id}/restore': () => ({ version: 1 }),
    },
  },
};

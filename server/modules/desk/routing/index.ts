import type { ModulePart } from '../../../platform/module-parts.ts';
import { loadRoutingDemo } from './demo.ts';
import { routingRoutes } from './routes.ts';
import * as routing from './service.ts';

// Routing rules on the seam: their routes, the audit trail's names, the demo's rules (seed 000's
// defaults) and the walks' records.

export const routingPart: ModulePart = {
  name: 'routing',
  routes: routingRoutes,
  demo: loadRoutingDemo,
  auditEntities: [{ entity: 'routingRule', describe: routing.ruleRefs }],
  walk: {
    async seed(db, tenant, _seam, made) {
      const row = await routing.createRule(db, tenant.actor, {
        name: 'Hemlig regel',
        conditions: { keywords: ['hemligt nyckelord'] },
        target: 'group',
        groupId: made.groups!,
      });
      return { ids: { 'routing-rules': row.id }, secrets: [row.id, 'Hemlig regel', 'hemligt nyckelord'] };
    },
    bodies: {
      'POST /api/v1/routing-rules': (ids) => ({
        name: 'Nätverk',
        conditions: { categories: ['network'] },
        target: 'group',
        groupId: ids.groups,
      }),
      'PATCH /api/v1/routing-rules/{id}': () => ({ version: 1, active: false }),
      'POST /api/v1/routing-rules/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/routing-rules/{id}/restore': () => ({ version: 1 }),
      'POST /api/v1/routing-rules/order': (ids) => ({ ids: [ids['routing-rules']] }),
      'POST /api/v1/routing-rules/preview': () => ({ title: 'Skrivaren på plan 2 skriver inte ut' }),
    },
  },
};

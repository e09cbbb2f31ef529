import type { ModulePart } from '../../../platform/module-parts.ts';
import { governancePolicy } from '../policy.ts';
import { loadGoalsDemo } from './demo.ts';
import { goalRoutes } from './routes.ts';
import * as goals from './service.ts';

// Goals on the seam: their routes, the goals in the global search, how the audit trail names
// them, the demo's målbild (seed 001) and the walks' records. The figures an indicator may be
// computed from are registered by the modules that own them (Module.indicatorSources): the
// register's e-services now; the catalogue's IT cost per employee and printed pages when it comes.

export const goalsPart: ModulePart = {
  name: 'goals',
  routes: goalRoutes,
  demo: loadGoalsDemo,
  search: [
    {
      section: 'goals',
      async search(db, actor, term, limit) {
        if (!governancePolicy.read(actor)) return [];
        const page = await goals.listGoals(
          db,
          actor,
          { search: term, limit, includeArchived: false },
          undefined,
          () => [],
        );
        return page.items.map((g) => ({
          id: g.id,
          title: g.title,
          detail: g.indicators.map((i) => i.name).join(' · ') || null,
          href: `/governance/goals/${g.id}`,
        }));
      },
    },
  ],
  auditEntities: [
    {
      entity: 'goal',
      describe: goals.goalRefs,
      canReadHistory: (actor) => governancePolicy.readHistory(actor),
    },
  ],
  walk: {
    async seed(db, tenant, seam) {
      const row = await goals.createGoal(
        db,
        tenant.actor,
        {
          perspective: 'service',
          title: 'Hemligt mål',
          description: 'Hemlig målbeskrivning',
          ownerId: tenant.adminId,
          indicators: [
            { name: 'Hemlig indikator', unit: 'st', direction: 'increase', target: 10, targetYear: 2027 },
            { name: 'E-tjänster', unit: 'st', direction: 'increase', sourceKey: 'registry.eServices' },
          ],
        },
        seam,
      );
      const view = await goals.getGoal(db, tenant.actor, row.id, seam);
      return {
        ids: { goals: row.id, indicators: view.indicators[0]!.id },
        secrets: [row.id, 'Hemligt mål', 'Hemlig målbeskrivning', 'Hemlig indikator', view.indicators[0]!.id],
        params: { year: '2025' },
      };
    },
    bodies: {
      'POST /api/v1/goals': (ids) => ({
        perspective: 'economy',
        title: 'Energi- och pappersförbrukning relaterad till IT-användning ska minskas',
        description: 'Grön IT',
        ownerId: ids.people,
        position: 3,
        indicators: [
          {
            name: 'Utskrivna sidor',
            unit: 'sidor',
            direction: 'decrease',
            baseline: 1_200_000,
            baselineYear: 2024,
            target: 900_000,
            targetYear: 2027,
          },
          { name: 'E-tjänster', unit: 'st', direction: 'increase', sourceKey: 'registry.eServices' },
        ],
      }),
      'PATCH /api/v1/goals/{id}': () => ({ version: 1, title: 'Fler e-tjänster' }),
      'POST /api/v1/goals/{id}/archive': () => ({ version: 1, reason: 'Ersatt av ny IT-strategi' }),
      'POST /api/v1/goals/{id}/restore': () => ({ version: 1 }),
      'PUT /api/v1/goals/{id}/values': (ids) => ({
        version: 1,
        indicatorId: ids.indicators,
        year: 2025,
        value: 7,
        target: 8,
      }),
    },
  },
};

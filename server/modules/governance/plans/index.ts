import type { ModulePart } from '../../../platform/module-parts.ts';
import { governancePolicy } from '../policy.ts';
import { loadPlansDemo } from './demo.ts';
import { planRoutes } from './routes.ts';
import * as plans from './service.ts';

// IT plans on the seam: their routes, the plans in the global search, how the audit trail names
// them, the demo's plan (seed 004's six steps) and the walks' records.

export const plansPart: ModulePart = {
  name: 'plans',
  routes: planRoutes,
  demo: loadPlansDemo,
  search: [
    {
      section: 'plans',
      async search(db, actor, term, limit) {
        if (!governancePolicy.read(actor)) return [];
        const page = await plans.listPlans(db, actor, { search: term, limit, includeArchived: false });
        return page.items.map((p) => ({
          id: p.id,
          title: p.title,
          detail: p.endYear && p.endYear !== p.year ? `${p.year}–${p.endYear}` : String(p.year),
          href: `/governance/plans/${p.id}`,
        }));
      },
    },
  ],
  auditEntities: [
    {
      entity: 'plan',
      describe: plans.planRefs,
      canReadHistory: (actor) => governancePolicy.readHistory(actor),
    },
  ],
  walk: {
    async seed(db, tenant, _seam, made) {
      const row = await plans.createPlan(db, tenant.actor, {
        year: 2026,
        title: 'Hemlig IT-plan',
        description: 'Hemlig planbeskrivning',
        decisionId: made.decisions ?? null,
        initiatives: [
          {
            title: 'Hemlig insats',
            goalIds: made.goals ? [made.goals] : [],
            responsibleId: tenant.adminId,
            plannedCost: 100_000_00,
          },
        ],
      });
      return {
        ids: { plans: row.id },
        secrets: [row.id, 'Hemlig IT-plan', 'Hemlig planbeskrivning', 'Hemlig insats'],
      };
    },
    bodies: {
      'POST /api/v1/plans': (ids) => ({
        year: 2014,
        endYear: 2016,
        title: 'Genomförandeplan för styrning, ledning och upphandling av IT',
        decisionId: ids.decisions,
        initiatives: [
          {
            title: 'Upphandling IT-drift och telefoni',
            goalIds: [ids.goals],
            responsibleId: ids.people,
            status: 'cancelled',
            startsOn: '2014-06-27',
            endsOn: '2014-11-24',
            plannedCost: 300_000_000,
            outcomeCost: 400_000_000,
            statusNote: 'Avbruten av KF',
            decisionId: ids.decisions,
            projectLink: 'https://example.org/projekt/1',
          },
        ],
      }),
      'PATCH /api/v1/plans/{id}': () => ({ version: 1, title: 'IT-plan 2026' }),
      'POST /api/v1/plans/{id}/archive': () => ({ version: 1, reason: 'Ersatt' }),
      'POST /api/v1/plans/{id}/restore': () => ({ version: 1 }),
    },
  },
};

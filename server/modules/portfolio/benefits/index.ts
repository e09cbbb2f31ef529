import type { ModulePart } from '../../../platform/module-parts.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { portfolioPolicy } from '../policy.ts';
import { loadBenefitsDemo } from './demo.ts';
import { addDays, followUpReminder, followUpSweepJob, NOTICE_DAYS } from './reminders.ts';
import { benefitRoutes } from './routes.ts';
import * as benefits from './service.ts';

// Effect goals and benefit follow-up on the seam: their routes, the goals in the global search,
// how the audit trail names them, the responsible person's follow-up reminders and their nightly
// sweep, the follow-ups due on the start page, the demo's goals on seed 004's projects, and the
// walks' records.

export const benefitsPart: ModulePart = {
  name: 'benefits',
  routes: benefitRoutes,
  demo: loadBenefitsDemo,
  notificationKinds: [followUpReminder],
  jobs: [followUpSweepJob],
  search: [
    {
      section: 'effectGoals',
      async search(db, actor, term, limit) {
        if (!portfolioPolicy.read(actor)) return [];
        const page = await benefits.listGoals(db, actor, { search: term, limit, includeArchived: false });
        return page.items.map((g) => ({
          id: g.id,
          title: g.name,
          detail: g.projectName,
          href: `/portfolio/projects/${g.projectId}#benefits`,
        }));
      },
    },
  ],
  startItems: [
    {
      section: 'effectGoals',
      // The reader's own effect goals whose follow-up is due within 14 days or overdue.
      async items(db, actor) {
        if (!actor.personId || !portfolioPolicy.read(actor)) return [];
        const page = await benefits.listGoals(db, actor, {
          responsibleId: actor.personId,
          dueBy: addDays(todayInStockholm(), NOTICE_DAYS),
          limit: 50,
          includeArchived: false,
        });
        return page.items.map((g) => ({
          section: 'effectGoals',
          id: g.id,
          title: `${g.name} (${g.projectName})`,
          detail: `Uppföljning senast ${g.nextFollowUpOn}`,
          href: `/portfolio/projects/${g.projectId}#benefits`,
          due: g.nextFollowUpOn,
        }));
      },
    },
  ],
  auditEntities: [
    {
      entity: 'effectGoal',
      describe: benefits.goalRefs,
      canReadHistory: (actor) => portfolioPolicy.readHistory(actor),
    },
  ],
  walk: {
    async seed(db, tenant, _seam, made) {
      const goal = await benefits.createGoal(db, tenant.actor, {
        projectId: made.projects!,
        name: 'Hemligt effektmål',
        indicator: 'Hemlig indikator',
        direction: 'decrease',
        kind: 'hours',
        baseline: 1000,
        target: 250,
        responsibleId: tenant.adminId,
        followUpDates: ['2026-01-31', '2026-07-31'],
      });
      await benefits.addFollowUp(db, tenant.actor, goal.id, {
        version: 1,
        measuredOn: '2026-01-15',
        value: 700,
        comment: 'Hemlig uppföljning',
      });
      return {
        ids: { 'effect-goals': goal.id },
        secrets: [goal.id, 'Hemligt effektmål', 'Hemlig indikator', 'Hemlig uppföljning'],
      };
    },
    bodies: {
      'POST /api/v1/effect-goals': (ids) => ({
        projectId: ids.projects,
        name: 'Kortare handläggningstid',
        indicator: 'Handläggningstid per ärende',
        unit: 'dagar',
        direction: 'decrease',
        kind: 'qualitative',
        baseline: 14,
        target: 5,
        responsibleId: ids.people,
        followUpDates: ['2027-06-30', '2027-12-31'],
      }),
      'PATCH /api/v1/effect-goals/{id}': () => ({ version: 2, target: 200 }),
      'POST /api/v1/effect-goals/{id}/archive': () => ({ version: 2, reason: 'Felregistrerat' }),
      'POST /api/v1/effect-goals/{id}/restore': () => ({ version: 2 }),
      'POST /api/v1/effect-goals/{id}/follow-ups': () => ({
        version: 2,
        measuredOn: '2026-02-01',
        value: 600,
        comment: 'Mätt i ärendesystemet',
      }),
    },
  },
};

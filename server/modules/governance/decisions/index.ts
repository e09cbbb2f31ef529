import type { ModulePart } from '../../../platform/module-parts.ts';
import { governancePolicy } from '../policy.ts';
import { loadDecisionsDemo } from './demo.ts';
import { decisionFollowUpReminder, followUpSweepJob } from './reminders.ts';
import { decisionRoutes } from './routes.ts';
import * as decisions from './service.ts';
import { governanceSettingsRefs } from './settings.ts';
import { DECISION_FOLLOW_UPS, decisionFollowUps } from './start.ts';

// Decisions on the seam: their routes, the decision log in the global search, how the audit trail
// names decisions and the settings, the follow-up reminder's kind and its nightly sweep, the demo's
// decisions, the responsible person's follow-ups due on the start page, and the walks' records.

export const decisionsPart: ModulePart = {
  name: 'decisions',
  routes: decisionRoutes,
  demo: loadDecisionsDemo,
  notificationKinds: [decisionFollowUpReminder],
  jobs: [followUpSweepJob],
  search: [
    {
      section: 'decisions',
      async search(db, actor, term, limit) {
        if (!governancePolicy.read(actor)) return [];
        const page = await decisions.listDecisions(db, actor, {
          search: term,
          limit,
          includeArchived: false,
        });
        return page.items.map((d) => ({
          id: d.id,
          title: `${d.forumName ?? d.body} ${d.decidedOn} § ${d.paragraph}`,
          detail: d.title ?? d.text.slice(0, 120),
          href: `/governance/decisions/${d.id}`,
        }));
      },
    },
  ],
  startItems: [{ section: DECISION_FOLLOW_UPS, items: decisionFollowUps }],
  auditEntities: [
    {
      entity: 'decision',
      describe: decisions.decisionRefs,
      canReadHistory: (actor) => governancePolicy.readHistory(actor),
    },
    { entity: 'governanceSettings', describe: governanceSettingsRefs },
  ],
  walk: {
    async seed(db, tenant, _seam, made) {
      const row = await decisions.createDecision(db, tenant.actor, {
        forumId: made.forums!,
        decidedOn: '2026-03-12',
        paragraph: 7,
        title: 'Hemligt ärende',
        text: 'Hemlig beslutstext',
        registrationNumber: 'KS 2026/77',
      });
      return {
        ids: { decisions: row.id },
        secrets: [row.id, 'Hemligt ärende', 'Hemlig beslutstext', 'KS 2026/77'],
      };
    },
    bodies: {
      'POST /api/v1/decisions': (ids) => ({
        body: 'Kommunfullmäktige',
        decidedOn: '2014-06-27',
        paragraph: 160,
        title: 'Genomförandeplan för styrning, ledning och upphandling av IT',
        text: 'Kommunfullmäktige beslutar att anta genomförandeplanen i sex steg.',
        registrationNumber: 'KS 2013/1341',
        status: 'inProgress',
        responsibleId: ids.people,
        followUpOn: '2030-01-15',
        links: [{ kind: 'system', id: ids.systems }],
      }),
      'PATCH /api/v1/decisions/{id}': () => ({ version: 1, status: 'completed' }),
      'POST /api/v1/decisions/{id}/archive': () => ({ version: 1, reason: 'Felregistrerat' }),
      'POST /api/v1/decisions/{id}/restore': () => ({ version: 1 }),
      'PATCH /api/v1/governance/settings': () => ({
        version: 1,
        registrationPatterns: ['{series} {year}/{number}', 'Dnr {year}-{number}'],
      }),
    },
  },
};

import type { ModulePart } from '../../../platform/module-parts.ts';
import { loadSurveysDemo } from './demo.ts';
import { surveyPolicy } from './policy.ts';
import { surveyRoutes } from './routes.ts';
import * as surveys from './service.ts';
import { draftRounds, SURVEY_ROUNDS } from './start.ts';

// The yearly self-assessment on the seam: its routes, templates in the global search, how the
// audit trail names templates and rounds, this year's rounds in draft of the person's forums on
// the start page, the demo's template and rounds, and the walks' records.

const walkSections = [
  {
    title: 'Hemligt avsnitt',
    questions: [
      {
        text: 'Hemlig fråga',
        kind: 'scale' as const,
        scale: [
          { value: 1, label: 'Låg' },
          { value: 2, label: 'Hög' },
        ],
      },
    ],
  },
];

export const surveysPart: ModulePart = {
  name: 'surveys',
  routes: surveyRoutes,
  demo: loadSurveysDemo,
  search: [
    {
      section: 'surveys',
      async search(db, actor, term, limit) {
        if (!surveyPolicy.read(actor)) return [];
        const page = await surveys.listTemplates(db, actor, { search: term, limit, includeArchived: false });
        return page.items.map((t) => ({
          id: t.id,
          title: t.title,
          detail: t.description?.slice(0, 120) ?? null,
          href: `/governance/surveys/${t.id}`,
        }));
      },
    },
  ],
  startItems: [{ section: SURVEY_ROUNDS, items: draftRounds }],
  auditEntities: [
    { entity: 'surveyTemplate', describe: surveys.templateRefs, canReadHistory: surveyPolicy.manage },
    { entity: 'surveyRound', describe: surveys.roundRefs, canReadHistory: surveyPolicy.manage },
  ],
  walk: {
    async seed(db, tenant, _seam, made) {
      const template = await surveys.createTemplate(db, tenant.actor, {
        title: 'Hemlig självskattning',
        description: 'Hemlig beskrivning',
        sections: walkSections,
      });
      const round = await surveys.createRound(db, tenant.actor, {
        templateId: template.id,
        forumId: made.forums!,
        year: 2025,
      });
      const { sections } = await surveys.getRound(db, tenant.actor, round.id);
      const questionId = sections[0]!.questions[0]!.id;
      return {
        // The question's id rides along for the answers' body (no path names it).
        ids: { surveys: template.id, rounds: round.id, surveyQuestions: questionId },
        secrets: [template.id, round.id, 'Hemlig självskattning', 'Hemlig beskrivning', 'Hemlig fråga'],
      };
    },
    bodies: {
      'POST /api/v1/surveys': () => ({
        title: 'Självskattning e-förvaltning',
        description: 'Årlig uppföljning',
        sections: [
          {
            title: 'Styrning',
            questions: [
              {
                text: 'Det finns en IT-strategi',
                kind: 'scale',
                scale: [
                  { value: 1, label: 'Nej' },
                  { value: 2, label: 'Ja' },
                ],
              },
              { text: 'Följs planen upp?', kind: 'yesNo' },
            ],
          },
        ],
      }),
      'PATCH /api/v1/surveys/{id}': () => ({ version: 1, title: 'Ny titel' }),
      'POST /api/v1/surveys/{id}/archive': () => ({ version: 1, reason: 'Ersatt' }),
      'POST /api/v1/surveys/{id}/restore': () => ({ version: 1 }),
      'POST /api/v1/surveys/rounds': (ids) => ({ templateId: ids.surveys, forumId: ids.forums, year: 2026 }),
      'PATCH /api/v1/surveys/rounds/{id}/answers': (ids) => ({
        answers: [{ questionId: ids.surveyQuestions, value: 2, comment: 'Bra', version: null }],
      }),
      'POST /api/v1/surveys/rounds/{id}/submit': () => ({ version: 1 }),
      'POST /api/v1/surveys/rounds/{id}/reopen': () => ({ version: 1, reason: 'Rättelse' }),
    },
  },
};

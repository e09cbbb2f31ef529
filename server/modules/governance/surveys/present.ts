import type {
  RoundStatus,
  SurveyRound,
  SurveyRoundSummary,
  SurveyTemplate,
} from '../../../../shared/governance/surveys.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { surveyPolicy } from './policy.ts';
import type { RoundSummaryView, RoundView, TemplateView } from './service.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`).

export function presentTemplate(row: TemplateView, reader: Actor): SurveyTemplate {
  const active = row.archivedAt === null;
  const manage = surveyPolicy.manage(reader);
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    revision: row.revision,
    sections: row.sections,
    rounds: row.rounds,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: {
      update: manage && active,
      archive: manage && active,
      restore: manage && !active,
      startRound: manage && active,
    },
  };
}

function roundCan(row: RoundView | RoundSummaryView, reader: Actor) {
  const draft = row.status === 'draft';
  const answer = surveyPolicy.answer(reader, row.forumId);
  return { answer: answer && draft, submit: answer && draft, reopen: surveyPolicy.reopen(reader) && !draft };
}

function roundFields(row: RoundView | RoundSummaryView) {
  return {
    id: row.id,
    template: { id: row.templateId, title: row.templateTitle },
    revision: row.revision,
    forum: { id: row.forumId, name: row.forumName },
    year: row.year,
    status: row.status as RoundStatus,
    submittedAt: iso(row.submittedAt),
    submittedBy: row.submittedBy,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function presentRound(row: RoundView, reader: Actor): SurveyRound {
  return {
    ...roundFields(row),
    sections: row.sections,
    answers: row.answers.map((a) => ({
      questionId: a.questionId,
      value: a.value,
      text: a.text,
      comment: a.comment,
      version: a.version,
      updatedAt: iso(a.updatedAt),
      updatedBy: a.updatedBy,
    })),
    can: roundCan(row, reader),
  };
}

export function presentRoundSummary(row: RoundSummaryView, reader: Actor): SurveyRoundSummary {
  return {
    ...roundFields(row),
    answered: row.answered,
    questions: row.questions,
    can: roundCan(row, reader),
  };
}

import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { id, line, multiline, requiredLine } from '../text.ts';

// The yearly self-assessment (seed 003's "yearly follow-up survey"), shared by server and web: a
// questionnaire template of sections and ordered questions, answered once a year by a forum. A
// template keeps revisions: once a round has answered a revision, changing the questions makes a
// new one, so every year's answers keep the questions as they were asked. A question keeps its id
// from revision to revision, which is what compares one year's answer with the earlier years'.

/** How a question is answered: a step of a scale, yes or no, or free text. */
export const questionKinds = ['scale', 'yesNo', 'text'] as const;
export type QuestionKind = (typeof questionKinds)[number];

export const scaleStep = z.strictObject({
  value: z.number().int().min(0).max(100),
  label: requiredLine(80),
});
export type ScaleStep = z.infer<typeof scaleStep>;

/** Named scales the editor offers (the labels are the template's own once chosen). */
export const namedScales = {
  maturity5: [
    { value: 1, label: 'Saknas' },
    { value: 2, label: 'Påbörjad' },
    { value: 3, label: 'Delvis etablerad' },
    { value: 4, label: 'Etablerad' },
    { value: 5, label: 'Fullt utvecklad' },
  ],
  agreement5: [
    { value: 1, label: 'Instämmer inte alls' },
    { value: 2, label: 'Instämmer till liten del' },
    { value: 3, label: 'Instämmer delvis' },
    { value: 4, label: 'Instämmer till stor del' },
    { value: 5, label: 'Instämmer helt' },
  ],
} as const satisfies Record<string, ScaleStep[]>;
export type NamedScale = keyof typeof namedScales;

const questionFields = {
  text: requiredLine(300),
  help: multiline(2000).nullable().optional(),
  kind: z.enum(questionKinds),
  /** The scale's steps, lowest first: for `scale` questions only, 2 to 11 of them. */
  scale: z.array(scaleStep).min(2).max(11).nullable().optional(),
};

/** A question of a template as written: `id` keeps an existing question (its answers compare). */
export const questionInput = z
  .strictObject({ id: id.optional(), ...questionFields })
  .superRefine((q, ctx) => {
    if (q.kind === 'scale' && !q.scale)
      ctx.addIssue({ code: 'custom', path: ['scale'], message: 'A scale question needs its steps' });
    if (q.kind !== 'scale' && q.scale)
      ctx.addIssue({ code: 'custom', path: ['scale'], message: 'Only a scale question has steps' });
    if (q.scale) {
      const values = q.scale.map((s) => s.value);
      if (values.some((v, i) => i > 0 && v <= values[i - 1]!))
        ctx.addIssue({ code: 'custom', path: ['scale'], message: 'Steps rise from the lowest' });
    }
  });
export type QuestionInput = z.infer<typeof questionInput>;

export const sectionInput = z.strictObject({
  id: id.optional(),
  title: requiredLine(200),
  questions: z.array(questionInput).min(1).max(100),
});
export type SectionInput = z.infer<typeof sectionInput>;

const sections = z
  .array(sectionInput)
  .min(1)
  .max(30)
  .refine(
    (list) => {
      const ids = list.flatMap((s) => [s.id, ...s.questions.map((q) => q.id)]).filter(Boolean);
      return new Set(ids).size === ids.length;
    },
    { message: 'A section or question id is used once' },
  );

export const surveyTemplateCreate = z.strictObject({
  title: requiredLine(200),
  description: multiline(4000).nullable().optional(),
  sections,
});
export type SurveyTemplateCreate = z.infer<typeof surveyTemplateCreate>;

export const surveyTemplateUpdate = z.strictObject({
  version,
  title: requiredLine(200).optional(),
  description: multiline(4000).nullable().optional(),
  /** The whole list; when a round answered the current revision, a new revision is made. */
  sections: sections.optional(),
});
export type SurveyTemplateUpdate = z.infer<typeof surveyTemplateUpdate>;

export const question = z.object({
  id,
  text: z.string(),
  help: z.string().nullable(),
  kind: z.enum(questionKinds),
  scale: z.array(z.object({ value: z.number().int(), label: z.string() })).nullable(),
});
export type Question = z.infer<typeof question>;

export const section = z.object({ id, title: z.string(), questions: z.array(question) });
export type Section = z.infer<typeof section>;

export const surveyTemplatePermissions = permissions(['update', 'archive', 'restore', 'startRound']);

export const surveyTemplate = z.object({
  id,
  title: z.string(),
  description: z.string().nullable(),
  /** The current revision (1, 2 …): what a new round answers. */
  revision: z.number().int(),
  sections: z.array(section),
  /** How many rounds have answered any revision. */
  rounds: z.number().int(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: surveyTemplatePermissions,
});
export type SurveyTemplate = z.infer<typeof surveyTemplate>;

export const surveyTemplateListQuery = listQuery;
export type SurveyTemplateListQuery = z.infer<typeof surveyTemplateListQuery>;

// Rounds: a template's revision answered by a forum for a year.

export const roundStatuses = ['draft', 'submitted'] as const;
export type RoundStatus = (typeof roundStatuses)[number];

export const year = z.number().int().min(2000).max(2100);

export const surveyRoundCreate = z.strictObject({
  templateId: id,
  forumId: id,
  year,
});
export type SurveyRoundCreate = z.infer<typeof surveyRoundCreate>;

/** One answer: a scale step's value, 1/0 for yes/no, or text; null clears it. */
export const answerInput = z.strictObject({
  questionId: id,
  value: z.number().int().min(0).max(100).nullable().optional(),
  text: multiline(4000).nullable().optional(),
  comment: multiline(4000).nullable().optional(),
  /** The answer's version as read, null for a question not answered before (a stale one is 409). */
  version: version.nullable(),
});
export type AnswerInput = z.infer<typeof answerInput>;

export const answersSave = z.strictObject({
  answers: z
    .array(answerInput)
    .min(1)
    .max(500)
    .refine((a) => new Set(a.map((x) => x.questionId)).size === a.length, {
      message: 'A question is answered once',
    }),
});
export type AnswersSave = z.infer<typeof answersSave>;

export const roundTransition = z.strictObject({ version });
export const roundReopen = z.strictObject({
  version,
  reason: multiline(1000).pipe(z.string().trim().min(1, { message: 'Required' })),
});
export type RoundReopen = z.infer<typeof roundReopen>;

export const answer = z.object({
  questionId: id,
  value: z.number().int().nullable(),
  text: z.string().nullable(),
  comment: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type Answer = z.infer<typeof answer>;

export const surveyRoundPermissions = permissions(['answer', 'submit', 'reopen']);

const ref = z.object({ id, name: z.string() });

export const surveyRound = z.object({
  id,
  template: z.object({ id, title: z.string() }),
  /** The revision answered, and its questions as they were asked. */
  revision: z.number().int(),
  sections: z.array(section),
  forum: ref,
  year: z.number().int(),
  status: z.enum(roundStatuses),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  answers: z.array(answer),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: surveyRoundPermissions,
});
export type SurveyRound = z.infer<typeof surveyRound>;

export const surveyRoundSummary = surveyRound.omit({ sections: true, answers: true }).extend({
  answered: z.number().int(),
  questions: z.number().int(),
});
export type SurveyRoundSummary = z.infer<typeof surveyRoundSummary>;

export const surveyRoundListQuery = z.strictObject({
  templateId: id.optional(),
  forumId: id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  search: line(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: line(500).optional(),
});
export type SurveyRoundListQuery = z.infer<typeof surveyRoundListQuery>;

// History and comparison: per question and per section, each year's answer (the forum's rounds
// of the template, oldest year first).

export const comparisonQuery = z.strictObject({ forumId: id });
export type ComparisonQuery = z.infer<typeof comparisonQuery>;

export const comparison = z.object({
  template: z.object({ id, title: z.string() }),
  forum: ref,
  years: z.array(
    z.object({
      year: z.number().int(),
      roundId: id,
      status: z.enum(roundStatuses),
      revision: z.number().int(),
    }),
  ),
  sections: z.array(
    z.object({
      id,
      title: z.string(),
      /** Mean of the section's scale answers per year (null: none answered), in `years` order. */
      means: z.array(z.number().nullable()),
      questions: z.array(
        z.object({
          id,
          text: z.string(),
          kind: z.enum(questionKinds),
          scale: z.array(z.object({ value: z.number().int(), label: z.string() })).nullable(),
          /** The answer per year in `years` order; null where the year did not ask or answer it. */
          answers: z.array(
            z
              .object({
                value: z.number().int().nullable(),
                text: z.string().nullable(),
                comment: z.string().nullable(),
              })
              .nullable(),
          ),
        }),
      ),
    }),
  ),
});
export type Comparison = z.infer<typeof comparison>;

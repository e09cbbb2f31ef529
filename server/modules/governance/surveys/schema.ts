import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Section } from '../../../../shared/governance/surveys.ts';
import { sortKey, timestamptz as ts } from '../../../db/columns.ts';
import { tenants } from '../../../platform/directory/schema.ts';
import { forums } from '../forums/schema.ts';

// The yearly self-assessment. Only ./service.ts writes these tables. A template's questions live
// in its revisions (one JSON document of sections and questions each, as asked): a round points
// at the revision it answers, so changing the template later never changes what a year was
// asked. Answers are one row per question, each with its own version, so that two people saving
// different questions of one round at the same time do not overwrite each other.

export const surveyTemplates = pgTable(
  'governance_survey_templates',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    sortTitle: text('sort_title').notNull().generatedAlwaysAs(sortKey(sql`"title"`)),
    description: text('description'),
    /** The current revision: what a new round answers. */
    revision: integer('revision').notNull().default(1),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('governance_survey_templates_list_idx').on(t.tenantId, t.sortTitle, t.id),
  ],
);

export const surveyRevisions = pgTable(
  'governance_survey_revisions',
  {
    tenantId: uuid('tenant_id').notNull(),
    templateId: uuid('template_id').notNull(),
    revision: integer('revision').notNull(),
    sections: jsonb('sections').$type<Section[]>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.templateId, t.revision] }),
    foreignKey({
      columns: [t.tenantId, t.templateId],
      foreignColumns: [surveyTemplates.tenantId, surveyTemplates.id],
    }),
  ],
);

export const surveyRounds = pgTable(
  'governance_survey_rounds',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    templateId: uuid('template_id').notNull(),
    revision: integer('revision').notNull(),
    forumId: uuid('forum_id').notNull(),
    year: integer('year').notNull(),
    /** shared/governance/surveys.ts roundStatuses. */
    status: text('status').notNull().default('draft'),
    submittedAt: ts('submitted_at'),
    submittedBy: text('submitted_by'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.templateId, t.revision],
      foreignColumns: [surveyRevisions.tenantId, surveyRevisions.templateId, surveyRevisions.revision],
    }),
    foreignKey({ columns: [t.tenantId, t.forumId], foreignColumns: [forums.tenantId, forums.id] }),
    // One round per forum, template and year, however many requests race for it.
    uniqueIndex('governance_survey_rounds_key').on(t.tenantId, t.forumId, t.templateId, t.year),
    // The list: newest year first; a template's rounds (the comparison).
    index('governance_survey_rounds_list_idx').on(t.tenantId, t.year, t.id),
    index('governance_survey_rounds_template_idx').on(t.tenantId, t.templateId, t.forumId, t.year),
  ],
);

export const surveyAnswers = pgTable(
  'governance_survey_answers',
  {
    tenantId: uuid('tenant_id').notNull(),
    roundId: uuid('round_id').notNull(),
    /** The question's id in the round's revision. */
    questionId: uuid('question_id').notNull(),
    /** A scale step's value, or 1/0 for yes/no. */
    value: integer('value'),
    text: text('text'),
    comment: text('comment'),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: text('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.roundId, t.questionId] }),
    foreignKey({
      columns: [t.tenantId, t.roundId],
      foreignColumns: [surveyRounds.tenantId, surveyRounds.id],
    }),
  ],
);

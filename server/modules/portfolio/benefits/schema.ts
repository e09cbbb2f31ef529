import { sql } from 'drizzle-orm';
import {
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { sortKey, timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants } from '../../../platform/directory/schema.ts';
import { projects } from '../projects/schema.ts';

// Effect goals of the portfolio's projects and their follow-ups (benefit realisation). Only
// ./service.ts writes them. A goal's follow-up dates are kept on its row; `next_follow_up_on`
// (the earliest date no follow-up has answered yet) is derived on write, so that the reminders,
// the start page and the list of follow-ups due read an index. A follow-up is a measurement: it
// is recorded, never changed (a correction is a new measurement), and names the planned date it
// answers, if any. Values are doubles: money in öre and hours are whole numbers (checked by the
// service), a qualitative indicator (a satisfaction index, a share) need not be.

export const effectGoals = pgTable(
  'portfolio_effect_goals',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    projectId: uuid('project_id').notNull(),
    name: text('name').notNull(),
    sortName: text('sort_name').notNull().generatedAlwaysAs(sortKey(sql`"name"`)),
    description: text('description'),
    indicator: text('indicator').notNull(),
    unit: text('unit'),
    /** shared/portfolio/benefits.ts goalDirections. */
    direction: text('direction').notNull(),
    /** shared/portfolio/benefits.ts benefitKinds. */
    kind: text('kind').notNull(),
    baseline: doublePrecision('baseline').notNull(),
    target: doublePrecision('target').notNull(),
    responsibleId: uuid('responsible_id').notNull(),
    /** In order, no day twice. */
    followUpDates: date('follow_up_dates').array().notNull().default(sql`'{}'::date[]`),
    /** The planned dates a follow-up answered. */
    answeredDates: date('answered_dates').array().notNull().default(sql`'{}'::date[]`),
    /** Derived on write: the earliest follow-up date not answered; null when all are. */
    nextFollowUpOn: date('next_follow_up_on'),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.projectId], foreignColumns: [projects.tenantId, projects.id] }),
    foreignKey({ columns: [t.tenantId, t.responsibleId], foreignColumns: [people.tenantId, people.id] }),
    index('portfolio_effect_goals_project_idx').on(t.tenantId, t.projectId, t.sortName, t.id),
    index('portfolio_effect_goals_list_idx').on(t.tenantId, t.sortName, t.id),
    index('portfolio_effect_goals_responsible_idx').on(t.tenantId, t.responsibleId, t.nextFollowUpOn),
    index('portfolio_effect_goals_due_idx').on(t.tenantId, t.nextFollowUpOn),
  ],
);

export const benefitFollowUps = pgTable(
  'portfolio_benefit_follow_ups',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    goalId: uuid('goal_id').notNull(),
    measuredOn: date('measured_on').notNull(),
    value: doublePrecision('value'),
    comment: text('comment'),
    /** The planned follow-up date it answered; null for an interim measurement. */
    dueOn: date('due_on'),
    recordedBy: uuid('recorded_by'),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.goalId], foreignColumns: [effectGoals.tenantId, effectGoals.id] }),
    index('portfolio_benefit_follow_ups_goal_idx').on(t.tenantId, t.goalId, t.measuredOn, t.createdAt),
  ],
);

import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
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
import { decisions } from '../decisions/schema.ts';
import { goals } from '../goals/schema.ts';

// IT plans, their initiatives and the goals each initiative works towards. Only ./service.ts writes
// them. Money is integer öre (bigint: a plan's cost passes 21 million kronor, the end of a 32-bit
// integer in öre).

const ore = (name: string) => bigint(name, { mode: 'number' });

export const plans = pgTable(
  'governance_plans',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    year: integer('year').notNull(),
    endYear: integer('end_year'),
    title: text('title').notNull(),
    sortTitle: text('sort_title').notNull().generatedAlwaysAs(sortKey(sql`"title"`)),
    description: text('description'),
    decisionId: uuid('decision_id'),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.decisionId],
      foreignColumns: [decisions.tenantId, decisions.id],
    }),
    // Newest first, keyset on (year, id).
    index('governance_plans_list_idx').on(t.tenantId, t.year, t.id),
  ],
);

export const initiatives = pgTable(
  'governance_plan_initiatives',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    responsibleId: uuid('responsible_id'),
    /** shared/governance/plans.ts initiativeStatuses. */
    status: text('status').notNull().default('planned'),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    plannedCost: ore('planned_cost'),
    outcomeCost: ore('outcome_cost'),
    statusNote: text('status_note'),
    decisionId: uuid('decision_id'),
    projectLink: text('project_link'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }),
    foreignKey({ columns: [t.tenantId, t.responsibleId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({
      columns: [t.tenantId, t.decisionId],
      foreignColumns: [decisions.tenantId, decisions.id],
    }),
    index('governance_plan_initiatives_plan_idx').on(t.tenantId, t.planId, t.position),
  ],
);

export const initiativeGoals = pgTable(
  'governance_initiative_goals',
  {
    tenantId: uuid('tenant_id').notNull(),
    initiativeId: uuid('initiative_id').notNull(),
    goalId: uuid('goal_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.initiativeId, t.goalId] }),
    foreignKey({
      columns: [t.tenantId, t.initiativeId],
      foreignColumns: [initiatives.tenantId, initiatives.id],
    }),
    foreignKey({ columns: [t.tenantId, t.goalId], foreignColumns: [goals.tenantId, goals.id] }),
    // The initiatives towards one goal (the goal's page, the plan list's filter).
    index('governance_initiative_goals_goal_idx').on(t.tenantId, t.goalId),
  ],
);

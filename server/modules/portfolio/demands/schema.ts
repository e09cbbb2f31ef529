import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
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
import type { CapacityRules, RoutingRules, ScoringCriterion } from '../../../../shared/portfolio/demands.ts';
import { timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants, units } from '../../../platform/directory/schema.ts';

// Demands (behov), their consultations, the number counters and the tenant's portfolio settings
// (scoring model, routing rules). Only ./service.ts and ./settings.ts write them. Systems, affected
// units and goals of other modules are kept as id arrays, checked on write through those modules'
// services (a foreign key cannot reach into an array); the score is computed on write and when the
// scoring model changes, and indexed, so that the ranked backlog is one index scan.

export const demandCounters = pgTable(
  'portfolio_demand_counters',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.year] })],
);

export const demands = pgTable(
  'portfolio_demands',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    /** BEH-2026-0012: per tenant and year. */
    number: text('number').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** shared/portfolio/demands.ts demandScopes. */
    scope: text('scope').notNull(),
    status: text('status').notNull().default('received'),
    outcome: text('outcome'),
    unitId: uuid('unit_id'),
    systemIds: uuid('system_ids').array().notNull().default(sql`'{}'::uuid[]`),
    reason: text('reason'),
    beneficiaries: text('beneficiaries'),
    submitterId: uuid('submitter_id'),
    /** The desk's change ticket this demand was promoted from. */
    fromTicketId: uuid('from_ticket_id'),
    // Preparation (beredning).
    benefitText: text('benefit_text'),
    yearlySavings: bigint('yearly_savings', { mode: 'number' }),
    hoursFreed: integer('hours_freed'),
    investment: bigint('investment', { mode: 'number' }),
    runningCost: bigint('running_cost', { mode: 'number' }),
    affectedUnitIds: uuid('affected_unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
    goalIds: uuid('goal_ids').array().notNull().default(sql`'{}'::uuid[]`),
    risks: text('risks'),
    effort: text('effort'),
    ratings: jsonb('ratings').$type<Record<string, number>>().notNull().default({}),
    /** Hundredths of the 0–100 score (0–10000), from the ratings under the tenant's model. */
    score: integer('score').notNull().default(0),
    preparedByForumId: uuid('prepared_by_forum_id'),
    preparedOn: date('prepared_on'),
    decisionId: uuid('decision_id'),
    decidedOn: date('decided_on'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('portfolio_demands_number_key').on(t.tenantId, t.number),
    // A change ticket is promoted once.
    uniqueIndex('portfolio_demands_ticket_key')
      .on(t.tenantId, t.fromTicketId)
      .where(sql`from_ticket_id is not null`),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    foreignKey({ columns: [t.tenantId, t.submitterId], foreignColumns: [people.tenantId, people.id] }),
    // The ranked backlog (score, then id, both descending) and the newest first, read by a
    // backward scan. Ascending on purpose: drizzle's `.desc()` makes DESC NULLS LAST, which
    // `order by score desc` (NULLS FIRST) cannot use, so the list sorted every row (60 ms at 20,000
    // demands, 0.5 ms with the scan).
    index('portfolio_demands_rank_idx').on(t.tenantId, t.score, t.id),
    index('portfolio_demands_status_rank_idx').on(t.tenantId, t.status, t.score, t.id),
    index('portfolio_demands_newest_idx').on(t.tenantId, t.createdAt, t.id),
    index('portfolio_demands_submitter_idx').on(t.tenantId, t.submitterId, t.createdAt),
    index('portfolio_demands_systems_idx').using('gin', t.systemIds),
  ],
);

export const consultations = pgTable(
  'portfolio_demand_consultations',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    demandId: uuid('demand_id').notNull(),
    party: text('party').notNull(),
    who: text('who').notNull(),
    on: date('on').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by'),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.demandId], foreignColumns: [demands.tenantId, demands.id] }),
    index('portfolio_demand_consultations_demand_idx').on(t.tenantId, t.demandId, t.on),
  ],
);

export const portfolioSettings = pgTable('portfolio_settings', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  scoring: jsonb('scoring').$type<ScoringCriterion[]>().notNull(),
  routing: jsonb('routing').$type<RoutingRules>().notNull(),
  /** Null: the defaults (defaultCapacity). */
  capacity: jsonb('capacity').$type<CapacityRules>(),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

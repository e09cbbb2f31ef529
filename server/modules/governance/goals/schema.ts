import { sql } from 'drizzle-orm';
import {
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

// The IT strategy's goals, their indicators and each indicator's yearly targets and values. Only
// ./service.ts writes them. An indicator with a source key has no typed values: a row of
// governance_indicator_values holds its figure only once frozen (frozen_at set).

export const goals = pgTable(
  'governance_goals',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    /** shared/governance/goals.ts perspectives. */
    perspective: text('perspective').notNull(),
    /** The perspectives in the steering model's order (society … economy), for the list's keyset. */
    perspectiveRank: integer('perspective_rank')
      .notNull()
      .generatedAlwaysAs(
        sql`case "perspective" when 'society' then 0 when 'service' then 1 when 'staff' then 2 when 'economy' then 3 else 4 end`,
      ),
    position: integer('position').notNull().default(0),
    title: text('title').notNull(),
    sortTitle: text('sort_title').notNull().generatedAlwaysAs(sortKey(sql`"title"`)),
    description: text('description'),
    ownerId: uuid('owner_id'),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [people.tenantId, people.id] }),
    index('governance_goals_list_idx').on(t.tenantId, t.perspectiveRank, t.position, t.id),
    index('governance_goals_owner_idx').on(t.tenantId, t.ownerId).where(sql`owner_id is not null`),
  ],
);

export const indicators = pgTable(
  'governance_indicators',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    goalId: uuid('goal_id').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull().default(''),
    /** increase, decrease, keep. */
    direction: text('direction').notNull(),
    baseline: doublePrecision('baseline'),
    baselineYear: integer('baseline_year'),
    target: doublePrecision('target'),
    targetYear: integer('target_year'),
    /** An indicator source on the seam (`registry.eServices`); null when typed by hand. */
    sourceKey: text('source_key'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.goalId], foreignColumns: [goals.tenantId, goals.id] }),
    index('governance_indicators_goal_idx').on(t.tenantId, t.goalId, t.position),
  ],
);

export const indicatorValues = pgTable(
  'governance_indicator_values',
  {
    tenantId: uuid('tenant_id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    year: integer('year').notNull(),
    target: doublePrecision('target'),
    value: doublePrecision('value'),
    /** When a computed figure was frozen for the year; null for a typed value. */
    frozenAt: ts('frozen_at'),
    /** The source it was frozen from (an indicator may change source later). */
    frozenSource: text('frozen_source'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.indicatorId, t.year] }),
    foreignKey({
      columns: [t.tenantId, t.indicatorId],
      foreignColumns: [indicators.tenantId, indicators.id],
    }),
  ],
);

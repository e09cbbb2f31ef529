import { sql } from 'drizzle-orm';
import {
  bigint,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants, units } from '../../../platform/directory/schema.ts';
import { offerings } from '../offerings/schema.ts';
import { orders, subscriptions } from '../orders/schema.ts';

// The monthly chargeback run (shared/catalogue/runs.ts): the tenant's settings, one run per
// tenant and month, its lines and the units' disputes of lines. Only ./service.ts (and the SQL of
// ./compute.ts it runs) writes them.

const ore = (name: string) => bigint(name, { mode: 'number' });

export const runSettings = pgTable(
  'catalogue_run_settings',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** month | day */
    proration: text('proration').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId] })],
);

export const runs = pgTable(
  'catalogue_runs',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    /** YYYY-MM */
    period: text('period').notNull(),
    /** preview | locked */
    state: text('state').notNull().default('preview'),
    /** The proration the lines were computed with (null before the first computation). */
    proration: text('proration'),
    total: ore('total').notNull().default(0),
    lineCount: integer('line_count').notNull().default(0),
    computedAt: ts('computed_at'),
    lockedAt: ts('locked_at'),
    lockedById: uuid('locked_by_id'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.lockedById], foreignColumns: [people.tenantId, people.id] }),
    // One run per month: two computations at once meet here (insert … on conflict do nothing).
    uniqueIndex('catalogue_runs_period_key').on(t.tenantId, t.period),
  ],
);

export const runLines = pgTable(
  'catalogue_run_lines',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    runId: uuid('run_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    offeringId: uuid('offering_id'),
    subscriptionId: uuid('subscription_id'),
    orderId: uuid('order_id'),
    /** shared/catalogue/runs.ts lineSources */
    source: text('source').notNull(),
    description: text('description').notNull(),
    quantity: numeric('quantity', { precision: 16, scale: 4 }).notNull(),
    unitPrice: ore('unit_price').notNull(),
    /** Signed: corrections and credits may be negative. */
    amount: ore('amount').notNull(),
    // The kontering, copied from the subscription or order (a later change of codes changes no bill).
    costCentre: text('cost_centre'),
    account: text('account'),
    activity: text('activity'),
    counterpart: text('counterpart'),
    billedDays: integer('billed_days'),
    daysInMonth: integer('days_in_month'),
    /** The line of a locked run that a correction or credit puts right. */
    correctsLineId: uuid('corrects_line_id'),
    note: text('note'),
    createdById: uuid('created_by_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.runId], foreignColumns: [runs.tenantId, runs.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    foreignKey({ columns: [t.tenantId, t.offeringId], foreignColumns: [offerings.tenantId, offerings.id] }),
    foreignKey({
      columns: [t.tenantId, t.subscriptionId],
      foreignColumns: [subscriptions.tenantId, subscriptions.id],
    }),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }),
    foreignKey({ columns: [t.tenantId, t.correctsLineId], foreignColumns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.createdById], foreignColumns: [people.tenantId, people.id] }),
    // A unit's specification, keyset on the id; and the run's totals per unit.
    index('catalogue_run_lines_unit_idx').on(t.tenantId, t.runId, t.unitId, t.id),
    index('catalogue_run_lines_corrects_idx')
      .on(t.tenantId, t.correctsLineId)
      .where(sql`corrects_line_id is not null`),
  ],
);

export const disputes = pgTable(
  'catalogue_disputes',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    lineId: uuid('line_id').notNull(),
    reason: text('reason').notNull(),
    raisedById: uuid('raised_by_id'),
    /** open | accepted | rejected */
    state: text('state').notNull().default('open'),
    resolutionNote: text('resolution_note'),
    resolvedById: uuid('resolved_by_id'),
    resolvedAt: ts('resolved_at'),
    creditLineId: uuid('credit_line_id'),
    creditedAmount: ore('credited_amount'),
    creditedInPeriod: text('credited_in_period'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.lineId], foreignColumns: [runLines.tenantId, runLines.id] }),
    foreignKey({ columns: [t.tenantId, t.creditLineId], foreignColumns: [runLines.tenantId, runLines.id] }),
    foreignKey({ columns: [t.tenantId, t.raisedById], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.resolvedById], foreignColumns: [people.tenantId, people.id] }),
    // One dispute per line.
    uniqueIndex('catalogue_disputes_line_key').on(t.tenantId, t.lineId),
    index('catalogue_disputes_state_idx').on(t.tenantId, t.state, t.id),
    // The foreign key's check when a preview's lines are deleted.
    index('catalogue_disputes_credit_idx').on(t.tenantId, t.creditLineId),
  ],
);

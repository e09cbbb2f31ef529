import {
  bigint,
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamptz as ts } from '../../../db/columns.ts';
import { tenants, units } from '../../../platform/directory/schema.ts';

// Cost figures (shared/catalogue/figures.ts): the units' IT budgets per year, against which the
// outcome of the chargeback runs is set, and whether the tenant shares its totals with the
// installation's other tenants. Only ./service.ts writes them. Money is öre.

export const unitBudgets = pgTable(
  'catalogue_unit_budgets',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    unitId: uuid('unit_id').notNull(),
    year: integer('year').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    uniqueIndex('catalogue_unit_budgets_unit_year_key').on(t.tenantId, t.unitId, t.year),
    index('catalogue_unit_budgets_year_idx').on(t.tenantId, t.year),
  ],
);

export const figureSettings = pgTable(
  'catalogue_figure_settings',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    shareFigures: boolean('share_figures').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId] })],
);

import { foreignKey, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { LedgerLayout } from '../../../../shared/catalogue/exports.ts';
import { timestamptz as ts } from '../../../db/columns.ts';
import { tenants, units } from '../../../platform/directory/schema.ts';

// How a tenant's locked runs are exported (shared/catalogue/exports.ts): one row per tenant,
// written only by ./settings.ts.

export const exportSettings = pgTable(
  'catalogue_export_settings',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    series: text('series').notNull(),
    incomeAccount: text('income_account'),
    itUnitId: uuid('it_unit_id'),
    defaultAccount: text('default_account'),
    layout: jsonb('layout').$type<LedgerLayout>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId] }),
    foreignKey({ columns: [t.tenantId, t.itUnitId], foreignColumns: [units.tenantId, units.id] }),
  ],
);

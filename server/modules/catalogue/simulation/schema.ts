import { foreignKey, index, integer, pgTable, primaryKey, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamptz as ts } from '../../../db/columns.ts';
import { tenants, units } from '../../../platform/directory/schema.ts';
import { offerings } from '../offerings/schema.ts';

// Planned volumes per unit, offering and year: what the price simulation counts until orders and
// subscriptions exist (a later part replaces them with subscription counts). Only ./service.ts
// writes them.

export const plannedVolumes = pgTable(
  'catalogue_planned_volumes',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    offeringId: uuid('offering_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    year: integer('year').notNull(),
    quantity: integer('quantity').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.offeringId], foreignColumns: [offerings.tenantId, offerings.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    uniqueIndex('catalogue_planned_volumes_key').on(t.tenantId, t.year, t.offeringId, t.unitId),
    index('catalogue_planned_volumes_unit_idx').on(t.tenantId, t.unitId),
  ],
);

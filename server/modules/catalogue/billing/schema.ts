import { sql } from 'drizzle-orm';
import {
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants, units } from '../../../platform/directory/schema.ts';

// The dated switch per unit between quality steering and billing (shared/catalogue/billing.ts).
// Every switch is kept; a planned one is withdrawn by archiving it. One active switch per unit
// and date. Only ./service.ts writes it.

export const billingSwitches = pgTable(
  'catalogue_billing_switches',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** qualitySteering | billing */
    mode: text('mode').notNull(),
    fromOn: date('from_on').notNull(),
    note: text('note'),
    createdById: uuid('created_by_id'),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    foreignKey({ columns: [t.tenantId, t.createdById], foreignColumns: [people.tenantId, people.id] }),
    index('catalogue_billing_switches_unit_idx').on(t.tenantId, t.unitId, t.fromOn),
    uniqueIndex('catalogue_billing_switches_date_key')
      .on(t.tenantId, t.unitId, t.fromOn)
      .where(sql`archived_at is null`),
  ],
);

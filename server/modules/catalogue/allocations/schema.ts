import { sql } from 'drizzle-orm';
import { bigint, foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { sortKey, timestamptz as ts } from '../../../db/columns.ts';
import { tenants, units } from '../../../platform/directory/schema.ts';
import { offerings } from '../offerings/schema.ts';

// Allocation keys (shared/catalogue/allocations.ts): a shared monthly cost, its key and the units
// it is spread over, with the chosen units and the fixed shares in tables of their own (written
// anew with each change of the allocation, whose version and audit event cover them). Archived,
// never deleted. Only ./service.ts writes them; the run reads them (./compute.ts).

export const allocations = pgTable(
  'catalogue_allocations',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    sortName: text('sort_name').notNull().generatedAlwaysAs(sortKey(sql`"name"`)),
    description: text('description'),
    /** The monthly amount, öre. */
    amount: bigint('amount', { mode: 'number' }).notNull(),
    offeringId: uuid('offering_id'),
    account: text('account'),
    /** users | computers | fixed */
    key: text('key').notNull(),
    /** all | chosen */
    spread: text('spread').notNull(),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.offeringId], foreignColumns: [offerings.tenantId, offerings.id] }),
    index('catalogue_allocations_list_idx').on(t.tenantId, t.sortName, t.id),
  ],
);

/** The units of an allocation spread over a chosen list. */
export const allocationUnits = pgTable(
  'catalogue_allocation_units',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    allocationId: uuid('allocation_id').notNull(),
    unitId: uuid('unit_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.allocationId, t.unitId] }),
    foreignKey({
      columns: [t.tenantId, t.allocationId],
      foreignColumns: [allocations.tenantId, allocations.id],
    }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
  ],
);

/** The weights of a fixed key, per unit. */
export const allocationShares = pgTable(
  'catalogue_allocation_shares',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    allocationId: uuid('allocation_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    weight: integer('weight').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.allocationId, t.unitId] }),
    foreignKey({
      columns: [t.tenantId, t.allocationId],
      foreignColumns: [allocations.tenantId, allocations.id],
    }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
  ],
);

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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants, units } from '../../../platform/directory/schema.ts';
import { offerings } from '../offerings/schema.ts';

// Rental equipment (hyressystem): the IT unit's assets, who held each when, and the IT unit's
// investment budget per year. Only ./service.ts writes them. The holder on the asset row is the
// current one (for lists and filters); catalogue_asset_assignments keeps every period, so that the
// chargeback run charges the unit that held an asset on each day of a month. Money is öre.

const ore = (name: string) => bigint(name, { mode: 'number' });

export const assets = pgTable(
  'catalogue_assets',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    serial: text('serial').notNull(),
    model: text('model').notNull(),
    /** shared/catalogue/assets.ts assetKinds */
    kind: text('kind').notNull(),
    offeringId: uuid('offering_id').notNull(),
    purchaseValue: ore('purchase_value').notNull(),
    purchasedOn: date('purchased_on').notNull(),
    depreciationMonths: integer('depreciation_months').notNull(),
    /** Stored (purchase date + depreciation months) so that the reminder sweep and `dueBefore` use an index. */
    replacementDueOn: date('replacement_due_on').notNull(),
    /** shared/catalogue/assets.ts assetStates */
    state: text('state').notNull().default('inStock'),
    unitId: uuid('unit_id'),
    personId: uuid('person_id'),
    issuedOn: date('issued_on'),
    returnedOn: date('returned_on'),
    scrappedOn: date('scrapped_on'),
    scrapReason: text('scrap_reason'),
    note: text('note'),
    /** The replacement date the keepers were last told of: the sweep tells them once per date. */
    replacementNotifiedFor: date('replacement_notified_for'),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.offeringId], foreignColumns: [offerings.tenantId, offerings.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    // One active asset per serial number; an archived one (registered by mistake) may be registered anew.
    uniqueIndex('catalogue_assets_serial_key').on(t.tenantId, t.serial).where(sql`archived_at is null`),
    index('catalogue_assets_list_idx').on(t.tenantId, t.serial, t.id),
    index('catalogue_assets_unit_idx').on(t.tenantId, t.unitId),
    index('catalogue_assets_offering_idx').on(t.tenantId, t.offeringId),
    index('catalogue_assets_due_idx').on(t.tenantId, t.replacementDueOn),
    index('catalogue_assets_purchased_idx').on(t.tenantId, t.purchasedOn),
  ],
);

/** Who held an asset from which day to which (inclusive); to_on null while it is held. */
export const assetAssignments = pgTable(
  'catalogue_asset_assignments',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    assetId: uuid('asset_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    personId: uuid('person_id'),
    fromOn: date('from_on').notNull(),
    toOn: date('to_on'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.assetId], foreignColumns: [assets.tenantId, assets.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    index('catalogue_asset_assignments_asset_idx').on(t.tenantId, t.assetId, t.fromOn),
    // The chargeback's month: assignments starting before the month's end.
    index('catalogue_asset_assignments_from_idx').on(t.tenantId, t.fromOn),
  ],
);

/** The IT unit's investment budget of a year: what it may spend buying the assets it rents out. */
export const investmentBudgets = pgTable(
  'catalogue_investment_budgets',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** The audit trail's entity id. */
    id: uuid('id').notNull(),
    year: integer('year').notNull(),
    amount: ore('amount').notNull(),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.year] }),
    uniqueIndex('catalogue_investment_budgets_id_key').on(t.tenantId, t.id),
  ],
);

import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
import { sortKey, timestamptz as ts } from '../../../db/columns.ts';
import { tenants, units } from '../../../platform/directory/schema.ts';
import { services as deskServices } from '../../desk/services/schema.ts';

// The catalogue's families, services, offerings and rate cards. Only ./service.ts writes them.
//
// How catalogue services relate to the desk's: there is one catalogue (issue 16). A catalogue
// service IS a desk catalogue service (desk_services) extended: catalogue_services has the same
// (tenant_id, id) as its desk service, with a foreign key to it, and adds only what the catalogue
// knows (the family; later its cost figures). Name, description, owner, fulfilling group, service
// level and order form stay on the desk's row and are read from it; the desk's tables are written
// only by the desk's service.ts, so this module never writes them (a new service is made in the
// desk, then placed in a family here). An offering belongs to one catalogue service; its service
// level is its service's, and its order form is the one of its own service or of another desk
// service it names (order_service_id). Money is integer öre (bigint).

const ore = (name: string) => bigint(name, { mode: 'number' });

export const families = pgTable(
  'catalogue_families',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    sortName: text('sort_name').notNull().generatedAlwaysAs(sortKey(sql`"name"`)),
    description: text('description'),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('catalogue_families_list_idx').on(t.tenantId, t.sortName, t.id),
  ],
);

export const catalogueServices = pgTable(
  'catalogue_services',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** The desk service's id: this row extends it. */
    id: uuid('id').notNull(),
    familyId: uuid('family_id').notNull(),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.id], foreignColumns: [deskServices.tenantId, deskServices.id] }),
    foreignKey({ columns: [t.tenantId, t.familyId], foreignColumns: [families.tenantId, families.id] }),
    index('catalogue_services_family_idx').on(t.tenantId, t.familyId),
  ],
);

export const offerings = pgTable(
  'catalogue_offerings',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    serviceId: uuid('service_id').notNull(),
    name: text('name').notNull(),
    sortName: text('sort_name').notNull().generatedAlwaysAs(sortKey(sql`"name"`)),
    description: text('description'),
    /** shared/catalogue/offerings.ts priceModels */
    priceModel: text('price_model').notNull(),
    /** priceUnits, for perUnitMonthly */
    priceUnit: text('price_unit'),
    /** price | costCovering */
    pricing: text('pricing').notNull().default('price'),
    /** none | budgetHolder | role */
    approval: text('approval').notNull().default('none'),
    approvalRole: text('approval_role'),
    orderServiceId: uuid('order_service_id'),
    allUnits: boolean('all_units').notNull().default(true),
    partners: boolean('partners').notNull().default(false),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.serviceId],
      foreignColumns: [catalogueServices.tenantId, catalogueServices.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.orderServiceId],
      foreignColumns: [deskServices.tenantId, deskServices.id],
    }),
    index('catalogue_offerings_list_idx').on(t.tenantId, t.sortName, t.id),
    index('catalogue_offerings_service_idx').on(t.tenantId, t.serviceId),
  ],
);

/** The units that may order an offering that not every unit may. */
export const offeringUnits = pgTable(
  'catalogue_offering_units',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    offeringId: uuid('offering_id').notNull(),
    unitId: uuid('unit_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.offeringId, t.unitId] }),
    foreignKey({ columns: [t.tenantId, t.offeringId], foreignColumns: [offerings.tenantId, offerings.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
  ],
);

/**
 * A price from the first of a month or year until the next card (roll forward). One active card
 * per offering and start; archiving one lets the one before roll on.
 */
export const rateCards = pgTable(
  'catalogue_rate_cards',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    offeringId: uuid('offering_id').notNull(),
    startsOn: date('starts_on').notNull(),
    /** year | month */
    periodKind: text('period_kind').notNull(),
    internalPrice: ore('internal_price'),
    externalPrice: ore('external_price'),
    totalCost: ore('total_cost'),
    note: text('note'),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.offeringId], foreignColumns: [offerings.tenantId, offerings.id] }),
    uniqueIndex('catalogue_rate_cards_start_key')
      .on(t.tenantId, t.offeringId, t.startsOn)
      .where(sql`archived_at is null`),
  ],
);

import {
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

// Consumption a unit used in a month, as the print, storage and licence systems report it, and the
// imports that brought it. Only ./service.ts writes them. The chargeback run prices it by the
// offering's rate card of the month.

/** One measured quantity: a unit's printed pages (or GB, licences, hours) of one offering in a month. */
export const consumption = pgTable(
  'catalogue_consumption',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    /** YYYY-MM. */
    period: text('period').notNull(),
    offeringId: uuid('offering_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** What the source calls the measured thing (a printer, a share); '' when it reports per unit. */
    reference: text('reference').notNull().default(''),
    quantity: numeric('quantity', { precision: 16, scale: 4, mode: 'number' }).notNull(),
    costCentre: text('cost_centre').notNull(),
    account: text('account').notNull(),
    activity: text('activity'),
    counterpart: text('counterpart'),
    /** The import that last wrote it (null when sent through the API). */
    importId: uuid('import_id'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.offeringId], foreignColumns: [offerings.tenantId, offerings.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    foreignKey({
      columns: [t.tenantId, t.importId],
      foreignColumns: [consumptionImports.tenantId, consumptionImports.id],
    }),
    // The natural key: the same month, offering, unit and reference imported again updates the row.
    uniqueIndex('catalogue_consumption_key').on(t.tenantId, t.period, t.offeringId, t.unitId, t.reference),
    // The run reads a month; the list pages by unit within it.
    index('catalogue_consumption_period_idx').on(t.tenantId, t.period, t.unitId, t.id),
  ],
);

/** An import of a file: who, when, what it changed (audited as one event, not one per row). */
export const consumptionImports = pgTable(
  'catalogue_consumption_imports',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    fileName: text('file_name'),
    created: integer('created').notNull(),
    updated: integer('updated').notNull(),
    unchanged: integer('unchanged').notNull(),
    importedById: uuid('imported_by_id'),
    importedAt: ts('imported_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.importedById], foreignColumns: [people.tenantId, people.id] }),
    index('catalogue_consumption_imports_list_idx').on(t.tenantId, t.importedAt, t.id),
  ],
);

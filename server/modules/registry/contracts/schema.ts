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
  uuid,
} from 'drizzle-orm/pg-core';
import { sortKey, timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants, units } from '../../../platform/directory/schema.ts';
import { suppliers } from '../suppliers/schema.ts';
import { systems } from '../systems/schema.ts';

// Contracts with suppliers, the systems they cover, licences and each system's yearly costs with
// their split over units. Only ./service.ts and ./costs.ts write them. Money is integer öre
// (bigint: a contract's value passes 21 million kronor, the end of a 32-bit integer in öre).

const ore = (name: string) => bigint(name, { mode: 'number' });

export const contracts = pgTable(
  'registry_contracts',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    supplierId: uuid('supplier_id').notNull(),
    title: text('title').notNull(),
    sortTitle: text('sort_title').notNull().generatedAlwaysAs(sortKey(sql`"title"`)),
    contractNumber: text('contract_number'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    noticeMonths: integer('notice_months'),
    /** ends_on minus notice_months, computed on write (read by lists, filters and reminders). */
    noticeDeadline: date('notice_deadline'),
    extensionCount: integer('extension_count'),
    extensionMonths: integer('extension_months'),
    extendableUntil: date('extendable_until'),
    extensionTerms: text('extension_terms'),
    annualValue: ore('annual_value'),
    procurementReference: text('procurement_reference'),
    ownerId: uuid('owner_id'),
    dpaStatus: text('dpa_status').notNull().default('none'),
    dpaSignedOn: date('dpa_signed_on'),
    dpaReference: text('dpa_reference'),
    noticeReminderDays: integer('notice_reminder_days').notNull().default(90),
    endReminderDays: integer('end_reminder_days').notNull().default(60),
    notes: text('notes'),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.supplierId], foreignColumns: [suppliers.tenantId, suppliers.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [people.tenantId, people.id] }),
    index('registry_contracts_list_idx').on(t.tenantId, t.sortTitle, t.id),
    index('registry_contracts_ends_idx').on(t.tenantId, sql`coalesce(${t.endsOn}, '9999-12-31'::date)`, t.id),
    index('registry_contracts_supplier_idx').on(t.tenantId, t.supplierId),
    index('registry_contracts_owner_idx').on(t.tenantId, t.ownerId),
    index('registry_contracts_dpa_missing_idx')
      .on(t.tenantId)
      .where(sql`dpa_status = 'needed' and archived_at is null`),
  ],
);

/** The systems a contract covers. */
export const contractSystems = pgTable(
  'registry_contract_systems',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    contractId: uuid('contract_id').notNull(),
    systemId: uuid('system_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.contractId, t.systemId] }),
    foreignKey({ columns: [t.tenantId, t.contractId], foreignColumns: [contracts.tenantId, contracts.id] }),
    foreignKey({ columns: [t.tenantId, t.systemId], foreignColumns: [systems.tenantId, systems.id] }),
    index('registry_contract_systems_system_idx').on(t.tenantId, t.systemId),
  ],
);

export const licences = pgTable(
  'registry_licences',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    systemId: uuid('system_id').notNull(),
    contractId: uuid('contract_id'),
    type: text('type').notNull(),
    // The type as a rank kept by the database, so that the list sorted by it is in the order the
    // form offers the types (named user … subscription), not that of their codes.
    typeRank: integer('type_rank')
      .notNull()
      .generatedAlwaysAs(
        sql`case "type" when 'namedUser' then 0 when 'concurrentUser' then 1 when 'device' then 2 when 'server' then 3 when 'site' then 4 when 'subscription' then 5 else 6 end`,
      ),
    count: integer('count').notNull(),
    used: integer('used'),
    cost: ore('cost'),
    period: text('period'),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    note: text('note'),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.systemId], foreignColumns: [systems.tenantId, systems.id] }),
    foreignKey({ columns: [t.tenantId, t.contractId], foreignColumns: [contracts.tenantId, contracts.id] }),
    index('registry_licences_list_idx').on(t.tenantId, sql`coalesce(${t.validTo}, '9999-12-31'::date)`, t.id),
    // A system's licences in the list's order (its page, and the list sorted by system), and the
    // list sorted by type or count, validity breaking ties.
    index('registry_licences_system_idx').on(
      t.tenantId,
      t.systemId,
      sql`coalesce(${t.validTo}, '9999-12-31'::date)`,
      t.id,
    ),
    index('registry_licences_type_idx').on(
      t.tenantId,
      t.typeRank,
      sql`coalesce(${t.validTo}, '9999-12-31'::date)`,
      t.id,
    ),
    index('registry_licences_count_idx').on(
      t.tenantId,
      t.count,
      sql`coalesce(${t.validTo}, '9999-12-31'::date)`,
      t.id,
    ),
    index('registry_licences_contract_idx').on(t.tenantId, t.contractId),
  ],
);

/** A system's costs of one year as a record: its version guards the lines and the split below. */
export const systemCostYears = pgTable(
  'registry_system_cost_years',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    systemId: uuid('system_id').notNull(),
    year: integer('year').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.systemId, t.year] }),
    foreignKey({ columns: [t.tenantId, t.systemId], foreignColumns: [systems.tenantId, systems.id] }),
    index('registry_system_cost_years_year_idx').on(t.tenantId, t.year),
  ],
);

/** One cost of a system in a year: licence, operation, support or other. */
export const systemCosts = pgTable(
  'registry_system_costs',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    systemId: uuid('system_id').notNull(),
    year: integer('year').notNull(),
    category: text('category').notNull(),
    amount: ore('amount').notNull(),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.systemId, t.year],
      foreignColumns: [systemCostYears.tenantId, systemCostYears.systemId, systemCostYears.year],
    }),
    index('registry_system_costs_system_year_idx').on(t.tenantId, t.systemId, t.year),
    index('registry_system_costs_year_idx').on(t.tenantId, t.year, t.systemId),
  ],
);

/** A unit's share of a system's costs of a year, in hundredths of a percent (10 000 = 100 %). */
export const systemCostShares = pgTable(
  'registry_system_cost_shares',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    systemId: uuid('system_id').notNull(),
    year: integer('year').notNull(),
    unitId: uuid('unit_id').notNull(),
    basisPoints: integer('basis_points').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.systemId, t.year, t.unitId] }),
    foreignKey({
      columns: [t.tenantId, t.systemId, t.year],
      foreignColumns: [systemCostYears.tenantId, systemCostYears.systemId, systemCostYears.year],
    }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    index('registry_system_cost_shares_unit_idx').on(t.tenantId, t.year, t.unitId),
  ],
);

import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { sortKey, timestamptz as ts } from '../../../db/columns.ts';
import { tenants, units } from '../../../platform/directory/schema.ts';
import { suppliers } from '../suppliers/schema.ts';

// Systems (förvaltningsobjekt / IT-system) and the units that use them. Only ./service.ts writes
// them. Tenant tables key on (tenant_id, id) and every reference carries tenant_id (DESIGN.md).
// registry_systems also has `record_json`, the record as the API's JSON, which only the triggers of
// migration registry_read_paths write and only the list and GET read (service.ts recordJson); it is
// left out here so that no other select carries it. A field added to the system's answer is added
// to that migration's registry_system_json() by a migration of its own (list.test.ts fails until).
// Those triggers also tell every process when an impact analysis may have changed.

export const systems = pgTable(
  'registry_systems',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    sortName: text('sort_name').notNull().generatedAlwaysAs(sortKey(sql`"name"`)),
    shortName: text('short_name'),
    description: text('description'),
    scope: text('scope').notNull(),
    category: text('category'),
    owningUnitId: uuid('owning_unit_id'),
    phase: text('phase').notNull().default('operation'),
    inOperationFrom: date('in_operation_from'),
    phaseOutFrom: date('phase_out_from'),
    retiredOn: date('retired_on'),
    operationForm: text('operation_form'),
    criticality: text('criticality'),
    timeAssessment: text('time_assessment'),
    timeMotivation: text('time_motivation'),
    supplierId: uuid('supplier_id'),
    product: text('product'),
    productVersion: text('product_version'),
    eService: boolean('e_service').notNull().default(false),
    ownDeveloped: boolean('own_developed').notNull().default(false),
    links: jsonb('links').$type<{ label: string; url: string }[]>().notNull().default([]),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** The produktråd of an own-developed product: a name until the governance module brings forums. */
    productCouncil: text('product_council'),
    // Lifecycle and criticality as ranks kept by the database, so that a list sorted by either
    // is in their real order (idea … retired, low … critical; none first) and pages by keyset
    // on non-null values.
    phaseRank: integer('phase_rank')
      .notNull()
      .generatedAlwaysAs(
        sql`case "phase" when 'idea' then 0 when 'procurement' then 1 when 'implementation' then 2 when 'operation' then 3 when 'phaseOut' then 4 when 'retired' then 5 else 6 end`,
      ),
    criticalityRank: integer('criticality_rank')
      .notNull()
      .generatedAlwaysAs(
        sql`case "criticality" when 'low' then 1 when 'medium' then 2 when 'high' then 3 when 'critical' then 4 else 0 end`,
      ),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.owningUnitId], foreignColumns: [units.tenantId, units.id] }),
    foreignKey({ columns: [t.tenantId, t.supplierId], foreignColumns: [suppliers.tenantId, suppliers.id] }),
    index('registry_systems_list_idx').on(t.tenantId, t.sortName, t.id),
    index('registry_systems_owning_unit_idx').on(t.tenantId, t.owningUnitId, t.sortName, t.id),
    index('registry_systems_phase_idx').on(t.tenantId, t.phase, t.sortName, t.id),
    index('registry_systems_supplier_idx').on(t.tenantId, t.supplierId),
    // The list's sorts (each with the name and id after it, the keyset) and its filters.
    index('registry_systems_phase_rank_idx').on(t.tenantId, t.phaseRank, t.sortName, t.id),
    index('registry_systems_criticality_rank_idx').on(t.tenantId, t.criticalityRank, t.sortName, t.id),
    index('registry_systems_updated_idx').on(t.tenantId, t.updatedAt, t.id),
    index('registry_systems_scope_idx').on(t.tenantId, t.scope, t.sortName, t.id),
    index('registry_systems_operation_form_idx').on(t.tenantId, t.operationForm),
    index('registry_systems_time_idx').on(t.tenantId, t.timeAssessment),
    index('registry_systems_category_idx').on(t.tenantId, t.category),
    index('registry_systems_tags_idx').using('gin', t.tags),
  ],
);

/** A unit that uses a system, with how many of its people do. */
export const systemUnits = pgTable(
  'registry_system_units',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    systemId: uuid('system_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    users: integer('users'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.systemId, t.unitId] }),
    foreignKey({ columns: [t.tenantId, t.systemId], foreignColumns: [systems.tenantId, systems.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    index('registry_system_units_unit_idx').on(t.tenantId, t.unitId),
  ],
);

import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { sortKey, timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants, units } from '../../../platform/directory/schema.ts';
import { suppliers } from '../suppliers/schema.ts';
import { systems } from '../systems/schema.ts';

// Services and APIs beside systems, and which systems provide and consume them. Only ./service.ts
// writes them. Tenant tables key on (tenant_id, id) and every reference carries tenant_id.

export const services = pgTable(
  'registry_services',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    sortName: text('sort_name').notNull().generatedAlwaysAs(sortKey(sql`"name"`)),
    description: text('description'),
    ownerId: uuid('owner_id'),
    owningUnitId: uuid('owning_unit_id'),
    hosting: text('hosting'),
    supplierId: uuid('supplier_id'),
    // K/R/T on KLASSA's scale 0–4; secret under OSL (registryPolicy.readServiceLevels).
    confidentiality: smallint('confidentiality'),
    integrity: smallint('integrity'),
    availability: smallint('availability'),
    documentationUrl: text('documentation_url'),
    apiVersion: text('api_version'),
    phase: text('phase').notNull().default('operation'),
    // The phase as a rank kept by the database, so that the list sorted by it is in the
    // lifecycle's order (idea … retired), as the systems' phaseRank.
    phaseRank: integer('phase_rank')
      .notNull()
      .generatedAlwaysAs(
        sql`case "phase" when 'idea' then 0 when 'procurement' then 1 when 'implementation' then 2 when 'operation' then 3 when 'phaseOut' then 4 when 'retired' then 5 else 6 end`,
      ),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.owningUnitId], foreignColumns: [units.tenantId, units.id] }),
    foreignKey({ columns: [t.tenantId, t.supplierId], foreignColumns: [suppliers.tenantId, suppliers.id] }),
    index('registry_services_list_idx').on(t.tenantId, t.sortName, t.id),
    index('registry_services_kind_idx').on(t.tenantId, t.kind, t.sortName, t.id),
    index('registry_services_phase_idx').on(t.tenantId, t.phase, t.sortName, t.id),
    index('registry_services_phase_rank_idx').on(t.tenantId, t.phaseRank, t.sortName, t.id),
    index('registry_services_owner_idx').on(t.tenantId, t.ownerId),
    index('registry_services_supplier_idx').on(t.tenantId, t.supplierId),
  ],
);

/** A system that provides or consumes a service. */
export const serviceSystems = pgTable(
  'registry_service_systems',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    serviceId: uuid('service_id').notNull(),
    systemId: uuid('system_id').notNull(),
    role: text('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.serviceId, t.systemId, t.role] }),
    foreignKey({ columns: [t.tenantId, t.serviceId], foreignColumns: [services.tenantId, services.id] }),
    foreignKey({ columns: [t.tenantId, t.systemId], foreignColumns: [systems.tenantId, systems.id] }),
    // The services of a system (its page, the list's systemId filter).
    index('registry_service_systems_system_idx').on(t.tenantId, t.systemId, t.role),
  ],
);

import { sql } from 'drizzle-orm';
import {
  bigint,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sortKey, timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants } from '../../../platform/directory/schema.ts';
import { systems } from '../systems/schema.ts';

// Förvaltningsobjekt (pm3), the systems in each, and their yearly förvaltningsplaner. Only
// ./service.ts writes them. Tenant tables key on (tenant_id, id); every reference carries tenant_id.

export const managementObjects = pgTable(
  'registry_management_objects',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    sortName: text('sort_name').notNull().generatedAlwaysAs(sortKey(sql`"name"`)),
    description: text('description'),
    ownerId: uuid('owner_id'),
    managerId: uuid('manager_id'),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.managerId], foreignColumns: [people.tenantId, people.id] }),
    index('registry_management_objects_list_idx').on(t.tenantId, t.sortName, t.id),
    // A person's objects, in the list's order within them (the list sorted by objektägare or
    // förvaltningsledare walks the people in name order and each one's objects by these).
    index('registry_management_objects_owner_idx').on(t.tenantId, t.ownerId, t.sortName, t.id),
    index('registry_management_objects_manager_idx').on(t.tenantId, t.managerId, t.sortName, t.id),
    index('registry_management_objects_updated_idx').on(t.tenantId, t.updatedAt, t.id),
  ],
);

/**
 * A system in a förvaltningsobjekt. Keyed on the system: the database itself keeps a system in at
 * most one object, even when two changes race.
 */
export const managementObjectSystems = pgTable(
  'registry_management_object_systems',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    systemId: uuid('system_id').notNull(),
    objectId: uuid('object_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.systemId] }),
    foreignKey({ columns: [t.tenantId, t.systemId], foreignColumns: [systems.tenantId, systems.id] }),
    foreignKey({
      columns: [t.tenantId, t.objectId],
      foreignColumns: [managementObjects.tenantId, managementObjects.id],
    }),
    index('registry_management_object_systems_object_idx').on(t.tenantId, t.objectId),
  ],
);

export interface PlanActivityValue {
  title: string;
  description: string | null;
  kind: 'maintenance' | 'development';
  status: 'planned' | 'ongoing' | 'done' | 'cancelled';
}

/** A förvaltningsplan: one per object and year. Money in öre. */
export const managementPlans = pgTable(
  'registry_management_plans',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    objectId: uuid('object_id').notNull(),
    year: integer('year').notNull(),
    status: text('status').notNull().default('draft'),
    goals: text('goals').array().notNull().default(sql`'{}'::text[]`),
    activities: jsonb('activities').$type<PlanActivityValue[]>().notNull().default([]),
    budgetMaintenance: bigint('budget_maintenance', { mode: 'number' }).notNull().default(0),
    budgetDevelopment: bigint('budget_development', { mode: 'number' }).notNull().default(0),
    outcomeMaintenance: bigint('outcome_maintenance', { mode: 'number' }),
    outcomeDevelopment: bigint('outcome_development', { mode: 'number' }),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.objectId],
      foreignColumns: [managementObjects.tenantId, managementObjects.id],
    }),
    uniqueIndex('registry_management_plans_year_uq').on(t.tenantId, t.objectId, t.year),
    // "Förvaltningsplan missing for the year" (the data-quality dashboard) reads by year.
    index('registry_management_plans_by_year_idx').on(t.tenantId, t.year),
  ],
);

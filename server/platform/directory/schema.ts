import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sortKey, timestamptz as ts } from '../../db/columns.ts';

// Tables of the directory. Only ./service.ts writes them.
// Tenant tables key on (tenant_id, id) and every reference between them carries tenant_id, so the
// database refuses a reference across tenants (DESIGN.md "Layout").

export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  orgNumber: text('org_number'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const units = pgTable(
  'units',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    // Swedish order for lists (db/columns.ts sortKey), kept by the database.
    sortName: text('sort_name').notNull().generatedAlwaysAs(sortKey(sql`"name"`)),
    kind: text('kind').notNull(),
    costCentre: text('cost_centre'),
    orgNumber: text('org_number'),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    index('units_list_idx').on(t.tenantId, t.sortName, t.id),
    index('units_parent_idx').on(t.tenantId, t.parentId),
    uniqueIndex('units_cost_centre_uq')
      .on(t.tenantId, t.costCentre)
      .where(sql`cost_centre is not null and archived_at is null`),
  ],
);

export const people = pgTable(
  'people',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    // "Family Given" in Swedish order (db/columns.ts sortKey): the order of every people list,
    // kept by the database.
    sortName: text('sort_name')
      .notNull()
      .generatedAlwaysAs(sortKey(sql`"family_name" || ' ' || "given_name"`)),
    email: text('email').notNull(),
    title: text('title'),
    phone: text('phone'),
    unitId: uuid('unit_id'),
    employeeNumber: text('employee_number'),
    active: boolean('active').notNull().default(true),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    uniqueIndex('people_email_uq').on(t.tenantId, t.email),
    index('people_list_idx').on(t.tenantId, t.sortName, t.id),
    index('people_unit_idx').on(t.tenantId, t.unitId, t.sortName, t.id),
    index('people_email_idx').on(t.email),
    uniqueIndex('people_employee_number_uq')
      .on(t.tenantId, t.employeeNumber)
      .where(sql`employee_number is not null`),
  ],
);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    role: text('role').notNull(),
    // Where the grant applies: `global` (scope_id null), `unit`, or a kind a module registers
    // (registry: system, desk: group, governance: forum). The id points into that kind's table, so
    // no foreign key can say which; the grant service checks it through the registered kind.
    scope: text('scope').notNull(),
    scopeId: uuid('scope_id'),
    grantedAt: ts('granted_at').notNull().defaultNow(),
    grantedBy: uuid('granted_by'),
    revokedAt: ts('revoked_at'),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    index('role_assignments_person_idx').on(t.tenantId, t.personId),
    // The roles page: assignments by role, then in the order granted (UUIDv7 ids), in keyset pages.
    index('role_assignments_role_idx').on(t.tenantId, t.role, t.id),
    // Who holds what in one scope (a unit's, a system's people).
    index('role_assignments_scope_idx').on(t.tenantId, t.scope, t.scopeId),
    // One active grant of a role in a scope; revoked grants stay as history.
    uniqueIndex('role_assignments_active_uq')
      .on(
        t.tenantId,
        t.personId,
        t.role,
        t.scope,
        sql`coalesce(scope_id, '00000000-0000-0000-0000-000000000000'::uuid)`,
      )
      .where(sql`revoked_at is null`),
  ],
);

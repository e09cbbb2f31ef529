import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { sortKey, timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants } from '../../../platform/directory/schema.ts';
import { suppliers } from '../../registry/suppliers/schema.ts';
import { systems } from '../../registry/systems/schema.ts';

// Groups of the service desk. Only ./service.ts writes them. A group's members are not kept here:
// a member is a person holding `serviceDeskAgent` in the group's scope (the platform's role
// assignments), so the roles page, the person's page and every policy see one truth.

export const groups = pgTable(
  'desk_groups',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    sortName: text('sort_name').notNull().generatedAlwaysAs(sortKey(sql`"name"`)),
    /** firstLine, secondLine, management, supplier (shared/desk/groups.ts). */
    kind: text('kind').notNull(),
    description: text('description'),
    email: text('email'),
    /** The system whose förvaltning the group is (kind management). */
    systemId: uuid('system_id'),
    /** The supplier working the group's tickets (kind supplier). */
    supplierId: uuid('supplier_id'),
    /** Told of escalations. */
    leadId: uuid('lead_id'),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.systemId], foreignColumns: [systems.tenantId, systems.id] }),
    foreignKey({ columns: [t.tenantId, t.supplierId], foreignColumns: [suppliers.tenantId, suppliers.id] }),
    foreignKey({ columns: [t.tenantId, t.leadId], foreignColumns: [people.tenantId, people.id] }),
    index('desk_groups_list_idx').on(t.tenantId, t.sortName, t.id),
    // Routing finds a system's förvaltning group.
    index('desk_groups_system_idx').on(t.tenantId, t.systemId).where(sql`system_id is not null`),
  ],
);

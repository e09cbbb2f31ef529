import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz as ts } from '../../../../db/columns.ts';
import { people, roleAssignments, tenants } from '../../../../platform/directory/schema.ts';
import { systems } from '../schema.ts';

// The roles of a system (systemägare, systemförvaltare, systemdriftsansvarig …), each a person with
// the dates it holds. Only ./service.ts writes it. While a role is in effect it holds a platform
// grant in the system's scope (`grant_id`), so that the person's page, the roles page and every
// policy (holdsFor) see it; the registry row is the record with dates, the grant its effect.

export const systemRoles = pgTable(
  'registry_system_roles',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    systemId: uuid('system_id').notNull(),
    /** systemOwner, systemManager, operationsOwner, supplierOperationsOwner, productOwner, productManager. */
    kind: text('kind').notNull(),
    personId: uuid('person_id').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    note: text('note'),
    /** The platform grant the role holds while in effect; null before and after. */
    grantId: uuid('grant_id'),
    /** Set when the role was ended (its validTo then says the last day). */
    endedAt: ts('ended_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.systemId], foreignColumns: [systems.tenantId, systems.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({
      columns: [t.tenantId, t.grantId],
      foreignColumns: [roleAssignments.tenantId, roleAssignments.id],
    }),
    index('registry_system_roles_system_idx').on(t.tenantId, t.systemId, t.kind),
    index('registry_system_roles_person_idx').on(t.tenantId, t.personId),
    index('registry_system_roles_kind_idx').on(t.tenantId, t.kind, t.id),
    index('registry_system_roles_grant_idx').on(t.tenantId, t.grantId).where(sql`grant_id is not null`),
    // The daily job looks for roles whose dates say one thing and grant_id another.
    index('registry_system_roles_dates_idx').on(t.validFrom, t.validTo),
  ],
);

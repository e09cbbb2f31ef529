import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sortKey, timestamptz as ts } from '../../../db/columns.ts';
import { tenants } from '../../../platform/directory/schema.ts';

// Suppliers of the system register (leverantörer). Only ./service.ts writes them. Systems
// (../systems/schema.ts) and contracts refer to them by (tenant_id, id).

export const suppliers = pgTable(
  'registry_suppliers',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    sortName: text('sort_name').notNull().generatedAlwaysAs(sortKey(sql`"name"`)),
    /** NNNNNN-NNNN, as the organisationsnummer package writes it (shared/registry/contracts.ts). */
    orgNumber: text('org_number'),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    contactPerson: text('contact_person'),
    notes: text('notes'),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('registry_suppliers_list_idx').on(t.tenantId, t.sortName, t.id),
    // The list sorted by organisationsnummer (those without one last) and by last change.
    index('registry_suppliers_org_number_idx').on(
      t.tenantId,
      sql`(case when ${t.orgNumber} is null then 1 else 0 end)`,
      sql`coalesce(${t.orgNumber}, '')`,
      t.sortName,
      t.id,
    ),
    index('registry_suppliers_updated_idx').on(t.tenantId, t.updatedAt, t.id),
    // One active supplier per organisationsnummer; an archived one may be registered anew.
    uniqueIndex('registry_suppliers_org_number_key')
      .on(t.tenantId, t.orgNumber)
      .where(sql`archived_at is null and org_number is not null`),
  ],
);

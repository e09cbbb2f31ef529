import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sortKey, timestamptz as ts } from '../../../db/columns.ts';
import { tenants } from '../../../platform/directory/schema.ts';
import { processes } from '../processes/schema.ts';
import { systems } from '../systems/schema.ts';

// Records management: the record types (handlingstyper) of each process and the
// informationshanteringsplan that adopts them. Only ./service.ts writes them.

export const recordTypes = pgTable(
  'registry_record_types',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    processId: uuid('process_id').notNull(),
    name: text('name').notNull(),
    sortName: text('sort_name').notNull().generatedAlwaysAs(sortKey(sql`"name"`)),
    description: text('description'),
    format: text('format').notNull(),
    fileFormats: text('file_formats'),
    retention: text('retention').notNull(),
    retentionMonths: integer('retention_months'),
    retentionPeriod: text('retention_period'),
    retentionBasis: text('retention_basis'),
    registration: text('registration').notNull(),
    systemId: uuid('system_id'),
    eArchive: boolean('e_archive').notNull().default(false),
    eArchiveWhen: text('e_archive_when'),
    secret: boolean('secret').notNull().default(false),
    secrecyProvision: text('secrecy_provision'),
    personalData: boolean('personal_data').notNull().default(false),
    confidentiality: smallint('confidentiality'),
    integrity: smallint('integrity'),
    availability: smallint('availability'),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.processId], foreignColumns: [processes.tenantId, processes.id] }),
    foreignKey({ columns: [t.tenantId, t.systemId], foreignColumns: [systems.tenantId, systems.id] }),
    index('registry_record_types_list_idx').on(t.tenantId, t.sortName, t.id),
    index('registry_record_types_process_idx').on(t.tenantId, t.processId, t.sortName, t.id),
    index('registry_record_types_system_idx').on(t.tenantId, t.systemId, t.sortName, t.id),
    index('registry_record_types_retention_idx').on(t.tenantId, t.retention, t.sortName, t.id),
  ],
);

/** The informationshanteringsplan of one process: drafted, then adopted by a decision. */
export const informationPlans = pgTable(
  'registry_information_plans',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    processId: uuid('process_id').notNull(),
    status: text('status').notNull().default('draft'),
    adoptedOn: date('adopted_on'),
    body: text('body'),
    paragraph: text('paragraph'),
    registrationNumber: text('registration_number'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.processId], foreignColumns: [processes.tenantId, processes.id] }),
    uniqueIndex('registry_information_plans_process_uq').on(t.tenantId, t.processId),
  ],
);

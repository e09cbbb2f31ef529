import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sortKey, timestamptz as ts } from '../../../db/columns.ts';
import { tenants } from '../../../platform/directory/schema.ts';
import { systems } from '../systems/schema.ts';

// The process tree (KLASSA: verksamhetstyp → verksamhetsområde → processgrupp → process) and the
// systems that support each process. Only ./service.ts writes them.

export const processes = pgTable(
  'registry_processes',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    parentId: uuid('parent_id'),
    /** activityType | area | group | process; a parent is always one level up (service.ts). */
    level: text('level').notNull(),
    code: text('code').notNull(),
    /** The code in natural order (3.2 before 3.10), written by the service from the code. */
    sortCode: text('sort_code').notNull(),
    name: text('name').notNull(),
    sortName: text('sort_name').notNull().generatedAlwaysAs(sortKey(sql`"name"`)),
    description: text('description'),
    /** The code the node had in the reference structure it was loaded from; null when made by hand. */
    referenceCode: text('reference_code'),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    // A code names one active node; an archived one leaves its code free for a successor.
    uniqueIndex('registry_processes_code_uq').on(t.tenantId, t.code).where(sql`archived_at is null`),
    index('registry_processes_list_idx').on(t.tenantId, t.sortCode, t.id),
    index('registry_processes_name_idx').on(t.tenantId, t.sortName, t.id),
    index('registry_processes_parent_idx').on(t.tenantId, t.parentId, t.sortCode, t.id),
    // Also the list sorted by level: the levels' codes sort as the tree nests them (activityType,
    // area, group, process).
    index('registry_processes_level_idx').on(t.tenantId, t.level, t.sortCode, t.id),
  ],
);

/** A system that supports a process. A set per system, rewritten as a whole with an audit event. */
export const systemProcesses = pgTable(
  'registry_system_processes',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    systemId: uuid('system_id').notNull(),
    processId: uuid('process_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.systemId, t.processId] }),
    foreignKey({ columns: [t.tenantId, t.systemId], foreignColumns: [systems.tenantId, systems.id] }),
    foreignKey({ columns: [t.tenantId, t.processId], foreignColumns: [processes.tenantId, processes.id] }),
    index('registry_system_processes_process_idx').on(t.tenantId, t.processId),
  ],
);

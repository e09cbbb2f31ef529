import { sql } from 'drizzle-orm';
import {
  boolean,
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
import type { Escalation, FormField, Targets } from '../../../../shared/desk/services.ts';
import { sortKey, timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants } from '../../../platform/directory/schema.ts';
import { contracts } from '../../registry/contracts/schema.ts';
import { systems } from '../../registry/systems/schema.ts';
import { calendars } from '../calendars/schema.ts';
import { groups } from '../groups/schema.ts';

// Service levels and catalogue services (shared/desk/services.ts). Only ./service.ts writes them.
// Targets and the order form are small documents read whole, hence jsonb, validated on the way in.

export const serviceLevels = pgTable(
  'desk_service_levels',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    sortName: text('sort_name').notNull().generatedAlwaysAs(sortKey(sql`"name"`)),
    description: text('description'),
    /** service | underpinning */
    kind: text('kind').notNull(),
    calendarId: uuid('calendar_id'),
    /** creation | assignment */
    clockStart: text('clock_start').notNull().default('creation'),
    warningPercent: integer('warning_percent').notNull().default(80),
    targets: jsonb('targets').$type<Targets>().notNull(),
    escalation: jsonb('escalation').$type<Escalation>().notNull(),
    contractId: uuid('contract_id'),
    isDefault: boolean('is_default').notNull().default(false),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.calendarId], foreignColumns: [calendars.tenantId, calendars.id] }),
    foreignKey({ columns: [t.tenantId, t.contractId], foreignColumns: [contracts.tenantId, contracts.id] }),
    index('desk_service_levels_list_idx').on(t.tenantId, t.sortName, t.id),
    // One default level per tenant: the one tickets without a service are measured by.
    uniqueIndex('desk_service_levels_default_key')
      .on(t.tenantId)
      .where(sql`is_default and archived_at is null`),
    index('desk_service_levels_contract_idx')
      .on(t.tenantId, t.contractId)
      .where(sql`contract_id is not null`),
    // One active underpinning level per contract, also when two are made at once.
    uniqueIndex('desk_service_levels_contract_key')
      .on(t.tenantId, t.contractId)
      .where(sql`contract_id is not null and archived_at is null`),
  ],
);

export const services = pgTable(
  'desk_services',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    sortName: text('sort_name').notNull().generatedAlwaysAs(sortKey(sql`"name"`)),
    description: text('description'),
    ownerId: uuid('owner_id'),
    groupId: uuid('group_id'),
    serviceLevelId: uuid('service_level_id'),
    systemId: uuid('system_id'),
    orderable: boolean('orderable').notNull().default(false),
    orderForm: jsonb('order_form').$type<FormField[]>().notNull().default([]),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.groupId], foreignColumns: [groups.tenantId, groups.id] }),
    foreignKey({
      columns: [t.tenantId, t.serviceLevelId],
      foreignColumns: [serviceLevels.tenantId, serviceLevels.id],
    }),
    foreignKey({ columns: [t.tenantId, t.systemId], foreignColumns: [systems.tenantId, systems.id] }),
    index('desk_services_list_idx').on(t.tenantId, t.sortName, t.id),
    index('desk_services_level_idx').on(t.tenantId, t.serviceLevelId),
  ],
);

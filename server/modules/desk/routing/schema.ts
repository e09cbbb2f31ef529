import {
  foreignKey,
  index,
  integer,
  jsonb,
  boolean as pgBoolean,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import type { RoutingConditions } from '../../../../shared/desk/routing.ts';
import { timestamptz as ts } from '../../../db/columns.ts';
import { tenants } from '../../../platform/directory/schema.ts';
import { groups } from '../groups/schema.ts';

// Routing rules of the desk, tried in `position` order. Only ./service.ts writes them.

export const routingRules = pgTable(
  'desk_routing_rules',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    conditions: jsonb('conditions').$type<RoutingConditions>().notNull(),
    /** group, systemGroup (shared/desk/routing.ts). */
    target: text('target').notNull(),
    groupId: uuid('group_id'),
    active: pgBoolean('active').notNull().default(true),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.groupId], foreignColumns: [groups.tenantId, groups.id] }),
    index('desk_routing_rules_order_idx').on(t.tenantId, t.position, t.id),
  ],
);

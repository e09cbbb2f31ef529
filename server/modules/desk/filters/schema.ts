import { sql } from 'drizzle-orm';
import {
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { SavedFilterQuery } from '../../../../shared/desk/filters.ts';
import { timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants } from '../../../platform/directory/schema.ts';

// The console's saved filters: a person's own named list queries. Only ./service.ts writes them.

export const savedFilters = pgTable(
  'desk_saved_filters',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    name: text('name').notNull(),
    query: jsonb('query').$type<SavedFilterQuery>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [people.tenantId, people.id] }),
    // One name once per person, whatever its case; also the order of the person's list.
    uniqueIndex('desk_saved_filters_name_key').on(t.tenantId, t.ownerId, sql`lower(${t.name})`),
  ],
);

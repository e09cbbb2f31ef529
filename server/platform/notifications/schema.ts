import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz as ts } from '../../db/columns.ts';
import { people, tenants } from '../directory/schema.ts';

// Each person's inbox and which kinds they want by mail. Only ./service.ts writes these tables.

/**
 * One notification to one person. Holds the kind's parameters, not its text: the text is rendered
 * in the reader's language when it is read (server/platform/notifications/kinds.ts).
 */
export const notifications = pgTable(
  'notifications',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    kind: text('kind').notNull(),
    // The record it is about (all three or none).
    recordKind: text('record_kind'),
    recordId: uuid('record_id'),
    href: text('href'),
    params: jsonb('params').notNull().default({}),
    readAt: ts('read_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    // The inbox and its keyset pages (ids are UUIDv7, so id order is time order), newest first by a
    // backward scan: an index on `id.desc()` is DESC NULLS LAST, which `order by id desc` cannot use …
    index('notifications_inbox_idx').on(t.tenantId, t.personId, t.id),
    // … and the unread ones, for the bell's count and the "unread" filter.
    index('notifications_unread_idx').on(t.tenantId, t.personId, t.id).where(sql`${t.readAt} is null`),
  ],
);

/** A person's choice of mail for one kind; without a row the kind's default applies. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    personId: uuid('person_id').notNull(),
    kind: text('kind').notNull(),
    mail: boolean('mail').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.personId, t.kind] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
  ],
);

export type NotificationRow = typeof notifications.$inferSelect;

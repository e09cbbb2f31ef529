import { index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz as ts } from '../../db/columns.ts';
import { tenants } from '../directory/schema.ts';

/**
 * Append-only record of every change. A trigger (migration 0001) refuses UPDATE and DELETE, so
 * not even a bug in our own code can rewrite history.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    occurredAt: ts('occurred_at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    entity: text('entity').notNull(),
    entityId: uuid('entity_id').notNull(),
    action: text('action').notNull(),
    // Only the fields that changed: { field: [before, after] }.
    changes: jsonb('changes').notNull(),
    requestId: text('request_id'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('audit_entity_idx').on(t.tenantId, t.entity, t.entityId, t.occurredAt),
    index('audit_actor_idx').on(t.tenantId, t.actorId, t.occurredAt),
    index('audit_time_idx').on(t.tenantId, t.occurredAt, t.id),
  ],
);

/** Answers to POSTs made with an Idempotency-Key, replayed when the same key comes again. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    personId: uuid('person_id').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    status: text('status').notNull(),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.personId, t.key] })],
);

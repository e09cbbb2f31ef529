import { sql } from 'drizzle-orm';
import {
  check,
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
import { timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants } from '../../../platform/directory/schema.ts';

// The desk's phone statistics. Only ./service.ts writes these tables.

/** One import of a telephony export: who, when, which file, what it held. */
export const callImports = pgTable(
  'desk_call_imports',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    fileName: text('file_name'),
    importedAt: ts('imported_at').notNull().defaultNow(),
    importedBy: uuid('imported_by'),
    importedByName: text('imported_by_name'),
    rows: integer('rows').notNull(),
    added: integer('added').notNull(),
    alreadyImported: integer('already_imported').notNull(),
    firstAt: ts('first_at'),
    lastAt: ts('last_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.importedBy], foreignColumns: [people.tenantId, people.id] }),
    index('desk_call_imports_list_idx').on(t.tenantId, t.importedAt),
  ],
);

/**
 * One call offered to a queue. The natural key is the call as the export describes it plus its
 * sequence among identical rows: `(at, queue, waited_seconds, outcome, seq)`, seq 1, 2 … for rows
 * of one export that are alike in every field (two calls in the same second, same queue, same
 * wait). Importing the same export again, or an overlapping one (this week's file starting with
 * last week's Friday), gives every call the same key, so ON CONFLICT DO NOTHING skips it; identical
 * calls all fall in the same second, so any export that covers one covers all of them and numbers
 * them alike. A hash of the row alone would merge such real calls into one, and a hash with the
 * line number would double every call of an overlapping export.
 */
export const calls = pgTable(
  'desk_calls',
  {
    // No foreign key of its own to tenants: the import's (tenant_id, import_id) holds it, and each
    // constraint costs every row of a bulk import (the demo's two years are ~45,000 rows).
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    at: ts('at').notNull(),
    queue: text('queue').notNull(),
    waitedSeconds: integer('waited_seconds').notNull(),
    outcome: text('outcome', { enum: ['answered', 'abandoned'] }).notNull(),
    seq: smallint('seq').notNull().default(1),
    importId: uuid('import_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.importId], foreignColumns: [callImports.tenantId, callImports.id] }),
    // The one index beside the primary key: the natural key leads with the time, so it also serves
    // the statistics over a range (a queue filter is read from the same index: a desk has a handful
    // of queues, too few for an index of their own to pay for its cost on every imported row), and
    // the list, which pages by keyset on these same columns.
    uniqueIndex('desk_calls_natural_key').on(t.tenantId, t.at, t.queue, t.waitedSeconds, t.outcome, t.seq),
    check('desk_calls_waited', sql`${t.waitedSeconds} >= 0`),
    check('desk_calls_outcome', sql`${t.outcome} in ('answered', 'abandoned')`),
  ],
);

/** The answer promise of the tenant's desk; no row means the defaults (60 s, 80 %). */
export const phoneSettings = pgTable(
  'desk_phone_settings',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    answerSeconds: integer('answer_seconds').notNull(),
    targetPercent: integer('target_percent').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId] }),
    check('desk_phone_settings_seconds', sql`${t.answerSeconds} between 1 and 3600`),
    check('desk_phone_settings_percent', sql`${t.targetPercent} between 1 and 100`),
  ],
);

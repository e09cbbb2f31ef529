import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, timestamptz as ts } from '../../db/columns.ts';
import { tenants } from '../directory/schema.ts';

// Attachments, stored in PostgreSQL itself: every app process sees the same files and every
// backup of the database holds them, with no second store to keep in step. Only ./service.ts
// writes these tables.

export const files = pgTable(
  'files',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    /** The record the file belongs to: a kind a module registers (files/kinds.ts) and its id. */
    recordKind: text('record_kind').notNull(),
    recordId: uuid('record_id').notNull(),
    /** The name as uploaded, without path or control characters. */
    name: text('name').notNull(),
    /** Detected from the bytes, never taken from the name or the request. */
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull().default(0),
    sha256: text('sha256'),
    /**
     * `uploading` while the chunks arrive (each chunk is its own short statement, so a slow client
     * holds no transaction), `stored` once all of them are in. Only stored files are ever shown.
     */
    status: text('status').notNull().default('uploading'),
    uploadedBy: uuid('uploaded_by'),
    uploadedByName: text('uploaded_by_name').notNull(),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // A record's files newest first: ids are UUIDv7, so their order is the order of upload.
    index('files_record_idx').on(t.tenantId, t.recordKind, t.recordId, t.id),
    index('files_uploading_idx').on(t.createdAt).where(sql`status = 'uploading'`),
  ],
);

export const fileChunks = pgTable(
  'file_chunks',
  {
    tenantId: uuid('tenant_id').notNull(),
    fileId: uuid('file_id').notNull(),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.fileId, t.seq] }),
    foreignKey({ columns: [t.tenantId, t.fileId], foreignColumns: [files.tenantId, files.id] }),
  ],
);

export type FileRow = typeof files.$inferSelect;

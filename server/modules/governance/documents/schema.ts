import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { sortKey, timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants } from '../../../platform/directory/schema.ts';
import { files } from '../../../platform/files/schema.ts';
import { decisions } from '../decisions/schema.ts';

// Governing documents (styrdokument). Only ./service.ts writes them. The hierarchy is a parent in
// the same tenant (the service refuses a cycle); the decision that adopted one is in the log.

export const governingDocuments = pgTable(
  'governance_documents',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    /** shared/governance/documents.ts documentKinds. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    sortName: text('sort_name').notNull().generatedAlwaysAs(sortKey(sql`"title"`)),
    description: text('description'),
    ownerId: uuid('owner_id'),
    adoptedById: uuid('adopted_by_id'),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    reviewIntervalMonths: integer('review_interval_months'),
    nextReviewOn: date('next_review_on'),
    reviewReminderDays: integer('review_reminder_days').notNull().default(30),
    /** shared/governance/documents.ts documentStatuses. */
    status: text('status').notNull().default('draft'),
    parentId: uuid('parent_id'),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.adoptedById], foreignColumns: [decisions.tenantId, decisions.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    index('governance_documents_list_idx').on(t.tenantId, t.sortName, t.id),
    index('governance_documents_review_idx')
      .on(t.tenantId, t.nextReviewOn)
      .where(sql`next_review_on is not null`),
    index('governance_documents_parent_idx').on(t.tenantId, t.parentId).where(sql`parent_id is not null`),
  ],
);

/**
 * The versions of a document, each a file (PDF or DOCX) attached to it through the platform's
 * files (`governing-document`) with a change note, numbered 1, 2, … in the order they came.
 */
export const documentVersions = pgTable(
  'governance_document_versions',
  {
    tenantId: uuid('tenant_id').notNull(),
    documentId: uuid('document_id').notNull(),
    number: integer('number').notNull(),
    fileId: uuid('file_id').notNull(),
    changeNote: text('change_note').notNull(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.documentId, t.number] }),
    foreignKey({
      columns: [t.tenantId, t.documentId],
      foreignColumns: [governingDocuments.tenantId, governingDocuments.id],
    }),
    foreignKey({ columns: [t.tenantId, t.fileId], foreignColumns: [files.tenantId, files.id] }),
  ],
);

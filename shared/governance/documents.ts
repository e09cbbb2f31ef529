import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { isoDate } from '../registry/systems.ts';
import { id, multiline, requiredLine } from '../text.ts';

// Governing documents (styrdokument), shared by server and web: a policy, a strategy, a plan, a
// riktlinje, a tillämpningsanvisning or a rutin, with its owner, the decision that adopted it, when
// it is valid, how often it is reviewed and when next, its status, and where it sits in the
// hierarchy (a riktlinje under a policy). Seed 002 reviews every one of them.

export const documentKinds = ['policy', 'strategy', 'plan', 'guideline', 'instruction', 'routine'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** Utkast, gällande, under revidering, upphävd. */
export const documentStatuses = ['draft', 'inForce', 'underRevision', 'revoked'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

const documentFields = {
  kind: z.enum(documentKinds),
  title: requiredLine(200),
  description: multiline(4000).nullable().optional(),
  ownerId: id.nullable().optional(),
  /** The decision that adopted it (the decision log). */
  adoptedById: id.nullable().optional(),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
  /** Months between reviews; with it and no next review given, the next is counted from validFrom. */
  reviewIntervalMonths: z.number().int().min(1).max(120).nullable().optional(),
  nextReviewOn: isoDate.nullable().optional(),
  /** Days before the next review that the owner is reminded, once. */
  reviewReminderDays: z.number().int().min(0).max(365).optional(),
  status: z.enum(documentStatuses).optional(),
  /** The document it sits under (a riktlinje under its policy). */
  parentId: id.nullable().optional(),
};

export const documentCreate = z.strictObject(documentFields);
export type DocumentCreate = z.infer<typeof documentCreate>;
export const documentUpdate = z.strictObject({
  version,
  ...documentFields,
  kind: documentFields.kind.optional(),
  title: documentFields.title.optional(),
});
export type DocumentUpdate = z.infer<typeof documentUpdate>;

export const documentPermissions = permissions(['update', 'archive', 'restore']);

const ref = z.object({ id, name: z.string() });

export const governingDocument = z.object({
  id,
  kind: z.enum(documentKinds),
  title: z.string(),
  description: z.string().nullable(),
  owner: ref.nullable(),
  adoptedBy: ref.nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  reviewIntervalMonths: z.number().int().nullable(),
  nextReviewOn: z.string().nullable(),
  reviewReminderDays: z.number().int(),
  /** In force or under revision, and its next review has passed. */
  reviewOverdue: z.boolean(),
  status: z.enum(documentStatuses),
  parent: ref.nullable(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: documentPermissions,
});
export type GoverningDocument = z.infer<typeof governingDocument>;

export const documentListQuery = listQuery.extend({
  kind: z.enum(documentKinds).optional(),
  status: z.enum(documentStatuses).optional(),
  ownerId: id.optional(),
  parentId: id.optional(),
  /** Only those whose review is overdue. */
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export type DocumentListQuery = z.infer<typeof documentListQuery>;

// ---------------------------------------------------------------- versions

/** The attachment kind of a document's files (the platform's `/api/v1/attachments/:kind/:id`). */
export const DOCUMENT_FILES = 'governing-document';

/** The types a version's file may have: PDF and Word (DOCX). */
export const versionMediaTypes = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;

export const versionCreate = z.strictObject({
  /** A file uploaded to the document (`/api/v1/attachments/governing-document/{id}`). */
  fileId: id,
  changeNote: multiline(2000).pipe(z.string().trim().min(1, { message: 'Required' })),
});
export type VersionCreate = z.infer<typeof versionCreate>;

export const documentVersion = z.object({
  number: z.number().int(),
  fileId: id,
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  changeNote: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type DocumentVersion = z.infer<typeof documentVersion>;

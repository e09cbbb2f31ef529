import { z } from 'zod';
import { currentVersion, version } from './records.ts';
import { id, multiline } from './text.ts';

// Payloads of attachments (server/platform/files), shared by server and web.

export const attachedFile = z.object({
  id,
  recordKind: z.string(),
  recordId: id,
  name: z.string().describe('As uploaded, without path or control characters'),
  mediaType: z.string().describe('Detected from the content, not from the name'),
  size: z.number().int().describe('Bytes'),
  sha256: z.string().describe('Hex SHA-256 of the content'),
  uploadedBy: id.nullable(),
  uploadedByName: z.string(),
  createdAt: z.string(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
});
export type AttachedFile = z.infer<typeof attachedFile>;

export const attachmentParams = z.strictObject({
  kind: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, { message: 'Unknown kind' }),
  recordId: id,
});

export const uploadQuery = z.strictObject({
  name: z
    .string()
    .min(1, { message: 'Required' })
    .max(1000)
    .describe('The file name; a path and control characters are removed'),
});

export const attachmentListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const fileArchiveBody = z.strictObject({
  reason: multiline(1000).pipe(z.string().trim().min(1, { message: 'Required' })),
  version: version.optional().describe('When given, a file changed since refuses with 409'),
});

export const fileRestoreBody = z.strictObject({
  version: version.optional().describe('When given, a file changed since refuses with 409'),
});

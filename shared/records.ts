import { z } from 'zod';
import { line, multiline } from './text.ts';

// What every kind of record shares on the wire: a list's query and page, the archive and restore
// bodies, the row version, and what the reader may do with a record (`can`). Modules build their
// own schemas from these, so that every list pages and every record archives the same way.

/** The row version an update is based on (optimistic concurrency): a stale one answers 409. */
export const version = z.number().int().min(1).max(2_147_483_647);

/** A record's version as the API answers it. */
export const currentVersion = z.number().int();

/** Query of a list: keyset pagination plus the filters each list offers. */
export const listQuery = z.strictObject({
  search: line(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: line(500).optional(),
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

/** One page of a list: the items and the cursor of the next page (null on the last). */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Archive a record, with the version it is based on and why (public records are not deleted). */
export const archiveBody = z.strictObject({
  version,
  reason: multiline(1000).pipe(z.string().trim().min(1, { message: 'Required' })),
});
export type ArchiveBody = z.infer<typeof archiveBody>;

export const restoreBody = z.strictObject({ version });

/**
 * What the reader may do with a record, as the server's policy says, so that the web app shows
 * the actions that will work and never recomputes roles: `permissions(['update', 'archive'])` is
 * `z.object({ update: z.boolean(), archive: z.boolean() })`.
 */
export function permissions<const A extends readonly string[]>(actions: A) {
  return z.object(
    Object.fromEntries(actions.map((action) => [action, z.boolean()])) as { [K in A[number]]: z.ZodBoolean },
  );
}

import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../context.ts';
import { Problem, problems } from '../errors.ts';
import { newId } from '../ids.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { inTenant, readScope, type TenantScope } from '../tenancy.ts';
import { assertVersion } from '../versioning.ts';
import { detectMediaType, sanitizeName } from './content.ts';
import type { AttachmentKinds } from './kinds.ts';
import { type FileRow, fileChunks, files } from './schema.ts';

// Attachments: upload and download stream in chunks of CHUNK_BYTES, so neither holds a whole
// file in memory, and the chunks of an upload are written one statement at a time rather than in
// one long transaction: a slow client then holds no database connection (and on PGlite, which
// has one, does not stall everyone else). The file row says `uploading` until the last chunk is
// in; the short transaction that makes it `stored` writes the audit event. An upload that fails
// (too large, wrong type, broken connection) removes its chunks and row before answering.

export const CHUNK_BYTES = 256 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface UploadInput {
  kind: string;
  recordId: string;
  name: string;
  /** The Content-Length the client declared, if any: a larger one is refused before reading. */
  declaredBytes?: number;
}

const tooLarge = (maxBytes: number) =>
  new Problem(413, 'payload-too-large', `A file may be at most ${maxBytes} bytes`);

const unsupported = () =>
  new Problem(
    415,
    'unsupported-media-type',
    'Allowed: PDF, PNG, JPEG, GIF, WebP, Word/Excel/PowerPoint (OOXML), OpenDocument, Outlook .msg, plain text, CSV, .eml',
  );

/**
 * Cuts a byte stream into chunks of `size` bytes (the last may be shorter) and refuses it as soon
 * as it passes `maxBytes`: reading stops there, the rest is never looked at.
 */
export async function* chunksOf(body: Readable, size: number, maxBytes: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let total = 0;
  // destroyOnReturn false: stopping early leaves the request to Node, which discards the rest of
  // the body after the answer instead of cutting the connection before the 413 arrives.
  for await (const piece of body.iterator({ destroyOnReturn: false })) {
    const bytes: Buffer = Buffer.isBuffer(piece) ? piece : Buffer.from(piece);
    total += bytes.length;
    if (total > maxBytes) throw tooLarge(maxBytes);
    pending.push(bytes);
    pendingBytes += bytes.length;
    while (pendingBytes >= size) {
      const all = Buffer.concat(pending, pendingBytes);
      yield all.subarray(0, size);
      pending = [all.subarray(size)];
      pendingBytes -= size;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes);
}

export async function uploadFile(
  db: Database,
  actor: Actor,
  kinds: AttachmentKinds,
  input: UploadInput,
  body: Readable,
  maxBytes: number,
): Promise<FileRow> {
  // Who and where first, then the declared size: a refusal costs no byte of the body.
  await kinds.authorize(db, actor, input.kind, input.recordId, 'attach');
  const name = sanitizeName(input.name);
  if (!name) throw problems.field('querystring.name', 'A file name is required');
  if (input.declaredBytes !== undefined && input.declaredBytes > maxBytes) throw tooLarge(maxBytes);

  const chunks = chunksOf(body, CHUNK_BYTES, maxBytes);
  const first = await chunks.next();
  if (first.done) throw problems.field('body', 'The file is empty');
  const detected = await detectMediaType(first.value, name);
  if (!detected) throw unsupported();

  const id = newId();
  const scope = readScope(db, actor);
  await scope.insert(files, {
    id,
    recordKind: input.kind,
    recordId: input.recordId,
    name,
    mediaType: detected.mediaType,
    uploadedBy: actor.personId,
    uploadedByName: actor.name,
  });
  try {
    const hash = createHash('sha256');
    let size = 0;
    let seq = 0;
    for (let chunk: Buffer | undefined = first.value; chunk; ) {
      // The first chunk passed the text check in detectMediaType already.
      if (seq > 0 && detected.text && !detected.text.push(chunk)) throw unsupported();
      hash.update(chunk);
      size += chunk.length;
      await scope.insert(fileChunks, { fileId: id, seq: seq++, data: chunk });
      const next = await chunks.next();
      chunk = next.done ? undefined : next.value;
    }
    if (detected.text && !detected.text.end()) throw unsupported();
    return await inTenant(db, actor, async (s) => {
      const [row] = await s
        .update(files, { status: 'stored', size, sha256: hash.digest('hex') }, eq(files.id, id))
        .returning();
      await s.audit({ entity: 'file', entityId: id, action: 'upload', after: audited(row!) });
      return row!;
    });
  } catch (error) {
    await discardUpload(db, actor, id);
    throw error;
  }
}

export interface StoreInput {
  kind: string;
  recordId: string;
  name: string;
  bytes: Buffer;
  uploadedBy: string | null;
  uploadedByName: string;
}

export type Refusal = 'empty' | 'too-large' | 'type';

/**
 * Whether bytes at hand may be a file, by the rules of an upload: not empty, not over `maxBytes`,
 * a type from the list told from the bytes (text only when valid UTF-8 without NUL throughout).
 */
export async function vetFile(
  name: string,
  bytes: Buffer,
  maxBytes: number,
): Promise<{ mediaType: string } | { refused: Refusal }> {
  if (bytes.length === 0) return { refused: 'empty' };
  if (bytes.length > maxBytes) return { refused: 'too-large' };
  const first = bytes.subarray(0, CHUNK_BYTES);
  const detected = await detectMediaType(first, name);
  if (!detected) return { refused: 'type' };
  if (detected.text && (!detected.text.push(bytes.subarray(first.length)) || !detected.text.end()))
    return { refused: 'type' };
  return { mediaType: detected.mediaType };
}

/**
 * Stores a file whose bytes are already at hand (an attachment of a received mail, bounded by the
 * mail's own size) in the caller's transaction, with its audit event, so that it exists if and only
 * if the record it comes with does. The checks of an upload (vetFile), the name cleaned. Answers
 * the row, or why it was refused (nothing is then written). The record kind's rules are the
 * caller's: this is for services, not for a request.
 */
export async function storeFile(
  s: TenantScope,
  input: StoreInput,
  maxBytes: number,
): Promise<{ file: FileRow } | { refused: Refusal }> {
  const name = sanitizeName(input.name) || 'bilaga';
  const vetted = await vetFile(name, input.bytes, maxBytes);
  if ('refused' in vetted) return vetted;
  const id = newId();
  const [row] = await s
    .insert(files, {
      id,
      recordKind: input.kind,
      recordId: input.recordId,
      name,
      mediaType: vetted.mediaType,
      size: input.bytes.length,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      status: 'stored',
      uploadedBy: input.uploadedBy,
      uploadedByName: input.uploadedByName,
    })
    .returning();
  for (let seq = 0, at = 0; at < input.bytes.length; seq++, at += CHUNK_BYTES)
    await s.insert(fileChunks, { fileId: id, seq, data: input.bytes.subarray(at, at + CHUNK_BYTES) });
  await s.audit({ entity: 'file', entityId: id, action: 'upload', after: audited(row!) });
  return { file: row! };
}

/** Removes an upload that did not complete: it was never a record, so nothing is archived. */
async function discardUpload(db: Database, actor: Actor, id: string) {
  const scope = readScope(db, actor);
  await db.delete(fileChunks).where(scope.where(fileChunks, eq(fileChunks.fileId, id)));
  await db.delete(files).where(scope.where(files, eq(files.id, id), eq(files.status, 'uploading')));
}

/** What the audit trail keeps of a file: its description, never its bytes. */
function audited(row: FileRow) {
  return {
    name: row.name,
    mediaType: row.mediaType,
    size: row.size,
    sha256: row.sha256,
    recordKind: row.recordKind,
    recordId: row.recordId,
    archivedAt: row.archivedAt,
    archiveReason: row.archiveReason,
  };
}

export interface FileListQuery {
  limit: number;
  cursor?: string;
  includeArchived: boolean;
}

/** The files of a record, newest first, for those who may read it. */
export async function listFiles(
  db: Database,
  actor: Actor,
  kinds: AttachmentKinds,
  kind: string,
  recordId: string,
  query: FileListQuery,
) {
  await kinds.authorize(db, actor, kind, recordId, 'read');
  // Keyset on the id alone: UUIDv7 ids are in upload order, and a timestamp from the database
  // (microseconds) would not survive the trip through a JavaScript Date (milliseconds).
  const [afterId] = (decodeCursor(query.cursor, 1) ?? []) as [string?];
  if (afterId !== undefined && !UUID.test(afterId))
    throw problems.field('querystring.cursor', 'Invalid cursor');
  const scope = readScope(db, actor);
  const rows = await db
    .select()
    .from(files)
    .where(
      scope.where(
        files,
        eq(files.recordKind, kind),
        eq(files.recordId, recordId),
        eq(files.status, 'stored'),
        query.includeArchived ? undefined : isNull(files.archivedAt),
        afterId ? lt(files.id, afterId) : undefined,
      ),
    )
    .orderBy(desc(files.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (row) => [row.id]);
}

/** A stored file of the actor's tenant, or 404 (also for another tenant's id). */
async function storedFile(db: Database, actor: Actor, id: string): Promise<FileRow> {
  const scope = readScope(db, actor);
  const [row] = await db
    .select()
    .from(files)
    .where(scope.where(files, eq(files.id, id), eq(files.status, 'stored')));
  if (!row) throw problems.notFound('file');
  return row;
}

/** One file's description, for those who may read its record. */
export async function getFile(db: Database, actor: Actor, kinds: AttachmentKinds, id: string) {
  const row = await storedFile(db, actor, id);
  await kinds.authorize(db, actor, row.recordKind, row.recordId, 'read');
  return row;
}

/** A file's bytes, read chunk by chunk as the client takes them (archived files stay readable). */
export async function openFile(
  db: Database,
  actor: Actor,
  kinds: AttachmentKinds,
  id: string,
): Promise<{ file: FileRow; stream: Readable }> {
  const file = await getFile(db, actor, kinds, id);
  const scope = readScope(db, actor);
  async function* chunks() {
    for (let seq = 0; ; seq++) {
      const [chunk] = await db
        .select({ data: fileChunks.data })
        .from(fileChunks)
        .where(scope.where(fileChunks, eq(fileChunks.fileId, id), eq(fileChunks.seq, seq)));
      if (!chunk) return;
      yield chunk.data;
    }
  }
  return { file, stream: Readable.from(chunks(), { objectMode: false }) };
}

async function lockFile(s: TenantScope, id: string) {
  const [row] = await s.tx
    .select()
    .from(files)
    .where(s.where(files, eq(files.id, id), eq(files.status, 'stored')))
    .for('update');
  return row;
}

/** Archives a file: kept, readable, left out of lists. Public records are not deleted. */
export async function archiveFile(
  db: Database,
  actor: Actor,
  kinds: AttachmentKinds,
  id: string,
  input: { reason: string; version?: number },
): Promise<FileRow> {
  const current = await storedFile(db, actor, id);
  await kinds.authorize(db, actor, current.recordKind, current.recordId, 'attach');
  return inTenant(db, actor, async (s) => {
    const before = await lockFile(s, id);
    if (!before) throw problems.notFound('file');
    assertVersion(before, input.version ?? before.version, 'file');
    if (before.archivedAt) throw problems.conflict('The file is already archived');
    const [after] = await s
      .update(
        files,
        { archivedAt: new Date(), archiveReason: input.reason, version: before.version + 1 },
        eq(files.id, id),
      )
      .returning();
    await s.audit({
      entity: 'file',
      entityId: id,
      action: 'archive',
      before: audited(before),
      after: audited(after!),
    });
    return after!;
  });
}

/** Brings an archived file back into its record's list. */
export async function restoreFile(
  db: Database,
  actor: Actor,
  kinds: AttachmentKinds,
  id: string,
  input: { version?: number },
): Promise<FileRow> {
  const current = await storedFile(db, actor, id);
  await kinds.authorize(db, actor, current.recordKind, current.recordId, 'attach');
  return inTenant(db, actor, async (s) => {
    const before = await lockFile(s, id);
    if (!before) throw problems.notFound('file');
    assertVersion(before, input.version ?? before.version, 'file');
    if (!before.archivedAt) throw problems.conflict('The file is not archived');
    const [after] = await s
      .update(files, { archivedAt: null, archiveReason: null, version: before.version + 1 }, eq(files.id, id))
      .returning();
    await s.audit({
      entity: 'file',
      entityId: id,
      action: 'restore',
      before: audited(before),
      after: audited(after!),
    });
    return after!;
  });
}

/**
 * Removes uploads left `uploading` by a process that stopped half-way (older than `before`, so
 * none still in progress), in every tenant: maintenance for a periodic job, not a user action.
 */
export async function discardStaleUploads(db: Database, before: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const stale = await tx
      .select({ tenantId: files.tenantId, id: files.id })
      .from(files)
      .where(and(eq(files.status, 'uploading'), lt(files.createdAt, before)))
      .for('update');
    for (const file of stale) {
      await tx
        .delete(fileChunks)
        .where(and(eq(fileChunks.tenantId, file.tenantId), eq(fileChunks.fileId, file.id)));
      await tx.delete(files).where(and(eq(files.tenantId, file.tenantId), eq(files.id, file.id)));
    }
    return stale.length;
  });
}

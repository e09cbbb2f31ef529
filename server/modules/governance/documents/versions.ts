import { and, desc, eq, sql } from 'drizzle-orm';
import {
  DOCUMENT_FILES,
  type VersionCreate,
  versionMediaTypes,
} from '../../../../shared/governance/documents.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { problems } from '../../../platform/errors.ts';
import { files } from '../../../platform/files/schema.ts';
import { lockRow } from '../../../platform/records.ts';
import { inTenant } from '../../../platform/tenancy.ts';
import { documentVersions, governingDocuments } from './schema.ts';
import { getDocument } from './service.ts';

// A document's versions: a file uploaded to the document through the platform's files (PDF or
// DOCX only, told from the bytes by the platform) and a change note, numbered under a lock of the
// document so that two at once get 1 and 2. Only ./versions.ts writes the versions table.

export function addVersion(db: Database, actor: Actor, documentId: string, input: VersionCreate) {
  return inTenant(db, actor, async (s) => {
    const document = await lockRow(s, governingDocuments, documentId);
    if (!document) throw problems.notFound('document');
    if (document.archivedAt) throw problems.conflict('The document is archived; restore it first');
    const [file] = await s.tx
      .select()
      .from(files)
      .where(
        s.where(
          files,
          eq(files.id, input.fileId),
          eq(files.recordKind, DOCUMENT_FILES),
          eq(files.recordId, documentId),
          eq(files.status, 'stored'),
        ),
      );
    if (!file) throw problems.field('body.fileId', 'No such file of the document');
    if (!(versionMediaTypes as readonly string[]).includes(file.mediaType))
      throw problems.field('body.fileId', 'A version is a PDF or a Word (DOCX) file');
    const [last] = await s.tx
      .select({ n: sql<number>`coalesce(max(${documentVersions.number}), 0)::int` })
      .from(documentVersions)
      .where(s.where(documentVersions, eq(documentVersions.documentId, documentId)));
    const [row] = await s
      .insert(documentVersions, {
        documentId,
        number: (last?.n ?? 0) + 1,
        fileId: file.id,
        changeNote: input.changeNote,
        createdBy: actor.personId,
        createdByName: actor.name,
      })
      .returning();
    await s.audit({
      entity: 'governingDocument',
      entityId: documentId,
      action: 'add-version',
      after: { number: row!.number, fileId: file.id, fileName: file.name, changeNote: row!.changeNote },
    });
    return row!;
  });
}

/** The versions of a document the reader may read, newest first, with their files' descriptions. */
export async function listVersions(db: Database, actor: Actor, documentId: string) {
  await getDocument(db, actor, documentId);
  return db
    .select({
      number: documentVersions.number,
      fileId: documentVersions.fileId,
      fileName: files.name,
      mediaType: files.mediaType,
      size: files.size,
      changeNote: documentVersions.changeNote,
      createdByName: documentVersions.createdByName,
      createdAt: documentVersions.createdAt,
    })
    .from(documentVersions)
    .innerJoin(
      files,
      and(eq(files.tenantId, documentVersions.tenantId), eq(files.id, documentVersions.fileId)),
    )
    .where(and(eq(documentVersions.tenantId, actor.tenantId), eq(documentVersions.documentId, documentId)))
    .orderBy(desc(documentVersions.number));
}

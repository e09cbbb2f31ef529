import { Readable } from 'node:stream';
import { and, eq, inArray } from 'drizzle-orm';
import { type Module, RawBody } from '../seam.ts';
import { AttachmentKinds } from './kinds.ts';
import { fileRoutes } from './routes.ts';
import { files } from './schema.ts';
import { uploadFile } from './service.ts';

// Attachments on the seam: the routes serve every kind of record that a module registers in its
// `attachmentKinds`, each with that module's rules for reading and attaching.

/** A small PDF: what the walks upload. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

export const filesModule: Module = {
  name: 'files',
  routes(app, { db, config, seam }) {
    fileRoutes(app, db, config, [...seam.attachmentKinds]);
  },
  auditEntities: [
    {
      entity: 'file',
      async describe(db, tenantId, ids) {
        if (ids.length === 0) return new Map();
        const rows = await db
          .select({ id: files.id, name: files.name, archivedAt: files.archivedAt })
          .from(files)
          .where(and(eq(files.tenantId, tenantId), inArray(files.id, [...ids])));
        // A file has no page of its own: its link downloads it (under the record's read rule).
        return new Map(
          rows.map((r) => [
            r.id,
            { id: r.id, name: r.name, href: `/api/v1/files/${r.id}`, archived: r.archivedAt !== null },
          ]),
        );
      },
    },
  ],
  walk: {
    async seed(db, tenant, seam) {
      // The walks' tenant A has a unit (the directory registers `unit` as a kind with files).
      const file = await uploadFile(
        db,
        tenant.actor,
        new AttachmentKinds(seam.attachmentKinds),
        { kind: 'unit', recordId: tenant.unitId, name: 'Hemlig bilaga A.pdf' },
        Readable.from([PDF]),
        1_000_000,
      );
      return {
        ids: { files: file.id },
        secrets: [file.id, 'Hemlig bilaga A.pdf', file.sha256!],
        params: { kind: 'unit', recordId: tenant.unitId },
      };
    },
    bodies: {
      'POST /api/v1/attachments/{kind}/{recordId}': () =>
        new RawBody('application/octet-stream', PDF, 'name=probe.pdf'),
      'POST /api/v1/files/{id}/archive': () => ({ reason: 'Fel fil', version: 1 }),
      'POST /api/v1/files/{id}/restore': () => ({ version: 1 }),
    },
  },
};

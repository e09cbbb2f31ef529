import { z } from 'zod';
import {
  documentCreate,
  documentListQuery,
  documentUpdate,
  documentVersion,
  governingDocument,
  versionCreate,
} from '../../../../shared/governance/documents.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses, idParams, iso } from '../../../platform/http.ts';
import { recordRoutes } from '../../../platform/record-routes.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { governancePolicy } from '../policy.ts';
import { presentDocument } from './present.ts';
import * as documents from './service.ts';
import { exportDocuments } from './transfer.ts';
import { addVersion, listVersions } from './versions.ts';

// HTTP for governing documents: /api/v1/documents (the seven record routes) and their versions.
// Everyone signed in reads those in force; staff read all; the IT-strateg and admins keep them.

export function documentRoutes(app: App, { db }: ModuleContext) {
  recordRoutes(app, db, {
    tag: 'governance',
    path: '/api/v1/documents',
    noun: 'governing document',
    plural: 'governing documents',
    item: governingDocument,
    listQuery: documentListQuery,
    create: documentCreate,
    update: documentUpdate,
    read: governancePolicy.readDocuments,
    write: governancePolicy.manage,
    present: presentDocument,
    list: documents.listDocuments,
    exportFile: exportDocuments,
    get: documents.getDocument,
    add: async (db, actor, input) =>
      documents.getDocument(db, actor, (await documents.createDocument(db, actor, input)).id),
    change: async (db, actor, id, input) => {
      await documents.updateDocument(db, actor, id, input);
      return documents.getDocument(db, actor, id);
    },
    archive: async (db, actor, id, input) => {
      await documents.archiveDocument(db, actor, id, input);
      return documents.getDocument(db, actor, id);
    },
    restore: async (db, actor, id, version) => {
      await documents.restoreDocument(db, actor, id, version);
      return documents.getDocument(db, actor, id);
    },
  });

  const tags = ['governance'];
  type VersionRow = Awaited<ReturnType<typeof listVersions>>[number];
  const present = (v: VersionRow) => ({ ...v, createdAt: iso(v.createdAt) });

  app.get(
    '/api/v1/documents/:id/versions',
    {
      schema: {
        tags,
        summary: "A document's versions, newest first, each a file with its change note",
        params: idParams,
        response: { 200: z.object({ items: z.array(documentVersion) }), ...errorResponses },
      },
      config: { authorize: governancePolicy.readDocuments },
    },
    async (request) => ({
      items: (await listVersions(db, principalOf(request), request.params.id)).map(present),
    }),
  );

  app.post(
    '/api/v1/documents/:id/versions',
    {
      schema: {
        tags,
        summary: 'Add a version: a PDF or DOCX uploaded to the document, with a change note',
        params: idParams,
        body: versionCreate,
        response: { 201: documentVersion, ...errorResponses },
      },
      config: { authorize: governancePolicy.manage },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const row = await addVersion(db, actor, request.params.id, request.body);
      const added = (await listVersions(db, actor, request.params.id)).find((v) => v.number === row.number)!;
      return reply.code(201).send(present(added));
    },
  );
}

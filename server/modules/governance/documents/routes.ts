import {
  documentCreate,
  documentListQuery,
  documentUpdate,
  governingDocument,
} from '../../../../shared/governance/documents.ts';
import type { App } from '../../../platform/http.ts';
import { recordRoutes } from '../../../platform/record-routes.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { governancePolicy } from '../policy.ts';
import { presentDocument } from './present.ts';
import * as documents from './service.ts';
import { exportDocuments } from './transfer.ts';

// HTTP for governing documents: /api/v1/documents (the seven record routes). Everyone signed in
// reads those in force; staff read all; the IT-strateg and admins keep them.

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
}

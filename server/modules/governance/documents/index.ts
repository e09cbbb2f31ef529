import { and, eq } from 'drizzle-orm';
import { DOCUMENT_FILES } from '../../../../shared/governance/documents.ts';
import { isStaff } from '../../../platform/authz.ts';
import { storeFile } from '../../../platform/files/service.ts';
import type { ModulePart } from '../../../platform/module-parts.ts';
import { inTenant } from '../../../platform/tenancy.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { governancePolicy } from '../policy.ts';
import { loadDocumentsDemo } from './demo.ts';
import { documentReviewReminder, reviewSweepJob } from './reminders.ts';
import { documentRoutes } from './routes.ts';
import { governingDocuments } from './schema.ts';
import * as documents from './service.ts';

// Governing documents on the seam: their routes, the documents in the global search, the audit
// trail's names (also what decisions link to as `governingDocument`), the owner's review reminder
// and its nightly sweep, the owner's documents due for review on the start page, the demo's documents and the walks.

export const documentsPart: ModulePart = {
  name: 'documents',
  routes: documentRoutes,
  demo: loadDocumentsDemo,
  notificationKinds: [documentReviewReminder],
  jobs: [reviewSweepJob],
  agendaSources: [
    { kind: 'governingDocument', waiting: documents.documentsDueFor, describe: documents.documentRefs },
  ],
  attachmentKinds: [
    {
      kind: DOCUMENT_FILES,
      async exists(db, actor, recordId) {
        const [row] = await db
          .select({ id: governingDocuments.id })
          .from(governingDocuments)
          .where(and(eq(governingDocuments.tenantId, actor.tenantId), eq(governingDocuments.id, recordId)));
        return !!row;
      },
      // Staff read every document's files; everyone signed in those of a document in force.
      async canRead(db, actor, recordId) {
        if (isStaff(actor)) return true;
        const [row] = await db
          .select({ status: governingDocuments.status })
          .from(governingDocuments)
          .where(and(eq(governingDocuments.tenantId, actor.tenantId), eq(governingDocuments.id, recordId)));
        return row?.status === 'inForce';
      },
      canAttach: (_db, actor) => governancePolicy.manage(actor),
    },
  ],
  search: [
    {
      section: 'documents',
      async search(db, actor, term, limit) {
        const page = await documents.listDocuments(db, actor, {
          search: term,
          limit,
          includeArchived: false,
          overdue: false,
        });
        return page.items.map((d) => ({
          id: d.id,
          title: d.title,
          detail: d.ownerName,
          href: `/governance/documents/${d.id}`,
        }));
      },
    },
  ],
  startItems: [
    {
      section: 'documents',
      // The reader's own documents in force whose review is due within 90 days or overdue.
      async items(db, actor) {
        if (!actor.personId) return [];
        const page = await documents.listDocuments(db, actor, {
          ownerId: actor.personId,
          limit: 50,
          includeArchived: false,
          overdue: false,
        });
        const until = new Date(Date.parse(`${todayInStockholm()}T12:00:00Z`) + 90 * 86_400_000)
          .toISOString()
          .slice(0, 10);
        return page.items
          .filter(
            (d) =>
              (d.status === 'inForce' || d.status === 'underRevision') &&
              d.nextReviewOn &&
              d.nextReviewOn <= until,
          )
          .map((d) => ({
            section: 'documents',
            id: d.id,
            title: d.title,
            detail: `Revideras senast ${d.nextReviewOn}`,
            href: `/governance/documents/${d.id}`,
            due: d.nextReviewOn,
          }));
      },
    },
  ],
  auditEntities: [
    {
      entity: 'governingDocument',
      describe: documents.documentRefs,
      canReadHistory: (actor) => governancePolicy.readHistory(actor),
    },
  ],
  walk: {
    async seed(db, tenant, _seam, made) {
      const row = await documents.createDocument(db, tenant.actor, {
        kind: 'policy',
        title: 'Hemlig policy',
        description: 'Hemlig beskrivning',
        ownerId: tenant.adminId,
        adoptedById: made.decisions ?? null,
        status: 'draft',
        reviewIntervalMonths: 12,
      });
      const stored = await inTenant(db, tenant.actor, (s) =>
        storeFile(
          s,
          {
            kind: DOCUMENT_FILES,
            recordId: row.id,
            name: 'hemlig-policy.pdf',
            bytes: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
            uploadedBy: tenant.adminId,
            uploadedByName: 'Ada',
          },
          1_000_000,
        ),
      );
      if (!('file' in stored)) throw new Error(`The walk's PDF was refused: ${stored.refused}`);
      return {
        ids: { documents: row.id, documentFiles: stored.file.id },
        secrets: [row.id, 'Hemlig policy', 'Hemlig beskrivning', stored.file.id, 'hemlig-policy.pdf'],
      };
    },
    bodies: {
      'POST /api/v1/documents': (ids) => ({
        kind: 'guideline',
        title: 'Riktlinjer för IT-användning',
        description: 'Vägledande riktlinjer',
        ownerId: ids.people,
        adoptedById: ids.decisions,
        validFrom: '2026-01-01',
        validTo: '2028-12-31',
        reviewIntervalMonths: 24,
        reviewReminderDays: 60,
        status: 'inForce',
        parentId: ids.documents,
      }),
      'PATCH /api/v1/documents/{id}': () => ({ version: 1, status: 'underRevision' }),
      'POST /api/v1/documents/{id}/archive': () => ({ version: 1, reason: 'Ersatt' }),
      'POST /api/v1/documents/{id}/restore': () => ({ version: 1 }),
      'POST /api/v1/documents/{id}/versions': (ids) => ({
        fileId: ids.documentFiles,
        changeNote: 'Första versionen',
      }),
    },
  },
};

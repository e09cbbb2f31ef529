import { z } from 'zod';
import type {
  DocumentKind,
  DocumentListQuery,
  DocumentStatus,
} from '../../../../shared/governance/documents.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { everyPage } from '../../../platform/directory/transfer.ts';
import { column, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { listDocuments } from './service.ts';

// The list of governing documents as CSV or XLSX through the platform's engine (formula safe).

const text = z.string();

export const documentKindNames: Record<DocumentKind, string> = {
  policy: 'Policy',
  strategy: 'Strategi',
  plan: 'Plan',
  guideline: 'Riktlinje',
  instruction: 'Tillämpningsanvisning',
  routine: 'Rutin',
};

export const documentStatusNames: Record<DocumentStatus, string> = {
  draft: 'Utkast',
  inForce: 'Gällande',
  underRevision: 'Under revidering',
  revoked: 'Upphävd',
};

const documentColumns = [
  column({ key: 'title', sv: 'titel', en: 'title', required: true, parse: text }),
  column({ key: 'kind', sv: 'typ', en: 'kind', parse: text }),
  column({ key: 'status', sv: 'status', en: 'status', parse: text }),
  column({ key: 'owner', sv: 'ägare', en: 'owner', parse: text }),
  column({ key: 'adoptedBy', sv: 'beslutad', en: 'adopted by', parse: text }),
  column({ key: 'validFrom', sv: 'gäller från', en: 'valid from', parse: text }),
  column({ key: 'validTo', sv: 'gäller till', en: 'valid to', parse: text }),
  column({ key: 'nextReviewOn', sv: 'nästa revidering', en: 'next review', parse: text }),
  column({ key: 'parent', sv: 'under', en: 'under', parse: text }),
] as const;

export async function exportDocuments(
  db: Database,
  actor: Actor,
  query: Omit<DocumentListQuery, 'limit' | 'cursor'>,
  format: ExportFormat,
) {
  const rows = await everyPage((cursor) => listDocuments(db, actor, { ...query, limit: 200, cursor }));
  const records = rows.map((d) => ({
    title: d.title,
    kind: documentKindNames[d.kind as DocumentKind],
    status: documentStatusNames[d.status as DocumentStatus],
    owner: d.ownerName ?? '',
    adoptedBy: d.adoptedByName ?? '',
    validFrom: d.validFrom ?? '',
    validTo: d.validTo ?? '',
    nextReviewOn: d.nextReviewOn ?? '',
    parent: d.parentTitle ?? '',
  }));
  return exportFile(
    { columns: documentColumns, filename: 'styrdokument', sheetName: 'Styrdokument' },
    records,
    format,
  );
}

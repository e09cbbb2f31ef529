import { z } from 'zod';
import type { DecisionListQuery, DecisionStatus } from '../../../../shared/governance/decisions.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { everyPage } from '../../../platform/directory/transfer.ts';
import { column, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { type LinkChecker, listDecisions } from './service.ts';

// The decision log as CSV (for the diarium) or XLSX through the platform's engine (formula safe:
// a decision's text beginning with = or + is written as text), with the log's filters and search.

const text = z.string();

/** The status as a Swedish word in the file; the web app translates it itself. */
export const statusNames: Record<DecisionStatus, string> = {
  notStarted: 'Ej påbörjat',
  inProgress: 'Pågår',
  completed: 'Genomfört',
  revoked: 'Upphävt',
};

const decisionColumns = [
  column({ key: 'decidedOn', sv: 'datum', en: 'date', required: true, parse: text }),
  column({ key: 'body', sv: 'organ', en: 'body', required: true, parse: text }),
  column({ key: 'paragraph', sv: 'paragraf', en: 'paragraph', required: true, parse: text }),
  column({ key: 'registrationNumber', sv: 'diarienummer', en: 'registration number', parse: text }),
  column({ key: 'title', sv: 'ärende', en: 'subject', parse: text }),
  column({ key: 'text', sv: 'beslut', en: 'decision', parse: text }),
  column({ key: 'status', sv: 'status', en: 'status', parse: text }),
  column({ key: 'responsible', sv: 'ansvarig', en: 'responsible', parse: text }),
  column({ key: 'followUpOn', sv: 'uppföljning', en: 'follow-up', parse: text }),
] as const;

export async function exportDecisions(
  db: Database,
  actor: Actor,
  query: Omit<DecisionListQuery, 'limit' | 'cursor'>,
  format: ExportFormat,
  seam?: LinkChecker,
) {
  const rows = await everyPage((cursor) => listDecisions(db, actor, { ...query, limit: 200, cursor }, seam));
  const records = rows.map((d) => ({
    decidedOn: d.decidedOn,
    body: d.forumName ?? d.body ?? '',
    paragraph: `§ ${d.paragraph}`,
    registrationNumber: d.registrationNumber ?? '',
    title: d.title ?? '',
    text: d.text,
    status: statusNames[d.status as DecisionStatus],
    responsible: d.responsibleName ?? '',
    followUpOn: d.followUpOn ?? '',
  }));
  return exportFile(
    { columns: decisionColumns, filename: 'beslutslogg', sheetName: 'Beslut' },
    records,
    format,
  );
}

import { z } from 'zod';
import type { ClassificationListQuery } from '../../../../shared/registry/classification.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { column, type ExportFile, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { presentClassification } from './present.ts';
import { listClassifications, today } from './service.ts';

// Export of classifications as CSV or XLSX, with the list's filters. Each row goes through
// presentClassification, so a reader who may not read a system's levels gets those cells blank:
// an export never carries more than the list shows.

const text = z.string();
const level = z.coerce.number().int().min(0).max(4);

export const classificationColumns = [
  column({ key: 'systemName', sv: 'system', en: 'system', required: true, parse: text }),
  column({ key: 'informationSet', sv: 'informationsmängd', en: 'information set', parse: text }),
  column({ key: 'confidentiality', sv: 'konfidentialitet', en: 'confidentiality', parse: level }),
  column({ key: 'integrity', sv: 'riktighet', en: 'integrity', parse: level }),
  column({ key: 'availability', sv: 'tillgänglighet', en: 'availability', parse: level }),
  column({ key: 'traceability', sv: 'spårbarhet', en: 'traceability', parse: level }),
  column({ key: 'motivation', sv: 'motivering', en: 'motivation', parse: text }),
  column({ key: 'scaleVersion', sv: 'skalversion', en: 'scale version', parse: z.coerce.number().int() }),
  column({ key: 'classifiedByName', sv: 'klassad av', en: 'classified by', parse: text }),
  column({ key: 'classifiedOn', sv: 'klassad', en: 'classified on', parse: text }),
  column({ key: 'nextReviewOn', sv: 'nästa översyn', en: 'next review', parse: text }),
] as const;

const PAGE = 1000;

export async function exportClassifications(
  db: Database,
  actor: Actor,
  query: Omit<ClassificationListQuery, 'limit' | 'cursor'>,
  format: ExportFormat,
): Promise<ExportFile> {
  const on = today();
  const records = [];
  let cursor: string | undefined;
  do {
    const page = await listClassifications(db, actor, { ...query, limit: PAGE, cursor });
    records.push(...page.items.map((row) => presentClassification(row, actor, on)));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return exportFile(
    { columns: classificationColumns, filename: 'informationsklassning', sheetName: 'Informationsklassning' },
    records,
    format,
  );
}

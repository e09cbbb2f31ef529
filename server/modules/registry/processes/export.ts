import { z } from 'zod';
import type { ProcessLevel } from '../../../../shared/registry/processes.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { column, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { processTree } from './service.ts';

// The process tree as CSV or XLSX (through the platform's engine: formula-safe CSV, text cells in
// XLSX), in code order, each node with the code of its parent, so the file reads as the tree.

export const levelLabels: Record<ProcessLevel, string> = {
  activityType: 'verksamhetstyp',
  area: 'verksamhetsområde',
  group: 'processgrupp',
  process: 'process',
};

const text = z.string();

export const processColumns = [
  column({ key: 'code', sv: 'kod', en: 'code', required: true, parse: text }),
  column({
    key: 'level',
    sv: 'nivå',
    en: 'level',
    required: true,
    parse: text,
    format: (v: string) => levelLabels[v as ProcessLevel] ?? v,
  }),
  column({ key: 'name', sv: 'namn', en: 'name', required: true, parse: text }),
  column({ key: 'parent', sv: 'överordnad', en: 'parent', parse: text }),
  column({ key: 'description', sv: 'beskrivning', en: 'description', parse: text }),
  column({ key: 'systems', sv: 'antal system', en: 'systems', parse: text }),
  column({ key: 'recordTypes', sv: 'antal handlingstyper', en: 'record types', parse: text }),
  column({ key: 'archived', sv: 'arkiverad', en: 'archived', parse: text }),
] as const;

export async function exportProcesses(
  db: Database,
  actor: Actor,
  includeArchived: boolean,
  format: ExportFormat,
) {
  const rows = await processTree(db, actor, includeArchived);
  const codes = new Map(rows.map((r) => [r.id, r.code]));
  return exportFile(
    { columns: processColumns, filename: 'processer', sheetName: 'Processer' },
    rows.map((r) => ({
      code: r.code,
      level: r.level,
      name: r.name,
      parent: r.parentId ? (codes.get(r.parentId) ?? null) : null,
      description: r.description,
      systems: String(r.systemCount),
      recordTypes: String(r.recordTypeCount),
      archived: r.archivedAt ? 'ja' : 'nej',
    })),
    format,
  );
}

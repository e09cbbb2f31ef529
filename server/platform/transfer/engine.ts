import type { Database } from '../../db/client.ts';
import type { Actor } from '../context.ts';
import { inTenant, type TenantScope } from '../tenancy.ts';
import { type AnyColumn, exportCells, exportHeader, type ImportRow, readRows } from './columns.ts';
import { CSV_TYPE, writeCsv } from './csv.ts';
import { ImportErrors } from './errors.ts';
import type { Plan } from './plan.ts';
import { DEFAULT_LIMITS, excel, type ReadLimits, readSheet } from './sheet.ts';

// The import/export engine. A record type declares its columns, how to load what a file is matched
// against, a pure planner and the writer of a plan; the engine does the rest:
//   read the file (CSV or XLSX) → parse every cell → plan against the tenant's records
//   → refuse with every error, or write the whole plan in one transaction (or only count, dry run).

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ImportOptions {
  dryRun: boolean;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: a plan of any record type
export type AnyPlan = Plan<any, any>;

export interface RecordType<Cs extends readonly AnyColumn[], Context, P extends AnyPlan> {
  columns: Cs;
  /** What the rows are matched against, read in the import's transaction. */
  load: (s: TenantScope, actor: Actor) => Promise<Context>;
  /** Pure: the plan of the rows, every problem added to `errors`. */
  plan: (rows: ImportRow<Cs>[], context: Context, errors: ImportErrors, actor: Actor) => P;
  /** Writes the plan through the record type's service, in the given transaction. */
  apply: (s: TenantScope, plan: P) => Promise<void>;
  limits?: Partial<ReadLimits>;
}

/** Imports a file, all or nothing; answers the counts and the plan (written unless a dry run). */
export async function runImport<Cs extends readonly AnyColumn[], Context, P extends AnyPlan>(
  db: Database,
  actor: Actor,
  type: RecordType<Cs, Context, P>,
  file: Buffer,
  options: ImportOptions,
): Promise<{ result: ImportResult; plan: P }> {
  const sheet = await readSheet(file, { ...DEFAULT_LIMITS, ...type.limits });
  const errors = new ImportErrors();
  const rows = readRows(sheet, type.columns, errors);
  return inTenant(db, actor, async (s) => {
    const plan = type.plan(rows, await type.load(s, actor), errors, actor);
    errors.throwIfAny();
    if (!options.dryRun) await type.apply(s, plan);
    return {
      plan,
      result: {
        created: plan.creates.length,
        updated: plan.updates.length,
        unchanged: plan.unchanged,
        dryRun: options.dryRun,
      },
    };
  });
}

// ---------------------------------------------------------------- export

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

export interface ExportSpec<Cs extends readonly AnyColumn[]> {
  columns: Cs;
  /** File name before the date: "enheter". */
  filename: string;
  /** Worksheet name of XLSX: "Enheter". */
  sheetName: string;
}

/** Today in Stockholm, as file names carry it. */
function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

/** Records as a file with the columns an import of the same type accepts. */
export async function exportFile<Cs extends readonly AnyColumn[]>(
  spec: ExportSpec<Cs>,
  records: readonly { [K in Cs[number]['key']]?: unknown }[],
  format: ExportFormat,
): Promise<ExportFile> {
  const header = exportHeader(spec.columns);
  const rows = records.map((r) => exportCells(spec.columns, r));
  const filename = `${spec.filename}-${today()}.${format}`;
  if (format === 'csv')
    return { filename, contentType: `${CSV_TYPE}; charset=utf-8`, body: writeCsv(header, rows) };
  const numbers = spec.columns.map((c) => c.xlsxNumber);
  return { filename, contentType: XLSX_TYPE, body: await writeXlsx(spec.sheetName, header, rows, numbers) };
}

/** A cell of a number column as a number: decimal comma or point; anything else stays text. */
function numberCell(text: string): number | string | null {
  if (text === '') return null;
  const value = Number(text.replace(',', '.'));
  return /^-?\d+([.,]\d+)?$/.test(text) && Number.isFinite(value) ? value : text;
}

/**
 * A workbook of text cells. Every value is written as a text cell, so that cost centres such as
 * 0410 keep their zeros, and a text cell is never run as a formula: no apostrophe is needed here.
 * The columns that declare `xlsxNumber` (figures, not codes) are number cells in that format.
 */
export async function writeXlsx(
  sheetName: string,
  header: string[],
  rows: string[][],
  numberFormats: readonly (string | undefined)[] = [],
): Promise<Buffer> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Styrbord';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((h, i) => ({
    header: h,
    width: Math.min(60, Math.max(h.length, ...rows.slice(0, 1000).map((r) => r[i]!.length)) + 2),
  }));
  sheet.getRow(1).font = { bold: true };
  const numeric = header.map((_, i) => numberFormats[i] !== undefined);
  for (const row of rows) {
    const added = sheet.addRow(row.map((text, i) => (numeric[i] ? numberCell(text) : text)));
    row.forEach((_, i) => {
      if (numeric[i]) added.getCell(i + 1).numFmt = numberFormats[i]!;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

import { problems } from '../errors.ts';
import { decodeText, readCsvRows } from './csv.ts';
import { fileProblem } from './errors.ts';
import { checkUnpackedSize } from './zip.ts';

// A file as rows of text cells, whatever its format: the first non-empty row is the header.

export interface SheetRow {
  /** The line of the file (CSV) or the row of the worksheet (XLSX); the header is line 1. */
  line: number;
  cells: string[];
}

export interface Sheet {
  format: 'csv' | 'xlsx';
  headerLine: number;
  header: string[];
  rows: SheetRow[];
}

export interface ReadLimits {
  /** Data rows, the header not counted. */
  maxRows: number;
  /** What an XLSX file may unpack to, all its parts together. */
  maxUnpackedBytes: number;
}

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const DEFAULT_LIMITS: ReadLimits = { maxRows: 50_000, maxUnpackedBytes: 100 * 1024 * 1024 };

/** exceljs takes a few hundred ms to load: only XLSX imports and exports pay for it, not every start. */
export async function excel() {
  return (await import('exceljs')).default;
}

/** Reads a CSV or XLSX file, told apart by its bytes rather than by what the browser claims. */
export async function readSheet(bytes: Buffer, limits: ReadLimits = DEFAULT_LIMITS): Promise<Sheet> {
  if (bytes.length === 0) throw fileProblem('The file is empty');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return readXlsx(bytes, limits);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw fileProblem('The old Excel format (.xls) is not supported; save the file as .xlsx or CSV');
  }
  return toSheet('csv', readCsvRows(decodeText(bytes), limits.maxRows), limits);
}

async function readXlsx(bytes: Buffer, limits: ReadLimits): Promise<Sheet> {
  await checkUnpackedSize(bytes, limits.maxUnpackedBytes);
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw fileProblem('The file cannot be read as an XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw fileProblem('The workbook has no worksheet');
  if (sheet.actualRowCount > limits.maxRows + 1)
    throw fileProblem(`The file has more than ${limits.maxRows} rows`);
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    // cell.text is what Excel shows: the result of a formula, the text of a link, rich text joined.
    // No apostrophe is taken off: a text cell of a workbook is never run as a formula.
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text ?? '');
    rows.push({ line: rowNumber, cells });
  });
  if (rows[0] && rows[0].line !== 1)
    throw problems.validation([{ path: 'line 1', message: 'The first row must hold the column headers' }]);
  return toSheet('xlsx', rows, limits);
}

function toSheet(format: Sheet['format'], all: SheetRow[], limits: ReadLimits): Sheet {
  const rows = all.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [header, ...data] = rows;
  if (!header) throw fileProblem('The file has no rows');
  if (data.length > limits.maxRows) throw fileProblem(`The file has more than ${limits.maxRows} rows`);
  return { format, headerLine: header.line, header: header.cells, rows: data };
}

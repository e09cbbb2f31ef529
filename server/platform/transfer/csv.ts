import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { problems } from '../errors.ts';
import { fileProblem } from './errors.ts';
import type { SheetRow } from './sheet.ts';

// CSV in and out: the lists HR and finance systems export, and what Swedish Excel opens.

export const CSV_TYPE = 'text/csv';

/**
 * Text of a CSV file: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text"), and
 * otherwise Windows-1252, which is what Swedish Excel and older HR systems write when the bytes
 * are not valid UTF-8 (Latin-1 is a subset for every printable character).
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** `;` (Swedish Excel), `,` or tab: whichever the header line holds most of, outside quotes. */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (counts[';']! + counts[',']! + counts['\t']! > 0) break;
    } else if (!quoted && c in counts) counts[c]!++;
  }
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] === 0 ? ';' : counts[';'] === best[1] ? ';' : best[0];
}

// Exports guard against formula injection (OWASP "CSV injection") by putting an apostrophe before
// a text that a spreadsheet would run as a formula; imports take it off again, so the round trip
// is exact. Every CSV or XLSX the product writes for people to open goes through formulaSafe.
const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell text with a leading apostrophe when it begins with = + - @ tab or CR. */
export function formulaSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of formulaSafe, for imports: an apostrophe before a formula start is taken off. */
export function unFormulaSafe(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** Rows of a CSV text, each with the line of the file it starts on; at most `maxRows` + 2 read. */
export function readCsvRows(text: string, maxRows: number): SheetRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      delimiter: detectDelimiter(text),
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      // Header, the row cap and one more: reaching it means the file is too long.
      to: maxRows + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const e = error as { code?: string; message?: string; lines?: number };
    // An unclosed quote is only noticed at the end of the file, so no line can be named for it.
    if (e.code === 'CSV_QUOTE_NOT_CLOSED')
      throw fileProblem('A quoted field is never closed: a " is missing');
    const message = `The CSV file cannot be read: ${e.message ?? 'unknown error'}`;
    throw problems.validation([{ path: e.lines ? `line ${e.lines}` : 'file', message }], message);
  }
  if (records.length >= maxRows + 2) throw fileProblem(`The file has more than ${maxRows} rows`);
  return records.map(({ record, info }) => {
    // info.lines is where the record ends; a quoted field may span lines, so count back.
    const breaks = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    return { line: info.lines - breaks, cells: record.map(unFormulaSafe) };
  });
}

const PLAIN_NUMBER = /^-?\d+([.,]\d+)?$/;

export interface CsvOptions {
  /** The field separator; a semicolon by default. */
  delimiter?: string;
  /**
   * Columns of signed figures that a finance system reads: a cell that is a plain number there
   * ("-1234,50") is written as it is, since an apostrophe would make the import refuse the
   * amount, and a bare number runs nothing. Any other text in them is still made formula-safe.
   */
  numeric?: readonly boolean[];
}

/** Semicolons, CRLF and a BOM: what Swedish Excel opens without an import dialog. Formula-safe. */
export function writeCsv(header: string[], rows: string[][], options: CsvOptions = {}): Buffer {
  const cell = (text: string, i: number) =>
    options.numeric?.[i] && PLAIN_NUMBER.test(text) ? text : formulaSafe(text);
  const text = stringifyCsv([header.map(formulaSafe), ...rows.map((r) => r.map(cell))], {
    delimiter: options.delimiter ?? ';',
    bom: true,
    record_delimiter: 'windows',
  });
  return Buffer.from(text, 'utf8');
}

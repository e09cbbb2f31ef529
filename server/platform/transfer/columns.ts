import type { z } from 'zod';
import type { ImportErrors } from './errors.ts';
import type { Sheet, SheetRow } from './sheet.ts';

// The columns of a record type: one declaration serves import (header matching, cell parsing) and
// export (headers, cell text), so that an export imports again unchanged.

export interface Column<K extends string = string, V = unknown> {
  /** The field the column fills, as the API names it. */
  key: K;
  /** Header of exports and of the UI (Swedish). */
  sv: string;
  /** English header, accepted on import. */
  en: string;
  /** Other accepted headers (what HR and finance systems call the column). */
  aliases?: readonly string[];
  /** A file without the column is refused; an empty cell is an error. */
  required?: boolean;
  /**
   * Parses the trimmed cell text. An empty cell of an optional column is null (clear the field)
   * without asking the schema; a column the file lacks leaves the field undefined (keep as is).
   */
  parse: z.ZodType<V>;
  /** The cell text of an exported value; by default the value as text, null as empty. */
  format?: (value: V) => string;
  /**
   * In a workbook the column's cells are numbers, shown in this Excel number format ('0', '0.0'):
   * the cell text read as a number (a decimal comma too), an empty cell left empty. CSV keeps the text.
   */
  xlsxNumber?: string;
}

/** Declares a column, keeping the type its parser produces. */
export function column<K extends string, V>(c: Column<K, V>): Column<K, V> {
  return c;
}

// biome-ignore lint/suspicious/noExplicitAny: any column, whatever its value type
export type AnyColumn = Column<string, any>;

/** The values of an imported row: each key present when the file has the column. */
export type ValuesOf<Cs extends readonly AnyColumn[]> = {
  [C in Cs[number] as C['key']]?: C extends Column<string, infer V>
    ? C['required'] extends true
      ? V
      : V | null
    : never;
};

export interface ImportRow<Cs extends readonly AnyColumn[]> {
  line: number;
  /** False when any cell of the row is bad (its errors are already reported). */
  ok: boolean;
  /** Parsed values of the good cells. */
  values: ValuesOf<Cs>;
  /** The trimmed text of every cell the file has, bad ones too: rows are still known by it. */
  text: { [K in Cs[number]['key']]?: string };
}

/**
 * Case, spaces, hyphens, underscores, dots and diacritics do not matter: "E-post" = "epost",
 * "costCentre" = "cost centre", "Overordnad" = "överordnad".
 */
export function normalizeHeader(s: string): string {
  return s
    .trim()
    .toLocaleLowerCase('sv-SE')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\s_.-]+/g, '');
}

/** The header of each column in exports, in declaration order. */
export function exportHeader(columns: readonly AnyColumn[]): string[] {
  return columns.map((c) => c.sv);
}

/**
 * Column index of each key. Unknown, repeated and missing required columns are errors, and so are
 * cells under no header. Throws at once when a required column is missing: no row can be read.
 */
export function mapColumns(
  sheet: Sheet,
  columns: readonly AnyColumn[],
  errors: ImportErrors,
): Map<string, number> {
  const byName = new Map<string, AnyColumn>();
  for (const c of columns)
    for (const name of [c.sv, c.en, c.key, ...(c.aliases ?? [])]) byName.set(normalizeHeader(name), c);
  const found = new Map<string, number>();
  const line = sheet.headerLine;
  sheet.header.forEach((raw, index) => {
    const name = raw.trim();
    if (name === '') {
      const used = sheet.rows.some((r) => (r.cells[index] ?? '').trim() !== '');
      if (used) errors.add(line, `column ${index + 1}`, 'The column has values but no header');
      return;
    }
    const c = byName.get(normalizeHeader(name));
    if (!c) {
      errors.add(line, name, `Unknown column; the columns are ${columns.map((x) => x.sv).join(', ')}`);
      return;
    }
    const before = found.get(c.key);
    if (before !== undefined) {
      errors.add(line, name, `The column ${c.sv} is given twice (also column ${before + 1})`);
      return;
    }
    found.set(c.key, index);
  });
  let missing = false;
  for (const c of columns) {
    if (c.required && !found.has(c.key)) {
      errors.add(line, c.key, `Missing column ${c.sv} (${c.en})`);
      missing = true;
    }
  }
  // Cells to the right of the last header hold data nobody can name.
  for (const row of sheet.rows) {
    if (row.cells.slice(sheet.header.length).some((c) => c.trim() !== '')) {
      errors.add(row.line, null, 'The row has more cells than there are columns');
    }
  }
  if (missing) errors.throwIfAny();
  return found;
}

/** Every data row of the sheet, each cell parsed by its column; bad cells are reported. */
export function readRows<const Cs extends readonly AnyColumn[]>(
  sheet: Sheet,
  columns: Cs,
  errors: ImportErrors,
): ImportRow<Cs>[] {
  const found = mapColumns(sheet, columns, errors);
  const present = columns.filter((c) => found.has(c.key));
  return sheet.rows.map((row) => readRow(row, present, found, errors) as ImportRow<Cs>);
}

function readRow(
  row: SheetRow,
  columns: readonly AnyColumn[],
  found: Map<string, number>,
  errors: ImportErrors,
): ImportRow<readonly AnyColumn[]> {
  const values: Record<string, unknown> = {};
  const text: Record<string, string> = {};
  let ok = true;
  for (const c of columns) {
    const cell = (row.cells[found.get(c.key)!] ?? '').trim();
    text[c.key] = cell;
    if (cell === '') {
      if (c.required) {
        errors.add(row.line, c.key, 'Required');
        ok = false;
      } else values[c.key] = null;
      continue;
    }
    const parsed = c.parse.safeParse(cell);
    if (parsed.success) values[c.key] = parsed.data;
    else {
      ok = false;
      // One message per cell: the first issue says what is wrong.
      errors.add(row.line, c.key, parsed.error.issues[0]?.message ?? 'Invalid');
    }
  }
  return { line: row.line, ok, values, text };
}

/** The cells of one exported record, in column order. */
export function exportCells<R>(columns: readonly AnyColumn[], record: R): string[] {
  return columns.map((c) => {
    const value = (record as Record<string, unknown>)[c.key];
    if (value === null || value === undefined) return '';
    return c.format ? c.format(value) : String(value);
  });
}

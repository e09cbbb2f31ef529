import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import type { z } from 'zod';
import {
  personCreate,
  type personListQuery,
  type UnitKind,
  unitCreate,
  type unitListQuery,
} from '../../../shared/directory.ts';
import { line as oneLine } from '../../../shared/text.ts';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../context.ts';
import { escapeFormula, unescapeFormula } from '../csv-safe.ts';
import { type FieldError, problems } from '../errors.ts';
import { newId } from '../ids.ts';
import { inTenant } from '../tenancy.ts';
import {
  allPeople,
  allUnits,
  type PersonPlan,
  type PersonValues,
  type UnitPlan,
  type UnitValues,
  writePersonPlan,
  writeUnitPlan,
} from './import-service.ts';
import { listPeople, listUnits, type PersonRow, type UnitRow } from './service.ts';

// Import and export of units and people as CSV or XLSX: the lists an HR system (Heroma and the
// like) exports, and the same lists back out, so an export can be edited in Excel and re-imported.
//
// An import is: read the file → check every row → plan against the tenant's current rows → write
// the plan in one transaction. Any error anywhere stops it before the first write, and the answer
// lists every bad row by its line in the file (DESIGN.md "Data integrity").

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 50_000;
export const MAX_ERRORS = 1000;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv';

export interface ImportOptions {
  dryRun: boolean;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
}

// ---------------------------------------------------------------- errors

/** Every problem found in a file; answered in line order, the first MAX_ERRORS of them. */
export class ImportErrors {
  private readonly found: { line: number; error: FieldError }[] = [];

  get total(): number {
    return this.found.length;
  }

  add(line: number | null, field: string | null, message: string) {
    const where = line === null ? 'file' : `line ${line}`;
    this.found.push({ line: line ?? 0, error: { path: field ? `${where}.${field}` : where, message } });
  }

  throwIfAny() {
    const total = this.found.length;
    if (total === 0) return;
    // Stable: errors of one line stay in column order.
    const items = this.found
      .slice()
      .sort((a, b) => a.line - b.line)
      .slice(0, MAX_ERRORS)
      .map((f) => f.error);
    const detail =
      total > items.length
        ? `${total} errors in the file; the first ${items.length} are listed. Nothing was imported.`
        : `${total} ${total === 1 ? 'error' : 'errors'} in the file. Nothing was imported.`;
    throw problems.validation(items, detail);
  }
}

const fileProblem = (message: string) => problems.validation([{ path: 'file', message }], message);

// ---------------------------------------------------------------- reading files

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

/** Reads a CSV or XLSX file, told apart by its bytes rather than by what the browser claims. */
export async function readSheet(bytes: Buffer): Promise<Sheet> {
  if (bytes.length === 0) throw fileProblem('The file is empty');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return readXlsx(bytes);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw fileProblem('The old Excel format (.xls) is not supported; save the file as .xlsx or CSV');
  }
  return readCsv(decodeText(bytes));
}

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

function readCsv(text: string): Sheet {
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
      to: MAX_ROWS + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const e = error as { code?: string; message?: string; lines?: number };
    // An unclosed quote is only noticed at the end of the file, so no line can be named for it.
    if (e.code === 'CSV_QUOTE_NOT_CLOSED')
      throw fileProblem('A quoted field is never closed: a " is missing');
    const message = `The CSV file cannot be read: ${e.message ?? 'unknown error'}`;
    throw problems.validation([{ path: e.lines ? `line ${e.lines}` : 'file', message }], message);
  }
  if (records.length >= MAX_ROWS + 2) throw fileProblem(`The file has more than ${MAX_ROWS} rows`);
  const rows: SheetRow[] = [];
  for (const { record, info } of records) {
    // info.lines is where the record ends; a quoted field may span lines, so count back.
    const breaks = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    rows.push({ line: info.lines - breaks, cells: record.map(unescapeFormula) });
  }
  return toSheet('csv', rows);
}

/** exceljs takes a few hundred ms to load: only XLSX imports and exports pay for it, not every start. */
async function excel() {
  return (await import('exceljs')).default;
}

async function readXlsx(bytes: Buffer): Promise<Sheet> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw fileProblem('The file cannot be read as an XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw fileProblem('The workbook has no worksheet');
  if (sheet.actualRowCount > MAX_ROWS + 1) throw fileProblem(`The file has more than ${MAX_ROWS} rows`);
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    // cell.text is what Excel shows: the result of a formula, the text of a link, rich text joined.
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text ?? '');
    rows.push({ line: rowNumber, cells });
  });
  if (rows[0] && rows[0].line !== 1)
    throw problems.validation([{ path: 'line 1', message: 'The first row must hold the column headers' }]);
  return toSheet('xlsx', rows);
}

function toSheet(format: Sheet['format'], all: SheetRow[]): Sheet {
  const rows = all.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [header, ...data] = rows;
  if (!header) throw fileProblem('The file has no rows');
  if (data.length > MAX_ROWS) throw fileProblem(`The file has more than ${MAX_ROWS} rows`);
  return { format, headerLine: header.line, header: header.cells, rows: data };
}

// ---------------------------------------------------------------- columns

interface Column<F extends string> {
  field: F;
  /** The header of exports: Swedish, as in the UI. */
  header: string;
  /** Accepted headers, compared after normalizeHeader. */
  aliases: string[];
  required?: boolean;
}

/** Case, spaces, hyphens, underscores and dots do not matter: "E-post" = "epost", "costCentre" = "cost centre". */
export function normalizeHeader(s: string): string {
  return s
    .trim()
    .toLocaleLowerCase('sv-SE')
    .replace(/[\s_.-]+/g, '');
}

const unitColumns: Column<'name' | 'kind' | 'parent' | 'costCentre' | 'orgNumber'>[] = [
  { field: 'name', header: 'namn', aliases: ['namn', 'name', 'enhetsnamn'], required: true },
  { field: 'kind', header: 'typ', aliases: ['typ', 'kind', 'type', 'enhetstyp'], required: true },
  { field: 'parent', header: 'överordnad', aliases: ['överordnad', 'parent', 'överordnadenhet'] },
  {
    field: 'costCentre',
    header: 'kostnadsställe',
    aliases: ['kostnadsställe', 'costcentre', 'costcenter', 'kst'],
  },
  {
    field: 'orgNumber',
    header: 'organisationsnummer',
    aliases: ['organisationsnummer', 'orgnumber', 'orgnr'],
  },
];

const personColumns: Column<
  'givenName' | 'familyName' | 'email' | 'title' | 'phone' | 'employeeNumber' | 'unit' | 'active'
>[] = [
  { field: 'givenName', header: 'förnamn', aliases: ['förnamn', 'givenname', 'firstname'], required: true },
  {
    field: 'familyName',
    header: 'efternamn',
    aliases: ['efternamn', 'familyname', 'lastname', 'surname'],
    required: true,
  },
  { field: 'email', header: 'e-post', aliases: ['epost', 'email', 'epostadress', 'mail'], required: true },
  { field: 'title', header: 'titel', aliases: ['titel', 'title', 'befattning'] },
  { field: 'phone', header: 'telefon', aliases: ['telefon', 'phone', 'telefonnummer'] },
  {
    field: 'employeeNumber',
    header: 'anställningsnummer',
    aliases: ['anställningsnummer', 'employeenumber', 'anstnr'],
  },
  { field: 'unit', header: 'enhet', aliases: ['enhet', 'unit'] },
  { field: 'active', header: 'aktiv', aliases: ['aktiv', 'active'] },
];

/** Column index of each field; unknown, repeated and missing required columns are errors. */
function mapColumns<F extends string>(
  sheet: Sheet,
  columns: Column<F>[],
  errors: ImportErrors,
): Map<F, number> {
  const byAlias = new Map<string, Column<F>>();
  for (const column of columns) for (const alias of column.aliases) byAlias.set(alias, column);
  const found = new Map<F, number>();
  const line = sheet.headerLine;
  sheet.header.forEach((raw, index) => {
    const name = raw.trim();
    if (name === '') {
      const used = sheet.rows.find((r) => (r.cells[index] ?? '').trim() !== '');
      if (used) errors.add(line, `column ${index + 1}`, 'The column has values but no header');
      return;
    }
    const column = byAlias.get(normalizeHeader(name));
    if (!column) {
      errors.add(line, name, `Unknown column; the columns are ${columns.map((c) => c.header).join(', ')}`);
      return;
    }
    const before = found.get(column.field);
    if (before !== undefined) {
      errors.add(line, name, `The column ${column.header} is given twice (also column ${before + 1})`);
      return;
    }
    found.set(column.field, index);
  });
  for (const column of columns) {
    if (column.required && !found.has(column.field)) {
      errors.add(line, column.field, `Missing column ${column.header} (${column.field})`);
    }
  }
  // Cells to the right of the last header hold data nobody can name.
  for (const row of sheet.rows) {
    if (row.cells.slice(sheet.header.length).some((c) => c.trim() !== '')) {
      errors.add(row.line, null, 'The row has more cells than there are columns');
    }
  }
  return found;
}

/** The cell of a field: undefined when the file has no such column, else trimmed text. */
function cellOf<F extends string>(row: SheetRow, columns: Map<F, number>, field: F): string | undefined {
  const index = columns.get(field);
  if (index === undefined) return undefined;
  return (row.cells[index] ?? '').trim();
}

/** An optional text: absent column → undefined (leave as is), empty cell → null (clear). */
function optional(value: string | undefined): string | null | undefined {
  return value === undefined ? undefined : value === '' ? null : value;
}

function addIssues(errors: ImportErrors, line: number, issues: z.core.$ZodIssue[]) {
  for (const issue of issues) errors.add(line, String(issue.path[0] ?? ''), issue.message);
}

const reference = oneLine(200);

function checkReference(
  errors: ImportErrors,
  line: number,
  field: string,
  value: string | null | undefined,
): boolean {
  if (value === undefined || value === null) return true;
  const result = reference.safeParse(value);
  if (!result.success)
    addIssues(
      errors,
      line,
      result.error.issues.map((i) => ({ ...i, path: [field] })),
    );
  return result.success;
}

// ---------------------------------------------------------------- units: rows

const kindWords: Record<string, UnitKind> = {
  förvaltning: 'department',
  department: 'department',
  kontor: 'office',
  avdelning: 'office',
  office: 'office',
  enhet: 'subunit',
  subunit: 'subunit',
  bolag: 'company',
  kommunaltbolag: 'company',
  company: 'company',
  externpart: 'partner',
  partner: 'partner',
};

/** The Swedish word of each kind, as exports write it and the UI shows it. */
export const kindLabels: Record<UnitKind, string> = {
  department: 'förvaltning',
  office: 'kontor',
  subunit: 'enhet',
  company: 'kommunalt bolag',
  partner: 'extern part',
};

export interface UnitInput {
  line: number;
  /** False when a cell is invalid: the row is still known by name and cost centre for references. */
  ok: boolean;
  name: string;
  kind: UnitKind;
  parentRef?: string | null;
  costCentre?: string | null;
  orgNumber?: string | null;
}

const unitFields = unitCreate.pick({ name: true, costCentre: true, orgNumber: true });

export function readUnitRows(sheet: Sheet, errors: ImportErrors): UnitInput[] {
  const columns = mapColumns(sheet, unitColumns, errors);
  if (!columns.has('name') || !columns.has('kind')) errors.throwIfAny();
  return sheet.rows.map((row) => {
    const cell = (field: (typeof unitColumns)[number]['field']) => cellOf(row, columns, field);
    let ok = true;
    const kindText = cell('kind') ?? '';
    const kind = kindWords[normalizeHeader(kindText)];
    if (!kind) {
      ok = false;
      errors.add(
        row.line,
        'kind',
        kindText === ''
          ? 'Required'
          : `Unknown type "${kindText}"; use ${Object.values(kindLabels).join(', ')} (or ${Object.keys(kindLabels).join(', ')})`,
      );
    }
    const candidate = {
      name: cell('name') ?? '',
      costCentre: optional(cell('costCentre')),
      orgNumber: optional(cell('orgNumber')),
    };
    const parsed = unitFields.safeParse(candidate);
    if (!parsed.success) {
      ok = false;
      addIssues(errors, row.line, parsed.error.issues);
    }
    const parentRef = optional(cell('parent'));
    if (!checkReference(errors, row.line, 'parent', parentRef)) ok = false;
    const values = parsed.success ? parsed.data : candidate;
    return {
      line: row.line,
      ok,
      name: values.name,
      kind: kind ?? 'subunit',
      parentRef,
      costCentre: values.costCentre,
      orgNumber: values.orgNumber,
    };
  });
}

// ---------------------------------------------------------------- units: plan

function groupBy<T>(items: T[], key: (item: T) => string | null | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null || k === undefined) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Active rows when there are any, else the archived ones. */
function preferActive<T extends { archivedAt: Date | null }>(rows: T[] | undefined): T[] {
  if (!rows) return [];
  const active = rows.filter((r) => !r.archivedAt);
  return active.length > 0 ? active : rows;
}

type ParentRef =
  | { to: 'keep' }
  | { to: 'none' }
  | { to: 'row'; index: number }
  | { to: 'unit'; unit: UnitRow }
  | { to: 'error' };

/**
 * Matches the rows of a file to the tenant's units and works out what to create and change.
 *
 * A row is the unit with its cost centre, else the unit of the same name under the same parent
 * (under any parent, if the file has no parent column, when the name is unique). The parent is
 * named by cost centre or by name, of a unit in the file (before or after the row) or already in
 * the tenant. New units are created parents first; the tree must stay a tree.
 */
export function planUnits(
  rows: UnitInput[],
  existing: UnitRow[],
  errors: ImportErrors,
  makeId = newId,
): UnitPlan {
  const byCc = groupBy(existing, (u) => u.costCentre);
  const byName = groupBy(existing, (u) => u.name);

  // Keys repeated within the file.
  const fileByCc = new Map<string, number>();
  const fileByName = new Map<string, number[]>();
  const fileByNameAndParent = new Map<string, number>();
  rows.forEach((row, index) => {
    if (row.costCentre) {
      const first = fileByCc.get(row.costCentre);
      if (first !== undefined) {
        errors.add(
          row.line,
          'costCentre',
          `The cost centre ${row.costCentre} is also on line ${rows[first]!.line}`,
        );
        row.ok = false;
      } else fileByCc.set(row.costCentre, index);
    } else {
      const key = `${row.name}\u0000${row.parentRef ?? ''}`;
      const first = fileByNameAndParent.get(key);
      if (first !== undefined) {
        errors.add(row.line, 'name', `The same unit (name and parent) is also on line ${rows[first]!.line}`);
        row.ok = false;
      } else fileByNameAndParent.set(key, index);
    }
    const named = fileByName.get(row.name);
    if (named) named.push(index);
    else fileByName.set(row.name, [index]);
  });

  const parents = rows.map((row, index): ParentRef => {
    const ref = row.parentRef;
    if (ref === undefined) return { to: 'keep' };
    if (ref === null) return { to: 'none' };
    const fail = (message: string): ParentRef => {
      errors.add(row.line, 'parent', message);
      return { to: 'error' };
    };
    let target: ParentRef | undefined;
    const rowWithCc = fileByCc.get(ref);
    if (rowWithCc !== undefined) target = { to: 'row', index: rowWithCc };
    else if (byCc.has(ref)) target = { to: 'unit', unit: preferActive(byCc.get(ref))[0]! };
    else {
      const namedRows = fileByName.get(ref) ?? [];
      if (namedRows.length > 1) {
        return fail(`Several units in the file are named "${ref}"; name the parent by its cost centre`);
      }
      if (namedRows.length === 1) target = { to: 'row', index: namedRows[0]! };
      else {
        const named = preferActive(byName.get(ref));
        if (named.length > 1)
          return fail(`Several units are named "${ref}"; name the parent by its cost centre`);
        if (named.length === 0) return fail(`No unit has the cost centre or name "${ref}"`);
        target = { to: 'unit', unit: named[0]! };
      }
    }
    if (target.to === 'row' && target.index === index) return fail('A unit cannot be its own parent');
    return target;
  });

  // Parents before children; a cycle within the file is an error on each of its rows. Each row has
  // one parent, so walking up from every row finds them without recursion.
  const order: number[] = [];
  const state = new Uint8Array(rows.length); // 0 unseen, 1 on the current walk, 2 placed
  const bad = new Set<number>();
  for (let start = 0; start < rows.length; start++) {
    if (state[start] !== 0) continue;
    const walk: number[] = [];
    let at: number | undefined = start;
    while (at !== undefined && state[at] === 0) {
      state[at] = 1;
      walk.push(at);
      const parent: ParentRef = parents[at]!;
      at = parent.to === 'row' ? parent.index : undefined;
    }
    if (at !== undefined && state[at] === 1) {
      const cycle = walk.slice(walk.indexOf(at));
      const lines = cycle.map((i) => rows[i]!.line).join(', ');
      for (const i of cycle) {
        errors.add(rows[i]!.line, 'parent', `The units on lines ${lines} would be each other's parents`);
        bad.add(i);
      }
    }
    for (let i = walk.length - 1; i >= 0; i--) {
      state[walk[i]!] = 2;
      order.push(walk[i]!);
    }
  }

  // Match each row to an existing unit, parents first so that "same name under the same parent"
  // can be asked of rows whose parent is itself in the file.
  const ids: string[] = new Array(rows.length);
  const matches: (UnitRow | undefined)[] = new Array(rows.length);
  const finalParent: (string | null)[] = new Array(rows.length);
  const claimedBy = new Map<string, number>();
  for (const index of order) {
    const row = rows[index]!;
    const parent = parents[index]!;
    if (
      !row.ok ||
      bad.has(index) ||
      parent.to === 'error' ||
      (parent.to === 'row' && bad.has(parent.index))
    ) {
      bad.add(index);
      continue;
    }
    const parentId =
      parent.to === 'keep'
        ? undefined
        : parent.to === 'none'
          ? null
          : parent.to === 'unit'
            ? parent.unit.id
            : ids[parent.index]!;
    let match = row.costCentre ? preferActive(byCc.get(row.costCentre))[0] : undefined;
    if (!match) {
      const candidates = preferActive(
        byName.get(row.name)?.filter((u) => parentId === undefined || u.parentId === parentId),
      );
      if (candidates.length > 1) {
        errors.add(
          row.line,
          'name',
          parentId === undefined
            ? `Several units are named "${row.name}"; add the column överordnad or kostnadsställe`
            : `Several units named "${row.name}" have this parent; add the column kostnadsställe`,
        );
        bad.add(index);
        continue;
      }
      match = candidates[0];
    }
    if (match) {
      const first = claimedBy.get(match.id);
      if (first !== undefined) {
        errors.add(
          row.line,
          row.costCentre ? 'costCentre' : 'name',
          `The same unit as on line ${rows[first]!.line}`,
        );
        bad.add(index);
        continue;
      }
      claimedBy.set(match.id, index);
    }
    matches[index] = match;
    ids[index] = match?.id ?? makeId();
    finalParent[index] = parentId === undefined ? (match?.parentId ?? null) : parentId;
  }

  // The tree after the import: each unit's parent, the file's rows over the tenant's.
  const parentOf = new Map<string, string | null>(existing.map((u) => [u.id, u.parentId]));
  const archived = new Set(existing.filter((u) => u.archivedAt).map((u) => u.id));
  for (const index of order) if (!bad.has(index)) parentOf.set(ids[index]!, finalParent[index]!);

  const plan: UnitPlan = { creates: [], updates: [], unchanged: 0 };
  for (const index of order) {
    if (bad.has(index)) continue;
    const row = rows[index]!;
    const match = matches[index];
    const id = ids[index]!;
    const parentId = finalParent[index]!;
    if (parentId !== (match ? match.parentId : null)) {
      if (archived.has(parentId!)) {
        errors.add(row.line, 'parent', 'The parent unit is archived');
        continue;
      }
      // Moving an existing unit below one of its own descendants would cut the branch off.
      const seen = new Set<string>();
      for (let up: string | null | undefined = parentId; up; up = parentOf.get(up)) {
        if (up === id) {
          errors.add(row.line, 'parent', 'A unit cannot be moved below itself');
          break;
        }
        if (seen.has(up)) break;
        seen.add(up);
      }
    }
    const values: UnitValues = {
      name: row.name,
      kind: row.kind,
      parentId,
      costCentre: row.costCentre === undefined ? (match?.costCentre ?? null) : row.costCentre,
      orgNumber: row.orgNumber === undefined ? (match?.orgNumber ?? null) : row.orgNumber,
    };
    if (!match) {
      plan.creates.push({ id, ...values });
      continue;
    }
    const changes = changedFields(match, values);
    if (changes) plan.updates.push({ before: match, changes });
    else plan.unchanged++;
  }
  return plan;
}

function changedFields<V extends object>(before: Record<string, unknown>, values: V): Partial<V> | undefined {
  const changes: Partial<V> = {};
  let any = false;
  for (const key of Object.keys(values) as (keyof V & string)[]) {
    if (before[key] !== values[key]) {
      changes[key] = values[key];
      any = true;
    }
  }
  return any ? changes : undefined;
}

// ---------------------------------------------------------------- people: rows

export interface PersonInput {
  line: number;
  ok: boolean;
  givenName: string;
  familyName: string;
  email: string;
  title?: string | null;
  phone?: string | null;
  employeeNumber?: string | null;
  unitRef?: string | null;
  active?: boolean;
}

const personFields = personCreate.pick({
  givenName: true,
  familyName: true,
  email: true,
  title: true,
  phone: true,
  employeeNumber: true,
});

// Swedish Excel shows booleans as SANT/FALSKT.
const yes = new Set(['ja', 'j', 'yes', 'y', 'true', 'sant', '1', 'x']);
const no = new Set(['nej', 'n', 'no', 'false', 'falskt', '0']);

export function readPersonRows(sheet: Sheet, errors: ImportErrors): PersonInput[] {
  const columns = mapColumns(sheet, personColumns, errors);
  if (!columns.has('givenName') || !columns.has('familyName') || !columns.has('email')) errors.throwIfAny();
  return sheet.rows.map((row) => {
    const cell = (field: (typeof personColumns)[number]['field']) => cellOf(row, columns, field);
    let ok = true;
    const candidate = {
      givenName: cell('givenName') ?? '',
      familyName: cell('familyName') ?? '',
      email: cell('email') ?? '',
      title: optional(cell('title')),
      phone: optional(cell('phone')),
      employeeNumber: optional(cell('employeeNumber')),
    };
    const parsed = personFields.safeParse(candidate);
    if (!parsed.success) {
      ok = false;
      addIssues(errors, row.line, parsed.error.issues);
    }
    const unitRef = optional(cell('unit'));
    if (!checkReference(errors, row.line, 'unit', unitRef)) ok = false;
    const activeText = cell('active');
    let active: boolean | undefined;
    if (activeText) {
      const word = activeText.toLocaleLowerCase('sv-SE');
      if (yes.has(word)) active = true;
      else if (no.has(word)) active = false;
      else {
        ok = false;
        errors.add(row.line, 'active', 'Must be ja or nej');
      }
    }
    const values = parsed.success ? parsed.data : { ...candidate, email: candidate.email.toLowerCase() };
    return {
      line: row.line,
      ok,
      givenName: values.givenName,
      familyName: values.familyName,
      email: values.email,
      title: values.title,
      phone: values.phone,
      employeeNumber: values.employeeNumber,
      unitRef,
      active,
    };
  });
}

// ---------------------------------------------------------------- people: plan

/**
 * Matches the rows of a file to the tenant's people: by employee number, else by email. The unit
 * is named by its cost centre or exact name. A person cannot take another person's email, be
 * placed in an archived unit, be activated while archived, or (the importer) deactivate themself.
 */
export function planPeople(
  rows: PersonInput[],
  existing: PersonRow[],
  unitRows: UnitRow[],
  actor: Actor,
  errors: ImportErrors,
  makeId = newId,
): PersonPlan {
  const byNumber = new Map(existing.filter((p) => p.employeeNumber).map((p) => [p.employeeNumber!, p]));
  const byEmail = new Map(existing.map((p) => [p.email, p]));
  const unitsByCc = groupBy(unitRows, (u) => u.costCentre);
  const unitsByName = groupBy(unitRows, (u) => u.name);

  const fileByNumber = new Map<string, number>();
  const fileByEmail = new Map<string, number>();
  rows.forEach((row, index) => {
    if (row.employeeNumber) {
      const first = fileByNumber.get(row.employeeNumber);
      if (first !== undefined) {
        errors.add(
          row.line,
          'employeeNumber',
          `The employee number ${row.employeeNumber} is also on line ${rows[first]!.line}`,
        );
        row.ok = false;
      } else fileByNumber.set(row.employeeNumber, index);
    }
    if (row.email) {
      const first = fileByEmail.get(row.email);
      if (first !== undefined) {
        errors.add(row.line, 'email', `The email address ${row.email} is also on line ${rows[first]!.line}`);
        row.ok = false;
      } else fileByEmail.set(row.email, index);
    }
  });

  const plan: PersonPlan = { creates: [], updates: [], unchanged: 0, deactivated: [] };
  const claimedBy = new Map<string, number>();
  rows.forEach((row, index) => {
    // The unit: checked even on rows with other errors, to report everything at once.
    let unit: UnitRow | null | undefined;
    let unitOk = true;
    if (row.unitRef) {
      const withCc = preferActive(unitsByCc.get(row.unitRef))[0];
      const named = withCc ? [withCc] : preferActive(unitsByName.get(row.unitRef));
      if (named.length === 1) unit = named[0];
      else {
        unitOk = false;
        errors.add(
          row.line,
          'unit',
          named.length === 0
            ? `No unit has the cost centre or name "${row.unitRef}"`
            : `Several units are named "${row.unitRef}"; name the unit by its cost centre`,
        );
      }
    } else if (row.unitRef === null) unit = null;
    if (!row.ok || !unitOk) return;

    const match =
      (row.employeeNumber ? byNumber.get(row.employeeNumber) : undefined) ?? byEmail.get(row.email);
    if (match) {
      const owner = byEmail.get(row.email);
      if (owner && owner.id !== match.id) {
        const who = owner.employeeNumber ? ` (employee number ${owner.employeeNumber})` : '';
        errors.add(row.line, 'email', `The email address is used by another person${who}`);
        return;
      }
      const first = claimedBy.get(match.id);
      if (first !== undefined) {
        errors.add(row.line, 'email', `The same person as on line ${rows[first]!.line}`);
        return;
      }
      claimedBy.set(match.id, index);
    }
    const unitId = unit === undefined ? (match?.unitId ?? null) : (unit?.id ?? null);
    if (unit?.archivedAt && unitId !== match?.unitId) {
      errors.add(row.line, 'unit', 'The unit is archived');
      return;
    }
    const active = row.active ?? match?.active ?? true;
    if (match?.archivedAt && active) {
      errors.add(row.line, 'active', 'The person is archived; restore them before making them active');
      return;
    }
    if (match && match.id === actor.personId && match.active && !active) {
      errors.add(row.line, 'active', 'You cannot deactivate yourself');
      return;
    }
    // A column the file does not have leaves the field as it is.
    const values: PersonValues = {
      givenName: row.givenName,
      familyName: row.familyName,
      email: row.email,
      title: row.title === undefined ? (match?.title ?? null) : row.title,
      phone: row.phone === undefined ? (match?.phone ?? null) : row.phone,
      employeeNumber: row.employeeNumber === undefined ? (match?.employeeNumber ?? null) : row.employeeNumber,
      unitId,
      active,
    };
    if (!match) {
      plan.creates.push({ id: makeId(), ...values });
      return;
    }
    const changes = changedFields(match, values);
    if (!changes) {
      plan.unchanged++;
      return;
    }
    plan.updates.push({ before: match, changes });
    if (changes.active === false) plan.deactivated.push(match.id);
  });
  return plan;
}

// ---------------------------------------------------------------- import

/** Units from a CSV or XLSX file, all or nothing. */
export async function importUnits(
  db: Database,
  actor: Actor,
  file: Buffer,
  options: ImportOptions,
): Promise<ImportResult> {
  const sheet = await readSheet(file);
  const errors = new ImportErrors();
  const rows = readUnitRows(sheet, errors);
  return inTenant(db, actor, async (s) => {
    const plan = planUnits(rows, await allUnits(s), errors);
    errors.throwIfAny();
    if (!options.dryRun) await writeUnitPlan(s, plan);
    return {
      created: plan.creates.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged,
      dryRun: options.dryRun,
    };
  });
}

/** People from a CSV or XLSX file, all or nothing. `deactivated`: whose sessions to end afterwards. */
export async function importPeople(
  db: Database,
  actor: Actor,
  file: Buffer,
  options: ImportOptions,
): Promise<ImportResult & { deactivated: string[] }> {
  const sheet = await readSheet(file);
  const errors = new ImportErrors();
  const rows = readPersonRows(sheet, errors);
  return inTenant(db, actor, async (s) => {
    const plan = planPeople(rows, await allPeople(s), await allUnits(s), actor, errors);
    errors.throwIfAny();
    if (!options.dryRun) await writePersonPlan(s, plan);
    return {
      created: plan.creates.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged,
      dryRun: options.dryRun,
      deactivated: options.dryRun ? [] : plan.deactivated,
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

type UnitExportQuery = Omit<z.infer<typeof unitListQuery>, 'limit' | 'cursor'>;
type PersonExportQuery = Omit<z.infer<typeof personListQuery>, 'limit' | 'cursor'>;

const PAGE = 1000;

/** All rows of a keyset-paginated list, through the list's own filters. */
async function everyPage<T>(
  list: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
) {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** How files name a unit: by cost centre when it has one (unique), else by name. */
async function unitReferences(db: Database, actor: Actor): Promise<Map<string, string>> {
  const all = await everyPage((cursor) =>
    listUnits(db, actor, { includeArchived: true, limit: PAGE, cursor }),
  );
  return new Map(all.map((u) => [u.id, u.costCentre ?? u.name]));
}

export async function exportUnits(
  db: Database,
  actor: Actor,
  query: UnitExportQuery,
  format: ExportFormat,
): Promise<ExportFile> {
  const rows = await everyPage((cursor) => listUnits(db, actor, { ...query, limit: PAGE, cursor }));
  const refs = await unitReferences(db, actor);
  const table = rows.map((u) => [
    u.name,
    kindLabels[u.kind as UnitKind] ?? u.kind,
    u.parentId ? (refs.get(u.parentId) ?? '') : '',
    u.costCentre ?? '',
    u.orgNumber ?? '',
  ]);
  return toFile(
    'enheter',
    'Enheter',
    unitColumns.map((c) => c.header),
    table,
    format,
  );
}

export async function exportPeople(
  db: Database,
  actor: Actor,
  query: PersonExportQuery,
  format: ExportFormat,
): Promise<ExportFile> {
  const rows = await everyPage((cursor) => listPeople(db, actor, { ...query, limit: PAGE, cursor }));
  const refs = await unitReferences(db, actor);
  const table = rows.map((p) => [
    p.givenName,
    p.familyName,
    p.email,
    p.title ?? '',
    p.phone ?? '',
    p.employeeNumber ?? '',
    p.unitId ? (refs.get(p.unitId) ?? '') : '',
    p.active ? 'ja' : 'nej',
  ]);
  return toFile(
    'personer',
    'Personer',
    personColumns.map((c) => c.header),
    table,
    format,
  );
}

function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

async function toFile(
  name: string,
  sheetName: string,
  header: string[],
  rows: string[][],
  format: ExportFormat,
): Promise<ExportFile> {
  const filename = `${name}-${today()}.${format}`;
  if (format === 'csv') {
    // Semicolons and a BOM: what Swedish Excel opens without an import dialog.
    const text = stringifyCsv([header, ...rows.map((r) => r.map(escapeFormula))], {
      delimiter: ';',
      bom: true,
      record_delimiter: 'windows',
    });
    return { filename, contentType: `${CSV_TYPE}; charset=utf-8`, body: Buffer.from(text, 'utf8') };
  }
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Styrbord';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((h, i) => ({
    header: h,
    width: Math.min(60, Math.max(h.length, ...rows.slice(0, 1000).map((r) => r[i]!.length)) + 2),
  }));
  sheet.getRow(1).font = { bold: true };
  // Every value as text, so that cost centres such as 0410 keep their zeros.
  for (const row of rows) sheet.addRow(row);
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { filename, contentType: XLSX_TYPE, body };
}

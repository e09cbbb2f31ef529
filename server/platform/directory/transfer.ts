import { z } from 'zod';
import {
  personCreate,
  type personListQuery,
  type UnitKind,
  unitCreate,
  type unitListQuery,
} from '../../../shared/directory.ts';
import { line as oneLine, phone } from '../../../shared/text.ts';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../context.ts';
import { newId } from '../ids.ts';
import {
  addToPlan,
  column,
  type ExportFile,
  type ExportFormat,
  exportFile,
  groupBy,
  type ImportErrors,
  type ImportOptions,
  type ImportResult,
  type ImportRow,
  normalizeHeader,
  planByKeys,
  preferActive,
  type RecordType,
  runImport,
} from '../transfer/index.ts';
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
import { parentMessages, parentProblem } from './tree.ts';

// Import and export of units and people as CSV or XLSX: the lists an HR system (Heroma and the
// like) exports, and the same lists back out, so an export can be edited in Excel and re-imported.
// The engine (../transfer) reads the file, parses the cells, collects every error and writes all or
// nothing; this file declares the columns and plans what a file changes in the directory.

export { MAX_FILE_BYTES } from '../transfer/index.ts';

// ---------------------------------------------------------------- columns

const kindWords: Record<string, UnitKind> = Object.fromEntries(
  Object.entries({
    förvaltning: 'department',
    department: 'department',
    kontor: 'office',
    avdelning: 'office',
    office: 'office',
    enhet: 'subunit',
    subunit: 'subunit',
    bolag: 'company',
    'kommunalt bolag': 'company',
    company: 'company',
    'extern part': 'partner',
    partner: 'partner',
  } satisfies Record<string, UnitKind>).map(([word, kind]) => [normalizeHeader(word), kind]),
);

/** The Swedish word of each kind, as exports write it and the UI shows it. */
export const kindLabels: Record<UnitKind, string> = {
  department: 'förvaltning',
  office: 'kontor',
  subunit: 'enhet',
  company: 'kommunalt bolag',
  partner: 'extern part',
};

const kindCell = z.string().transform((text, ctx): UnitKind => {
  const kind = kindWords[normalizeHeader(text)];
  if (kind) return kind;
  ctx.addIssue({
    code: 'custom',
    message: `Unknown type "${text}"; use ${Object.values(kindLabels).join(', ')} (or ${Object.keys(kindLabels).join(', ')})`,
  });
  return z.NEVER;
});

// Swedish Excel shows booleans as SANT/FALSKT.
const yes = new Set(['ja', 'j', 'yes', 'y', 'true', 'sant', '1', 'x']);
const no = new Set(['nej', 'n', 'no', 'false', 'falskt', '0']);
const yesNoCell = z.string().transform((text, ctx): boolean => {
  const word = text.toLocaleLowerCase('sv-SE');
  if (yes.has(word)) return true;
  if (no.has(word)) return false;
  ctx.addIssue({ code: 'custom', message: 'Must be ja or nej' });
  return z.NEVER;
});

/** Another unit, by its cost centre or its name. */
const reference = oneLine(200);

export const unitColumns = [
  column({
    key: 'name',
    sv: 'namn',
    en: 'name',
    aliases: ['enhetsnamn'],
    required: true,
    parse: unitCreate.shape.name,
  }),
  column({
    key: 'kind',
    sv: 'typ',
    en: 'kind',
    aliases: ['type', 'enhetstyp'],
    required: true,
    parse: kindCell,
    format: (kind) => kindLabels[kind] ?? kind,
  }),
  column({ key: 'parent', sv: 'överordnad', en: 'parent', aliases: ['överordnad enhet'], parse: reference }),
  column({
    key: 'costCentre',
    sv: 'kostnadsställe',
    en: 'cost centre',
    aliases: ['cost center', 'kst'],
    parse: unitCreate.shape.costCentre.unwrap().unwrap(),
  }),
  column({
    key: 'orgNumber',
    sv: 'organisationsnummer',
    en: 'org number',
    aliases: ['orgnr'],
    parse: unitCreate.shape.orgNumber.unwrap().unwrap(),
  }),
] as const;

export const personColumns = [
  column({
    key: 'givenName',
    sv: 'förnamn',
    en: 'given name',
    aliases: ['first name'],
    required: true,
    parse: personCreate.shape.givenName,
  }),
  column({
    key: 'familyName',
    sv: 'efternamn',
    en: 'family name',
    aliases: ['last name', 'surname'],
    required: true,
    parse: personCreate.shape.familyName,
  }),
  column({
    key: 'email',
    sv: 'e-post',
    en: 'email',
    aliases: ['e-postadress', 'mail'],
    required: true,
    parse: personCreate.shape.email,
  }),
  column({ key: 'title', sv: 'titel', en: 'title', aliases: ['befattning'], parse: oneLine(200) }),
  column({ key: 'phone', sv: 'telefon', en: 'phone', aliases: ['telefonnummer'], parse: phone }),
  column({
    key: 'employeeNumber',
    sv: 'anställningsnummer',
    en: 'employee number',
    aliases: ['anstnr'],
    parse: oneLine(40),
  }),
  column({ key: 'unit', sv: 'enhet', en: 'unit', parse: reference }),
  column({
    key: 'active',
    sv: 'aktiv',
    en: 'active',
    parse: yesNoCell,
    format: (active) => (active ? 'ja' : 'nej'),
  }),
] as const;

export type UnitImportRow = ImportRow<typeof unitColumns>;
export type PersonImportRow = ImportRow<typeof personColumns>;

// ---------------------------------------------------------------- units: plan

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
 * the tenant. New units are created parents first; the tree must stay a tree (./tree.ts).
 *
 * Rows are known by the text of their cells, bad cells too, so that a row naming a bad row as its
 * parent is not also reported as naming no unit.
 */
export function planUnits(
  rows: readonly UnitImportRow[],
  existing: UnitRow[],
  errors: ImportErrors,
  makeId = newId,
): UnitPlan {
  const byCc = groupBy(existing, (u) => u.costCentre);
  const byName = groupBy(existing, (u) => u.name);
  const ok = rows.map((r) => r.ok);
  const nameOf = (row: UnitImportRow) => row.text.name ?? '';
  const ccOf = (row: UnitImportRow) => row.text.costCentre || undefined;
  const parentRefOf = (row: UnitImportRow) =>
    row.text.parent === undefined ? undefined : row.text.parent === '' ? null : row.text.parent;

  // Keys repeated within the file.
  const fileByCc = new Map<string, number>();
  const fileByName = new Map<string, number[]>();
  const fileByNameAndParent = new Map<string, number>();
  rows.forEach((row, index) => {
    const cc = ccOf(row);
    if (cc) {
      const first = fileByCc.get(cc);
      if (first !== undefined) {
        errors.add(row.line, 'costCentre', `The cost centre ${cc} is also on line ${rows[first]!.line}`);
        ok[index] = false;
      } else fileByCc.set(cc, index);
    } else {
      const key = `${nameOf(row)}\u0000${parentRefOf(row) ?? ''}`;
      const first = fileByNameAndParent.get(key);
      if (first !== undefined) {
        errors.add(row.line, 'name', `The same unit (name and parent) is also on line ${rows[first]!.line}`);
        ok[index] = false;
      } else fileByNameAndParent.set(key, index);
    }
    const named = fileByName.get(nameOf(row));
    if (named) named.push(index);
    else fileByName.set(nameOf(row), [index]);
  });

  const parents = rows.map((row, index): ParentRef => {
    const ref = parentRefOf(row);
    if (ref === undefined) return { to: 'keep' };
    if (ref === null) return { to: 'none' };
    // A bad parent cell is reported already.
    if (row.values.parent === undefined) return { to: 'error' };
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
    if (target.to === 'row' && target.index === index) return fail(parentMessages.self);
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
      !ok[index] ||
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
    const name = row.values.name!;
    const costCentre = row.values.costCentre;
    let match = costCentre ? preferActive(byCc.get(costCentre))[0] : undefined;
    if (!match) {
      const candidates = preferActive(
        byName.get(name)?.filter((u) => parentId === undefined || u.parentId === parentId),
      );
      if (candidates.length > 1) {
        errors.add(
          row.line,
          'name',
          parentId === undefined
            ? `Several units are named "${name}"; add the column överordnad or kostnadsställe`
            : `Several units named "${name}" have this parent; add the column kostnadsställe`,
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
          costCentre ? 'costCentre' : 'name',
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
  const nodeOf = (id: string) => {
    const parentId = parentOf.get(id);
    return parentId === undefined ? undefined : { parentId, active: !archived.has(id) };
  };

  const plan: UnitPlan = { creates: [], updates: [], unchanged: 0 };
  for (const index of order) {
    if (bad.has(index)) continue;
    const row = rows[index]!;
    const match = matches[index];
    const id = ids[index]!;
    const parentId = finalParent[index]!;
    // A parent kept as it is stays allowed; a new one must pass the tree check.
    if (parentId && parentId !== match?.parentId) {
      const problem = parentProblem(id, parentId, nodeOf);
      if (problem) {
        errors.add(
          row.line,
          'parent',
          problem === 'archived' ? 'The parent unit is archived' : parentMessages[problem],
        );
        continue;
      }
    }
    const { costCentre, orgNumber } = row.values;
    const values: UnitValues = {
      name: row.values.name!,
      kind: row.values.kind!,
      parentId,
      costCentre: costCentre === undefined ? (match?.costCentre ?? null) : costCentre,
      orgNumber: orgNumber === undefined ? (match?.orgNumber ?? null) : orgNumber,
    };
    addToPlan(plan, match, values, makeId, id);
  }
  return plan;
}

// ---------------------------------------------------------------- people: plan

/**
 * Matches the rows of a file to the tenant's people: by employee number, else by email. The unit
 * is named by its cost centre or exact name. A person cannot take another person's email, be
 * placed in an archived unit, be activated while archived, or (the importer) deactivate themself.
 */
export function planPeople(
  rows: readonly PersonImportRow[],
  existing: PersonRow[],
  unitRows: UnitRow[],
  actor: Actor,
  errors: ImportErrors,
  makeId = newId,
): PersonPlan {
  const unitsByCc = groupBy(unitRows, (u) => u.costCentre);
  const unitsByName = groupBy(unitRows, (u) => u.name);

  const plan = planByKeys(
    rows,
    existing,
    {
      noun: 'person',
      keys: [
        {
          field: 'employeeNumber',
          label: 'employee number',
          of: (r) => r.values.employeeNumber,
          ofExisting: (p) => p.employeeNumber,
        },
        { field: 'email', label: 'email address', of: (r) => r.values.email, ofExisting: (p) => p.email },
      ],
      describe: (p) => (p.employeeNumber ? ` (employee number ${p.employeeNumber})` : ''),
      // The unit: looked up even on rows with other errors, to report everything at once.
      resolve: (row, errs): { unit: UnitRow | null | undefined } | undefined => {
        const ref = row.values.unit;
        if (!ref) return { unit: ref === null ? null : undefined };
        const withCc = preferActive(unitsByCc.get(ref))[0];
        const named = withCc ? [withCc] : preferActive(unitsByName.get(ref));
        if (named.length === 1) return { unit: named[0] };
        errs.add(
          row.line,
          'unit',
          named.length === 0
            ? `No unit has the cost centre or name "${ref}"`
            : `Several units are named "${ref}"; name the unit by its cost centre`,
        );
        return undefined;
      },
      values: (row, match, { unit }, errs): PersonValues | undefined => {
        const v = row.values;
        const unitId = unit === undefined ? (match?.unitId ?? null) : (unit?.id ?? null);
        if (unit?.archivedAt && unitId !== match?.unitId) {
          errs.add(row.line, 'unit', 'The unit is archived');
          return undefined;
        }
        const active = v.active ?? match?.active ?? true;
        if (match?.archivedAt && active) {
          errs.add(row.line, 'active', 'The person is archived; restore them before making them active');
          return undefined;
        }
        if (match && match.id === actor.personId && match.active && !active) {
          errs.add(row.line, 'active', 'You cannot deactivate yourself');
          return undefined;
        }
        // A column the file does not have leaves the field as it is.
        const keep = <T>(value: T | null | undefined, before: T | null | undefined): T | null =>
          value === undefined ? (before ?? null) : value;
        return {
          givenName: v.givenName!,
          familyName: v.familyName!,
          email: v.email!,
          title: keep(v.title, match?.title),
          phone: keep(v.phone, match?.phone),
          employeeNumber: keep(v.employeeNumber, match?.employeeNumber),
          unitId,
          active,
        };
      },
      newId: makeId,
    },
    errors,
  );
  const deactivated = plan.updates.filter((u) => u.changes.active === false).map((u) => u.before.id);
  return { ...plan, deactivated };
}

// ---------------------------------------------------------------- import

const unitImport: RecordType<typeof unitColumns, UnitRow[], UnitPlan> = {
  columns: unitColumns,
  load: (s) => allUnits(s),
  plan: (rows, existing, errors) => planUnits(rows, existing, errors),
  apply: writeUnitPlan,
};

const personImport: RecordType<typeof personColumns, { people: PersonRow[]; units: UnitRow[] }, PersonPlan> =
  {
    columns: personColumns,
    load: async (s) => ({ people: await allPeople(s), units: await allUnits(s) }),
    plan: (rows, { people, units }, errors, actor) => planPeople(rows, people, units, actor, errors),
    apply: writePersonPlan,
  };

/** Units from a CSV or XLSX file, all or nothing. */
export async function importUnits(
  db: Database,
  actor: Actor,
  file: Buffer,
  options: ImportOptions,
): Promise<ImportResult> {
  return (await runImport(db, actor, unitImport, file, options)).result;
}

/** People from a CSV or XLSX file, all or nothing; whoever it deactivates is signed out with it. */
export async function importPeople(
  db: Database,
  actor: Actor,
  file: Buffer,
  options: ImportOptions,
): Promise<ImportResult> {
  return (await runImport(db, actor, personImport, file, options)).result;
}

// ---------------------------------------------------------------- export

type UnitExportQuery = Omit<z.infer<typeof unitListQuery>, 'limit' | 'cursor'>;
type PersonExportQuery = Omit<z.infer<typeof personListQuery>, 'limit' | 'cursor'>;

const PAGE = 1000;

/** All rows of a keyset-paginated list, through the list's own filters. */
export async function everyPage<T>(
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
  const records = rows.map((u) => ({ ...u, parent: u.parentId ? (refs.get(u.parentId) ?? null) : null }));
  return exportFile({ columns: unitColumns, filename: 'enheter', sheetName: 'Enheter' }, records, format);
}

export async function exportPeople(
  db: Database,
  actor: Actor,
  query: PersonExportQuery,
  format: ExportFormat,
): Promise<ExportFile> {
  const rows = await everyPage((cursor) => listPeople(db, actor, { ...query, limit: PAGE, cursor }));
  const refs = await unitReferences(db, actor);
  const records = rows.map((p) => ({ ...p, unit: p.unitId ? (refs.get(p.unitId) ?? null) : null }));
  return exportFile({ columns: personColumns, filename: 'personer', sheetName: 'Personer' }, records, format);
}

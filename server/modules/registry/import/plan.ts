import type {
  ImportAction,
  ImportField,
  ImportIssue,
  ImportRowReport,
  SystemImportReport,
} from '../../../../shared/registry/import.ts';
import type {
  Criticality,
  LifecyclePhase,
  OperationForm,
  SystemScope,
  TimeAssessment,
} from '../../../../shared/registry/systems.ts';
import { problems } from '../../../platform/errors.ts';
import {
  type ImportErrors,
  type ImportRow,
  normalizeHeader,
  preferActive,
  type Sheet,
} from '../../../platform/transfer/index.ts';
import type { SystemRow } from '../systems/service.ts';
import { fieldByHeader, type ImportColumns, importColumns } from './columns.ts';

// Planning the import of a systemkarta: pure functions over the file's rows and the tenant's
// records, tested without a database; ./service.ts then writes exactly the plan. Real lists are
// messy, so the planner interprets rather than refuses where a person would: a unit or "Centralt
// system" where a person should be, names that differ in case or spacing, a system given twice,
// a supplier spelt another way. Everything it interprets is said in the row's notes.

export type SystemImportRow = ImportRow<ImportColumns>;

export interface ImportContext {
  systems: SystemRow[];
  units: { id: string; name: string; costCentre: string | null; archivedAt: Date | null }[];
  people: { id: string; givenName: string; familyName: string; email: string }[];
  suppliers: { id: string; name: string; archivedAt: Date | null }[];
  /** Active system grants as `role:systemId:personId`. */
  grants: Set<string>;
}

/** The columns of registry_systems an import sets. */
export interface SystemValues {
  name: string;
  shortName: string | null;
  description: string | null;
  scope: SystemScope;
  category: string | null;
  owningUnitId: string | null;
  supplierId: string | null;
  product: string | null;
  productVersion: string | null;
  operationForm: OperationForm | null;
  criticality: Criticality | null;
  phase: LifecyclePhase;
  timeAssessment: TimeAssessment | null;
  eService: boolean;
  ownDeveloped: boolean;
  tags: string[];
}

export type SystemRole = 'systemOwner' | 'systemManager';

export interface SystemPlan {
  creates: (SystemValues & { id: string })[];
  updates: { before: SystemRow; changes: Partial<SystemValues> }[];
  suppliers: { id: string; name: string }[];
  grants: { systemId: string; systemName: string; personId: string; role: SystemRole }[];
  rows: ImportRowReport[];
  errors: SystemImportReport['errors'];
}

// ---------------------------------------------------------------- words and keys

/** Case and runs of spaces do not matter: "Socialförvaltningen " = "socialförvaltningen". */
export const textKey = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv-SE');

/** A system's identity in a file: case and spacing do not matter ("Ekonomi system" = "ekonomisystem"). */
export const systemKey = (s: string) => s.replace(/\s+/g, '').toLocaleLowerCase('sv-SE');

/**
 * What lists write where a person should be but none is named: the owner is "the municipality",
 * "IT" or not yet appointed. Compared as textKey.
 */
const NOT_A_PERSON = new Set(
  [
    'centralt system',
    'centralt',
    'central',
    'centrala it',
    'it',
    'gemensamt',
    'kommungemensamt',
    'kommunen',
    'saknas',
    'ej utsedd',
    'ej utsett',
    'ej tillsatt',
    'vakant',
    'okänd',
    'okänt',
    'ingen',
    'oklart',
    '-',
    '--',
    '?',
    'n/a',
    'tbd',
    'x',
  ].map(textKey),
);

const issue = (
  field: string | null,
  code: string,
  params: Record<string, string>,
  message: string,
): ImportIssue => ({
  field,
  code,
  params,
  message,
});

/** Several names in one cell: "Anna Berg; Per Holm", "Anna Berg och Per Holm", one a line. */
export function splitNames(text: string): string[] {
  return text
    .split(/\s*(?:[;\n/]|,|\boch\b|\band\b)\s*/i)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function splitTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;\n]/)
        .map((s) => s.trim().replace(/\s+/g, ' '))
        .filter(Boolean),
    ),
  ];
}

// ---------------------------------------------------------------- columns

export interface ColumnChoice {
  index: number;
  header: string;
  field: ImportField | null;
  source: 'auto' | 'mapping' | 'ignored';
}

/**
 * Which column fills which field: the caller's mapping (header → field, '' to ignore) first, then
 * the header's own name or alias; other headers are ignored (lists carry comments, colours, notes).
 * A field filled twice and a file without a name column are errors of the header line; a mapping
 * naming an unknown field or header is a bad request.
 */
export function chooseColumns(
  sheet: Sheet,
  mapping: Record<string, string> | undefined,
  errors: SystemImportReport['errors'],
): ColumnChoice[] {
  const known = new Set<string>(importColumns.map((c) => c.key));
  const given = new Map<number, ImportField | null>();
  for (const [header, field] of Object.entries(mapping ?? {})) {
    if (field !== '' && !known.has(field))
      throw problems.field(
        'querystring.mapping',
        `Unknown field "${field}" for the column "${header}"; the fields are ${[...known].join(', ')}`,
      );
    let index = sheet.header.findIndex((h) => h.trim() === header.trim());
    if (index < 0) index = sheet.header.findIndex((h) => normalizeHeader(h) === normalizeHeader(header));
    if (index < 0) throw problems.field('querystring.mapping', `The file has no column "${header}"`);
    given.set(index, field === '' ? null : (field as ImportField));
  }
  const taken = new Map<ImportField, number>();
  const columns = sheet.header.map((raw, index): ColumnChoice => {
    const header = raw.trim();
    const mapped = given.get(index);
    const field =
      mapped !== undefined ? mapped : header ? (fieldByHeader.get(normalizeHeader(header)) ?? null) : null;
    const source = mapped !== undefined ? (mapped ? 'mapping' : 'ignored') : field ? 'auto' : 'ignored';
    if (field) {
      const before = taken.get(field);
      if (before !== undefined) {
        errors.push({
          line: sheet.headerLine,
          ...issue(
            field,
            'columnTwice',
            { header, other: sheet.header[before]!.trim(), field },
            `The columns "${sheet.header[before]!.trim()}" and "${header}" both fill ${field}; map one of them to another field or ignore it`,
          ),
        });
        return { index, header, field: null, source: 'ignored' };
      }
      taken.set(field, index);
    }
    return { index, header, field, source };
  });
  if (!taken.has('name'))
    errors.push({
      line: sheet.headerLine,
      ...issue(
        'name',
        'nameColumnMissing',
        {},
        "No column holds the system's name; map one of the columns to name",
      ),
    });
  return columns;
}

/** The sheet with only the chosen columns, headed by their field keys, for the engine's readRows. */
export function chosenSheet(sheet: Sheet, columns: ColumnChoice[]): Sheet {
  const used = columns.filter((c) => c.field);
  return {
    ...sheet,
    header: used.map((c) => c.field!),
    rows: sheet.rows.map((r) => ({ line: r.line, cells: used.map((c) => r.cells[c.index] ?? '') })),
  };
}

/** The engine's cell errors, as issues of their lines (and the file's, on no line). */
export function cellErrors(errors: ImportErrors): Map<number, ImportIssue[]> {
  const byLine = new Map<number, ImportIssue[]>();
  for (const e of errors.found) {
    const list = byLine.get(e.line ?? 0) ?? [];
    list.push(issue(e.field, 'invalid', { message: e.message }, e.message));
    byLine.set(e.line ?? 0, list);
  }
  return byLine;
}

// ---------------------------------------------------------------- plan

type Values = SystemImportRow['values'];
const MERGED_AS_LISTS = new Set<string>(['tags', 'managers']);

type PersonRef = ImportContext['people'][number];
type UnitRef = ImportContext['units'][number];

type Who =
  | { kind: 'person'; person: PersonRef }
  | { kind: 'unit'; unit: UnitRef }
  | { kind: 'none' }
  | { kind: 'error'; issue: ImportIssue };

const describePerson = (p: PersonRef) => `${p.givenName} ${p.familyName} <${p.email}>`;

export function planSystems(
  rows: readonly SystemImportRow[],
  context: ImportContext,
  cellIssues: Map<number, ImportIssue[]>,
  makeId: () => string,
): SystemPlan {
  const plan: SystemPlan = { creates: [], updates: [], suppliers: [], grants: [], rows: [], errors: [] };

  // Indexes of the tenant's records (the context holds only the importing tenant's rows).
  const systemsByKey = new Map<string, SystemRow[]>();
  for (const s of context.systems) {
    const k = systemKey(s.name);
    systemsByKey.set(k, [...(systemsByKey.get(k) ?? []), s]);
  }
  const activeUnits = context.units.filter((u) => !u.archivedAt);
  const unitsByName = new Map<string, UnitRef[]>();
  for (const u of activeUnits)
    unitsByName.set(textKey(u.name), [...(unitsByName.get(textKey(u.name)) ?? []), u]);
  const unitsByCc = new Map(activeUnits.filter((u) => u.costCentre).map((u) => [u.costCentre!, u]));
  const peopleByEmail = new Map(context.people.map((p) => [p.email.toLowerCase(), p]));
  const peopleByName = new Map<string, PersonRef[]>();
  for (const p of context.people) {
    for (const name of new Set([
      textKey(`${p.givenName} ${p.familyName}`),
      textKey(`${p.familyName} ${p.givenName}`),
    ])) {
      peopleByName.set(name, [...(peopleByName.get(name) ?? []), p]);
    }
  }
  const suppliersByKey = new Map<string, ImportContext['suppliers']>();
  for (const s of context.suppliers) {
    const k = textKey(s.name);
    suppliersByKey.set(k, [...(suppliersByKey.get(k) ?? []), s]);
  }
  const newSuppliers = new Map<string, { id: string; name: string }>();

  const unitNamed = (text: string): UnitRef[] => {
    const byCc = unitsByCc.get(text.trim());
    return byCc ? [byCc] : (unitsByName.get(textKey(text)) ?? []);
  };

  const personNamed = (field: string, text: string): Who => {
    if (text.includes('@')) {
      const person = peopleByEmail.get(text.trim().toLowerCase());
      return person
        ? { kind: 'person', person }
        : {
            kind: 'error',
            issue: issue(field, 'emailUnknown', { value: text }, `No active person has the email ${text}`),
          };
    }
    const found = peopleByName.get(textKey(text.replace(',', ' '))) ?? [];
    if (found.length === 1) return { kind: 'person', person: found[0]! };
    if (found.length > 1) {
      const names = found.map(describePerson).join(', ');
      return {
        kind: 'error',
        issue: issue(
          field,
          'personAmbiguous',
          { value: text, people: names },
          `Several people are named "${text}": ${names}; give the email instead`,
        ),
      };
    }
    return {
      kind: 'error',
      issue: issue(
        field,
        'personUnknown',
        { value: text },
        `No active person is named "${text}"; give a name or email in the directory, or a unit`,
      ),
    };
  };

  /** A person, a unit, or the words for no one, in that order of checking after an email. */
  const whoIs = (field: string, text: string): Who => {
    if (!text.includes('@')) {
      const units = unitNamed(text);
      if (units.length === 1) return { kind: 'unit', unit: units[0]! };
      if (NOT_A_PERSON.has(textKey(text))) return { kind: 'none' };
    }
    return personNamed(field, text);
  };

  // Rows of the same system (by name, case and spacing aside), in file order.
  const groups = new Map<string, SystemImportRow[]>();
  const lone: SystemImportRow[] = [];
  for (const row of rows) {
    const name = row.text.name ?? '';
    if (!name.trim()) lone.push(row);
    else groups.set(systemKey(name), [...(groups.get(systemKey(name)) ?? []), row]);
  }
  const reports = new Map<number, ImportRowReport>();
  const report = (row: SystemImportRow, action: ImportAction): ImportRowReport => {
    const r: ImportRowReport = {
      line: row.line,
      name: row.text.name ?? '',
      action,
      systemId: null,
      changed: [],
      mergedWith: null,
      notes: [],
      errors: [...(cellIssues.get(row.line) ?? [])],
    };
    reports.set(row.line, r);
    return r;
  };
  for (const row of lone) report(row, 'error');

  for (const group of groups.values()) {
    const [first, ...rest] = group;
    const head = report(first!, 'create');
    const others = rest.map((row) => report(row, 'merged'));
    const all = [head, ...others];
    const lines = (except: number) =>
      group
        .map((r) => r.line)
        .filter((l) => l !== except)
        .join(', ');

    // Merge the rows: a field given on several lines must agree (lists are joined).
    const merged: Record<string, unknown> = {};
    const mergedText: Record<string, string> = {};
    let conflict = false;
    if (group.every((r) => r.ok)) {
      for (const c of importColumns) {
        if (c.key === 'name') continue;
        const given = group.filter(
          (r) => r.values[c.key as keyof Values] !== undefined && r.values[c.key as keyof Values] !== null,
        );
        if (given.length === 0) {
          if (group.some((r) => c.key in r.values)) merged[c.key] = null;
          continue;
        }
        if (MERGED_AS_LISTS.has(c.key)) {
          mergedText[c.key] = given.map((r) => r.text[c.key as keyof Values]!).join(';');
          merged[c.key] = mergedText[c.key];
          continue;
        }
        const distinct = new Map<string, SystemImportRow>();
        for (const r of given) {
          const v = r.values[c.key as keyof Values];
          const k = typeof v === 'string' ? textKey(v) : String(v);
          if (!distinct.has(k)) distinct.set(k, r);
        }
        if (distinct.size > 1) {
          conflict = true;
          const shown = [...distinct.values()]
            .map((r) => `"${r.text[c.key as keyof Values]}" (line ${r.line})`)
            .join(' and ');
          for (const r of given) {
            reports
              .get(r.line)!
              .errors.push(
                issue(
                  c.key,
                  'duplicateConflict',
                  { lines: lines(r.line), field: c.key, values: shown },
                  `The system is also on line ${lines(r.line)} with another ${c.key}: ${shown}`,
                ),
              );
          }
        } else {
          merged[c.key] = given[0]!.values[c.key as keyof Values];
          mergedText[c.key] = given[0]!.text[c.key as keyof Values]!;
        }
      }
    }
    const fail = () => {
      for (const r of all) {
        if (r.errors.length === 0 && group.length > 1)
          r.errors.push(
            issue(
              null,
              'sameSystemHasErrors',
              { lines: lines(r.line) },
              `The same system is on line ${lines(r.line)}, which has errors`,
            ),
          );
        r.action = 'error';
        r.mergedWith = null;
      }
    };
    if (conflict || !group.every((r) => r.ok)) {
      fail();
      continue;
    }
    for (const r of others) r.mergedWith = first!.line;
    if (rest.length > 0)
      head.notes.push(
        issue(
          null,
          'mergedLines',
          { lines: lines(first!.line) },
          `Also on line ${lines(first!.line)}: the lines were merged`,
        ),
      );

    // The system it is: an existing one of the same name (case and spacing aside), or a new one.
    const name = first!.values.name!;
    const candidates = preferActive(systemsByKey.get(systemKey(name)));
    if (candidates.length > 1) {
      head.errors.push(
        issue(
          'name',
          'systemAmbiguous',
          { value: name },
          `Several systems in the register are named "${name}"; rename one of them first`,
        ),
      );
      fail();
      continue;
    }
    const match = candidates[0];
    if (match?.archivedAt) {
      head.errors.push(
        issue(
          'name',
          'systemArchived',
          { value: match.name },
          `The system "${match.name}" is archived; restore it before importing`,
        ),
      );
      fail();
      continue;
    }
    if (match && match.name !== name)
      head.notes.push(
        issue(
          'name',
          'nameMatched',
          { value: name, name: match.name },
          `"${name}" is the system "${match.name}" in the register`,
        ),
      );

    // References.
    let owningUnit: UnitRef | undefined;
    if (typeof merged.owningUnit === 'string') {
      const units = unitNamed(merged.owningUnit);
      if (units.length === 1) owningUnit = units[0];
      else
        head.errors.push(
          units.length === 0
            ? issue(
                'owningUnit',
                'unitUnknown',
                { value: merged.owningUnit },
                `No active unit has the name or cost centre "${merged.owningUnit}"`,
              )
            : issue(
                'owningUnit',
                'unitAmbiguous',
                { value: merged.owningUnit },
                `Several units are named "${merged.owningUnit}"; give its cost centre`,
              ),
        );
    }
    const grantsOfRow: { personId: string; role: SystemRole }[] = [];
    if (typeof merged.owner === 'string') {
      const who = whoIs('owner', merged.owner);
      if (who.kind === 'error') head.errors.push(who.issue);
      else if (who.kind === 'person') grantsOfRow.push({ personId: who.person.id, role: 'systemOwner' });
      else if (who.kind === 'unit') {
        if (!owningUnit || owningUnit.id === who.unit.id) {
          owningUnit = who.unit;
          head.notes.push(
            issue(
              'owner',
              'ownerIsUnit',
              { value: merged.owner, unit: who.unit.name },
              `The systemägare "${merged.owner}" is the unit ${who.unit.name}: set as owning unit; no systemägare set`,
            ),
          );
        } else
          head.notes.push(
            issue(
              'owner',
              'ownerIsOtherUnit',
              { value: merged.owner, unit: who.unit.name },
              `The systemägare "${merged.owner}" is a unit, not a person, and the owning unit is given apart: no systemägare set`,
            ),
          );
      } else
        head.notes.push(
          issue(
            'owner',
            'ownerNotPerson',
            { value: merged.owner },
            `The systemägare "${merged.owner}" is not a person: no systemägare set`,
          ),
        );
    }
    if (typeof merged.managers === 'string') {
      const seen = new Set<string>();
      for (const text of splitNames(merged.managers)) {
        const who = whoIs('managers', text);
        if (who.kind === 'error') head.errors.push(who.issue);
        else if (who.kind === 'person') {
          if (!seen.has(who.person.id)) grantsOfRow.push({ personId: who.person.id, role: 'systemManager' });
          seen.add(who.person.id);
        } else
          head.notes.push(
            issue(
              'managers',
              'managerNotPerson',
              { value: text },
              `The systemförvaltare "${text}" is not a person: no systemförvaltare set for it`,
            ),
          );
      }
    }
    let supplierId: string | undefined;
    if (typeof merged.supplier === 'string') {
      const text = merged.supplier.trim().replace(/\s+/g, ' ');
      const existing = preferActive(suppliersByKey.get(textKey(text)));
      if (existing.length > 1)
        head.errors.push(
          issue('supplier', 'supplierAmbiguous', { value: text }, `Several suppliers are named "${text}"`),
        );
      else if (existing[0]?.archivedAt)
        head.errors.push(
          issue(
            'supplier',
            'supplierArchived',
            { value: existing[0].name },
            `The supplier "${existing[0].name}" is archived`,
          ),
        );
      else if (existing[0]) {
        supplierId = existing[0].id;
        if (existing[0].name !== text)
          head.notes.push(
            issue(
              'supplier',
              'supplierMatched',
              { value: text, name: existing[0].name },
              `The supplier "${text}" is ${existing[0].name}`,
            ),
          );
      } else {
        let made = newSuppliers.get(textKey(text));
        if (!made) {
          made = { id: makeId(), name: text };
          newSuppliers.set(textKey(text), made);
          plan.suppliers.push(made);
        }
        supplierId = made.id;
        head.notes.push(
          issue('supplier', 'supplierCreated', { name: made.name }, `New supplier ${made.name}`),
        );
      }
    }
    if (head.errors.length > 0) {
      fail();
      continue;
    }

    // Values: a blank cell keeps what the system has (a default on a new one).
    const given = <T>(key: string): T | undefined =>
      merged[key] === null || merged[key] === undefined ? undefined : (merged[key] as T);
    const tags = typeof merged.tags === 'string' ? splitTags(merged.tags) : undefined;
    const fileValues: Partial<SystemValues> = {
      shortName: given('shortName'),
      description: given('description'),
      scope: given('scope'),
      category: given('category'),
      owningUnitId: owningUnit?.id,
      supplierId,
      product: given('product'),
      productVersion: given('productVersion'),
      operationForm: given('operationForm'),
      criticality: given('criticality'),
      phase: given('phase'),
      timeAssessment: given('timeAssessment'),
      eService: given('eService'),
      ownDeveloped: given('ownDeveloped'),
    };
    const tooLong = tags?.find((t) => t.length > 50);
    if (tooLong || (tags && tags.length > 50)) {
      head.errors.push(
        issue(
          'tags',
          'tagsInvalid',
          { value: tooLong ?? '' },
          tooLong ? `The tag "${tooLong}" is longer than 50 characters` : 'At most 50 tags',
        ),
      );
      fail();
      continue;
    }

    const id = match?.id ?? makeId();
    const changed: string[] = [];
    if (!match) {
      const values: SystemValues = {
        name,
        shortName: fileValues.shortName ?? null,
        description: fileValues.description ?? null,
        scope: fileValues.scope ?? 'business',
        category: fileValues.category ?? null,
        owningUnitId: fileValues.owningUnitId ?? null,
        supplierId: fileValues.supplierId ?? null,
        product: fileValues.product ?? null,
        productVersion: fileValues.productVersion ?? null,
        operationForm: fileValues.operationForm ?? null,
        criticality: fileValues.criticality ?? null,
        phase: fileValues.phase ?? 'operation',
        timeAssessment: fileValues.timeAssessment ?? null,
        eService: fileValues.eService ?? false,
        ownDeveloped: fileValues.ownDeveloped ?? false,
        tags: tags ?? [],
      };
      plan.creates.push({ id, ...values });
      changed.push(
        'name',
        ...Object.keys(fileValues).filter((k) => fileValues[k as keyof SystemValues] !== undefined),
      );
      if (tags?.length) changed.push('tags');
    } else {
      const changes: Partial<SystemValues> = {};
      for (const [key, value] of Object.entries(fileValues) as [keyof SystemValues, unknown][]) {
        if (value !== undefined && match[key as keyof SystemRow] !== value)
          (changes as Record<string, unknown>)[key] = value;
      }
      if (tags) {
        // Tags are added to the system's own: a list cannot know what was tagged in the register.
        const union = [...new Set([...match.tags, ...tags])];
        if (union.length !== match.tags.length) changes.tags = union;
      }
      if (Object.keys(changes).length > 0) plan.updates.push({ before: match, changes });
      changed.push(...Object.keys(changes));
    }
    const grantRoles = new Set<string>();
    for (const g of grantsOfRow) {
      if (match && context.grants.has(`${g.role}:${id}:${g.personId}`)) continue;
      plan.grants.push({ systemId: id, systemName: match?.name ?? name, ...g });
      grantRoles.add(g.role === 'systemOwner' ? 'systemOwner' : 'systemManagers');
    }
    changed.push(...grantRoles);
    head.action = !match ? 'create' : changed.length > 0 ? 'update' : 'unchanged';
    head.changed = changed;
    for (const r of all) r.systemId = id;
  }

  plan.rows = [...reports.values()].sort((a, b) => a.line - b.line);
  for (const r of plan.rows) for (const e of r.errors) plan.errors.push({ line: r.line, ...e });
  return plan;
}

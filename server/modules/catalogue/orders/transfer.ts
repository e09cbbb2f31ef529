import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import {
  type KonteringCodeListQuery,
  type KonteringDimension,
  konteringCodeCreate,
  konteringDimensions,
  konteringValue,
} from '../../../../shared/catalogue/orders.ts';
import { line } from '../../../../shared/text.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { units } from '../../../platform/directory/schema.ts';
import { everyPage } from '../../../platform/directory/transfer.ts';
import { problems, uniqueViolated } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { TenantScope } from '../../../platform/tenancy.ts';
import {
  column,
  type ExportFormat,
  exportFile,
  type ImportErrors,
  type ImportOptions,
  type ImportResult,
  type ImportRow,
  normalizeHeader,
  type RecordType,
  runImport,
} from '../../../platform/transfer/index.ts';
import { cataloguePolicy } from '../policy.ts';
import { konteringCodes } from './schema.ts';
import {
  type KonteringCodeRow,
  type KonteringImportPlan,
  listKonteringCodes,
  lockKonteringImport,
  writeKonteringImport,
} from './service.ts';

// The units' kontering codes as CSV or XLSX through the platform's engine, and their import from
// the finance system's lists: a unit (by cost centre or name, as the consumption import finds it),
// a dimension (Kommun-Bas, by its Swedish or English name), a code, its name, and optionally
// whether it is active. All rows or none, every error by line and column. A row matches the
// unit's active code of that dimension (unique), else its last archived one: a new name renames
// it, `nej` archives it, `ja` restores an archived one; the same file twice changes nothing. Each
// row's unit must be one whose codes the importer keeps (its ekonom, a grant above it, an admin),
// as when codes are added by hand. Cells are stored as text: `=SUM(…)` is a name like any other,
// and the export writes it formula-safe (an apostrophe in CSV, a text cell in XLSX).

const dimensionNames: Record<KonteringDimension, string> = {
  costCentre: 'kostnadsställe',
  account: 'konto',
  activity: 'aktivitet',
  counterpart: 'motpart',
};

/** Other names the finance systems and the UI give the dimensions (Kommun-Bas, Raindance, Unit4). */
const dimensionAliases: Record<KonteringDimension, string[]> = {
  costCentre: ['ansvar', 'kst', 'cost centre', 'cost center', 'kostnadsstalle'],
  account: ['konton', 'kontonummer', 'account'],
  activity: ['projekt', 'aktivitet/projekt', 'verksamhet', 'activity', 'project'],
  counterpart: ['motpartskod', 'counterpart'],
};

const byDimensionName = new Map<string, KonteringDimension>();
for (const d of konteringDimensions)
  for (const name of [d, dimensionNames[d], ...dimensionAliases[d]])
    byDimensionName.set(normalizeHeader(name), d);

const dimension = z.string().transform((value, ctx) => {
  const found = byDimensionName.get(normalizeHeader(value));
  if (found) return found;
  ctx.addIssue({
    code: 'custom',
    message: `Unknown dimension; use ${Object.values(dimensionNames).join(', ')}`,
  });
  return z.NEVER;
});

const yes = new Set(['ja', 'j', 'yes', 'y', 'true', '1', 'aktiv', 'active']);
const no = new Set(['nej', 'n', 'no', 'false', '0', 'inaktiv', 'inactive', 'arkiverad', 'archived']);
const active = z.string().transform((value, ctx) => {
  const v = value.trim().toLocaleLowerCase('sv-SE');
  if (yes.has(v)) return true;
  if (no.has(v)) return false;
  ctx.addIssue({ code: 'custom', message: 'Must be ja or nej' });
  return z.NEVER;
});

export const konteringColumns = [
  column({
    key: 'unit',
    sv: 'enhet',
    en: 'unit',
    aliases: ['organisation', 'enhetens kostnadsställe'],
    required: true,
    parse: line(200),
  }),
  column({
    key: 'dimension',
    sv: 'dimension',
    en: 'dimension',
    aliases: ['koddel'],
    required: true,
    parse: dimension,
  }),
  column({
    key: 'code',
    sv: 'kod',
    en: 'code',
    aliases: ['kodvärde', 'värde', 'value'],
    required: true,
    parse: konteringValue,
  }),
  column({
    key: 'name',
    sv: 'benämning',
    en: 'name',
    aliases: ['namn', 'beskrivning', 'description'],
    required: true,
    parse: konteringCodeCreate.shape.name,
  }),
  column({
    key: 'active',
    sv: 'aktiv',
    en: 'active',
    aliases: ['giltig', 'valid'],
    parse: active,
    format: (v: boolean) => (v ? 'ja' : 'nej'),
  }),
] as const;

type Columns = typeof konteringColumns;

const fold = (s: string) => s.trim().toLocaleLowerCase('sv-SE');
const keyOf = (unitId: string, d: string, code: string) => `${unitId}|${d}|${code}`;

// ---------------------------------------------------------------- export

/** The codes of the list's filters as a file the import reads back unchanged. */
export async function exportKonteringCodes(
  db: Database,
  actor: Actor,
  query: Omit<KonteringCodeListQuery, 'limit' | 'cursor'>,
  format: ExportFormat,
) {
  const rows = await everyPage((cursor) => listKonteringCodes(db, actor, { ...query, limit: 200, cursor }));
  const unitIds = [...new Set(rows.map((r) => r.unitId))];
  const refs = new Map<string, string>();
  if (unitIds.length > 0)
    for (const u of await db
      .select({ id: units.id, name: units.name, costCentre: units.costCentre })
      .from(units)
      .where(and(eq(units.tenantId, actor.tenantId), inArray(units.id, unitIds))))
      refs.set(u.id, u.costCentre ?? u.name);
  return exportFile(
    { columns: konteringColumns, filename: 'konteringskoder', sheetName: 'Konteringskoder' },
    rows.map((c) => ({
      unit: refs.get(c.unitId) ?? '',
      dimension: dimensionNames[c.dimension as KonteringDimension],
      code: c.code,
      name: c.name,
      active: c.archivedAt === null,
    })),
    format,
  );
}

// ---------------------------------------------------------------- import

interface Unit {
  id: string;
  name: string;
  costCentre: string | null;
  parentId: string | null;
}

interface Context {
  unitsByRef: Map<string, Unit[]>;
  /** Each active unit's chain: itself, then its parents up (for who keeps its codes). */
  chains: Map<string, string[]>;
  /** Stored codes by unit, dimension and code: the active one first, then the archived, newest first. */
  codes: Map<string, KonteringCodeRow[]>;
}

async function load(s: TenantScope): Promise<Context> {
  await lockKonteringImport(s);
  const unitRows = await s.tx
    .select({
      id: units.id,
      name: units.name,
      costCentre: units.costCentre,
      parentId: units.parentId,
      archivedAt: units.archivedAt,
    })
    .from(units)
    .where(s.where(units));
  const codeRows = await s.tx.select().from(konteringCodes).where(s.where(konteringCodes));
  const byId = new Map(unitRows.map((u) => [u.id, u]));
  const chains = new Map<string, string[]>();
  const unitsByRef = new Map<string, Unit[]>();
  for (const u of unitRows) {
    if (u.archivedAt) continue;
    const chain: string[] = [];
    for (
      let at: typeof u | undefined = u;
      at && chain.length <= 50;
      at = at.parentId ? byId.get(at.parentId) : undefined
    )
      chain.push(at.id);
    chains.set(u.id, chain);
    for (const key of new Set([u.costCentre, fold(u.name)])) {
      if (!key) continue;
      unitsByRef.set(key, [...(unitsByRef.get(key) ?? []), u]);
    }
  }
  const codes = new Map<string, KonteringCodeRow[]>();
  for (const c of codeRows) {
    const key = keyOf(c.unitId, c.dimension, c.code);
    codes.set(key, [...(codes.get(key) ?? []), c]);
  }
  const rank = (c: KonteringCodeRow) => (c.archivedAt ? c.archivedAt.getTime() : Number.POSITIVE_INFINITY);
  for (const list of codes.values()) list.sort((a, b) => rank(b) - rank(a));
  return { unitsByRef, chains, codes };
}

/** Pure: what the rows change, every problem added to `errors`. */
export function planKonteringCodes(
  rows: ImportRow<Columns>[],
  context: Context,
  errors: ImportErrors,
  actor: Actor,
): KonteringImportPlan {
  const plan: KonteringImportPlan = { creates: [], updates: [], unchanged: 0 };
  const inFile = new Set<string>();
  for (const row of rows) {
    const v = row.values;
    let unit: Unit | undefined;
    if (v.unit) {
      const found = context.unitsByRef.get(v.unit) ?? context.unitsByRef.get(fold(v.unit)) ?? [];
      if (found.length === 1) unit = found[0];
      else
        errors.add(
          row.line,
          'unit',
          found.length === 0
            ? 'No active unit has this cost centre or name'
            : 'Several units have this name: name the unit by its cost centre',
        );
    }
    if (unit && !cataloguePolicy.attestFor(actor, context.chains.get(unit.id)!)) {
      errors.add(row.line, 'unit', "Only the unit's ekonom or an admin keeps its codes");
      unit = undefined;
    }
    if (!row.ok || !unit || !v.dimension || !v.code || !v.name) continue;
    const key = keyOf(unit.id, v.dimension, v.code);
    if (inFile.has(key)) {
      errors.add(row.line, 'code', 'The same unit, dimension and code is on an earlier line');
      continue;
    }
    inFile.add(key);
    const [match] = context.codes.get(key) ?? [];
    const wanted = v.active; // undefined or null: the file does not say; an archived code stays so
    if (!match) {
      if (wanted === false)
        plan.unchanged++; // nothing to archive
      else
        plan.creates.push({
          id: newId(),
          unitId: unit.id,
          dimension: v.dimension,
          code: v.code,
          name: v.name,
        });
      continue;
    }
    const changes: { name?: string; archived?: boolean } = {};
    if (match.name !== v.name) changes.name = v.name;
    if (wanted === false && !match.archivedAt) changes.archived = true;
    if (wanted === true && match.archivedAt) changes.archived = false;
    // An archived code keeps its name unless the row brings it back.
    if (match.archivedAt && changes.archived === undefined) delete changes.name;
    if (Object.keys(changes).length > 0) plan.updates.push({ before: match, changes });
    else plan.unchanged++;
  }
  return plan;
}

const ARCHIVED_BY_IMPORT = 'Inaktiv i importerad fil';

const konteringImport: RecordType<Columns, Context, KonteringImportPlan> = {
  columns: konteringColumns,
  load: (s) => load(s),
  plan: planKonteringCodes,
  apply: (s, plan) => writeKonteringImport(s, plan, ARCHIVED_BY_IMPORT),
};

const TAKEN = 'A code of the file was added by hand while it was imported: import it again';

/** Codes from a CSV or XLSX file, all or nothing. */
export async function importKonteringCodes(
  db: Database,
  actor: Actor,
  file: Buffer,
  options: ImportOptions,
): Promise<ImportResult> {
  if (!cataloguePolicy.attestSomewhere(actor)) throw problems.forbidden();
  try {
    return (await runImport(db, actor, konteringImport, file, options)).result;
  } catch (error) {
    if (uniqueViolated(error) === 'catalogue_kontering_codes_key') throw problems.conflict(TAKEN);
    throw error;
  }
}

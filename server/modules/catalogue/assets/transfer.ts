import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import {
  type AssetCreate,
  type AssetKind,
  type AssetListQuery,
  type AssetState,
  assetCreate,
} from '../../../../shared/catalogue/assets.ts';
import { isoDate } from '../../../../shared/registry/systems.ts';
import { email, line } from '../../../../shared/text.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { people, units } from '../../../platform/directory/schema.ts';
import { everyPage } from '../../../platform/directory/transfer.ts';
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
  type Plan,
  type RecordType,
  runImport,
} from '../../../platform/transfer/index.ts';
import { offerings } from '../offerings/schema.ts';
import { assets } from './schema.ts';
import { insertAsset, issueInScope, listAssets, NOT_MONTHLY, RENTAL_PRICE_MODELS } from './service.ts';

// The asset list as CSV or XLSX through the platform's engine (formula-like cells are neutralised
// there), and its import: all rows or none, every bad row reported with its line. The offering is
// named as the catalogue names it, the unit by cost centre or exact name, the person by email.
// An import registers new assets only (a serial already active is an error: changes go through
// the asset's page), in stock or issued; an issued one is issued from its purchase date. Returns
// and scrapping have dates and reasons of their own, so they are not imported.

const kindNames: Record<AssetKind, string> = {
  computer: 'dator',
  screen: 'skärm',
  printer: 'skrivare',
  phone: 'telefon',
  other: 'övrigt',
};
const stateNames: Record<AssetState, string> = {
  inStock: 'i lager',
  issued: 'utlämnad',
  returned: 'retur',
  scrapped: 'skrotad',
};

const norm = (s: string) => s.trim().toLocaleLowerCase('sv-SE');

/** A value by its Swedish or English name (case does not matter). */
function named<T extends string>(names: Record<T, string>, what: string) {
  const byName = new Map<string, T>();
  for (const [key, sv] of Object.entries(names) as [T, string][]) {
    byName.set(norm(sv), key);
    byName.set(norm(key), key);
  }
  return z.string().transform((value, ctx) => {
    const found = byName.get(norm(value));
    if (found) return found;
    ctx.addIssue({ code: 'custom', message: `Unknown ${what}; use ${Object.values(names).join(', ')}` });
    return z.NEVER;
  });
}

/** Kronor as a spreadsheet writes them (space thousands, comma or point decimals) → öre; "12.500" is refused rather than guessed. */
const kronor = z.string().transform((value, ctx) => {
  const text = value.replace(/[\s\u00a0]/g, '').replace(/kr$/i, '');
  const match = /^(\d{1,11})(?:[.,](\d{1,2}))?$/.exec(text);
  if (!match) {
    ctx.addIssue({ code: 'custom', message: 'Must be an amount in kronor, e.g. 12 500 or 12500,50' });
    return z.NEVER;
  }
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
});

const months = z.coerce.number().pipe(assetCreate.shape.depreciationMonths);

export const assetColumns = [
  column({ key: 'serial', sv: 'serienummer', en: 'serial', required: true, parse: assetCreate.shape.serial }),
  column({ key: 'model', sv: 'modell', en: 'model', required: true, parse: assetCreate.shape.model }),
  column({ key: 'kind', sv: 'typ', en: 'kind', required: true, parse: named(kindNames, 'kind') }),
  column({ key: 'offering', sv: 'erbjudande', en: 'offering', required: true, parse: line(200) }),
  column({
    key: 'purchaseValue',
    sv: 'inköpsvärde (kr)',
    en: 'purchase value (SEK)',
    required: true,
    parse: kronor,
    format: (ore: number) => (ore / 100).toFixed(2).replace('.', ','),
    xlsxNumber: '#,##0.00',
  }),
  column({ key: 'purchasedOn', sv: 'inköpsdatum', en: 'purchased on', required: true, parse: isoDate }),
  column({
    key: 'depreciationMonths',
    sv: 'avskrivning (månader)',
    en: 'depreciation months',
    required: true,
    parse: months,
    xlsxNumber: '0',
  }),
  column({ key: 'unit', sv: 'enhet', en: 'unit', parse: line(200) }),
  column({
    key: 'person',
    sv: 'person (e-post)',
    en: 'person email',
    aliases: ['e-post', 'email'],
    parse: email,
  }),
  column({ key: 'state', sv: 'status', en: 'state', parse: named(stateNames, 'state') }),
] as const;

type Columns = typeof assetColumns;

export async function exportAssets(
  db: Database,
  actor: Actor,
  query: Omit<AssetListQuery, 'limit' | 'cursor'>,
  format: ExportFormat,
) {
  const rows = await everyPage((cursor) => listAssets(db, actor, { ...query, limit: 200, cursor }));
  const emails = new Map<string, string>();
  const personIds = [...new Set(rows.map((r) => r.personId).filter((id): id is string => id !== null))];
  if (personIds.length > 0)
    for (const p of await db
      .select({ id: people.id, email: people.email })
      .from(people)
      .where(and(eq(people.tenantId, actor.tenantId), inArray(people.id, personIds))))
      emails.set(p.id, p.email);
  return exportFile(
    { columns: assetColumns, filename: 'hyrd-utrustning', sheetName: 'Hyrd utrustning' },
    rows.map((a) => ({
      serial: a.serial,
      model: a.model,
      kind: kindNames[a.kind as AssetKind],
      offering: a.offeringName,
      purchaseValue: a.purchaseValue,
      purchasedOn: a.purchasedOn,
      depreciationMonths: a.depreciationMonths,
      unit: a.unitName ?? '',
      person: a.personId ? (emails.get(a.personId) ?? '') : '',
      state: stateNames[a.state as AssetState],
    })),
    format,
  );
}

// ---------------------------------------------------------------- import

interface Context {
  serials: Set<string>;
  offerings: Map<string, { id: string; priceModel: string }>;
  unitsByCostCentre: Map<string, string>;
  unitsByName: Map<string, string[]>;
  people: Map<string, string>;
}

type Create = AssetCreate & { issueTo?: { unitId: string; personId: string | null } };
type AssetPlan = Plan<never, Create>;

async function load(s: TenantScope): Promise<Context> {
  const existing = await s.tx
    .select({ serial: assets.serial })
    .from(assets)
    .where(s.where(assets, isNull(assets.archivedAt)));
  const offeringRows = await s.tx
    .select({ id: offerings.id, name: offerings.name, priceModel: offerings.priceModel })
    .from(offerings)
    .where(s.where(offerings, isNull(offerings.archivedAt)));
  const unitRows = await s.tx
    .select({ id: units.id, name: units.name, costCentre: units.costCentre })
    .from(units)
    .where(s.where(units, isNull(units.archivedAt)));
  const personRows = await s.tx
    .select({ id: people.id, email: people.email })
    .from(people)
    .where(s.where(people, isNull(people.archivedAt)));
  const unitsByName = new Map<string, string[]>();
  for (const u of unitRows) unitsByName.set(norm(u.name), [...(unitsByName.get(norm(u.name)) ?? []), u.id]);
  return {
    serials: new Set(existing.map((r) => norm(r.serial))),
    offerings: new Map(offeringRows.map((o) => [norm(o.name), o])),
    unitsByCostCentre: new Map(unitRows.filter((u) => u.costCentre).map((u) => [u.costCentre!, u.id])),
    unitsByName,
    people: new Map(personRows.map((p) => [norm(p.email), p.id])),
  };
}

/** Pure: the assets the rows register, every problem added to `errors`. */
export function planAssets(rows: ImportRow<Columns>[], context: Context, errors: ImportErrors): AssetPlan {
  const plan: AssetPlan = { creates: [], updates: [], unchanged: 0 };
  const inFile = new Map<string, number>();
  for (const row of rows) {
    const v = row.values;
    let ok = row.ok;
    const serial = v.serial ? norm(v.serial) : undefined;
    if (serial) {
      if (context.serials.has(serial)) {
        errors.add(row.line, 'serial', 'An active asset has this serial number already');
        ok = false;
      } else if (inFile.has(serial)) {
        errors.add(row.line, 'serial', `The serial number is on line ${inFile.get(serial)} too`);
        ok = false;
      } else inFile.set(serial, row.line);
    }
    const offering = v.offering ? context.offerings.get(norm(v.offering)) : undefined;
    const offeringId = offering?.id;
    if (v.offering && !offering) {
      errors.add(row.line, 'offering', 'No active offering has this name');
      ok = false;
    } else if (offering && !RENTAL_PRICE_MODELS.includes(offering.priceModel)) {
      errors.add(row.line, 'offering', NOT_MONTHLY);
      ok = false;
    }
    let unitId: string | undefined;
    if (v.unit) {
      const byName = context.unitsByName.get(norm(v.unit)) ?? [];
      unitId = context.unitsByCostCentre.get(v.unit) ?? (byName.length === 1 ? byName[0] : undefined);
      if (!unitId) {
        errors.add(
          row.line,
          'unit',
          byName.length > 1
            ? 'Several units have this name: give the cost centre'
            : 'No active unit by this cost centre or name',
        );
        ok = false;
      }
    }
    let personId: string | null = null;
    if (v.person) {
      personId = context.people.get(norm(v.person)) ?? null;
      if (!personId) {
        errors.add(row.line, 'person', 'No active person has this email');
        ok = false;
      }
    }
    const state = v.state ?? 'inStock';
    if (state === 'returned' || state === 'scrapped') {
      errors.add(
        row.line,
        'state',
        'Import assets in stock or issued; return or scrap them on the asset page',
      );
      ok = false;
    }
    if (state === 'issued' && !v.unit) {
      errors.add(row.line, 'unit', 'An issued asset needs the unit that rents it');
      ok = false;
    }
    if (state === 'inStock' && (v.unit || v.person)) {
      errors.add(row.line, 'state', 'An asset with a unit or a person is issued: give the state utlämnad');
      ok = false;
    }
    if (!ok) continue;
    plan.creates.push({
      id: newId(),
      serial: v.serial!,
      model: v.model!,
      kind: v.kind!,
      offeringId: offeringId!,
      purchaseValue: v.purchaseValue!,
      purchasedOn: v.purchasedOn!,
      depreciationMonths: v.depreciationMonths!,
      note: null,
      ...(state === 'issued' ? { issueTo: { unitId: unitId!, personId } } : {}),
    });
  }
  return plan;
}

async function apply(s: TenantScope, plan: AssetPlan) {
  for (const { id: _id, issueTo, ...input } of plan.creates) {
    const row = await insertAsset(s, input);
    if (issueTo) await issueInScope(s, row.id, { version: 1, ...issueTo, on: input.purchasedOn });
  }
}

const assetImport: RecordType<Columns, Context, AssetPlan> = {
  columns: assetColumns,
  load: (s) => load(s),
  plan: (rows, context, errors) => planAssets(rows, context, errors),
  apply,
};

/** Assets from a CSV or XLSX file, all or nothing. */
export async function importAssets(
  db: Database,
  actor: Actor,
  file: Buffer,
  options: ImportOptions,
): Promise<ImportResult> {
  return (await runImport(db, actor, assetImport, file, options)).result;
}

import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { LedgerLayout, Specification } from '../../../../shared/catalogue/exports.ts';
import { periodBounds } from '../../../../shared/catalogue/runs.ts';
import { type Database, type Executor, rowsOf } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { tenants, units } from '../../../platform/directory/schema.ts';
import { problems } from '../../../platform/errors.ts';
import { writeCsv } from '../../../platform/transfer/csv.ts';
import type { ExportFile } from '../../../platform/transfer/engine.ts';
import { writeXlsx } from '../../../platform/transfer/engine.ts';
import { offerings } from '../offerings/schema.ts';
import { konteringCodes } from '../orders/schema.ts';
import { disputes, runLines } from '../runs/schema.ts';
import { getRun, readableUnits } from '../runs/service.ts';
import { type ExportConfig, getExportConfig, missingSettings } from './settings.ts';
import { writeSie } from './sie.ts';
import { runVouchers, type VoucherLine } from './vouchers.ts';

// The files a run is exported as (shared/catalogue/exports.ts). The finance files (SIE and the
// ledger layout) are of locked runs and need the export settings; each refuses with a 409 that
// names what is missing — the run is not locked, a setting is unset, a unit has no cost centre —
// rather than writing a file the finance system would book wrong. Both are built from the same
// lines by the same rules: a line without an account takes the default account.

const XLSX_KR = '#,##0.00';

export interface FinanceLine extends VoucherLine {
  counterpart: string | null;
  unitName: string;
}

export interface FinanceRun {
  run: { id: string; period: string };
  config: ExportConfig & { incomeAccount: string; itCostCentre: string };
  tenant: { name: string; orgNumber: string | null };
  lines: FinanceLine[];
}

/** A locked run's lines, ready for the finance files, or a 409 that says what is missing. */
export async function financeRun(db: Database, actor: Actor, runId: string): Promise<FinanceRun> {
  const run = await getRun(db, actor, runId);
  if (run.state !== 'locked')
    throw problems.conflict('Only a locked run is exported to the finance system: lock the run first');
  const config = await getExportConfig(db, actor.tenantId);
  const missing = missingSettings(config);
  if (missing.length > 0)
    throw problems.conflict(
      'The export settings are incomplete',
      missing.map((path) => ({ path: `settings.${path}`, message: 'Required for the finance export' })),
    );
  const rows = await db
    .select({
      costCentre: runLines.costCentre,
      account: runLines.account,
      activity: runLines.activity,
      counterpart: runLines.counterpart,
      amount: runLines.amount,
      unitName: units.name,
    })
    .from(runLines)
    .innerJoin(units, and(eq(units.tenantId, runLines.tenantId), eq(units.id, runLines.unitId)))
    .where(and(eq(runLines.tenantId, actor.tenantId), eq(runLines.runId, runId)))
    .orderBy(asc(runLines.costCentre), asc(runLines.id));
  const noCentre = [...new Set(rows.filter((r) => !r.costCentre).map((r) => r.unitName))];
  if (noCentre.length > 0)
    throw problems.conflict(
      `Lines of units without a cost centre: ${noCentre.join(', ')}`,
      noCentre.map((name) => ({ path: 'lines.costCentre', message: `${name} has no cost centre` })),
    );
  if (!config.defaultAccount && rows.some((r) => !r.account))
    throw problems.conflict('Some lines carry no account: set the default account in the export settings', [
      { path: 'settings.defaultAccount', message: 'Required for lines without an account' },
    ]);
  const [tenant] = await db
    .select({ name: tenants.name, orgNumber: tenants.orgNumber })
    .from(tenants)
    .where(eq(tenants.id, actor.tenantId));
  return {
    run: { id: run.id, period: run.period },
    config: { ...config, incomeAccount: config.incomeAccount!, itCostCentre: config.itUnit!.costCentre! },
    tenant: tenant!,
    lines: rows.map((r) => ({ ...r, account: r.account ?? config.defaultAccount })),
  };
}

/** Code → name of the tenant's cost centres (units) and kontering codes, for the declarations. */
async function codeNames(db: Executor, tenantId: string) {
  const centres = new Map<string, string>();
  for (const u of await db
    .select({ code: units.costCentre, name: units.name })
    .from(units)
    .where(and(eq(units.tenantId, tenantId), isNull(units.archivedAt))))
    if (u.code) centres.set(u.code, u.name);
  const codes = await db
    .selectDistinctOn([konteringCodes.dimension, konteringCodes.code], {
      dimension: konteringCodes.dimension,
      code: konteringCodes.code,
      name: konteringCodes.name,
    })
    .from(konteringCodes)
    .where(
      and(
        eq(konteringCodes.tenantId, tenantId),
        inArray(konteringCodes.dimension, ['account', 'activity']),
        isNull(konteringCodes.archivedAt),
      ),
    )
    .orderBy(konteringCodes.dimension, konteringCodes.code, asc(konteringCodes.createdAt));
  const of = (dimension: string) =>
    new Map(codes.filter((c) => c.dimension === dimension).map((c) => [c.code, c.name]));
  return { centres, accounts: of('account'), activities: of('activity') };
}

/** The run as a SIE 4i file of vouchers (CP437). */
export async function sieFile(db: Database, actor: Actor, runId: string): Promise<ExportFile> {
  const f = await financeRun(db, actor, runId);
  const names = await codeNames(db, actor.tenantId);
  const vouchers = runVouchers(f.lines, {
    period: f.run.period,
    series: f.config.series,
    incomeAccount: f.config.incomeAccount,
    itCostCentre: f.config.itCostCentre,
    costCentreNames: names.centres,
    accountNames: names.accounts,
    activityNames: names.activities,
  });
  const body = writeSie({
    program: { name: 'Styrbord', version: '1' },
    generatedOn: new Date().toISOString().slice(0, 10),
    generatedBy: actor.name,
    company: { name: f.tenant.name, orgNr: f.tenant.orgNumber ?? undefined },
    ...vouchers,
  });
  return { filename: `debitering-${f.run.period}.se`, contentType: 'text/plain; charset=ibm437', body };
}

/** Öre as kronor with two decimals: 1234,50 or 1234.50. */
function kronor(ore: number, comma: boolean): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const text = `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return comma ? text.replace('.', ',') : text;
}

interface LedgerRow {
  costCentre: string;
  account: string;
  activity: string | null;
  counterpart: string | null;
  amount: number;
  text: string;
  unitName: string;
}

/**
 * The ledger rows: the lines summed per kontering (cost centre, account, activity, counterpart),
 * and, when the layout asks, one credit row per cost centre to the IT unit's income account, so
 * that the file balances as the SIE vouchers do. Sums of zero are left out.
 */
export function ledgerRows(f: FinanceRun): LedgerRow[] {
  const sums = new Map<string, LedgerRow>();
  for (const l of f.lines) {
    const key = [l.costCentre, l.account, l.activity ?? '', l.counterpart ?? ''].join('\u0000');
    const row = sums.get(key);
    if (row) row.amount += l.amount;
    else
      sums.set(key, {
        costCentre: l.costCentre!,
        account: l.account!,
        activity: l.activity,
        counterpart: l.counterpart,
        amount: l.amount,
        text: `Debitering ${f.run.period}`,
        unitName: l.unitName,
      });
  }
  const debits = [...sums.values()].filter((r) => r.amount !== 0);
  if (!f.config.layout.includeCredit) return debits;
  const out: LedgerRow[] = [];
  const centres = [...new Set(debits.map((r) => r.costCentre))];
  for (const centre of centres) {
    const rows = debits.filter((r) => r.costCentre === centre);
    out.push(...rows);
    const total = rows.reduce((a, r) => a + r.amount, 0);
    if (total !== 0)
      out.push({
        costCentre: f.config.itCostCentre,
        account: f.config.incomeAccount,
        activity: null,
        counterpart: null,
        amount: -total,
        text: `Intern försäljning ${f.run.period} ${rows[0]!.unitName}`,
        unitName: f.config.itUnit!.name,
      });
  }
  return out;
}

function ledgerCell(field: LedgerLayout['columns'][number]['field'], r: LedgerRow, f: FinanceRun): string {
  const comma = f.config.layout.decimalComma;
  switch (field) {
    case 'period':
      return f.run.period.replace('-', '');
    case 'date':
      return periodBounds(f.run.period).end;
    case 'series':
      return f.config.series;
    case 'costCentre':
      return r.costCentre;
    case 'account':
      return r.account;
    case 'activity':
      return r.activity ?? '';
    case 'counterpart':
      return r.counterpart ?? '';
    case 'amount':
      return kronor(r.amount, comma);
    case 'debit':
      return r.amount > 0 ? kronor(r.amount, comma) : '';
    case 'credit':
      return r.amount < 0 ? kronor(-r.amount, comma) : '';
    case 'text':
      return r.text;
    case 'unitName':
      return r.unitName;
  }
}

const MONEY = new Set(['amount', 'debit', 'credit']);

/** The run in the tenant's ledger layout, CSV or XLSX. */
export async function ledgerFile(
  db: Database,
  actor: Actor,
  runId: string,
  format: 'csv' | 'xlsx',
): Promise<ExportFile> {
  const f = await financeRun(db, actor, runId);
  const { columns, delimiter } = f.config.layout;
  const header = columns.map((c) => c.header);
  const rows = ledgerRows(f).map((r) => columns.map((c) => ledgerCell(c.field, r, f)));
  const money = columns.map((c) => MONEY.has(c.field));
  const filename = `debitering-${f.run.period}-${f.config.layout.preset}.${format}`;
  if (format === 'csv')
    return {
      filename,
      contentType: 'text/csv; charset=utf-8',
      body: writeCsv(header, rows, { delimiter: delimiter === 'tab' ? '\t' : delimiter, numeric: money }),
    };
  return {
    filename,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await writeXlsx(
      'Debitering',
      header,
      rows,
      money.map((m) => (m ? XLSX_KR : undefined)),
    ),
  };
}

// ---------------------------------------------------------------- a unit's specification

/** The unit and every unit under it. */
async function subtree(db: Executor, tenantId: string, unitId: string): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      with recursive below(id, depth) as (
        select id, 0 from units where tenant_id = ${tenantId}::uuid and id = ${unitId}::uuid
        union all
        select u.id, b.depth + 1 from units u
          join below b on u.tenant_id = ${tenantId}::uuid and u.parent_id = b.id
        where b.depth < 50
      )
      select distinct id from below`),
  );
  return rows.map((r) => r.id);
}

/** A unit's bill for a run: its lines and its sub-units', for its people and its ekonom. */
export async function specification(
  db: Database,
  actor: Actor,
  runId: string,
  unitId: string,
): Promise<Specification> {
  const run = await getRun(db, actor, runId);
  const [unit] = await db
    .select({ id: units.id, name: units.name, costCentre: units.costCentre })
    .from(units)
    .where(and(eq(units.tenantId, actor.tenantId), eq(units.id, unitId)));
  if (!unit) throw problems.notFound('unit');
  const readable = await readableUnits(db, actor);
  if (readable !== 'all' && !readable.includes(unitId))
    throw problems.forbidden("Only the unit's people and its ekonom read its specification");
  const ids = await subtree(db, actor.tenantId, unitId);
  const rows = await db
    .select({
      line: runLines,
      unitName: units.name,
      offering: offerings.name,
      disputeId: disputes.id,
    })
    .from(runLines)
    .innerJoin(units, and(eq(units.tenantId, runLines.tenantId), eq(units.id, runLines.unitId)))
    .leftJoin(
      offerings,
      and(eq(offerings.tenantId, runLines.tenantId), eq(offerings.id, runLines.offeringId)),
    )
    .leftJoin(disputes, and(eq(disputes.tenantId, runLines.tenantId), eq(disputes.lineId, runLines.id)))
    .where(
      and(eq(runLines.tenantId, actor.tenantId), eq(runLines.runId, runId), inArray(runLines.unitId, ids)),
    )
    // The unit's own lines first, then its sub-units' by name.
    .orderBy(
      sql`${runLines.unitId} <> ${unitId}::uuid`,
      asc(units.sortName),
      asc(runLines.costCentre),
      asc(runLines.account),
      asc(runLines.id),
    );
  const [tenant] = await db
    .select({ name: tenants.name })
    .from(tenants)
    .where(eq(tenants.id, actor.tenantId));
  const sums = new Map<string, Specification['byKontering'][number]>();
  for (const { line: l } of rows) {
    const key = [l.costCentre, l.account, l.activity, l.counterpart].map((c) => c ?? '').join('\u0000');
    const s = sums.get(key);
    if (s) s.amount += l.amount;
    else
      sums.set(key, {
        costCentre: l.costCentre,
        account: l.account,
        activity: l.activity,
        counterpart: l.counterpart,
        amount: l.amount,
      });
  }
  return {
    run: {
      id: run.id,
      period: run.period,
      state: run.state as 'preview' | 'locked',
      lockedAt: run.lockedAt?.toISOString() ?? null,
    },
    unit,
    tenantName: tenant!.name,
    lines: rows.map(({ line: l, unitName, offering, disputeId }) => ({
      id: l.id,
      unit: { id: l.unitId, name: unitName },
      source: l.source,
      description: l.description,
      offering,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      amount: l.amount,
      kontering: {
        costCentre: l.costCentre,
        account: l.account,
        activity: l.activity,
        counterpart: l.counterpart,
      },
      disputed: disputeId !== null,
    })),
    byKontering: [...sums.values()],
    total: rows.reduce((a, r) => a + r.line.amount, 0),
  };
}

/** "4.0000" → "4", "12.5000" → "12,5": numeric(16,4) as a person writes it. */
function quantityText(q: string): string {
  return (q.includes('.') ? q.replace(/\.?0+$/, '') : q).replace('.', ',');
}

const SOURCE_NAMES: Record<string, string> = {
  subscription: 'Abonnemang',
  oneOff: 'Engångsköp',
  consumption: 'Förbrukning',
  rental: 'Hyra',
  correction: 'Rättelse',
  credit: 'Kreditering',
  allocation: 'Fördelning',
  deskHours: 'Servicedesktimmar',
};

/** The specification as a file for the unit's ekonom (Swedish headers, as the finance office reads). */
export async function specificationFile(
  db: Database,
  actor: Actor,
  runId: string,
  unitId: string,
  format: 'csv' | 'xlsx',
): Promise<ExportFile> {
  const spec = await specification(db, actor, runId, unitId);
  const header = [
    'Enhet',
    'Typ',
    'Beskrivning',
    'Antal',
    'À-pris (kr)',
    'Belopp (kr)',
    'Kostnadsställe',
    'Konto',
    'Aktivitet',
    'Motpart',
    'Bestriden',
  ];
  const rows = spec.lines.map((l) => [
    l.unit.name,
    SOURCE_NAMES[l.source] ?? l.source,
    l.description,
    quantityText(l.quantity),
    kronor(l.unitPrice, true),
    kronor(l.amount, true),
    l.kontering.costCentre ?? '',
    l.kontering.account ?? '',
    l.kontering.activity ?? '',
    l.kontering.counterpart ?? '',
    l.disputed ? 'Ja' : '',
  ]);
  rows.push(['Totalt', '', '', '', '', kronor(spec.total, true), '', '', '', '', '']);
  const state = spec.run.state === 'preview' ? '-preliminar' : '';
  const slug = (spec.unit.costCentre ?? spec.unit.name).replace(/[^0-9A-Za-z]+/g, '-');
  const filename = `specifikation-${spec.run.period}-${slug}${state}.${format}`;
  const numeric = header.map((_, i) => i >= 3 && i <= 5);
  if (format === 'csv')
    return { filename, contentType: 'text/csv; charset=utf-8', body: writeCsv(header, rows, { numeric }) };
  return {
    filename,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await writeXlsx(
      spec.run.state === 'preview' ? 'Preliminär' : 'Specifikation',
      header,
      rows,
      numeric.map((n, i) => (n ? (i === 3 ? '0.####' : XLSX_KR) : undefined)),
    ),
  };
}

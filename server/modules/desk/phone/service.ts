import { and, desc, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type {
  CallImportReport,
  PhoneCallListQuery,
  PhoneFigures,
  PhoneSettingsUpdate,
  PhoneStatsQuery,
} from '../../../../shared/desk/phone.ts';
import { type Database, type Executor, rowsOf } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { problems } from '../../../platform/errors.ts';
import { iso } from '../../../platform/http.ts';
import { newId } from '../../../platform/ids.ts';
import {
  afterKey,
  keyOrder,
  type SortKey,
  sortKeyFields,
  sortKeyOfRow,
  toPage,
  withoutKey,
} from '../../../platform/pagination.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { DEFAULT_LIMITS, readSheet } from '../../../platform/transfer/index.ts';
import { assertVersion } from '../../../platform/versioning.ts';
import {
  chooseColumns,
  type ImportError,
  numberDuplicates,
  type ParsedCall,
  parseCalls,
  ZONE,
} from './plan.ts';
import { callImports, calls, phoneSettings } from './schema.ts';

// The rules of the desk's phone statistics: the only writer of ./schema.ts. Calls come in whole
// exports (an import batch, audited as one event with its counts, not one per call: an export of a
// year holds tens of thousands); the same call twice is skipped by its natural key (schema.ts).
// The figures are aggregated in SQL over the (tenant, at) index.

export const DEFAULT_SETTINGS = { answerSeconds: 60, targetPercent: 80 } as const;

export type SettingsRow = {
  answerSeconds: number;
  targetPercent: number;
  version: number;
  updatedAt: Date | null;
};

/** The tenant's answer promise; the defaults (version 1) until an admin has changed them. */
export async function getSettings(db: Executor, tenantId: string): Promise<SettingsRow> {
  const [row] = await db.select().from(phoneSettings).where(eq(phoneSettings.tenantId, tenantId));
  return row ?? { ...DEFAULT_SETTINGS, version: 1, updatedAt: null };
}

/** Changes the promise; a stale version is a 409. The defaults count as version 1. */
export function updateSettings(db: Database, actor: Actor, input: PhoneSettingsUpdate) {
  return inTenant(db, actor, async (s) => {
    const [row] = await s.tx.select().from(phoneSettings).where(s.where(phoneSettings)).for('update');
    const before = row ?? { ...DEFAULT_SETTINGS, version: 1, updatedAt: null };
    assertVersion(before, input.version, 'phone settings');
    const values = {
      answerSeconds: input.answerSeconds ?? before.answerSeconds,
      targetPercent: input.targetPercent ?? before.targetPercent,
      version: before.version + 1,
      updatedAt: new Date(),
    };
    const after = await s.saveSettings(phoneSettings, { exists: !!row, version: before.version }, values);
    await s.audit({
      entity: 'phoneSettings',
      entityId: s.tenantId,
      action: 'update',
      before: { answerSeconds: before.answerSeconds, targetPercent: before.targetPercent },
      after: { answerSeconds: after.answerSeconds, targetPercent: after.targetPercent },
    });
    return after as SettingsRow;
  });
}

// ---------------------------------------------------------------- import

export interface CallImportOptions {
  dryRun: boolean;
  /** Header → field ('' ignores the column), overriding the automatic match. */
  mapping?: Record<string, string>;
  fileName?: string;
}

type Keyed = ParsedCall & { seq: number };

/** The first and last call's time (a loop: a spread of 50,000 arguments may overflow the stack). */
function span(list: readonly ParsedCall[]): [Date | null, Date | null] {
  let first: Date | null = null;
  let last: Date | null = null;
  for (const c of list) {
    if (!first || c.at < first) first = c.at;
    if (!last || c.at > last) last = c.at;
  }
  return [first, last];
}

/** The calls as one JSON text, read in SQL by json_to_recordset: one parameter however many. */
const asJson = (list: readonly Keyed[], ids?: string[]) =>
  JSON.stringify(
    list.map((c, i) => ({
      id: ids?.[i],
      at: c.at.toISOString(),
      queue: c.queue,
      w: c.waitedSeconds,
      o: c.outcome,
      seq: c.seq,
    })),
  );

const recordset = (json: string) =>
  sql`json_to_recordset(${json}::json) as x(id uuid, at timestamptz, queue text, w integer, o text, seq integer)`;

/** How many of the calls the tenant holds already (by the natural key). */
async function countExisting(s: TenantScope, json: string): Promise<number> {
  const result = await s.tx.execute(sql`
    select count(*)::int as n from ${recordset(json)}
    join ${calls} c on c.tenant_id = ${s.tenantId} and c.at = x.at and c.queue = x.queue
      and c.waited_seconds = x.w and c.outcome = x.o and c.seq = x.seq`);
  return rowsOf<{ n: number }>(result)[0]!.n;
}

/**
 * Writes calls as one import batch in the scope's transaction: the batch row, every call not
 * held yet (one INSERT … SELECT over the JSON, ON CONFLICT DO NOTHING on the natural key), and one
 * audit event with the counts. The demo loads its two years through here too.
 */
export async function writeCalls(
  s: TenantScope,
  list: readonly Keyed[],
  meta: { fileName: string | null },
): Promise<typeof callImports.$inferSelect> {
  const id = newId();
  const [firstAt, lastAt] = span(list);
  const [batch] = await s
    .insert(callImports, {
      id,
      fileName: meta.fileName,
      importedBy: s.actor.personId || null,
      importedByName: s.actor.name,
      rows: list.length,
      added: 0,
      alreadyImported: 0,
      firstAt,
      lastAt,
    })
    .returning();
  const json = asJson(
    list,
    list.map(() => newId()),
  );
  const result = await s.tx.execute(sql`
    with ins as (
      insert into ${calls} (tenant_id, id, at, queue, waited_seconds, outcome, seq, import_id)
      select ${s.tenantId}, x.id, x.at, x.queue, x.w, x.o, x.seq, ${id} from ${recordset(json)}
      on conflict (tenant_id, at, queue, waited_seconds, outcome, seq) do nothing
      returning 1
    ) select count(*)::int as n from ins`);
  const added = rowsOf<{ n: number }>(result)[0]!.n;
  const [after] = await s
    .update(callImports, { added, alreadyImported: list.length - added }, eq(callImports.id, id))
    .returning();
  await s.audit({ entity: 'callImport', entityId: id, action: 'create', before: null, after: after! });
  return after ?? batch!;
}

const mappingError = (errors: ImportError[]) => {
  const detail = `${errors.length} ${errors.length === 1 ? 'error' : 'errors'} in the file. Nothing was imported.`;
  return problems.validation(
    errors.slice(0, 1000).map((e) => ({
      path: `${e.line === null ? 'file' : `line ${e.line}`}${e.field ? `.${e.field}` : ''}`,
      message: e.message,
    })),
    detail,
  );
};

/** Imports a telephony export, all or nothing; a dry run answers the same report, writing nothing. */
export async function importCalls(
  db: Database,
  actor: Actor,
  file: Buffer,
  options: CallImportOptions,
): Promise<CallImportReport> {
  const sheet = await readSheet(file, DEFAULT_LIMITS);
  const errors: ImportError[] = [];
  const columns = chooseColumns(sheet, options.mapping, errors);
  const parsed = numberDuplicates(parseCalls(sheet, columns, errors));
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (!options.dryRun && errors.length > 0) throw mappingError(errors);
  return inTenant(db, actor, async (s) => {
    const [first, last] = span(parsed);
    const base = { columns, rows: sheet.rows.length, errors, first: iso(first), last: iso(last) };
    if (options.dryRun) {
      const existing = parsed.length ? await countExisting(s, asJson(parsed)) : 0;
      return {
        ...base,
        dryRun: true,
        written: false,
        added: parsed.length - existing,
        alreadyImported: existing,
        importId: null,
      };
    }
    const batch = await writeCalls(s, parsed, { fileName: options.fileName ?? null });
    return {
      ...base,
      dryRun: false,
      written: true,
      added: batch.added,
      alreadyImported: batch.alreadyImported,
      importId: batch.id,
    };
  });
}

export async function listImports(db: Database, actor: Actor, limit = 20) {
  const s = readScope(db, actor);
  return db
    .select()
    .from(callImports)
    .where(s.where(callImports))
    .orderBy(desc(callImports.importedAt), desc(callImports.id))
    .limit(limit);
}

// ---------------------------------------------------------------- list and figures

/** Today in Stockholm, YYYY-MM-DD. */
export function todayInStockholm(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE }).format(now);
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The range's conditions on `at`: from the first day's midnight to the one after the last day. */
function inRange(from: string | undefined, to: string | undefined): (SQL | undefined)[] {
  return [
    from ? sql`${calls.at} >= (${from}::date)::timestamp at time zone ${ZONE}` : undefined,
    to ? sql`${calls.at} < ((${to}::date) + 1)::timestamp at time zone ${ZONE}` : undefined,
  ];
}

export type CallRow = typeof calls.$inferSelect;

/** Time order, paged on the natural key: unique, and the one index of the table (schema.ts). */
const byTime: SortKey = {
  columns: [
    sql`${calls.at}`,
    sql`${calls.queue}`,
    sql`${calls.waitedSeconds}`,
    sql`${calls.outcome}`,
    sql`${calls.seq}`,
  ],
  types: ['timestamptz', 'text', 'int', 'text', 'int'],
};

export async function listCalls(db: Database, actor: Actor, query: PhoneCallListQuery) {
  const s = readScope(db, actor);
  const descending = query.order === 'desc';
  const rows = await db
    .select({ ...getTableColumns(calls), ...sortKeyFields(byTime) })
    .from(calls)
    .where(
      s.where(
        calls,
        ...inRange(query.from, query.to),
        query.queue ? eq(calls.queue, query.queue) : undefined,
        query.outcome ? eq(calls.outcome, query.outcome) : undefined,
        afterKey(byTime, query.cursor, descending),
      ),
    )
    .orderBy(...keyOrder(byTime, descending))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => sortKeyOfRow(byTime, r));
  return { items: page.items.map((r) => withoutKey(r) as CallRow), nextCursor: page.nextCursor };
}

interface FigureRow {
  period?: string;
  offered: number;
  answered: number;
  abandoned: number;
  within: number;
  mean: number | null;
  p90: number | null;
}

function figures(row: FigureRow, targetPercent: number): PhoneFigures {
  const share = row.offered > 0 ? row.within / row.offered : null;
  return {
    offered: row.offered,
    answered: row.answered,
    abandoned: row.abandoned,
    answeredWithinTarget: row.within,
    shareWithinTarget: share,
    meanWaitSeconds: row.mean === null ? null : Number(row.mean),
    p90WaitSeconds: row.p90 === null ? null : Number(row.p90),
    // Compared in whole calls, so that 80 % of 5 calls needs 4, not 3.9999.
    targetMet: share === null ? null : row.within * 100 >= targetPercent * row.offered,
  };
}

/** Offered, answered, abandoned, within the promise, mean and 90th percentile: per period and in all. */
export async function callStats(db: Database, actor: Actor, query: PhoneStatsQuery) {
  const s = readScope(db, actor);
  const to = query.to ?? todayInStockholm();
  const from = query.from ?? addDays(to, -90);
  if (from > to) throw problems.field('querystring.from', 'Must not be after to');
  const settings = await getSettings(db, actor.tenantId);
  const where = s.where(calls, ...inRange(from, to), query.queue ? eq(calls.queue, query.queue) : undefined);
  const unit = sql.raw(`'${query.groupBy}'`);
  const aggregates = sql`
    count(*)::int as offered,
    count(*) filter (where ${calls.outcome} = 'answered')::int as answered,
    count(*) filter (where ${calls.outcome} = 'abandoned')::int as abandoned,
    count(*) filter (where ${calls.outcome} = 'answered' and ${calls.waitedSeconds} <= ${settings.answerSeconds})::int as within,
    (avg(${calls.waitedSeconds}) filter (where ${calls.outcome} = 'answered'))::float8 as mean,
    (percentile_cont(0.9) within group (order by ${calls.waitedSeconds}) filter (where ${calls.outcome} = 'answered'))::float8 as p90`;
  const [periodRows, totalRows, queueRows] = await Promise.all([
    db.execute(sql`
      select date_trunc(${unit}, ${calls.at} at time zone ${ZONE})::date::text as period, ${aggregates}
      from ${calls} where ${where} group by 1 order by 1`),
    db.execute(sql`select ${aggregates} from ${calls} where ${where}`),
    db.execute(sql`
      select distinct ${calls.queue} as queue from ${calls}
      where ${s.where(calls, ...inRange(from, to))} order by 1`),
  ]);
  return {
    from,
    to,
    settings,
    total: figures(rowsOf<FigureRow>(totalRows)[0]!, settings.targetPercent),
    periods: rowsOf<FigureRow>(periodRows).map((r) => ({
      period: r.period!,
      ...figures(r, settings.targetPercent),
    })),
    queues: rowsOf<{ queue: string }>(queueRows).map((r) => r.queue),
  };
}

// ---------------------------------------------------------------- audit names

export async function importRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(callImports)
    .where(and(eq(callImports.tenantId, tenantId), inArray(callImports.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: `${r.fileName ?? 'Samtalsstatistik'} (${r.added} samtal)`,
        href: '/desk/phone',
        archived: false,
      },
    ]),
  );
}

export async function settingsRefs(_db: Executor, tenantId: string, ids: readonly string[]) {
  return new Map(
    ids
      .filter((id) => id === tenantId)
      .map((id) => [id, { id, name: 'Svarslöfte i telefon', href: '/desk/phone', archived: false }]),
  );
}

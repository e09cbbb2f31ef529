import { and, asc, count, countDistinct, eq, inArray, isNull, sql, sum } from 'drizzle-orm';
import type {
  ConsumptionBatch,
  ConsumptionListQuery,
  ConsumptionWriteResult,
} from '../../../../shared/catalogue/consumption.ts';
import { measuredModels } from '../../../../shared/catalogue/consumption.ts';
import type { Kontering, KonteringDimension } from '../../../../shared/catalogue/orders.ts';
import { checkKontering, konteringDimensions } from '../../../../shared/catalogue/orders.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { units } from '../../../platform/directory/schema.ts';
import { problems } from '../../../platform/errors.ts';
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
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { ImportErrors, MAX_ERRORS, type RowError } from '../../../platform/transfer/index.ts';
import { offerings } from '../offerings/schema.ts';
import { konteringCodes } from '../orders/schema.ts';
import { cataloguePolicy } from '../policy.ts';
import { runs } from '../runs/schema.ts';
import { consumption, consumptionImports } from './schema.ts';

// The rules of consumption: the only writer of ./schema.ts. A file and an API batch go through the
// same check (every row's offering measured, unit known, kontering the unit's own) and the same
// write: all rows or none, each keyed by month, offering, unit and reference, so that the same
// export sent twice changes nothing and a corrected one replaces the quantities it names. Rows
// the new file does not name are kept: a partial export loses nothing already stored.

/** A row checked and resolved: what is written. */
export interface ConsumptionValues {
  period: string;
  offeringId: string;
  unitId: string;
  reference: string;
  quantity: number;
  costCentre: string;
  account: string;
  activity: string | null;
  counterpart: string | null;
}

/** A row before its references are resolved: by id (the API) or by name or code (a file). */
export interface ConsumptionInput {
  line: number;
  period: string;
  offering: { id: string } | { name: string };
  unit: { id: string } | { ref: string };
  reference?: string | null;
  quantity: number;
  kontering: Partial<Kontering>;
}

interface Context {
  offerings: { id: string; name: string; priceModel: string; archived: boolean }[];
  units: { id: string; name: string; costCentre: string | null; archived: boolean }[];
  /** The unit's codes per dimension (its own cost centre among the cost centres). */
  codes: Map<string, Record<KonteringDimension, Set<string>>>;
}

async function loadContext(s: TenantScope): Promise<Context> {
  const [offeringRows, unitRows, codeRows] = await Promise.all([
    s.tx
      .select({
        id: offerings.id,
        name: offerings.name,
        priceModel: offerings.priceModel,
        archivedAt: offerings.archivedAt,
      })
      .from(offerings)
      .where(s.where(offerings)),
    s.tx
      .select({ id: units.id, name: units.name, costCentre: units.costCentre, archivedAt: units.archivedAt })
      .from(units)
      .where(s.where(units)),
    s.tx
      .select({
        unitId: konteringCodes.unitId,
        dimension: konteringCodes.dimension,
        code: konteringCodes.code,
      })
      .from(konteringCodes)
      .where(s.where(konteringCodes, isNull(konteringCodes.archivedAt))),
  ]);
  const codes = new Map<string, Record<KonteringDimension, Set<string>>>();
  const of = (unitId: string) => {
    let c = codes.get(unitId);
    if (!c) {
      c = Object.fromEntries(konteringDimensions.map((d) => [d, new Set<string>()])) as Record<
        KonteringDimension,
        Set<string>
      >;
      codes.set(unitId, c);
    }
    return c;
  };
  for (const u of unitRows) if (u.costCentre) of(u.id).costCentre.add(u.costCentre);
  for (const r of codeRows) of(r.unitId)[r.dimension as KonteringDimension].add(r.code);
  return {
    offerings: offeringRows.map((o) => ({ ...o, archived: o.archivedAt !== null })),
    units: unitRows.map((u) => ({ ...u, archived: u.archivedAt !== null })),
    codes,
  };
}

const fold = (s: string) => s.trim().toLocaleLowerCase('sv-SE');

/**
 * Checks and resolves the rows; every problem goes to `errors` with its line and field, so that a
 * file is refused with all of them at once. Pure over the context.
 */
export function planConsumption(
  rows: readonly ConsumptionInput[],
  ctx: Context,
  errors: ImportErrors,
): ConsumptionValues[] {
  const offeringsById = new Map(ctx.offerings.map((o) => [o.id, o]));
  const offeringsByName = new Map<string, Context['offerings']>();
  for (const o of ctx.offerings) {
    if (o.archived) continue;
    const list = offeringsByName.get(fold(o.name)) ?? [];
    list.push(o);
    offeringsByName.set(fold(o.name), list);
  }
  const unitsById = new Map(ctx.units.map((u) => [u.id, u]));
  const unitsByRef = new Map<string, Context['units']>();
  for (const u of ctx.units) {
    if (u.archived) continue;
    for (const key of new Set([u.costCentre, fold(u.name)])) {
      if (!key) continue;
      const list = unitsByRef.get(key) ?? [];
      list.push(u);
      unitsByRef.set(key, list);
    }
  }
  const seen = new Map<string, number>();
  const out: ConsumptionValues[] = [];
  for (const row of rows) {
    const offering =
      'id' in row.offering
        ? offeringsById.get(row.offering.id)
        : (() => {
            const found = offeringsByName.get(fold(row.offering.name)) ?? [];
            if (found.length > 1) errors.add(row.line, 'offering', 'Several offerings have this name');
            return found.length === 1 ? found[0] : undefined;
          })();
    if (!offering) {
      if (!('name' in row.offering && (offeringsByName.get(fold(row.offering.name))?.length ?? 0) > 1))
        errors.add(row.line, 'offering', 'No such offering');
    } else if (offering.archived) errors.add(row.line, 'offering', 'The offering is archived');
    else if (!(measuredModels as readonly string[]).includes(offering.priceModel))
      errors.add(row.line, 'offering', 'The offering is not priced per unit or per hour: nothing to measure');
    const unit =
      'id' in row.unit
        ? unitsById.get(row.unit.id)
        : (() => {
            const found = unitsByRef.get(row.unit.ref) ?? unitsByRef.get(fold(row.unit.ref)) ?? [];
            if (found.length !== 1)
              errors.add(
                row.line,
                'unit',
                found.length === 0
                  ? 'No unit has this cost centre or name'
                  : 'Several units have this name: name the unit by its cost centre',
              );
            return found.length === 1 ? found[0] : undefined;
          })();
    if (!unit && 'id' in row.unit) errors.add(row.line, 'unitId', 'No such unit');
    else if (unit?.archived) errors.add(row.line, 'unit', 'The unit is archived');
    if (!offering || !unit || unit.archived) continue;
    const allowed = ctx.codes.get(unit.id);
    const costCentre = row.kontering.costCentre ?? unit.costCentre;
    const accounts = [...(allowed?.account ?? [])];
    const account = row.kontering.account ?? (accounts.length === 1 ? accounts[0] : undefined);
    if (!costCentre) {
      errors.add(row.line, 'costCentre', 'The unit has no cost centre: give one');
      continue;
    }
    if (!account) {
      errors.add(
        row.line,
        'account',
        accounts.length === 0
          ? 'The unit has no account codes: give one'
          : 'The unit has several accounts: give one',
      );
      continue;
    }
    const kontering: Kontering = {
      costCentre,
      account,
      activity: row.kontering.activity ?? null,
      counterpart: row.kontering.counterpart ?? null,
    };
    const bad = checkKontering(
      kontering,
      allowed ??
        (Object.fromEntries(konteringDimensions.map((d) => [d, new Set()])) as Record<
          KonteringDimension,
          Set<string>
        >),
    );
    for (const [field, message] of Object.entries(bad)) errors.add(row.line, field, message);
    if (Object.keys(bad).length > 0) continue;
    const reference = row.reference?.trim() ?? '';
    const key = `${row.period}|${offering.id}|${unit.id}|${reference}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.add(row.line, 'reference', `The same month, offering, unit and reference as line ${first}`);
      continue;
    }
    seen.set(key, row.line);
    out.push({
      period: row.period,
      offeringId: offering.id,
      unitId: unit.id,
      reference,
      quantity: row.quantity,
      costCentre: kontering.costCentre,
      account: kontering.account,
      activity: kontering.activity ?? null,
      counterpart: kontering.counterpart ?? null,
    });
  }
  return out;
}

const keyOf = (v: { period: string; offeringId: string; unitId: string; reference: string }) =>
  `${v.period}|${v.offeringId}|${v.unitId}|${v.reference}`;
const same = (a: ConsumptionValues, b: ConsumptionValues) =>
  a.quantity === b.quantity &&
  a.costCentre === b.costCentre &&
  a.account === b.account &&
  a.activity === b.activity &&
  a.counterpart === b.counterpart;

/**
 * Checks the rows and, unless a dry run or any row is bad, writes them in the caller's
 * transaction: new keys inserted, changed ones updated, the same left alone; one audit event.
 */
export async function writeConsumption(
  s: TenantScope,
  actor: Actor,
  rows: readonly ConsumptionInput[],
  options: { dryRun: boolean; fileName?: string | null; errors?: ImportErrors; api?: boolean },
): Promise<ConsumptionWriteResult> {
  const errors = options.errors ?? new ImportErrors();
  const values = planConsumption(rows, await loadContext(s), errors);
  // A locked month never changes: its consumption stays what the run priced.
  const named = [...new Set(rows.map((r) => r.period))];
  const locked = new Set(
    named.length === 0
      ? []
      : (
          await s.tx
            .select({ period: runs.period })
            .from(runs)
            .where(s.where(runs, inArray(runs.period, named), eq(runs.state, 'locked')))
        ).map((r) => r.period),
  );
  for (const r of rows)
    if (locked.has(r.period))
      errors.add(r.line, 'period', 'The month is locked: its consumption no longer changes');
  if (options.api && errors.total > 0) {
    // The batch's own fields (its month, its offering) once, not once per row.
    const found = errors.sorted().map(apiPath);
    const unique = found.filter(
      (e, i) => found.findIndex((o) => o.path === e.path && o.message === e.message) === i,
    );
    throw problems.validation(unique.slice(0, MAX_ERRORS));
  }
  errors.throwIfAny();
  const periods = [...new Set(values.map((v) => v.period))].sort();
  // Imports of the same months take turns (a lock per month, taken in order so two imports of
  // overlapping months cannot deadlock): the second then sees the first's rows, and a key is
  // counted as created once. Row locks alone would not do: there is no row yet to lock.
  for (const p of periods)
    await s.tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`catalogue.consumption:${s.tenantId}:${p}`}, 0))`,
    );
  const existing =
    periods.length === 0
      ? []
      : await s.tx
          .select()
          .from(consumption)
          .where(s.where(consumption, inArray(consumption.period, periods)));
  const stored = new Map(existing.map((r) => [keyOf(r), r]));
  const creates = values.filter((v) => !stored.has(keyOf(v)));
  const updates = values.filter((v) => {
    const before = stored.get(keyOf(v));
    return before !== undefined && !same(before, v);
  });
  const result = {
    created: creates.length,
    updated: updates.length,
    unchanged: values.length - creates.length - updates.length,
    dryRun: options.dryRun,
    importId: null as string | null,
  };
  if (options.dryRun || (creates.length === 0 && updates.length === 0)) return result;
  const importId = newId();
  await s.insert(consumptionImports, {
    id: importId,
    fileName: options.fileName ?? null,
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
    importedById: actor.personId,
  });
  const changed = [...creates, ...updates];
  for (let i = 0; i < changed.length; i += 1000) {
    const chunk = changed
      .slice(i, i + 1000)
      .map((v) => ({ ...v, id: newId(), importId, tenantId: s.tenantId }));
    await s.tx
      .insert(consumption)
      .values(chunk)
      .onConflictDoUpdate({
        target: [
          consumption.tenantId,
          consumption.period,
          consumption.offeringId,
          consumption.unitId,
          consumption.reference,
        ],
        set: {
          quantity: sql`excluded.quantity`,
          costCentre: sql`excluded.cost_centre`,
          account: sql`excluded.account`,
          activity: sql`excluded.activity`,
          counterpart: sql`excluded.counterpart`,
          importId: sql`excluded.import_id`,
          version: sql`${consumption.version} + 1`,
          updatedAt: sql`now()`,
        },
      });
  }
  await s.audit({
    entity: 'catalogueConsumptionImport',
    entityId: importId,
    action: 'import',
    after: { fileName: options.fileName ?? null, periods, created: result.created, updated: result.updated },
  });
  return { ...result, importId };
}

/** An error of an API batch where the body has it: the offering is the batch's, the rest the row's. */
function apiPath(e: RowError) {
  const field = e.field === 'unit' ? 'unitId' : e.field;
  return {
    path:
      field === 'offering' || field === 'period'
        ? `body.${field === 'offering' ? 'offeringId' : 'period'}`
        : `body.rows.${e.line}.${field}`,
    message: e.message,
  };
}

/** Consumption sent through the API: one month and offering, all rows or none. */
export function sendConsumption(db: Database, actor: Actor, input: ConsumptionBatch, dryRun: boolean) {
  if (!cataloguePolicy.manage(actor)) throw problems.forbidden();
  return inTenant(db, actor, (s) =>
    writeConsumption(
      s,
      actor,
      input.rows.map((r, i) => ({
        // The API's "line" is the row's index, so errors read rows.N.field.
        line: i,
        period: input.period,
        offering: { id: input.offeringId },
        unit: { id: r.unitId },
        reference: r.reference,
        quantity: r.quantity,
        kontering: {
          costCentre: r.costCentre,
          account: r.account,
          activity: r.activity,
          counterpart: r.counterpart,
        },
      })),
      { dryRun, api: true },
    ),
  );
}

type Row = typeof consumption.$inferSelect & {
  offeringName: string;
  priceUnit: string | null;
  unitName: string;
};

const listKey: SortKey = {
  columns: [sql`${units.sortName}`, sql`${consumption.id}`],
  types: ['text', 'uuid'],
};

/** A month's consumption, by unit name, filtered by offering and unit; keyset pages. */
export async function listConsumption(db: Database, actor: Actor, query: ConsumptionListQuery) {
  if (!cataloguePolicy.manage(actor)) throw problems.forbidden();
  const s = readScope(db, actor);
  const rows = await s.tx
    .select({
      ...consumptionColumns,
      offeringName: offerings.name,
      priceUnit: offerings.priceUnit,
      unitName: units.name,
      ...sortKeyFields(listKey),
    })
    .from(consumption)
    .innerJoin(
      offerings,
      and(eq(offerings.tenantId, consumption.tenantId), eq(offerings.id, consumption.offeringId)),
    )
    .innerJoin(units, and(eq(units.tenantId, consumption.tenantId), eq(units.id, consumption.unitId)))
    .where(
      s.where(
        consumption,
        eq(consumption.period, query.period),
        query.offeringId ? eq(consumption.offeringId, query.offeringId) : undefined,
        query.unitId ? eq(consumption.unitId, query.unitId) : undefined,
        query.search ? sql`${units.name} ilike ${likePattern(query.search)}` : undefined,
        afterKey(listKey, query.cursor, false),
      ),
    )
    .orderBy(...keyOrder(listKey, false))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => sortKeyOfRow(listKey, r));
  return { items: page.items.map((r) => withoutKey(r)) as Row[], nextCursor: page.nextCursor };
}

const consumptionColumns = {
  tenantId: consumption.tenantId,
  id: consumption.id,
  period: consumption.period,
  offeringId: consumption.offeringId,
  unitId: consumption.unitId,
  reference: consumption.reference,
  quantity: consumption.quantity,
  costCentre: consumption.costCentre,
  account: consumption.account,
  activity: consumption.activity,
  counterpart: consumption.counterpart,
  importId: consumption.importId,
  version: consumption.version,
  createdAt: consumption.createdAt,
  updatedAt: consumption.updatedAt,
};

/** The month's totals per offering: the quantities the run will price. */
export async function consumptionTotals(db: Database, actor: Actor, period: string) {
  if (!cataloguePolicy.manage(actor)) throw problems.forbidden();
  const s = readScope(db, actor);
  const rows = await s.tx
    .select({
      id: offerings.id,
      name: offerings.name,
      priceUnit: offerings.priceUnit,
      quantity: sum(consumption.quantity).mapWith(Number),
      units: countDistinct(consumption.unitId),
      rows: count(),
    })
    .from(consumption)
    .innerJoin(
      offerings,
      and(eq(offerings.tenantId, consumption.tenantId), eq(offerings.id, consumption.offeringId)),
    )
    .where(s.where(consumption, eq(consumption.period, period)))
    .groupBy(offerings.id, offerings.name, offerings.priceUnit, offerings.sortName)
    .orderBy(asc(offerings.sortName));
  return { period, offerings: rows };
}

/** How the audit trail names an import. */
export async function importRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(consumptionImports)
    .where(and(eq(consumptionImports.tenantId, tenantId), inArray(consumptionImports.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: `${r.fileName ?? 'Förbrukning'} (${r.created} nya, ${r.updated} ändrade)`,
        href: '/catalogue/consumption',
        archived: false,
      },
    ]),
  );
}

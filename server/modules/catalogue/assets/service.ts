import { addDays, format } from 'date-fns';
import {
  type AnyColumn,
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNull,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import {
  type AssetCreate,
  type AssetIssue,
  type AssetKind,
  type AssetListQuery,
  type AssetReturn,
  type AssetScrap,
  type AssetState,
  type AssetUpdate,
  assetKinds,
  type InvestmentBudgetPut,
  mayTransition,
  REPLACEMENT_NOTICE_DAYS,
  replacementDue,
} from '../../../../shared/catalogue/assets.ts';
import { monthOf } from '../../../../shared/catalogue/offerings.ts';
import { type Database, type Executor, rowsOf } from '../../../db/client.ts';
import { type Actor, systemActor } from '../../../platform/context.ts';
import { people, roleAssignments, units } from '../../../platform/directory/schema.ts';
import { problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { defineNotification } from '../../../platform/notifications/kinds.ts';
import { notify } from '../../../platform/notifications/service.ts';
import { decodeCursor, encodeCursor } from '../../../platform/pagination.ts';
import {
  type ArchiveInput,
  archiveRow,
  guardUnique,
  lockRow,
  restoreRow,
} from '../../../platform/records.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { offerings, rateCards } from '../offerings/schema.ts';
import { currentCard, type RateCardRow } from '../offerings/service.ts';
import { cataloguePolicy } from '../policy.ts';
import { assetAssignments, assets, investmentBudgets } from './schema.ts';

// The rules of rental equipment: the only writer of ./schema.ts. Every change is one transaction
// with its audit event.
//
// States (shared/catalogue/assets.ts): an asset is registered in stock, issued to a unit (the unit
// is charged; a person is optional), returned, issued again or scrapped. An issued asset is
// returned before it is scrapped or archived, so that every rental ends on a date someone stated.
// Each issue opens an assignment and each return closes it (to_on is the last day held, the
// return date): the chargeback run reads those periods, clipped to its month (activeRentals).
// Dates may not run backwards: an issue is on or after the purchase and the last return, a return
// on or after its issue, a scrapping on or after the last return.

export type AssetRow = typeof assets.$inferSelect;
export type AssignmentRow = typeof assetAssignments.$inferSelect;
export type BudgetRow = typeof investmentBudgets.$inferSelect;

export interface AssignmentView extends AssignmentRow {
  unitName: string;
  personName: string | null;
}

export interface AssetView extends AssetRow {
  offeringName: string;
  unitName: string | null;
  personName: string | null;
  /** The offering's rate card in effect this month. */
  card: RateCardRow | undefined;
  assignments: AssignmentView[];
}

const ASSET = 'catalogueAsset';
const BUDGET = 'catalogueInvestmentBudget';
const SERIAL_TAKEN = 'Another active asset has this serial number';

const guardSerial = <R>(work: () => Promise<R>) => guardUnique(work, 'body.serial', SERIAL_TAKEN);

const personName = (p: { givenName: AnyColumn; familyName: AnyColumn }) =>
  sql<string>`${p.givenName} || ' ' || ${p.familyName}`;

// ---------------------------------------------------------------- checks

/** The price models whose rate card is a rent by the month: what an asset may be rented at. */
export const RENTAL_PRICE_MODELS: readonly string[] = ['perUnitMonthly', 'fixedMonthly'];
export const NOT_MONTHLY = 'The offering is not priced by the month';

/** Refuses an offering that is not active in the scope's tenant or not a monthly rent, naming the field. */
async function checkOffering(s: TenantScope, offeringId: string, field = 'body.offeringId') {
  const [row] = await s.tx
    .select({ id: offerings.id, priceModel: offerings.priceModel })
    .from(offerings)
    .where(s.where(offerings, eq(offerings.id, offeringId), isNull(offerings.archivedAt)));
  if (!row) throw problems.field(field, 'No such active offering');
  if (!RENTAL_PRICE_MODELS.includes(row.priceModel)) throw problems.field(field, NOT_MONTHLY);
}

async function checkUnit(s: TenantScope, unitId: string, field = 'body.unitId') {
  const [row] = await s.tx
    .select({ id: units.id })
    .from(units)
    .where(s.where(units, eq(units.id, unitId), isNull(units.archivedAt)));
  if (!row) throw problems.field(field, 'No such active unit');
}

async function checkPerson(s: TenantScope, personId: string, field = 'body.personId') {
  const [row] = await s.tx
    .select({ id: people.id })
    .from(people)
    .where(s.where(people, eq(people.id, personId), isNull(people.archivedAt)));
  if (!row) throw problems.field(field, 'No such active person');
}

/** The asset locked, at the version given, active, and in a state the action may start from. */
async function lockFor(s: TenantScope, id: string, version: number, action: 'issue' | 'return' | 'scrap') {
  const row = await lockRow(s, assets, id);
  assertVersion(row, version, 'asset');
  if (row!.archivedAt) throw problems.conflict('The asset is archived; restore it first');
  if (!mayTransition(action, row!.state as AssetState))
    throw problems.conflict(
      action === 'scrap' && row!.state === 'issued'
        ? 'The asset is issued: return it before it is scrapped'
        : `An asset that is ${row!.state} cannot be ${action === 'issue' ? 'issued' : action === 'return' ? 'returned' : 'scrapped'}`,
    );
  return row!;
}

// ---------------------------------------------------------------- writes

export function createAsset(db: Database, actor: Actor, input: AssetCreate): Promise<AssetRow> {
  return guardSerial(() => inTenant(db, actor, (s) => insertAsset(s, input)));
}

/** Registers an asset in stock in the scope's transaction (the import writes many in one). */
export async function insertAsset(s: TenantScope, input: AssetCreate): Promise<AssetRow> {
  await checkOffering(s, input.offeringId);
  const [row] = await s
    .insert(assets, {
      id: newId(),
      ...input,
      note: input.note ?? null,
      replacementDueOn: replacementDue(input.purchasedOn, input.depreciationMonths),
      state: 'inStock',
    })
    .returning();
  await s.audit({ entity: ASSET, entityId: row!.id, action: 'create', after: row });
  return row!;
}

export function updateAsset(db: Database, actor: Actor, id: string, input: AssetUpdate) {
  return guardSerial(() =>
    inTenant(db, actor, async (s) => {
      const before = await lockRow(s, assets, id);
      assertVersion(before, input.version, 'asset');
      if (before!.archivedAt) throw problems.conflict('The asset is archived; restore it first');
      const { version, ...changes } = input;
      if (changes.offeringId && changes.offeringId !== before!.offeringId)
        await checkOffering(s, changes.offeringId);
      const purchasedOn = changes.purchasedOn ?? before!.purchasedOn;
      const months = changes.depreciationMonths ?? before!.depreciationMonths;
      if (changes.purchasedOn) {
        // Not after the first day it was rented out: every period starts on or after the purchase.
        const [first] = await s.tx
          .select({ fromOn: sql<string | null>`min(${assetAssignments.fromOn})::text` })
          .from(assetAssignments)
          .where(s.where(assetAssignments, eq(assetAssignments.assetId, id)));
        if (first?.fromOn && purchasedOn > first.fromOn)
          throw problems.field('body.purchasedOn', 'The asset was issued before this date');
      }
      const [after] = await s
        .update(
          assets,
          {
            ...definedOnly(changes),
            replacementDueOn: replacementDue(purchasedOn, months),
            version: version + 1,
            updatedAt: new Date(),
          },
          eq(assets.id, id),
        )
        .returning();
      await s.audit({ entity: ASSET, entityId: id, action: 'update', before, after });
      return after!;
    }),
  );
}

export function archiveAsset(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  return inTenant(db, actor, (s) =>
    archiveRow(s, assets, id, input, {
      entity: ASSET,
      noun: 'asset',
      check: (row) => {
        if (row.state === 'issued')
          throw problems.conflict('The asset is issued: return it before archiving');
      },
    }),
  );
}

/** Restores an asset; 409 naming the serial when another active asset has taken it meanwhile. */
export function restoreAsset(db: Database, actor: Actor, id: string, version: number) {
  return guardSerial(() =>
    inTenant(db, actor, (s) => restoreRow(s, assets, id, { version }, { entity: ASSET, noun: 'asset' })),
  );
}

/** Issues an asset to a unit (charged) and maybe a person from a date: opens an assignment. */
export function issueAsset(db: Database, actor: Actor, id: string, input: AssetIssue) {
  return inTenant(db, actor, (s) => issueInScope(s, id, input));
}

/** Issues in the scope's transaction (the import issues what it registers). */
export async function issueInScope(s: TenantScope, id: string, input: AssetIssue) {
  const before = await lockFor(s, id, input.version, 'issue');
  await checkUnit(s, input.unitId);
  if (input.personId) await checkPerson(s, input.personId);
  if (input.on < before.purchasedOn) throw problems.field('body.on', 'Before the asset was purchased');
  if (before.returnedOn && input.on <= before.returnedOn)
    throw problems.field('body.on', 'On or before the last return: the periods would overlap');
  await s.insert(assetAssignments, {
    id: newId(),
    assetId: id,
    unitId: input.unitId,
    personId: input.personId ?? null,
    fromOn: input.on,
  });
  const [after] = await s
    .update(
      assets,
      {
        state: 'issued',
        unitId: input.unitId,
        personId: input.personId ?? null,
        issuedOn: input.on,
        returnedOn: null,
        version: input.version + 1,
        updatedAt: new Date(),
      },
      eq(assets.id, id),
    )
    .returning();
  await s.audit({ entity: ASSET, entityId: id, action: 'issue', before, after });
  return after!;
}

/** Takes an issued asset back on a date (its last day rented): closes the assignment. */
export function returnAsset(db: Database, actor: Actor, id: string, input: AssetReturn) {
  return inTenant(db, actor, async (s) => {
    const before = await lockFor(s, id, input.version, 'return');
    if (before.issuedOn && input.on < before.issuedOn)
      throw problems.field('body.on', 'Before the asset was issued');
    await s.update(
      assetAssignments,
      { toOn: input.on },
      eq(assetAssignments.assetId, id),
      isNull(assetAssignments.toOn),
    );
    const [after] = await s
      .update(
        assets,
        {
          state: 'returned',
          unitId: null,
          personId: null,
          returnedOn: input.on,
          version: input.version + 1,
          updatedAt: new Date(),
        },
        eq(assets.id, id),
      )
      .returning();
    await s.audit({ entity: ASSET, entityId: id, action: 'return', before, after });
    return after!;
  });
}

/** Scraps an asset in stock or returned, with the reason (sold, broken, stolen). */
export function scrapAsset(db: Database, actor: Actor, id: string, input: AssetScrap) {
  return inTenant(db, actor, async (s) => {
    const before = await lockFor(s, id, input.version, 'scrap');
    const after0 = before.returnedOn ?? before.purchasedOn;
    if (input.on < after0)
      throw problems.field(
        'body.on',
        before.returnedOn ? 'Before the asset was returned' : 'Before the asset was purchased',
      );
    const [after] = await s
      .update(
        assets,
        {
          state: 'scrapped',
          scrappedOn: input.on,
          scrapReason: input.reason.trim(),
          version: input.version + 1,
          updatedAt: new Date(),
        },
        eq(assets.id, id),
      )
      .returning();
    await s.audit({ entity: ASSET, entityId: id, action: 'scrap', before, after });
    return after!;
  });
}

// ---------------------------------------------------------------- reads

/**
 * The units whose assets a reader who is not a keeper sees: their own unit and the units under
 * each unit-scoped grant of theirs (an ekonom or IT-samordnare of a förvaltning sees its enheter).
 */
async function ownUnits(db: Executor, actor: Actor): Promise<string[]> {
  if (!actor.personId) return [];
  const roots = actor.grants.filter((g) => g.scope === 'unit' && g.scopeId).map((g) => g.scopeId!);
  const [me] = await db
    .select({ unitId: people.unitId })
    .from(people)
    .where(and(eq(people.tenantId, actor.tenantId), eq(people.id, actor.personId)));
  if (me?.unitId) roots.push(me.unitId);
  if (roots.length === 0) return [];
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      with recursive below(id, depth) as (
        select id, 0 from units where tenant_id = ${actor.tenantId}
          and id in (${sql.join(
            roots.map((r) => sql`${r}::uuid`),
            sql`, `,
          )})
        union all
        select u.id, b.depth + 1 from units u
          join below b on u.tenant_id = ${actor.tenantId} and u.parent_id = b.id
        where b.depth < 50
      )
      select distinct id from below`),
  );
  return rows.map((r) => r.id);
}

/** What a reader who is not a keeper may see: their units' assets and what they hold. */
async function visibility(db: Executor, actor: Actor): Promise<SQL | undefined | false> {
  if (cataloguePolicy.readAllAssets(actor)) return undefined;
  if (!actor.personId) return false;
  const mine = await ownUnits(db, actor);
  return or(eq(assets.personId, actor.personId), mine.length ? inArray(assets.unitId, mine) : undefined);
}

function withNames(db: Executor) {
  return db
    .select({
      asset: assets,
      offeringName: offerings.name,
      unitName: units.name,
      personName: sql<string | null>`case when ${people.id} is null then null else ${personName(people)} end`,
    })
    .from(assets)
    .innerJoin(offerings, and(eq(offerings.tenantId, assets.tenantId), eq(offerings.id, assets.offeringId)))
    .leftJoin(units, and(eq(units.tenantId, assets.tenantId), eq(units.id, assets.unitId)))
    .leftJoin(people, and(eq(people.tenantId, assets.tenantId), eq(people.id, assets.personId)));
}

type NamedRow = { asset: AssetRow; offeringName: string; unitName: string | null; personName: string | null };

/** The rate cards in effect this month of the offerings of these rows, by offering. */
async function cardsOf(db: Executor, tenantId: string, offeringIds: string[]) {
  const byOffering = new Map<string, RateCardRow>();
  if (offeringIds.length === 0) return byOffering;
  const cards = await db
    .select()
    .from(rateCards)
    .where(and(eq(rateCards.tenantId, tenantId), inArray(rateCards.offeringId, [...new Set(offeringIds)])));
  const month = monthOf(todayInStockholm());
  for (const id of new Set(offeringIds)) {
    const card = currentCard(
      cards.filter((c) => c.offeringId === id),
      month,
    );
    if (card) byOffering.set(id, card);
  }
  return byOffering;
}

function view(r: NamedRow, card: RateCardRow | undefined, assignments: AssignmentView[] = []): AssetView {
  return {
    ...r.asset,
    offeringName: r.offeringName,
    unitName: r.unitName,
    personName: r.personName,
    card,
    assignments,
  };
}

export async function getAsset(db: Executor, actor: Actor, id: string): Promise<AssetView> {
  const scope = await visibility(db, actor);
  if (scope === false) throw problems.notFound('asset');
  const [row] = await withNames(db).where(and(eq(assets.tenantId, actor.tenantId), eq(assets.id, id), scope));
  if (!row) throw problems.notFound('asset');
  const history = await db
    .select({
      assignment: assetAssignments,
      unitName: units.name,
      personName: sql<string | null>`case when ${people.id} is null then null else ${personName(people)} end`,
    })
    .from(assetAssignments)
    .innerJoin(
      units,
      and(eq(units.tenantId, assetAssignments.tenantId), eq(units.id, assetAssignments.unitId)),
    )
    .leftJoin(
      people,
      and(eq(people.tenantId, assetAssignments.tenantId), eq(people.id, assetAssignments.personId)),
    )
    .where(and(eq(assetAssignments.tenantId, actor.tenantId), eq(assetAssignments.assetId, id)))
    .orderBy(desc(assetAssignments.fromOn), desc(assetAssignments.id));
  const cards = await cardsOf(db, actor.tenantId, [row.asset.offeringId]);
  return view(
    row,
    cards.get(row.asset.offeringId),
    history.map((h) => ({ ...h.assignment, unitName: h.unitName, personName: h.personName })),
  );
}

/** Assets by serial number (keyset on serial and id), filtered; a reader sees what visibility allows. */
export async function listAssets(db: Database, actor: Actor, query: AssetListQuery) {
  const scope = await visibility(db, actor);
  if (scope === false) return { items: [], nextCursor: null };
  const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
  const term = query.search ? likePattern(query.search) : undefined;
  const rows = await withNames(db)
    .where(
      and(
        eq(assets.tenantId, actor.tenantId),
        scope,
        query.includeArchived ? undefined : isNull(assets.archivedAt),
        query.state ? eq(assets.state, query.state) : undefined,
        query.kind ? eq(assets.kind, query.kind) : undefined,
        query.unitId ? eq(assets.unitId, query.unitId) : undefined,
        query.offeringId ? eq(assets.offeringId, query.offeringId) : undefined,
        query.dueBefore
          ? and(lte(assets.replacementDueOn, query.dueBefore), sql`${assets.state} <> 'scrapped'`)
          : undefined,
        term ? or(sql`${assets.serial} ilike ${term}`, sql`${assets.model} ilike ${term}`) : undefined,
        after
          ? or(gt(assets.serial, after[0]), and(eq(assets.serial, after[0]), gt(assets.id, after[1])))
          : undefined,
      ),
    )
    .orderBy(asc(assets.serial), asc(assets.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const cards = await cardsOf(
    db,
    actor.tenantId,
    items.map((r) => r.asset.offeringId),
  );
  const last = items[items.length - 1];
  return {
    items: items.map((r) => view(r, cards.get(r.asset.offeringId))),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.asset.serial, last.asset.id]) : null,
  };
}

/** Names and links of assets by id (the audit trail). */
export async function assetRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({ id: assets.id, serial: assets.serial, model: assets.model, archivedAt: assets.archivedAt })
    .from(assets)
    .where(and(eq(assets.tenantId, tenantId), inArray(assets.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: `${r.model} (${r.serial})`,
        href: `/catalogue/assets/${r.id}`,
        archived: r.archivedAt !== null,
      },
    ]),
  );
}

/** Names of investment budgets by id (the audit trail): the year's. */
export async function budgetRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({ id: investmentBudgets.id, year: investmentBudgets.year })
    .from(investmentBudgets)
    .where(and(eq(investmentBudgets.tenantId, tenantId), inArray(investmentBudgets.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: String(r.year), href: `/catalogue/investments?year=${r.year}`, archived: false },
    ]),
  );
}

// ---------------------------------------------------------------- chargeback

export interface ActiveRental {
  assetId: string;
  serial: string;
  offeringId: string;
  unitId: string;
  personId: string | null;
  /** The first day charged in the month. */
  fromOn: string;
  /** The last day charged in the month. */
  toOn: string;
}

/**
 * Every assignment that overlaps the month (monthStart to monthEnd, both inclusive), its dates
 * clipped to the month: what the chargeback run charges each unit for, day by day. Archived assets
 * are left out (registered by mistake); a scrapped one was returned first, so its periods stand.
 */
export async function activeRentals(
  db: Executor,
  tenantId: string,
  monthStart: string,
  monthEnd: string,
): Promise<ActiveRental[]> {
  const rows = await db
    .select({
      assetId: assetAssignments.assetId,
      serial: assets.serial,
      offeringId: assets.offeringId,
      unitId: assetAssignments.unitId,
      personId: assetAssignments.personId,
      fromOn: sql<string>`greatest(${assetAssignments.fromOn}, ${monthStart}::date)::text`,
      toOn: sql<string>`least(coalesce(${assetAssignments.toOn}, ${monthEnd}::date), ${monthEnd}::date)::text`,
    })
    .from(assetAssignments)
    .innerJoin(
      assets,
      and(eq(assets.tenantId, assetAssignments.tenantId), eq(assets.id, assetAssignments.assetId)),
    )
    .where(
      and(
        eq(assetAssignments.tenantId, tenantId),
        isNull(assets.archivedAt),
        lte(assetAssignments.fromOn, monthEnd),
        or(isNull(assetAssignments.toOn), gte(assetAssignments.toOn, monthStart)),
      ),
    )
    .orderBy(asc(assets.serial), asc(assetAssignments.fromOn));
  return rows;
}

// ---------------------------------------------------------------- investment budget

export async function getBudget(db: Executor, actor: Actor, year: number): Promise<BudgetRow | undefined> {
  const [row] = await db
    .select()
    .from(investmentBudgets)
    .where(and(eq(investmentBudgets.tenantId, actor.tenantId), eq(investmentBudgets.year, year)));
  return row;
}

/**
 * Sets a year's budget. A year with a budget needs the version read (409 when stale or missing);
 * a year without one takes none (409 when one was set meanwhile).
 */
export function putBudget(db: Database, actor: Actor, year: number, input: InvestmentBudgetPut) {
  return inTenant(db, actor, async (s) => {
    const [before] = await s.tx
      .select()
      .from(investmentBudgets)
      .where(s.where(investmentBudgets, eq(investmentBudgets.year, year)))
      .for('update');
    if (!before) {
      if (input.version !== undefined)
        throw problems.conflict('The year has no budget yet: set it without a version');
      const [row] = await s.tx
        .insert(investmentBudgets)
        .values({ tenantId: s.tenantId, id: newId(), year, amount: input.amount, note: input.note ?? null })
        .onConflictDoNothing()
        .returning();
      if (!row) throw problems.conflict('The budget was set meanwhile: reload it');
      await s.audit({ entity: BUDGET, entityId: row.id, action: 'create', after: row });
      return row;
    }
    if (input.version === undefined) throw problems.conflict('The year has a budget: send the version read');
    if (before.version !== input.version) throw problems.versionConflict(before.version);
    const [after] = await s
      .update(
        investmentBudgets,
        {
          amount: input.amount,
          ...(input.note !== undefined ? { note: input.note } : {}),
          version: before.version + 1,
          updatedAt: new Date(),
        },
        eq(investmentBudgets.year, year),
      )
      .returning();
    await s.audit({ entity: BUDGET, entityId: before.id, action: 'update', before, after });
    return after!;
  });
}

/** The year's budget against what was bought in it, in total and by kind (summed in SQL). */
export async function investmentsOf(db: Executor, actor: Actor, year: number) {
  const budget = await getBudget(db, actor, year);
  const rows = await db
    .select({
      kind: assets.kind,
      count: sql<number>`count(*)::int`,
      purchased: sql<number>`coalesce(sum(${assets.purchaseValue}), 0)::bigint`,
    })
    .from(assets)
    .where(
      and(
        eq(assets.tenantId, actor.tenantId),
        isNull(assets.archivedAt),
        gte(assets.purchasedOn, `${year}-01-01`),
        lte(assets.purchasedOn, `${year}-12-31`),
      ),
    )
    .groupBy(assets.kind);
  const byKind = assetKinds.map((kind) => {
    const r = rows.find((x) => x.kind === kind);
    return { kind: kind as AssetKind, count: Number(r?.count ?? 0), purchased: Number(r?.purchased ?? 0) };
  });
  const purchased = byKind.reduce((sum, k) => sum + k.purchased, 0);
  return {
    year,
    budget: budget ?? null,
    purchased,
    remaining: budget ? budget.amount - purchased : null,
    byKind,
  };
}

// ---------------------------------------------------------------- replacement reminders

interface ReplacementParams {
  serial: string;
  model: string;
  dueOn: string;
  unit?: string;
}

export const replacementDueNotice = defineNotification<ReplacementParams>({
  kind: 'catalogue.assetReplacementDue',
  label: { sv: 'Hyrd utrustning att byta ut', en: 'Rental equipment due for replacement' },
  sv: (p) =>
    `${p.model} (${p.serial})${p.unit ? ` hos ${p.unit}` : ''} är avskriven ${p.dueOn} och ska bytas ut.`,
  en: (p) =>
    `${p.model} (${p.serial})${p.unit ? ` at ${p.unit}` : ''} is written off on ${p.dueOn} and due for replacement.`,
  mail: { default: false },
});

/** The catalogue's keepers of the tenant: admins, and the IT-strateg and ekonomer granted tenant-wide. */
async function keepers(s: TenantScope): Promise<string[]> {
  const rows = await s.tx
    .selectDistinct({ personId: roleAssignments.personId })
    .from(roleAssignments)
    .where(
      s.where(
        roleAssignments,
        isNull(roleAssignments.revokedAt),
        eq(roleAssignments.scope, 'global'),
        inArray(roleAssignments.role, ['admin', 'itStrategist', 'economist']),
      ),
    );
  return rows.map((r) => r.personId);
}

/**
 * Tells the keepers of each asset (not scrapped nor archived) whose replacement falls within 90
 * days of `today`, once per asset and replacement date: the asset remembers the date it was told
 * of (a new purchase date or depreciation makes a new one), and the notification's dedupe key is
 * the same pair, so a sweep that runs twice or retries after a crash tells no one twice.
 */
export async function notifyReplacementsDue(s: TenantScope, today: string): Promise<number> {
  const until = format(addDays(new Date(`${today}T12:00:00Z`), REPLACEMENT_NOTICE_DAYS), 'yyyy-MM-dd');
  const due = await s.tx
    .select({ asset: assets, unitName: units.name })
    .from(assets)
    .leftJoin(units, and(eq(units.tenantId, assets.tenantId), eq(units.id, assets.unitId)))
    .where(
      s.where(
        assets,
        isNull(assets.archivedAt),
        sql`${assets.state} <> 'scrapped'`,
        lte(assets.replacementDueOn, until),
        sql`${assets.replacementNotifiedFor} is distinct from ${assets.replacementDueOn}`,
      ),
    )
    .orderBy(asc(assets.replacementDueOn), asc(assets.id))
    .for('update', { of: assets, skipLocked: true });
  if (due.length === 0) return 0;
  const to = await keepers(s);
  for (const { asset, unitName } of due) {
    await notify(s, {
      personIds: to,
      kind: replacementDueNotice,
      params: {
        serial: asset.serial,
        model: asset.model,
        dueOn: asset.replacementDueOn,
        unit: unitName ?? undefined,
      },
      record: { kind: ASSET, id: asset.id, href: `/catalogue/assets/${asset.id}` },
      dedupeKey: `${replacementDueNotice.kind}:${asset.id}:${asset.replacementDueOn}`,
    });
  }
  // Bookkeeping of the sweep, not a change of the record: no new version, so no one's edit goes stale.
  await s.update(
    assets,
    { replacementNotifiedFor: sql`${assets.replacementDueOn}` as unknown as string },
    inArray(
      assets.id,
      due.map((d) => d.asset.id),
    ),
  );
  await s.auditMany(
    due.map((d) => ({
      entity: ASSET,
      entityId: d.asset.id,
      action: 'replacementNotified',
      after: { replacementNotifiedFor: d.asset.replacementDueOn },
    })),
  );
  return due.length;
}

/** The sweep over every tenant with an asset due: each tenant in a transaction of its own. */
export async function sweepReplacements(db: Database, today = todayInStockholm()): Promise<number> {
  const tenants = await db
    .selectDistinct({ tenantId: assets.tenantId })
    .from(assets)
    .where(
      and(
        isNull(assets.archivedAt),
        sql`${assets.state} <> 'scrapped'`,
        sql`${assets.replacementNotifiedFor} is distinct from ${assets.replacementDueOn}`,
      ),
    );
  let count = 0;
  for (const { tenantId } of tenants)
    count += await inTenant(db, systemActor(tenantId, 'catalogue.asset-replacements'), (s) =>
      notifyReplacementsDue(s, today),
    );
  return count;
}

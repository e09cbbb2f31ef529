import { and, asc, count, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import {
  cardInEffect,
  type FamilyCreate,
  type FamilyListQuery,
  type FamilyServiceCreate,
  type FamilyServiceListQuery,
  type FamilyServiceUpdate,
  type FamilyUpdate,
  type OfferingCreate,
  type OfferingListQuery,
  type OfferingUpdate,
  type RateCardCreate,
  type RateCardUpdate,
} from '../../../../shared/catalogue/offerings.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { units } from '../../../platform/directory/schema.ts';
import { problems, uniqueViolated } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { sortNameCursor, toPage } from '../../../platform/pagination.ts';
import { type ArchiveInput, archiveRow, lockRow, restoreRow } from '../../../platform/records.ts';
import type { RecordRef } from '../../../platform/seam.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { services as deskServices, serviceLevels } from '../../desk/services/schema.ts';
import { catalogueServices, families, offerings, offeringUnits, rateCards } from './schema.ts';

// The rules of families, catalogue services, offerings and rate cards: the only writer of
// ./schema.ts. Every change is one transaction with its audit event. A catalogue service is a desk
// service placed in a family (schema.ts says why): the desk service must be the tenant's, and is
// placed once. An offering's price unit goes with perUnitMonthly only; a named-role approval names
// its role; a cost-covering offering is priced by a total cost, the others by a price. A rate card
// starts on the first of a month (of January for a yearly card) and is unique per offering and
// start among the active ones; it rolls forward until the next. Archiving keeps the parents
// consistent: a family with active services, or a service with active offerings, stays active.

export type FamilyRow = typeof families.$inferSelect;
export type FamilyView = FamilyRow & { serviceCount: number };
export type FamilyServiceRow = typeof catalogueServices.$inferSelect;
export interface FamilyServiceView extends FamilyServiceRow {
  name: string;
  description: string | null;
  familyName: string;
  serviceLevelId: string | null;
  serviceLevelName: string | null;
  orderable: boolean;
  deskArchived: boolean;
  offeringCount: number;
}
export type OfferingRow = typeof offerings.$inferSelect;
export type RateCardRow = typeof rateCards.$inferSelect;
export interface OfferingView extends OfferingRow {
  serviceName: string;
  familyId: string;
  familyName: string;
  serviceLevelId: string | null;
  serviceLevelName: string | null;
  orderServiceName: string | null;
  units: { id: string; name: string }[];
  rateCards: RateCardRow[];
}

const FAMILY = 'catalogueFamily';
const SERVICE = 'catalogueFamilyService';
const OFFERING = 'catalogueOffering';
const RATE_CARD = 'catalogueRateCard';

/** `(sort_name, id) > cursor`, so the (tenant, sort_name, id) index serves each page. */
function afterName(sortName: PgColumn | SQL, idColumn: PgColumn, cursor: string | undefined) {
  const { afterName: name, afterId } = sortNameCursor(cursor);
  if (name === undefined) return undefined;
  return or(sql`${sortName} > ${name}`, and(sql`${sortName} = ${name}`, sql`${idColumn} > ${afterId}`));
}

// ---------------------------------------------------------------- families

async function familyView(db: Executor, rows: FamilyRow[]): Promise<FamilyView[]> {
  if (rows.length === 0) return [];
  const counts = await db
    .select({ familyId: catalogueServices.familyId, n: count() })
    .from(catalogueServices)
    .where(
      and(
        eq(catalogueServices.tenantId, rows[0]!.tenantId),
        inArray(
          catalogueServices.familyId,
          rows.map((r) => r.id),
        ),
        isNull(catalogueServices.archivedAt),
      ),
    )
    .groupBy(catalogueServices.familyId);
  const by = new Map(counts.map((c) => [c.familyId, Number(c.n)]));
  return rows.map((r) => ({ ...r, serviceCount: by.get(r.id) ?? 0 }));
}

export function createFamily(db: Database, actor: Actor, input: FamilyCreate): Promise<FamilyRow> {
  return inTenant(db, actor, async (s) => {
    const [row] = await s.insert(families, { id: newId(), ...input }).returning();
    await s.audit({ entity: FAMILY, entityId: row!.id, action: 'create', after: row });
    return row!;
  });
}

export function updateFamily(db: Database, actor: Actor, id: string, input: FamilyUpdate) {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, families, id);
    assertVersion(before, input.version, FAMILY);
    if (before!.archivedAt) throw problems.conflict('The family is archived; restore it first');
    const { version, ...changes } = input;
    const [after] = await s
      .update(
        families,
        { ...definedOnly(changes), version: version + 1, updatedAt: new Date() },
        eq(families.id, id),
      )
      .returning();
    await s.audit({ entity: FAMILY, entityId: id, action: 'update', before, after });
    return after!;
  });
}

export function archiveFamily(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  return inTenant(db, actor, (s) =>
    archiveRow(s, families, id, input, {
      entity: FAMILY,
      noun: 'family',
      check: async () => {
        const [used] = await s.tx
          .select({ id: catalogueServices.id })
          .from(catalogueServices)
          .where(
            s.where(
              catalogueServices,
              eq(catalogueServices.familyId, id),
              isNull(catalogueServices.archivedAt),
            ),
          )
          .limit(1);
        if (used) throw problems.conflict('The family has active services; archive or move them first');
      },
    }),
  );
}

export function restoreFamily(db: Database, actor: Actor, id: string, version: number) {
  return inTenant(db, actor, (s) =>
    restoreRow(s, families, id, { version }, { entity: FAMILY, noun: 'family' }),
  );
}

export async function getFamily(db: Database, actor: Actor, id: string): Promise<FamilyView> {
  const s = readScope(db, actor);
  const rows = await db
    .select()
    .from(families)
    .where(s.where(families, eq(families.id, id)));
  if (rows.length === 0) throw problems.notFound(FAMILY);
  return (await familyView(db, rows))[0]!;
}

export async function listFamilies(db: Database, actor: Actor, query: FamilyListQuery) {
  const s = readScope(db, actor);
  const rows = await db
    .select()
    .from(families)
    .where(
      s.where(
        families,
        query.includeArchived ? undefined : isNull(families.archivedAt),
        query.search ? sql`${families.name} ilike ${likePattern(query.search)}` : undefined,
        afterName(families.sortName, families.id, query.cursor),
      ),
    )
    .orderBy(asc(families.sortName), asc(families.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.sortName, r.id]);
  return { items: await familyView(db, page.items), nextCursor: page.nextCursor };
}

// ---------------------------------------------------------------- catalogue services

async function checkFamily(s: TenantScope, id: string, field = 'body.familyId') {
  const [row] = await s.tx
    .select({ id: families.id })
    .from(families)
    .where(s.where(families, eq(families.id, id), isNull(families.archivedAt)));
  if (!row) throw problems.field(field, 'No such active family');
}

async function checkDeskService(s: TenantScope, id: string, field: string) {
  const [row] = await s.tx
    .select({ id: deskServices.id })
    .from(deskServices)
    .where(s.where(deskServices, eq(deskServices.id, id), isNull(deskServices.archivedAt)));
  if (!row) throw problems.field(field, 'No such active desk service');
}

const PLACED = 'The desk service is already in the catalogue';

export async function createFamilyService(db: Database, actor: Actor, input: FamilyServiceCreate) {
  try {
    return await inTenant(db, actor, async (s) => {
      await checkDeskService(s, input.deskServiceId, 'body.deskServiceId');
      await checkFamily(s, input.familyId);
      const [row] = await s
        .insert(catalogueServices, { id: input.deskServiceId, familyId: input.familyId })
        .returning();
      await s.audit({ entity: SERVICE, entityId: row!.id, action: 'create', after: row });
      return row!;
    });
  } catch (error) {
    if (uniqueViolated(error) !== undefined)
      throw problems.conflict(PLACED, [{ path: 'body.deskServiceId', message: PLACED }]);
    throw error;
  }
}

export function updateFamilyService(db: Database, actor: Actor, id: string, input: FamilyServiceUpdate) {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, catalogueServices, id);
    assertVersion(before, input.version, SERVICE);
    if (before!.archivedAt) throw problems.conflict('The service is archived; restore it first');
    if (input.familyId) await checkFamily(s, input.familyId);
    const { version, ...changes } = input;
    const [after] = await s
      .update(
        catalogueServices,
        { ...definedOnly(changes), version: version + 1, updatedAt: new Date() },
        eq(catalogueServices.id, id),
      )
      .returning();
    await s.audit({ entity: SERVICE, entityId: id, action: 'update', before, after });
    return after!;
  });
}

export function archiveFamilyService(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  return inTenant(db, actor, (s) =>
    archiveRow(s, catalogueServices, id, input, {
      entity: SERVICE,
      noun: 'service',
      check: async () => {
        const [used] = await s.tx
          .select({ id: offerings.id })
          .from(offerings)
          .where(s.where(offerings, eq(offerings.serviceId, id), isNull(offerings.archivedAt)))
          .limit(1);
        if (used) throw problems.conflict('The service has active offerings; archive them first');
      },
    }),
  );
}

export function restoreFamilyService(db: Database, actor: Actor, id: string, version: number) {
  return inTenant(db, actor, (s) =>
    restoreRow(
      s,
      catalogueServices,
      id,
      { version },
      {
        entity: SERVICE,
        noun: 'service',
        check: async (row) => {
          const [f] = await s.tx
            .select({ archivedAt: families.archivedAt })
            .from(families)
            .where(s.where(families, eq(families.id, row.familyId)));
          if (f?.archivedAt) throw problems.conflict("The service's family is archived; restore it first");
        },
      },
    ),
  );
}

function familyServicesWithNames(db: Executor) {
  return db
    .select({
      row: catalogueServices,
      name: deskServices.name,
      sortName: deskServices.sortName,
      description: deskServices.description,
      orderable: deskServices.orderable,
      deskArchivedAt: deskServices.archivedAt,
      serviceLevelId: deskServices.serviceLevelId,
      serviceLevelName: serviceLevels.name,
      familyName: families.name,
    })
    .from(catalogueServices)
    .innerJoin(
      deskServices,
      and(eq(deskServices.tenantId, catalogueServices.tenantId), eq(deskServices.id, catalogueServices.id)),
    )
    .innerJoin(
      families,
      and(eq(families.tenantId, catalogueServices.tenantId), eq(families.id, catalogueServices.familyId)),
    )
    .leftJoin(
      serviceLevels,
      and(
        eq(serviceLevels.tenantId, deskServices.tenantId),
        eq(serviceLevels.id, deskServices.serviceLevelId),
      ),
    );
}

type ServiceJoined = Awaited<ReturnType<ReturnType<typeof familyServicesWithNames>['where']>>[number];

async function serviceViews(db: Executor, rows: ServiceJoined[]): Promise<FamilyServiceView[]> {
  if (rows.length === 0) return [];
  const counts = await db
    .select({ serviceId: offerings.serviceId, n: count() })
    .from(offerings)
    .where(
      and(
        eq(offerings.tenantId, rows[0]!.row.tenantId),
        inArray(
          offerings.serviceId,
          rows.map((r) => r.row.id),
        ),
        isNull(offerings.archivedAt),
      ),
    )
    .groupBy(offerings.serviceId);
  const by = new Map(counts.map((c) => [c.serviceId, Number(c.n)]));
  return rows.map((r) => ({
    ...r.row,
    name: r.name,
    description: r.description,
    familyName: r.familyName,
    serviceLevelId: r.serviceLevelId,
    serviceLevelName: r.serviceLevelName,
    orderable: r.orderable,
    deskArchived: r.deskArchivedAt !== null,
    offeringCount: by.get(r.row.id) ?? 0,
  }));
}

export async function getFamilyService(db: Database, actor: Actor, id: string): Promise<FamilyServiceView> {
  const s = readScope(db, actor);
  const rows = await familyServicesWithNames(db).where(
    s.where(catalogueServices, eq(catalogueServices.id, id)),
  );
  if (rows.length === 0) throw problems.notFound('service');
  return (await serviceViews(db, rows))[0]!;
}

export async function listFamilyServices(db: Database, actor: Actor, query: FamilyServiceListQuery) {
  const s = readScope(db, actor);
  const rows = await familyServicesWithNames(db)
    .where(
      s.where(
        catalogueServices,
        query.includeArchived ? undefined : isNull(catalogueServices.archivedAt),
        query.familyId ? eq(catalogueServices.familyId, query.familyId) : undefined,
        query.search ? sql`${deskServices.name} ilike ${likePattern(query.search)}` : undefined,
        afterName(deskServices.sortName, catalogueServices.id, query.cursor),
      ),
    )
    .orderBy(asc(deskServices.sortName), asc(catalogueServices.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.sortName, r.row.id]);
  return { items: await serviceViews(db, page.items), nextCursor: page.nextCursor };
}

// ---------------------------------------------------------------- offerings

type OfferingFields = Omit<OfferingRow, 'tenantId' | 'id' | 'sortName' | 'createdAt' | 'updatedAt'>;

function checkOfferingRules(next: OfferingFields) {
  if (next.priceModel === 'perUnitMonthly' && !next.priceUnit)
    throw problems.field('body.priceUnit', 'A price per unit and month names its unit');
  if (next.priceModel !== 'perUnitMonthly' && next.priceUnit)
    throw problems.field('body.priceUnit', 'Only a price per unit and month has a price unit');
  if (next.approval === 'role' && !next.approvalRole?.trim())
    throw problems.field('body.approvalRole', 'Approval by a role names the role');
  if (next.approval !== 'role' && next.approvalRole)
    throw problems.field('body.approvalRole', 'Only approval by a role names a role');
  if (
    next.pricing === 'costCovering' &&
    next.priceModel !== 'perUnitMonthly' &&
    next.priceModel !== 'perHour'
  )
    throw problems.field('body.pricing', 'Only a price per unit and month or per hour can be cost-covering');
}

async function checkOfferingRefs(s: TenantScope, input: Partial<OfferingCreate>) {
  if (input.serviceId) {
    const [row] = await s.tx
      .select({ id: catalogueServices.id })
      .from(catalogueServices)
      .where(
        s.where(
          catalogueServices,
          eq(catalogueServices.id, input.serviceId),
          isNull(catalogueServices.archivedAt),
        ),
      );
    if (!row) throw problems.field('body.serviceId', 'No such active catalogue service');
  }
  if (input.orderServiceId) await checkDeskService(s, input.orderServiceId, 'body.orderServiceId');
  if (input.unitIds && input.unitIds.length > 0) {
    const seen = new Set<string>();
    input.unitIds.forEach((id, i) => {
      if (seen.has(id)) throw problems.field(`body.unitIds.${i}`, 'The unit is listed twice');
      seen.add(id);
    });
    const found = await s.tx
      .select({ id: units.id })
      .from(units)
      .where(s.where(units, inArray(units.id, input.unitIds), isNull(units.archivedAt)));
    const ok = new Set(found.map((u) => u.id));
    input.unitIds.forEach((id, i) => {
      if (!ok.has(id)) throw problems.field(`body.unitIds.${i}`, 'No such active unit');
    });
  }
}

/** Units are listed only when not every unit may order. */
function checkUnitList(allUnits: boolean, unitIds: readonly string[] | undefined) {
  if (allUnits && unitIds && unitIds.length > 0)
    throw problems.field('body.unitIds', 'Units are listed only when not every unit may order');
}

async function setUnits(s: TenantScope, offeringId: string, unitIds: readonly string[]) {
  await s.tx.delete(offeringUnits).where(s.where(offeringUnits, eq(offeringUnits.offeringId, offeringId)));
  if (unitIds.length > 0)
    await s.tx
      .insert(offeringUnits)
      .values(unitIds.map((unitId) => ({ tenantId: s.tenantId, offeringId, unitId })));
}

export function createOffering(db: Database, actor: Actor, input: OfferingCreate): Promise<OfferingRow> {
  return inTenant(db, actor, async (s) => {
    const { unitIds = [], ...fields } = input;
    checkOfferingRules({
      pricing: 'price',
      approval: 'none',
      allUnits: true,
      partners: false,
      priceUnit: null,
      approvalRole: null,
      orderServiceId: null,
      description: null,
      archivedAt: null,
      archiveReason: null,
      version: 1,
      ...fields,
    } as OfferingFields);
    checkUnitList(fields.allUnits ?? true, unitIds);
    await checkOfferingRefs(s, input);
    const id = newId();
    const [row] = await s.insert(offerings, { id, ...fields }).returning();
    await setUnits(s, id, unitIds);
    await s.audit({ entity: OFFERING, entityId: id, action: 'create', after: { ...row, unitIds } });
    return row!;
  });
}

export function updateOffering(db: Database, actor: Actor, id: string, input: OfferingUpdate) {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, offerings, id);
    assertVersion(before, input.version, OFFERING);
    if (before!.archivedAt) throw problems.conflict('The offering is archived; restore it first');
    const { version, unitIds, ...changes } = input;
    const defined = definedOnly(changes);
    checkOfferingRules({ ...before!, ...defined } as OfferingFields);
    const allUnits = defined.allUnits ?? before!.allUnits;
    checkUnitList(allUnits, unitIds);
    const units = allUnits ? [] : unitIds;
    if (defined.pricing && defined.pricing !== before!.pricing) {
      const [card] = await s.tx
        .select({ id: rateCards.id })
        .from(rateCards)
        .where(s.where(rateCards, eq(rateCards.offeringId, id), isNull(rateCards.archivedAt)))
        .limit(1);
      if (card)
        throw problems.conflict('The offering has rate cards priced the other way; archive them first', [
          { path: 'body.pricing', message: 'The offering has rate cards priced the other way' },
        ]);
    }
    await checkOfferingRefs(s, input);
    const [after] = await s
      .update(offerings, { ...defined, version: version + 1, updatedAt: new Date() }, eq(offerings.id, id))
      .returning();
    if (units || allUnits) await setUnits(s, id, units ?? []);
    await s.audit({
      entity: OFFERING,
      entityId: id,
      action: 'update',
      before,
      after: unitIds ? { ...after, unitIds } : after,
    });
    return after!;
  });
}

export function archiveOffering(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  return inTenant(db, actor, (s) =>
    archiveRow(s, offerings, id, input, { entity: OFFERING, noun: 'offering' }),
  );
}

export function restoreOffering(db: Database, actor: Actor, id: string, version: number) {
  return inTenant(db, actor, (s) =>
    restoreRow(
      s,
      offerings,
      id,
      { version },
      {
        entity: OFFERING,
        noun: 'offering',
        check: async (row) => {
          const [svc] = await s.tx
            .select({ archivedAt: catalogueServices.archivedAt })
            .from(catalogueServices)
            .where(s.where(catalogueServices, eq(catalogueServices.id, row.serviceId)));
          if (svc?.archivedAt)
            throw problems.conflict("The offering's service is archived; restore it first");
        },
      },
    ),
  );
}

const orderDesk = alias(deskServices, 'order_desk');

function offeringsWithNames(db: Executor) {
  return db
    .select({
      row: offerings,
      serviceName: deskServices.name,
      familyId: catalogueServices.familyId,
      familyName: families.name,
      serviceLevelId: deskServices.serviceLevelId,
      serviceLevelName: serviceLevels.name,
      orderServiceName: orderDesk.name,
    })
    .from(offerings)
    .innerJoin(
      catalogueServices,
      and(eq(catalogueServices.tenantId, offerings.tenantId), eq(catalogueServices.id, offerings.serviceId)),
    )
    .innerJoin(
      deskServices,
      and(eq(deskServices.tenantId, catalogueServices.tenantId), eq(deskServices.id, catalogueServices.id)),
    )
    .innerJoin(
      families,
      and(eq(families.tenantId, catalogueServices.tenantId), eq(families.id, catalogueServices.familyId)),
    )
    .leftJoin(
      serviceLevels,
      and(
        eq(serviceLevels.tenantId, deskServices.tenantId),
        eq(serviceLevels.id, deskServices.serviceLevelId),
      ),
    )
    .leftJoin(
      orderDesk,
      and(eq(orderDesk.tenantId, offerings.tenantId), eq(orderDesk.id, offerings.orderServiceId)),
    );
}

type OfferingJoined = Awaited<ReturnType<ReturnType<typeof offeringsWithNames>['where']>>[number];

/** The offerings with their units and rate cards, two queries for the whole page. */
async function offeringViews(db: Executor, rows: OfferingJoined[]): Promise<OfferingView[]> {
  if (rows.length === 0) return [];
  const tenantId = rows[0]!.row.tenantId;
  const ids = rows.map((r) => r.row.id);
  const [unitRows, cards] = await Promise.all([
    db
      .select({ offeringId: offeringUnits.offeringId, id: units.id, name: units.name })
      .from(offeringUnits)
      .innerJoin(units, and(eq(units.tenantId, offeringUnits.tenantId), eq(units.id, offeringUnits.unitId)))
      .where(and(eq(offeringUnits.tenantId, tenantId), inArray(offeringUnits.offeringId, ids)))
      .orderBy(asc(units.name)),
    db
      .select()
      .from(rateCards)
      .where(and(eq(rateCards.tenantId, tenantId), inArray(rateCards.offeringId, ids)))
      .orderBy(asc(rateCards.startsOn), asc(rateCards.createdAt)),
  ]);
  return rows.map((r) => ({
    ...r.row,
    serviceName: r.serviceName,
    familyId: r.familyId,
    familyName: r.familyName,
    serviceLevelId: r.serviceLevelId,
    serviceLevelName: r.serviceLevelName,
    orderServiceName: r.orderServiceName,
    units: unitRows.filter((u) => u.offeringId === r.row.id).map((u) => ({ id: u.id, name: u.name })),
    rateCards: cards.filter((c) => c.offeringId === r.row.id),
  }));
}

export async function getOffering(db: Database, actor: Actor, id: string): Promise<OfferingView> {
  const s = readScope(db, actor);
  const rows = await offeringsWithNames(db).where(s.where(offerings, eq(offerings.id, id)));
  if (rows.length === 0) throw problems.notFound(OFFERING);
  return (await offeringViews(db, rows))[0]!;
}

export async function listOfferings(db: Database, actor: Actor, query: OfferingListQuery) {
  const s = readScope(db, actor);
  const rows = await offeringsWithNames(db)
    .where(
      s.where(
        offerings,
        query.includeArchived ? undefined : isNull(offerings.archivedAt),
        query.serviceId ? eq(offerings.serviceId, query.serviceId) : undefined,
        query.familyId ? eq(catalogueServices.familyId, query.familyId) : undefined,
        query.search ? sql`${offerings.name} ilike ${likePattern(query.search)}` : undefined,
        afterName(offerings.sortName, offerings.id, query.cursor),
      ),
    )
    .orderBy(asc(offerings.sortName), asc(offerings.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.row.sortName, r.row.id]);
  return { items: await offeringViews(db, page.items), nextCursor: page.nextCursor };
}

/** The active offerings of the tenant with their active rate cards (the simulation's input). */
export async function pricedOfferings(db: Executor, tenantId: string) {
  const rows = await db
    .select()
    .from(offerings)
    .where(and(eq(offerings.tenantId, tenantId), isNull(offerings.archivedAt)))
    .orderBy(asc(offerings.sortName), asc(offerings.id));
  const cards =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(rateCards)
          .where(and(eq(rateCards.tenantId, tenantId), isNull(rateCards.archivedAt)));
  return rows.map((o) => ({ ...o, cards: cards.filter((c) => c.offeringId === o.id) }));
}

/** The active rate card in effect in a month (YYYY-MM-DD), if any. */
export function currentCard(cards: readonly RateCardRow[], month: string): RateCardRow | undefined {
  return cardInEffect(
    cards.filter((c) => c.archivedAt === null),
    month,
  );
}

// ---------------------------------------------------------------- rate cards

const CARD_TAKEN = 'The offering already has a rate card from this date';

function checkCardPrices(
  pricing: string,
  card: { internalPrice?: number | null; totalCost?: number | null; externalPrice?: number | null },
) {
  if (pricing === 'costCovering') {
    if (card.totalCost === null || card.totalCost === undefined)
      throw problems.field(
        'body.totalCost',
        'A cost-covering offering is priced by its total cost for the year',
      );
    if (card.internalPrice !== null && card.internalPrice !== undefined)
      throw problems.field('body.internalPrice', 'A cost-covering offering has no price of its own');
    if (card.externalPrice !== null && card.externalPrice !== undefined)
      throw problems.field('body.externalPrice', 'A cost-covering offering has no price of its own');
  } else {
    if (card.internalPrice === null || card.internalPrice === undefined)
      throw problems.field('body.internalPrice', 'A rate card has an internal price');
    if (card.totalCost !== null && card.totalCost !== undefined)
      throw problems.field('body.totalCost', 'Only a cost-covering offering has a total cost');
  }
}

async function guardCard<R>(work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (error) {
    if (uniqueViolated(error) === 'catalogue_rate_cards_start_key')
      throw problems.conflict(CARD_TAKEN, [{ path: 'body.startsOn', message: CARD_TAKEN }]);
    throw error;
  }
}

export function createRateCard(db: Database, actor: Actor, input: RateCardCreate): Promise<RateCardRow> {
  return guardCard(() =>
    inTenant(db, actor, async (s) => {
      const offering = await lockRow(s, offerings, input.offeringId);
      if (!offering || offering.archivedAt)
        throw problems.field('body.offeringId', 'No such active offering');
      if (input.periodKind === 'year' && !input.startsOn.endsWith('-01-01'))
        throw problems.field('body.startsOn', 'A yearly rate card starts on the 1st of January');
      checkCardPrices(offering.pricing, input);
      const [taken] = await s.tx
        .select({ id: rateCards.id })
        .from(rateCards)
        .where(
          s.where(
            rateCards,
            eq(rateCards.offeringId, input.offeringId),
            eq(rateCards.startsOn, input.startsOn),
            isNull(rateCards.archivedAt),
          ),
        );
      if (taken) throw problems.conflict(CARD_TAKEN, [{ path: 'body.startsOn', message: CARD_TAKEN }]);
      const [row] = await s.insert(rateCards, { id: newId(), ...input }).returning();
      await s.audit({ entity: RATE_CARD, entityId: row!.id, action: 'create', after: row });
      return row!;
    }),
  );
}

export function updateRateCard(db: Database, actor: Actor, id: string, input: RateCardUpdate) {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, rateCards, id);
    assertVersion(before, input.version, RATE_CARD);
    if (before!.archivedAt) throw problems.conflict('The rate card is archived');
    const [offering] = await s.tx
      .select({ pricing: offerings.pricing })
      .from(offerings)
      .where(s.where(offerings, eq(offerings.id, before!.offeringId)));
    const { version, ...changes } = input;
    const defined = definedOnly(changes);
    checkCardPrices(offering!.pricing, { ...before!, ...defined });
    const [after] = await s
      .update(rateCards, { ...defined, version: version + 1, updatedAt: new Date() }, eq(rateCards.id, id))
      .returning();
    await s.audit({ entity: RATE_CARD, entityId: id, action: 'update', before, after });
    return after!;
  });
}

/** Archives a rate card: the card before it rolls forward again. */
export function archiveRateCard(db: Database, actor: Actor, id: string, version: number) {
  return inTenant(db, actor, (s) =>
    archiveRow(s, rateCards, id, { version, reason: 'Replaced' }, { entity: RATE_CARD, noun: 'rate card' }),
  );
}

export async function getRateCard(db: Database, actor: Actor, id: string): Promise<RateCardRow> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(rateCards)
    .where(s.where(rateCards, eq(rateCards.id, id)));
  if (!row) throw problems.notFound(RATE_CARD);
  return row;
}

// ---------------------------------------------------------------- names for the audit trail

async function refsOf(
  ids: readonly string[],
  read: (ids: string[]) => Promise<{ id: string; name: string; archivedAt: Date | null }[]>,
  href: (id: string) => string,
): Promise<Map<string, RecordRef>> {
  if (ids.length === 0) return new Map();
  const rows = await read([...new Set(ids)]);
  return new Map(
    rows.map((r) => [r.id, { id: r.id, name: r.name, href: href(r.id), archived: r.archivedAt !== null }]),
  );
}

export const familyRefs = (db: Executor, tenantId: string, ids: readonly string[]) =>
  refsOf(
    ids,
    (list) =>
      db
        .select({ id: families.id, name: families.name, archivedAt: families.archivedAt })
        .from(families)
        .where(and(eq(families.tenantId, tenantId), inArray(families.id, list))),
    (id) => `/catalogue/families/${id}`,
  );

export const familyServiceRefs = (db: Executor, tenantId: string, ids: readonly string[]) =>
  refsOf(
    ids,
    (list) =>
      db
        .select({
          id: catalogueServices.id,
          name: deskServices.name,
          archivedAt: catalogueServices.archivedAt,
        })
        .from(catalogueServices)
        .innerJoin(
          deskServices,
          and(
            eq(deskServices.tenantId, catalogueServices.tenantId),
            eq(deskServices.id, catalogueServices.id),
          ),
        )
        .where(and(eq(catalogueServices.tenantId, tenantId), inArray(catalogueServices.id, list))),
    (id) => `/catalogue/services/${id}`,
  );

export const offeringRefs = (db: Executor, tenantId: string, ids: readonly string[]) =>
  refsOf(
    ids,
    (list) =>
      db
        .select({ id: offerings.id, name: offerings.name, archivedAt: offerings.archivedAt })
        .from(offerings)
        .where(and(eq(offerings.tenantId, tenantId), inArray(offerings.id, list))),
    (id) => `/catalogue/offerings/${id}`,
  );

export async function rateCardRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select({
      id: rateCards.id,
      startsOn: rateCards.startsOn,
      offeringId: rateCards.offeringId,
      name: offerings.name,
      archivedAt: rateCards.archivedAt,
    })
    .from(rateCards)
    .innerJoin(
      offerings,
      and(eq(offerings.tenantId, rateCards.tenantId), eq(offerings.id, rateCards.offeringId)),
    )
    .where(and(eq(rateCards.tenantId, tenantId), inArray(rateCards.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: `${r.name} ${r.startsOn}`,
        href: `/catalogue/offerings/${r.offeringId}`,
        archived: r.archivedAt !== null,
      },
    ]),
  );
}

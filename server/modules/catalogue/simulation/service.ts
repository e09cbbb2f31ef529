import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { PriceModel, Pricing } from '../../../../shared/catalogue/offerings.ts';
import {
  type SimOffering,
  type SimulationRequest,
  type SimulationResult,
  simulate,
  type VolumeListQuery,
  type VolumeSet,
} from '../../../../shared/catalogue/simulation.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { units } from '../../../platform/directory/schema.ts';
import { problems, uniqueViolated } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { decodeCursor, toPage } from '../../../platform/pagination.ts';
import { lockRow } from '../../../platform/records.ts';
import { inTenant, readScope } from '../../../platform/tenancy.ts';
import { assertVersion } from '../../../platform/versioning.ts';
import { offerings } from '../offerings/schema.ts';
import { pricedOfferings } from '../offerings/service.ts';
import { plannedVolumes } from './schema.ts';

// Planned volumes (the only writer of ./schema.ts) and the price simulation, which writes
// nothing. Setting a volume is an upsert keyed by (year, offering, unit): a new one has no
// version, a known one carries the version read (stale: 409).

export type VolumeRow = typeof plannedVolumes.$inferSelect;
export type VolumeView = VolumeRow & { offeringName: string; unitName: string };

const VOLUME = 'cataloguePlannedVolume';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function setVolume(db: Database, actor: Actor, input: VolumeSet): Promise<VolumeRow> {
  try {
    return await inTenant(db, actor, async (s) => {
      const [offering] = await s.tx
        .select({ id: offerings.id })
        .from(offerings)
        .where(s.where(offerings, eq(offerings.id, input.offeringId), isNull(offerings.archivedAt)));
      if (!offering) throw problems.field('body.offeringId', 'No such active offering');
      const [unit] = await s.tx
        .select({ id: units.id })
        .from(units)
        .where(s.where(units, eq(units.id, input.unitId), isNull(units.archivedAt)));
      if (!unit) throw problems.field('body.unitId', 'No such active unit');
      const [existing] = await s.tx
        .select()
        .from(plannedVolumes)
        .where(
          s.where(
            plannedVolumes,
            eq(plannedVolumes.year, input.year),
            eq(plannedVolumes.offeringId, input.offeringId),
            eq(plannedVolumes.unitId, input.unitId),
          ),
        )
        .for('update');
      if (!existing) {
        if (input.version !== undefined) throw problems.versionConflict(0);
        const [row] = await s
          .insert(plannedVolumes, {
            id: newId(),
            offeringId: input.offeringId,
            unitId: input.unitId,
            year: input.year,
            quantity: input.quantity,
          })
          .returning();
        await s.audit({ entity: VOLUME, entityId: row!.id, action: 'create', after: row });
        return row!;
      }
      if (input.version === undefined) throw problems.versionConflict(existing.version);
      const before = await lockRow(s, plannedVolumes, existing.id);
      assertVersion(before, input.version, VOLUME);
      const [after] = await s
        .update(
          plannedVolumes,
          { quantity: input.quantity, version: input.version + 1, updatedAt: new Date() },
          eq(plannedVolumes.id, existing.id),
        )
        .returning();
      await s.audit({ entity: VOLUME, entityId: existing.id, action: 'update', before, after });
      return after!;
    });
  } catch (error) {
    if (uniqueViolated(error) !== undefined)
      throw problems.conflict('The volume was planned at the same time; reload and try again');
    throw error;
  }
}

function volumesWithNames(db: Executor) {
  return db
    .select({ row: plannedVolumes, offeringName: offerings.name, unitName: units.name })
    .from(plannedVolumes)
    .innerJoin(
      offerings,
      and(eq(offerings.tenantId, plannedVolumes.tenantId), eq(offerings.id, plannedVolumes.offeringId)),
    )
    .innerJoin(units, and(eq(units.tenantId, plannedVolumes.tenantId), eq(units.id, plannedVolumes.unitId)));
}

export async function getVolume(db: Database, actor: Actor, id: string): Promise<VolumeView> {
  const s = readScope(db, actor);
  const [r] = await volumesWithNames(db).where(s.where(plannedVolumes, eq(plannedVolumes.id, id)));
  if (!r) throw problems.notFound(VOLUME);
  return { ...r.row, offeringName: r.offeringName, unitName: r.unitName };
}

/** Keyset by (year, id): a year's volumes page by page. */
export async function listVolumes(db: Database, actor: Actor, query: VolumeListQuery) {
  const s = readScope(db, actor);
  const key = decodeCursor(query.cursor, 2);
  const [afterYear, afterId] = (key ?? []) as [number | undefined, string | undefined];
  if (key && (typeof afterYear !== 'number' || typeof afterId !== 'string' || !UUID.test(afterId)))
    throw problems.field('querystring.cursor', 'Invalid cursor');
  const rows = await volumesWithNames(db)
    .where(
      s.where(
        plannedVolumes,
        query.year ? eq(plannedVolumes.year, query.year) : undefined,
        query.offeringId ? eq(plannedVolumes.offeringId, query.offeringId) : undefined,
        query.unitId ? eq(plannedVolumes.unitId, query.unitId) : undefined,
        typeof afterYear === 'number' && typeof afterId === 'string'
          ? or(
              gt(plannedVolumes.year, Number(afterYear)),
              and(eq(plannedVolumes.year, Number(afterYear)), sql`${plannedVolumes.id} > ${afterId}`),
            )
          : undefined,
      ),
    )
    .orderBy(asc(plannedVolumes.year), asc(plannedVolumes.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.row.year, r.row.id]);
  return {
    items: page.items.map((r) => ({ ...r.row, offeringName: r.offeringName, unitName: r.unitName })),
    nextCursor: page.nextCursor,
  };
}

/** A Stockholm year of today, for the default. */
const thisYear = () =>
  Number(new Date().toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' }).slice(0, 4));

/**
 * Every unit's cost of `year` (next year by default) against the year before, with the request's
 * prices from the 1st of January and its volumes instead of the planned ones. The year's volumes
 * are its planned volumes, else the year before's (carried forward). Nothing is written.
 */
export async function runSimulation(
  db: Database,
  actor: Actor,
  input: SimulationRequest,
): Promise<SimulationResult> {
  const year = input.year ?? thisYear() + 1;
  const tenantId = actor.tenantId;
  const priced = await pricedOfferings(db, tenantId);
  const byId = new Map(priced.map((o) => [o.id, o]));
  const errors: { path: string; message: string }[] = [];
  input.prices.forEach((p, i) => {
    const o = byId.get(p.offeringId);
    if (!o) errors.push({ path: `body.prices.${i}.offeringId`, message: 'No such active offering' });
    else if (o.pricing === 'costCovering' && (p.totalCost === undefined || p.totalCost === null))
      errors.push({
        path: `body.prices.${i}.totalCost`,
        message: 'A cost-covering offering is priced by its total cost',
      });
    else if (o.pricing === 'price' && (p.internalPrice === undefined || p.internalPrice === null))
      errors.push({ path: `body.prices.${i}.internalPrice`, message: 'A rate card has an internal price' });
  });
  input.volumes.forEach((v, i) => {
    if (!byId.has(v.offeringId))
      errors.push({ path: `body.volumes.${i}.offeringId`, message: 'No such active offering' });
  });
  const unitIds = [...new Set(input.volumes.map((v) => v.unitId))];
  const found =
    unitIds.length === 0
      ? []
      : await db
          .select({ id: units.id })
          .from(units)
          .where(and(eq(units.tenantId, tenantId), inArray(units.id, unitIds)));
  const known = new Set(found.map((u) => u.id));
  input.volumes.forEach((v, i) => {
    if (!known.has(v.unitId)) errors.push({ path: `body.volumes.${i}.unitId`, message: 'No such unit' });
  });
  if (errors.length > 0) throw problems.validation(errors);

  const changes = new Map(input.prices.map((p) => [p.offeringId, p]));
  const start = `${year}-01-01`;
  const sims: SimOffering[] = priced.map((o) => {
    const cards = o.cards.map((c) => ({
      startsOn: c.startsOn,
      internalPrice: c.internalPrice,
      totalCost: c.totalCost,
    }));
    const change = changes.get(o.id);
    return {
      id: o.id,
      name: o.name,
      priceModel: o.priceModel as PriceModel,
      pricing: o.pricing as Pricing,
      cards: change
        ? [
            ...cards.filter((c) => c.startsOn < start || c.startsOn > `${year}-12-31`),
            {
              startsOn: start,
              internalPrice: change.internalPrice ?? null,
              totalCost: change.totalCost ?? null,
            },
          ]
        : cards,
    };
  });

  const planned = await db
    .select({
      offeringId: plannedVolumes.offeringId,
      unitId: plannedVolumes.unitId,
      year: plannedVolumes.year,
      quantity: plannedVolumes.quantity,
    })
    .from(plannedVolumes)
    .where(and(eq(plannedVolumes.tenantId, tenantId), inArray(plannedVolumes.year, [year - 1, year])));
  type Volumes = Map<string, Map<string, number>>;
  const base: Volumes = new Map();
  const next: Volumes = new Map();
  const put = (m: Volumes, o: string, u: string, q: number) => {
    if (!m.has(o)) m.set(o, new Map());
    m.get(o)!.set(u, q);
  };
  for (const v of planned) if (v.year === year - 1) put(base, v.offeringId, v.unitId, v.quantity);
  // Next year: the year before's volumes carried forward, the year's planned ones over them, then the request's.
  for (const [o, m] of base) for (const [u, q] of m) put(next, o, u, q);
  for (const v of planned) if (v.year === year) put(next, v.offeringId, v.unitId, v.quantity);
  for (const v of input.volumes) put(next, v.offeringId, v.unitId, v.quantity);

  const allUnits = new Set<string>();
  for (const m of [base, next]) for (const inner of m.values()) for (const u of inner.keys()) allUnits.add(u);
  const names =
    allUnits.size === 0
      ? []
      : await db
          .select({ id: units.id, name: units.name })
          .from(units)
          .where(and(eq(units.tenantId, tenantId), inArray(units.id, [...allUnits])));
  return simulate(year, sims, base, next, new Map(names.map((n) => [n.id, n.name])));
}

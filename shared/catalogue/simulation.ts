import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { id } from '../text.ts';
import {
  cardInEffect,
  monthsOf,
  ore,
  type PriceModel,
  type Pricing,
  priceModels,
  pricings,
} from './offerings.ts';

// The price simulation (issue 16 point 1): change a price or a volume for next year and see every
// unit's cost next year against this year before the Finansieringsgrupp decides. Nothing is
// written. Volumes are the planned volumes per unit, offering and year (catalogue_planned_volumes;
// subscriptions replace them when orders arrive), overridden by the request's. The maths is here,
// pure, so that the server and a test by hand compute the same figures.
//
// A unit's cost of an offering in a year is the sum over its twelve months of the price in effect
// that month (cardInEffect) times the volume: for a monthly price model the volume is what the
// unit has each month (computers, users, GB, pages, subscriptions); for perHour and oneOff it is
// the year's hours or deliveries, spread evenly over the months. A cost-covering offering has no
// price of its own: each month a twelfth of the year's total cost is divided over the volume of
// all units, so its price per unit rises when the volume falls. Each unit's line is rounded to
// whole öre once, at the end.

export const quantity = z.number().int().min(0).max(100_000_000);
const year = z.number().int().min(2000).max(2100);

// ---------------------------------------------------------------- planned volumes

export const volumeSet = z.strictObject({
  offeringId: id,
  unitId: id,
  year,
  quantity,
  /** The version read; absent for a volume not planned before. */
  version: version.optional(),
});
export type VolumeSet = z.infer<typeof volumeSet>;

export const volumeListQuery = z.strictObject({
  limit: listQuery.shape.limit,
  cursor: listQuery.shape.cursor,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  offeringId: id.optional(),
  unitId: id.optional(),
});
export type VolumeListQuery = z.infer<typeof volumeListQuery>;

export const volume = z.object({
  id,
  offering: z.object({ id, name: z.string() }),
  unit: z.object({ id, name: z.string() }),
  year: z.number().int(),
  quantity: z.number().int(),
  version: currentVersion,
  updatedAt: z.string(),
  can: permissions(['update']),
});
export type Volume = z.infer<typeof volume>;

// ---------------------------------------------------------------- the simulation

export const simulationRequest = z.strictObject({
  /** The year simulated; next year by default. Compared with the year before it. */
  year: year.optional(),
  /** New prices from the 1st of January of the year (replacing the cards that start in it). */
  prices: z
    .array(
      z.strictObject({
        offeringId: id,
        internalPrice: ore.nullable().optional(),
        totalCost: ore.nullable().optional(),
      }),
    )
    .max(500)
    .default([]),
  /** Volumes of the year, instead of the planned ones. */
  volumes: z
    .array(z.strictObject({ offeringId: id, unitId: id, quantity }))
    .max(10_000)
    .default([]),
});
export type SimulationRequest = z.infer<typeof simulationRequest>;

const figures = {
  baseCost: z.number().int(),
  nextCost: z.number().int(),
};

export const simulationResult = z.object({
  year: z.number().int(),
  baseYear: z.number().int(),
  offerings: z.array(
    z.object({
      offeringId: id,
      name: z.string(),
      priceModel: z.enum(priceModels),
      pricing: z.enum(pricings),
      baseVolume: z.number().int(),
      nextVolume: z.number().int(),
      /** The average price per unit (per month for monthly models, per hour or delivery otherwise), öre; null without a price or volume. */
      basePrice: z.number().int().nullable(),
      nextPrice: z.number().int().nullable(),
      ...figures,
    }),
  ),
  units: z.array(
    z.object({
      unitId: id,
      name: z.string(),
      ...figures,
      lines: z.array(
        z.object({ offeringId: id, baseVolume: z.number().int(), nextVolume: z.number().int(), ...figures }),
      ),
    }),
  ),
  totals: z.object(figures),
});
export type SimulationResult = z.infer<typeof simulationResult>;

export interface SimCard {
  startsOn: string;
  internalPrice: number | null;
  totalCost: number | null;
}
export interface SimOffering {
  id: string;
  name: string;
  priceModel: PriceModel;
  pricing: Pricing;
  cards: SimCard[];
}

/** One offering's cost per unit in a year, unrounded, and its average price per unit. */
export function yearCost(
  offering: SimOffering,
  year: number,
  volumes: ReadonlyMap<string, number>,
): { perUnit: Map<string, number>; price: number | null; volume: number } {
  const monthly = offering.priceModel === 'fixedMonthly' || offering.priceModel === 'perUnitMonthly';
  const total = [...volumes.values()].reduce((a, b) => a + b, 0);
  const perUnit = new Map<string, number>();
  for (const unit of volumes.keys()) perUnit.set(unit, 0);
  let priceSum = 0;
  let priced = 0;
  for (const month of monthsOf(year)) {
    const card = cardInEffect(offering.cards, month);
    if (!card) continue;
    let price: number | null;
    if (offering.pricing === 'costCovering') {
      // A twelfth of the year's cost over this month's volume (for hours and deliveries: a twelfth of the year's).
      const monthVolume = monthly ? total : total / 12;
      price = card.totalCost !== null && monthVolume > 0 ? card.totalCost / 12 / monthVolume : null;
    } else price = card.internalPrice;
    if (price === null) continue;
    priceSum += price;
    priced += 1;
    for (const [unit, q] of volumes) perUnit.set(unit, perUnit.get(unit)! + price * (monthly ? q : q / 12));
  }
  return { perUnit, price: priced > 0 ? Math.round(priceSum / priced) : null, volume: total };
}

/**
 * Every unit's cost of `year` against the year before. `base` and `next` are the volumes per
 * offering and unit of each year; `offerings` carry their rate cards (with the simulated prices
 * already in place for `year`).
 */
export function simulate(
  year: number,
  offerings: readonly SimOffering[],
  base: ReadonlyMap<string, ReadonlyMap<string, number>>,
  next: ReadonlyMap<string, ReadonlyMap<string, number>>,
  unitNames: ReadonlyMap<string, string>,
): SimulationResult {
  const units = new Map<string, SimulationResult['units'][number]>();
  const unitOf = (unitId: string) => {
    let u = units.get(unitId);
    if (!u) {
      u = { unitId, name: unitNames.get(unitId) ?? '', baseCost: 0, nextCost: 0, lines: [] };
      units.set(unitId, u);
    }
    return u;
  };
  const result: SimulationResult = {
    year,
    baseYear: year - 1,
    offerings: [],
    units: [],
    totals: { baseCost: 0, nextCost: 0 },
  };
  const empty = new Map<string, number>();
  for (const o of offerings) {
    const b = yearCost(o, year - 1, base.get(o.id) ?? empty);
    const n = yearCost(o, year, next.get(o.id) ?? empty);
    const row = {
      offeringId: o.id,
      name: o.name,
      priceModel: o.priceModel,
      pricing: o.pricing,
      baseVolume: b.volume,
      nextVolume: n.volume,
      basePrice: b.price,
      nextPrice: n.price,
      baseCost: 0,
      nextCost: 0,
    };
    const unitIds = new Set([...b.perUnit.keys(), ...n.perUnit.keys()]);
    for (const unitId of unitIds) {
      const line = {
        offeringId: o.id,
        baseVolume: (base.get(o.id) ?? empty).get(unitId) ?? 0,
        nextVolume: (next.get(o.id) ?? empty).get(unitId) ?? 0,
        baseCost: Math.round(b.perUnit.get(unitId) ?? 0),
        nextCost: Math.round(n.perUnit.get(unitId) ?? 0),
      };
      const u = unitOf(unitId);
      u.lines.push(line);
      u.baseCost += line.baseCost;
      u.nextCost += line.nextCost;
      row.baseCost += line.baseCost;
      row.nextCost += line.nextCost;
    }
    result.offerings.push(row);
    result.totals.baseCost += row.baseCost;
    result.totals.nextCost += row.nextCost;
  }
  result.units = [...units.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return result;
}

import { z } from 'zod';
import { listQuery } from '../records.ts';
import { id, line } from '../text.ts';
import { konteringValue } from './orders.ts';

// Consumption (issue 16 point 4), shared by server and web: what a unit used of an offering priced
// per unit or per hour in a month — printed pages, storage GB, licences, billable desk hours — as
// the source systems report it, by file (CSV/XLSX) or through the API. A month, offering, unit and
// reference sent again replaces the quantity; the chargeback run prices it by the month's rate card.

/** A calendar month, YYYY-MM. */
export const period = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Must be a month, YYYY-MM' });

/** Quantities to four decimals (GB, hours), never negative: a correction is a line of the run. */
export const quantity = z
  .number()
  .min(0, { message: 'Must be 0 or more' })
  .max(999_999_999_999)
  .refine((n) => Math.abs(n * 10_000 - Math.round(n * 10_000)) < 1e-6, { message: 'At most four decimals' });

/** Price models whose cost follows a measured quantity. */
export const measuredModels = ['perUnitMonthly', 'perHour'] as const;

export const consumptionRow = z.strictObject({
  unitId: id,
  reference: line(120).optional(),
  quantity,
  /** Default: the unit's own cost centre. */
  costCentre: konteringValue.optional(),
  /** Default: the unit's account when it has exactly one. */
  account: konteringValue.optional(),
  activity: konteringValue.nullable().optional(),
  counterpart: konteringValue.nullable().optional(),
});
export type ConsumptionRow = z.infer<typeof consumptionRow>;

/** Consumption sent by a source system: one month and offering, up to 5,000 rows. */
export const consumptionBatch = z.strictObject({
  period,
  offeringId: id,
  rows: z.array(consumptionRow).min(1).max(5000),
});
export type ConsumptionBatch = z.infer<typeof consumptionBatch>;

export const consumptionListQuery = listQuery.omit({ includeArchived: true }).extend({
  period,
  offeringId: id.optional(),
  unitId: id.optional(),
});
export type ConsumptionListQuery = z.infer<typeof consumptionListQuery>;

export const consumptionItem = z.object({
  id,
  period: z.string(),
  offering: z.object({ id, name: z.string(), priceUnit: z.string().nullable() }),
  unit: z.object({ id, name: z.string() }),
  reference: z.string(),
  quantity: z.number(),
  costCentre: z.string(),
  account: z.string(),
  activity: z.string().nullable(),
  counterpart: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ConsumptionItem = z.infer<typeof consumptionItem>;

/** The month's totals per offering: what the run will price. */
export const consumptionTotalsQuery = z.strictObject({ period });
export const consumptionTotals = z.object({
  period: z.string(),
  offerings: z.array(
    z.object({
      id,
      name: z.string(),
      priceUnit: z.string().nullable(),
      quantity: z.number(),
      units: z.number().int(),
      rows: z.number().int(),
    }),
  ),
});
export type ConsumptionTotals = z.infer<typeof consumptionTotals>;

export const consumptionWriteResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  dryRun: z.boolean(),
  importId: id.nullable(),
});
export type ConsumptionWriteResult = z.infer<typeof consumptionWriteResult>;

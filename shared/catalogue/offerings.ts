import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { id, line, multiline, requiredLine } from '../text.ts';

// The service catalogue with prices (issue 16 point 1), shared by server and web. Families group
// services; a catalogue service is one of the desk's catalogue services (shared/desk/services.ts:
// its name, service level and order form) placed in a family; an offering is what is ordered and
// priced: a price model, who may order it, how an order is approved, and rate cards per period
// that roll forward until replaced. Money is integer öre; internal prices carry no VAT, the
// external price for partners is shown with moms 25 %.

/** Money in öre. */
export const ore = z.number().int().min(0).max(1e13);

export const priceModels = ['fixedMonthly', 'perUnitMonthly', 'perHour', 'oneOff'] as const;
export type PriceModel = (typeof priceModels)[number];

/** What a perUnitMonthly price is counted in: dator, användare, GB, sida. */
export const priceUnits = ['computer', 'user', 'gigabyte', 'page'] as const;
export type PriceUnit = (typeof priceUnits)[number];

/** How an order is approved: not at all, by the unit's budget holder (attest), by a named role. */
export const approvalRules = ['none', 'budgetHolder', 'role'] as const;
export type ApprovalRule = (typeof approvalRules)[number];

/** A price: set per unit, or cost-covering (the year's total cost divided over the volume). */
export const pricings = ['price', 'costCovering'] as const;
export type Pricing = (typeof pricings)[number];

/** A rate card's period: from the first of a year or of a month. */
export const periodKinds = ['year', 'month'] as const;
export type PeriodKind = (typeof periodKinds)[number];

/** Moms on the external price, in per cent. */
export const VAT_PERCENT = 25;

/** The external price with VAT, in whole öre (rounded half up). */
export function withVat(ore: number): number {
  return Math.round((ore * (100 + VAT_PERCENT)) / 100);
}

const listFilters = { ...listQuery.shape };

// ---------------------------------------------------------------- families

const familyFields = {
  name: requiredLine(120),
  description: multiline(2000).nullable().optional(),
};
export const familyCreate = z.strictObject(familyFields);
export type FamilyCreate = z.infer<typeof familyCreate>;
export const familyUpdate = z.strictObject({ version, ...familyFields, name: familyFields.name.optional() });
export type FamilyUpdate = z.infer<typeof familyUpdate>;
export const familyListQuery = z.strictObject(listFilters);
export type FamilyListQuery = z.infer<typeof familyListQuery>;

const can = permissions(['update', 'archive', 'restore']);

export const family = z.object({
  id,
  name: z.string(),
  description: z.string().nullable(),
  serviceCount: z.number().int(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can,
});
export type Family = z.infer<typeof family>;

// ---------------------------------------------------------------- services

/** A desk catalogue service placed in a family (its id is the desk service's). */
export const familyServiceCreate = z.strictObject({ deskServiceId: id, familyId: id });
export type FamilyServiceCreate = z.infer<typeof familyServiceCreate>;
export const familyServiceUpdate = z.strictObject({ version, familyId: id.optional() });
export type FamilyServiceUpdate = z.infer<typeof familyServiceUpdate>;
export const familyServiceListQuery = z.strictObject({ ...listFilters, familyId: id.optional() });
export type FamilyServiceListQuery = z.infer<typeof familyServiceListQuery>;

const ref = z.object({ id, name: z.string() });

export const familyService = z.object({
  id,
  name: z.string(),
  description: z.string().nullable(),
  family: ref,
  serviceLevel: ref.nullable(),
  orderable: z.boolean(),
  offeringCount: z.number().int(),
  /** The desk service is archived (the catalogue shows it, nobody orders it). */
  deskArchived: z.boolean(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can,
});
export type FamilyService = z.infer<typeof familyService>;

// ---------------------------------------------------------------- offerings

const offeringFields = {
  serviceId: id,
  name: requiredLine(160),
  description: multiline(2000).nullable().optional(),
  priceModel: z.enum(priceModels),
  /** Required for perUnitMonthly, absent otherwise. */
  priceUnit: z.enum(priceUnits).nullable().optional(),
  pricing: z.enum(pricings).optional(),
  approval: z.enum(approvalRules).optional(),
  /** The role that approves when approval is `role`. */
  approvalRole: line(60).nullable().optional(),
  /** The desk service whose order form orders this offering (null: its own service's). */
  orderServiceId: id.nullable().optional(),
  /** Every internal unit may order it (else only the units listed). */
  allUnits: z.boolean().optional(),
  unitIds: z.array(id).max(500).optional(),
  /** External partners may order it, at the external price. */
  partners: z.boolean().optional(),
};
export const offeringCreate = z.strictObject(offeringFields);
export type OfferingCreate = z.infer<typeof offeringCreate>;
export const offeringUpdate = z.strictObject({
  version,
  ...offeringFields,
  serviceId: offeringFields.serviceId.optional(),
  name: offeringFields.name.optional(),
  priceModel: offeringFields.priceModel.optional(),
});
export type OfferingUpdate = z.infer<typeof offeringUpdate>;
export const offeringListQuery = z.strictObject({
  ...listFilters,
  serviceId: id.optional(),
  familyId: id.optional(),
});
export type OfferingListQuery = z.infer<typeof offeringListQuery>;

export const rateCardView = z.object({
  id,
  startsOn: z.string(),
  periodKind: z.enum(periodKinds),
  /** Internal price without VAT in öre (null for a cost-covering offering). */
  internalPrice: z.number().int().nullable(),
  /** External price without VAT, null when the reader may not see it. */
  externalPrice: z.number().int().nullable(),
  externalPriceWithVat: z.number().int().nullable(),
  /** A cost-covering offering's total cost for a year, öre. */
  totalCost: z.number().int().nullable(),
  note: z.string().nullable(),
  archivedAt: z.string().nullable(),
  version: currentVersion,
});
export type RateCardView = z.infer<typeof rateCardView>;

export const offering = z.object({
  id,
  name: z.string(),
  description: z.string().nullable(),
  service: ref,
  family: ref,
  priceModel: z.enum(priceModels),
  priceUnit: z.enum(priceUnits).nullable(),
  pricing: z.enum(pricings),
  approval: z.enum(approvalRules),
  approvalRole: z.string().nullable(),
  orderService: ref.nullable(),
  serviceLevel: ref.nullable(),
  allUnits: z.boolean(),
  units: z.array(ref),
  partners: z.boolean(),
  /** The rate card in effect this month, if any. */
  current: rateCardView.nullable(),
  rateCards: z.array(rateCardView),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: permissions(['update', 'archive', 'restore', 'price', 'seeInternal']),
});
export type Offering = z.infer<typeof offering>;

// ---------------------------------------------------------------- rate cards

const firstOfMonth = z.iso
  .date({ message: 'Must be a date YYYY-MM-DD' })
  .refine((d) => d.endsWith('-01'), { message: 'A rate card starts on the first of a month' });

const rateCardFields = {
  offeringId: id,
  startsOn: firstOfMonth,
  periodKind: z.enum(periodKinds),
  internalPrice: ore.nullable().optional(),
  /** Null: the internal price. */
  externalPrice: ore.nullable().optional(),
  totalCost: ore.nullable().optional(),
  note: line(300).nullable().optional(),
};
export const rateCardCreate = z.strictObject(rateCardFields);
export type RateCardCreate = z.infer<typeof rateCardCreate>;
export const rateCardUpdate = z.strictObject({
  version,
  internalPrice: rateCardFields.internalPrice,
  externalPrice: rateCardFields.externalPrice,
  totalCost: rateCardFields.totalCost,
  note: rateCardFields.note,
});
export type RateCardUpdate = z.infer<typeof rateCardUpdate>;
export const rateCardArchive = z.strictObject({ version });

export const rateCard = rateCardView.extend({
  offeringId: id,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: permissions(['update', 'archive']),
});
export type RateCard = z.infer<typeof rateCard>;

// ---------------------------------------------------------------- roll forward

export interface CardLike {
  startsOn: string;
}

/** The month (YYYY-MM-01) of a date. */
export const monthOf = (date: string) => `${date.slice(0, 7)}-01`;

/**
 * The rate card in effect in a month: the latest one starting on or before it. Cards roll
 * forward until replaced. `cards` are the active ones, in any order.
 */
export function cardInEffect<C extends CardLike>(cards: readonly C[], month: string): C | undefined {
  const m = monthOf(month);
  let best: C | undefined;
  for (const c of cards) if (c.startsOn <= m && (!best || c.startsOn > best.startsOn)) best = c;
  return best;
}

/** The twelve months of a year, YYYY-MM-01. */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}-01`);
}

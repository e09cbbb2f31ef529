import { addMonths, format } from 'date-fns';
import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { ore } from '../registry/contracts.ts';
import { isoDate } from '../registry/systems.ts';
import { id, line, multiline, requiredLine } from '../text.ts';

// Rental equipment (hyressystem, issue 16 point 3), shared by server and web: the IT unit's
// computers, screens and printers that units rent at the monthly rate of an offering (seed 003),
// their states, who holds them, when they are due for replacement, and the IT unit's investment
// budget that buys them. Money is integer öre on the wire.

export const assetKinds = ['computer', 'screen', 'printer', 'phone', 'other'] as const;
export type AssetKind = (typeof assetKinds)[number];

/**
 * i lager → utlämnad (issue, to a unit and maybe a person) → retur (return) → utlämnad again or
 * skrotad (scrap). An issued asset is returned before it is scrapped: the return date is where the
 * unit's rent stops, and a scrap date must not silently end a rental (a lost computer is returned
 * on the day it was lost, then scrapped).
 */
export const assetStates = ['inStock', 'issued', 'returned', 'scrapped'] as const;
export type AssetState = (typeof assetStates)[number];

/** The states each action may start from. */
export const assetTransitions = {
  issue: ['inStock', 'returned'],
  return: ['issued'],
  scrap: ['inStock', 'returned'],
} as const satisfies Record<string, readonly AssetState[]>;
export type AssetAction = keyof typeof assetTransitions;

export function mayTransition(action: AssetAction, state: AssetState): boolean {
  return (assetTransitions[action] as readonly AssetState[]).includes(state);
}

/** Months an asset is written off over (avskrivningstid), and so when it is due for replacement. */
const depreciationMonths = z.number().int().min(1).max(240);

/** Days before replacement is due that the catalogue's keepers are told. */
export const REPLACEMENT_NOTICE_DAYS = 90;

/** Replacement is due when the asset is written off: the purchase date plus the depreciation months. */
export function replacementDue(purchasedOn: string, months: number): string {
  const [y, m, d] = purchasedOn.split('-').map(Number) as [number, number, number];
  return format(addMonths(new Date(y, m - 1, d), months), 'yyyy-MM-dd');
}

/** The asset's book value on a date: straight-line depreciation by whole months, never below 0. */
export function bookValue(purchaseValue: number, purchasedOn: string, months: number, on: string): number {
  const [py, pm] = purchasedOn.split('-').map(Number) as [number, number];
  const [y, m] = on.split('-').map(Number) as [number, number];
  const elapsed = Math.max(0, (y - py) * 12 + (m - pm));
  return Math.max(0, Math.round(purchaseValue * (1 - Math.min(elapsed, months) / months)));
}

const serial = requiredLine(100);

const assetFields = {
  serial,
  model: requiredLine(200),
  kind: z.enum(assetKinds),
  /** The rental offering whose rate card is the monthly rent. */
  offeringId: id,
  purchaseValue: ore,
  purchasedOn: isoDate,
  depreciationMonths,
  note: multiline(2000).nullable().optional(),
};

export const assetCreate = z.strictObject(assetFields);
export type AssetCreate = z.infer<typeof assetCreate>;

export const assetUpdate = z.strictObject({
  version,
  serial: serial.optional(),
  model: assetFields.model.optional(),
  kind: assetFields.kind.optional(),
  offeringId: id.optional(),
  purchaseValue: ore.optional(),
  purchasedOn: isoDate.optional(),
  depreciationMonths: depreciationMonths.optional(),
  note: assetFields.note,
});
export type AssetUpdate = z.infer<typeof assetUpdate>;

export const assetIssue = z.strictObject({
  version,
  /** The unit that is charged the rent. */
  unitId: id,
  personId: id.nullable().optional(),
  on: isoDate,
});
export type AssetIssue = z.infer<typeof assetIssue>;

export const assetReturn = z.strictObject({ version, on: isoDate });
export type AssetReturn = z.infer<typeof assetReturn>;

export const assetScrap = z.strictObject({
  version,
  on: isoDate,
  reason: multiline(1000).pipe(z.string().trim().min(1, { message: 'Required' })),
});
export type AssetScrap = z.infer<typeof assetScrap>;

export const assetListQuery = listQuery.extend({
  state: z.enum(assetStates).optional(),
  kind: z.enum(assetKinds).optional(),
  unitId: id.optional(),
  offeringId: id.optional(),
  /** Only assets (not scrapped) whose replacement is due on or before this date. */
  dueBefore: isoDate.optional(),
});
export type AssetListQuery = z.infer<typeof assetListQuery>;

const ref = z.object({ id, name: z.string() });

export const assetAssignment = z.object({
  id,
  unit: ref,
  person: ref.nullable(),
  fromOn: z.string(),
  /** The last day held; null while it is. */
  toOn: z.string().nullable(),
});
export type AssetAssignment = z.infer<typeof assetAssignment>;

export const assetPermissions = permissions(['update', 'archive', 'restore', 'issue', 'return', 'scrap']);

export const asset = z.object({
  id,
  serial: z.string(),
  model: z.string(),
  kind: z.enum(assetKinds),
  offering: ref,
  purchaseValue: z.number().int(),
  purchasedOn: z.string(),
  depreciationMonths: z.number().int(),
  replacementDueOn: z.string(),
  bookValue: z.number().int(),
  /** The offering's monthly rent (internal price) this month, when the reader may see it. */
  monthlyRent: z.number().int().nullable(),
  state: z.enum(assetStates),
  unit: ref.nullable(),
  person: ref.nullable(),
  issuedOn: z.string().nullable(),
  returnedOn: z.string().nullable(),
  scrappedOn: z.string().nullable(),
  scrapReason: z.string().nullable(),
  note: z.string().nullable(),
  /** Who held it when, newest first (only on the single asset; empty in lists). */
  assignments: z.array(assetAssignment),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: assetPermissions,
});
export type Asset = z.infer<typeof asset>;

// ---------------------------------------------------------------- investment budget

export const budgetYear = z.coerce.number().int().min(2000).max(2100);

export const investmentBudgetPut = z.strictObject({
  /** The version read; leave out to set a year that has no budget yet. */
  version: version.optional(),
  amount: ore,
  note: line(500).nullable().optional(),
});
export type InvestmentBudgetPut = z.infer<typeof investmentBudgetPut>;

export const investmentBudget = z.object({
  year: z.number().int(),
  amount: z.number().int(),
  note: z.string().nullable(),
  version: currentVersion,
  updatedAt: z.string(),
});
export type InvestmentBudget = z.infer<typeof investmentBudget>;

/** The year; this year by default. */
export const investmentsQuery = z.strictObject({ year: budgetYear.optional() });

export const investments = z.object({
  year: z.number().int(),
  budget: investmentBudget.nullable(),
  /** Sum of the purchase values of the assets bought in the year (archived ones left out). */
  purchased: z.number().int(),
  /** Budget less purchased; null without a budget. */
  remaining: z.number().int().nullable(),
  byKind: z.array(
    z.object({ kind: z.enum(assetKinds), count: z.number().int(), purchased: z.number().int() }),
  ),
  can: permissions(['setBudget']),
});
export type Investments = z.infer<typeof investments>;

import { addMonths, format, subMonths } from 'date-fns';
import organisationsnummer from 'organisationsnummer';
import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { email, id, line, multiline, phone, requiredLine } from '../text.ts';
import { isoDate } from './systems.ts';

// The package's types describe its CommonJS build as `{ default: class }` under NodeNext, while
// Node and Vite both hand over the class itself as the default export.
const Organisationsnummer = organisationsnummer as unknown as typeof organisationsnummer.default;

// Suppliers, contracts, licences and costs of the system register, shared by server and web.
// Money is integer öre on the wire (DESIGN.md); the web app shows it as SEK.

// ---------------------------------------------------------------- suppliers

/**
 * A Swedish organisationsnummer (or a sole trader's personnummer), checked with the
 * `organisationsnummer` package (Luhn digit, the group digit) and written NNNNNN-NNNN, so that one
 * number has one spelling and uniqueness holds however it was typed.
 */
export const orgNumber = line(13).transform((value, ctx) => {
  try {
    return Organisationsnummer.parse(value).format(true);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'Must be a valid organisationsnummer (NNNNNN-NNNN)' });
    return z.NEVER;
  }
});

/** Money in öre: integers, no negative amounts, below 10^13 (100 000 000 000 kr). */
export const ore = z.number().int().min(0).max(9_999_999_999_999);

const website = z.url({ protocol: /^https?$/, message: 'Must be an http(s) address' }).max(2000);

const supplierFields = {
  name: requiredLine(200),
  orgNumber: orgNumber.nullable().optional(),
  address: multiline(500).nullable().optional(),
  phone: phone.nullable().optional(),
  email: email.nullable().optional(),
  website: website.nullable().optional(),
  /** The supplier's contact: a name and role as text (people at suppliers are not in the directory). */
  contactPerson: line(200).nullable().optional(),
  notes: multiline(4000).nullable().optional(),
};

export const supplierCreate = z.strictObject(supplierFields);
export type SupplierCreate = z.infer<typeof supplierCreate>;

export const supplierUpdate = z.strictObject({
  version,
  ...supplierFields,
  name: supplierFields.name.optional(),
});
export type SupplierUpdate = z.infer<typeof supplierUpdate>;

export const supplierPermissions = permissions(['update', 'archive', 'restore', 'readHistory']);

export const supplier = z.object({
  id,
  name: z.string(),
  orgNumber: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  contactPerson: z.string().nullable(),
  notes: z.string().nullable(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: supplierPermissions,
});
export type Supplier = z.infer<typeof supplier>;

/** The orders of the suppliers' list; each pages by keyset on its own key. */
export const supplierSorts = ['name', 'orgNumber', 'updatedAt'] as const;
export type SupplierSort = (typeof supplierSorts)[number];

export const supplierListQuery = listQuery.extend({
  sort: z.enum(supplierSorts).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type SupplierListQuery = z.infer<typeof supplierListQuery>;

// ---------------------------------------------------------------- contracts

/** Whether the supplier processes personal data for the municipality under a personuppgiftsbiträdesavtal. */
export const dpaStatuses = ['none', 'needed', 'signed'] as const;
export type DpaStatus = (typeof dpaStatuses)[number];

/** Sort orders of the contract list. */
export const contractSorts = ['title', 'endsOn'] as const;

const months = z.number().int().min(0).max(600);
const reminderDays = z.number().int().min(0).max(730);

const contractFields = {
  supplierId: id,
  title: requiredLine(200),
  contractNumber: line(100).nullable().optional(),
  startsOn: isoDate,
  /** Null: until further notice (tillsvidare). */
  endsOn: isoDate.nullable().optional(),
  /** Uppsägningstid in months before the end. */
  noticeMonths: months.nullable().optional(),
  /** Förlängningsoptioner: how many, months each, the last date, and their wording. */
  extensionCount: z.number().int().min(0).max(50).nullable().optional(),
  extensionMonths: months.nullable().optional(),
  extendableUntil: isoDate.nullable().optional(),
  extensionTerms: multiline(2000).nullable().optional(),
  /** Avtalets årliga värde, öre. */
  annualValue: ore.nullable().optional(),
  /** Upphandlingsnummer or diarienummer of the procurement. */
  procurementReference: line(100).nullable().optional(),
  ownerId: id.nullable().optional(),
  systemIds: z.array(id).max(200).optional(),
  dpaStatus: z.enum(dpaStatuses).optional(),
  dpaSignedOn: isoDate.nullable().optional(),
  dpaReference: line(200).nullable().optional(),
  /** Days before the notice deadline and before the end that the owner is reminded. */
  noticeReminderDays: reminderDays.optional(),
  endReminderDays: reminderDays.optional(),
  notes: multiline(4000).nullable().optional(),
};

export const contractCreate = z.strictObject(contractFields);
export type ContractCreate = z.infer<typeof contractCreate>;

export const contractUpdate = z.strictObject({
  version,
  ...contractFields,
  supplierId: contractFields.supplierId.optional(),
  title: contractFields.title.optional(),
  startsOn: contractFields.startsOn.optional(),
});
export type ContractUpdate = z.infer<typeof contractUpdate>;

export const contractPermissions = permissions(['update', 'archive', 'restore', 'readHistory']);

export const contract = z.object({
  id,
  supplierId: id,
  supplierName: z.string(),
  title: z.string(),
  contractNumber: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  noticeMonths: z.number().int().nullable(),
  /** endsOn minus noticeMonths: the last day to give notice (stored, computed on write). */
  noticeDeadline: z.string().nullable(),
  extensionCount: z.number().int().nullable(),
  extensionMonths: z.number().int().nullable(),
  extendableUntil: z.string().nullable(),
  extensionTerms: z.string().nullable(),
  annualValue: z.number().int().nullable(),
  procurementReference: z.string().nullable(),
  ownerId: id.nullable(),
  systemIds: z.array(id),
  dpaStatus: z.enum(dpaStatuses),
  dpaSignedOn: z.string().nullable(),
  dpaReference: z.string().nullable(),
  noticeReminderDays: z.number().int(),
  endReminderDays: z.number().int(),
  notes: z.string().nullable(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: contractPermissions,
});
export type Contract = z.infer<typeof contract>;

const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const contractListQuery = listQuery.extend({
  supplierId: id.optional(),
  systemId: id.optional(),
  ownerId: id.optional(),
  /** Contracts (not yet ended) whose end date falls within this many months from today. */
  endingWithinMonths: z.coerce.number().int().min(0).max(120).optional(),
  /** Personal data processed (DPA needed) but no signed personuppgiftsbiträdesavtal. */
  dpaMissing: flag,
  sort: z.enum(contractSorts).default('title'),
});
export type ContractListQuery = z.infer<typeof contractListQuery>;

/** A date `YYYY-MM-DD` as a local Date at midnight: formatted back the same way, no time zone shifts it. */
function localDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** The last day to give notice: the end date minus the notice period (month ends clamp: 31 → 28). */
export function noticeDeadlineOf(endsOn: string | null | undefined, noticeMonths: number | null | undefined) {
  if (!endsOn || noticeMonths === null || noticeMonths === undefined) return null;
  return format(subMonths(localDate(endsOn), noticeMonths), 'yyyy-MM-dd');
}

/** Today plus a number of months, as a date (the "ending within" filters). */
export function monthsFrom(today: string, n: number): string {
  return format(addMonths(localDate(today), n), 'yyyy-MM-dd');
}

// ---------------------------------------------------------------- licences

export const licenceTypes = [
  'namedUser',
  'concurrentUser',
  'device',
  'server',
  'site',
  'subscription',
] as const;
export type LicenceType = (typeof licenceTypes)[number];
export const licencePeriods = ['month', 'year'] as const;
export type LicencePeriod = (typeof licencePeriods)[number];

const licenceFields = {
  systemId: id,
  contractId: id.nullable().optional(),
  type: z.enum(licenceTypes),
  count: z.number().int().min(0).max(100_000_000),
  used: z.number().int().min(0).max(100_000_000).nullable().optional(),
  /** Cost per period, öre; the period is required with it. */
  cost: ore.nullable().optional(),
  period: z.enum(licencePeriods).nullable().optional(),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
  note: multiline(2000).nullable().optional(),
};

export const licenceCreate = z.strictObject(licenceFields);
export type LicenceCreate = z.infer<typeof licenceCreate>;
export const licenceUpdate = z.strictObject({
  version,
  ...licenceFields,
  systemId: licenceFields.systemId.optional(),
  type: licenceFields.type.optional(),
  count: licenceFields.count.optional(),
});
export type LicenceUpdate = z.infer<typeof licenceUpdate>;

export const licencePermissions = permissions(['update', 'archive', 'restore']);

export const licence = z.object({
  id,
  systemId: id,
  systemName: z.string(),
  contractId: id.nullable(),
  contractTitle: z.string().nullable(),
  type: z.enum(licenceTypes),
  count: z.number().int(),
  used: z.number().int().nullable(),
  cost: z.number().int().nullable(),
  period: z.enum(licencePeriods).nullable(),
  /** The cost for a year: a monthly cost times twelve. */
  annualCost: z.number().int().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  note: z.string().nullable(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: licencePermissions,
});
export type Licence = z.infer<typeof licence>;

/** The orders of the licences' list (by validity by default); each pages by keyset on its own key. */
export const licenceSorts = ['validTo', 'system', 'type', 'count'] as const;
export type LicenceSort = (typeof licenceSorts)[number];

export const licenceListQuery = listQuery.extend({
  sort: z.enum(licenceSorts).default('validTo'),
  order: z.enum(['asc', 'desc']).default('asc'),
  systemId: id.optional(),
  contractId: id.optional(),
  /** Licences whose validity ends within this many months from today. */
  expiringWithinMonths: z.coerce.number().int().min(0).max(120).optional(),
});
export type LicenceListQuery = z.infer<typeof licenceListQuery>;

// ---------------------------------------------------------------- costs

export const costCategories = ['licence', 'operation', 'support', 'other'] as const;
export type CostCategory = (typeof costCategories)[number];

export const costYear = z.coerce.number().int().min(1990).max(2100);

/** A percentage with at most two decimals (stored as hundredths of a percent). */
const percent = z
  .number()
  .min(0.01)
  .max(100)
  .refine((n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, {
    message: 'At most two decimals',
  });

export const systemCostsPut = z.strictObject({
  year: z.number().int().min(1990).max(2100),
  /** The version of the year's costs this change is based on; absent when none are recorded yet. */
  version: version.optional(),
  lines: z
    .array(
      z.strictObject({
        category: z.enum(costCategories),
        amount: ore,
        note: line(200).nullable().optional(),
      }),
    )
    .max(100),
  /**
   * How the year's cost is split over units, in percent adding up to 100. Empty: by the number of
   * users of each unit that uses the system.
   */
  allocation: z.array(z.strictObject({ unitId: id, percent })).max(500),
});
export type SystemCostsPut = z.infer<typeof systemCostsPut>;

export const systemCostsQuery = z.strictObject({ year: costYear });

export const systemCosts = z.object({
  systemId: id,
  year: z.number().int(),
  /** Null until the year's costs are recorded. */
  version: z.number().int().nullable(),
  lines: z.array(
    z.object({ category: z.enum(costCategories), amount: z.number().int(), note: z.string().nullable() }),
  ),
  total: z.number().int(),
  byCategory: z.record(z.enum(costCategories), z.number().int()),
  /** `percent`: shares given; `users`: by using units' user counts; `none`: nothing to split by. */
  basis: z.enum(['percent', 'users', 'none']),
  shares: z.array(
    z.object({
      unitId: id,
      unitName: z.string(),
      percent: z.number().nullable(),
      users: z.number().int().nullable(),
      amount: z.number().int(),
    }),
  ),
  can: permissions(['update']),
});
export type SystemCosts = z.infer<typeof systemCosts>;

export const unitCostsQuery = z.strictObject({ year: costYear, unitId: id.optional() });

export const unitCosts = z.object({
  year: z.number().int(),
  /** Each unit's share of all systems' costs of the year, largest first. */
  units: z.array(
    z.object({ unitId: id, unitName: z.string(), amount: z.number().int(), systems: z.number().int() }),
  ),
  /** With `unitId`: that unit's share per system. */
  systems: z.array(z.object({ systemId: id, systemName: z.string(), amount: z.number().int() })),
  /** Costs of systems with nothing to split them by. */
  unallocated: z.number().int(),
  total: z.number().int(),
});
export type UnitCosts = z.infer<typeof unitCosts>;

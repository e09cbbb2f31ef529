import { z } from 'zod';
import { currentVersion } from '../records.ts';
import { id, line } from '../text.ts';

// What a locked chargeback run is sent to the finance system as, and what a unit's ekonom gets
// (issue 16 point 4), shared by server and web:
//
// - SIE 4i vouchers: one per cost centre, the IT unit's income credited on its own cost centre;
// - a ledger file (CSV or XLSX) in a configurable column layout, for finance systems that import
//   a table rather than SIE (Raindance- and Unit4-style presets, or the tenant's own columns);
// - a unit's specification: every line of the unit and the units under it, summed per kontering.
//
// The finance exports are of locked runs only: what is booked is what was locked and never
// changes. A specification may be read of a preview too (marked as such), so that a unit sees its
// coming bill. Lines without an account (rentals, allocations) take the settings' default account.

/** The fields a ledger layout's columns may carry. */
export const ledgerFields = [
  'period',
  'date',
  'series',
  'costCentre',
  'account',
  'activity',
  'counterpart',
  'amount',
  'debit',
  'credit',
  'text',
  'unitName',
] as const;
export type LedgerField = (typeof ledgerFields)[number];

export const ledgerPresets = ['raindance', 'unit4', 'custom'] as const;
export type LedgerPreset = (typeof ledgerPresets)[number];

export const ledgerColumn = z.strictObject({
  field: z.enum(ledgerFields),
  header: line(60).pipe(z.string().trim().min(1, { message: 'Required' })),
});
export type LedgerColumn = z.infer<typeof ledgerColumn>;

export const ledgerLayout = z.strictObject({
  preset: z.enum(ledgerPresets),
  columns: z.array(ledgerColumn).min(1).max(20),
  /** The CSV's field separator. */
  delimiter: z.enum([';', ',', 'tab']),
  /** Amounts written 1234,50 (Swedish) or 1234.50. */
  decimalComma: z.boolean(),
  /** Whether the IT unit's credit rows (its income) are written, so that the file balances. */
  includeCredit: z.boolean(),
});
export type LedgerLayout = z.infer<typeof ledgerLayout>;

/** The presets' columns: what Raindance's and Unit4's table imports are usually set up to read. */
export const presetLayouts: Record<Exclude<LedgerPreset, 'custom'>, LedgerLayout> = {
  raindance: {
    preset: 'raindance',
    columns: [
      { field: 'account', header: 'Konto' },
      { field: 'costCentre', header: 'Ansvar' },
      { field: 'activity', header: 'Verksamhet' },
      { field: 'counterpart', header: 'Motpart' },
      { field: 'amount', header: 'Belopp' },
      { field: 'text', header: 'Text' },
    ],
    delimiter: ';',
    decimalComma: true,
    includeCredit: true,
  },
  unit4: {
    preset: 'unit4',
    columns: [
      { field: 'period', header: 'Period' },
      { field: 'date', header: 'VoucherDate' },
      { field: 'account', header: 'Account' },
      { field: 'costCentre', header: 'Dim1' },
      { field: 'activity', header: 'Dim2' },
      { field: 'counterpart', header: 'Dim3' },
      { field: 'debit', header: 'Debit' },
      { field: 'credit', header: 'Credit' },
      { field: 'text', header: 'Description' },
    ],
    delimiter: ';',
    decimalComma: false,
    includeCredit: true,
  },
};

const code = (max: number) =>
  line(max).pipe(
    z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z._-]+$/, { message: 'Letters, digits and . _ - only' }),
  );

export const exportSettings = z.object({
  /** The voucher series in the finance system. */
  series: z.string(),
  /** The IT unit's account for the internal sale (its income), credited on each voucher. */
  incomeAccount: z.string().nullable(),
  /** The IT unit, whose cost centre the credit rows carry. */
  itUnit: z.object({ id, name: z.string(), costCentre: z.string().nullable() }).nullable(),
  /** The account of lines that carry none (rentals and allocations charge the unit's cost centre). */
  defaultAccount: z.string().nullable(),
  layout: ledgerLayout,
  /** Whether SIE and ledger files can be written (the accounts and the IT unit are set). */
  complete: z.boolean(),
  version: currentVersion,
  can: z.object({ update: z.boolean() }),
});
export type ExportSettings = z.infer<typeof exportSettings>;

/** The settings' version: 0 while the tenant has none. */
export const exportSettingsUpdate = z.strictObject({
  series: code(10),
  incomeAccount: code(20).nullable(),
  itUnitId: id.nullable(),
  defaultAccount: code(20).nullable(),
  layout: ledgerLayout,
  version: z.number().int().min(0).max(2_147_483_647),
});
export type ExportSettingsUpdate = z.infer<typeof exportSettingsUpdate>;

export const ledgerQuery = z.strictObject({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const specificationQuery = z.strictObject({ unitId: id });
export const specificationExportQuery = z.strictObject({
  unitId: id,
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
});

const kontering = z.object({
  costCentre: z.string().nullable(),
  account: z.string().nullable(),
  activity: z.string().nullable(),
  counterpart: z.string().nullable(),
});

/** A unit's bill for a month: its lines and those of the units under it, with sums per kontering. */
export const specification = z.object({
  run: z.object({
    id,
    period: z.string(),
    state: z.enum(['preview', 'locked']),
    lockedAt: z.string().nullable(),
  }),
  unit: z.object({ id, name: z.string(), costCentre: z.string().nullable() }),
  tenantName: z.string(),
  lines: z.array(
    z.object({
      id,
      unit: z.object({ id, name: z.string() }),
      source: z.string(),
      description: z.string(),
      offering: z.string().nullable(),
      quantity: z.string(),
      unitPrice: z.number().int(),
      amount: z.number().int(),
      kontering,
      disputed: z.boolean(),
    }),
  ),
  byKontering: z.array(kontering.extend({ amount: z.number().int() })),
  total: z.number().int(),
});
export type Specification = z.infer<typeof specification>;

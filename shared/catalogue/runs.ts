import { z } from 'zod';
import { currentVersion, listQuery, page, permissions, version } from '../records.ts';
import { id, multiline } from '../text.ts';

// The monthly chargeback run (debitering, issue 16 points 4 and 5), shared by server and web.
//
// A run is one tenant's month (`YYYY-MM`): a preview that is computed and recomputed until it is
// locked; a locked run never changes, and what was wrong in it is put right by signed lines in a
// later run (a correction, or the credit of an accepted dispute). Lines are of a source; the
// computed sources are replaced by each recomputation of a preview, while corrections and credits
// are written by people and kept.
//
// A unit is charged only for the days its billing switch (catalogue_billing_switches) says
// `billing`: days under quality steering produce no lines at all, so that a run's total is what
// is billed and a unit under quality steering is not sent a bill of zeroes.
//
// Proration, set per tenant: `month` charges a whole month's price for a subscription active in
// billing mode on any day of the month; `day` charges round(quantity × price × billed days / days
// in the month), rounded half up to whole öre.

export const prorations = ['month', 'day'] as const;
export type Proration = (typeof prorations)[number];

/**
 * Where a line comes from. The computed ones are rewritten by every recomputation of a preview;
 * subscriptions, one-offs, consumption (imported), rentals (the assets part) and allocation
 * (shared costs by allocation keys); deskHours (billable desk time) is computed by the same run.
 */
export const lineSources = [
  'subscription',
  'consumption',
  'oneOff',
  'deskHours',
  'allocation',
  'rental',
  'correction',
  'credit',
] as const;
export type LineSource = (typeof lineSources)[number];
export const computedSources: readonly LineSource[] = [
  'subscription',
  'consumption',
  'oneOff',
  'deskHours',
  'allocation',
  'rental',
];

export const runStates = ['preview', 'locked'] as const;
export type RunState = (typeof runStates)[number];

export const disputeStates = ['open', 'accepted', 'rejected'] as const;
export type DisputeState = (typeof disputeStates)[number];

const period = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, { message: 'Must be a month (YYYY-MM)' });

const required = (max: number) => multiline(max).pipe(z.string().trim().min(1, { message: 'Required' }));

// ---------------------------------------------------------------- pure rules

/** Days in the month of `YYYY-MM`. */
export function daysInMonth(p: string): number {
  const [y, m] = p.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The first and last day of `YYYY-MM`. */
export function periodBounds(p: string): { start: string; end: string } {
  return { start: `${p}-01`, end: `${p}-${String(daysInMonth(p)).padStart(2, '0')}` };
}

/** The month after `YYYY-MM`. */
export function nextPeriod(p: string): string {
  const [y, m] = p.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

export interface SwitchLike {
  mode: string;
  fromOn: string;
}

/**
 * The days of a month that a subscription from `startsOn` to `endsOn` (inclusive, null: running)
 * is in billing mode by the unit's active switches (quality steering before the first).
 */
export function billedDays(
  p: string,
  startsOn: string,
  endsOn: string | null,
  switches: readonly SwitchLike[],
): number {
  const { start, end } = periodBounds(p);
  const sorted = [...switches].sort((a, b) => a.fromOn.localeCompare(b.fromOn));
  let days = 0;
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i]!;
    if (s.mode !== 'billing') continue;
    const next = sorted[i + 1];
    const lo = [start, startsOn, s.fromOn].reduce((a, b) => (a > b ? a : b));
    let hi = end;
    if (endsOn !== null && endsOn < hi) hi = endsOn;
    if (next) {
      const before = dayNumber(next.fromOn) - 1;
      if (before < dayNumber(hi)) hi = new Date(before * 86_400_000).toISOString().slice(0, 10);
    }
    const n = dayNumber(hi) - dayNumber(lo) + 1;
    if (n > 0) days += n;
  }
  return days;
}

/** round(a / b) half up, for a ≥ 0 and b > 0, exact in integers. */
function roundHalfUp(a: bigint, b: bigint): bigint {
  return (2n * a + b) / (2n * b);
}

/**
 * A subscription's amount in a month, öre: whole month — quantity × price when billed on any
 * day; by day — round(quantity × price × billed days / days in month), half up.
 */
export function subscriptionAmount(
  proration: Proration,
  quantity: number,
  unitPrice: number,
  billed: number,
  monthDays: number,
): number {
  if (billed <= 0) return 0;
  if (proration === 'month') return quantity * unitPrice;
  return Number(roundHalfUp(BigInt(quantity) * BigInt(unitPrice) * BigInt(billed), BigInt(monthDays)));
}

// ---------------------------------------------------------------- API

export const runCompute = z.strictObject({ period });
export type RunCompute = z.infer<typeof runCompute>;
export const runLock = z.strictObject({ version });

export const runSettings = z.object({ proration: z.enum(prorations), version: currentVersion });
export type RunSettings = z.infer<typeof runSettings>;
/** The settings' version; 0 while the tenant has none (the default: whole month). */
export const runSettingsUpdate = z.strictObject({
  proration: z.enum(prorations),
  version: z.number().int().min(0).max(2_147_483_647),
});
export type RunSettingsUpdate = z.infer<typeof runSettingsUpdate>;

/**
 * A correction names the line of a locked run and the amount it should have come to (öre, 0 or
 * more); the correction line is the signed difference from what the line comes to now (its
 * amount with the corrections and credits already made to it), so that sending the same
 * correction twice changes nothing the second time (409).
 */
export const correctionCreate = z.strictObject({
  lineId: id,
  amount: z.number().int().min(0).max(1e13),
  reason: required(1000),
});
export type CorrectionCreate = z.infer<typeof correctionCreate>;

export const disputeCreate = z.strictObject({ reason: required(2000) });
export type DisputeCreate = z.infer<typeof disputeCreate>;

export const disputeResolve = z
  .strictObject({
    version,
    decision: z.enum(['accepted', 'rejected']),
    note: required(2000),
    /** The part credited, öre (positive), when not the whole line. */
    amount: z.number().int().min(1).max(1e13).nullable().optional(),
  })
  .refine((r) => r.decision === 'accepted' || r.amount === undefined || r.amount === null, {
    path: ['amount'],
    message: 'Only an accepted dispute credits an amount',
  });
export type DisputeResolve = z.infer<typeof disputeResolve>;

const ref = z.object({ id, name: z.string() });

export const run = z.object({
  id,
  period: z.string(),
  state: z.enum(runStates),
  proration: z.enum(prorations).nullable(),
  total: z.number().int(),
  lineCount: z.number().int(),
  computedAt: z.string().nullable(),
  lockedAt: z.string().nullable(),
  lockedBy: z.string().nullable(),
  version: currentVersion,
  can: permissions(['compute', 'lock', 'correct']),
});
export type Run = z.infer<typeof run>;

export const runDetail = run.extend({
  units: z.array(
    z.object({ unit: ref, total: z.number().int(), lineCount: z.number().int(), readLines: z.boolean() }),
  ),
});
export type RunDetail = z.infer<typeof runDetail>;

export const runListQuery = z.strictObject({ limit: listQuery.shape.limit, cursor: listQuery.shape.cursor });
export const runList = page(run).extend({ can: z.object({ compute: z.boolean() }) });

export const runLine = z.object({
  id,
  runId: id,
  period: z.string(),
  unit: ref,
  offering: ref.nullable(),
  subscriptionId: id.nullable(),
  orderId: id.nullable(),
  source: z.enum(lineSources),
  description: z.string(),
  quantity: z.string(),
  unitPrice: z.number().int(),
  amount: z.number().int(),
  kontering: z.object({
    costCentre: z.string().nullable(),
    account: z.string().nullable(),
    activity: z.string().nullable(),
    counterpart: z.string().nullable(),
  }),
  billedDays: z.number().int().nullable(),
  daysInMonth: z.number().int().nullable(),
  correctsLineId: id.nullable(),
  disputeId: id.nullable(),
  can: permissions(['dispute', 'correct']),
});
export type RunLine = z.infer<typeof runLine>;

export const runLineListQuery = z.strictObject({
  unitId: id.optional(),
  limit: listQuery.shape.limit,
  cursor: listQuery.shape.cursor,
});
export type RunLineListQuery = z.infer<typeof runLineListQuery>;
export const runLineList = page(runLine);

export const dispute = z.object({
  id,
  lineId: id,
  period: z.string(),
  unit: ref,
  description: z.string(),
  amount: z.number().int(),
  reason: z.string(),
  raisedBy: z.string().nullable(),
  raisedAt: z.string(),
  state: z.enum(disputeStates),
  resolutionNote: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  creditedAmount: z.number().int().nullable(),
  creditedInPeriod: z.string().nullable(),
  version: currentVersion,
  can: permissions(['resolve']),
});
export type Dispute = z.infer<typeof dispute>;

export const disputeListQuery = z.strictObject({
  state: z.enum(disputeStates).optional(),
  limit: listQuery.shape.limit,
  cursor: listQuery.shape.cursor,
});
export type DisputeListQuery = z.infer<typeof disputeListQuery>;
export const disputeList = page(dispute);

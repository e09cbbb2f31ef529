import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { id, multiline, requiredLine } from '../text.ts';
import { konteringValue } from './orders.ts';

// Allocation keys (fördelningsnycklar, issue 16 point 4), shared by server and web. A shared
// cost of the IT unit — a monthly amount in öre, booked on an offering or an account — is
// spread in each month's chargeback run over the units in billing mode on the month's last day,
// by a key:
//
// - `users`: the unit's active people;
// - `computers`: the rental assets of kind computer the unit holds on the month's last day;
// - `fixed`: explicit weights per unit (catalogue_allocation_shares).
//
// The units are all units in billing mode, or a chosen list (still only those in billing mode).
// The amount is split by largest remainder (splitPool), so that the lines of one allocation sum
// exactly to its amount; a unit of weight 0 gets no line.

export const allocationKeys = ['users', 'computers', 'fixed'] as const;
export type AllocationKey = (typeof allocationKeys)[number];

export const allocationSpreads = ['all', 'chosen'] as const;
export type AllocationSpread = (typeof allocationSpreads)[number];

/** A monthly shared cost, öre: above 0, at most 10 000 000 000 kr. */
export const allocationAmount = z.number().int().min(1).max(1e12);
/** A fixed share's weight. */
export const shareWeight = z.number().int().min(0).max(1_000_000);

export const allocationShare = z.strictObject({ unitId: id, weight: shareWeight });
export type AllocationShare = z.infer<typeof allocationShare>;

const fields = {
  name: requiredLine(120),
  description: multiline(2000).nullable().optional(),
  amount: allocationAmount,
  offeringId: id.nullable().optional(),
  account: konteringValue.nullable().optional(),
  key: z.enum(allocationKeys),
  spread: z.enum(allocationSpreads),
  /** The chosen units (spread `chosen`); empty otherwise. */
  unitIds: z.array(id).max(1000).default([]),
  /** The weights per unit (key `fixed`); empty otherwise. */
  shares: z.array(allocationShare).max(1000).default([]),
};

export const allocationCreate = z.strictObject(fields);
export type AllocationCreate = z.infer<typeof allocationCreate>;
/** A change replaces the allocation's fields as a whole, with the version read. */
export const allocationUpdate = z.strictObject({ version, ...fields });
export type AllocationUpdate = z.infer<typeof allocationUpdate>;
export const allocationListQuery = z.strictObject({ ...listQuery.shape });
export type AllocationListQuery = z.infer<typeof allocationListQuery>;

export const allocation = z.object({
  id,
  name: z.string(),
  description: z.string().nullable(),
  amount: z.number().int(),
  offering: z.object({ id, name: z.string() }).nullable(),
  account: z.string().nullable(),
  key: z.enum(allocationKeys),
  spread: z.enum(allocationSpreads),
  units: z.array(z.object({ id, name: z.string() })),
  shares: z.array(z.object({ unitId: id, unitName: z.string(), weight: z.number().int() })),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: permissions(['update', 'archive', 'restore']),
});
export type Allocation = z.infer<typeof allocation>;

/**
 * The rules between fields that a schema alone does not say, as field errors (path, message):
 * a chosen spread names its units, a fixed key its shares, each unit once, and an allocation is
 * booked on an offering or an account.
 */
export function allocationProblems(input: AllocationCreate): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (!input.offeringId && !input.account)
    out.push({ path: 'body.account', message: 'An offering or an account is required' });
  if (input.spread === 'chosen' && input.unitIds.length === 0)
    out.push({ path: 'body.unitIds', message: 'Choose at least one unit' });
  if (input.spread === 'all' && input.unitIds.length > 0)
    out.push({ path: 'body.unitIds', message: 'Only a chosen spread names units' });
  if (new Set(input.unitIds).size !== input.unitIds.length)
    out.push({ path: 'body.unitIds', message: 'A unit is named twice' });
  if (input.key === 'fixed' && input.shares.length === 0)
    out.push({ path: 'body.shares', message: 'A fixed key needs at least one share' });
  if (input.key !== 'fixed' && input.shares.length > 0)
    out.push({ path: 'body.shares', message: 'Only a fixed key has shares' });
  if (new Set(input.shares.map((s) => s.unitId)).size !== input.shares.length)
    out.push({ path: 'body.shares', message: 'A unit has two shares' });
  return out;
}

// ---------------------------------------------------------------- the split

export interface Weighted {
  unitId: string;
  weight: number;
}

/**
 * Splits `pool` öre over the units by weight, by largest remainder: each unit gets
 * floor(pool × weight / total), and the öre left over go one each to the units with the largest
 * remainders (pool × weight mod total), ties by unit id ascending. The shares sum exactly to the
 * pool when any weight is above 0; units of weight 0 get nothing and are left out. Exact in
 * integers (BigInt), and the same rule as the run's SQL (server/.../allocations/compute.ts).
 */
export function splitPool(pool: number, units: readonly Weighted[]): { unitId: string; amount: number }[] {
  const weighted = units.filter((u) => u.weight > 0);
  const total = weighted.reduce((sum, u) => sum + BigInt(u.weight), 0n);
  if (total === 0n) return [];
  const p = BigInt(pool);
  const parts = weighted.map((u) => {
    const product = p * BigInt(u.weight);
    return { unitId: u.unitId, base: product / total, rest: product % total };
  });
  let left = p - parts.reduce((sum, x) => sum + x.base, 0n);
  const byRest = [...parts].sort((a, b) =>
    a.rest === b.rest ? (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0) : a.rest > b.rest ? -1 : 1,
  );
  const extra = new Set<string>();
  for (const x of byRest) {
    if (left <= 0n) break;
    extra.add(x.unitId);
    left -= 1n;
  }
  return parts.map((x) => ({ unitId: x.unitId, amount: Number(x.base + (extra.has(x.unitId) ? 1n : 0n)) }));
}

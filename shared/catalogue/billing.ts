import { z } from 'zod';
import { currentVersion, permissions, version } from '../records.ts';
import { isoDate } from '../registry/systems.ts';
import { id, line } from '../text.ts';

// The dated switch per unit (issue 16 point 5, seed 002): the catalogue serves a unit's quality
// steering only until a date, then its billing. Each switch says from which date the unit is in
// which mode; the history is kept (a planned switch is withdrawn by archiving it, never deleted).
// A switch passes down the unit tree: a unit with no switch of its own on a date follows the
// nearest unit above it that has one (inheritedModeOn). A unit with none at or above it is in
// quality steering.

export const billingModes = ['qualitySteering', 'billing'] as const;
export type BillingMode = (typeof billingModes)[number];

export const switchCreate = z.strictObject({
  unitId: id,
  mode: z.enum(billingModes),
  fromOn: isoDate,
  note: line(300).nullable().optional(),
});
export type SwitchCreate = z.infer<typeof switchCreate>;
export const switchArchive = z.strictObject({ version });

export const billingSwitch = z.object({
  id,
  unitId: id,
  mode: z.enum(billingModes),
  fromOn: z.string(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  archivedAt: z.string().nullable(),
  version: currentVersion,
  can: permissions(['archive']),
});
export type BillingSwitch = z.infer<typeof billingSwitch>;

const unitRef = z.object({ id, name: z.string() });

export const unitBilling = z.object({
  unit: unitRef,
  /** The mode today. */
  mode: z.enum(billingModes),
  /** The unit above whose switch decides today's mode, when the unit has none of its own in effect. */
  inheritedFrom: unitRef.nullable(),
  /** The next switch after today, if one is planned. */
  nextSwitch: billingSwitch.nullable(),
  history: z.array(billingSwitch),
  can: permissions(['switch']),
});
export type UnitBilling = z.infer<typeof unitBilling>;

export const unitBillingList = z.object({
  items: z.array(
    z.object({
      unit: z.object({ id, name: z.string() }),
      mode: z.enum(billingModes),
      since: z.string().nullable(),
      inheritedFrom: unitRef.nullable(),
      nextSwitch: z.object({ mode: z.enum(billingModes), fromOn: z.string() }).nullable(),
    }),
  ),
  can: permissions(['switch']),
});
export type UnitBillingList = z.infer<typeof unitBillingList>;

export interface SwitchLike {
  mode: string;
  fromOn: string;
}

/** The mode on a date: the latest active switch from that date or before; quality steering before any. */
export function modeOn<S extends SwitchLike>(switches: readonly S[], date: string): BillingMode {
  let best: S | undefined;
  for (const s of switches) if (s.fromOn <= date && (!best || s.fromOn > best.fromOn)) best = s;
  return (best?.mode as BillingMode | undefined) ?? 'qualitySteering';
}

/**
 * The mode on a date of a unit, given the active switches of its chain (the unit itself first,
 * then its parent, up to the root): the nearest level with a switch on or before the date decides,
 * so a förvaltning's switch covers the units below it until one of them has a switch of its own.
 * The same rule as billingDays in server/modules/catalogue/runs/compute.ts. `level` is the index
 * in the chain of the deciding unit, null when nothing decides (quality steering).
 */
export function inheritedModeOn<S extends SwitchLike>(
  chain: readonly (readonly S[])[],
  date: string,
): { mode: BillingMode; level: number | null } {
  for (let level = 0; level < chain.length; level++) {
    const own = chain[level]!;
    if (own.some((s) => s.fromOn <= date)) return { mode: modeOn(own, date), level };
  }
  return { mode: 'qualitySteering', level: null };
}

export interface ChainLevel<S extends SwitchLike> {
  unit: { id: string; name: string };
  switches: readonly S[];
}

/**
 * A unit's billing state today from its chain (itself first, then up to the root): the mode,
 * the date of the switch it rests on, the unit it is inherited from (null when its own switch
 * decides, or none does), and the next change: the earliest later switch at a level that can
 * decide (the unit's own and those up to the deciding one), with the mode it brings.
 */
export function billingToday<S extends SwitchLike>(chain: readonly ChainLevel<S>[], today: string) {
  const levels = chain.map((c) => c.switches);
  const now = inheritedModeOn(levels, today);
  const deciding = now.level === null ? null : chain[now.level]!;
  const since =
    deciding?.switches
      .filter((s) => s.fromOn <= today)
      .reduce<string | null>((a, s) => (a === null || s.fromOn > a ? s.fromOn : a), null) ?? null;
  const reach = now.level === null ? chain.length : now.level + 1;
  const upcoming = chain
    .slice(0, reach)
    .flatMap((c) => c.switches.filter((s) => s.fromOn > today))
    .sort((a, b) => a.fromOn.localeCompare(b.fromOn));
  const next = upcoming.find((s) => inheritedModeOn(levels, s.fromOn).mode !== now.mode) ?? null;
  return {
    mode: now.mode,
    since,
    inheritedFrom: now.level !== null && now.level > 0 ? deciding!.unit : null,
    next: next ? { mode: inheritedModeOn(levels, next.fromOn).mode, fromOn: next.fromOn } : null,
  };
}

/**
 * The switches that decide a unit's mode, its chain flattened (the unit itself first, then up to
 * the root): each level's switches before the first switch of a nearer level. modeOn over the
 * result is inheritedModeOn; billedDays over it counts the days billingDays' SQL bills.
 */
export function inheritedSwitches<S extends SwitchLike>(chain: readonly (readonly S[])[]): S[] {
  const out: S[] = [];
  let cap: string | null = null;
  for (const level of chain) {
    for (const s of level) if (cap === null || s.fromOn < cap) out.push(s);
    for (const s of level) if (cap === null || s.fromOn < cap) cap = s.fromOn;
  }
  return out.sort((a, b) => a.fromOn.localeCompare(b.fromOn));
}

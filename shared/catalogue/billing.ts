import { z } from 'zod';
import { currentVersion, permissions, version } from '../records.ts';
import { isoDate } from '../registry/systems.ts';
import { id, line } from '../text.ts';

// The dated switch per unit (issue 16 point 5, seed 002): the catalogue serves a unit's quality
// steering only until a date, then its billing. Each switch says from which date the unit is in
// which mode; the history is kept (a planned switch is withdrawn by archiving it, never deleted).
// A unit without a switch is in quality steering.

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

export const unitBilling = z.object({
  unit: z.object({ id, name: z.string() }),
  /** The mode today. */
  mode: z.enum(billingModes),
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

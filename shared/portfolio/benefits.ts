import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { isoDate } from '../registry/systems.ts';
import { id, line, multiline, requiredLine } from '../text.ts';

// Effect goals and benefit follow-up (nyttorealisering), shared by server and web. A project
// states its effect goals: what is measured (the indicator, in a unit), from which baseline to
// which target, whether higher or lower is better, what kind of benefit it is (money a year in
// öre, hours a year, or qualitative), who is responsible for following it up, and when (dates,
// usually 6, 12 and 24 months after the project closes). A follow-up records the value measured
// on a day; the latest one is what the goal has realised.

/** Pengar (öre per år), timmar per år, eller kvalitativ nytta. */
export const benefitKinds = ['money', 'hours', 'qualitative'] as const;
export type BenefitKind = (typeof benefitKinds)[number];

/** Whether the indicator should rise (öka) or fall (minska) from the baseline to the target. */
export const goalDirections = ['increase', 'decrease'] as const;
export type GoalDirection = (typeof goalDirections)[number];

/** An indicator's value, not negative: money in öre and hours are whole numbers (the service checks). */
const measure = z.number().min(0).max(1e15);

const goalFields = {
  projectId: id,
  name: requiredLine(300),
  description: multiline(4000).nullable().optional(),
  /** What is measured: "Handläggningstid per ärende", "Licenskostnad per år". */
  indicator: requiredLine(300),
  /** The indicator's unit as shown ("dagar", "kr/år", "%"); money and hours have their own. */
  unit: line(50).nullable().optional(),
  direction: z.enum(goalDirections),
  kind: z.enum(benefitKinds),
  baseline: measure,
  target: measure,
  responsibleId: id,
  /** The days to follow up on, e.g. 6, 12 and 24 months after closure; at most 12. */
  followUpDates: z.array(isoDate).min(1).max(12),
};

export const effectGoalCreate = z.strictObject(goalFields);
export type EffectGoalCreate = z.infer<typeof effectGoalCreate>;

export const effectGoalUpdate = effectGoalCreate.omit({ projectId: true }).partial().extend({ version });
export type EffectGoalUpdate = z.infer<typeof effectGoalUpdate>;

export const followUpCreate = z.strictObject({
  version,
  /** The day the value was measured; not in the future. */
  measuredOn: isoDate,
  /** The measured value; may be left out for a qualitative goal (the comment says it). */
  value: measure.nullable().optional(),
  comment: multiline(4000).nullable().optional(),
  /**
   * The planned follow-up date this one answers; when left out, the earliest one still open that
   * is due within 60 days of the measurement (else it is an interim measurement).
   */
  dueOn: isoDate.optional(),
});
export type FollowUpCreate = z.infer<typeof followUpCreate>;

const ref = z.object({ id, name: z.string() });

export const followUp = z.object({
  id,
  measuredOn: z.string(),
  value: z.number().nullable(),
  comment: z.string().nullable(),
  dueOn: z.string().nullable(),
  /** The benefit realised by this measurement (in the goal's direction, from the baseline). */
  realised: z.number().nullable(),
  recordedBy: z.string(),
  createdAt: z.string(),
});
export type FollowUp = z.infer<typeof followUp>;

export const effectGoal = z.object({
  id,
  project: ref,
  name: z.string(),
  description: z.string().nullable(),
  indicator: z.string(),
  unit: z.string().nullable(),
  direction: z.enum(goalDirections),
  kind: z.enum(benefitKinds),
  baseline: z.number(),
  target: z.number(),
  responsible: ref,
  followUpDates: z.array(z.string()),
  /** The planned follow-up dates not yet answered, in order. */
  openDates: z.array(z.string()),
  /** The earliest open follow-up date; null when all are answered. */
  nextFollowUpOn: z.string().nullable(),
  overdue: z.boolean(),
  /** The promised benefit: the target's distance from the baseline, in the goal's direction. */
  promised: z.number(),
  /** The latest measured value's distance from the baseline; null before a value is measured. */
  realised: z.number().nullable(),
  /** Newest first. */
  followUps: z.array(followUp),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: permissions(['update', 'archive', 'restore', 'followUp']),
});
export type EffectGoal = z.infer<typeof effectGoal>;

const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const effectGoalListQuery = listQuery.extend({
  projectId: id.optional(),
  responsibleId: id.optional(),
  kind: z.enum(benefitKinds).optional(),
  /** Goals with an open follow-up date on or before this day (the follow-ups due). */
  dueBy: isoDate.optional(),
  /** Goals whose follow-up is overdue (an open date before today). */
  overdue: flag,
});
export type EffectGoalListQuery = z.infer<typeof effectGoalListQuery>;

/** The benefit between the baseline and a value, positive in the goal's direction. */
export function benefitOf(goal: { direction: GoalDirection; baseline: number }, value: number): number {
  return goal.direction === 'increase' ? value - goal.baseline : goal.baseline - value;
}

/** The dates `months` after `date` (the follow-ups after a project's closure). */
export function monthsAfter(date: string, months: readonly number[]): string[] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return months.map((n) => {
    const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
    return new Date(Date.UTC(y, m - 1 + n, Math.min(d, last))).toISOString().slice(0, 10);
  });
}

/** The follow-up dates after closure the UI offers: 6, 12 and 24 months. */
export const defaultFollowUpMonths = [6, 12, 24] as const;

import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { id, line, multiline, requiredLine } from '../text.ts';

// The IT strategy's goals (målbild), shared by server and web: each goal sits in one perspective
// of the steering model (seed 001: samhälle, service, medarbetare, ekonomi) and has indicators,
// each with a unit, the direction that is better, a baseline, a target, and a value per year —
// typed by hand, or computed from another module through an indicator source on the seam (the
// register's e-services) and then frozen for a year when it is settled.

export const perspectives = ['society', 'service', 'staff', 'economy'] as const;
export type Perspective = (typeof perspectives)[number];

/** Which way is better: more, less, or as it is. */
export const directions = ['increase', 'decrease', 'keep'] as const;
export type Direction = (typeof directions)[number];

/** Where a year's value comes from. */
export const valueOrigins = ['manual', 'computed', 'frozen'] as const;
export type ValueOrigin = (typeof valueOrigins)[number];

export const year = z.number().int().min(1990).max(2100);
/** A figure: finite, within what any indicator needs. */
export const figure = z.number().min(-1e12).max(1e12);

export const indicatorInput = z.strictObject({
  /** An indicator the goal has, kept with its values; none for a new one. */
  id: id.optional(),
  name: requiredLine(200),
  unit: line(40).optional(),
  direction: z.enum(directions),
  baseline: figure.nullable().optional(),
  baselineYear: year.nullable().optional(),
  /** The final target, reached by targetYear (each year may have its own target too). */
  target: figure.nullable().optional(),
  targetYear: year.nullable().optional(),
  /** An indicator source's key (GET /api/v1/goals/sources): the values are computed, not typed. */
  sourceKey: line(100).nullable().optional(),
});
export type IndicatorInput = z.infer<typeof indicatorInput>;

const goalFields = {
  perspective: z.enum(perspectives),
  title: requiredLine(300),
  description: multiline(4000).nullable().optional(),
  ownerId: id.nullable().optional(),
  /** Order within the perspective, lowest first. */
  position: z.number().int().min(0).max(10_000).optional(),
  /** The goal's indicators in order; on a change, the whole list (one left out is removed). */
  indicators: z.array(indicatorInput).max(20).optional(),
};

export const goalCreate = z.strictObject(goalFields);
export type GoalCreate = z.infer<typeof goalCreate>;
export const goalUpdate = z.strictObject({
  version,
  ...goalFields,
  perspective: goalFields.perspective.optional(),
  title: goalFields.title.optional(),
});
export type GoalUpdate = z.infer<typeof goalUpdate>;

/**
 * One year of one indicator: its target and, by hand, its value; or, for a computed indicator,
 * `freeze: true` to keep the figure as it is now (`false` follows the source again).
 */
export const goalValueInput = z.strictObject({
  version,
  indicatorId: id,
  year,
  value: figure.nullable().optional(),
  target: figure.nullable().optional(),
  freeze: z.boolean().optional(),
});
export type GoalValueInput = z.infer<typeof goalValueInput>;

export const indicatorYear = z.object({
  year: z.number().int(),
  /** The year's own target, else none (the final target is on the indicator). */
  target: z.number().nullable(),
  value: z.number().nullable(),
  origin: z.enum(valueOrigins).nullable(),
  frozenAt: z.string().nullable(),
});
export type IndicatorYear = z.infer<typeof indicatorYear>;

const bilingual = z.object({ sv: z.string(), en: z.string() });

/** An indicator source as a module registers it, in both languages (the web app picks one). */
export const indicatorSource = z.object({
  key: z.string(),
  label: bilingual,
  unit: z.string(),
  origin: bilingual,
});
export type IndicatorSourceInfo = z.infer<typeof indicatorSource>;

export const indicator = z.object({
  id,
  name: z.string(),
  unit: z.string(),
  direction: z.enum(directions),
  baseline: z.number().nullable(),
  baselineYear: z.number().int().nullable(),
  target: z.number().nullable(),
  targetYear: z.number().int().nullable(),
  sourceKey: z.string().nullable(),
  /** The source as registered now; null for a hand-typed indicator or a source no module gives. */
  source: indicatorSource.nullable(),
  years: z.array(indicatorYear),
});
export type Indicator = z.infer<typeof indicator>;

const ref = z.object({ id, name: z.string() });

export const goal = z.object({
  id,
  perspective: z.enum(perspectives),
  title: z.string(),
  description: z.string().nullable(),
  owner: ref.nullable(),
  position: z.number().int(),
  indicators: z.array(indicator),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: permissions(['update', 'archive', 'restore']),
});
export type Goal = z.infer<typeof goal>;

export const goalListQuery = listQuery.extend({
  perspective: z.enum(perspectives).optional(),
  ownerId: id.optional(),
});
export type GoalListQuery = z.infer<typeof goalListQuery>;

export const indicatorSources = z.object({ items: z.array(indicatorSource) });

export const followUpParams = z.strictObject({
  year: z.coerce.number().int().min(1990).max(2100),
});

/** Whether a year's value reaches its target, by the indicator's direction. */
export const assessments = ['met', 'notMet', 'unknown'] as const;
export type Assessment = (typeof assessments)[number];

/**
 * Does `value` reach `target`? More is better: at least the target; less: at most; keep: within
 * 5 % of it (a figure kept "as it is" is never exactly the same).
 */
export function assess(direction: Direction, value: number | null, target: number | null): Assessment {
  if (value === null || target === null) return 'unknown';
  if (direction === 'increase') return value >= target ? 'met' : 'notMet';
  if (direction === 'decrease') return value <= target ? 'met' : 'notMet';
  return Math.abs(value - target) <= Math.abs(target) * 0.05 ? 'met' : 'notMet';
}

/** The target that applies to a year: its own, else the final one. */
export function targetFor(i: Pick<Indicator, 'target' | 'years'>, y: number): number | null {
  return i.years.find((v) => v.year === y)?.target ?? i.target;
}

import { z } from 'zod';
import { isoDate } from '../registry/systems.ts';
import { id } from '../text.ts';
import { defaultCapacity, demandStatuses } from './demands.ts';
import { procedures, procurementStatuses } from './procurements.ts';
import { projectPhases, ragLevels } from './projects.ts';

// The portfolio's views (issue 15 point 6): the timeline of projects and procurements, the
// benefit/cost/risk bubble chart of demands, the load on key roles against a capacity, and the
// printable report for the IT-styrgrupp. Each is one read-only answer aggregated in SQL. Money in
// öre, dates `YYYY-MM-DD`.

const ref = z.object({ id, name: z.string() });
const count = z.number().int();

// ---------------------------------------------------------------- timeline

export const timelineKinds = ['all', 'projects', 'procurements'] as const;

export const timelineQuery = z.strictObject({
  /** First day of the period (default: the first of the month three months back). */
  from: isoDate.optional(),
  /** Last day of the period (default: a year after `from`, less a day). */
  to: isoDate.optional(),
  unitId: id.optional(),
  /** Projects in this phase only (and so no procurements). */
  phase: z.enum(projectPhases).optional(),
  /** Procurements with this status only (and so no projects). */
  status: z.enum(procurementStatuses).optional(),
  /** Projects, procurements or both (default). */
  kind: z.enum(timelineKinds).default('all'),
});
export type TimelineQuery = z.infer<typeof timelineQuery>;

export const timelineProject = z.object({
  id,
  name: z.string(),
  phase: z.enum(projectPhases),
  /** Null: not set; the bar runs from the period's edge. */
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  unit: ref.nullable(),
  manager: ref.nullable(),
  /** The latest status report's worst of time, cost and scope; null before the first report. */
  rag: z.enum(ragLevels).nullable(),
  latestReportOn: z.string().nullable(),
  milestones: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      plannedOn: z.string().nullable(),
      doneOn: z.string().nullable(),
    }),
  ),
});
export type TimelineProject = z.infer<typeof timelineProject>;

export const timelineProcurement = z.object({
  id,
  title: z.string(),
  status: z.enum(procurementStatuses),
  procedure: z.enum(procedures),
  /** The planned start, else the day it was advertised. */
  startsOn: z.string().nullable(),
  /** The contract's start, else the award, else the tender deadline. */
  endsOn: z.string().nullable(),
  advertisedOn: z.string().nullable(),
  tenderDeadlineOn: z.string().nullable(),
  awardedOn: z.string().nullable(),
  unit: ref.nullable(),
});
export type TimelineProcurement = z.infer<typeof timelineProcurement>;

/** At most this many of each kind in one answer (ordered by start). */
export const TIMELINE_MAX = 500;

export const timeline = z.object({
  from: z.string(),
  to: z.string(),
  today: z.string(),
  projects: z.array(timelineProject),
  procurements: z.array(timelineProcurement),
  /** More rows than TIMELINE_MAX matched: narrow the period or filter. */
  truncated: z.boolean(),
});
export type Timeline = z.infer<typeof timeline>;

// ---------------------------------------------------------------- bubble chart

export const bubbleQuery = z.strictObject({
  /** Demands at this step only (default: every step but closed). */
  status: z.enum(demandStatuses).optional(),
  unitId: id.optional(),
  /** The highest ranked this many (default 200). */
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type BubbleQuery = z.infer<typeof bubbleQuery>;

export const bubblePoint = z.object({
  id,
  number: z.string(),
  title: z.string(),
  status: z.enum(demandStatuses),
  unit: ref.nullable(),
  /** 0–100, two decimals. */
  score: z.number(),
  /** Benefit: yearly savings (öre). */
  yearlySavings: z.number().int().nullable(),
  hoursFreed: z.number().int().nullable(),
  /** Cost: the investment (öre) and the yearly running cost. */
  investment: z.number().int().nullable(),
  runningCost: z.number().int().nullable(),
  /** 0 (none) to 5 (high): 5 less the preparation's "low risk" rating; null when not rated. */
  risk: z.number().int().nullable(),
});
export type BubblePoint = z.infer<typeof bubblePoint>;

export const bubbles = z.object({ items: z.array(bubblePoint) });
export type Bubbles = z.infer<typeof bubbles>;

// ---------------------------------------------------------------- load on key roles

export const keyRoles = ['projectManager', 'procurementResponsible'] as const;
export type KeyRole = (typeof keyRoles)[number];

/** Effort points of a project by its demand's effort; a project without one counts as medium. */
export const effortPoints = { small: 1, medium: 2, large: 3, veryLarge: 4 } as const;
/** Effort points of a procurement under way. */
export const PROCUREMENT_POINTS = 1;
export const DEFAULT_CAPACITY = defaultCapacity.default;

export const loadQuery = z.strictObject({
  /** Any day of the first month (default: this month). */
  from: isoDate.optional(),
  /** How many months (default 6). */
  months: z.coerce.number().int().min(1).max(24).default(6),
  /**
   * Effort points a person carries in a month before they are overloaded, for everyone (a what-if);
   * without it each person's capacity from the portfolio settings applies.
   */
  capacity: z.coerce.number().int().min(1).max(1000).optional(),
  unitId: id.optional(),
});
export type LoadQuery = z.infer<typeof loadQuery>;

export const loadMonth = z.object({
  /** `YYYY-MM`. */
  month: z.string(),
  projects: count,
  procurements: count,
  points: count,
  overloaded: z.boolean(),
});

export const personLoad = z.object({
  person: ref,
  /** The effort points this person carries in a month. */
  capacity: count,
  roles: z.array(z.enum(keyRoles)),
  months: z.array(loadMonth),
  peak: count,
  overloaded: z.boolean(),
});
export type PersonLoad = z.infer<typeof personLoad>;

export const load = z.object({
  months: z.array(z.string()),
  /** The capacity of everyone without one of their own (the query's, else the settings' default). */
  capacity: count,
  people: z.array(personLoad),
});
export type Load = z.infer<typeof load>;

// ---------------------------------------------------------------- report for the IT-styrgrupp

export const reportQuery = z.strictObject({
  /** The ranked backlog's top this many (default 10). */
  top: z.coerce.number().int().min(1).max(50).default(10),
  /** Procurements planned to start within this many days (default 90). */
  soonDays: z.coerce.number().int().min(1).max(730).default(90),
});
export type ReportQuery = z.infer<typeof reportQuery>;

export const portfolioReport = z.object({
  today: z.string(),
  backlog: z.array(
    z.object({
      id,
      number: z.string(),
      title: z.string(),
      status: z.enum(demandStatuses),
      unit: ref.nullable(),
      score: z.number(),
      investment: z.number().int().nullable(),
      yearlySavings: z.number().int().nullable(),
    }),
  ),
  projects: z.array(
    z.object({
      id,
      name: z.string(),
      phase: z.enum(projectPhases),
      manager: ref.nullable(),
      endsOn: z.string().nullable(),
      latest: z
        .object({
          periodTo: z.string(),
          time: z.enum(ragLevels),
          cost: z.enum(ragLevels),
          scope: z.enum(ragLevels),
          summary: z.string().nullable(),
        })
        .nullable(),
    }),
  ),
  deviations: z.array(
    z.object({
      id,
      project: ref,
      title: z.string(),
      needsDecision: z.boolean(),
      /** Not yet on a meeting's agenda. */
      waiting: z.boolean(),
      raisedOn: z.string(),
    }),
  ),
  procurementsSoon: z.array(
    z.object({
      id,
      title: z.string(),
      procedure: z.enum(procedures),
      status: z.enum(procurementStatuses),
      plannedStartOn: z.string(),
      estimatedValue: z.number().int().nullable(),
    }),
  ),
});
export type PortfolioReport = z.infer<typeof portfolioReport>;

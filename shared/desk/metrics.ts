import { z } from 'zod';
import { id } from '../text.ts';
import { phoneFigures } from './phone.ts';
import { ticketStatuses } from './tickets.ts';

// The desk's metrics (issue 13 point 13): per period and per unit, service, system, group, supplier,
// priority or category, the volumes, the backlog over time, response and resolution compliance,
// first-contact resolution, reopen rate, satisfaction and the phone's answer times; and the report
// per förvaltning that seed 002 asks for ("rapportering av service till verksamhet").
//
// How each figure is counted (the same in the table, the charts, the export and the report):
// - days are whole days in Europe/Stockholm, `from` and `to` included;
// - created: tickets made in the period; solved: tickets whose (last) solution falls in it;
// - open: the backlog at the end of the period, tickets made before its end and not solved by then
//   (a ticket reopened later was not open while it stood solved: the timeline says when);
// - response compliance: of the tickets made in the period whose response clock had a target and
//   was settled (answered, or breached), the share not breached;
// - resolution compliance: of the tickets solved in the period whose resolution clock had a target,
//   the share not breached;
// - first-contact resolution: of the tickets solved in the period, the share solved by the first
//   line without reassignment, i.e. that never went to a group outside it (`handed_on`; the one
//   definition, which the portal's published promise counts too: server/modules/desk/tickets/
//   metrics-flags.ts); reopened: the share that had been reopened (by the requester or by an
//   agent's change of status from solved back to an open one);
// - satisfaction: the mean rating (1–5) of the tickets solved in the period that were rated;
// - resolution time: business minutes on the clock's calendar, waiting for the requester or a
//   supplier left out (the resolution clock's used time), of the tickets solved in the period.

const isoDate = z.iso.date({ message: 'Must be a date YYYY-MM-DD' });

export const metricsDimensions = [
  'unit',
  'service',
  'system',
  'group',
  'supplier',
  'priority',
  'category',
] as const;
export type MetricsDimension = (typeof metricsDimensions)[number];

/** The longest period a report covers: 5 years (60 months in the series). */
export const MAX_PERIOD_DAYS = 5 * 366;

const filters = {
  unitId: id.optional().describe('Only tickets of this unit and its sub-units'),
  systemId: id.optional(),
  groupId: id.optional().describe('Only tickets that are now with this group'),
  serviceId: id.optional(),
};

const period = {
  from: isoDate
    .optional()
    .describe('First day (Europe/Stockholm), included; default: 11 months before to’s month'),
  to: isoDate.optional().describe('Last day (Europe/Stockholm), included; default: today'),
};

export const metricsQuery = z.strictObject({
  ...period,
  by: z.enum(metricsDimensions).default('unit'),
  ...filters,
});
export type MetricsQuery = z.infer<typeof metricsQuery>;

export const metricsExportQuery = metricsQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });
export type MetricsExportQuery = z.infer<typeof metricsExportQuery>;

export const unitReportQuery = z.strictObject({
  ...period,
  limit: z.coerce.number().int().min(1).max(200).default(25).describe('How many breached tickets to list'),
});
export type UnitReportQuery = z.infer<typeof unitReportQuery>;

/** A share 0–1, null when nothing was measured. */
const share = z.number().nullable();

export const compliance = z.object({
  /** Tickets with a target that the clock was measured against. */
  measured: z.number().int(),
  breached: z.number().int(),
  met: z.number().int(),
  share,
});
export type Compliance = z.infer<typeof compliance>;

export const metricsFigures = z.object({
  created: z.number().int(),
  solved: z.number().int(),
  /** The backlog at the end of the period. */
  open: z.number().int(),
  response: compliance,
  resolution: compliance,
  firstContact: z.object({ solved: z.number().int(), firstContact: z.number().int(), share }),
  reopened: z.object({ count: z.number().int(), share }),
  satisfaction: z.object({ count: z.number().int(), mean: z.number().nullable() }),
  /** Business minutes from creation to solution, waiting left out. */
  resolutionMinutes: z.object({ mean: z.number().nullable() }),
});
export type MetricsFigures = z.infer<typeof metricsFigures>;

export const metricsRow = metricsFigures.extend({
  /** The id of the unit, service, system, group or supplier; the priority or category; null: none. */
  key: z.string().nullable(),
  /** Its name (units, services, systems, groups, suppliers); null for priorities, categories and "none". */
  name: z.string().nullable(),
  /** A unit row that has sub-units (the table can go down into it). */
  hasChildren: z.boolean(),
});
export type MetricsRow = z.infer<typeof metricsRow>;

export const seriesIntervals = ['week', 'month'] as const;
export type SeriesInterval = (typeof seriesIntervals)[number];

export const seriesPoint = z.object({
  /** The period's first and last day (clipped to the report's). */
  start: z.string(),
  end: z.string(),
  created: z.number().int(),
  solved: z.number().int(),
  /** Open at the period's end. */
  backlog: z.number().int(),
});
export type SeriesPoint = z.infer<typeof seriesPoint>;

export const metricsSeries = z.object({
  interval: z.enum(seriesIntervals),
  points: z.array(seriesPoint),
});
export type MetricsSeries = z.infer<typeof metricsSeries>;

const ref = z.object({ id: z.string(), name: z.string() });

/** The desk's promises the figures are read against. */
export const metricsTargets = z.object({
  /** First-contact resolution (ticket settings, seed 002: 70 %), 0–1. */
  firstContact: z.number(),
  /** The phone: answered within this many seconds … */
  phoneAnswerSeconds: z.number().int(),
  /** … for this share of the calls, 0–1. */
  phoneShare: z.number(),
});
export type MetricsTargets = z.infer<typeof metricsTargets>;

export const metrics = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(metricsDimensions),
  filters: z.object({
    unit: ref.nullable(),
    systemId: z.string().nullable(),
    groupId: z.string().nullable(),
    serviceId: z.string().nullable(),
  }),
  /** What the reader sees: every ticket, or those of these units and their sub-units. */
  scope: z.object({ all: z.boolean(), units: z.array(ref) }),
  total: metricsFigures,
  rows: z.array(metricsRow),
  series: metricsSeries,
  /** The desk's phone in the period (all queues: the phone is not per unit). */
  phone: phoneFigures,
  targets: metricsTargets,
});
export type Metrics = z.infer<typeof metrics>;

/** One priority of the report: its figures beside the default service level's targets (minutes). */
export const priorityCompliance = metricsFigures.extend({
  priority: z.number().int(),
  responseTarget: z.number().int().nullable(),
  resolutionTarget: z.number().int().nullable(),
});
export type PriorityCompliance = z.infer<typeof priorityCompliance>;

export const breachedTicket = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  priority: z.number().int(),
  status: z.enum(ticketStatuses),
  createdAt: z.string(),
  solvedAt: z.string().nullable(),
  unit: ref.nullable(),
  system: ref.nullable(),
  responseBreachedAt: z.string().nullable(),
  resolutionBreachedAt: z.string().nullable(),
});
export type BreachedTicket = z.infer<typeof breachedTicket>;

export const unitReport = z.object({
  unit: z.object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    costCentre: z.string().nullable(),
    /** The units above it, the top first. */
    path: z.array(ref),
  }),
  from: z.string(),
  to: z.string(),
  total: metricsFigures,
  /** The unit's own tickets and each sub-unit's (with its own sub-units). */
  units: z.array(metricsRow),
  categories: z.array(metricsRow),
  systems: z.array(metricsRow),
  priorities: z.array(priorityCompliance),
  /** The service level the priorities' targets are the default level's (null: none set). */
  serviceLevel: ref.nullable(),
  series: metricsSeries,
  /** The same period a year before, for the trend. */
  previous: z.object({ from: z.string(), to: z.string(), total: metricsFigures, series: metricsSeries }),
  phone: phoneFigures,
  targets: metricsTargets,
  breached: z.object({
    /** Tickets made in the period with a breached clock, all of them. */
    count: z.number().int(),
    items: z.array(breachedTicket),
  }),
});
export type UnitReport = z.infer<typeof unitReport>;

/** Whether the reader may read metrics, and of what (the navigation and the pages ask). */
export const metricsAccess = z.object({
  read: z.boolean(),
  all: z.boolean(),
  units: z.array(ref),
});
export type MetricsAccess = z.infer<typeof metricsAccess>;

/** The default period: the 12 months ending with `today`'s month (the first of 11 months before, to today). */
export function defaultPeriod(today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 1 - 11, 1));
  return { from: start.toISOString().slice(0, 10), to: today };
}

/** Days from `from` to `to`, both included. */
export function periodDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Weeks for up to 92 days (a quarter), months beyond. */
export function seriesIntervalFor(from: string, to: string): SeriesInterval {
  return periodDays(from, to) <= 92 ? 'week' : 'month';
}

/** The same period a year before (29 February becomes the 28th). */
export function yearBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${String(y - 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

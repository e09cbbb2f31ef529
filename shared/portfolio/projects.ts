import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { isoDate, systemCreate } from '../registry/systems.ts';
import { id, multiline, requiredLine } from '../text.ts';

// Projects of the portfolio, shared by server and web: a project carries out a decided demand (or
// an initiative of the IT plan), passes förstudie, planering, genomförande and avslut, and is
// handed over to förvaltning. It has a project manager, a steering group (a governance forum),
// a budget and outcome per year, milestones, risks, status reports at a cadence with
// red/amber/green on time, cost and scope, and deviations that go onto the steering group's agenda.

/** Förstudie, planering, genomförande, avslut, överlämnad till förvaltning. */
export const projectPhases = ['preStudy', 'planning', 'execution', 'closing', 'handedOver'] as const;
export type ProjectPhase = (typeof projectPhases)[number];

/** How often the project manager reports: every month (the default) or every quarter. */
export const reportCadences = ['monthly', 'quarterly'] as const;
export type ReportCadence = (typeof reportCadences)[number];

/** Grön, gul, röd. */
export const ragLevels = ['green', 'amber', 'red'] as const;
export type Rag = (typeof ragLevels)[number];

/** Money in öre, as everywhere in the API. */
const money = z.number().int().min(0).max(1e15);
const year = z.number().int().min(1990).max(2100);

export const budgetYearInput = z.strictObject({
  year,
  /** Budgeted investment and running cost of the year. */
  investment: money.nullable().optional(),
  running: money.nullable().optional(),
  /** What the year cost (utfall). */
  investmentOutcome: money.nullable().optional(),
  runningOutcome: money.nullable().optional(),
});
export type BudgetYearInput = z.infer<typeof budgetYearInput>;

export const milestoneInput = z.strictObject({
  /** A milestone the project has, kept; none for a new one. */
  id: id.optional(),
  name: requiredLine(300),
  plannedOn: isoDate.nullable().optional(),
  doneOn: isoDate.nullable().optional(),
});
export type MilestoneInput = z.infer<typeof milestoneInput>;

const level = z.number().int().min(1).max(5);

export const riskInput = z.strictObject({
  id: id.optional(),
  description: requiredLine(500),
  /** Sannolikhet and konsekvens, 1 (low) to 5 (high). */
  probability: level,
  consequence: level,
  mitigation: multiline(2000).nullable().optional(),
  ownerId: id.nullable().optional(),
});
export type RiskInput = z.infer<typeof riskInput>;

const projectFields = {
  name: requiredLine(300),
  description: multiline(4000).nullable().optional(),
  phase: z.enum(projectPhases).optional(),
  /** The decided demand the project carries out (the portfolio's demands). */
  demandId: id.nullable().optional(),
  /** The IT plan's initiative the project carries out. */
  initiativeId: id.nullable().optional(),
  managerId: id.nullable().optional(),
  /** The steering group: a forum of governance. */
  steeringGroupId: id.nullable().optional(),
  unitId: id.nullable().optional(),
  /** Systems of the register the project changes. */
  systemIds: z.array(id).max(100).optional(),
  startsOn: isoDate.nullable().optional(),
  endsOn: isoDate.nullable().optional(),
  reportCadence: z.enum(reportCadences).optional(),
  /** Budget and outcome per year; on a change, the whole list. */
  budget: z.array(budgetYearInput).max(30).optional(),
  /** Milestones in order; on a change, the whole list (one left out is removed). */
  milestones: z.array(milestoneInput).max(100).optional(),
  risks: z.array(riskInput).max(100).optional(),
};

export const projectCreate = z.strictObject(projectFields);
export type ProjectCreate = z.infer<typeof projectCreate>;
export const projectUpdate = z.strictObject({
  version,
  ...projectFields,
  name: projectFields.name.optional(),
});
export type ProjectUpdate = z.infer<typeof projectUpdate>;

export const statusReportCreate = z.strictObject({
  /** The period reported on. */
  periodFrom: isoDate,
  periodTo: isoDate,
  time: z.enum(ragLevels),
  timeNote: multiline(2000).nullable().optional(),
  cost: z.enum(ragLevels),
  costNote: multiline(2000).nullable().optional(),
  scope: z.enum(ragLevels),
  scopeNote: multiline(2000).nullable().optional(),
  summary: multiline(4000).nullable().optional(),
});
export type StatusReportCreate = z.infer<typeof statusReportCreate>;

export const deviationCreate = z.strictObject({
  /** What has happened. */
  title: requiredLine(300),
  consequence: multiline(4000).nullable().optional(),
  proposedAction: multiline(4000).nullable().optional(),
  /** Whether the steering group must decide. */
  needsDecision: z.boolean(),
});
export type DeviationCreate = z.infer<typeof deviationCreate>;

/** Hand the project over to förvaltning: an existing system goes into operation, or a new one is made. */
export const handoverBody = z.strictObject({
  version,
  systemId: id.optional(),
  newSystem: systemCreate.optional(),
  /** The day the system is in operation; today by default. */
  inOperationFrom: isoDate.optional(),
});
export type HandoverBody = z.infer<typeof handoverBody>;

const ref = z.object({ id, name: z.string() });

export const statusReport = z.object({
  id,
  periodFrom: z.string(),
  periodTo: z.string(),
  time: z.enum(ragLevels),
  timeNote: z.string().nullable(),
  cost: z.enum(ragLevels),
  costNote: z.string().nullable(),
  scope: z.enum(ragLevels),
  scopeNote: z.string().nullable(),
  summary: z.string().nullable(),
  reportedBy: z.string(),
  createdAt: z.string(),
});
export type StatusReport = z.infer<typeof statusReport>;

export const deviation = z.object({
  id,
  title: z.string(),
  consequence: z.string().nullable(),
  proposedAction: z.string().nullable(),
  needsDecision: z.boolean(),
  /** The steering group it went to, and the meeting whose agenda took it (null: it waits). */
  forum: ref.nullable(),
  meeting: z.object({ id, startsAt: z.string() }).nullable(),
  raisedBy: z.string(),
  createdAt: z.string(),
});
export type Deviation = z.infer<typeof deviation>;

export const project = z.object({
  id,
  name: z.string(),
  description: z.string().nullable(),
  phase: z.enum(projectPhases),
  demandId: z.string().nullable(),
  initiative: z.object({ id, name: z.string(), planId: id }).nullable(),
  manager: ref.nullable(),
  steeringGroup: ref.nullable(),
  unit: ref.nullable(),
  systems: z.array(ref),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  reportCadence: z.enum(reportCadences),
  /** The last day of the period whose report is due next; null once handed over. */
  nextReportOn: z.string().nullable(),
  budget: z.array(
    z.object({
      year: z.number().int(),
      investment: z.number().int().nullable(),
      running: z.number().int().nullable(),
      investmentOutcome: z.number().int().nullable(),
      runningOutcome: z.number().int().nullable(),
    }),
  ),
  milestones: z.array(
    z.object({ id, name: z.string(), plannedOn: z.string().nullable(), doneOn: z.string().nullable() }),
  ),
  risks: z.array(
    z.object({
      id,
      description: z.string(),
      probability: z.number().int(),
      consequence: z.number().int(),
      mitigation: z.string().nullable(),
      owner: ref.nullable(),
    }),
  ),
  /** Newest first. */
  reports: z.array(statusReport),
  deviations: z.array(deviation),
  handover: z.object({ system: ref, at: z.string() }).nullable(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: permissions(['update', 'archive', 'restore', 'report', 'raiseDeviation', 'handover']),
});
export type Project = z.infer<typeof project>;

export const projectListQuery = listQuery.extend({
  phase: z.enum(projectPhases).optional(),
  /** The projects that carry out this demand. */
  demandId: id.optional(),
  managerId: id.optional(),
  steeringGroupId: id.optional(),
  unitId: id.optional(),
  systemId: id.optional(),
  /** Projects whose status report is overdue. */
  reportOverdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type ProjectListQuery = z.infer<typeof projectListQuery>;

/** The last day of the period (month or quarter) that `date` falls in. */
export function periodEnd(date: string, cadence: ReportCadence): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const lastMonth = cadence === 'monthly' ? m : Math.ceil(m / 3) * 3;
  const end = new Date(Date.UTC(y, lastMonth, 0));
  return end.toISOString().slice(0, 10);
}

/** The day after `date`. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * When the next status report is due: the end of the period after the last one reported, or of the
 * period the project started in (or was registered in) while none is; none once handed over.
 */
export function nextReportDue(
  p: { phase: ProjectPhase; reportCadence: ReportCadence; startsOn: string | null },
  lastPeriodTo: string | null,
  today: string,
): string | null {
  if (p.phase === 'handedOver') return null;
  if (lastPeriodTo) return periodEnd(nextDay(lastPeriodTo), p.reportCadence);
  const from = p.startsOn && p.startsOn < today ? p.startsOn : today;
  return periodEnd(from, p.reportCadence);
}

/** The risk's value: probability times consequence, 1–25. */
export const riskScore = (r: { probability: number; consequence: number }) => r.probability * r.consequence;

import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { isoDate } from '../registry/systems.ts';
import { id, line, multiline, requiredLine } from '../text.ts';

// The IT plan (IT-plan, genomförandeplan), shared by server and web: a plan for a year (or a few,
// as seed 004's six steps over 2014–2016), perhaps adopted by a decision, with initiatives that
// each work towards goals of the IT strategy, with who answers, their status, dates, planned and
// actual cost, the decision behind them and, until the portfolio module exists, a free link to a
// project. A cancelled initiative says why and what it cost (seed 004's procurement, ~4 MSEK).

/** Planerad, pågår, genomförd, avbruten, uppskjuten. */
export const initiativeStatuses = ['planned', 'inProgress', 'done', 'cancelled', 'postponed'] as const;
export type InitiativeStatus = (typeof initiativeStatuses)[number];

/** Money in öre, as everywhere in the API. */
const money = z.number().int().min(0).max(1e15);

export const initiativeInput = z.strictObject({
  /** An initiative the plan has, kept; none for a new one. */
  id: id.optional(),
  title: requiredLine(300),
  description: multiline(4000).nullable().optional(),
  goalIds: z.array(id).max(50).optional(),
  responsibleId: id.nullable().optional(),
  status: z.enum(initiativeStatuses).optional(),
  startsOn: isoDate.nullable().optional(),
  endsOn: isoDate.nullable().optional(),
  plannedCost: money.nullable().optional(),
  outcomeCost: money.nullable().optional(),
  /** Why it stands where it stands (a cancelled procurement's reason). */
  statusNote: multiline(2000).nullable().optional(),
  decisionId: id.nullable().optional(),
  /** A project elsewhere (the portfolio to come, or any address). */
  projectLink: line(500).nullable().optional(),
});
export type InitiativeInput = z.infer<typeof initiativeInput>;

const planFields = {
  year: z.number().int().min(1990).max(2100),
  /** The last year a plan over several years covers. */
  endYear: z.number().int().min(1990).max(2100).nullable().optional(),
  title: requiredLine(300),
  description: multiline(4000).nullable().optional(),
  /** The decision that adopted the plan (KF 2014-06-27 § 160). */
  decisionId: id.nullable().optional(),
  /** The initiatives in order; on a change, the whole list (one left out is removed). */
  initiatives: z.array(initiativeInput).max(100).optional(),
};

export const planCreate = z.strictObject(planFields);
export type PlanCreate = z.infer<typeof planCreate>;
export const planUpdate = z.strictObject({
  version,
  ...planFields,
  year: planFields.year.optional(),
  title: planFields.title.optional(),
});
export type PlanUpdate = z.infer<typeof planUpdate>;

const ref = z.object({ id, name: z.string() });

export const initiative = z.object({
  id,
  title: z.string(),
  description: z.string().nullable(),
  goals: z.array(ref),
  responsible: ref.nullable(),
  status: z.enum(initiativeStatuses),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  plannedCost: z.number().int().nullable(),
  outcomeCost: z.number().int().nullable(),
  statusNote: z.string().nullable(),
  decision: ref.nullable(),
  projectLink: z.string().nullable(),
});
export type Initiative = z.infer<typeof initiative>;

export const planSummary = z.object({
  byStatus: z.object(
    Object.fromEntries(initiativeStatuses.map((s) => [s, z.number().int()])) as {
      [K in InitiativeStatus]: z.ZodNumber;
    },
  ),
  plannedCost: z.number().int(),
  outcomeCost: z.number().int(),
});
export type PlanSummary = z.infer<typeof planSummary>;

export const plan = z.object({
  id,
  year: z.number().int(),
  endYear: z.number().int().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  decision: ref.nullable(),
  initiatives: z.array(initiative),
  summary: planSummary,
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: permissions(['update', 'archive', 'restore']),
});
export type Plan = z.infer<typeof plan>;

export const planListQuery = listQuery.extend({
  /** Plans that cover the year. */
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  /** Plans with an initiative towards the goal. */
  goalId: id.optional(),
});
export type PlanListQuery = z.infer<typeof planListQuery>;

/** Initiatives by status, and the planned and actual cost of them all. */
export function summarize(initiatives: Pick<Initiative, 'status' | 'plannedCost' | 'outcomeCost'>[]) {
  const byStatus = Object.fromEntries(initiativeStatuses.map((s) => [s, 0])) as Record<
    InitiativeStatus,
    number
  >;
  let plannedCost = 0;
  let outcomeCost = 0;
  for (const i of initiatives) {
    byStatus[i.status]++;
    plannedCost += i.plannedCost ?? 0;
    outcomeCost += i.outcomeCost ?? 0;
  }
  return { byStatus, plannedCost, outcomeCost };
}

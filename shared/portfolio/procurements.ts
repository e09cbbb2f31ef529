import { addMonths, format, subDays, subMonths } from 'date-fns';
import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { contractCreate } from '../registry/contracts.ts';
import { isoDate } from '../registry/systems.ts';
import { id, line, multiline, requiredLine } from '../text.ts';

// Procurements under LOU (lagen om offentlig upphandling), shared by server and web: procedure,
// status with its allowed steps, dates, estimated value, the resulting contract in the register and,
// when cancelled, why and what it cost (seed 004: the IT-drift and telefoni procurements, stopped
// by KF in November 2014 after ca 4 MSEK in external costs). And the re-procurement plan: each
// register contract's end date against the lead time its next procurement needs.

/** Direktupphandling, förenklat förfarande, öppet förfarande, förnyad konkurrensutsättning (ramavtal). */
export const procedures = ['direct', 'simplified', 'open', 'renewedCompetition'] as const;
export type Procedure = (typeof procedures)[number];

/** Planerad, förbereds, annonserad, utvärdering, tilldelad, avtal tecknat, avbruten. */
export const procurementStatuses = [
  'planned',
  'preparing',
  'advertised',
  'evaluating',
  'awarded',
  'contracted',
  'cancelled',
] as const;
export type ProcurementStatus = (typeof procurementStatuses)[number];

/**
 * The steps a procurement may take. Any open one may be cancelled (avbrytas); a direct
 * procurement and a renewed competition under a framework are not advertised, so they may go
 * from preparing straight to evaluating. Contracted and cancelled are final.
 */
const steps: Record<ProcurementStatus, readonly ProcurementStatus[]> = {
  planned: ['preparing', 'cancelled'],
  preparing: ['planned', 'advertised', 'cancelled'],
  advertised: ['evaluating', 'cancelled'],
  evaluating: ['advertised', 'awarded', 'cancelled'],
  awarded: ['evaluating', 'contracted', 'cancelled'],
  contracted: [],
  cancelled: [],
};

/** The statuses a procurement of this procedure may go to from `from` (not counting staying). */
export function nextStatuses(from: ProcurementStatus, procedure: Procedure): ProcurementStatus[] {
  const list = [...steps[from]];
  if (from === 'preparing' && procedure !== 'open' && procedure !== 'simplified') list.push('evaluating');
  return list;
}

/** Money in öre, as everywhere in the API. */
const money = z.number().int().min(0).max(1e15);
const hours = z.number().int().min(0).max(10_000_000);

const procurementFields = {
  title: requiredLine(300),
  description: multiline(4000).nullable().optional(),
  procedure: z.enum(procedures),
  /** The framework agreement a renewed competition calls off (its reference or number). */
  frameworkReference: line(200).nullable().optional(),
  /** The framework agreement in the register, when it is there. */
  frameworkContractId: id.nullable().optional(),
  /** Estimated value in öre, options and extensions included (what LOU's limits are measured on). */
  estimatedValue: money.nullable().optional(),
  status: z.enum(procurementStatuses).optional(),
  plannedStartOn: isoDate.nullable().optional(),
  advertisedOn: isoDate.nullable().optional(),
  tenderDeadlineOn: isoDate.nullable().optional(),
  awardedOn: isoDate.nullable().optional(),
  contractStartsOn: isoDate.nullable().optional(),
  responsibleId: id.nullable().optional(),
  unitId: id.nullable().optional(),
  systemIds: z.array(id).max(50).optional(),
  /** The contract in the register this procurement replaces (the re-procurement plan). */
  replacesContractId: id.nullable().optional(),
  /** The contract in the register that came of it. */
  contractId: id.nullable().optional(),
  /** Required when the status becomes cancelled. */
  cancelReason: multiline(2000).nullable().optional(),
  cancelledOn: isoDate.nullable().optional(),
  /** What the cancelled procurement cost: external costs in öre and hours of own work. */
  cancelCost: money.nullable().optional(),
  cancelHours: hours.nullable().optional(),
};

export const procurementCreate = z.strictObject(procurementFields);
export type ProcurementCreate = z.infer<typeof procurementCreate>;
export const procurementUpdate = z.strictObject({
  version,
  ...procurementFields,
  title: procurementFields.title.optional(),
  procedure: procurementFields.procedure.optional(),
});
export type ProcurementUpdate = z.infer<typeof procurementUpdate>;

/**
 * Make the contract an awarded procurement resulted in, in the register, and link it: the
 * register's contract fields (its paths are the register's own) with the procurement's version.
 * An awarded procurement becomes contracted; one with a contract already is refused (409).
 */
export const procurementContractBody = contractCreate.extend({ version });
export type ProcurementContractBody = z.infer<typeof procurementContractBody>;

/** The statuses in which a procurement may get its resulting contract. */
export const contractableStatuses: readonly ProcurementStatus[] = ['awarded', 'contracted'];

const ref = z.object({ id, name: z.string() });

export const procurement = z.object({
  id,
  title: z.string(),
  description: z.string().nullable(),
  procedure: z.enum(procedures),
  frameworkReference: z.string().nullable(),
  frameworkContract: ref.nullable(),
  estimatedValue: z.number().int().nullable(),
  status: z.enum(procurementStatuses),
  /** Where the status may go next (for the status menu). */
  nextStatuses: z.array(z.enum(procurementStatuses)),
  plannedStartOn: z.string().nullable(),
  advertisedOn: z.string().nullable(),
  tenderDeadlineOn: z.string().nullable(),
  awardedOn: z.string().nullable(),
  contractStartsOn: z.string().nullable(),
  responsible: ref.nullable(),
  unit: ref.nullable(),
  systems: z.array(ref),
  replacesContract: ref.nullable(),
  contract: ref.nullable(),
  cancelReason: z.string().nullable(),
  cancelledOn: z.string().nullable(),
  cancelCost: z.number().int().nullable(),
  cancelHours: z.number().int().nullable(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** createContract: may make the resulting contract in the register (awarded, none linked yet). */
  can: permissions(['update', 'archive', 'restore', 'createContract']),
});
export type Procurement = z.infer<typeof procurement>;

export const procurementListQuery = listQuery.extend({
  status: z.enum(procurementStatuses).optional(),
  procedure: z.enum(procedures).optional(),
  unitId: id.optional(),
  responsibleId: id.optional(),
  systemId: id.optional(),
  /** Open ones only: not contracted and not cancelled. */
  open: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
});
export type ProcurementListQuery = z.infer<typeof procurementListQuery>;

// ---------------------------------------------------------------- settings

/**
 * The direktupphandling limit (LOU 19 kap.), in öre. It is set by law and changes (it was
 * 28 % of the threshold until 2021, a fixed 700 000 kr from 2022 and still about that in 2026),
 * so each tenant keeps its own figure and changes it when the law does.
 */
export const defaultDirectLimit = 700_000_00;

/** Months a procurement of each procedure needs from start to a signed contract, by default. */
export const defaultLeadMonths: Record<Procedure, number> = {
  open: 9,
  simplified: 6,
  renewedCompetition: 3,
  direct: 1,
};

/** Days before the latest start at which the plan says "start soon". */
export const defaultWarnDays = 90;

const months = z.number().int().min(0).max(60);

export const procurementSettingsUpdate = z.strictObject({
  version,
  directLimit: money.optional(),
  leadMonths: z
    .strictObject({ open: months, simplified: months, renewedCompetition: months, direct: months })
    .optional(),
  warnDays: z.number().int().min(0).max(730).optional(),
});
export type ProcurementSettingsUpdate = z.infer<typeof procurementSettingsUpdate>;

export const procurementSettings = z.object({
  directLimit: z.number().int(),
  leadMonths: z.object({
    open: z.number().int(),
    simplified: z.number().int(),
    renewedCompetition: z.number().int(),
    direct: z.number().int(),
  }),
  warnDays: z.number().int(),
  version: currentVersion,
  updatedAt: z.string().nullable(),
  can: permissions(['update']),
});
export type ProcurementSettings = z.infer<typeof procurementSettings>;

// ---------------------------------------------------------------- the re-procurement plan

/** ok, start soon, late (the latest start has passed), a procurement replacing it is under way. */
export const planStates = ['ok', 'startSoon', 'late', 'underWay'] as const;
export type PlanState = (typeof planStates)[number];

export const planQuery = z.strictObject({
  /** Contracts ending on or after (default: today). */
  from: isoDate.optional(),
  /** Contracts ending on or before (default: three years from `from`). */
  to: isoDate.optional(),
});
export type PlanQuery = z.infer<typeof planQuery>;

export const planEntry = z.object({
  contract: ref,
  supplierName: z.string(),
  owner: ref.nullable(),
  endsOn: z.string(),
  noticeMonths: z.number().int().nullable(),
  noticeDeadline: z.string().nullable(),
  extendableUntil: z.string().nullable(),
  /** The procedure the lead time is for: the replacing procurement's, or by the contract's value. */
  procedure: z.enum(procedures),
  procedureFrom: z.enum(['procurement', 'value', 'unknownValue']),
  leadMonths: z.number().int(),
  /** The end date minus the lead time. */
  latestStartOn: z.string(),
  state: z.enum(planStates),
  procurement: ref.extend({ status: z.enum(procurementStatuses) }).nullable(),
});
export type PlanEntry = z.infer<typeof planEntry>;

export const procurementPlan = z.object({
  from: z.string(),
  to: z.string(),
  today: z.string(),
  items: z.array(planEntry),
});
export type ProcurementPlan = z.infer<typeof procurementPlan>;

/** A date `YYYY-MM-DD` as a local Date at midnight, so that formatting gives the same day back. */
function localDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}
const day = (d: Date) => format(d, 'yyyy-MM-dd');

export const addMonthsTo = (date: string, n: number) => day(addMonths(localDate(date), n));

/**
 * The latest day a re-procurement can start: the end date minus the lead time (month ends clamp:
 * 31 May − 3 months is 28 February). A notice period does not move it: the notice is given on the
 * old contract, the new one must be signed by the end.
 */
export function latestStartOf(endsOn: string, leadMonths: number): string {
  return day(subMonths(localDate(endsOn), leadMonths));
}

/** Where a contract stands: a procurement replacing it, or today against the latest start. */
export function planStateOf(
  latestStartOn: string,
  today: string,
  warnDays: number,
  underWay: boolean,
): PlanState {
  if (underWay) return 'underWay';
  if (today > latestStartOn) return 'late';
  if (today >= day(subDays(localDate(latestStartOn), warnDays))) return 'startSoon';
  return 'ok';
}

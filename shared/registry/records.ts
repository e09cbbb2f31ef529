import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { id, line, multiline, requiredLine } from '../text.ts';
import { processRef } from './processes.ts';
import { isoDate } from './systems.ts';

// Records management of the system register: the record types (handlingstyper) of each process
// and the informationshanteringsplan that adopts them, shared by server and web.

/** Kept on paper, digitally, or both. */
export const recordFormats = ['paper', 'digital', 'both'] as const;
export type RecordFormat = (typeof recordFormats)[number];

/** Bevaras (kept for ever) or gallras (disposed of after a period). */
export const retentions = ['preserve', 'dispose'] as const;
export type Retention = (typeof retentions)[number];

/** Diarieförs, hålls ordnad (kept in order, not registered), or neither. */
export const registrations = ['register', 'keepOrdered', 'none'] as const;
export type Registration = (typeof registrations)[number];

/** A KLASSA consequence level, 0 (försumbar) to 4 (synnerligen allvarlig). */
export const klassaLevel = z.number().int().min(0).max(4);

const flag = z.enum(['true', 'false']).optional();

const recordTypeFields = {
  processId: id,
  name: requiredLine(200),
  description: multiline(4000).nullable().optional(),
  format: z.enum(recordFormats),
  /** File formats of the digital records, as text: "PDF/A, XML". */
  fileFormats: line(200).nullable().optional(),
  retention: z.enum(retentions),
  /** The disposal period in months, when it is one (gallras efter 60 månader). */
  retentionMonths: z.number().int().min(0).max(1200).nullable().optional(),
  /** The disposal period in words, when it runs from an event: "5 år efter avslutad akt". */
  retentionPeriod: line(200).nullable().optional(),
  /** The föreskrift or decision the retention rests on: "Socialnämndens beslut 2024-03-12 § 41". */
  retentionBasis: line(300).nullable().optional(),
  registration: z.enum(registrations),
  /** The system where the records are kept, if any. */
  systemId: id.nullable().optional(),
  /** Delivered to the e-archive, and when ("vid avslutat ärende", "årligen"). */
  eArchive: z.boolean().optional(),
  eArchiveWhen: line(200).nullable().optional(),
  /** Holds secret information, and the provision of OSL that makes it so ("26 kap. 1 § OSL"). */
  secret: z.boolean().optional(),
  secrecyProvision: line(200).nullable().optional(),
  personalData: z.boolean().optional(),
  /** KLASSA levels of the records (secret under OSL, like a system's classification). */
  confidentiality: klassaLevel.nullable().optional(),
  integrity: klassaLevel.nullable().optional(),
  availability: klassaLevel.nullable().optional(),
};

export const recordTypeCreate = z.strictObject(recordTypeFields);
export type RecordTypeCreate = z.infer<typeof recordTypeCreate>;

export const recordTypeUpdate = z.strictObject({
  version,
  ...Object.fromEntries(Object.entries(recordTypeFields).map(([k, v]) => [k, v.optional()])),
} as { version: typeof version } & {
  [K in keyof typeof recordTypeFields]: z.ZodOptional<(typeof recordTypeFields)[K]>;
});
export type RecordTypeUpdate = z.infer<typeof recordTypeUpdate>;

export const recordTypePermissions = permissions([
  'update',
  'archive',
  'restore',
  'readLevels',
  'readHistory',
]);

export const recordType = z.object({
  id,
  processId: id,
  process: processRef,
  name: z.string(),
  description: z.string().nullable(),
  format: z.enum(recordFormats),
  fileFormats: z.string().nullable(),
  retention: z.enum(retentions),
  retentionMonths: z.number().int().nullable(),
  retentionPeriod: z.string().nullable(),
  retentionBasis: z.string().nullable(),
  registration: z.enum(registrations),
  systemId: id.nullable(),
  systemName: z.string().nullable(),
  eArchive: z.boolean(),
  eArchiveWhen: z.string().nullable(),
  secret: z.boolean(),
  secrecyProvision: z.string().nullable(),
  personalData: z.boolean(),
  /** Null also when the reader may not see them: `levelsHidden` says which. */
  confidentiality: z.number().int().nullable(),
  integrity: z.number().int().nullable(),
  availability: z.number().int().nullable(),
  levelsHidden: z.boolean(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: recordTypePermissions,
});
export type RecordType = z.infer<typeof recordType>;

/** The orders of the record types' list; each pages by keyset on its own key. */
export const recordTypeSorts = ['name', 'process', 'retention'] as const;
export type RecordTypeSort = (typeof recordTypeSorts)[number];

export const recordTypeListQuery = listQuery.extend({
  sort: z.enum(recordTypeSorts).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  processId: id.optional(),
  systemId: id.optional(),
  retention: z.enum(retentions).optional(),
  /** Only record types to be disposed of that name no föreskrift or decision. */
  noDisposalDecision: flag.transform((v) => v === 'true'),
});
export type RecordTypeListQuery = z.infer<typeof recordTypeListQuery>;

// ---------------------------------------------------------------- the informationshanteringsplan

/** A plan is drafted, then adopted by a decision (date, body, §). */
export const planStatuses = ['draft', 'adopted'] as const;
export type PlanStatus = (typeof planStatuses)[number];

const planFields = {
  status: z.enum(planStatuses),
  adoptedOn: isoDate.nullable().optional(),
  /** The body that adopted it: "Socialnämnden". */
  body: line(200).nullable().optional(),
  /** The paragraph of the minutes: "§ 41". */
  paragraph: line(40).nullable().optional(),
  /** Diarienummer of the decision: "SN 2024/112". */
  registrationNumber: line(60).nullable().optional(),
  note: multiline(2000).nullable().optional(),
};

export const informationPlanCreate = z.strictObject({ ...planFields, status: planFields.status.optional() });
export type InformationPlanCreate = z.infer<typeof informationPlanCreate>;

export const informationPlanUpdate = z.strictObject({
  version,
  ...Object.fromEntries(Object.entries(planFields).map(([k, v]) => [k, v.optional()])),
} as { version: typeof version } & {
  [K in keyof typeof planFields]: z.ZodOptional<(typeof planFields)[K]>;
});
export type InformationPlanUpdate = z.infer<typeof informationPlanUpdate>;

export const informationPlan = z.object({
  id,
  processId: id,
  status: z.enum(planStatuses),
  adoptedOn: z.string().nullable(),
  body: z.string().nullable(),
  paragraph: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  note: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: permissions(['update']),
});
export type InformationPlan = z.infer<typeof informationPlan>;

/** A process's plan with the record types it adopts: what the plan page prints. */
export const informationPlanView = z.object({
  process: processRef.extend({ description: z.string().nullable() }),
  /** The path from the verksamhetstyp down to the process. */
  path: z.array(processRef),
  plan: informationPlan.nullable(),
  recordTypes: z.array(recordType),
  canManage: z.boolean(),
});
export type InformationPlanView = z.infer<typeof informationPlanView>;

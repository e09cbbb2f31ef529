import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { id, line, multiline, requiredLine } from '../text.ts';

// Systems (förvaltningsobjekt / IT-system) of the system register, shared by server and web.

/** Kommungemensamt, verksamhetsspecifikt, teknisk plattform. */
export const systemScopes = ['shared', 'business', 'platform'] as const;
export type SystemScope = (typeof systemScopes)[number];

/** Where a system is in its life, idea to retired. */
export const lifecyclePhases = [
  'idea',
  'procurement',
  'implementation',
  'operation',
  'phaseOut',
  'retired',
] as const;
export type LifecyclePhase = (typeof lifecyclePhases)[number];

/** Who runs it: the IT unit, the supplier's hosting, SaaS, another municipality. */
export const operationForms = ['itUnit', 'supplierHosted', 'saas', 'otherMunicipality'] as const;
export type OperationForm = (typeof operationForms)[number];

/** How much the business suffers when it stops (verksamhetskritikalitet). */
export const criticalities = ['low', 'medium', 'high', 'critical'] as const;
export type Criticality = (typeof criticalities)[number];

/** Gartner's TIME: tolerate, invest, migrate, eliminate. */
export const timeAssessments = ['tolerate', 'invest', 'migrate', 'eliminate'] as const;
export type TimeAssessment = (typeof timeAssessments)[number];

/** A calendar date, `YYYY-MM-DD` (dates that are dates stay `date`, DESIGN.md). */
export const isoDate = z.iso.date({ message: 'Must be a date YYYY-MM-DD' });

export const systemLink = z.strictObject({
  label: requiredLine(100),
  url: z.url({ protocol: /^https?$/, message: 'Must be an http(s) address' }).max(2000),
});
export type SystemLink = z.infer<typeof systemLink>;

const tag = requiredLine(50);

/** A unit that uses the system, and how many of its people do. */
export const systemUse = z.strictObject({
  unitId: id,
  users: z.number().int().min(0).max(10_000_000).nullable().optional(),
});
export type SystemUse = z.infer<typeof systemUse>;

/** The fields a system is created with and changed by (all but name optional). */
const systemFields = {
  name: requiredLine(200),
  shortName: line(40).nullable().optional(),
  description: multiline(4000).nullable().optional(),
  scope: z.enum(systemScopes),
  category: line(100).nullable().optional(),
  owningUnitId: id.nullable().optional(),
  usingUnits: z.array(systemUse).max(500).optional(),
  phase: z.enum(lifecyclePhases).optional(),
  /** When the system went into operation, and when it starts phasing out and was retired. */
  inOperationFrom: isoDate.nullable().optional(),
  phaseOutFrom: isoDate.nullable().optional(),
  retiredOn: isoDate.nullable().optional(),
  operationForm: z.enum(operationForms).nullable().optional(),
  criticality: z.enum(criticalities).nullable().optional(),
  timeAssessment: z.enum(timeAssessments).nullable().optional(),
  timeMotivation: multiline(2000).nullable().optional(),
  supplierId: id.nullable().optional(),
  product: line(200).nullable().optional(),
  productVersion: line(60).nullable().optional(),
  eService: z.boolean().optional(),
  /** Developed by the municipality itself: then it has a produktägare, produktförvaltare and produktråd. */
  ownDeveloped: z.boolean().optional(),
  links: z.array(systemLink).max(50).optional(),
  tags: z.array(tag).max(50).optional(),
};

export const systemCreate = z.strictObject(systemFields);
export type SystemCreate = z.infer<typeof systemCreate>;

export const systemUpdate = z.strictObject({
  version,
  ...Object.fromEntries(Object.entries(systemFields).map(([k, v]) => [k, v.optional()])),
} as { version: typeof version } & {
  [K in keyof typeof systemFields]: z.ZodOptional<(typeof systemFields)[K]>;
});
export type SystemUpdate = z.infer<typeof systemUpdate>;

/** What the reader may do with a system (sent with every system as `can`). */
export const systemPermissions = permissions([
  'update',
  'archive',
  'restore',
  'manageRoles',
  'classify',
  'readClassification',
  'readHistory',
]);
export type SystemPermissions = z.infer<typeof systemPermissions>;

export const system = z.object({
  id,
  name: z.string(),
  shortName: z.string().nullable(),
  description: z.string().nullable(),
  scope: z.enum(systemScopes),
  category: z.string().nullable(),
  owningUnitId: id.nullable(),
  usingUnits: z.array(z.object({ unitId: id, users: z.number().int().nullable() })),
  phase: z.enum(lifecyclePhases),
  inOperationFrom: z.string().nullable(),
  phaseOutFrom: z.string().nullable(),
  retiredOn: z.string().nullable(),
  operationForm: z.enum(operationForms).nullable(),
  criticality: z.enum(criticalities).nullable(),
  timeAssessment: z.enum(timeAssessments).nullable(),
  timeMotivation: z.string().nullable(),
  supplierId: id.nullable(),
  product: z.string().nullable(),
  productVersion: z.string().nullable(),
  eService: z.boolean(),
  ownDeveloped: z.boolean(),
  links: z.array(z.object({ label: z.string(), url: z.string() })),
  tags: z.array(z.string()),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: systemPermissions,
});
export type System = z.infer<typeof system>;

export const systemListQuery = listQuery.extend({
  scope: z.enum(systemScopes).optional(),
  phase: z.enum(lifecyclePhases).optional(),
  criticality: z.enum(criticalities).optional(),
  /** Systems the unit owns or uses. */
  unitId: id.optional(),
  supplierId: id.optional(),
  tag: line(50).optional(),
});
export type SystemListQuery = z.infer<typeof systemListQuery>;

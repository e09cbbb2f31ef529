import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { id, multiline, requiredLine } from '../text.ts';
import { criticalities, lifecyclePhases, systemScopes } from './systems.ts';

// Integrations between systems (the system map) and the impact analysis, shared by server and web.
// An integration runs from the sending system to the receiving one: the receiver depends on the
// sender. A two-way integration makes each depend on the other.

/** How the information flows: file transfer, API call, shared database, message queue, by hand. */
export const integrationTechniques = ['file', 'api', 'database', 'message', 'manual'] as const;
export type IntegrationTechnique = (typeof integrationTechniques)[number];

export const integrationDirections = ['oneWay', 'bothWays'] as const;
export type IntegrationDirection = (typeof integrationDirections)[number];

export const integrationFrequencies = [
  'realtime',
  'hourly',
  'daily',
  'weekly',
  'monthly',
  'onDemand',
] as const;
export type IntegrationFrequency = (typeof integrationFrequencies)[number];

const integrationFields = {
  fromSystemId: id,
  toSystemId: id,
  /** What flows: "Utbetalningar och konteringar", "Folkbokföringsuppgifter". */
  information: requiredLine(300),
  technique: z.enum(integrationTechniques),
  direction: z.enum(integrationDirections).optional(),
  frequency: z.enum(integrationFrequencies).nullable().optional(),
  /** The person who answers for the integration. */
  ownerId: id.nullable().optional(),
  personalData: z.boolean().optional(),
  critical: z.boolean().optional(),
  description: multiline(4000).nullable().optional(),
};

export const integrationCreate = z.strictObject(integrationFields);
export type IntegrationCreate = z.infer<typeof integrationCreate>;

export const integrationUpdate = z.strictObject({
  version,
  ...Object.fromEntries(Object.entries(integrationFields).map(([k, v]) => [k, v.optional()])),
} as { version: typeof version } & {
  [K in keyof typeof integrationFields]: z.ZodOptional<(typeof integrationFields)[K]>;
});
export type IntegrationUpdate = z.infer<typeof integrationUpdate>;

export const integrationPermissions = permissions(['update', 'archive', 'restore', 'readHistory']);

/** A system at one end of an integration, named. */
const end = z.object({ id, name: z.string(), archived: z.boolean() });

export const integration = z.object({
  id,
  fromSystem: end,
  toSystem: end,
  information: z.string(),
  technique: z.enum(integrationTechniques),
  direction: z.enum(integrationDirections),
  frequency: z.enum(integrationFrequencies).nullable(),
  owner: z.object({ id, name: z.string() }).nullable(),
  personalData: z.boolean(),
  critical: z.boolean(),
  description: z.string().nullable(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: integrationPermissions,
});
export type Integration = z.infer<typeof integration>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The orders of the integrations' list; each pages by keyset on its own key. */
export const integrationSorts = ['information', 'fromSystem', 'toSystem', 'technique', 'frequency'] as const;
export type IntegrationSort = (typeof integrationSorts)[number];

export const integrationListQuery = listQuery.extend({
  sort: z.enum(integrationSorts).default('information'),
  order: z.enum(['asc', 'desc']).default('asc'),
  /** Integrations with this system at either end. */
  systemId: id.optional(),
  technique: z.enum(integrationTechniques).optional(),
  personalData: flag.optional(),
  critical: flag.optional(),
});
export type IntegrationListQuery = z.infer<typeof integrationListQuery>;

// ---------------------------------------------------------------- impact

/** How many integrations deep the analysis follows at most (the default and the ceiling). */
export const IMPACT_DEPTH = 25;

export const impactQuery = z.strictObject({
  depth: z.coerce.number().int().min(1).max(IMPACT_DEPTH).default(IMPACT_DEPTH),
});

export const impact = z.object({
  /** Every system that receives from the given one, directly (1) or through others, nearest first. */
  systems: z.array(z.object({ id, name: z.string(), distance: z.number().int() })),
  /** The units that own or use any of those systems. */
  units: z.array(z.object({ id, name: z.string() })),
});
export type Impact = z.infer<typeof impact>;

// ---------------------------------------------------------------- the system map

export const systemMapQuery = z.strictObject({
  /** Systems the unit owns or uses. */
  unitId: id.optional(),
  scope: z.enum(systemScopes).optional(),
  phase: z.enum(lifecyclePhases).optional(),
  criticality: z.enum(criticalities).optional(),
  /** Systems that support the process, or any process below it in the KLASSA tree. */
  processId: id.optional(),
});
export type SystemMapQuery = z.infer<typeof systemMapQuery>;

export const mapNode = z.object({
  id,
  name: z.string(),
  shortName: z.string().nullable(),
  scope: z.enum(systemScopes),
  category: z.string().nullable(),
  phase: z.enum(lifecyclePhases),
  criticality: z.enum(criticalities).nullable(),
  owningUnitId: id.nullable(),
});
export type MapNode = z.infer<typeof mapNode>;

export const mapEdge = z.object({
  id,
  fromSystemId: id,
  toSystemId: id,
  information: z.string(),
  technique: z.enum(integrationTechniques),
  direction: z.enum(integrationDirections),
  critical: z.boolean(),
  personalData: z.boolean(),
});
export type MapEdge = z.infer<typeof mapEdge>;

/** The systems that pass the filters and the live integrations between them. */
export const systemMap = z.object({ nodes: z.array(mapNode), edges: z.array(mapEdge) });
export type SystemMap = z.infer<typeof systemMap>;

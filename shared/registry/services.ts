import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { id, line, multiline, requiredLine } from '../text.ts';
import { lifecyclePhases, operationForms } from './systems.ts';

// Services and APIs of the system register, shared by server and web: objects of their own beside
// systems (e-legitimering, an SMS service, the integration platform's APIs), with an owner, where
// they are hosted, a supplier and K/R/T levels, linked to the systems that provide and consume them.

/** A service (e-legitimering, utskrift som tjänst) or an API (a machine interface with a version). */
export const serviceKinds = ['service', 'api'] as const;
export type ServiceKind = (typeof serviceKinds)[number];

/** What a system does with a service: provides it or consumes it. */
export const serviceRoles = ['provides', 'consumes'] as const;
export type ServiceRole = (typeof serviceRoles)[number];

/** KLASSA's consequence scale, 0 (försumbar) to 4 (synnerligen allvarlig). */
export const securityLevel = z.number().int().min(0).max(4);

const serviceFields = {
  kind: z.enum(serviceKinds),
  name: requiredLine(200),
  description: multiline(4000).nullable().optional(),
  /** The person who answers for the service (tjänsteägare). */
  ownerId: id.nullable().optional(),
  owningUnitId: id.nullable().optional(),
  /** Where it runs: the same values as a system's operation form. */
  hosting: z.enum(operationForms).nullable().optional(),
  supplierId: id.nullable().optional(),
  /** K/R/T: secret under OSL like a system's classification. */
  confidentiality: securityLevel.nullable().optional(),
  integrity: securityLevel.nullable().optional(),
  availability: securityLevel.nullable().optional(),
  documentationUrl: z
    .url({ protocol: /^https?$/, message: 'Must be an http(s) address' })
    .max(2000)
    .nullable()
    .optional(),
  /** The API's version as its provider names it ("v2", "3.1"). */
  apiVersion: line(60).nullable().optional(),
  phase: z.enum(lifecyclePhases).optional(),
};

export const serviceCreate = z.strictObject(serviceFields);
export type ServiceCreate = z.infer<typeof serviceCreate>;

export const serviceUpdate = z.strictObject({
  version,
  ...Object.fromEntries(Object.entries(serviceFields).map(([k, v]) => [k, v.optional()])),
} as { version: typeof version } & {
  [K in keyof typeof serviceFields]: z.ZodOptional<(typeof serviceFields)[K]>;
});
export type ServiceUpdate = z.infer<typeof serviceUpdate>;

/** The systems that provide and consume a service, replacing all of its links at once. */
export const serviceSystemsBody = z.strictObject({
  version,
  provides: z.array(id).max(500),
  consumes: z.array(id).max(500),
});
export type ServiceSystemsBody = z.infer<typeof serviceSystemsBody>;

export const servicePermissions = permissions([
  'update',
  'archive',
  'restore',
  'linkSystems',
  'readLevels',
  'readHistory',
]);

export const serviceSystem = z.object({
  systemId: id,
  name: z.string(),
  role: z.enum(serviceRoles),
  archived: z.boolean(),
});
export type ServiceSystem = z.infer<typeof serviceSystem>;

export const service = z.object({
  id,
  kind: z.enum(serviceKinds),
  name: z.string(),
  description: z.string().nullable(),
  ownerId: id.nullable(),
  owningUnitId: id.nullable(),
  hosting: z.enum(operationForms).nullable(),
  supplierId: id.nullable(),
  supplierName: z.string().nullable(),
  /** Null when not set or when the reader may not read the levels (`can.readLevels`). */
  confidentiality: z.number().int().nullable(),
  integrity: z.number().int().nullable(),
  availability: z.number().int().nullable(),
  /** Whether any K/R/T level is set: what a reader who may not see them learns. */
  hasLevels: z.boolean(),
  documentationUrl: z.string().nullable(),
  apiVersion: z.string().nullable(),
  phase: z.enum(lifecyclePhases),
  systems: z.array(serviceSystem),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: servicePermissions,
});
export type Service = z.infer<typeof service>;

/** The orders of the services' list; each pages by keyset on its own key. */
export const serviceSorts = ['name', 'kind', 'phase'] as const;
export type ServiceSort = (typeof serviceSorts)[number];

export const serviceListQuery = listQuery.extend({
  sort: z.enum(serviceSorts).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  kind: z.enum(serviceKinds).optional(),
  /** Services the system provides or consumes. */
  systemId: id.optional(),
  phase: z.enum(lifecyclePhases).optional(),
});
export type ServiceListQuery = z.infer<typeof serviceListQuery>;

/** What a system provides and consumes. */
export const systemServices = z.object({
  provides: z.array(service),
  consumes: z.array(service),
});
export type SystemServices = z.infer<typeof systemServices>;

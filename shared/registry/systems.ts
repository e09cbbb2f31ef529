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
  /** The produktråd of an own-developed product (a name until the governance module brings forums). */
  productCouncil: line(200).nullable().optional(),
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
  productCouncil: z.string().nullable(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: systemPermissions,
});
export type System = z.infer<typeof system>;

/** The orders of the systems list; each pages by keyset on its own key. */
export const systemSorts = ['name', 'phase', 'criticality', 'updatedAt'] as const;
export type SystemSort = (typeof systemSorts)[number];

const yesNo = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));

export const systemListQuery = listQuery.extend({
  sort: z.enum(systemSorts).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  scope: z.enum(systemScopes).optional(),
  phase: z.enum(lifecyclePhases).optional(),
  criticality: z.enum(criticalities).optional(),
  /** Systems the unit owns or uses. */
  unitId: id.optional(),
  /** Systems the unit owns. */
  owningUnitId: id.optional(),
  /** Systems the unit uses. */
  usingUnitId: id.optional(),
  /** Systems the person answers for: a system role in effect today. */
  personId: id.optional(),
  operationForm: z.enum(operationForms).optional(),
  timeAssessment: z.enum(timeAssessments).optional(),
  eService: yesNo,
  ownDeveloped: yesNo,
  supplierId: id.optional(),
  tag: line(50).optional(),
  category: line(100).optional(),
});
export type SystemListQuery = z.infer<typeof systemListQuery>;

/** The export of the systems list: its filters and sort, and the file format. */
export const systemExportQuery = systemListQuery.omit({ limit: true, cursor: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
});

// ---------------------------------------------------------------- system roles

/**
 * The roles a person holds for a system: systemägare, systemförvaltare (one or more),
 * systemdriftsansvarig at the IT unit and at the supplier, and for own-developed products the
 * produktägare and produktförvaltare.
 */
export const systemRoleKinds = [
  'systemOwner',
  'systemManager',
  'operationsOwner',
  'supplierOperationsOwner',
  'productOwner',
  'productManager',
] as const;
export type SystemRoleKind = (typeof systemRoleKinds)[number];

/** The platform role each kind holds in the system's scope while in effect. */
export const platformRoleOf = {
  systemOwner: 'systemOwner',
  productOwner: 'systemOwner',
  systemManager: 'systemManager',
  productManager: 'systemManager',
  operationsOwner: 'operationsOwner',
  supplierOperationsOwner: 'operationsOwner',
} as const satisfies Record<SystemRoleKind, string>;

/** The kinds a system must have a holder of; without one it shows a gap. */
export const requiredRoleKinds = [
  'systemOwner',
  'systemManager',
] as const satisfies readonly SystemRoleKind[];

const note = multiline(1000).nullable().optional();

export const systemRoleCreate = z
  .strictObject({
    kind: z.enum(systemRoleKinds),
    personId: id,
    /** First day; today (in Stockholm) when left out. */
    validFrom: isoDate.optional(),
    /** Last day; open-ended when left out. */
    validTo: isoDate.nullable().optional(),
    note,
  })
  .refine((r) => !r.validFrom || !r.validTo || r.validTo >= r.validFrom, {
    path: ['validTo'],
    message: 'Must not be before the first day',
  });
export type SystemRoleCreate = z.infer<typeof systemRoleCreate>;

export const systemRoleUpdate = z.strictObject({
  version,
  validFrom: isoDate.optional(),
  validTo: isoDate.nullable().optional(),
  note,
});
export type SystemRoleUpdate = z.infer<typeof systemRoleUpdate>;

export const systemRoleEnd = z.strictObject({
  version,
  /** The last day the role holds; today when left out. */
  endsOn: isoDate.optional(),
});
export type SystemRoleEnd = z.infer<typeof systemRoleEnd>;

export const systemRolePermissions = permissions(['update', 'end']);

export const systemRole = z.object({
  id,
  systemId: id,
  systemName: z.string(),
  kind: z.enum(systemRoleKinds),
  personId: id,
  personName: z.string(),
  /** The person is archived (has left) or inactive: the role is a gap until someone is appointed. */
  personArchived: z.boolean(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  /** Today is within validFrom … validTo. */
  inEffect: z.boolean(),
  note: z.string().nullable(),
  grantId: id.nullable(),
  endedAt: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: systemRolePermissions,
});
export type SystemRole = z.infer<typeof systemRole>;

/** Everyone who answers for a system, as its page shows them. */
export const systemRoles = z.object({
  roles: z.array(systemRole),
  /** The IT-samordnare of each using unit: unit-scoped grants on the unit or a unit above it. */
  itCoordinators: z.array(
    z.object({
      unitId: id,
      unitName: z.string(),
      people: z.array(
        z.object({ personId: id, personName: z.string(), viaUnitId: id, viaUnitName: z.string() }),
      ),
    }),
  ),
  /** Grants in this system's scope made on the roles page, with no registry role behind them. */
  directGrants: z.array(
    z.object({
      grantId: id,
      role: z.string(),
      personId: id,
      personName: z.string(),
      personArchived: z.boolean(),
      direct: z.literal(true),
    }),
  ),
  /** The required kinds without an active holder today. */
  gaps: z.array(z.enum(requiredRoleKinds)),
  can: z.object({ manageRoles: z.boolean() }),
});
export type SystemRoles = z.infer<typeof systemRoles>;

export const systemRoleListQuery = listQuery.pick({ limit: true, cursor: true }).extend({
  personId: id.optional(),
  /** Roles on systems the unit owns. */
  unitId: id.optional(),
  kind: z.enum(systemRoleKinds).optional(),
  /** Also the required roles no one holds (one row per system and kind, `personId` null). */
  gaps: yesNo,
  /** Only roles in effect today (default), or also past and future ones. */
  includeInactive: yesNo,
});
export type SystemRoleListQuery = z.infer<typeof systemRoleListQuery>;

/** A line of "who answers for what": a role, or a gap where no one holds a required one. */
export const responsibility = z.object({
  systemId: id,
  systemName: z.string(),
  owningUnitId: id.nullable(),
  owningUnitName: z.string().nullable(),
  kind: z.enum(systemRoleKinds),
  roleId: id.nullable(),
  personId: id.nullable(),
  personName: z.string().nullable(),
  personArchived: z.boolean(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  /** No active holder of a required kind: no role, or one whose person has left. */
  gap: z.boolean(),
});
export type Responsibility = z.infer<typeof responsibility>;

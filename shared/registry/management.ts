import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { id, multiline, requiredLine } from '../text.ts';

// Förvaltningsobjekt (pm3): a group of systems managed together, with an objektägare on the
// business side and a förvaltningsledare, and a yearly förvaltningsplan whose budget is split into
// vidmakthållande (maintenance) and vidareutveckling (development) and compared with the outcome.

export const managementObjectFields = {
  name: requiredLine(200),
  description: multiline(4000).nullable().optional(),
  /** Objektägare: answers for the object on the business side. */
  ownerId: id.nullable().optional(),
  /** Förvaltningsledare: leads the object's day-to-day förvaltning. */
  managerId: id.nullable().optional(),
  /** The systems in the object; a system belongs to at most one förvaltningsobjekt. */
  systemIds: z.array(id).max(500).optional(),
};

export const managementObjectCreate = z.strictObject(managementObjectFields);
export type ManagementObjectCreate = z.infer<typeof managementObjectCreate>;

export const managementObjectUpdate = z.strictObject({
  version,
  name: managementObjectFields.name.optional(),
  description: managementObjectFields.description,
  ownerId: managementObjectFields.ownerId,
  managerId: managementObjectFields.managerId,
  systemIds: managementObjectFields.systemIds,
});
export type ManagementObjectUpdate = z.infer<typeof managementObjectUpdate>;

export const managementObjectPermissions = permissions([
  'update',
  'archive',
  'restore',
  'plan',
  'readHistory',
]);

export const managementObject = z.object({
  id,
  name: z.string(),
  description: z.string().nullable(),
  ownerId: id.nullable(),
  managerId: id.nullable(),
  systemIds: z.array(id),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: managementObjectPermissions,
});
export type ManagementObject = z.infer<typeof managementObject>;

/** The orders of the förvaltningsobjekt's list; each pages by keyset on its own key. */
export const managementObjectSorts = ['name', 'owner', 'manager', 'updatedAt'] as const;
export type ManagementObjectSort = (typeof managementObjectSorts)[number];

export const managementObjectListQuery = listQuery.extend({
  sort: z.enum(managementObjectSorts).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  /** The object a system is in. */
  systemId: id.optional(),
  /** Objects the person owns or leads. */
  personId: id.optional(),
});
export type ManagementObjectListQuery = z.infer<typeof managementObjectListQuery>;

export const managementObjectExportQuery = managementObjectListQuery
  .omit({ limit: true, cursor: true })
  .extend({ format: z.enum(['csv', 'xlsx']).default('xlsx') });

// ------------------------------------------------------------------ the yearly förvaltningsplan

export const planActivityKinds = ['maintenance', 'development'] as const;
export type PlanActivityKind = (typeof planActivityKinds)[number];
export const planActivityStatuses = ['planned', 'ongoing', 'done', 'cancelled'] as const;
export type PlanActivityStatus = (typeof planActivityStatuses)[number];
export const planStatuses = ['draft', 'adopted'] as const;
export type PlanStatus = (typeof planStatuses)[number];

export const planActivity = z.strictObject({
  title: requiredLine(200),
  description: multiline(2000).nullable().optional(),
  kind: z.enum(planActivityKinds),
  status: z.enum(planActivityStatuses).default('planned'),
});
export type PlanActivity = z.infer<typeof planActivity>;

/** Money in öre (integer), never negative, at most a billion kronor. */
const ore = z.number().int().min(0).max(100_000_000_000);

const planFields = {
  goals: z.array(requiredLine(500)).max(50).optional(),
  activities: z.array(planActivity).max(200).optional(),
  /** Budget of vidmakthållande (maintenance), öre. */
  budgetMaintenance: ore.optional(),
  /** Budget of vidareutveckling (development), öre. */
  budgetDevelopment: ore.optional(),
  /** The year's outcome (utfall), öre; null until known. */
  outcomeMaintenance: ore.nullable().optional(),
  outcomeDevelopment: ore.nullable().optional(),
  status: z.enum(planStatuses).optional(),
};

export const managementPlanCreate = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  ...planFields,
});
export type ManagementPlanCreate = z.infer<typeof managementPlanCreate>;

export const managementPlanUpdate = z.strictObject({ version, ...planFields });
export type ManagementPlanUpdate = z.infer<typeof managementPlanUpdate>;

export const managementPlanPermissions = permissions(['update']);

/** A sum planned, spent, and the difference (outcome − budget; null until the outcome is known). */
const money = z.object({
  budget: z.number().int(),
  outcome: z.number().int().nullable(),
  difference: z.number().int().nullable(),
});

export const managementPlan = z.object({
  id,
  objectId: id,
  year: z.number().int(),
  status: z.enum(planStatuses),
  goals: z.array(z.string()),
  activities: z.array(
    z.object({
      title: z.string(),
      description: z.string().nullable(),
      kind: z.enum(planActivityKinds),
      status: z.enum(planActivityStatuses),
    }),
  ),
  budgetMaintenance: z.number().int(),
  budgetDevelopment: z.number().int(),
  outcomeMaintenance: z.number().int().nullable(),
  outcomeDevelopment: z.number().int().nullable(),
  maintenance: money,
  development: money,
  total: money,
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: managementPlanPermissions,
});
export type ManagementPlan = z.infer<typeof managementPlan>;

export const managementPlanListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

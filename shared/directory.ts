import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from './records.ts';
import { roleNames } from './roles.ts';
import { email, id, line, phone, requiredLine } from './text.ts';

// Payloads of the directory, shared by server (validation, OpenAPI) and web (forms).

export const unitKinds = ['department', 'office', 'subunit', 'company', 'partner'] as const;
export type UnitKind = (typeof unitKinds)[number];

export const tenantKinds = ['municipality', 'federation'] as const;

const costCentre = line(20).pipe(
  z.string().regex(/^[0-9A-Za-z._-]*$/, { message: 'Letters, digits, . _ -' }),
);
const orgNumber = line(11).pipe(z.string().regex(/^(\d{6}-?\d{4})?$/, { message: 'Must be NNNNNN-NNNN' }));

/** What the reader may do with a unit (GET answers it with every unit). */
export const unitPermissions = permissions([
  'update',
  'move',
  'archive',
  'restore',
  'createChild',
  'createPerson',
  'readHistory',
]);
export type UnitPermissions = z.infer<typeof unitPermissions>;

export const unit = z.object({
  id,
  parentId: id.nullable(),
  name: z.string(),
  kind: z.enum(unitKinds),
  costCentre: z.string().nullable(),
  orgNumber: z.string().nullable(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: unitPermissions,
});
export type Unit = z.infer<typeof unit>;

export const unitCreate = z.strictObject({
  name: requiredLine(200),
  kind: z.enum(unitKinds),
  parentId: id.nullable().optional(),
  costCentre: costCentre.nullable().optional(),
  orgNumber: orgNumber.nullable().optional(),
});
export type UnitCreate = z.infer<typeof unitCreate>;

export const unitUpdate = z.strictObject({
  version,
  name: requiredLine(200).optional(),
  kind: z.enum(unitKinds).optional(),
  parentId: id.nullable().optional(),
  costCentre: costCentre.nullable().optional(),
  orgNumber: orgNumber.nullable().optional(),
});
export type UnitUpdate = z.infer<typeof unitUpdate>;

/** What the reader may do with a person. */
export const personPermissions = permissions([
  'update',
  'move',
  'archive',
  'restore',
  'grantRole',
  'resetPassword',
  'manageTokens',
  'readHistory',
]);
export type PersonPermissions = z.infer<typeof personPermissions>;

export const person = z.object({
  id,
  givenName: z.string(),
  familyName: z.string(),
  name: z.string(),
  email: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  unitId: id.nullable(),
  employeeNumber: z.string().nullable(),
  active: z.boolean(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: personPermissions,
});
export type Person = z.infer<typeof person>;

export const personCreate = z.strictObject({
  givenName: requiredLine(100),
  familyName: requiredLine(100),
  email,
  title: line(200).nullable().optional(),
  phone: phone.nullable().optional(),
  unitId: id.nullable().optional(),
  employeeNumber: line(40).nullable().optional(),
  active: z.boolean().optional(),
});
export type PersonCreate = z.infer<typeof personCreate>;

export const personUpdate = z.strictObject({
  version,
  givenName: requiredLine(100).optional(),
  familyName: requiredLine(100).optional(),
  email: email.optional(),
  title: line(200).nullable().optional(),
  phone: phone.nullable().optional(),
  unitId: id.nullable().optional(),
  employeeNumber: line(40).nullable().optional(),
  active: z.boolean().optional(),
});
export type PersonUpdate = z.infer<typeof personUpdate>;

/** A role a person holds, as the signed-in person's own record lists it (GET /session). */
export const grant = z.object({ role: z.enum(roleNames), scope: z.string(), scopeId: id.nullable() });
export type Grant = z.infer<typeof grant>;

/** What the reader may do with a role assignment. */
export const roleAssignmentPermissions = permissions(['revoke']);
export type RoleAssignmentPermissions = z.infer<typeof roleAssignmentPermissions>;

export const roleAssignment = z.object({
  id,
  personId: id,
  role: z.enum(roleNames),
  /** `global`, `unit`, or a kind a module registers (system, group, forum …). */
  scope: z.string(),
  scopeId: id.nullable(),
  grantedAt: z.string(),
  grantedBy: id.nullable(),
  revokedAt: z.string().nullable(),
  revokedBy: id.nullable(),
  can: roleAssignmentPermissions,
});
export type RoleAssignment = z.infer<typeof roleAssignment>;

/** An assignment in a list, with its holder's and scope's names (a list of hundreds needs no lookups). */
export const listedRoleAssignment = roleAssignment.extend({
  personName: z.string(),
  scopeName: z.string().nullable(),
  scopeHref: z.string().nullable(),
});
export type ListedRoleAssignment = z.infer<typeof listedRoleAssignment>;

const scopeKind = z.string().regex(/^[a-z][a-zA-Z]{1,39}$/, { message: 'A kind of scope, e.g. unit' });

export const roleGrant = z.strictObject({
  personId: id,
  role: z.enum(roleNames),
  /** Where the role applies: `global` (the default), `unit`, or a kind a module registers. */
  scope: scopeKind.optional(),
  scopeId: id.nullable().optional(),
});
export type RoleGrant = z.infer<typeof roleGrant>;

export const unitListQuery = listQuery.extend({
  parentId: id.optional(),
  kind: z.enum(unitKinds).optional(),
});

export const personListQuery = listQuery.extend({
  unitId: id.optional(),
});

/** Role assignments: of one person, one role or one scope; by role, then in the order granted. */
export const roleAssignmentListQuery = listQuery.pick({ limit: true, cursor: true }).extend({
  personId: id.optional(),
  role: z.enum(roleNames).optional(),
  scope: scopeKind.optional(),
  scopeId: id.optional(),
  includeRevoked: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

/** How many active assignments each role has (roles without any are left out). */
export const roleCounts = z.object({
  items: z.array(z.object({ role: z.enum(roleNames), holders: z.number().int() })),
});

/** A kind of scope that roles can be granted in, and the roles it takes. */
export const scopeKindInfo = z.object({ kind: z.string(), roles: z.array(z.enum(roleNames)) });

/** A record as other parts of the product show it (a scope, an audited record). */
export const recordRef = z.object({ id, name: z.string(), href: z.string(), archived: z.boolean() });
export type RecordRef = z.infer<typeof recordRef>;

import type { Person, RoleAssignment, Unit } from '../../../shared/directory.ts';
import type { Role } from '../../../shared/roles.ts';
import type { Actor } from '../context.ts';
import { iso } from '../http.ts';
import { personPermissions, roleAssignmentPermissions, unitPermissions } from './policy.ts';
import type { PersonRow, RoleAssignmentRow, UnitRow } from './service.ts';

// Rows → API shapes, for a reader: each record says what the reader may do with it (`can`, from
// ./policy.ts). Kept apart from routes so exports and other modules present the same way.

export function presentUnit(row: UnitRow, reader: Actor): Unit {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    kind: row.kind as Unit['kind'],
    costCentre: row.costCentre,
    orgNumber: row.orgNumber,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: unitPermissions(reader, row),
  };
}

export function presentPerson(row: PersonRow, reader: Actor): Person {
  return {
    id: row.id,
    givenName: row.givenName,
    familyName: row.familyName,
    name: `${row.givenName} ${row.familyName}`,
    email: row.email,
    title: row.title,
    phone: row.phone,
    unitId: row.unitId,
    employeeNumber: row.employeeNumber,
    active: row.active,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: personPermissions(reader, row),
  };
}

export function presentRoleAssignment(row: RoleAssignmentRow, reader: Actor): RoleAssignment {
  return {
    id: row.id,
    personId: row.personId,
    role: row.role as Role,
    scope: row.scope,
    scopeId: row.scopeId,
    grantedAt: iso(row.grantedAt),
    grantedBy: row.grantedBy,
    revokedAt: iso(row.revokedAt),
    revokedBy: row.revokedBy,
    can: roleAssignmentPermissions(reader, row),
  };
}

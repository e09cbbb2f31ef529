import type {
  PersonPermissions,
  RoleAssignmentPermissions,
  UnitPermissions,
} from '../../../shared/directory.ts';
import { isAdmin } from '../authz.ts';
import type { Actor } from '../context.ts';

// Who may do what with units, people and roles. Deny by default: each function says yes only to
// the roles named. The directory of units and people is public record inside the tenant, so every
// signed-in person may read it (the portal needs it to say who and where); only admins change it.

export const directoryPolicy = {
  readDirectory: (_actor: Actor) => true,
  manageUnits: (actor: Actor) => isAdmin(actor),
  managePeople: (actor: Actor) => isAdmin(actor),
  readRoles: (_actor: Actor) => true,
  manageRoles: (actor: Actor) => isAdmin(actor),
  resetPasswords: (actor: Actor) => isAdmin(actor),
  /** A person's API tokens, listed and revoked by someone else (GET /people/{id}/tokens). */
  manageTokens: (actor: Actor) => isAdmin(actor),
  importExport: (actor: Actor) => isAdmin(actor),
  /** The audit trail of a unit: admins read every record's history (audit/routes.ts). */
  readUnitHistory: (actor: Actor) => isAdmin(actor),
  /** Everyone may read the history of their own person record (what was changed about them). */
  readPersonHistory: (actor: Actor, personId: string) => isAdmin(actor) || personId === actor.personId,
};

// What the reader may do with one record: the policy above, and the record's state as the service
// would refuse it (an archived record is only restored; nobody archives themselves). The API sends
// it with every record as `can`, so the web app shows the actions that will work and knows no role.
// From the actor's grants and the row alone: no query per row.

export function unitPermissions(actor: Actor, row: { archivedAt: Date | null }): UnitPermissions {
  const manage = directoryPolicy.manageUnits(actor);
  const active = row.archivedAt === null;
  return {
    update: manage && active,
    move: manage && active,
    archive: manage && active,
    restore: manage && !active,
    createChild: manage && active,
    createPerson: directoryPolicy.managePeople(actor) && active,
    readHistory: directoryPolicy.readUnitHistory(actor),
  };
}

export function personPermissions(
  actor: Actor,
  row: { id: string; archivedAt: Date | null },
): PersonPermissions {
  const manage = directoryPolicy.managePeople(actor);
  const active = row.archivedAt === null;
  return {
    update: manage && active,
    move: manage && active,
    archive: manage && active && row.id !== actor.personId,
    restore: manage && !active,
    grantRole: directoryPolicy.manageRoles(actor) && active,
    resetPassword: directoryPolicy.resetPasswords(actor) && active,
    manageTokens: directoryPolicy.manageTokens(actor),
    readHistory: directoryPolicy.readPersonHistory(actor, row.id),
  };
}

export function roleAssignmentPermissions(
  actor: Actor,
  row: { role: string; personId: string; revokedAt: Date | null },
): RoleAssignmentPermissions {
  return {
    revoke:
      directoryPolicy.manageRoles(actor) &&
      row.revokedAt === null &&
      !(row.role === 'admin' && row.personId === actor.personId),
  };
}

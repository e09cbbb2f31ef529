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
  importExport: (actor: Actor) => isAdmin(actor),
};

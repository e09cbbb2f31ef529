// The roles of DESIGN.md "Access". A role is held globally in the tenant or within a scope;
// `scopes` lists the kinds of scope a grant of that role may name. `global` and `unit` are the
// platform's own; the other kinds arrive with the modules that register them (registry: system,
// desk: group, governance: forum), and a kind nobody has registered cannot be granted yet.

/** A kind of scope: `global`, `unit`, or a kind a module registers. */
export type ScopeKind = string;
export const GLOBAL: ScopeKind = 'global';
export const UNIT: ScopeKind = 'unit';

export const roles = {
  admin: { scopes: ['global'] },
  itStrategist: { scopes: ['global'] },
  accountManager: { scopes: ['unit'] },
  itCoordinator: { scopes: ['unit'] },
  changeManager: { scopes: ['global', 'unit'] },
  // Informationssäkerhetssamordnare and dataskyddsombud: read what is secret or personal in the
  // system register (classification levels, the processing register) across the organisation.
  securityCoordinator: { scopes: ['global'] },
  dataProtectionOfficer: { scopes: ['global'] },
  systemOwner: { scopes: ['system'] },
  systemManager: { scopes: ['system'] },
  operationsOwner: { scopes: ['system'] },
  serviceDeskAgent: { scopes: ['global', 'group'] },
  economist: { scopes: ['global', 'unit'] },
  forumMember: { scopes: ['global', 'forum'] },
  employee: { scopes: ['global'] },
  reader: { scopes: ['global', 'unit'] },
} as const satisfies Record<string, { scopes: readonly ScopeKind[] }>;

export type Role = keyof typeof roles;
export const roleNames = Object.keys(roles) as [Role, ...Role[]];

export function roleAllowsScope(role: Role, scope: ScopeKind): boolean {
  return (roles[role].scopes as readonly ScopeKind[]).includes(scope);
}

/** The roles that can be granted when these kinds of scope exist (the registered ones). */
export function grantableRoles(kinds: readonly ScopeKind[]): Role[] {
  return roleNames.filter((role) => kinds.some((kind) => roleAllowsScope(role, kind)));
}

/** Roles that make a person staff (more than the self-service portal). */
export function isStaffRole(role: Role): boolean {
  return role !== 'employee';
}

// The roles of DESIGN.md "Access". A role is held globally in the tenant or within a scope;
// `scopes` lists where a grant of that role may apply. Scopes other than `unit` arrive with the
// modules that own them (registry: system, desk: group, governance: forum).

export const scopeKinds = ['global', 'unit', 'system', 'group', 'forum'] as const;
export type ScopeKind = (typeof scopeKinds)[number];

export const roles = {
  admin: { scopes: ['global'] },
  itStrategist: { scopes: ['global'] },
  accountManager: { scopes: ['unit'] },
  itCoordinator: { scopes: ['unit'] },
  changeManager: { scopes: ['global', 'unit'] },
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

/** Scopes that can be granted with what is built today. */
export const grantableScopes: readonly ScopeKind[] = ['global', 'unit'];

export function roleAllowsScope(role: Role, scope: ScopeKind): boolean {
  return (roles[role].scopes as readonly ScopeKind[]).includes(scope);
}

/** Roles that make a person staff (more than the self-service portal). */
export function isStaffRole(role: Role): boolean {
  return role !== 'employee';
}

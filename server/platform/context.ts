import type { Role, ScopeKind } from '../../shared/roles.ts';

/** One role a person holds, globally (`scopeId` null) or within one scope of a kind. */
export interface Grant {
  role: Role;
  scope: ScopeKind;
  scopeId: string | null;
}

/** Who is acting, in which tenant, for which request: handed to every service call. */
export interface Actor {
  tenantId: string;
  /** null for the system itself (demo loader, migrations, jobs). */
  personId: string | null;
  name: string;
  requestId?: string;
  grants: Grant[];
}

export function systemActor(tenantId: string, name = 'Styrbord'): Actor {
  return { tenantId, personId: null, name, grants: [{ role: 'admin', scope: 'global', scopeId: null }] };
}

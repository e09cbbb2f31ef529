import type { Role, ScopeKind } from '../../shared/roles.ts';
import type { Actor } from './context.ts';

// Building blocks for module policies. A policy answers "may this actor do this, here?" with the
// scope as an argument; nothing here knows any module's rules.

/** One scope a record lies in, and the scopes of its kind that enclose it (a unit's ancestors). */
export interface ScopeRef {
  kind: ScopeKind;
  id: string;
  /** Ids of the same kind whose grants also cover this one, e.g. a unit's parent units. */
  enclosing?: readonly string[];
}

/** Holds `role` anywhere (globally or in any scope). */
export function holds(actor: Actor, role: Role): boolean {
  return actor.grants.some((g) => g.role === role);
}

/** Holds `role` globally in the tenant. */
export function holdsGlobally(actor: Actor, role: Role): boolean {
  return actor.grants.some((g) => g.role === role && g.scope === 'global');
}

/**
 * Holds `role` for `scope`: globally, in the scope itself, or in a scope enclosing it (a grant for
 * a förvaltning covers its offices and units). Works the same for every kind a module registers.
 */
export function holdsFor(actor: Actor, role: Role, scope: ScopeRef): boolean {
  return actor.grants.some(
    (g) =>
      g.role === role &&
      (g.scope === 'global' ||
        (g.scope === scope.kind &&
          g.scopeId !== null &&
          (g.scopeId === scope.id || (scope.enclosing?.includes(g.scopeId) ?? false)))),
  );
}

/** The ids of the scopes of `kind` in which the actor holds `role` (for list filters). */
export function scopesOf(actor: Actor, role: Role, kind: ScopeKind): string[] {
  return actor.grants.filter((g) => g.role === role && g.scope === kind && g.scopeId).map((g) => g.scopeId!);
}

export function isAdmin(actor: Actor): boolean {
  return holdsGlobally(actor, 'admin');
}

/** Staff: anyone with a role beyond the self-service portal. Most records are public to staff. */
export function isStaff(actor: Actor): boolean {
  return actor.grants.some((g) => g.role !== 'employee');
}

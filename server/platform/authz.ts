import type { Role } from '../../shared/roles.ts';
import type { Actor } from './context.ts';

// Building blocks for module policies. A policy answers "may this actor do this, here?" with the
// scope as an argument; nothing here knows any module's rules.

/** Holds `role` anywhere (globally or in any scope). */
export function holds(actor: Actor, role: Role): boolean {
  return actor.grants.some((g) => g.role === role);
}

/** Holds `role` globally in the tenant. */
export function holdsGlobally(actor: Actor, role: Role): boolean {
  return actor.grants.some((g) => g.role === role && g.scope === 'global');
}

/** Holds `role` globally or for one of `unitIds` (a unit and its ancestors). */
export function holdsForUnit(actor: Actor, role: Role, unitIds: readonly string[]): boolean {
  return actor.grants.some(
    (g) =>
      g.role === role &&
      (g.scope === 'global' || (g.scope === 'unit' && g.unitId !== null && unitIds.includes(g.unitId))),
  );
}

export function isAdmin(actor: Actor): boolean {
  return holdsGlobally(actor, 'admin');
}

/** Staff: anyone with a role beyond the self-service portal. Most records are public to staff. */
export function isStaff(actor: Actor): boolean {
  return actor.grants.some((g) => g.role !== 'employee');
}

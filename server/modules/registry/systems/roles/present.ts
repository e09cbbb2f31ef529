import type { SystemRole, SystemRoleKind } from '../../../../../shared/registry/systems.ts';
import type { Actor } from '../../../../platform/context.ts';
import { iso } from '../../../../platform/http.ts';
import { registryPolicy } from '../../policy.ts';
import { inEffectOn, type RoleView, stockholmToday } from './service.ts';

// System roles → API shapes, each with what the reader may do with it (`can`).

export function presentRole(view: RoleView, reader: Actor, day = stockholmToday()): SystemRole {
  const { role } = view;
  const manage = registryPolicy.manageRoles(reader, role.systemId) && role.endedAt === null;
  return {
    id: role.id,
    systemId: role.systemId,
    systemName: view.systemName,
    kind: role.kind as SystemRoleKind,
    personId: role.personId,
    personName: view.personName,
    personArchived: view.personArchived,
    validFrom: role.validFrom,
    validTo: role.validTo,
    inEffect: inEffectOn(role, day),
    note: role.note,
    grantId: role.grantId,
    endedAt: iso(role.endedAt),
    version: role.version,
    createdAt: iso(role.createdAt),
    updatedAt: iso(role.updatedAt),
    can: { update: manage, end: manage },
  };
}

import type { RoutingRule, RoutingTarget } from '../../../../shared/desk/routing.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { deskPolicy } from '../policy.ts';
import type { RuleRow } from './service.ts';

export function presentRule(row: RuleRow, groupNames: Map<string, string>, reader: Actor): RoutingRule {
  const active = row.archivedAt === null;
  const configure = deskPolicy.configure(reader);
  return {
    id: row.id,
    position: row.position,
    name: row.name,
    conditions: row.conditions,
    target: row.target as RoutingTarget,
    groupId: row.groupId,
    groupName: row.groupId ? (groupNames.get(row.groupId) ?? null) : null,
    active: row.active,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: { update: configure && active, archive: configure && active, restore: configure && !active },
  };
}

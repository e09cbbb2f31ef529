import type { ManagementObject, ManagementPlan } from '../../../../shared/registry/management.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { registryPolicy } from '../policy.ts';
import type { ObjectWithSystems, PlanWithObject } from './service.ts';

// Rows → API shapes, with what the reader may do (`can`) from the policy and the row alone.

export function presentObject(row: ObjectWithSystems, reader: Actor): ManagementObject {
  const active = row.archivedAt === null;
  const manage = registryPolicy.manage(reader);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    ownerId: row.ownerId,
    managerId: row.managerId,
    systemIds: row.systemIds,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: {
      update: manage && active,
      archive: manage && active,
      restore: manage && !active,
      plan: registryPolicy.planManagementObject(reader, row) && active,
      readHistory: registryPolicy.readHistory(reader),
    },
  };
}

/** Budget, outcome and their difference (outcome − budget: positive is an overrun). */
function money(budget: number, outcome: number | null) {
  return { budget, outcome, difference: outcome === null ? null : outcome - budget };
}

export function presentPlan(row: PlanWithObject, reader: Actor): ManagementPlan {
  const outcomeTotal =
    row.outcomeMaintenance === null && row.outcomeDevelopment === null
      ? null
      : (row.outcomeMaintenance ?? 0) + (row.outcomeDevelopment ?? 0);
  return {
    id: row.id,
    objectId: row.objectId,
    year: row.year,
    status: row.status as ManagementPlan['status'],
    goals: row.goals,
    activities: row.activities,
    budgetMaintenance: row.budgetMaintenance,
    budgetDevelopment: row.budgetDevelopment,
    outcomeMaintenance: row.outcomeMaintenance,
    outcomeDevelopment: row.outcomeDevelopment,
    maintenance: money(row.budgetMaintenance, row.outcomeMaintenance),
    development: money(row.budgetDevelopment, row.outcomeDevelopment),
    total: money(row.budgetMaintenance + row.budgetDevelopment, outcomeTotal),
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: { update: registryPolicy.planManagementObject(reader, row.object) },
  };
}

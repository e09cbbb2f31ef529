import type { System } from '../../../../shared/registry/systems.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { registryPolicy } from '../policy.ts';
import type { SystemWithUse } from './service.ts';

// Rows → API shapes for a reader: each system says what the reader may do with it (`can`), from
// the registry's policy and the row alone (no query per row).

export function systemPermissions(actor: Actor, row: { id: string; archivedAt: Date | string | null }) {
  const active = row.archivedAt === null;
  const edit = registryPolicy.editSystem(actor, row.id);
  return {
    update: edit && active,
    archive: registryPolicy.manage(actor) && active,
    restore: registryPolicy.manage(actor) && !active,
    manageRoles: registryPolicy.manageRoles(actor, row.id) && active,
    classify: registryPolicy.classify(actor, row.id) && active,
    readClassification: registryPolicy.readClassification(actor, row.id),
    readHistory: registryPolicy.readHistory(actor),
  };
}

export function presentSystem(row: SystemWithUse, reader: Actor): System {
  return {
    id: row.id,
    name: row.name,
    shortName: row.shortName,
    description: row.description,
    scope: row.scope as System['scope'],
    category: row.category,
    owningUnitId: row.owningUnitId,
    usingUnits: row.usingUnits,
    phase: row.phase as System['phase'],
    inOperationFrom: row.inOperationFrom,
    phaseOutFrom: row.phaseOutFrom,
    retiredOn: row.retiredOn,
    operationForm: row.operationForm as System['operationForm'],
    criticality: row.criticality as System['criticality'],
    timeAssessment: row.timeAssessment as System['timeAssessment'],
    timeMotivation: row.timeMotivation,
    supplierId: row.supplierId,
    product: row.product,
    productVersion: row.productVersion,
    eService: row.eService,
    ownDeveloped: row.ownDeveloped,
    links: row.links,
    tags: row.tags,
    productCouncil: row.productCouncil,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: systemPermissions(reader, row),
  };
}

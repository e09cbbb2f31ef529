import type { Service } from '../../../../shared/registry/services.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { registryPolicy } from '../policy.ts';
import type { ServiceRow, ServiceWithSystems } from './service.ts';

// Rows → API shapes for a reader. K/R/T levels are secret under OSL: a reader who may not read
// them gets nulls and only `hasLevels`, on every route that answers a service (list, one, the
// system's services, writes, exports).

export function servicePermissions(actor: Actor, row: Pick<ServiceRow, 'ownerId' | 'archivedAt'>) {
  const active = row.archivedAt === null;
  const edit = registryPolicy.editService(actor, row);
  return {
    update: edit && active,
    archive: registryPolicy.manage(actor) && active,
    restore: registryPolicy.manage(actor) && !active,
    linkSystems: edit && active,
    readLevels: registryPolicy.readServiceLevels(actor, row),
    readHistory: registryPolicy.readHistory(actor),
  };
}

/** The levels as the reader may see them. */
export function levelsFor(row: ServiceRow, reader: Actor) {
  const visible = registryPolicy.readServiceLevels(reader, row);
  return {
    confidentiality: visible ? row.confidentiality : null,
    integrity: visible ? row.integrity : null,
    availability: visible ? row.availability : null,
    hasLevels: row.confidentiality !== null || row.integrity !== null || row.availability !== null,
  };
}

export function presentService(row: ServiceWithSystems, reader: Actor): Service {
  return {
    id: row.id,
    kind: row.kind as Service['kind'],
    name: row.name,
    description: row.description,
    ownerId: row.ownerId,
    owningUnitId: row.owningUnitId,
    hosting: row.hosting as Service['hosting'],
    supplierId: row.supplierId,
    supplierName: row.supplierName,
    ...levelsFor(row, reader),
    documentationUrl: row.documentationUrl,
    apiVersion: row.apiVersion,
    phase: row.phase as Service['phase'],
    systems: row.systems,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: servicePermissions(reader, row),
  };
}

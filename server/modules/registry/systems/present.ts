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

const permissionKeys = [
  'update',
  'archive',
  'restore',
  'manageRoles',
  'classify',
  'readClassification',
  'readHistory',
] as const;

/**
 * The end of a record's JSON with `can` in it (`,"can":{…}}`), for each combination of the seven
 * answers, as text and as UTF-8, made once: a page writes fifty.
 */
const canTails = Array.from({ length: 1 << permissionKeys.length }, (_, bits) => {
  const can = Object.fromEntries(permissionKeys.map((k, i) => [k, (bits & (1 << i)) !== 0]));
  const text = `,"can":${JSON.stringify(can)}}`;
  return { text, bytes: Buffer.from(text) };
});

/**
 * What to append to a record's JSON without its closing brace (the database keeps the record as
 * JSON, service.ts recordJson): `can` for this reader and the brace. The policy is asked for each
 * row all the same; only the text is made once.
 */
export function canTail(actor: Actor, row: { id: string; archivedAt: string | null }) {
  const can = systemPermissions(actor, row);
  let bits = 0;
  permissionKeys.forEach((k, i) => {
    if (can[k]) bits |= 1 << i;
  });
  return canTails[bits]!;
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

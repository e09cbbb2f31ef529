import type { ProcessLevel, ProcessNode } from '../../../../shared/registry/processes.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { registryPolicy } from '../policy.ts';
import type { ProcessRow } from './service.ts';

// Rows → API shapes: each node says what the reader may do with it (`can`), from the policy and
// the row alone (no query per row).

export function processPermissions(actor: Actor, row: { archivedAt: Date | null }) {
  const manage = registryPolicy.manage(actor);
  const active = row.archivedAt === null;
  return {
    update: manage && active,
    move: manage && active,
    archive: manage && active,
    restore: manage && !active,
    readHistory: registryPolicy.readHistory(actor),
  };
}

export function presentProcess(row: ProcessRow, reader: Actor): ProcessNode {
  return {
    id: row.id,
    parentId: row.parentId,
    level: row.level as ProcessLevel,
    code: row.code,
    name: row.name,
    description: row.description,
    fromReference: row.referenceCode !== null,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: processPermissions(reader, row),
  };
}

export function processRefOf(row: ProcessRow) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level as ProcessLevel,
    archived: row.archivedAt !== null,
  };
}

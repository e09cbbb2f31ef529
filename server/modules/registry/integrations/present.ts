import type { Integration } from '../../../../shared/registry/integrations.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { registryPolicy } from '../policy.ts';
import type { IntegrationView } from './service.ts';

// Rows → API shapes for a reader: each integration says what the reader may do with it (`can`),
// from the registry's policy and the row alone (no query per row).

export function integrationPermissions(
  actor: Actor,
  row: { fromSystemId: string; toSystemId: string; archivedAt: Date | null },
) {
  const active = row.archivedAt === null;
  const edit = registryPolicy.editIntegration(actor, row.fromSystemId, row.toSystemId);
  return {
    update: edit && active,
    archive: edit && active,
    restore: edit && !active,
    readHistory: registryPolicy.readHistory(actor),
  };
}

export function presentIntegration(row: IntegrationView, reader: Actor): Integration {
  return {
    id: row.id,
    fromSystem: row.fromSystem,
    toSystem: row.toSystem,
    information: row.information,
    technique: row.technique as Integration['technique'],
    direction: row.direction as Integration['direction'],
    frequency: row.frequency as Integration['frequency'],
    owner: row.owner,
    personalData: row.personalData,
    critical: row.critical,
    description: row.description,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: integrationPermissions(reader, row),
  };
}

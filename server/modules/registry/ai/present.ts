import type { AiApplication } from '../../../../shared/registry/ai.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { registryPolicy } from '../policy.ts';
import type { AiApplicationWithSystem } from './service.ts';

// Rows → API shapes, with what the reader may do (`can`) from the policy and the row alone.

export function presentAiApplication(row: AiApplicationWithSystem, reader: Actor): AiApplication {
  const active = row.archivedAt === null;
  const edit = registryPolicy.editSystem(reader, row.systemId);
  return {
    id: row.id,
    systemId: row.systemId,
    systemName: row.systemName,
    name: row.name,
    purpose: row.purpose,
    riskCategory: row.riskCategory as AiApplication['riskCategory'],
    highRiskArea: row.highRiskArea as AiApplication['highRiskArea'],
    motivation: row.motivation,
    friaRequired: row.friaRequired,
    friaOn: row.friaOn,
    friaResult: row.friaResult,
    transparency: row.transparency,
    humanOversight: row.humanOversight,
    registrationStatus: row.registrationStatus as AiApplication['registrationStatus'],
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: {
      update: edit && active,
      archive: edit && active,
      restore: edit && !active,
      readHistory: registryPolicy.readHistory(reader),
    },
  };
}

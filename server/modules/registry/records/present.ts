import type { ProcessLevel } from '../../../../shared/registry/processes.ts';
import type {
  InformationPlan,
  PlanStatus,
  RecordFormat,
  RecordType,
  Registration,
  Retention,
} from '../../../../shared/registry/records.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { registryPolicy } from '../policy.ts';
import type { InformationPlanRow, RecordTypeWithRefs } from './service.ts';

// Rows → API shapes. A record type's K/R/T levels are secret under OSL like a system's
// classification: they leave the server only for a reader the policy lets read them
// (registryPolicy.readRecordTypeLevels); anyone else gets nulls and `levelsHidden: true`.

export function recordTypePermissions(
  actor: Actor,
  row: { archivedAt: Date | null; systemId: string | null },
) {
  const manage = registryPolicy.manage(actor);
  const active = row.archivedAt === null;
  return {
    update: manage && active,
    archive: manage && active,
    restore: manage && !active,
    readLevels: registryPolicy.readRecordTypeLevels(actor, row.systemId),
    readHistory: registryPolicy.readHistory(actor),
  };
}

export function presentRecordType(row: RecordTypeWithRefs, reader: Actor): RecordType {
  const can = recordTypePermissions(reader, row);
  return {
    id: row.id,
    processId: row.processId,
    process: { ...row.process, level: row.process.level as ProcessLevel },
    name: row.name,
    description: row.description,
    format: row.format as RecordFormat,
    fileFormats: row.fileFormats,
    retention: row.retention as Retention,
    retentionMonths: row.retentionMonths,
    retentionPeriod: row.retentionPeriod,
    retentionBasis: row.retentionBasis,
    registration: row.registration as Registration,
    systemId: row.systemId,
    systemName: row.systemName,
    eArchive: row.eArchive,
    eArchiveWhen: row.eArchiveWhen,
    secret: row.secret,
    secrecyProvision: row.secrecyProvision,
    personalData: row.personalData,
    confidentiality: can.readLevels ? row.confidentiality : null,
    integrity: can.readLevels ? row.integrity : null,
    availability: can.readLevels ? row.availability : null,
    levelsHidden: !can.readLevels,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can,
  };
}

export function presentPlan(row: InformationPlanRow, reader: Actor): InformationPlan {
  return {
    id: row.id,
    processId: row.processId,
    status: row.status as PlanStatus,
    adoptedOn: row.adoptedOn,
    body: row.body,
    paragraph: row.paragraph,
    registrationNumber: row.registrationNumber,
    note: row.note,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: { update: registryPolicy.manage(reader) },
  };
}

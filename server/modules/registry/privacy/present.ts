import type {
  Article9Basis,
  LegalBasis,
  ProcessingActivity,
  ProcessorAgreementStatus,
  TransferSafeguard,
} from '../../../../shared/registry/privacy.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { registryPolicy } from '../policy.ts';
import type { ActivityWithSystems } from './service.ts';

// Rows → API shapes: each activity says what the reader may do with it (`can`), from the policy
// and the row alone (no query per row).

export function activityPermissions(actor: Actor, row: { archivedAt: Date | null }) {
  const active = row.archivedAt === null;
  const edit = registryPolicy.editProcessing(actor);
  return {
    update: edit && active,
    archive: edit && active,
    restore: edit && !active,
    readHistory: registryPolicy.readHistory(actor) || registryPolicy.editProcessing(actor),
  };
}

export function presentActivity(row: ActivityWithSystems, reader: Actor): ProcessingActivity {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    controllerId: row.controllerId,
    controllerContactId: row.controllerContactId,
    dpoId: row.dpoId,
    purposes: row.purposes,
    legalBasis: row.legalBasis as LegalBasis,
    legalBasisReference: row.legalBasisReference,
    dataSubjectCategories: row.dataSubjectCategories,
    personalDataCategories: row.personalDataCategories,
    sensitiveData: row.sensitiveData,
    sensitiveDataBasis: row.sensitiveDataBasis as Article9Basis | null,
    criminalData: row.criminalData,
    criminalDataBasis: row.criminalDataBasis,
    personalIdentityNumbers: row.personalIdentityNumbers,
    estimatedDataSubjects: row.estimatedDataSubjects,
    recipients: row.recipients,
    thirdCountryTransfer: row.thirdCountryTransfer,
    thirdCountries: row.thirdCountries,
    transferSafeguard: row.transferSafeguard as TransferSafeguard | null,
    transferSafeguardNote: row.transferSafeguardNote,
    retention: row.retention,
    securityMeasures: row.securityMeasures,
    dpiaRequired: row.dpiaRequired,
    dpiaDate: row.dpiaDate,
    dpiaResult: row.dpiaResult,
    automatedDecisions: row.automatedDecisions,
    automatedDecisionsDescription: row.automatedDecisionsDescription,
    systemIds: row.systemIds,
    processorId: row.processorId,
    processorAgreementStatus: row.processorAgreementStatus as ProcessorAgreementStatus | null,
    processorAgreementReference: row.processorAgreementReference,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: activityPermissions(reader, row),
  };
}

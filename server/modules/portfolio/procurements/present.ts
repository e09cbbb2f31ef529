import {
  contractableStatuses,
  nextStatuses,
  type Procedure,
  type Procurement,
  type ProcurementStatus,
} from '../../../../shared/portfolio/procurements.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { portfolioPolicy } from '../policy.ts';
import type { ProcurementView } from './service.ts';
import type { SettingsRow } from './settings.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`).

const ref = (id: string | null, name: string | null | undefined) => (id ? { id, name: name ?? '' } : null);

export function presentProcurement(row: ProcurementView, reader: Actor): Procurement {
  const active = row.archivedAt === null;
  const edit = portfolioPolicy.edit(reader);
  const contract = (id: string | null) => ref(id, id ? row.contractNames.get(id) : null);
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    procedure: row.procedure as Procedure,
    frameworkReference: row.frameworkReference,
    frameworkContract: contract(row.frameworkContractId),
    estimatedValue: row.estimatedValue,
    status: row.status as ProcurementStatus,
    nextStatuses: nextStatuses(row.status as ProcurementStatus, row.procedure as Procedure),
    plannedStartOn: row.plannedStartOn,
    advertisedOn: row.advertisedOn,
    tenderDeadlineOn: row.tenderDeadlineOn,
    awardedOn: row.awardedOn,
    contractStartsOn: row.contractStartsOn,
    responsible: ref(row.responsibleId, row.responsibleName),
    unit: ref(row.unitId, row.unitName),
    systems: row.systems,
    replacesContract: contract(row.replacesContractId),
    contract: contract(row.contractId),
    cancelReason: row.cancelReason,
    cancelledOn: row.cancelledOn,
    cancelCost: row.cancelCost,
    cancelHours: row.cancelHours,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: {
      update: edit && active,
      archive: edit && active,
      restore: edit && !active,
      createContract:
        active &&
        row.contractId === null &&
        contractableStatuses.includes(row.status as ProcurementStatus) &&
        portfolioPolicy.contractFromProcurement(reader),
    },
  };
}

export function presentSettings(row: SettingsRow, reader: Actor) {
  return {
    directLimit: row.directLimit,
    leadMonths: row.leadMonths,
    warnDays: row.warnDays,
    version: row.version,
    updatedAt: iso(row.updatedAt),
    can: { update: portfolioPolicy.edit(reader) },
  };
}

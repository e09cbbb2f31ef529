import type { Contract, Licence } from '../../../../shared/registry/contracts.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { registryPolicy } from '../policy.ts';
import type { LicenceView } from './licences.ts';
import type { ContractView } from './service.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`), from the policy alone.

function recordCan(reader: Actor, row: { archivedAt: Date | null }) {
  const active = row.archivedAt === null;
  const manage = registryPolicy.manage(reader);
  return { update: manage && active, archive: manage && active, restore: manage && !active };
}

export function presentContract(row: ContractView, reader: Actor): Contract {
  return {
    id: row.id,
    supplierId: row.supplierId,
    supplierName: row.supplierName,
    title: row.title,
    contractNumber: row.contractNumber,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    noticeMonths: row.noticeMonths,
    noticeDeadline: row.noticeDeadline,
    extensionCount: row.extensionCount,
    extensionMonths: row.extensionMonths,
    extendableUntil: row.extendableUntil,
    extensionTerms: row.extensionTerms,
    annualValue: row.annualValue,
    procurementReference: row.procurementReference,
    ownerId: row.ownerId,
    systemIds: row.systemIds,
    dpaStatus: row.dpaStatus as Contract['dpaStatus'],
    dpaSignedOn: row.dpaSignedOn,
    dpaReference: row.dpaReference,
    noticeReminderDays: row.noticeReminderDays,
    endReminderDays: row.endReminderDays,
    notes: row.notes,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: { ...recordCan(reader, row), readHistory: registryPolicy.readHistory(reader) },
  };
}

/** A licence's cost for a year: a monthly cost times twelve. */
export function annualCostOf(row: { cost: number | null; period: string | null }) {
  if (row.cost === null || !row.period) return null;
  return row.period === 'month' ? row.cost * 12 : row.cost;
}

export function presentLicence(row: LicenceView, reader: Actor): Licence {
  return {
    id: row.id,
    systemId: row.systemId,
    systemName: row.systemName,
    contractId: row.contractId,
    contractTitle: row.contractTitle,
    type: row.type as Licence['type'],
    count: row.count,
    used: row.used,
    cost: row.cost,
    period: row.period as Licence['period'],
    annualCost: annualCostOf(row),
    validFrom: row.validFrom,
    validTo: row.validTo,
    note: row.note,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: recordCan(reader, row),
  };
}

import type {
  CatalogueService,
  ClockStart,
  ServiceLevel,
  ServiceLevelKind,
} from '../../../../shared/desk/services.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { deskPolicy } from '../policy.ts';
import type { ServiceLevelView, ServiceView } from './service.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`).

export function presentLevel(row: ServiceLevelView, reader: Actor): ServiceLevel {
  const active = row.archivedAt === null;
  const configure = deskPolicy.configure(reader);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind as ServiceLevelKind,
    calendarId: row.calendarId,
    calendarName: row.calendarName,
    clockStart: row.clockStart as ClockStart,
    warningPercent: row.warningPercent,
    targets: row.targets,
    escalation: row.escalation,
    contractId: row.contractId,
    contractTitle: row.contractTitle,
    supplierId: row.supplierId,
    supplierName: row.supplierName,
    isDefault: row.isDefault,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: { update: configure && active, archive: configure && active, restore: configure && !active },
  };
}

export function presentService(row: ServiceView, reader: Actor): CatalogueService {
  const active = row.archivedAt === null;
  const configure = deskPolicy.configure(reader);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    groupId: row.groupId,
    groupName: row.groupName,
    serviceLevelId: row.serviceLevelId,
    serviceLevelName: row.serviceLevelName,
    systemId: row.systemId,
    systemName: row.systemName,
    orderable: row.orderable,
    orderForm: row.orderForm,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: {
      update: configure && active,
      archive: configure && active,
      restore: configure && !active,
      order: active && row.orderable && deskPolicy.request(reader),
    },
  };
}

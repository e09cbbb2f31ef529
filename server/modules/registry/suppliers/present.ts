import type { Supplier } from '../../../../shared/registry/contracts.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { registryPolicy } from '../policy.ts';
import type { SupplierRow } from './service.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`).

export function presentSupplier(row: SupplierRow, reader: Actor): Supplier {
  const active = row.archivedAt === null;
  const manage = registryPolicy.manage(reader);
  return {
    id: row.id,
    name: row.name,
    orgNumber: row.orgNumber,
    address: row.address,
    phone: row.phone,
    email: row.email,
    website: row.website,
    contactPerson: row.contactPerson,
    notes: row.notes,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: {
      update: manage && active,
      archive: manage && active,
      restore: manage && !active,
      readHistory: registryPolicy.readHistory(reader),
    },
  };
}

import type {
  Allocation,
  AllocationKey,
  AllocationSpread,
} from '../../../../shared/catalogue/allocations.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { cataloguePolicy } from '../policy.ts';
import type { AllocationView } from './service.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`).

export function presentAllocation(row: AllocationView, reader: Actor): Allocation {
  const keeps = cataloguePolicy.manage(reader);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    amount: row.amount,
    offering: row.offering,
    account: row.account,
    key: row.key as AllocationKey,
    spread: row.spread as AllocationSpread,
    units: row.units,
    shares: row.shares,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: {
      update: keeps && row.archivedAt === null,
      archive: keeps && row.archivedAt === null,
      restore: keeps && row.archivedAt !== null,
    },
  };
}

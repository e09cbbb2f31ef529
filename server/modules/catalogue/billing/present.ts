import type { BillingMode, BillingSwitch } from '../../../../shared/catalogue/billing.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { cataloguePolicy } from '../policy.ts';
import type { SwitchView } from './service.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`).

export function presentSwitch(row: SwitchView, reader: Actor): BillingSwitch {
  return {
    id: row.id,
    unitId: row.unitId,
    mode: row.mode as BillingMode,
    fromOn: row.fromOn,
    note: row.note,
    createdBy: row.createdByName,
    createdAt: iso(row.createdAt),
    archivedAt: iso(row.archivedAt),
    version: row.version,
    can: { archive: cataloguePolicy.manage(reader) && row.archivedAt === null },
  };
}

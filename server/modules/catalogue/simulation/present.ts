import type { Volume } from '../../../../shared/catalogue/simulation.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { cataloguePolicy } from '../policy.ts';
import type { VolumeView } from './service.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`).

export function presentVolume(row: VolumeView, reader: Actor): Volume {
  return {
    id: row.id,
    offering: { id: row.offeringId, name: row.offeringName },
    unit: { id: row.unitId, name: row.unitName },
    year: row.year,
    quantity: row.quantity,
    version: row.version,
    updatedAt: iso(row.updatedAt),
    can: { update: cataloguePolicy.manage(reader) },
  };
}

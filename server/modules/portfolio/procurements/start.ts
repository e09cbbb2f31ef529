import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import type { StartItem } from '../../../platform/seam.ts';
import { portfolioPolicy } from '../policy.ts';
import { reprocurementsDue } from './plan.ts';

// The start page tells a contract's owner (registry) when its re-procurement should start: the
// latest start is within the tenant's warning days or has passed, and no procurement replacing it
// is under way. The registry's own reminders (registry/contracts/reminders.ts) tell the same owner
// of the notice deadline and the end; this is the one thing they do not say.

export const REPROCUREMENT_STARTS = 'reprocurementStarts';

export async function reprocurementStarts(db: Database, actor: Actor): Promise<StartItem[]> {
  if (!portfolioPolicy.read(actor)) return [];
  const lines = await reprocurementsDue(db, actor);
  return lines.slice(0, 20).map((l) => ({
    section: REPROCUREMENT_STARTS,
    id: l.contract.id,
    title: l.contract.name,
    detail: l.supplierName,
    href: '/portfolio/procurements/plan',
    due: l.latestStartOn,
  }));
}

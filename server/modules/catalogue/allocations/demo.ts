import type { Database } from '../../../db/client.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { createAllocation } from './service.ts';

// Styrby kommun's shared IT cost: the common infrastructure (network, servers, licences of the
// whole municipality), 250 000 kr a month spread by users over the units in billing mode, booked
// on the IT services account. Loaded before the runs' demo computes its months, so that each
// month's run carries its allocation lines.

export async function loadAllocationsDemo(db: Database, tenant: DemoContext) {
  if (tenant.slug !== 'styrby') return;
  await createAllocation(db, tenant.actor, {
    name: 'Gemensam IT-infrastruktur',
    description: 'Nätverk, servrar, lagring och kommungemensamma licenser, fördelat efter antal användare',
    amount: 25_000_000,
    offeringId: null,
    account: '6540',
    key: 'users',
    spread: 'all',
    unitIds: [],
    shares: [],
  });
}

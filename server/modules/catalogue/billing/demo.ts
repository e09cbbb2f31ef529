import type { Database } from '../../../db/client.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { createSwitch } from './service.ts';

// Seed 002: the catalogue serves quality steering, and a förvaltning moves to billing by used
// volume at a date. In the demo the socialförvaltning is billed since the 1st of January this
// year, and the barn- och utbildningsförvaltning switches on the 1st of January next year.

export async function loadBillingDemo(db: Database, tenant: DemoContext) {
  if (tenant.slug !== 'styrby') return;
  const year = Number(todayInStockholm().slice(0, 4));
  await createSwitch(db, tenant.actor, {
    unitId: tenant.unitId('soc'),
    mode: 'billing',
    fromOn: `${year}-01-01`,
    note: 'Beslut i Finansieringsgruppen: debitering efter använd volym',
  });
  await createSwitch(db, tenant.actor, {
    unitId: tenant.unitId('buf'),
    mode: 'billing',
    fromOn: `${year + 1}-01-01`,
    note: 'Planerad övergång till debitering',
  });
}

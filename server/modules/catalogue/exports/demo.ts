import { presetLayouts } from '../../../../shared/catalogue/exports.ts';
import type { Database } from '../../../db/client.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { updateExportSettings } from './settings.ts';

// Styrby kommun's export settings: vouchers in series IT, the IT unit's internal sales on account
// 3510 on its cost centre, rented equipment on 6550 (datorer och kringutrustning), the Raindance layout.

export async function loadExportsDemo(db: Database, tenant: DemoContext) {
  if (tenant.slug !== 'styrby') return;
  await updateExportSettings(db, tenant.actor, {
    series: 'IT',
    incomeAccount: '3510',
    itUnitId: tenant.unitId('it'),
    defaultAccount: '6550',
    layout: presetLayouts.raindance,
    version: 0,
  });
}

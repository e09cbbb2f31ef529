import type { Database } from '../../../db/client.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { putUnitBudgets, updateFigureSettings } from './service.ts';

// The demo's cost figures: Styrby kommun's IT budgets of this year per förvaltning (the
// socialförvaltning, billed since January, against its chargeback), and both municipalities share
// their totals, so that the comparison shows two side by side.

const budgets: Record<string, Record<string, number>> = {
  styrby: { soc: 6_000_000, buf: 18_000_000, klk: 2_500_000, sbf: 3_000_000, voo: 7_500_000 },
  grannby: { soc: 2_000_000, utb: 5_000_000, ksf: 1_000_000 },
};

export async function loadFiguresDemo(db: Database, tenant: DemoContext) {
  const plan = budgets[tenant.slug];
  if (!plan) return;
  const year = Number(todayInStockholm().slice(0, 4));
  await putUnitBudgets(db, tenant.actor, year, {
    items: Object.entries(plan).map(([key, kronor]) => ({
      unitId: tenant.unitId(key),
      amount: kronor * 100,
    })),
  });
  await updateFigureSettings(db, tenant.actor, { shareFigures: true, version: 0 });
}

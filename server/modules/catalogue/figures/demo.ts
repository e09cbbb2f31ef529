import { and, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { people } from '../../../platform/directory/schema.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { createService as createDeskService } from '../../desk/services/service.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { createAsset, issueAsset } from '../assets/service.ts';
import { createSwitch } from '../billing/service.ts';
import { createFamily, createFamilyService, createOffering, createRateCard } from '../offerings/service.ts';
import { computeRun, lockRun } from '../runs/service.ts';
import { putUnitBudgets, updateFigureSettings } from './service.ts';

// The demo's cost figures: the IT budgets of this year per förvaltning in both municipalities,
// and both share their totals, so that the comparison shows two side by side. Styrby's outcome is
// the chargeback of the catalogue's demo; Grannby, whose catalogue is otherwise empty, rents a
// computer as a service to each of its employees from the 1st of January, billed every month, so
// that its figures are not zeroes: the months before this one locked, this one a preview.

const budgets: Record<string, Record<string, number>> = {
  styrby: { soc: 6_000_000, buf: 18_000_000, klk: 2_500_000, sbf: 3_000_000, voo: 7_500_000 },
  grannby: { soc: 40_000, utb: 60_000, ksf: 30_000 },
};

async function grannbyChargeback(db: Database, tenant: DemoContext, year: number) {
  const actor = tenant.actor;
  const desk = await createDeskService(db, actor, {
    name: 'Dator som tjänst',
    description: 'En bärbar dator med support och byte vart fjärde år.',
    orderable: false,
  });
  const family = await createFamily(db, actor, { name: 'Arbetsplats' });
  const service = await createFamilyService(db, actor, { deskServiceId: desk.id, familyId: family.id });
  const offering = await createOffering(db, actor, {
    serviceId: service.id,
    name: 'Dator som tjänst – bärbar dator',
    priceModel: 'fixedMonthly',
    approval: 'none',
  });
  await createRateCard(db, actor, {
    offeringId: offering.id,
    startsOn: `${year}-01-01`,
    periodKind: 'year',
    internalPrice: 39_500,
  });
  const staff = await db
    .select({ unitId: people.unitId })
    .from(people)
    .where(and(eq(people.tenantId, tenant.id), eq(people.active, true), isNotNull(people.unitId)));
  for (const unitId of new Set(staff.map((p) => p.unitId!)))
    await createSwitch(db, actor, { unitId, mode: 'billing', fromOn: `${year}-01-01`, note: null });
  for (const [i, p] of staff.entries()) {
    const asset = await createAsset(db, actor, {
      serial: `GB-${String(i + 1).padStart(4, '0')}`,
      model: 'Bärbar standarddator 14"',
      kind: 'computer',
      offeringId: offering.id,
      purchaseValue: 1_150_000,
      purchasedOn: `${year - 1}-12-15`,
      depreciationMonths: 48,
    });
    await issueAsset(db, actor, asset.id, { version: asset.version, unitId: p.unitId!, on: `${year}-01-01` });
  }
  const thisMonth = Number(todayInStockholm().slice(5, 7));
  for (let month = 1; month <= thisMonth; month++) {
    const run = await computeRun(db, actor, `${year}-${String(month).padStart(2, '0')}`);
    if (month < thisMonth) await lockRun(db, actor, run.id, run.version);
  }
}

export async function loadFiguresDemo(db: Database, tenant: DemoContext) {
  const plan = budgets[tenant.slug];
  if (!plan) return;
  const year = Number(todayInStockholm().slice(0, 4));
  if (tenant.slug === 'grannby') await grannbyChargeback(db, tenant, year);
  await putUnitBudgets(db, tenant.actor, year, {
    items: Object.entries(plan).map(([key, kronor]) => ({
      unitId: tenant.unitId(key),
      amount: kronor * 100,
    })),
  });
  await updateFigureSettings(db, tenant.actor, { shareFigures: true, version: 0 });
}

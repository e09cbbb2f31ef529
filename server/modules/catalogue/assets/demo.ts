import { format, subMonths } from 'date-fns';
import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { people, units } from '../../../platform/directory/schema.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { createAsset, issueAsset, putBudget, returnAsset, scrapAsset } from './service.ts';

// Seed 003's hyressystem in Styrby kommun, through the services (validated, audited): the IT unit
// owns the computers, screens and printers and rents them to the units at the rate of the
// catalogue's "dator som tjänst", financed by its investment budget. Every employee has a rental
// computer, every third a screen, every unit with people a printer; purchases are spread over the
// last four years and written off over 48 months, so some are due for replacement now. A few
// wait in stock, one came back and one was scrapped. A budget for this year and next.

const MONTHS = 48;

const day = (date: Date) => format(date, 'yyyy-MM-dd');

export async function loadAssetsDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const offeringId = made.get('offering:laptop');
  if (!offeringId) throw new Error('Assets demo: no "dator som tjänst" offering');
  const actor = tenant.actor;
  const today = todayInStockholm();
  const now = new Date(`${today}T12:00:00`);
  const year = now.getFullYear();
  const staff = await db
    .select({ id: people.id, unitId: people.unitId })
    .from(people)
    .innerJoin(units, and(eq(units.tenantId, people.tenantId), eq(units.id, people.unitId)))
    .where(
      and(
        eq(people.tenantId, tenant.id),
        eq(people.active, true),
        isNull(people.archivedAt),
        ne(units.kind, 'partner'),
      ),
    )
    .orderBy(asc(people.familyName), asc(people.givenName));

  let n = 0;
  // A purchase date in the last four years, spread evenly, the same for the same n on every load.
  // From a month to four years back: the oldest are written off now or within the quarter, so the
  // list's replacement filter and the keepers' reminders have something to show.
  const bought = (i: number) => day(subMonths(now, 1 + ((i * 7) % 48)));
  const add = async (kind: 'computer' | 'screen' | 'printer', model: string, value: number) => {
    n++;
    const prefix = { computer: 'PC', screen: 'SK', printer: 'PR' }[kind];
    return createAsset(db, actor, {
      serial: `${prefix}-${String(10_000 + n)}`,
      model,
      kind,
      // A screen and a printer are rented at their own offerings' rent, when the demo has them.
      offeringId: made.get(`offering:${kind === 'computer' ? 'laptop' : kind}`) ?? offeringId,
      purchaseValue: value,
      purchasedOn: bought(n),
      depreciationMonths: MONTHS,
      note: null,
    });
  };
  const issue = async (a: { id: string; purchasedOn: string }, unitId: string, personId: string | null) =>
    issueAsset(db, actor, a.id, { version: 1, unitId, personId, on: a.purchasedOn });

  const unitsWithPeople = new Set<string>();
  for (const [i, p] of staff.entries()) {
    unitsWithPeople.add(p.unitId!);
    const pc = await add('computer', i % 2 ? 'Lenovo ThinkPad T14 Gen 4' : 'HP EliteBook 840 G10', 12_500_00);
    await issue(pc, p.unitId!, p.id);
    if (i % 3 === 0) {
      const screen = await add('screen', 'Dell P2723DE 27"', 3_200_00);
      await issue(screen, p.unitId!, p.id);
    }
  }
  for (const unitId of unitsWithPeople) {
    const printer = await add('printer', 'HP Color LaserJet Pro 4302', 6_800_00);
    await issue(printer, unitId, null);
  }
  // In stock: bought this autumn for new employees.
  for (let i = 0; i < 3; i++) await add('computer', 'Lenovo ThinkPad T14 Gen 5', 13_200_00);
  // One came back when its holder left, one was broken and scrapped after its return.
  const first = staff[0];
  if (first) {
    const back = await add('computer', 'HP EliteBook 840 G8', 11_900_00);
    await issue(back, first.unitId!, first.id);
    const returnedOn = day(subMonths(now, 1));
    await returnAsset(db, actor, back.id, {
      version: 2,
      on: returnedOn > back.purchasedOn ? returnedOn : back.purchasedOn,
    });
    const broken = await add('screen', 'Dell P2422H 24"', 2_400_00);
    await scrapAsset(db, actor, broken.id, {
      version: 1,
      on: today,
      reason: 'Trasig panel, ej lönsam att laga',
    });
  }
  await putBudget(db, actor, year, { amount: 1_800_000_00, note: 'Investeringsbudget IT-enheten, KF' });
  await putBudget(db, actor, year + 1, { amount: 1_950_000_00, note: 'Förslag i budgetberedningen' });
}

import { and, eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../../../platform/directory/schema.ts';
import * as directory from '../../../platform/directory/service.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  seedTenant,
  signIn,
  type TestContext,
  type TestTenant,
} from '../../../testing.ts';
import { createService as createDeskService } from '../../desk/services/service.ts';
import * as catalogue from '../offerings/service.ts';
import * as orders from '../orders/service.ts';
import { runLines, runs } from '../runs/schema.ts';
import { unitBudgets } from './schema.ts';
import { figureIndicatorSources } from './service.ts';

// The cost figures (issue 16 point 6): the IT cost per unit, per employee and per IT-arbetsplats
// of a year by the stated definitions, rolled up the unit tree, against the units' budgets; the
// trend; the XLSX; and the comparison between tenants that share their figures, which shows
// totals only. The cost comes from a real chargeback run: consumption of pages and rented
// equipment in 2025, two months locked and one a preview.

let t: TestContext;
let c: TestTenant;
let admin: Session;
let employee: Session;
let reader: Session;
let bAdmin: Session;
let dept: string;
let school: string;
let klass: string;
let other: string;

const YEAR = 2025;
const send = (who: Session, url: string, payload: unknown, method: 'POST' | 'PUT' = 'POST') =>
  t.app.inject({ method, url, headers: who.headers(), payload: payload as object });
const get = (url: string, who = admin) => t.app.inject({ url, headers: who.headers() });
const ok = <T extends { statusCode: number; body: string }>(r: T, code = 200) => {
  expect(r.statusCode, r.body).toBe(code);
  return r;
};
const paths = (r: { json(): { errors?: { path: string }[] } }) => (r.json().errors ?? []).map((e) => e.path);

/** The lines of tenant A's locked runs of the year, summed per unit here rather than by the service. */
async function lockedSums(): Promise<Map<string, number>> {
  const rows = await t.db
    .select({ unitId: runLines.unitId, amount: runLines.amount })
    .from(runLines)
    .innerJoin(runs, and(eq(runs.tenantId, runLines.tenantId), eq(runs.id, runLines.runId)))
    .where(and(eq(runLines.tenantId, t.a.id), eq(runs.state, 'locked')));
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(r.unitId, (sums.get(r.unitId) ?? 0) + r.amount);
  return sums;
}

async function person(unitId: string, email: string) {
  return directory.createPerson(t.db, t.a.actor, { givenName: 'P', familyName: email, email, unitId });
}

beforeAll(async () => {
  t = await createTestContext();
  c = await seedTenant(t.db, 'c');
  const actor = t.a.actor;
  dept = t.a.unitId;
  school = (
    await directory.createUnit(t.db, actor, {
      name: 'Björkskolan',
      kind: 'office',
      parentId: dept,
      costCentre: '4210',
    })
  ).id;
  klass = (
    await directory.createUnit(t.db, actor, {
      name: 'Klass 3B',
      kind: 'subunit',
      parentId: school,
      costCentre: '4211',
    })
  ).id;
  other = (
    await directory.createUnit(t.db, actor, { name: 'Miljökontoret', kind: 'office', costCentre: '3500' })
  ).id;
  await seedPerson(t.db, t.a, 'employee@a.example', ['employee']);
  await seedPerson(t.db, t.a, 'reader@a.example', ['reader']);
  await person(school, 's1@a.example');
  await person(school, 's2@a.example');
  await person(klass, 'k1@a.example');
  const gone = await person(klass, 'k2@a.example');
  await person(other, 'o1@a.example');
  // An external partner's staff are no employees of the municipality.
  const partner = await directory.createUnit(t.db, actor, { name: 'Konsult AB', kind: 'partner' });
  await person(partner.id, 'konsult@a.example');
  // The directory keeps no history of when a person came: the test's people were all there from
  // the start of 2025, and one left in June (archived then), so is no employee at the year's end.
  await t.db.execute(sql`update people set created_at = '2025-01-01T00:00:00Z'`);
  await t.db
    .update(people)
    .set({ archivedAt: new Date('2025-06-01T10:00:00Z') })
    .where(eq(people.id, gone.id));
  admin = await signIn(t.app, t.a.adminEmail);
  employee = await signIn(t.app, 'employee@a.example');
  reader = await signIn(t.app, 'reader@a.example');
  bAdmin = await signIn(t.app, t.b.adminEmail);

  for (const unitId of [school, klass, other])
    await orders.createKonteringCode(t.db, actor, {
      unitId,
      dimension: 'account',
      code: '6540',
      name: 'IT-tjänster',
    });
  const desk = await createDeskService(t.db, actor, { name: 'Utskrift', description: null, orderable: true });
  const family = await catalogue.createFamily(t.db, actor, { name: 'Arbetsplats' });
  const service = await catalogue.createFamilyService(t.db, actor, {
    deskServiceId: desk.id,
    familyId: family.id,
  });
  const pages = (
    await catalogue.createOffering(t.db, actor, {
      serviceId: service.id,
      name: 'Utskrift per sida',
      priceModel: 'perUnitMonthly',
      priceUnit: 'page',
      approval: 'none',
    })
  ).id;
  const laptop = (
    await catalogue.createOffering(t.db, actor, {
      serviceId: service.id,
      name: 'Bärbar dator',
      priceModel: 'fixedMonthly',
      approval: 'none',
    })
  ).id;
  for (const [offeringId, internalPrice] of [
    [pages, 50],
    [laptop, 45_000],
  ] as const)
    ok(
      await send(admin, '/api/v1/catalogue/rate-cards', {
        offeringId,
        startsOn: '2025-01-01',
        periodKind: 'year',
        internalPrice,
      }),
      201,
    );
  for (const unitId of [school, klass, other])
    ok(
      await send(admin, '/api/v1/catalogue/billing-switches', {
        unitId,
        mode: 'billing',
        fromOn: '2025-01-01',
      }),
      201,
    );
  const consumption: [string, [string, number][]][] = [
    [
      '2025-10',
      [
        [school, 1000],
        [klass, 200],
        [other, 300],
      ],
    ],
    ['2025-11', [[school, 500]]],
    ['2025-12', [[school, 9999]]],
  ];
  for (const [period, rows] of consumption)
    ok(
      await send(admin, '/api/v1/catalogue/consumption', {
        period,
        offeringId: pages,
        rows: rows.map(([unitId, quantity]) => ({ unitId, quantity, account: '6540' })),
      }),
    );
  // Two computers (IT-arbetsplatser): one in the class all along, one in the environment office
  // returned in November; and a screen in the school, which is no workplace.
  const assets: [string, string, string, string | null][] = [
    ['PC-1', 'computer', klass, null],
    ['PC-2', 'computer', other, '2025-11-15'],
    ['SK-1', 'screen', school, null],
  ];
  for (const [serial, kind, unitId, returned] of assets) {
    const asset = json(
      ok(
        await send(admin, '/api/v1/catalogue/assets', {
          serial,
          model: 'Modell',
          kind,
          offeringId: laptop,
          purchaseValue: 1_200_000,
          purchasedOn: '2025-01-15',
          depreciationMonths: 48,
        }),
        201,
      ),
    );
    ok(
      await send(admin, `/api/v1/catalogue/assets/${asset.id}/issue`, {
        version: 1,
        unitId,
        on: '2025-09-01',
      }),
    );
    if (returned)
      ok(await send(admin, `/api/v1/catalogue/assets/${asset.id}/return`, { version: 2, on: returned }));
  }
  for (const period of ['2025-10', '2025-11', '2025-12']) {
    const run = json(ok(await send(admin, '/api/v1/catalogue/runs', { period })));
    if (period !== '2025-12')
      ok(await send(admin, `/api/v1/catalogue/runs/${run.id}/lock`, { version: run.version }));
  }
});
afterAll(() => t.close());

describe('the figures of a year', () => {
  it('sums the locked months per unit and rolls them up the tree, by the stated definitions', async () => {
    const f = json(ok(await get(`/api/v1/catalogue/figures?year=${YEAR}`)));
    expect(f.lockedMonths).toEqual(['2025-10', '2025-11']);
    expect(f.periodEnd).toBe('2025-12-31');
    expect(f.preview.period).toBe('2025-12');
    expect(f.preview.total).toBeGreaterThan(9999 * 50 - 1);
    expect(f.definitions.cost.sv).toMatch(/låsta månader/);
    expect(f.definitions.workplaces.en).toMatch(/computer/);

    const sums = await lockedSums();
    const byId = new Map(f.units.map((u: { unit: { id: string } }) => [u.unit.id, u]));
    const at = (id: string) => byId.get(id) as Record<string, any>;
    // Each unit is charged its pages and its asset's rent of October and November (the computer
    // returned in November pays the month); the preview's 9999 pages are not counted.
    expect(sums.get(school)).toBe(1500 * 50 + 2 * 45_000);
    expect(sums.get(klass)).toBe(200 * 50 + 2 * 45_000);
    expect(sums.get(other)).toBe(300 * 50 + 2 * 45_000);
    for (const id of [school, klass, other]) expect(at(id).own.cost).toBe(sums.get(id));
    expect(at(klass).cost).toBe(sums.get(klass));
    expect(at(school).cost).toBe(sums.get(school)! + sums.get(klass)!);
    expect(at(dept).own.cost).toBe(0);
    expect(at(dept).cost).toBe(sums.get(school)! + sums.get(klass)!);
    const total = [...sums.values()].reduce((a, b) => a + b, 0);
    expect(f.total.cost).toBe(total);

    // Employees at the year's end: the one who left in June is not counted.
    expect(at(klass).own.employees).toBe(1);
    expect(at(school).own.employees).toBe(2);
    expect(at(school).employees).toBe(3);
    expect(at(dept).own.employees).toBe(3); // the admin, the employee and the reader
    expect(at(dept).employees).toBe(6);
    expect(at(other).employees).toBe(1);
    expect(f.total.employees).toBe(7);
    expect(f.units.find((u: { unit: { name: string } }) => u.unit.name === 'Konsult AB').employees).toBe(0);
    // IT workplaces: the class's computer; the returned one and the screen do not count.
    expect(at(klass).workplaces).toBe(1);
    expect(at(school).own.workplaces).toBe(0);
    expect(at(dept).workplaces).toBe(1);
    expect(at(other).workplaces).toBe(0);
    expect(f.total.workplaces).toBe(1);
    // Per employee and per workplace: cost / count, none for no count.
    expect(at(school).perEmployee).toBe(Math.round(at(school).cost / 3));
    expect(at(dept).perWorkplace).toBe(at(dept).cost);
    expect(at(other).perWorkplace).toBeNull();
    expect(f.total.perEmployee).toBe(Math.round(total / 7));
    // The tree's order: a unit before its sub-units.
    const order = f.units.map((u: { unit: { id: string } }) => u.unit.id);
    expect(order.indexOf(dept)).toBeLessThan(order.indexOf(school));
    expect(order.indexOf(school)).toBeLessThan(order.indexOf(klass));
    expect(at(klass).depth).toBe(2);
    expect(f.total.budget).toBeNull();
  });

  it('sets budgets per unit, versioned and audited, and sets them against the outcome', async () => {
    const first = json(
      ok(
        await send(
          admin,
          `/api/v1/catalogue/unit-budgets/${YEAR}`,
          {
            items: [
              { unitId: school, amount: 100_000 },
              { unitId: klass, amount: 50_000 },
            ],
          },
          'PUT',
        ),
      ),
    );
    expect(first.items.map((i: { unitName: string }) => i.unitName)).toEqual(['Björkskolan', 'Klass 3B']);
    const schoolBudget = first.items.find((i: { unitId: string }) => i.unitId === school);
    // Without the version read, and with a stale one: 409, nothing changed.
    const missing = await send(
      admin,
      `/api/v1/catalogue/unit-budgets/${YEAR}`,
      { items: [{ unitId: school, amount: 1 }] },
      'PUT',
    );
    expect(missing.statusCode, missing.body).toBe(409);
    const stale = await send(
      admin,
      `/api/v1/catalogue/unit-budgets/${YEAR}`,
      { items: [{ unitId: school, amount: 1, version: 7 }] },
      'PUT',
    );
    expect(stale.statusCode, stale.body).toBe(409);
    ok(
      await send(
        admin,
        `/api/v1/catalogue/unit-budgets/${YEAR}`,
        { items: [{ unitId: school, amount: 120_000, version: schoolBudget.version }] },
        'PUT',
      ),
    );
    const audit = json(ok(await get('/api/v1/audit?entity=catalogueUnitBudget')));
    expect(audit.items.length).toBeGreaterThanOrEqual(3);

    const f = json(ok(await get(`/api/v1/catalogue/figures?year=${YEAR}`)));
    const at = (id: string) => f.units.find((u: { unit: { id: string } }) => u.unit.id === id);
    expect(at(school).ownBudget).toBe(120_000);
    expect(at(school).budget).toBe(170_000);
    expect(at(school).deviation).toBe(170_000 - at(school).cost);
    expect(at(klass).budget).toBe(50_000);
    expect(at(dept).ownBudget).toBeNull();
    expect(at(dept).budget).toBe(170_000);
    expect(at(other).budget).toBeNull();
    expect(at(other).deviation).toBeNull();
    expect(f.total.budget).toBe(170_000);
    expect(f.total.deviation).toBe(170_000 - f.total.cost);
  });

  it('gives the trend per year by the same definitions', async () => {
    const trend = json(ok(await get('/api/v1/catalogue/figures/trend?years=20')));
    expect(trend.items).toHaveLength(20);
    const f = json(ok(await get(`/api/v1/catalogue/figures?year=${YEAR}`)));
    const y = trend.items.find((i: { year: number }) => i.year === YEAR);
    expect(y).toMatchObject({
      lockedMonths: 2,
      cost: f.total.cost,
      employees: f.total.employees,
      workplaces: f.total.workplaces,
      perEmployee: f.total.perEmployee,
      perWorkplace: f.total.perWorkplace,
      budget: 170_000,
    });
    const before = trend.items.find((i: { year: number }) => i.year === YEAR - 1);
    expect(before).toMatchObject({ cost: 0, lockedMonths: 0, employees: 0, workplaces: 0, budget: null });
  });

  it('exports the figures as XLSX whose cells are the figures', async () => {
    const response = ok(await get(`/api/v1/catalogue/figures/export?year=${YEAR}`));
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(`nyckeltal-${YEAR}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const f = json(ok(await get(`/api/v1/catalogue/figures?year=${YEAR}`)));
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe('Enhet');
    const rowOf = (name: string) => {
      let found: unknown[] | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === name) found = (row.values as unknown[]).slice(1);
      });
      return found!;
    };
    const school_ = f.units.find((u: { unit: { id: string } }) => u.unit.id === school);
    expect(rowOf('Björkskolan')).toEqual([
      'Björkskolan',
      'Förvaltning a',
      '4210',
      school_.cost / 100,
      3,
      1,
      school_.perEmployee / 100,
      school_.perWorkplace / 100,
      1700,
      school_.deviation / 100,
    ]);
    const total = rowOf('Totalt');
    expect(total[3]).toBe(f.total.cost / 100);
    expect(total[4]).toBe(7);
    expect(rowOf('IT-kostnad')[1]).toMatch(/låsta månader/);
  });
});

describe('the figures a goal of the IT strategy may follow', () => {
  it('gives the cost per employee and per workplace in kronor, none for a year to come', async () => {
    const f = json(ok(await get(`/api/v1/catalogue/figures?year=${YEAR}`)));
    const [perEmployee, perWorkplace] = figureIndicatorSources;
    expect(await perEmployee!.compute(t.db, t.a.id, YEAR)).toBe(Math.round(f.total.perEmployee / 100));
    expect(await perWorkplace!.compute(t.db, t.a.id, YEAR)).toBe(Math.round(f.total.perWorkplace / 100));
    expect(await perEmployee!.compute(t.db, t.a.id, 2100)).toBeNull();
    const sources = json(ok(await get('/api/v1/goals/sources')));
    expect(sources.items.map((x: { key: string }) => x.key)).toContain('catalogue.itCostPerEmployee');
  });
});

describe('the comparison between tenants', () => {
  it('lists only tenants that share, and only to one that shares', async () => {
    // A does not share yet: it sees itself only.
    const alone = json(ok(await get(`/api/v1/catalogue/figures/comparison?year=${YEAR}`)));
    expect(alone.shared).toBe(false);
    expect(alone.tenants.map((x: { name: string }) => x.name)).toEqual(['Test a']);

    const settings = json(ok(await get('/api/v1/catalogue/figure-settings')));
    expect(settings).toMatchObject({ shareFigures: false, version: 0, can: { update: true } });
    ok(await send(admin, '/api/v1/catalogue/figure-settings', { shareFigures: true, version: 0 }, 'PUT'));
    ok(await send(bAdmin, '/api/v1/catalogue/figure-settings', { shareFigures: true, version: 0 }, 'PUT'));
    // C shares nothing: it is never listed.
    const cmp = ok(await get(`/api/v1/catalogue/figures/comparison?year=${YEAR}`));
    const body = json(cmp);
    expect(body.shared).toBe(true);
    expect(body.tenants.map((x: { name: string; own: boolean }) => [x.name, x.own])).toEqual([
      ['Test a', true],
      ['Test b', false],
    ]);
    const f = json(ok(await get(`/api/v1/catalogue/figures?year=${YEAR}`)));
    expect(body.tenants[0]).toMatchObject({
      cost: f.total.cost,
      employees: f.total.employees,
      workplaces: f.total.workplaces,
      perEmployee: f.total.perEmployee,
      lockedMonths: 2,
    });
    // B as seen from A: totals and name, nothing of its units.
    expect(Object.keys(body.tenants[1]).sort()).toEqual(
      [
        'cost',
        'employees',
        'lockedMonths',
        'name',
        'own',
        'perEmployee',
        'perWorkplace',
        'workplaces',
      ].sort(),
    );
    for (const s of [t.b.unitId, t.b.id, 'Förvaltning b', c.id, 'Test c']) expect(cmp.body).not.toContain(s);
    // A as seen from B: none of A's units, their names or ids.
    const fromB = ok(await get(`/api/v1/catalogue/figures/comparison?year=${YEAR}`, bAdmin));
    expect(json(fromB).tenants.map((x: { name: string }) => x.name)).toEqual(['Test a', 'Test b']);
    for (const s of [
      school,
      klass,
      dept,
      t.a.id,
      'Björkskolan',
      'Klass 3B',
      'Miljökontoret',
      'Förvaltning a',
    ])
      expect(fromB.body).not.toContain(s);
    // A stops sharing: B no longer sees it.
    ok(await send(admin, '/api/v1/catalogue/figure-settings', { shareFigures: false, version: 1 }, 'PUT'));
    const after = json(ok(await get(`/api/v1/catalogue/figures/comparison?year=${YEAR}`, bAdmin)));
    expect(after.tenants.map((x: { name: string }) => x.name)).toEqual(['Test b']);
  });

  it("never shows another tenant's units, budgets or figures through the tenant's own routes", async () => {
    const f = ok(await get(`/api/v1/catalogue/figures?year=${YEAR}`, bAdmin));
    for (const s of [school, klass, other, 'Björkskolan', 'Miljökontoret']) expect(f.body).not.toContain(s);
    expect(json(f).total.cost).toBe(0);
    const budgets = json(ok(await get(`/api/v1/catalogue/unit-budgets/${YEAR}`, bAdmin)));
    expect(budgets.items).toEqual([]);
    const file = ok(await get(`/api/v1/catalogue/figures/export?year=${YEAR}`, bAdmin));
    expect(file.rawPayload.includes(Buffer.from('Björkskolan'))).toBe(false);
    // A budget for A's unit, sent by B: refused naming the unit, nothing written.
    const foreign = await send(
      bAdmin,
      `/api/v1/catalogue/unit-budgets/${YEAR}`,
      { items: [{ unitId: school, amount: 5 }] },
      'PUT',
    );
    expect(foreign.statusCode, foreign.body).toBe(400);
    expect(paths(foreign)).toEqual(['body.items.0.unitId']);
    const rows = await t.db.select().from(unitBudgets).where(eq(unitBudgets.tenantId, t.b.id));
    expect(rows).toEqual([]);
  });
});

describe('who may and bad input', () => {
  it('lets staff read and only the keepers write', async () => {
    // The portal's employees see no figures; staff do (the totals per unit are public record).
    expect((await get(`/api/v1/catalogue/figures?year=${YEAR}`, employee)).statusCode).toBe(403);
    ok(await get(`/api/v1/catalogue/figures/comparison?year=${YEAR}`, reader));
    const put = await send(
      employee,
      `/api/v1/catalogue/unit-budgets/${YEAR}`,
      { items: [{ unitId: other, amount: 1 }] },
      'PUT',
    );
    expect(put.statusCode).toBe(403);
    const share = await send(
      employee,
      '/api/v1/catalogue/figure-settings',
      { shareFigures: true, version: 2 },
      'PUT',
    );
    expect(share.statusCode).toBe(403);
    const f = json(ok(await get(`/api/v1/catalogue/figures?year=${YEAR}`, reader)));
    expect(f.can).toEqual({ setBudgets: false, setSharing: false });
  });

  it('answers 400 problem+json to bad input and writes nothing', async () => {
    const before = (
      await t.db
        .select()
        .from(unitBudgets)
        .where(inArray(unitBudgets.unitId, [school, klass, other]))
    ).length;
    for (const url of [
      '/api/v1/catalogue/figures?year=abc',
      '/api/v1/catalogue/figures?year=1999',
      '/api/v1/catalogue/figures?unit=x',
      '/api/v1/catalogue/figures/trend?years=0',
      '/api/v1/catalogue/figures/trend?years=21',
      '/api/v1/catalogue/figures/comparison?year=20255',
      '/api/v1/catalogue/figures/export?year=x',
      '/api/v1/catalogue/unit-budgets/abc',
    ]) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
    for (const body of [
      { items: [] },
      { items: [{ unitId: other, amount: -1 }] },
      { items: [{ unitId: other, amount: 1.5 }] },
      { items: [{ unitId: 'nope', amount: 1 }] },
      {
        items: [
          { unitId: other, amount: 1 },
          { unitId: other, amount: 2 },
        ],
      },
      { items: [{ unitId: other, amount: 1 }], extra: true },
      // One good item and one unknown unit: all or none.
      {
        items: [
          { unitId: other, amount: 1 },
          { unitId: '00000000-0000-4000-8000-000000000000', amount: 1 },
        ],
      },
    ]) {
      const r = await send(admin, `/api/v1/catalogue/unit-budgets/${YEAR}`, body, 'PUT');
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
    }
    for (const body of [
      { shareFigures: 'yes', version: 2 },
      { shareFigures: true },
      { shareFigures: true, version: -1 },
    ]) {
      const r = await send(admin, '/api/v1/catalogue/figure-settings', body, 'PUT');
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
    }
    const after = (
      await t.db
        .select()
        .from(unitBudgets)
        .where(inArray(unitBudgets.unitId, [school, klass, other]))
    ).length;
    expect(after).toBe(before);
  });
});

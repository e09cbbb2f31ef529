import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inheritedSwitches } from '../../../../shared/catalogue/billing.ts';
import { cardInEffect } from '../../../../shared/catalogue/offerings.ts';
import {
  billedDays,
  daysInMonth,
  type Proration,
  periodBounds,
  subscriptionAmount,
} from '../../../../shared/catalogue/runs.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import { setPassword } from '../../../platform/auth/service.ts';
import * as directory from '../../../platform/directory/service.ts';
import { newId } from '../../../platform/ids.ts';
import {
  createTestContext,
  json,
  PASSWORD,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { createService as createDeskService } from '../../desk/services/service.ts';
import { createSwitch } from '../billing/service.ts';
import * as catalogue from '../offerings/service.ts';
import { orders, subscriptions } from '../orders/schema.ts';
import { runLines, runs } from './schema.ts';

// The monthly chargeback run (issue 16 points 4 and 5): the SQL of the run against the JS rules
// of shared/catalogue/runs.ts on a varied month-by-month fixture, whole month and by day; billing
// switches (quality-steering days give no line); one-offs; two computations at once writing one
// result; locking; corrections and disputes credited in a later month and kept when that month
// is computed again; who reads which unit's lines; and tenant B reaching none of it.

let t: TestContext;
let admin: Session;
let holder: Session;
let otherEconomist: Session;
let employee: Session;
let reader: Session;
let bAdmin: Session;
let unitA: string;
let school: string;
let quiet: string;
let laptop: string;
let mobile: string;
let hours: string;
let install: string;

const send = (session: Session, url: string, payload: unknown, method: 'POST' | 'PUT' = 'POST') =>
  t.app.inject({ method, url, headers: session.headers(), payload: payload as object });
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });
const paths = (r: { json(): { errors?: { path: string }[] } }) => (r.json().errors ?? []).map((e) => e.path);
const auditCount = async () =>
  (await t.db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.tenantId, t.a.id)))
    .length;

/** Every line of a run, all pages. */
async function allLines(session: Session, runId: string, query = '') {
  const out: Record<string, any>[] = [];
  let cursor: string | null = null;
  do {
    const r = await get(
      session,
      `/api/v1/catalogue/runs/${runId}/lines?limit=7${query}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(r.statusCode, r.body).toBe(200);
    out.push(...json(r).items);
    cursor = json(r).nextCursor;
  } while (cursor);
  return out;
}

const compute = async (period: string) => {
  const r = await send(admin, '/api/v1/catalogue/runs', { period });
  expect(r.statusCode, r.body).toBe(200);
  return json(r);
};

// The fixture's billing switches and rate cards, as the JS reference reads them.
const switchesOf: Record<string, { mode: string; fromOn: string }[]> = {};
const cardsOf: Record<string, { startsOn: string; internalPrice: number }[]> = {};
const priceModelOf: Record<string, string> = {};
type Sub = {
  id: string;
  unitId: string;
  offeringId: string;
  quantity: number;
  startsOn: string;
  endsOn: string | null;
};
const subs: Sub[] = [];

beforeAll(async () => {
  t = await createTestContext();
  const actor = t.a.actor;
  unitA = t.a.unitId;
  school = (
    await directory.createUnit(t.db, actor, {
      name: 'Skolan',
      kind: 'subunit',
      parentId: unitA,
      costCentre: '4210',
    })
  ).id;
  quiet = (await directory.createUnit(t.db, actor, { name: 'Tysta förvaltningen', kind: 'department' })).id;

  await seedPerson(t.db, t.a, 'employee@a.example', ['employee']);
  await seedPerson(t.db, t.a, 'reader@a.example', ['reader']);
  const h = await seedPerson(t.db, t.a, 'holder@a.example', ['employee']);
  await directory.grantRole(t.db, actor, {
    personId: h.id,
    role: 'economist',
    scope: 'unit',
    scopeId: unitA,
  });
  // The quiet unit's ekonom works in the quiet unit.
  const o = await directory.createPerson(t.db, actor, {
    givenName: 'Olle',
    familyName: 'Annan',
    email: 'other@a.example',
    unitId: quiet,
  });
  await setPassword(t.db, actor, o.id, PASSWORD);
  await directory.grantRole(t.db, actor, {
    personId: o.id,
    role: 'economist',
    scope: 'unit',
    scopeId: quiet,
  });
  admin = await signIn(t.app, t.a.adminEmail);
  holder = await signIn(t.app, 'holder@a.example');
  otherEconomist = await signIn(t.app, 'other@a.example');
  employee = await signIn(t.app, 'employee@a.example');
  reader = await signIn(t.app, 'reader@a.example');
  bAdmin = await signIn(t.app, t.b.adminEmail);

  // Billing: unit A from the 1st of January, and so the school below it until its own switches:
  // billed from the 10th of February, back to quality steering on the 20th and billed again from
  // the 16th of March; the quiet one never.
  for (const [unitId, mode, fromOn] of [
    [unitA, 'billing', '2025-01-01'],
    [school, 'billing', '2025-02-10'],
    [school, 'qualitySteering', '2025-02-20'],
    [school, 'billing', '2025-03-16'],
  ] as const) {
    await createSwitch(t.db, actor, { unitId, mode, fromOn });
    switchesOf[unitId] = [...(switchesOf[unitId] ?? []), { mode, fromOn }];
  }

  const desk = await createDeskService(t.db, actor, {
    name: 'Dator som tjänst',
    description: null,
    orderable: true,
    orderForm: [],
  });
  const family = await catalogue.createFamily(t.db, actor, { name: 'Arbetsplats' });
  const service = await catalogue.createFamilyService(t.db, actor, {
    deskServiceId: desk.id,
    familyId: family.id,
  });
  const offering = async (name: string, priceModel: string) => {
    const row = await catalogue.createOffering(t.db, actor, {
      serviceId: service.id,
      name,
      priceModel: priceModel as 'fixedMonthly',
      priceUnit: priceModel === 'perUnitMonthly' ? 'computer' : undefined,
    });
    priceModelOf[row.id] = priceModel;
    cardsOf[row.id] = [];
    return row.id;
  };
  laptop = await offering('Bärbar dator', 'perUnitMonthly');
  mobile = await offering('Mobiltelefon', 'fixedMonthly');
  hours = await offering('Systemförvaltning per timme', 'perHour');
  install = await offering('Installation', 'oneOff');
  const card = async (offeringId: string, startsOn: string, internalPrice: number, archive = false) => {
    const c = await catalogue.createRateCard(t.db, actor, {
      offeringId,
      startsOn,
      periodKind: 'month',
      internalPrice,
    });
    if (archive) await catalogue.archiveRateCard(t.db, actor, c.id, 1);
    else cardsOf[offeringId]!.push({ startsOn, internalPrice });
  };
  await card(laptop, '2025-01-01', 45_000);
  await card(laptop, '2025-02-01', 99_999, true); // archived: January's price rolls on
  await card(laptop, '2025-03-01', 47_333);
  await card(mobile, '2025-01-01', 25_001);
  await card(hours, '2025-01-01', 85_000);
  await card(install, '2025-01-01', 120_000);

  // Subscriptions of every shape, from a seeded generator so that the fixture is the same each run.
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const day = (m: number, d: number) => `2025-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const monthEnd = (m: number) => periodBounds(`2025-${String(m).padStart(2, '0')}`).end;
  const unitsList = [unitA, school, quiet];
  const offeringList = [laptop, laptop, mobile, hours];
  for (let i = 0; i < 48; i++) {
    const sm = 1 + rand(4);
    const startsOn = i < 3 ? '2024-11-05' : day(sm, 1 + rand(28));
    const ended = rand(3) === 0;
    const em = Math.min(12, sm + rand(3));
    const endsOn = ended ? (i % 2 === 0 ? monthEnd(em) : day(em, 28)) : null;
    subs.push({
      id: newId(),
      unitId: unitsList[i % 3]!,
      offeringId: offeringList[rand(4)]!,
      quantity: 1 + rand(7),
      startsOn,
      endsOn: endsOn && endsOn < startsOn ? monthEnd(sm) : endsOn,
    });
  }
  await t.db.insert(subscriptions).values(
    subs.map((s) => ({
      tenantId: t.a.id,
      ...s,
      costCentre: s.unitId === school ? '4210' : '4000',
      account: '6550',
      activity: s.unitId === school ? 'P4001' : null,
      counterpart: '10',
    })),
  );
  // One-offs: delivered in February (A billed; the school then under quality steering) and in
  // March (the school billed), one not yet delivered.
  const oneOff = (unitId: string, deliveredOn: string | null, quantity = 1) => ({
    tenantId: t.a.id,
    id: newId(),
    offeringId: install,
    unitId,
    quantity,
    costCentre: '4000',
    account: '6540',
    approval: 'none',
    status: deliveredOn ? 'delivered' : 'inFulfilment',
    deliveredOn,
  });
  await t.db
    .insert(orders)
    .values([
      oneOff(unitA, '2025-02-15', 2),
      oneOff(school, '2025-02-25'),
      oneOff(school, '2025-03-20'),
      oneOff(quiet, '2025-02-03'),
      oneOff(unitA, null),
    ]);
});
afterAll(() => t.close());

/** The switches that decide a unit's mode: its own, then those it inherits from above. */
const decidingSwitches = (unitId: string) =>
  inheritedSwitches((unitId === school ? [school, unitA] : [unitId]).map((u) => switchesOf[u] ?? []));

/** The JS reference's lines of a month: subscription id → amount. */
function expected(period: string, proration: Proration): Map<string, { amount: number; days: number }> {
  const out = new Map<string, { amount: number; days: number }>();
  const { start } = periodBounds(period);
  for (const s of subs) {
    const model = priceModelOf[s.offeringId];
    if (model !== 'fixedMonthly' && model !== 'perUnitMonthly') continue;
    const c = cardInEffect(cardsOf[s.offeringId]!, start);
    if (!c) continue;
    const days = billedDays(period, s.startsOn, s.endsOn, decidingSwitches(s.unitId));
    if (days === 0) continue;
    out.set(s.id, {
      amount: subscriptionAmount(proration, s.quantity, c.internalPrice, days, daysInMonth(period)),
      days,
    });
  }
  return out;
}

describe('the run', () => {
  it('answers the default settings and changes them with their version', async () => {
    expect(json(await get(reader, '/api/v1/catalogue/run-settings'))).toMatchObject({
      proration: 'month',
      version: 0,
      can: { update: false },
    });
    const first = await send(
      admin,
      '/api/v1/catalogue/run-settings',
      { proration: 'day', version: 0 },
      'PUT',
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(json(first)).toMatchObject({ proration: 'day', version: 1 });
    const stale = await send(
      admin,
      '/api/v1/catalogue/run-settings',
      { proration: 'month', version: 0 },
      'PUT',
    );
    expect(stale.statusCode).toBe(409);
    const r = await send(reader, '/api/v1/catalogue/run-settings', { proration: 'month', version: 1 }, 'PUT');
    expect(r.statusCode).toBe(403);
    const bad = await send(admin, '/api/v1/catalogue/run-settings', { proration: 'week', version: 1 }, 'PUT');
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['body.proration']);
  });

  it('computes what the JS rules say, by day and by whole month, for every month of the fixture', async () => {
    for (const proration of ['day', 'month'] as const) {
      const settings = json(await get(admin, '/api/v1/catalogue/run-settings'));
      const put = await send(
        admin,
        '/api/v1/catalogue/run-settings',
        { proration, version: settings.version },
        'PUT',
      );
      expect(put.statusCode, put.body).toBe(200);
      for (const period of ['2025-01', '2025-02', '2025-03', '2025-04']) {
        const run = await compute(period);
        expect(run).toMatchObject({ period, state: 'preview', proration });
        const lines = await allLines(admin, run.id);
        const got = new Map(
          lines
            .filter((l) => l.source === 'subscription')
            .map((l) => [l.subscriptionId, { amount: l.amount, days: l.billedDays }]),
        );
        expect(got, `${period} ${proration}`).toEqual(expected(period, proration));
        expect(run.total).toBe(lines.reduce((a, l) => a + l.amount, 0));
        expect(run.lineCount).toBe(lines.length);
        // The run's totals per unit add up; the quiet unit (quality steering) has no line.
        expect(run.units.reduce((a: number, u: { total: number }) => a + u.total, 0)).toBe(run.total);
        expect(run.units.map((u: { unit: { id: string } }) => u.unit.id)).not.toContain(quiet);
        expect(lines.every((l) => l.unit.id !== quiet)).toBe(true);
        // A per-hour subscription is not charged by the month.
        expect(lines.some((l) => l.offering?.id === hours)).toBe(false);
      }
    }
    expect(expected('2025-02', 'day').size).toBeGreaterThan(5);
  });

  it('charges one-offs delivered in the month in billing mode, with the kontering of the order', async () => {
    const feb = await compute('2025-02');
    const febOneOffs = (await allLines(admin, feb.id)).filter((l) => l.source === 'oneOff');
    expect(febOneOffs).toHaveLength(1);
    expect(febOneOffs[0]).toMatchObject({
      unit: { id: unitA },
      quantity: '2.0000',
      unitPrice: 120_000,
      amount: 240_000,
      kontering: { costCentre: '4000', account: '6540', activity: null, counterpart: null },
    });
    const mar = await compute('2025-03');
    const marOneOffs = (await allLines(admin, mar.id)).filter((l) => l.source === 'oneOff');
    expect(marOneOffs.map((l) => l.unit.id)).toEqual([school]);
  });

  it('writes one result when the same month is computed twice at once', async () => {
    const before = await compute('2025-04');
    const [x, y] = await Promise.all([
      send(admin, '/api/v1/catalogue/runs', { period: '2025-05' }),
      send(admin, '/api/v1/catalogue/runs', { period: '2025-05' }),
    ]);
    expect([x.statusCode, y.statusCode]).toEqual([200, 200]);
    expect(json(x).id).toBe(json(y).id);
    const rows = await t.db.select().from(runs).where(eq(runs.period, '2025-05'));
    expect(rows.filter((r) => r.tenantId === t.a.id)).toHaveLength(1);
    const lines = await t.db
      .select()
      .from(runLines)
      .where(eq(runLines.runId, json(x).id));
    expect(lines.length).toBe(expected('2025-05', 'month').size);
    expect(lines.length).toBe(rows.find((r) => r.tenantId === t.a.id)!.lineCount);
    expect(before.lineCount).toBeGreaterThan(0);
  });

  it('refuses bad input with the path and writes nothing', async () => {
    const before = await auditCount();
    for (const period of ['2025-13', '2025-1', 'januari', '1999-12']) {
      const r = await send(admin, '/api/v1/catalogue/runs', { period });
      expect(r.statusCode, period).toBe(400);
      expect(paths(r)).toEqual(['body.period']);
    }
    const extra = await send(admin, '/api/v1/catalogue/runs', { period: '2025-06', state: 'locked' });
    expect(extra.statusCode).toBe(400);
    expect(await auditCount()).toBe(before);
    expect((await t.db.select().from(runs).where(eq(runs.period, '2025-06'))).length).toBe(0);
  });

  it('refuses the run to everyone but its keepers, and lets staff read it', async () => {
    for (const s of [reader, employee, holder]) {
      expect((await send(s, '/api/v1/catalogue/runs', { period: '2025-06' })).statusCode).toBe(403);
    }
    expect((await get(reader, '/api/v1/catalogue/runs')).statusCode).toBe(200);
    expect((await get(employee, '/api/v1/catalogue/runs')).statusCode).toBe(403);
    const list = json(await get(reader, '/api/v1/catalogue/runs?limit=2'));
    expect(list.items.map((r: { period: string }) => r.period)).toEqual(['2025-05', '2025-04']);
    expect(list.can.compute).toBe(false);
    const next = json(await get(reader, `/api/v1/catalogue/runs?limit=2&cursor=${list.nextCursor}`));
    expect(next.items.map((r: { period: string }) => r.period)).toEqual(['2025-03', '2025-02']);
  });

  it('keeps the id of every line a recomputation leaves unchanged and replaces exactly the changed ones', async () => {
    const linesOf = async (runId: string) =>
      new Map((await t.db.select().from(runLines).where(eq(runLines.runId, runId))).map((l) => [l.id, l]));
    const first = await compute('2025-04');
    const before = await linesOf(first.id);
    expect(before.size).toBe(first.lineCount);

    // Nothing changed: the same lines, every one with its id; the run's version moves on.
    const again = await compute('2025-04');
    expect(again.version).toBeGreaterThan(first.version);
    expect(again).toMatchObject({ total: first.total, lineCount: first.lineCount });
    expect(await linesOf(first.id)).toEqual(before);

    // A new price for the laptop from April: its lines are replaced, no other line is touched.
    const laptopIds = [...before.values()].filter((l) => l.offeringId === laptop).map((l) => l.id);
    expect(laptopIds.length).toBeGreaterThan(0);
    const card = await catalogue.createRateCard(t.db, t.a.actor, {
      offeringId: laptop,
      startsOn: '2025-04-01',
      periodKind: 'month',
      internalPrice: 49_900,
    });
    cardsOf[laptop]!.push({ startsOn: '2025-04-01', internalPrice: 49_900 });
    try {
      const repriced = await compute('2025-04');
      const after = await linesOf(first.id);
      const gone = [...before.keys()].filter((id) => !after.has(id));
      const added = [...after.values()].filter((l) => !before.has(l.id));
      expect(gone.sort()).toEqual([...laptopIds].sort());
      expect(added).toHaveLength(laptopIds.length);
      expect(added.every((l) => l.offeringId === laptop && l.unitPrice === 49_900)).toBe(true);
      for (const [id, line] of after) if (before.has(id)) expect(line).toEqual(before.get(id));
      const got = new Map(
        [...after.values()]
          .filter((l) => l.source === 'subscription')
          .map((l) => [l.subscriptionId, { amount: l.amount, days: l.billedDays }]),
      );
      expect(got).toEqual(expected('2025-04', 'month'));
      expect(repriced.total).toBe([...after.values()].reduce((a, l) => a + l.amount, 0));
    } finally {
      // The card withdrawn, the fixture's prices are as before for the tests that follow.
      await catalogue.archiveRateCard(t.db, t.a.actor, card.id, 1);
      cardsOf[laptop]!.pop();
    }
    const restored = await compute('2025-04');
    expect(restored).toMatchObject({ total: first.total, lineCount: first.lineCount });
    const back = await linesOf(first.id);
    expect([...back.values()].filter((l) => before.has(l.id))).toHaveLength(before.size - laptopIds.length);
  });
});

describe('locking, corrections and disputes', () => {
  let jan: any;
  let janLine: any;

  it('locks a run with its version; a locked run is never computed again', async () => {
    jan = await compute('2025-01');
    const linesBefore = await allLines(admin, jan.id);
    const r = await send(reader, `/api/v1/catalogue/runs/${jan.id}/lock`, { version: jan.version });
    expect(r.statusCode).toBe(403);
    const stale = await send(admin, `/api/v1/catalogue/runs/${jan.id}/lock`, { version: jan.version - 1 });
    expect(stale.statusCode).toBe(409);
    const locked = await send(admin, `/api/v1/catalogue/runs/${jan.id}/lock`, { version: jan.version });
    expect(locked.statusCode, locked.body).toBe(200);
    expect(json(locked)).toMatchObject({ state: 'locked', can: { compute: false, lock: false } });
    jan = json(locked);
    const again = await send(admin, '/api/v1/catalogue/runs', { period: '2025-01' });
    expect(again.statusCode).toBe(409);
    const twice = await send(admin, `/api/v1/catalogue/runs/${jan.id}/lock`, { version: jan.version });
    expect(twice.statusCode).toBe(409);
    const noCan = (ls: Record<string, unknown>[]) => ls.map(({ can: _, ...l }) => l);
    expect(noCan(await allLines(admin, jan.id))).toEqual(noCan(linesBefore));
    janLine = linesBefore.find((l) => l.unit.id === unitA && l.amount > 0);
    expect(janLine).toBeDefined();
  });

  it('corrects a line of a locked month by a signed line in a later preview, kept when it is computed again', async () => {
    const feb = await compute('2025-02');
    const before = await auditCount();
    const ownRun = await send(admin, `/api/v1/catalogue/runs/${feb.id}/corrections`, {
      lineId: (await allLines(admin, feb.id))[0]!.id,
      amount: 1,
      reason: 'Fel',
    });
    expect(ownRun.statusCode).toBe(400);
    expect(paths(ownRun)).toEqual(['body.lineId']);
    const none = await send(admin, `/api/v1/catalogue/runs/${feb.id}/corrections`, {
      lineId: newId(),
      amount: 1,
      reason: 'Fel',
    });
    expect(paths(none)).toEqual(['body.lineId']);
    const neg = await send(admin, `/api/v1/catalogue/runs/${feb.id}/corrections`, {
      lineId: janLine.id,
      amount: -5,
      reason: 'Fel',
    });
    expect(paths(neg)).toEqual(['body.amount']);
    const intoLocked = await send(admin, `/api/v1/catalogue/runs/${jan.id}/corrections`, {
      lineId: janLine.id,
      amount: 0,
      reason: 'Fel',
    });
    expect(intoLocked.statusCode).toBe(409);
    expect(await auditCount()).toBe(before);
    const byReader = await send(reader, `/api/v1/catalogue/runs/${feb.id}/corrections`, {
      lineId: janLine.id,
      amount: 0,
      reason: 'Fel',
    });
    expect(byReader.statusCode).toBe(403);

    const r = await send(admin, `/api/v1/catalogue/runs/${feb.id}/corrections`, {
      lineId: janLine.id,
      amount: janLine.amount - 1000,
      reason: 'En dator för mycket',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(json(r)).toMatchObject({
      source: 'correction',
      amount: -1000,
      correctsLineId: janLine.id,
      unit: { id: unitA },
      kontering: janLine.kontering,
    });
    // The same correction again changes nothing.
    const same = await send(admin, `/api/v1/catalogue/runs/${feb.id}/corrections`, {
      lineId: janLine.id,
      amount: janLine.amount - 1000,
      reason: 'En dator för mycket',
    });
    expect(same.statusCode).toBe(409);
    const recomputed = await compute('2025-02');
    const lines = await allLines(admin, feb.id);
    expect(lines.filter((l) => l.source === 'correction').map((l) => l.amount)).toEqual([-1000]);
    expect(recomputed.total).toBe(lines.reduce((a, l) => a + l.amount, 0));
  });

  let disputeId: string;

  it('lets the unit’s ekonom dispute a line of a locked month, once', async () => {
    const febLine = (
      await allLines(
        admin,
        json(await get(admin, '/api/v1/catalogue/runs?limit=10')).items.find(
          (r: { period: string }) => r.period === '2025-02',
        ).id,
      )
    )[0]!;
    const preview = await send(admin, `/api/v1/catalogue/run-lines/${febLine.id}/disputes`, {
      reason: 'Fel',
    });
    expect(preview.statusCode).toBe(409);
    for (const s of [otherEconomist, employee, reader])
      expect(
        (await send(s, `/api/v1/catalogue/run-lines/${janLine.id}/disputes`, { reason: 'Fel' })).statusCode,
      ).toBe(403);
    const empty = await send(holder, `/api/v1/catalogue/run-lines/${janLine.id}/disputes`, { reason: '  ' });
    expect(paths(empty)).toEqual(['body.reason']);
    const r = await send(holder, `/api/v1/catalogue/run-lines/${janLine.id}/disputes`, {
      reason: 'Datorn återlämnades',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(json(r)).toMatchObject({
      state: 'open',
      lineId: janLine.id,
      period: '2025-01',
      can: { resolve: false },
    });
    disputeId = json(r).id;
    const second = await send(admin, `/api/v1/catalogue/run-lines/${janLine.id}/disputes`, {
      reason: 'Igen',
    });
    expect(second.statusCode).toBe(409);
    const open = json(await get(holder, '/api/v1/catalogue/disputes?state=open'));
    expect(open.items.map((d: { id: string }) => d.id)).toEqual([disputeId]);
    expect(json(await get(otherEconomist, '/api/v1/catalogue/disputes')).items).toEqual([]);
    const line = (await allLines(holder, jan.id, `&unitId=${unitA}`)).find((l) => l.id === janLine.id)!;
    expect(line.disputeId).toBe(disputeId);
    expect(line.can.dispute).toBe(false);
  });

  it('credits an accepted dispute in the first later unlocked month, kept when it is computed again', async () => {
    const byHolder = await send(holder, `/api/v1/catalogue/disputes/${disputeId}/resolve`, {
      version: 1,
      decision: 'accepted',
      note: 'Ja',
    });
    expect(byHolder.statusCode).toBe(403);
    const tooMuch = await send(admin, `/api/v1/catalogue/disputes/${disputeId}/resolve`, {
      version: 1,
      decision: 'accepted',
      note: 'Ja',
      amount: janLine.amount + 1,
    });
    expect(paths(tooMuch)).toEqual(['body.amount']);
    const rejectWithAmount = await send(admin, `/api/v1/catalogue/disputes/${disputeId}/resolve`, {
      version: 1,
      decision: 'rejected',
      note: 'Nej',
      amount: 5,
    });
    expect(paths(rejectWithAmount)).toEqual(['body.amount']);
    // February is locked meanwhile: the credit goes to March.
    const feb = json(await get(admin, '/api/v1/catalogue/runs?limit=10')).items.find(
      (r: { period: string }) => r.period === '2025-02',
    );
    expect(
      (await send(admin, `/api/v1/catalogue/runs/${feb.id}/lock`, { version: feb.version })).statusCode,
    ).toBe(200);
    const r = await send(admin, `/api/v1/catalogue/disputes/${disputeId}/resolve`, {
      version: 1,
      decision: 'accepted',
      note: 'Återlämnad den 3 januari',
      amount: 2000,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(json(r)).toMatchObject({ state: 'accepted', creditedAmount: -2000, creditedInPeriod: '2025-03' });
    const stale = await send(admin, `/api/v1/catalogue/disputes/${disputeId}/resolve`, {
      version: 1,
      decision: 'rejected',
      note: 'Nej',
    });
    expect(stale.statusCode).toBe(409);
    const mar = await compute('2025-03');
    const credits = (await allLines(admin, mar.id)).filter((l) => l.source === 'credit');
    expect(credits).toHaveLength(1);
    expect(credits[0]).toMatchObject({ amount: -2000, correctsLineId: janLine.id, unit: { id: unitA } });
  });

  it('creates the next month as a preview when a credit finds no run there', async () => {
    const mar = json(await get(admin, '/api/v1/catalogue/runs?limit=10')).items.find(
      (r: { period: string }) => r.period === '2025-03',
    );
    await send(admin, `/api/v1/catalogue/runs/${mar.id}/lock`, { version: mar.version });
    for (const p of ['2025-04', '2025-05']) {
      const run = await compute(p);
      await send(admin, `/api/v1/catalogue/runs/${run.id}/lock`, { version: run.version });
    }
    const janOther = (await allLines(admin, jan.id)).find((l) => l.id !== janLine.id && l.amount > 0)!;
    const d = json(
      await send(admin, `/api/v1/catalogue/run-lines/${janOther.id}/disputes`, { reason: 'Fel' }),
    );
    const r = await send(admin, `/api/v1/catalogue/disputes/${d.id}/resolve`, {
      version: 1,
      decision: 'accepted',
      note: 'Hela raden',
    });
    expect(json(r)).toMatchObject({ creditedAmount: -janOther.amount, creditedInPeriod: '2025-06' });
    const june = json(await get(admin, '/api/v1/catalogue/runs?limit=1')).items[0];
    expect(june).toMatchObject({
      period: '2025-06',
      state: 'preview',
      computedAt: null,
      total: -janOther.amount,
    });
    // Locking waits for the preview to be computed.
    expect(
      (await send(admin, `/api/v1/catalogue/runs/${june.id}/lock`, { version: june.version })).statusCode,
    ).toBe(409);
    const computed = await compute('2025-06');
    const juneLines = await allLines(admin, june.id);
    expect(juneLines.filter((l) => l.source === 'credit')).toHaveLength(1);
    expect(juneLines.filter((l) => l.source === 'subscription')).toHaveLength(
      expected('2025-06', 'month').size,
    );
    expect(computed.total).toBe(juneLines.reduce((a, l) => a + l.amount, 0));
  });
});

describe('reading the lines', () => {
  it("shows a unit's people their units' lines and the keepers all", async () => {
    const feb = json(await get(admin, '/api/v1/catalogue/runs?limit=10')).items.find(
      (r: { period: string }) => r.period === '2025-02',
    );
    const all = await allLines(admin, feb.id);
    const mine = await allLines(employee, feb.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.map((l) => l.id).sort()).toEqual(
      all
        .filter((l) => l.unit.id === unitA || l.unit.id === school)
        .map((l) => l.id)
        .sort(),
    );
    expect((await get(employee, `/api/v1/catalogue/runs/${feb.id}/lines?unitId=${quiet}`)).statusCode).toBe(
      403,
    );
    expect(await allLines(otherEconomist, feb.id)).toEqual([]);
    const school1 = await allLines(admin, feb.id, `&unitId=${school}`);
    expect(school1.every((l) => l.unit.id === school)).toBe(true);
    // The run's totals per unit are staff's to read; the lines only of one's own units.
    const detail = json(await get(otherEconomist, `/api/v1/catalogue/runs/${feb.id}`));
    expect(detail.units.length).toBeGreaterThan(0);
    expect(detail.units.map((u: { readLines: boolean }) => u.readLines)).toEqual(
      detail.units.map(() => false),
    );
    const own = json(await get(reader, `/api/v1/catalogue/runs/${feb.id}`));
    expect(own.units.map((u: { readLines: boolean }) => u.readLines)).toEqual(own.units.map(() => true));
  });

  it('finds runs in the global search by their year or month, and none of them for tenant B', async () => {
    const run = json(await get(admin, '/api/v1/catalogue/runs?limit=1')).items[0];
    const [year, month] = run.period.split('-');
    for (const q of [run.period, `${year}-${Number(month)}`, year])
      expect(JSON.stringify(json(await get(admin, `/api/v1/search?q=${q}`))), q).toContain(run.id);
    expect(JSON.stringify(json(await get(admin, '/api/v1/search?q=Skolan')))).not.toContain(run.id);
    expect(JSON.stringify(json(await get(bAdmin, `/api/v1/search?q=${run.period}`)))).not.toContain(run.id);
  });

  it("keeps tenant A's runs, lines and disputes from tenant B", async () => {
    const run = json(await get(admin, '/api/v1/catalogue/runs?limit=1')).items[0];
    const line = (await allLines(admin, run.id))[0]!;
    const dispute = json(await get(admin, '/api/v1/catalogue/disputes')).items[0];
    expect((await get(bAdmin, `/api/v1/catalogue/runs/${run.id}`)).statusCode).toBe(404);
    expect((await get(bAdmin, `/api/v1/catalogue/runs/${run.id}/lines`)).statusCode).toBe(404);
    expect(
      (await send(bAdmin, `/api/v1/catalogue/runs/${run.id}/lock`, { version: run.version })).statusCode,
    ).toBe(404);
    expect(
      (
        await send(bAdmin, `/api/v1/catalogue/runs/${run.id}/corrections`, {
          lineId: line.id,
          amount: 1,
          reason: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await send(bAdmin, `/api/v1/catalogue/run-lines/${line.id}/disputes`, { reason: 'x' })).statusCode,
    ).toBe(404);
    expect(
      (
        await send(bAdmin, `/api/v1/catalogue/disputes/${dispute.id}/resolve`, {
          version: dispute.version,
          decision: 'rejected',
          note: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect(json(await get(bAdmin, '/api/v1/catalogue/runs')).items).toEqual([]);
    expect(json(await get(bAdmin, '/api/v1/catalogue/disputes')).items).toEqual([]);
    // B's own run of a month A has is B's own, empty.
    const own = json(await send(bAdmin, '/api/v1/catalogue/runs', { period: '2025-02' }));
    expect(own).toMatchObject({ total: 0, lineCount: 0, units: [] });
  });
});

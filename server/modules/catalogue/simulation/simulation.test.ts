import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/schema.ts';
import { createTestContext, json, type Session, signIn, type TestContext } from '../../../testing.ts';

// The price simulation through the real app and database, with every figure computed by hand
// below: a price that changes mid-year, a cost-covering offering whose price per GB rises when a
// unit's volume falls, and an hourly price the request changes; planned volumes carried forward
// from the year before; nothing written; and planned volumes with their versions.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let u1: string;
let u2: string;
let perUnit: string;
let gb: string;
let hours: string;

const send = (session: Session, method: 'POST' | 'PATCH', url: string, payload: unknown) =>
  t.app.inject({ method, url, headers: session.headers(), payload: payload as object });
const paths = (r: { json(): { errors?: { path: string }[] } }) => (r.json().errors ?? []).map((e) => e.path);
async function ok(session: Session, url: string, body: unknown, code = 201) {
  const r = await send(session, 'POST', url, body);
  expect(r.statusCode, r.body).toBe(code);
  return json(r);
}
const volume = (offeringId: string, unitId: string, year: number, quantity: number) =>
  ok(admin, '/api/v1/catalogue/volumes', { offeringId, unitId, year, quantity }, 200);

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  u1 = t.a.unitId;
  u2 = (await ok(admin, '/api/v1/units', { name: 'Socialförvaltningen', kind: 'department' })).id;
  const desk = (
    await ok(admin, '/api/v1/catalogue-services', { name: 'Tjänst', orderable: true, orderForm: [] })
  ).id;
  const family = (await ok(admin, '/api/v1/catalogue/families', { name: 'Familj' })).id;
  const service = (
    await ok(admin, '/api/v1/catalogue/family-services', { deskServiceId: desk, familyId: family })
  ).id;
  const offering = async (body: Record<string, unknown>) =>
    (await ok(admin, '/api/v1/catalogue/offerings', { serviceId: service, ...body })).id as string;
  perUnit = await offering({ name: 'A dator', priceModel: 'perUnitMonthly', priceUnit: 'computer' });
  gb = await offering({
    name: 'B lagring',
    priceModel: 'perUnitMonthly',
    priceUnit: 'gigabyte',
    pricing: 'costCovering',
  });
  hours = await offering({ name: 'C förvaltning', priceModel: 'perHour' });
  const card = (offeringId: string, startsOn: string, price: Record<string, number>) =>
    ok(admin, '/api/v1/catalogue/rate-cards', { offeringId, startsOn, periodKind: 'month', ...price });
  await card(perUnit, '2026-01-01', { internalPrice: 100_00 });
  await card(perUnit, '2027-07-01', { internalPrice: 120_00 });
  await card(gb, '2026-01-01', { totalCost: 120_000_00 });
  await card(hours, '2026-01-01', { internalPrice: 850_00 });
  await volume(perUnit, u1, 2026, 10);
  await volume(perUnit, u1, 2027, 10);
  await volume(perUnit, u2, 2026, 5); // 2027 not planned: carried forward
  await volume(gb, u1, 2026, 600);
  await volume(gb, u2, 2026, 400);
  await volume(hours, u1, 2026, 120);
  await volume(hours, u1, 2027, 100);
});
afterAll(() => t.close());

describe('the price simulation', () => {
  it("answers every unit's cost next year against this year, by hand", async () => {
    const before = (await t.db.select().from(auditEvents)).length;
    const r = await ok(
      admin,
      '/api/v1/catalogue/simulations',
      {
        year: 2027,
        prices: [{ offeringId: hours, internalPrice: 900_00 }],
        volumes: [{ offeringId: gb, unitId: u2, quantity: 100 }],
      },
      200,
    );
    expect((await t.db.select().from(auditEvents)).length).toBe(before);
    expect(r.baseYear).toBe(2026);
    const offering = (id: string) => r.offerings.find((o: { offeringId: string }) => o.offeringId === id);
    // A: 100 kr a computer and month all 2026; 2027 100 kr Jan–Jun, 120 kr Jul–Dec = 1 320 kr a computer.
    //    U1 10 computers: 12 000 kr → 13 200 kr; U2 5 (carried forward): 6 000 kr → 6 600 kr.
    expect(offering(perUnit)).toMatchObject({
      baseVolume: 15,
      nextVolume: 15,
      basePrice: 100_00,
      nextPrice: 110_00,
      baseCost: 1_800_000,
      nextCost: 1_980_000,
    });
    // B: 120 000 kr a year over 1 000 GB = 10 kr a GB and month; next year U2 falls to 100 GB, so
    //    700 GB share the same cost: 14,2857 kr a GB. U1 600/700 × 120 000 = 102 857,14 kr; U2 17 142,86 kr.
    expect(offering(gb)).toMatchObject({
      baseVolume: 1000,
      nextVolume: 700,
      basePrice: 10_00,
      nextPrice: 1429,
      baseCost: 12_000_000,
      nextCost: 12_000_000,
    });
    // C: 120 h × 850 kr = 102 000 kr; next year 100 h × the simulated 900 kr = 90 000 kr.
    expect(offering(hours)).toMatchObject({ baseCost: 10_200_000, nextCost: 9_000_000, nextPrice: 900_00 });
    const unit = (id: string) => r.units.find((u: { unitId: string }) => u.unitId === id);
    expect(unit(u1)).toMatchObject({
      baseCost: 1_200_000 + 7_200_000 + 10_200_000,
      nextCost: 1_320_000 + 10_285_714 + 9_000_000,
    });
    expect(unit(u2)).toMatchObject({
      name: 'Socialförvaltningen',
      baseCost: 600_000 + 4_800_000,
      nextCost: 660_000 + 1_714_286,
    });
    expect(r.totals).toEqual({ baseCost: 24_000_000, nextCost: 22_980_000 });
  });

  it('refuses unknown offerings and units naming the path, also across tenants', async () => {
    const r = await send(bAdmin, 'POST', '/api/v1/catalogue/simulations', {
      year: 2027,
      prices: [{ offeringId: hours, internalPrice: 1 }],
      volumes: [{ offeringId: gb, unitId: u1, quantity: 1 }],
    });
    expect(r.statusCode).toBe(400);
    expect(paths(r)).toEqual([
      'body.prices.0.offeringId',
      'body.volumes.0.offeringId',
      'body.volumes.0.unitId',
    ]);
    const cost = await send(admin, 'POST', '/api/v1/catalogue/simulations', {
      prices: [{ offeringId: gb, internalPrice: 5 }],
    });
    expect(paths(cost)).toEqual(['body.prices.0.totalCost']);
  });

  it('plans volumes with versions', async () => {
    const again = await send(admin, 'POST', '/api/v1/catalogue/volumes', {
      offeringId: gb,
      unitId: u1,
      year: 2026,
      quantity: 1,
    });
    expect(again.statusCode).toBe(409);
    const stale = await send(admin, 'POST', '/api/v1/catalogue/volumes', {
      offeringId: gb,
      unitId: u1,
      year: 2026,
      quantity: 1,
      version: 5,
    });
    expect(stale.statusCode).toBe(409);
    const changed = await send(admin, 'POST', '/api/v1/catalogue/volumes', {
      offeringId: gb,
      unitId: u1,
      year: 2026,
      quantity: 650,
      version: 1,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(json(changed)).toMatchObject({ quantity: 650, version: 2 });
    const list = json(
      await t.app.inject({ url: '/api/v1/catalogue/volumes?year=2026&limit=2', headers: admin.headers() }),
    );
    expect(list.items).toHaveLength(2);
    const rest = json(
      await t.app.inject({
        url: `/api/v1/catalogue/volumes?year=2026&limit=50&cursor=${list.nextCursor}`,
        headers: admin.headers(),
      }),
    );
    expect(rest.items).toHaveLength(3);
    const bList = json(await t.app.inject({ url: '/api/v1/catalogue/volumes', headers: bAdmin.headers() }));
    expect(bList.items).toEqual([]);
    const bSet = await send(bAdmin, 'POST', '/api/v1/catalogue/volumes', {
      offeringId: gb,
      unitId: u1,
      year: 2026,
      quantity: 1,
    });
    expect(paths(bSet)).toEqual(['body.offeringId']);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardInEffect, type RateCardView, withVat } from '../../../../shared/catalogue/offerings.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';

// Families, catalogue services, offerings and rate cards through the real app and database: a desk
// service placed in a family once; the price model's rules; rate cards that roll forward until
// replaced (and again when the replacing one is archived); the external price with moms 25 %;
// stale versions refused; archive rules; who may keep and read; and tenant B seeing and changing
// none of tenant A's.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let economist: Session;
let reader: Session;
let employee: Session;
let deskService: string;
let familyId: string;
let serviceId: string;

const send = (session: Session, method: 'POST' | 'PATCH', url: string, payload: unknown) =>
  t.app.inject({ method, url, headers: session.headers(), payload: payload as object });
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });
const paths = (r: { json(): { errors?: { path: string }[] } }) => (r.json().errors ?? []).map((e) => e.path);

async function created(session: Session, url: string, body: unknown) {
  const r = await send(session, 'POST', url, body);
  expect(r.statusCode, r.body).toBe(201);
  return json(r);
}

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  await seedPerson(t.db, t.a, 'eko@a.example', ['economist']);
  await seedPerson(t.db, t.a, 'reader@a.example', ['reader']);
  await seedPerson(t.db, t.a, 'employee@a.example', ['employee']);
  economist = await signIn(t.app, 'eko@a.example');
  reader = await signIn(t.app, 'reader@a.example');
  employee = await signIn(t.app, 'employee@a.example');
  deskService = (
    await created(admin, '/api/v1/catalogue-services', {
      name: 'Dator som tjänst',
      orderable: true,
      orderForm: [],
    })
  ).id;
  familyId = (await created(economist, '/api/v1/catalogue/families', { name: 'Arbetsplats' })).id;
  serviceId = (
    await created(economist, '/api/v1/catalogue/family-services', { deskServiceId: deskService, familyId })
  ).id;
});
afterAll(() => t.close());

describe('families and services', () => {
  it('places a desk service in a family once, under the desk service id and name', async () => {
    expect(serviceId).toBe(deskService);
    const s = json(await get(reader, `/api/v1/catalogue/family-services/${serviceId}`));
    expect(s).toMatchObject({ name: 'Dator som tjänst', family: { id: familyId, name: 'Arbetsplats' } });
    const again = await send(economist, 'POST', '/api/v1/catalogue/family-services', {
      deskServiceId: deskService,
      familyId,
    });
    expect(again.statusCode).toBe(409);
    expect(paths(again)).toEqual(['body.deskServiceId']);
    const family = json(await get(reader, `/api/v1/catalogue/families/${familyId}`));
    expect(family.serviceCount).toBe(1);
  });

  it('refuses a family with active services to be archived, and a stale version', async () => {
    const r = await send(admin, 'POST', `/api/v1/catalogue/families/${familyId}/archive`, {
      version: 1,
      reason: 'x',
    });
    expect(r.statusCode).toBe(409);
    const stale = await send(admin, 'PATCH', `/api/v1/catalogue/families/${familyId}`, {
      version: 9,
      name: 'X',
    });
    expect(stale.statusCode).toBe(409);
  });

  it('lets staff read, and only the keepers write', async () => {
    expect((await get(reader, '/api/v1/catalogue/families')).statusCode).toBe(200);
    expect((await get(employee, '/api/v1/catalogue/families')).statusCode).toBe(403);
    expect((await send(reader, 'POST', '/api/v1/catalogue/families', { name: 'Y' })).statusCode).toBe(403);
  });
});

describe('offerings and rate cards', () => {
  let offeringId: string;

  it('checks the price model', async () => {
    const noUnit = await send(admin, 'POST', '/api/v1/catalogue/offerings', {
      serviceId,
      name: 'Bärbar dator',
      priceModel: 'perUnitMonthly',
    });
    expect(noUnit.statusCode).toBe(400);
    expect(paths(noUnit)).toEqual(['body.priceUnit']);
    const role = await send(admin, 'POST', '/api/v1/catalogue/offerings', {
      serviceId,
      name: 'Bärbar dator',
      priceModel: 'fixedMonthly',
      approval: 'role',
    });
    expect(paths(role)).toEqual(['body.approvalRole']);
    const listed = await send(admin, 'POST', '/api/v1/catalogue/offerings', {
      serviceId,
      name: 'Bärbar dator',
      priceModel: 'fixedMonthly',
      allUnits: true,
      unitIds: [t.a.unitId],
    });
    expect(paths(listed)).toEqual(['body.unitIds']);
    const o = await created(admin, '/api/v1/catalogue/offerings', {
      serviceId,
      name: 'Bärbar dator',
      priceModel: 'perUnitMonthly',
      priceUnit: 'computer',
      approval: 'budgetHolder',
      allUnits: false,
      unitIds: [t.a.unitId],
      partners: true,
    });
    offeringId = o.id;
    expect(o).toMatchObject({ approval: 'budgetHolder', units: [{ id: t.a.unitId }], current: null });
  });

  it('rolls rate cards forward until replaced', async () => {
    const c2024 = await created(admin, '/api/v1/catalogue/rate-cards', {
      offeringId,
      startsOn: '2024-01-01',
      periodKind: 'year',
      internalPrice: 400_00,
      externalPrice: 480_00,
    });
    await created(admin, '/api/v1/catalogue/rate-cards', {
      offeringId,
      startsOn: '2025-07-01',
      periodKind: 'month',
      internalPrice: 425_00,
    });
    const july = await created(admin, '/api/v1/catalogue/rate-cards', {
      offeringId,
      startsOn: '2099-01-01',
      periodKind: 'year',
      internalPrice: 500_00,
    });
    const cards: RateCardView[] = json(
      await get(reader, `/api/v1/catalogue/offerings/${offeringId}`),
    ).rateCards;
    expect(cardInEffect(cards, '2023-12-01')).toBeUndefined();
    expect(cardInEffect(cards, '2024-05-01')?.internalPrice).toBe(400_00);
    expect(cardInEffect(cards, '2025-06-01')?.internalPrice).toBe(400_00);
    expect(cardInEffect(cards, '2025-07-01')?.internalPrice).toBe(425_00);
    expect(cardInEffect(cards, '2030-03-01')?.internalPrice).toBe(425_00);
    const o = json(await get(reader, `/api/v1/catalogue/offerings/${offeringId}`));
    // Today (2026 or later, before 2099) the July 2025 card is in effect; no external price given: the internal.
    expect(o.current).toMatchObject({
      internalPrice: 425_00,
      externalPrice: 425_00,
      externalPriceWithVat: 531_25,
    });
    // The 2024 card: 480 kr + 25 % moms = 600 kr.
    expect(cards.find((c: { id: string }) => c.id === c2024.id)).toMatchObject({
      externalPriceWithVat: 600_00,
    });
    expect(withVat(333)).toBe(416);
    // A second card from the same start is refused; archived, the one before rolls on.
    const same = await send(admin, 'POST', '/api/v1/catalogue/rate-cards', {
      offeringId,
      startsOn: '2099-01-01',
      periodKind: 'year',
      internalPrice: 1,
    });
    expect(same.statusCode).toBe(409);
    expect(paths(same)).toEqual(['body.startsOn']);
    expect(
      (await send(admin, 'POST', `/api/v1/catalogue/rate-cards/${july.id}/archive`, { version: 1 }))
        .statusCode,
    ).toBe(200);
    const after: RateCardView[] = json(
      await get(reader, `/api/v1/catalogue/offerings/${offeringId}`),
    ).rateCards.filter((c: { archivedAt: string | null }) => c.archivedAt === null);
    expect(cardInEffect(after, '2099-05-01')?.internalPrice).toBe(425_00);
  });

  it('refuses bad periods and prices, and stale versions', async () => {
    const mid = await send(admin, 'POST', '/api/v1/catalogue/rate-cards', {
      offeringId,
      startsOn: '2027-03-01',
      periodKind: 'year',
      internalPrice: 1,
    });
    expect(paths(mid)).toEqual(['body.startsOn']);
    const day = await send(admin, 'POST', '/api/v1/catalogue/rate-cards', {
      offeringId,
      startsOn: '2027-03-15',
      periodKind: 'month',
      internalPrice: 1,
    });
    expect(paths(day)).toEqual(['body.startsOn']);
    const cost = await send(admin, 'POST', '/api/v1/catalogue/rate-cards', {
      offeringId,
      startsOn: '2027-03-01',
      periodKind: 'month',
      internalPrice: 1,
      totalCost: 5,
    });
    expect(paths(cost)).toEqual(['body.totalCost']);
    const o = json(await get(reader, `/api/v1/catalogue/offerings/${offeringId}`));
    const stale = await send(admin, 'PATCH', `/api/v1/catalogue/offerings/${offeringId}`, {
      version: o.version + 1,
      name: 'X',
    });
    expect(stale.statusCode).toBe(409);
    const ok = await send(economist, 'PATCH', `/api/v1/catalogue/offerings/${offeringId}`, {
      version: o.version,
      name: 'Dator som tjänst – bärbar',
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('audits every change in its transaction', async () => {
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, offeringId));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'update']));
  });

  it("keeps tenant A's catalogue from tenant B", async () => {
    expect((await get(bAdmin, `/api/v1/catalogue/offerings/${offeringId}`)).statusCode).toBe(404);
    expect((await get(bAdmin, `/api/v1/catalogue/families/${familyId}`)).statusCode).toBe(404);
    expect(json(await get(bAdmin, '/api/v1/catalogue/offerings')).items).toEqual([]);
    const bFamily = await created(bAdmin, '/api/v1/catalogue/families', { name: 'B' });
    // B cannot place A's desk service, price A's offering, or give A's unit to its own offering.
    const place = await send(bAdmin, 'POST', '/api/v1/catalogue/family-services', {
      deskServiceId: deskService,
      familyId: bFamily.id,
    });
    expect(place.statusCode).toBe(400);
    expect(paths(place)).toEqual(['body.deskServiceId']);
    const price = await send(bAdmin, 'POST', '/api/v1/catalogue/rate-cards', {
      offeringId,
      startsOn: '2027-01-01',
      periodKind: 'year',
      internalPrice: 1,
    });
    expect(price.statusCode).toBe(400);
    expect(paths(price)).toEqual(['body.offeringId']);
    const patch = await send(bAdmin, 'PATCH', `/api/v1/catalogue/offerings/${offeringId}`, {
      version: 1,
      name: 'B',
    });
    expect(patch.statusCode).toBe(404);
  });
});

import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthEnd } from '../../../../shared/catalogue/orders.ts';
import * as directory from '../../../platform/directory/service.ts';
import { notifications } from '../../../platform/notifications/schema.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { createService as createDeskService } from '../../desk/services/service.ts';
import { tickets } from '../../desk/tickets/schema.ts';
import * as catalogue from '../offerings/service.ts';
import { subscriptions } from './schema.ts';
import { activeInMonth, todayIso } from './service.ts';

// Orders in the portal (issue 16 point 2): kontering validated against the unit's codes, who may
// order, the budget holder's attest (the unit's ekonom), one desk request however many attests
// arrive at once, delivery starting a subscription, cancelling ending it at the month's end,
// versions, idempotency, and tenant B seeing none of it.

let t: TestContext;
let admin: Session;
let employee: Session;
let holder: Session;
let otherEconomist: Session;
let agent: Session;
let bAdmin: Session;
let schoolId: string;
let newEmployeeId: string;
let attestOffering: string;
let openOffering: string;
let deskServiceId: string;
let holderId: string;

const send = (session: Session, url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers: session.headers(headers), payload: payload as object });
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });
const paths = (r: { json(): { errors?: { path: string }[] } }) => (r.json().errors ?? []).map((e) => e.path);

const kontering = { costCentre: '4210', account: '6550', activity: 'P4001' };
const orderBody = (extra: Record<string, unknown> = {}) => ({
  offeringId: attestOffering,
  forPersonId: newEmployeeId,
  quantity: 1,
  kontering,
  note: 'Ny lärare',
  ...extra,
});

beforeAll(async () => {
  t = await createTestContext();
  const actor = t.a.actor;
  const school = await directory.createUnit(t.db, actor, {
    name: 'Skolan',
    kind: 'subunit',
    parentId: t.a.unitId,
    costCentre: '4210',
  });
  schoolId = school.id;
  const other = await directory.createUnit(t.db, actor, { name: 'Annan förvaltning', kind: 'department' });
  const newcomer = await directory.createPerson(t.db, actor, {
    givenName: 'Nora',
    familyName: 'Nyanställd',
    email: 'nora@a.example',
    unitId: school.id,
  });
  newEmployeeId = newcomer.id;
  await seedPerson(t.db, t.a, 'employee@a.example', ['employee']);
  const h = await seedPerson(t.db, t.a, 'holder@a.example', ['employee']);
  holderId = h.id;
  await directory.grantRole(t.db, actor, {
    personId: h.id,
    role: 'economist',
    scope: 'unit',
    scopeId: t.a.unitId,
  });
  const o = await seedPerson(t.db, t.a, 'other@a.example', ['employee']);
  await directory.grantRole(t.db, actor, {
    personId: o.id,
    role: 'economist',
    scope: 'unit',
    scopeId: other.id,
  });
  await seedPerson(t.db, t.a, 'agent@a.example', ['serviceDeskAgent']);
  admin = await signIn(t.app, t.a.adminEmail);
  employee = await signIn(t.app, 'employee@a.example');
  holder = await signIn(t.app, 'holder@a.example');
  otherEconomist = await signIn(t.app, 'other@a.example');
  agent = await signIn(t.app, 'agent@a.example');
  bAdmin = await signIn(t.app, t.b.adminEmail);

  const desk = await createDeskService(t.db, actor, {
    name: 'Dator som tjänst',
    description: null,
    orderable: true,
    orderForm: [{ key: 'modell', label: 'Modell', type: 'text', required: true }],
  });
  deskServiceId = desk.id;
  const family = await catalogue.createFamily(t.db, actor, { name: 'Arbetsplats' });
  const service = await catalogue.createFamilyService(t.db, actor, {
    deskServiceId: desk.id,
    familyId: family.id,
  });
  attestOffering = (
    await catalogue.createOffering(t.db, actor, {
      serviceId: service.id,
      name: 'Bärbar dator',
      priceModel: 'perUnitMonthly',
      priceUnit: 'computer',
      approval: 'budgetHolder',
      allUnits: false,
      unitIds: [t.a.unitId],
    })
  ).id;
  openOffering = (
    await catalogue.createOffering(t.db, actor, {
      serviceId: service.id,
      name: 'Skärm',
      priceModel: 'fixedMonthly',
      approval: 'none',
    })
  ).id;
  for (const [dimension, code] of [
    ['account', '6550'],
    ['account', '6540'],
    ['activity', 'P4001'],
  ] as const) {
    const r = await send(admin, '/api/v1/catalogue/kontering-codes', {
      unitId: school.id,
      dimension,
      code,
      name: code,
    });
    expect(r.statusCode, r.body).toBe(201);
  }
});
afterAll(() => t.close());

describe('kontering codes', () => {
  it("offers the unit's own cost centre and its codes as the order page's choices", async () => {
    const r = json(await get(employee, `/api/v1/catalogue/kontering-units/${schoolId}`));
    expect(r.choices.costCentre).toEqual([{ code: '4210', name: 'Skolan' }]);
    expect(r.choices.account.map((c: { code: string }) => c.code)).toEqual(['6540', '6550']);
    expect(r.can.manage).toBe(false);
    expect(json(await get(holder, `/api/v1/catalogue/kontering-units/${schoolId}`)).can.manage).toBe(true);
  });

  it('refuses a second active code in a dimension (409) and an ekonom of another unit (403)', async () => {
    const dup = await send(admin, '/api/v1/catalogue/kontering-codes', {
      unitId: schoolId,
      dimension: 'account',
      code: '6550',
      name: 'Igen',
    });
    expect(dup.statusCode).toBe(409);
    expect(paths(dup)).toEqual(['body.code']);
    const foreign = await send(otherEconomist, '/api/v1/catalogue/kontering-codes', {
      unitId: schoolId,
      dimension: 'account',
      code: '6999',
      name: 'Nej',
    });
    expect(foreign.statusCode).toBe(403);
    const mine = await send(holder, '/api/v1/catalogue/kontering-codes', {
      unitId: schoolId,
      dimension: 'counterpart',
      code: '10',
      name: 'Intern',
    });
    expect(mine.statusCode, mine.body).toBe(201);
  });
});

describe('an order', () => {
  it("validates the kontering against the unit's codes, naming each field", async () => {
    const r = await send(
      employee,
      '/api/v1/catalogue/orders',
      orderBody({
        kontering: { costCentre: '9999', account: '4000', activity: 'P4001' },
        orderAnswers: { modell: 'X' },
      }),
    );
    expect(r.statusCode).toBe(400);
    expect(paths(r).sort()).toEqual(['body.kontering.account', 'body.kontering.costCentre']);
    expect(
      r
        .json()
        .errors.map((e: { message: string }) => e.message)
        .sort(),
    ).toEqual(["Not one of the unit's accounts", "Not one of the unit's cost centres"]);
    const missing = await send(employee, '/api/v1/catalogue/orders', {
      offeringId: attestOffering,
      forUnitId: schoolId,
    });
    expect(missing.statusCode).toBe(400);
    expect(paths(missing)).toContain('body.kontering');
    const nobody = await send(employee, '/api/v1/catalogue/orders', {
      offeringId: attestOffering,
      kontering,
    });
    expect(nobody.statusCode).toBe(400);
    expect(paths(nobody)).toContain('body.forUnitId');
  });

  it("checks the offering's order form and who may order", async () => {
    const noAnswer = await send(employee, '/api/v1/catalogue/orders', orderBody());
    expect(noAnswer.statusCode).toBe(400);
    expect(paths(noAnswer)).toEqual(['body.orderAnswers.modell']);
    const unit = await directory.createUnit(t.db, t.a.actor, {
      name: 'Utanför',
      kind: 'department',
      costCentre: '7000',
    });
    const outside = await send(employee, '/api/v1/catalogue/orders', {
      offeringId: attestOffering,
      forUnitId: unit.id,
      kontering: { costCentre: '7000', account: '6550' },
      orderAnswers: { modell: 'X' },
    });
    expect(outside.statusCode).toBe(400);
    expect(paths(outside)).toEqual(['body.forUnitId']);
  });

  it('waits for the budget holder, who is told, approves once under parallel attests, and the desk gets one request', async () => {
    const made = await send(
      employee,
      '/api/v1/catalogue/orders',
      orderBody({ orderAnswers: { modell: 'Latitude' } }),
    );
    expect(made.statusCode, made.body).toBe(201);
    const order = json(made);
    expect(order).toMatchObject({
      status: 'awaitingApproval',
      unit: { id: schoolId },
      ticket: null,
      version: 1,
    });
    const [told] = await t.db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.personId, holderId), eq(notifications.recordId, order.id)));
    expect(Number(told!.n)).toBe(1);
    const queue = json(await get(holder, '/api/v1/catalogue/orders?view=queue'));
    expect(queue.items.map((o: { id: string }) => o.id)).toContain(order.id);
    expect(queue.items[0].can).toMatchObject({ approve: true, reject: true });
    const start = json(await get(holder, '/api/v1/start'));
    expect(JSON.stringify(start)).toContain(order.id);
    expect(json(await get(otherEconomist, '/api/v1/catalogue/orders?view=queue')).items).toEqual([]);
    expect(
      (await send(otherEconomist, `/api/v1/catalogue/orders/${order.id}/approve`, { version: 1 })).statusCode,
    ).toBe(404);
    expect(
      (await send(employee, `/api/v1/catalogue/orders/${order.id}/approve`, { version: 1 })).statusCode,
    ).toBe(403);
    const [a, b] = await Promise.all([
      send(holder, `/api/v1/catalogue/orders/${order.id}/approve`, { version: 1 }),
      send(holder, `/api/v1/catalogue/orders/${order.id}/approve`, { version: 1 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const approved = json(a.statusCode === 200 ? a : b);
    expect(approved).toMatchObject({ status: 'inFulfilment', version: 2, decidedBy: { id: holderId } });
    const requests = await t.db
      .select()
      .from(tickets)
      .where(and(eq(tickets.tenantId, t.a.id), eq(tickets.serviceId, deskServiceId)));
    expect(requests.filter((r) => r.id === approved.ticket.id)).toHaveLength(1);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ type: 'request', onBehalfOfId: newEmployeeId, unitId: schoolId });
    expect(requests[0]!.orderAnswers).toEqual({ modell: 'Latitude' });
    const stale = await send(holder, `/api/v1/catalogue/orders/${order.id}/reject`, {
      version: 1,
      reason: 'x',
    });
    expect(stale.statusCode).toBe(409);

    // Delivery: the agent working the request says "levererad"; a subscription starts that day.
    expect(
      (await send(employee, `/api/v1/catalogue/orders/${order.id}/deliver`, { version: 2 })).statusCode,
    ).toBe(403);
    const early = await send(agent, `/api/v1/catalogue/orders/${order.id}/deliver`, {
      version: 2,
      deliveredOn: '2000-01-01',
    });
    expect(early.statusCode).toBe(400);
    expect(paths(early)).toEqual(['body.deliveredOn']);
    const today = todayIso();
    const delivered = await send(agent, `/api/v1/catalogue/orders/${order.id}/deliver`, {
      version: 2,
      deliveredOn: today,
    });
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect(json(delivered)).toMatchObject({ status: 'delivered', deliveredOn: today, version: 3 });
    const again = await send(agent, `/api/v1/catalogue/orders/${order.id}/deliver`, { version: 3 });
    expect(again.statusCode).toBe(409);
    const subs = json(await get(holder, `/api/v1/catalogue/subscriptions?unitId=${schoolId}`));
    expect(subs.items).toHaveLength(1);
    const sub = subs.items[0];
    expect(sub).toMatchObject({
      orderId: order.id,
      startsOn: today,
      endsOn: null,
      person: { id: newEmployeeId },
      kontering: { costCentre: '4210', account: '6550', activity: 'P4001', counterpart: null },
      can: { cancel: true },
    });
    const month = today.slice(0, 7);
    const active = await t.db
      .select({ n: count() })
      .from(subscriptions)
      .where(and(eq(subscriptions.tenantId, t.a.id), activeInMonth(month)));
    expect(Number(active[0]!.n)).toBe(1);

    // Cancelling ends it at the month's end.
    expect(
      (await send(otherEconomist, `/api/v1/catalogue/subscriptions/${sub.id}/cancel`, { version: 1 }))
        .statusCode,
    ).toBe(403);
    const staleCancel = await send(holder, `/api/v1/catalogue/subscriptions/${sub.id}/cancel`, {
      version: 9,
    });
    expect(staleCancel.statusCode).toBe(409);
    const cancelled = await send(holder, `/api/v1/catalogue/subscriptions/${sub.id}/cancel`, { version: 1 });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(json(cancelled)).toMatchObject({ endsOn: monthEnd(today), version: 2, can: { cancel: false } });
    expect(
      (await send(holder, `/api/v1/catalogue/subscriptions/${sub.id}/cancel`, { version: 2 })).statusCode,
    ).toBe(409);
    expect(monthEnd('2027-02-10')).toBe('2027-02-28');
    expect(monthEnd('2028-02-10')).toBe('2028-02-29');
    expect(monthEnd('2027-12-31')).toBe('2027-12-31');
  });

  it('is rejected with a reason the orderer is told', async () => {
    const order = json(
      await send(employee, '/api/v1/catalogue/orders', orderBody({ orderAnswers: { modell: 'X' } })),
    );
    const noReason = await send(holder, `/api/v1/catalogue/orders/${order.id}/reject`, {
      version: 1,
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(paths(noReason)).toEqual(['body.reason']);
    const r = await send(holder, `/api/v1/catalogue/orders/${order.id}/reject`, {
      version: 1,
      reason: 'Ingen budget',
    });
    expect(r.statusCode).toBe(200);
    expect(json(r)).toMatchObject({ status: 'rejected', decisionReason: 'Ingen budget', ticket: null });
    const mine = json(await get(employee, '/api/v1/catalogue/orders?view=mine&status=rejected'));
    expect(mine.items.map((o: { id: string }) => o.id)).toEqual([order.id]);
  });

  it('goes straight to the desk without an attest, and once per Idempotency-Key', async () => {
    const body = {
      offeringId: openOffering,
      forUnitId: schoolId,
      kontering: { costCentre: '4210', account: '6540' },
      orderAnswers: { modell: 'Dell 27' },
    };
    const headers = { 'idempotency-key': 'order-1' };
    const first = await send(employee, '/api/v1/catalogue/orders', body, headers);
    const second = await send(employee, '/api/v1/catalogue/orders', body, headers);
    expect(first.statusCode, first.body).toBe(201);
    expect(json(second).id).toBe(json(first).id);
    expect(json(first)).toMatchObject({ status: 'inFulfilment', approval: 'none' });
    expect(json(first).ticket.number).toMatch(/\d/);
  });

  it('refuses a bare portal request for a service the catalogue sells; an agent may still register one', async () => {
    const request = {
      type: 'request',
      title: 'En skärm, tack',
      description: 'Utan kontering',
      serviceId: deskServiceId,
    };
    const ticketsOfService = async () =>
      (
        await t.db
          .select({ n: count() })
          .from(tickets)
          .where(and(eq(tickets.tenantId, t.a.id), eq(tickets.serviceId, deskServiceId)))
      )[0]!.n;
    const before = await ticketsOfService();
    const bare = await send(employee, '/api/v1/tickets', { ...request, orderAnswers: { modell: 'Dell 27' } });
    expect(bare.statusCode, bare.body).toBe(400);
    expect(bare.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(paths(bare)).toEqual(['body.serviceId']);
    expect(await ticketsOfService()).toBe(before);
    // An agent taking a call registers it (their own judgement of the cost).
    const byAgent = await send(agent, '/api/v1/tickets', {
      ...request,
      requesterId: newEmployeeId,
      orderAnswers: { modell: 'Dell 27' },
    });
    expect(byAgent.statusCode, byAgent.body).toBe(201);
    expect(await ticketsOfService()).toBe(before + 1);
  });

  it('pages my orders newest first without repeats', async () => {
    const p1 = json(await get(employee, '/api/v1/catalogue/orders?limit=1'));
    expect(p1.items).toHaveLength(1);
    const p2 = json(await get(employee, `/api/v1/catalogue/orders?limit=1&cursor=${p1.nextCursor}`));
    expect(p2.items[0].id < p1.items[0].id).toBe(true);
  });

  it('finds orders in the global search: the keepers every one, others only their own', async () => {
    const mine = json(await get(employee, '/api/v1/catalogue/orders?limit=1')).items[0];
    const term = mine.offering.name.split(' ')[0];
    const byOffering = json(await get(admin, `/api/v1/search?q=${encodeURIComponent(term)}`));
    expect(JSON.stringify(byOffering)).toContain(mine.id);
    const own = json(await get(employee, `/api/v1/search?q=${encodeURIComponent(term)}`));
    expect(JSON.stringify(own)).toContain(mine.id);
    // The same list filter on the orders' route, and nothing for a word no order has.
    const listed = json(
      await get(admin, `/api/v1/catalogue/orders?view=all&search=${encodeURIComponent(term)}`),
    );
    expect(listed.items.length).toBeGreaterThan(0);
    const names = (o: Record<string, { name?: string } | null>) =>
      [o.offering, o.unit, o.forPerson, o.orderedBy].map((r) => r?.name ?? '').join(' ');
    expect(listed.items.every((o: never) => names(o).toLowerCase().includes(term.toLowerCase()))).toBe(true);
    expect(json(await get(admin, '/api/v1/catalogue/orders?view=all&search=zzzingen')).items).toEqual([]);
    const theirs = json(await get(bAdmin, `/api/v1/search?q=${encodeURIComponent(term)}`));
    expect(JSON.stringify(theirs)).not.toContain(mine.id);
  });

  it("shows tenant B none of tenant A's orders, codes or subscriptions", async () => {
    const mine = json(await get(employee, '/api/v1/catalogue/orders'));
    const id = mine.items[0].id;
    expect((await get(bAdmin, `/api/v1/catalogue/orders/${id}`)).statusCode).toBe(404);
    expect((await send(bAdmin, `/api/v1/catalogue/orders/${id}/approve`, { version: 1 })).statusCode).toBe(
      404,
    );
    expect((await get(bAdmin, `/api/v1/catalogue/kontering-units/${schoolId}`)).statusCode).toBe(404);
    expect(json(await get(bAdmin, '/api/v1/catalogue/orders?view=all')).items).toEqual([]);
    expect(json(await get(bAdmin, '/api/v1/catalogue/subscriptions')).items).toEqual([]);
    expect(json(await get(bAdmin, '/api/v1/catalogue/kontering-codes')).items).toEqual([]);
    const cross = await send(bAdmin, '/api/v1/catalogue/orders', {
      offeringId: attestOffering,
      forUnitId: schoolId,
      kontering,
    });
    expect(cross.statusCode).toBe(400);
    expect(paths(cross)).toEqual(['body.offeringId']);
  });
});

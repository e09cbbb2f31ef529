import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/schema.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';

// Goals through the real app and database: perspectives and order, indicators kept by id with
// their values, a value typed by hand, a figure computed from the register through the seam's
// indicator source and frozen for a year, stale versions refused, and that tenant B sees, finds
// and changes none of tenant A's.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let employee: Session;
let owner: string;
let bPerson: string;
const thisYear = Number(todayInStockholm().slice(0, 4));

function send(session: Session, method: 'POST' | 'PATCH' | 'PUT', url: string, payload: unknown) {
  return t.app.inject({ method, url, headers: session.headers(), payload: payload as object });
}
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });
const paths = (response: { json(): { errors?: { path: string }[] } }) =>
  (response.json().errors ?? []).map((e) => e.path);

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  await seedPerson(t.db, t.a, 'employee@a.example', ['employee']);
  employee = await signIn(t.app, 'employee@a.example');
  owner = (await seedPerson(t.db, t.a, 'itstrateg@a.example', ['reader'])).id;
  bPerson = (await seedPerson(t.db, t.b, 'annan@b.example', ['reader'])).id;
  // The register: two e-services in operation since 2020, one retired in 2023, one still an idea,
  // and a system that is not an e-service; one e-service has an owner.
  const system = async (name: string, fields: object) =>
    json(await send(admin, 'POST', '/api/v1/systems', { name, scope: 'shared', ...fields })).id as string;
  const portal = await system('E-tjänsteplattform', { eService: true, inOperationFrom: '2020-01-01' });
  await system('Webbplats', { eService: true, inOperationFrom: '2020-03-01' });
  await system('Gammal e-tjänst', {
    eService: true,
    inOperationFrom: '2019-01-01',
    phase: 'retired',
    retiredOn: '2023-06-30',
  });
  await system('Ny e-tjänst', { eService: true, phase: 'idea' });
  await system('Lönesystem', { inOperationFrom: '2018-01-01' });
  const role = await send(admin, 'POST', `/api/v1/systems/${portal}/roles`, {
    kind: 'systemOwner',
    personId: owner,
    validFrom: '2020-01-01',
  });
  expect(role.statusCode).toBe(201);
});
afterAll(() => t.close());

const goalBody = () => ({
  perspective: 'service',
  title: 'Antalet e-tjänster ska öka',
  description: 'Användandet av respektive e-tjänst ska årligen följas upp.',
  ownerId: owner,
  indicators: [
    {
      name: 'E-tjänster i drift',
      unit: 'st',
      direction: 'increase',
      baseline: 1,
      baselineYear: 2021,
      target: 10,
      targetYear: 2027,
      sourceKey: 'registry.eServices',
    },
    { name: 'Ärenden via e-tjänst', unit: 'st', direction: 'increase', target: 5000, targetYear: 2027 },
  ],
});

describe('goals', () => {
  it('lists the indicator sources the modules register', async () => {
    const response = await get(admin, '/api/v1/goals/sources');
    expect(response.statusCode).toBe(200);
    const keys = json(response).items.map((s: { key: string }) => s.key);
    expect(keys).toEqual(expect.arrayContaining(['registry.eServices', 'registry.systemsWithOwner']));
  });

  it('records a goal with indicators; a computed one follows the register, a typed one its values', async () => {
    const created = await send(admin, 'POST', '/api/v1/goals', goalBody());
    expect(created.statusCode).toBe(201);
    const goal = json(created);
    expect(goal).toMatchObject({
      perspective: 'service',
      owner: { id: owner, name: 'Test itstrateg' },
      version: 1,
      can: { update: true, archive: true, restore: false },
    });
    const [computed, typed] = goal.indicators;
    expect(computed.source).toMatchObject({ key: 'registry.eServices', unit: 'st' });
    expect(computed.source.origin.sv).toContain('Systemregistret');
    // The last five years, from the register: two e-services, and the retired one until mid-2023.
    const byYear = Object.fromEntries(
      computed.years.map((y: { year: number; value: number }) => [y.year, y]),
    );
    expect(byYear[thisYear]).toMatchObject({ value: 2, origin: 'computed' });
    if (thisYear - 4 <= 2022) expect(byYear[2022]).toMatchObject({ value: 3, origin: 'computed' });
    expect(typed.source).toBeNull();
    expect(typed.years).toEqual([]);

    // A value by hand with the year's target; the goal's version moves on.
    const set = await send(admin, 'PUT', `/api/v1/goals/${goal.id}/values`, {
      version: 1,
      indicatorId: typed.id,
      year: 2025,
      value: 3100,
      target: 3000,
    });
    expect(set.statusCode).toBe(200);
    expect(json(set).version).toBe(2);
    expect(json(set).indicators[1].years).toEqual([
      { year: 2025, target: 3000, value: 3100, origin: 'manual', frozenAt: null },
    ]);

    // A computed value is not typed; a typed one is not frozen.
    const typedComputed = await send(admin, 'PUT', `/api/v1/goals/${goal.id}/values`, {
      version: 2,
      indicatorId: computed.id,
      year: 2025,
      value: 9,
    });
    expect(typedComputed.statusCode).toBe(400);
    expect(paths(typedComputed)).toEqual(['body.value']);
    const frozenTyped = await send(admin, 'PUT', `/api/v1/goals/${goal.id}/values`, {
      version: 2,
      indicatorId: typed.id,
      year: 2025,
      freeze: true,
    });
    expect(frozenTyped.statusCode).toBe(400);
    expect(paths(frozenTyped)).toEqual(['body.freeze']);

    // Frozen for last year: a later change in the register no longer moves it.
    const last = thisYear - 1;
    const frozen = await send(admin, 'PUT', `/api/v1/goals/${goal.id}/values`, {
      version: 2,
      indicatorId: computed.id,
      year: last,
      freeze: true,
    });
    expect(frozen.statusCode).toBe(200);
    const frozenYear = json(frozen).indicators[0].years.find((y: { year: number }) => y.year === last);
    expect(frozenYear).toMatchObject({ value: 2, origin: 'frozen' });
    expect(frozenYear.frozenAt).toMatch(/^\d{4}-/);
    await send(admin, 'POST', '/api/v1/systems', {
      name: 'Tredje e-tjänst',
      scope: 'shared',
      eService: true,
      inOperationFrom: '2021-01-01',
    });
    const after = json(await get(admin, `/api/v1/goals/${goal.id}`)).indicators[0].years;
    expect(after.find((y: { year: number }) => y.year === last)).toMatchObject({
      value: 2,
      origin: 'frozen',
    });
    expect(after.find((y: { year: number }) => y.year === thisYear)).toMatchObject({
      value: 3,
      origin: 'computed',
    });
    // Unfrozen, it follows the register again.
    const unfrozen = await send(admin, 'PUT', `/api/v1/goals/${goal.id}/values`, {
      version: 3,
      indicatorId: computed.id,
      year: last,
      freeze: false,
    });
    expect(unfrozen.statusCode).toBe(200);
    expect(json(unfrozen).indicators[0].years.find((y: { year: number }) => y.year === last)).toMatchObject({
      value: 3,
      origin: 'computed',
    });
  });

  it('computes the share of systems in operation with an owner', async () => {
    const created = json(
      await send(admin, 'POST', '/api/v1/goals', {
        perspective: 'society',
        title: 'Varje system har en systemägare',
        indicators: [
          {
            name: 'Med systemägare',
            unit: '%',
            direction: 'increase',
            sourceKey: 'registry.systemsWithOwner',
          },
        ],
      }),
    );
    const now = created.indicators[0].years.find((y: { year: number }) => y.year === thisYear);
    // Four in operation now (three e-services and the pay system), one with an owner.
    expect(now).toMatchObject({ value: 25, origin: 'computed' });
  });

  it('counts the users of e-services in operation from the using units, none without counts', async () => {
    const goal = json(
      await send(admin, 'POST', '/api/v1/goals', {
        perspective: 'service',
        title: 'Användandet av e-tjänster ska öka',
        indicators: [
          { name: 'Användare', unit: 'st', direction: 'increase', sourceKey: 'registry.eServiceUsers' },
        ],
      }),
    );
    const year = (g: { indicators: { years: { year: number; value: number | null }[] }[] }, y: number) =>
      g.indicators[0]!.years.find((v) => v.year === y);
    // No unit has a user count yet: no figure, not a zero.
    expect(year(goal, thisYear)).toMatchObject({ value: null, origin: null });

    // Two units on one e-service count twice; a retired e-service counts until it retired, an idea
    // and a system that is not an e-service never.
    const other = json(
      await send(admin, 'POST', '/api/v1/units', { name: 'Barn- och utbildning', kind: 'department' }),
    ).id as string;
    const system = async (name: string, fields: object) =>
      json(await send(admin, 'POST', '/api/v1/systems', { name, scope: 'shared', ...fields })).id as string;
    await system('Skolportal', {
      eService: true,
      inOperationFrom: '2020-01-01',
      usingUnits: [
        { unitId: t.a.unitId, users: 1200 },
        { unitId: other, users: 800 },
      ],
    });
    await system('Avvecklad e-tjänst', {
      eService: true,
      inOperationFrom: '2019-01-01',
      phase: 'retired',
      retiredOn: '2023-06-30',
      usingUnits: [{ unitId: other, users: 300 }],
    });
    await system('Planerad e-tjänst', {
      eService: true,
      phase: 'idea',
      usingUnits: [{ unitId: other, users: 50 }],
    });
    await system('Ekonomisystem', {
      inOperationFrom: '2018-01-01',
      usingUnits: [{ unitId: other, users: 900 }],
    });

    const now = json(await get(admin, `/api/v1/goals/${goal.id}`));
    expect(year(now, thisYear)).toMatchObject({ value: 2000, origin: 'computed' });
    if (thisYear - 4 <= 2022) expect(year(now, 2022)).toMatchObject({ value: 2300, origin: 'computed' });
  });

  it('keeps indicators named by id with their values, adds new ones and removes those left out', async () => {
    const goal = json(await send(admin, 'POST', '/api/v1/goals', goalBody()));
    const [computed, typed] = goal.indicators;
    await send(admin, 'PUT', `/api/v1/goals/${goal.id}/values`, {
      version: 1,
      indicatorId: typed.id,
      year: 2024,
      value: 1200,
    });
    const changed = await send(admin, 'PATCH', `/api/v1/goals/${goal.id}`, {
      version: 2,
      indicators: [
        { id: typed.id, name: 'Ärenden via e-tjänst per år', unit: 'st', direction: 'increase' },
        { name: 'Nöjda användare', unit: '%', direction: 'keep', target: 80 },
      ],
    });
    expect(changed.statusCode).toBe(200);
    const indicators = json(changed).indicators;
    expect(indicators.map((i: { name: string }) => i.name)).toEqual([
      'Ärenden via e-tjänst per år',
      'Nöjda användare',
    ]);
    expect(indicators[0].id).toBe(typed.id);
    expect(indicators[0].years[0]).toMatchObject({ year: 2024, value: 1200 });
    expect(indicators.some((i: { id: string }) => i.id === computed.id)).toBe(false);
    // The audit trail keeps what was removed.
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, goal.id))
      .orderBy(asc(auditEvents.occurredAt));
    expect(events.map((e) => e.action)).toEqual(['create', 'value', 'update']);
  });

  it('refuses a stale version with 409 and writes nothing', async () => {
    const goal = json(await send(admin, 'POST', '/api/v1/goals', goalBody()));
    expect(
      (await send(admin, 'PATCH', `/api/v1/goals/${goal.id}`, { version: 1, position: 2 })).statusCode,
    ).toBe(200);
    const stale = await send(admin, 'PATCH', `/api/v1/goals/${goal.id}`, { version: 1, title: 'Gammal' });
    expect(stale.statusCode).toBe(409);
    const staleValue = await send(admin, 'PUT', `/api/v1/goals/${goal.id}/values`, {
      version: 1,
      indicatorId: goal.indicators[1].id,
      year: 2025,
      value: 1,
    });
    expect(staleValue.statusCode).toBe(409);
    const now = json(await get(admin, `/api/v1/goals/${goal.id}`));
    expect(now).toMatchObject({ title: 'Antalet e-tjänster ska öka', version: 2 });
    expect(now.indicators[1].years).toEqual([]);
  });

  it('refuses bad input naming the field', async () => {
    const unknownSource = await send(admin, 'POST', '/api/v1/goals', {
      ...goalBody(),
      indicators: [{ name: 'X', direction: 'increase', sourceKey: 'catalogue.noSuchFigure' }],
    });
    expect(unknownSource.statusCode).toBe(400);
    expect(paths(unknownSource)).toEqual(['body.indicators.0.sourceKey']);
    const badPerspective = await send(admin, 'POST', '/api/v1/goals', {
      ...goalBody(),
      perspective: 'hälsa',
    });
    expect(badPerspective.statusCode).toBe(400);
    expect(paths(badPerspective)).toEqual(['body.perspective']);
    const otherOwner = await send(admin, 'POST', '/api/v1/goals', { ...goalBody(), ownerId: bPerson });
    expect(otherOwner.statusCode).toBe(400);
    expect(paths(otherOwner)).toEqual(['body.ownerId']);
  });

  it('lists goals by perspective and order, with filters and search; employees may not write', async () => {
    const list = json(await get(admin, '/api/v1/goals?limit=200')).items;
    const ranks = list.map((g: { perspective: string }) =>
      ['society', 'service', 'staff', 'economy'].indexOf(g.perspective),
    );
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const society = json(await get(admin, '/api/v1/goals?perspective=society')).items;
    expect(society.map((g: { title: string }) => g.title)).toEqual(['Varje system har en systemägare']);
    const found = json(await get(admin, '/api/v1/goals?search=nöjda')).items;
    expect(found).toHaveLength(1);
    const page1 = json(await get(admin, '/api/v1/goals?limit=2'));
    const page2 = json(
      await get(admin, `/api/v1/goals?limit=2&cursor=${encodeURIComponent(page1.nextCursor)}`),
    );
    expect(page2.items[0].id).not.toBe(page1.items[1].id);
    expect((await send(employee, 'POST', '/api/v1/goals', goalBody())).statusCode).toBe(403);
    const csv = await get(admin, '/api/v1/goals/export?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('E-tjänster i drift');
  });

  it("shows tenant B none of tenant A's goals and lets it change none (404)", async () => {
    const goal = json(await send(admin, 'POST', '/api/v1/goals', goalBody()));
    expect((await get(bAdmin, `/api/v1/goals/${goal.id}`)).statusCode).toBe(404);
    expect(
      (await send(bAdmin, 'PATCH', `/api/v1/goals/${goal.id}`, { version: 1, title: 'B' })).statusCode,
    ).toBe(404);
    const value = await send(bAdmin, 'PUT', `/api/v1/goals/${goal.id}/values`, {
      version: 1,
      indicatorId: goal.indicators[1].id,
      year: 2025,
      value: 1,
    });
    expect(value.statusCode).toBe(404);
    expect(json(await get(bAdmin, '/api/v1/goals')).items).toEqual([]);
    // B's own computed indicator counts B's register only: nothing.
    const [eServices] = goalBody().indicators;
    const indicators = [eServices, { ...eServices, name: 'Användare', sourceKey: 'registry.eServiceUsers' }];
    const bGoal = json(
      await send(bAdmin, 'POST', '/api/v1/goals', { ...goalBody(), indicators, ownerId: bPerson }),
    );
    const now = (i: number) =>
      bGoal.indicators[i].years.find((y: { year: number }) => y.year === thisYear).value;
    expect([now(0), now(1)]).toEqual([0, null]);
    const search = json(await get(bAdmin, '/api/v1/search?q=e-tjänster'));
    expect(JSON.stringify(search)).not.toContain(goal.id);
  });

  it("answers a year's follow-up with goals by perspective over five years", async () => {
    const response = await get(admin, `/api/v1/goals/follow-up/${thisYear}`);
    expect(response.statusCode).toBe(200);
    const body = json(response);
    expect(body.years).toEqual([thisYear - 4, thisYear - 3, thisYear - 2, thisYear - 1, thisYear]);
    expect(body.perspectives.map((p: { perspective: string }) => p.perspective)).toEqual([
      'society',
      'service',
      'staff',
      'economy',
    ]);
    const service = body.perspectives[1].goals;
    expect(service.length).toBeGreaterThan(0);
    for (const g of service) for (const i of g.indicators) expect(i.years).toHaveLength(5);
    expect((await get(admin, '/api/v1/goals/follow-up/3000')).statusCode).toBe(400);
  });
});

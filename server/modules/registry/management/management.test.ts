import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';

let t: TestContext;
let admin: Session;
let adminB: Session;
let heroma: string;
let raindance: string;
let systemB: string;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  adminB = await signIn(t.app, t.b.adminEmail);
  heroma = json(await post(admin, '/api/v1/systems', { name: 'Heroma', scope: 'shared' })).id;
  raindance = json(await post(admin, '/api/v1/systems', { name: 'Raindance', scope: 'shared' })).id;
  systemB = json(await post(adminB, '/api/v1/systems', { name: 'B-system', scope: 'shared' })).id;
});
afterAll(() => t.close());

const post = (session: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: session.headers(), payload: payload as object });
const patch = (session: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'PATCH', url, headers: session.headers(), payload: payload as object });
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });

describe('förvaltningsobjekt', () => {
  it('groups systems, keeps a system in one object only (409 naming it), releases them on archive', async () => {
    const created = await post(admin, '/api/v1/management-objects', {
      name: 'Lön och personal',
      ownerId: t.a.adminId,
      systemIds: [heroma],
    });
    expect(created.statusCode).toBe(201);
    const lon = json(created);
    expect(lon).toMatchObject({ systemIds: [heroma], version: 1, can: { update: true, plan: true } });

    const clash = await post(admin, '/api/v1/management-objects', {
      name: 'Ekonomi',
      systemIds: [raindance, heroma],
    });
    expect(clash.statusCode).toBe(409);
    expect(json(clash).errors[0]).toMatchObject({ path: 'body.systemIds.1' });
    expect(json(clash).errors[0].message).toContain('Heroma');
    expect(json(clash).errors[0].message).toContain('Lön och personal');
    expect(json(await get(admin, '/api/v1/management-objects?search=Ekonomi')).items).toEqual([]);

    const eko = json(
      await post(admin, '/api/v1/management-objects', { name: 'Ekonomi', systemIds: [raindance] }),
    );
    const move = await patch(admin, `/api/v1/management-objects/${eko.id}`, {
      version: 1,
      systemIds: [raindance, heroma],
    });
    expect(move.statusCode).toBe(409);
    // The object's own systems given again are no clash.
    const same = await patch(admin, `/api/v1/management-objects/${lon.id}`, {
      version: 1,
      systemIds: [heroma],
    });
    expect(same.statusCode).toBe(200);

    const bySystem = json(await get(admin, `/api/v1/management-objects?systemId=${heroma}`));
    expect(bySystem.items.map((o: { id: string }) => o.id)).toEqual([lon.id]);
    const byPerson = json(await get(admin, `/api/v1/management-objects?personId=${t.a.adminId}`));
    expect(byPerson.items.map((o: { id: string }) => o.id)).toEqual([lon.id]);

    const stale = await patch(admin, `/api/v1/management-objects/${lon.id}`, { version: 1, name: 'Gammalt' });
    expect(stale.statusCode).toBe(409);

    const archived = await post(admin, `/api/v1/management-objects/${lon.id}/archive`, {
      version: 2,
      reason: 'Sammanslaget',
    });
    expect(json(archived)).toMatchObject({ systemIds: [], can: { restore: true, plan: false } });
    const moved = await patch(admin, `/api/v1/management-objects/${eko.id}`, {
      version: 1,
      systemIds: [raindance, heroma],
    });
    expect(moved.statusCode).toBe(200);
    expect(json(moved).systemIds.sort()).toEqual([raindance, heroma].sort());
  });

  it("refuses another tenant's system and person, and archived objects' changes", async () => {
    const system = await post(admin, '/api/v1/management-objects', { name: 'Fel', systemIds: [systemB] });
    expect(system.statusCode).toBe(400);
    expect(json(system).errors[0].path).toBe('body.systemIds.0');
    const person = await post(admin, '/api/v1/management-objects', { name: 'Fel', managerId: t.b.adminId });
    expect(person.statusCode).toBe(400);
    expect(json(person).errors[0].path).toBe('body.managerId');
  });

  it('plans a year with budget and outcome, computes the difference, refuses a second plan of the year', async () => {
    const object = json(await post(admin, '/api/v1/management-objects', { name: 'Skoladministration' }));
    const url = `/api/v1/management-objects/${object.id}/plans`;
    const created = await post(admin, url, {
      year: 2025,
      status: 'adopted',
      goals: ['Digital frånvaroanmälan'],
      activities: [
        { title: 'Läsårsskifte', kind: 'maintenance' },
        { title: 'Frånvaro i appen', kind: 'development', status: 'done' },
      ],
      budgetMaintenance: 120_000_000,
      budgetDevelopment: 30_000_000,
      outcomeMaintenance: 118_000_000,
      outcomeDevelopment: 31_000_000,
    });
    expect(created.statusCode).toBe(201);
    const plan = json(created);
    expect(plan).toMatchObject({
      year: 2025,
      activities: [{ title: 'Läsårsskifte', status: 'planned', description: null }, { status: 'done' }],
      maintenance: { budget: 120_000_000, outcome: 118_000_000, difference: -2_000_000 },
      development: { difference: 1_000_000 },
      total: { budget: 150_000_000, outcome: 149_000_000, difference: -1_000_000 },
      can: { update: true },
    });

    const twice = await post(admin, url, { year: 2025 });
    expect(twice.statusCode).toBe(409);
    expect(json(twice).errors[0].path).toBe('body.year');

    await post(admin, url, { year: 2026, budgetMaintenance: 125_000_000 });
    const years = json(await get(admin, url)).items.map((p: { year: number }) => p.year);
    expect(years).toEqual([2025, 2026]);
    const one = json(await get(admin, `${url}?year=2026`)).items;
    expect(one).toHaveLength(1);
    expect(one[0].total).toMatchObject({ outcome: null, difference: null });

    const changed = await patch(admin, `/api/v1/management-plans/${plan.id}`, {
      version: 1,
      outcomeDevelopment: 29_000_000,
    });
    expect(json(changed).development.difference).toBe(-1_000_000);
    const stale = await patch(admin, `/api/v1/management-plans/${plan.id}`, { version: 1, goals: [] });
    expect(stale.statusCode).toBe(409);
  });

  it("lets the object's förvaltningsledare plan their own object only; refuses an employee", async () => {
    const leader = await seedPerson(t.db, t.a, 'ledare@a.example', ['reader']);
    await seedPerson(t.db, t.a, 'medarb@a.example', ['employee']);
    const mine = json(
      await post(admin, '/api/v1/management-objects', { name: 'Mitt', managerId: leader.id }),
    );
    const theirs = json(await post(admin, '/api/v1/management-objects', { name: 'Annat' }));
    const session = await signIn(t.app, 'ledare@a.example');
    // Until the year's plan is made, the förvaltningsledare's start page asks for it.
    const year = new Date().getFullYear();
    const waiting = json(await get(session, '/api/v1/start')).items.filter(
      (i: { section: string }) => i.section === 'managementPlans',
    );
    expect(waiting.map((i: { title: string }) => i.title)).toEqual([`Förvaltningsplan ${year} saknas: Mitt`]);
    const read = json(await get(session, `/api/v1/management-objects/${mine.id}`));
    expect(read.can).toMatchObject({ update: false, plan: true });
    const planned = await post(session, `/api/v1/management-objects/${mine.id}/plans`, { year });
    expect(planned.statusCode).toBe(201);
    expect(
      json(await get(session, '/api/v1/start')).items.filter(
        (i: { section: string }) => i.section === 'managementPlans',
      ),
    ).toEqual([]);
    const changed = await patch(session, `/api/v1/management-plans/${json(planned).id}`, {
      version: 1,
      goals: ['Mål'],
    });
    expect(changed.statusCode).toBe(200);
    expect(
      (await post(session, `/api/v1/management-objects/${theirs.id}/plans`, { year: 2026 })).statusCode,
    ).toBe(403);
    expect(
      (await patch(session, `/api/v1/management-objects/${mine.id}`, { version: 1, name: 'x' })).statusCode,
    ).toBe(403);
    const employee = await signIn(t.app, 'medarb@a.example');
    expect(
      (await post(employee, `/api/v1/management-objects/${mine.id}/plans`, { year: 2027 })).statusCode,
    ).toBe(403);
    expect((await get(employee, `/api/v1/management-objects/${mine.id}/plans`)).statusCode).toBe(403);
  });

  it('exports objects with their people and systems', async () => {
    await post(admin, '/api/v1/management-objects', { name: '=Formel', ownerId: t.a.adminId });
    const csv = await get(admin, '/api/v1/management-objects/export?format=csv');
    expect(csv.statusCode).toBe(200);
    const header = csv.body.replace(/^\uFEFF/, '').split(/\r?\n/)[0];
    expect(header).toBe('förvaltningsobjekt;beskrivning;objektägare;förvaltningsledare;system;arkiverad');
    expect(csv.body).toContain("'=Formel;;Ada a");
  });

  it("keeps tenants apart: B neither lists, reads, plans nor changes A's objects", async () => {
    const object = json(await post(admin, '/api/v1/management-objects', { name: 'Isolerat' }));
    const plan = json(await post(admin, `/api/v1/management-objects/${object.id}/plans`, { year: 2030 }));
    expect(json(await get(adminB, '/api/v1/management-objects')).items).toEqual([]);
    expect((await get(adminB, `/api/v1/management-objects/${object.id}`)).statusCode).toBe(404);
    expect((await get(adminB, `/api/v1/management-objects/${object.id}/plans`)).statusCode).toBe(404);
    expect(
      (await post(adminB, `/api/v1/management-objects/${object.id}/plans`, { year: 2031 })).statusCode,
    ).toBe(404);
    expect(
      (await patch(adminB, `/api/v1/management-plans/${plan.id}`, { version: 1, goals: [] })).statusCode,
    ).toBe(404);
    expect((await get(adminB, `/api/v1/management-plans/${plan.id}`)).statusCode).toBe(404);
  });
});

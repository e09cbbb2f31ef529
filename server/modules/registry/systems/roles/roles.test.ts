import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archivePerson } from '../../../../platform/directory/service.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../../testing.ts';
import { stockholmToday, syncAllRoles } from './service.ts';

// System roles: each in effect holds a platform grant in the system's scope, made and revoked in
// the same transaction as the change, and by the daily job as dates pass.

let t: TestContext;
let admin: Session;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
});
afterAll(() => t.close());

const post = (session: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: session.headers(), payload: payload as object });
const patch = (session: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'PATCH', url, headers: session.headers(), payload: payload as object });
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const today = stockholmToday();

async function newSystem(name: string) {
  return json(await post(admin, '/api/v1/systems', { name, scope: 'shared', owningUnitId: t.a.unitId }));
}

async function grantsOf(personId: string) {
  const page = json(await get(admin, `/api/v1/role-assignments?personId=${personId}&scope=system`));
  return page.items as { id: string; role: string; scopeId: string; scopeName: string }[];
}

describe('system roles', () => {
  it('an appointed systemägare holds the grant: on the roles page, and holdsFor lets them edit', async () => {
    const system = await newSystem('Ekonomi R');
    const owner = await seedPerson(t.db, t.a, 'r.agare@a.example', ['employee']);
    const created = await post(admin, `/api/v1/systems/${system.id}/roles`, {
      kind: 'systemOwner',
      personId: owner.id,
      note: 'Beslut KS 2026/12',
    });
    expect(created.statusCode).toBe(201);
    const role = json(created);
    expect(role).toMatchObject({
      kind: 'systemOwner',
      personName: 'Test r.agare',
      validFrom: today,
      validTo: null,
      inEffect: true,
      personArchived: false,
      version: 1,
      can: { update: true, end: true },
    });
    const grants = await grantsOf(owner.id);
    expect(grants).toEqual([
      expect.objectContaining({
        id: role.grantId,
        role: 'systemOwner',
        scopeId: system.id,
        scopeName: 'Ekonomi R',
      }),
    ]);

    const session = await signIn(t.app, 'r.agare@a.example');
    const edit = await patch(session, `/api/v1/systems/${system.id}`, { version: 1, description: 'Ägarens' });
    expect(edit.statusCode).toBe(200);
    // The systemägare may appoint the förvaltare of their own system.
    const manager = await seedPerson(t.db, t.a, 'r.forv@a.example', ['employee']);
    const appointed = await post(session, `/api/v1/systems/${system.id}/roles`, {
      kind: 'systemManager',
      personId: manager.id,
    });
    expect(appointed.statusCode).toBe(201);

    const view = json(await get(admin, `/api/v1/systems/${system.id}/roles`));
    expect(view.roles.map((r: { kind: string }) => r.kind).sort()).toEqual(['systemManager', 'systemOwner']);
    expect(view.gaps).toEqual([]);
    expect(view.directGrants).toEqual([]);
  });

  it('a future-dated role is not in effect until the job runs on its first day; an ended one is revoked', async () => {
    const system = await newSystem('Framtid R');
    const person = await seedPerson(t.db, t.a, 'r.framtid@a.example', ['employee']);
    const from = addDays(today, 10);
    const to = addDays(today, 20);
    const role = json(
      await post(admin, `/api/v1/systems/${system.id}/roles`, {
        kind: 'systemManager',
        personId: person.id,
        validFrom: from,
        validTo: to,
      }),
    );
    expect(role).toMatchObject({ inEffect: false, grantId: null });
    expect(await grantsOf(person.id)).toEqual([]);
    const view = json(await get(admin, `/api/v1/systems/${system.id}/roles`));
    expect(view.gaps).toEqual(['systemOwner', 'systemManager']);

    await syncAllRoles(t.db, addDays(from, -1));
    expect(await grantsOf(person.id)).toEqual([]);
    await syncAllRoles(t.db, from);
    expect((await grantsOf(person.id)).map((g) => g.role)).toEqual(['systemManager']);
    // Idempotent: another run on the same day changes nothing.
    expect(await syncAllRoles(t.db, from)).toBe(0);
    await syncAllRoles(t.db, addDays(to, 1));
    expect(await grantsOf(person.id)).toEqual([]);
    // The nightly job is registered with the server's jobs, on a schedule.
    const job = t.app.seam.jobs.find((j) => j.name === 'registry.system-roles-sync');
    expect(job?.schedule?.cron).toBe('5 0 * * *');
  });

  it('ending a role revokes its grant, but a grant another role still needs is kept', async () => {
    const system = json(
      await post(admin, '/api/v1/systems', { name: 'Delad R', scope: 'shared', ownDeveloped: true }),
    );
    const person = await seedPerson(t.db, t.a, 'r.delad@a.example', ['employee']);
    const owner = json(
      await post(admin, `/api/v1/systems/${system.id}/roles`, { kind: 'systemOwner', personId: person.id }),
    );
    const product = json(
      await post(admin, `/api/v1/systems/${system.id}/roles`, { kind: 'productOwner', personId: person.id }),
    );
    // Both need the platform's systemOwner in this scope: one grant serves them.
    expect(product.grantId).toBe(owner.grantId);
    expect(await grantsOf(person.id)).toHaveLength(1);

    const ended = await post(admin, `/api/v1/system-roles/${owner.id}/end`, { version: 1 });
    expect(ended.statusCode).toBe(200);
    expect(json(ended)).toMatchObject({ validTo: today, version: 2, can: { update: false, end: false } });
    // Still in effect today (its last day), and the produktägare needs the grant anyway.
    expect(await grantsOf(person.id)).toHaveLength(1);
    await syncAllRoles(t.db, addDays(today, 1));
    expect(await grantsOf(person.id)).toHaveLength(1);

    const endProduct = await post(admin, `/api/v1/system-roles/${product.id}/end`, {
      version: 1,
      endsOn: addDays(today, -1),
    });
    expect(json(endProduct)).toMatchObject({ inEffect: false, grantId: null });
    // The systemägare role holds today, its last day: the shared grant stays until it lapses.
    expect(await grantsOf(person.id)).toHaveLength(1);
    await syncAllRoles(t.db, addDays(today, 1));
    expect(await grantsOf(person.id)).toEqual([]);
    // An ended role is not changed again.
    const again = await patch(admin, `/api/v1/system-roles/${product.id}`, { version: 2, note: 'Sent' });
    expect(again.statusCode).toBe(409);
  });

  it('changing the dates grants or revokes at once; a stale version is refused and writes nothing', async () => {
    const system = await newSystem('Datum R');
    const person = await seedPerson(t.db, t.a, 'r.datum@a.example', ['employee']);
    const role = json(
      await post(admin, `/api/v1/systems/${system.id}/roles`, {
        kind: 'operationsOwner',
        personId: person.id,
        validFrom: addDays(today, 5),
      }),
    );
    expect(await grantsOf(person.id)).toEqual([]);
    const moved = await patch(admin, `/api/v1/system-roles/${role.id}`, { version: 1, validFrom: today });
    expect(moved.statusCode).toBe(200);
    expect(json(moved)).toMatchObject({ inEffect: true, version: 2 });
    expect((await grantsOf(person.id)).map((g) => g.role)).toEqual(['operationsOwner']);

    const stale = await patch(admin, `/api/v1/system-roles/${role.id}`, { version: 1, note: 'Gammal' });
    expect(stale.statusCode).toBe(409);
    const view = json(await get(admin, `/api/v1/systems/${system.id}/roles`));
    expect(view.roles[0]).toMatchObject({ note: null, version: 2 });

    const backwards = await patch(admin, `/api/v1/system-roles/${role.id}`, {
      version: 2,
      validTo: addDays(today, -3),
    });
    expect(backwards.statusCode).toBe(400);
    expect(json(backwards).errors[0].path).toBe('body.validTo');
  });

  it('an archived person leaves a visible gap, and the job revokes their grant', async () => {
    const system = await newSystem('Slutat R');
    const person = await seedPerson(t.db, t.a, 'r.slutat@a.example', ['employee']);
    await post(admin, `/api/v1/systems/${system.id}/roles`, { kind: 'systemManager', personId: person.id });
    const owner = await seedPerson(t.db, t.a, 'r.slutat.agare@a.example', ['employee']);
    await post(admin, `/api/v1/systems/${system.id}/roles`, { kind: 'systemOwner', personId: owner.id });
    expect(json(await get(admin, `/api/v1/systems/${system.id}/roles`)).gaps).toEqual([]);

    const fresh = json(await get(admin, `/api/v1/people/${person.id}`));
    await archivePerson(t.db, t.a.actor, person.id, { version: fresh.version, reason: 'Slutat' });
    const view = json(await get(admin, `/api/v1/systems/${system.id}/roles`));
    expect(view.gaps).toEqual(['systemManager']);
    expect(view.roles.find((r: { kind: string }) => r.kind === 'systemManager')).toMatchObject({
      personArchived: true,
    });
    const gaps = json(await get(admin, `/api/v1/system-roles?gaps=true&unitId=${t.a.unitId}&limit=200`));
    expect(gaps.items).toContainEqual(
      expect.objectContaining({ systemId: system.id, kind: 'systemManager', personId: person.id, gap: true }),
    );
    expect(
      gaps.items.some(
        (g: { systemId: string; kind: string }) => g.systemId === system.id && g.kind === 'systemOwner',
      ),
    ).toBe(false);
    await syncAllRoles(t.db);
    expect(await grantsOf(person.id)).toEqual([]);
  });

  it('shows IT-samordnare of using units (granted on an enclosing unit) and grants made on the roles page', async () => {
    const child = json(
      await post(admin, '/api/v1/units', { name: 'Skola R', kind: 'office', parentId: t.a.unitId }),
    );
    const system = json(
      await post(admin, '/api/v1/systems', {
        name: 'Skolsystem R',
        scope: 'business',
        usingUnits: [{ unitId: child.id, users: 40 }],
      }),
    );
    const coordinator = await seedPerson(t.db, t.a, 'r.itsam@a.example');
    const grant = await post(admin, '/api/v1/role-assignments', {
      personId: coordinator.id,
      role: 'itCoordinator',
      scope: 'unit',
      scopeId: t.a.unitId,
    });
    expect(grant.statusCode).toBe(201);
    const direct = await post(admin, '/api/v1/role-assignments', {
      personId: coordinator.id,
      role: 'operationsOwner',
      scope: 'system',
      scopeId: system.id,
    });
    expect(direct.statusCode).toBe(201);
    const view = json(await get(admin, `/api/v1/systems/${system.id}/roles`));
    expect(view.itCoordinators).toEqual([
      {
        unitId: child.id,
        unitName: 'Skola R',
        people: [
          expect.objectContaining({
            personId: coordinator.id,
            viaUnitId: t.a.unitId,
            viaUnitName: 'Förvaltning a',
          }),
        ],
      },
    ]);
    expect(view.directGrants).toEqual([
      expect.objectContaining({ grantId: json(direct).id, role: 'operationsOwner', direct: true }),
    ]);
  });

  it("refuses another tenant's person (400) and system (404), an overlap (409), and an employee (403)", async () => {
    const system = await newSystem('Gräns R');
    const foreign = await seedPerson(t.db, t.b, 'r.annan@b.example');
    const wrongPerson = await post(admin, `/api/v1/systems/${system.id}/roles`, {
      kind: 'systemOwner',
      personId: foreign.id,
    });
    expect(wrongPerson.statusCode).toBe(400);
    expect(json(wrongPerson).errors[0].path).toBe('body.personId');

    const adminB = await signIn(t.app, t.b.adminEmail);
    const local = await seedPerson(t.db, t.b, 'r.lokal@b.example');
    const wrongSystem = await post(adminB, `/api/v1/systems/${system.id}/roles`, {
      kind: 'systemOwner',
      personId: local.id,
    });
    expect(wrongSystem.statusCode).toBe(404);
    expect(json(await get(adminB, `/api/v1/systems/${system.id}/roles`)).status ?? 404).toBe(404);

    const person = await seedPerson(t.db, t.a, 'r.dubbel@a.example', ['employee']);
    const first = json(
      await post(admin, `/api/v1/systems/${system.id}/roles`, { kind: 'systemManager', personId: person.id }),
    );
    const twice = await post(admin, `/api/v1/systems/${system.id}/roles`, {
      kind: 'systemManager',
      personId: person.id,
      validFrom: addDays(today, 3),
    });
    expect(twice.statusCode).toBe(409);
    const endB = await post(adminB, `/api/v1/system-roles/${first.id}/end`, { version: 1 });
    expect(endB.statusCode).toBe(404);

    const product = await post(admin, `/api/v1/systems/${system.id}/roles`, {
      kind: 'productOwner',
      personId: person.id,
    });
    expect(product.statusCode).toBe(400);
    expect(json(product).errors[0].path).toBe('body.kind');

    const employee = await signIn(t.app, 'r.dubbel@a.example');
    const refused = await post(employee, `/api/v1/system-roles/${first.id}/end`, { version: 1 });
    expect(refused.statusCode).toBe(403);
  });

  it('lists who answers for what per person, and the systems a person answers for', async () => {
    const one = await newSystem('Ansvar Ett R');
    const two = await newSystem('Ansvar Två R');
    const person = await seedPerson(t.db, t.a, 'r.ansvar@a.example', ['employee']);
    for (const system of [one, two])
      await post(admin, `/api/v1/systems/${system.id}/roles`, { kind: 'systemManager', personId: person.id });
    const first = json(await get(admin, `/api/v1/system-roles?personId=${person.id}&limit=1`));
    expect(first.items).toEqual([
      expect.objectContaining({
        systemName: 'Ansvar Ett R',
        kind: 'systemManager',
        personName: 'Test r.ansvar',
      }),
    ]);
    const second = json(
      await get(admin, `/api/v1/system-roles?personId=${person.id}&limit=1&cursor=${first.nextCursor}`),
    );
    expect(second.items.map((i: { systemName: string }) => i.systemName)).toEqual(['Ansvar Två R']);
    expect(second.nextCursor).toBeNull();
    const systems = json(await get(admin, `/api/v1/systems?personId=${person.id}`));
    expect(systems.items.map((s: { name: string }) => s.name)).toEqual(['Ansvar Ett R', 'Ansvar Två R']);
  });

  it('pages the gaps of a unit, one row per system and missing kind, and an archived system holds no grant', async () => {
    const unit = json(await post(admin, '/api/v1/units', { name: 'Luckor R', kind: 'department' })).id;
    const made = [];
    for (const name of ['Lucka A R', 'Lucka B R'])
      made.push(json(await post(admin, '/api/v1/systems', { name, scope: 'business', owningUnitId: unit })));
    const person = await seedPerson(t.db, t.a, 'r.lucka@a.example', ['employee']);
    await post(admin, `/api/v1/systems/${made[0].id}/roles`, { kind: 'systemOwner', personId: person.id });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { systemName: string; kind: string; gap: boolean }[]; nextCursor: string | null } =
        json(
          await get(
            admin,
            `/api/v1/system-roles?gaps=true&unitId=${unit}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
          ),
        );
      seen.push(...page.items.map((i) => `${i.systemName}:${i.kind}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Lucka A R:systemManager', 'Lucka B R:systemOwner', 'Lucka B R:systemManager']);

    expect(await grantsOf(person.id)).toHaveLength(1);
    const archived = await post(admin, `/api/v1/systems/${made[0].id}/archive`, {
      version: 1,
      reason: 'Avvecklat',
    });
    expect(archived.statusCode).toBe(200);
    expect(await grantsOf(person.id)).toEqual([]);
    await post(admin, `/api/v1/systems/${made[0].id}/restore`, { version: 2 });
    expect(await grantsOf(person.id)).toHaveLength(1);
  });

  it('puts the systems a person answers for that need attention on their start page', async () => {
    const system = await newSystem('Start R');
    const person = await seedPerson(t.db, t.a, 'r.start@a.example', ['employee']);
    await post(admin, `/api/v1/systems/${system.id}/roles`, { kind: 'systemManager', personId: person.id });
    const session = await signIn(t.app, 'r.start@a.example');
    const items = json(await get(session, '/api/v1/start')).items;
    expect(items).toContainEqual(
      expect.objectContaining({
        section: 'mySystems',
        id: system.id,
        title: 'Start R',
        detail: 'Saknar systemägare',
        href: `/systems/${system.id}`,
      }),
    );
  });
});

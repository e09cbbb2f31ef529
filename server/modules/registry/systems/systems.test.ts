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

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
});
afterAll(() => t.close());

const post = (session: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: session.headers(), payload: payload as object });

describe('systems', () => {
  it('registers, reads, lists, changes, archives and restores a system', async () => {
    const created = await post(admin, '/api/v1/systems', {
      name: 'Heroma',
      shortName: 'PA',
      scope: 'shared',
      owningUnitId: t.a.unitId,
      usingUnits: [{ unitId: t.a.unitId, users: 1200 }],
      product: 'Heroma',
      productVersion: '23.2',
      tags: ['lön', 'personal'],
    });
    expect(created.statusCode).toBe(201);
    const system = json(created);
    expect(system).toMatchObject({
      name: 'Heroma',
      phase: 'operation',
      usingUnits: [{ unitId: t.a.unitId, users: 1200 }],
      version: 1,
      can: { update: true, archive: true, readClassification: true },
    });

    const listed = json(await t.app.inject({ url: '/api/v1/systems?search=hero', headers: admin.headers() }));
    expect(listed.items.map((s: { id: string }) => s.id)).toEqual([system.id]);
    const byTag = json(await t.app.inject({ url: '/api/v1/systems?tag=l%C3%B6n', headers: admin.headers() }));
    expect(byTag.items).toHaveLength(1);
    const byUnit = json(
      await t.app.inject({ url: `/api/v1/systems?unitId=${t.a.unitId}`, headers: admin.headers() }),
    );
    expect(byUnit.items).toHaveLength(1);

    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/systems/${system.id}`,
      headers: admin.headers(),
      payload: { version: 1, phase: 'phaseOut', usingUnits: [] },
    });
    expect(changed.statusCode).toBe(200);
    expect(json(changed)).toMatchObject({ phase: 'phaseOut', usingUnits: [], version: 2 });

    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/systems/${system.id}`,
      headers: admin.headers(),
      payload: { version: 1, name: 'Gammalt' },
    });
    expect(stale.statusCode).toBe(409);
    expect(
      json(await t.app.inject({ url: `/api/v1/systems/${system.id}`, headers: admin.headers() })).name,
    ).toBe('Heroma');

    const archived = await post(admin, `/api/v1/systems/${system.id}/archive`, {
      version: 2,
      reason: 'Ersatt',
    });
    expect(archived.statusCode).toBe(200);
    expect(
      json(await t.app.inject({ url: '/api/v1/systems?search=hero', headers: admin.headers() })).items,
    ).toEqual([]);
    const restored = await post(admin, `/api/v1/systems/${system.id}/restore`, { version: 3 });
    expect(json(restored)).toMatchObject({ archivedAt: null, version: 4 });
  });

  it('refuses a unit of another tenant and writes nothing', async () => {
    const response = await post(admin, '/api/v1/systems', {
      name: 'Fel',
      scope: 'business',
      owningUnitId: t.b.unitId,
    });
    expect(response.statusCode).toBe(400);
    expect(json(response).errors[0].path).toBe('body.owningUnitId');
    expect(
      json(await t.app.inject({ url: '/api/v1/systems?search=Fel', headers: admin.headers() })).items,
    ).toEqual([]);
  });

  it('is a kind of scope: a systemägare granted on the roles page may edit that system only', async () => {
    const one = json(await post(admin, '/api/v1/systems', { name: 'Diarium', scope: 'shared' }));
    const other = json(await post(admin, '/api/v1/systems', { name: 'Ekonomi', scope: 'shared' }));
    const owner = await seedPerson(t.db, t.a, 'agare@a.example', ['employee']);
    const grant = await post(admin, '/api/v1/role-assignments', {
      personId: owner.id,
      role: 'systemOwner',
      scope: 'system',
      scopeId: one.id,
    });
    expect(grant.statusCode).toBe(201);
    const roles = json(
      await t.app.inject({ url: `/api/v1/role-assignments?personId=${owner.id}`, headers: admin.headers() }),
    );
    expect(roles.items.find((r: { role: string }) => r.role === 'systemOwner')).toMatchObject({
      scopeName: 'Diarium',
      scopeHref: `/systems/${one.id}`,
    });
    const session = await signIn(t.app, 'agare@a.example');
    const mine = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/systems/${one.id}`,
      headers: session.headers(),
      payload: { version: 1, description: 'Ägarens text' },
    });
    expect(mine.statusCode).toBe(200);
    const theirs = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/systems/${other.id}`,
      headers: session.headers(),
      payload: { version: 1, description: 'Inte min' },
    });
    expect(theirs.statusCode).toBe(403);
    const read = json(await t.app.inject({ url: `/api/v1/systems/${other.id}`, headers: session.headers() }));
    expect(read.can).toMatchObject({ update: false, readClassification: false });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, json, type Session, signIn, type TestContext } from '../../testing.ts';

let t: TestContext;
let admin: Session;
beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
});
afterAll(() => t.close());

async function createPerson(payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/v1/people', headers: admin.headers(), payload });
}

describe('people', () => {
  it('creates a person with a normalised email, lists, filters by unit and searches', async () => {
    const created = await createPerson({
      givenName: 'Åsa',
      familyName: 'Öberg',
      email: ' Asa.Oberg@A.example ',
      title: 'IT-kundansvarig',
      phone: '0123-45 67 89',
      unitId: t.a.unitId,
    });
    expect(created.statusCode).toBe(201);
    const person = json(created);
    expect(person).toMatchObject({
      name: 'Åsa Öberg',
      email: 'asa.oberg@a.example',
      active: true,
      version: 1,
    });

    const byUnit = json(
      await t.app.inject({ url: `/api/v1/people?unitId=${t.a.unitId}`, headers: admin.headers() }),
    );
    expect(byUnit.items.map((p: { id: string }) => p.id)).toContain(person.id);
    for (const term of ['öberg', 'Åsa Ö', 'kundansvarig', 'asa.oberg']) {
      const found = json(
        await t.app.inject({
          url: `/api/v1/people?search=${encodeURIComponent(term)}`,
          headers: admin.headers(),
        }),
      );
      expect(
        found.items.map((p: { id: string }) => p.id),
        term,
      ).toEqual([person.id]);
    }
    // LIKE wildcards in a search are taken literally.
    const wildcard = json(await t.app.inject({ url: '/api/v1/people?search=%25', headers: admin.headers() }));
    expect(wildcard.items).toEqual([]);
  });

  it('lists people in Swedish alphabetical order, across pages, and finds them family name first', async () => {
    const unit = json(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers: admin.headers(),
        payload: { name: 'Sorteringsenheten', kind: 'subunit' },
      }),
    );
    // Created out of order; C byte order would give Zakrisson, Ängel, Åberg, Émile's Öhman last.
    const names = [
      ['Örjan', 'Öhman'],
      ['Émile', 'Ekström'],
      ['Anna', 'Ängel'],
      ['Bo', 'Åberg'],
      ['Clara', 'Zakrisson'],
      ['Eva', 'Eriksson'],
      ['Pia', 'Müller'],
      ['Lars', 'Mattsson'],
    ];
    for (const [givenName, familyName] of names) {
      const created = await createPerson({
        givenName,
        familyName,
        email: `${familyName}.sort@a.example`.normalize('NFD').replace(/\p{M}/gu, ''),
        unitId: unit.id,
      });
      expect(created.statusCode).toBe(201);
    }
    const order: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/v1/people?unitId=${unit.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = json(await t.app.inject({ url: query, headers: admin.headers() }));
      order.push(...page.items.map((p: { familyName: string }) => p.familyName));
      cursor = page.nextCursor;
    } while (cursor);
    // Müller as Myller (ü as y), Émile as Emile; å, ä, ö after z in that order.
    expect(order).toEqual([
      'Ekström',
      'Eriksson',
      'Mattsson',
      'Müller',
      'Zakrisson',
      'Åberg',
      'Ängel',
      'Öhman',
    ]);

    const search = json(
      await t.app.inject({ url: '/api/v1/people?search=%C3%B6hman%20%C3%B6rjan', headers: admin.headers() }),
    );
    expect(search.items.map((p: { name: string }) => p.name)).toEqual(['Örjan Öhman']);
  });

  it('refuses a second person with the same email, naming the field, and writes nothing', async () => {
    await createPerson({ givenName: 'Karl', familyName: 'Berg', email: 'karl.berg@a.example' });
    const again = await createPerson({
      givenName: 'Karl',
      familyName: 'Berg II',
      email: 'KARL.BERG@a.example',
    });
    expect(again.statusCode).toBe(409);
    expect(json(again).errors[0].path).toBe('body.email');
    const list = json(await t.app.inject({ url: '/api/v1/people?search=karl', headers: admin.headers() }));
    expect(list.items).toHaveLength(1);
  });

  it('the same email may exist in another tenant', async () => {
    const b = await signIn(t.app, t.b.adminEmail);
    const inB = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: b.headers(),
      payload: { givenName: 'Karl', familyName: 'Berg', email: 'karl.berg@a.example' },
    });
    expect(inB.statusCode).toBe(201);
  });

  it('refuses a unit of another tenant', async () => {
    const response = await createPerson({
      givenName: 'X',
      familyName: 'Y',
      email: 'xy@a.example',
      unitId: t.b.unitId,
    });
    expect(response.statusCode).toBe(400);
    expect(json(response).errors[0].path).toBe('body.unitId');
  });

  it('moves a person to another unit, archives with a reason and restores, all in the history', async () => {
    const unit = json(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers: admin.headers(),
        payload: { name: 'Socialförvaltningen', kind: 'department' },
      }),
    );
    const person = json(
      await createPerson({
        givenName: 'Lena',
        familyName: 'Ek',
        email: 'lena.ek@a.example',
        unitId: t.a.unitId,
      }),
    );
    const moved = json(
      await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/people/${person.id}`,
        headers: admin.headers(),
        payload: { version: 1, unitId: unit.id, title: 'Socialsekreterare' },
      }),
    );
    expect(moved).toMatchObject({ unitId: unit.id, title: 'Socialsekreterare', version: 2 });

    // A unit with people cannot be archived until they have moved.
    const blocked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/units/${unit.id}/archive`,
      headers: admin.headers(),
      payload: { version: 1, reason: 'Omorganisation' },
    });
    expect(blocked.statusCode).toBe(409);

    const archived = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${person.id}/archive`,
      headers: admin.headers(),
      payload: { version: 2, reason: 'Avslutad anställning' },
    });
    expect(json(archived)).toMatchObject({
      active: false,
      archiveReason: 'Avslutad anställning',
      version: 3,
    });
    const restored = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${person.id}/restore`,
      headers: admin.headers(),
      payload: { version: 3 },
    });
    expect(json(restored)).toMatchObject({ active: true, archivedAt: null, version: 4 });

    const history = json(
      await t.app.inject({
        url: `/api/v1/audit?entity=person&entityId=${person.id}`,
        headers: admin.headers(),
      }),
    );
    expect(history.items.map((e: { action: string }) => e.action)).toEqual([
      'restore',
      'archive',
      'move',
      'create',
    ]);
    expect(history.items[2].changes).toEqual({
      unitId: [t.a.unitId, unit.id],
      title: [null, 'Socialsekreterare'],
    });
  });

  it('shows a person their own history but not others', async () => {
    const person = json(await createPerson({ givenName: 'Olle', familyName: 'Ek', email: 'olle@a.example' }));
    const { setPassword } = await import('../auth/service.ts');
    await setPassword(t.db, t.a.actor, person.id, 'ett långt lösenord');
    const olle = await signIn(t.app, 'olle@a.example', 'ett långt lösenord');
    const own = await t.app.inject({
      url: `/api/v1/audit?entity=person&entityId=${person.id}`,
      headers: olle.headers(),
    });
    expect(own.statusCode).toBe(200);
    const other = await t.app.inject({
      url: `/api/v1/audit?entity=person&entityId=${t.a.adminId}`,
      headers: olle.headers(),
    });
    expect(other.statusCode).toBe(403);
  });

  it('exports the audit trail as CSV with a BOM', async () => {
    const response = await t.app.inject({
      url: '/api/v1/audit/export?entity=person',
      headers: admin.headers(),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.body.charCodeAt(0)).toBe(0xfeff);
    expect(response.body).toContain('occurredAt,actor,entity,entityId,action,changes,requestId');
    expect(response.body).toContain('Lena');
  });
});

describe('role assignments', () => {
  it('grants global and unit roles, refuses wrong scopes and duplicates, revokes and keeps history', async () => {
    const person = json(await createPerson({ givenName: 'Rut', familyName: 'Roll', email: 'rut@a.example' }));
    const grant = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/role-assignments', headers: admin.headers(), payload });

    const strategist = await grant({ personId: person.id, role: 'itStrategist' });
    expect(strategist.statusCode).toBe(201);
    expect(json(strategist)).toMatchObject({ role: 'itStrategist', scope: 'global', scopeId: null });

    const account = await grant({
      personId: person.id,
      role: 'accountManager',
      scope: 'unit',
      scopeId: t.a.unitId,
    });
    expect(json(account)).toMatchObject({ scope: 'unit', scopeId: t.a.unitId });

    const unscoped = await grant({ personId: person.id, role: 'accountManager' });
    expect(unscoped.statusCode).toBe(400);
    const wrongScope = await grant({
      personId: person.id,
      role: 'admin',
      scope: 'unit',
      scopeId: t.a.unitId,
    });
    expect(wrongScope.statusCode).toBe(400);
    expect(json(wrongScope).errors[0].path).toBe('body.scope');
    // A kind no module registers is unknown, whatever the role allows.
    const unknownKind = await grant({
      personId: person.id,
      role: 'systemOwner',
      scope: 'nosuchkind',
      scopeId: person.id,
    });
    expect(unknownKind.statusCode).toBe(400);
    expect(json(unknownKind).errors[0].path).toBe('body.scope');
    // A registered kind (the registry's `system`) checks the id: a person's id is no system.
    const notASystem = await grant({
      personId: person.id,
      role: 'systemOwner',
      scope: 'system',
      scopeId: person.id,
    });
    expect(notASystem.statusCode).toBe(400);
    expect(json(notASystem).errors[0].path).toBe('body.scopeId');
    const missingScopeId = await grant({ personId: person.id, role: 'accountManager', scope: 'unit' });
    expect(json(missingScopeId).errors[0].path).toBe('body.scopeId');
    const otherTenantsUnit = await grant({
      personId: person.id,
      role: 'accountManager',
      scope: 'unit',
      scopeId: t.b.unitId,
    });
    expect(otherTenantsUnit.statusCode).toBe(400);
    expect(json(otherTenantsUnit).errors[0].path).toBe('body.scopeId');
    const duplicate = await grant({ personId: person.id, role: 'itStrategist' });
    expect(duplicate.statusCode).toBe(409);

    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/role-assignments/${json(strategist).id}/revoke`,
      headers: admin.headers(),
    });
    expect(json(revoked).revokedAt).not.toBeNull();
    const active = json(
      await t.app.inject({ url: `/api/v1/role-assignments?personId=${person.id}`, headers: admin.headers() }),
    );
    expect(active.items.map((r: { role: string }) => r.role)).toEqual(['accountManager']);
    const all = json(
      await t.app.inject({
        url: `/api/v1/role-assignments?personId=${person.id}&includeRevoked=true`,
        headers: admin.headers(),
      }),
    );
    expect(all.items).toHaveLength(2);
    // It can be granted again after the revoke.
    expect((await grant({ personId: person.id, role: 'itStrategist' })).statusCode).toBe(201);

    const history = json(
      await t.app.inject({
        url: `/api/v1/audit?entity=person&entityId=${person.id}`,
        headers: admin.headers(),
      }),
    );
    expect(history.items.map((e: { action: string }) => e.action)).toEqual([
      'grant-role',
      'revoke-role',
      'grant-role',
      'grant-role',
      'create',
    ]);
  });

  it('pages the holders of one role in the order granted and counts the holders of each role', async () => {
    const before = json(
      await t.app.inject({ url: '/api/v1/role-assignments/counts', headers: admin.headers() }),
    );
    const countOf = (body: { items: { role: string; holders: number }[] }, role: string) =>
      body.items.find((c) => c.role === role)?.holders ?? 0;
    const granted: string[] = [];
    for (let i = 0; i < 5; i++) {
      const person = json(
        await createPerson({
          givenName: 'Förvaltare',
          familyName: `Nummer${i}`,
          email: `forv${i}@a.example`,
        }),
      );
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/role-assignments',
        headers: admin.headers(),
        payload: { personId: person.id, role: 'economist' },
      });
      expect(response.statusCode).toBe(201);
      granted.push(json(response).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/role-assignments?role=economist&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = json(await t.app.inject({ url, headers: admin.headers() }));
      expect(page.items.every((a: { role: string }) => a.role === 'economist')).toBe(true);
      seen.push(...page.items.map((a: { id: string }) => a.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(seen.slice(-5)).toEqual(granted);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBeGreaterThanOrEqual(3);

    // All roles: grouped by role across pages, none repeated or skipped.
    const all: { id: string; role: string }[] = [];
    cursor = null;
    do {
      const url: string = `/api/v1/role-assignments?limit=4${cursor ? `&cursor=${cursor}` : ''}`;
      const page = json(await t.app.inject({ url, headers: admin.headers() }));
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const roles = all.map((a) => a.role);
    expect(roles).toEqual([...roles].sort());
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
    expect(all.filter((a) => a.role === 'economist').map((a) => a.id)).toEqual(seen);

    // Revoked grants do not count.
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/role-assignments/${granted[0]}/revoke`,
      headers: admin.headers(),
    });
    const after = json(
      await t.app.inject({ url: '/api/v1/role-assignments/counts', headers: admin.headers() }),
    );
    expect(countOf(after, 'economist')).toBe(countOf(before, 'economist') + 4);
    expect(countOf(after, 'admin')).toBe(countOf(before, 'admin'));
  });

  it('a new grant takes effect on the next request', async () => {
    const person = json(await createPerson({ givenName: 'Nils', familyName: 'Ny', email: 'nils@a.example' }));
    const { setPassword } = await import('../auth/service.ts');
    await setPassword(t.db, t.a.actor, person.id, 'ett långt lösenord');
    const nils = await signIn(t.app, 'nils@a.example', 'ett långt lösenord');
    const create = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers: nils.headers(),
        payload: { name: 'Nils enhet', kind: 'office' },
      });
    expect((await create()).statusCode).toBe(403);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/role-assignments',
      headers: admin.headers(),
      payload: { personId: person.id, role: 'admin' },
    });
    expect((await create()).statusCode).toBe(201);
  });

  it('does not let an admin revoke their own admin role', async () => {
    const mine = json(
      await t.app.inject({
        url: `/api/v1/role-assignments?personId=${t.a.adminId}`,
        headers: admin.headers(),
      }),
    );
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/role-assignments/${mine.items[0].id}/revoke`,
      headers: admin.headers(),
    });
    expect(response.statusCode).toBe(409);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, json, type Session, signIn, type TestContext } from '../../testing.ts';

let t: TestContext;
let admin: Session;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
});
afterAll(() => t.close());

describe('units', () => {
  it('creates, reads, lists, moves, archives and restores a unit, with history', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: admin.headers(),
      payload: { name: 'Barn- och utbildningsförvaltningen', kind: 'department', costCentre: '4100' },
    });
    expect(created.statusCode).toBe(201);
    const unit = json(created);
    expect(unit).toMatchObject({
      name: 'Barn- och utbildningsförvaltningen',
      kind: 'department',
      version: 1,
      parentId: null,
    });

    const child = json(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers: admin.headers(),
        payload: { name: 'Förskola Solrosen', kind: 'subunit', parentId: unit.id },
      }),
    );
    expect(child.parentId).toBe(unit.id);

    const listed = json(await t.app.inject({ url: '/api/v1/units?search=solros', headers: admin.headers() }));
    expect(listed.items.map((u: { id: string }) => u.id)).toEqual([child.id]);

    // Moving a unit below its own child is refused and changes nothing.
    const cycle = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${unit.id}`,
      headers: admin.headers(),
      payload: { version: 1, parentId: child.id },
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.headers['content-type']).toContain('application/problem+json');
    expect(json(cycle).errors[0].path).toBe('body.parentId');

    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${child.id}`,
      headers: admin.headers(),
      payload: { version: 1, parentId: t.a.unitId },
    });
    expect(moved.statusCode).toBe(200);
    expect(json(moved)).toMatchObject({ parentId: t.a.unitId, version: 2 });

    const archived = await t.app.inject({
      method: 'POST',
      url: `/api/v1/units/${child.id}/archive`,
      headers: admin.headers(),
      payload: { version: 2, reason: 'Sammanslagen med Förskola Vitsippan' },
    });
    expect(archived.statusCode).toBe(200);
    expect(json(archived).archivedAt).not.toBeNull();
    const hidden = json(await t.app.inject({ url: '/api/v1/units?search=solros', headers: admin.headers() }));
    expect(hidden.items).toEqual([]);
    const shown = json(
      await t.app.inject({
        url: '/api/v1/units?search=solros&includeArchived=true',
        headers: admin.headers(),
      }),
    );
    expect(shown.items).toHaveLength(1);

    const restored = await t.app.inject({
      method: 'POST',
      url: `/api/v1/units/${child.id}/restore`,
      headers: admin.headers(),
      payload: { version: 3 },
    });
    expect(json(restored)).toMatchObject({ archivedAt: null, version: 4 });

    const history = json(
      await t.app.inject({ url: `/api/v1/audit?entity=unit&entityId=${child.id}`, headers: admin.headers() }),
    );
    expect(history.items.map((e: { action: string }) => e.action)).toEqual([
      'restore',
      'archive',
      'move',
      'create',
    ]);
    expect(history.items[2].changes.parentId).toEqual([unit.id, t.a.unitId]);
    expect(history.items[0].actorId).toBe(t.a.adminId);
  });

  it('refuses a stale version with 409 and keeps the newer edit', async () => {
    const unit = json(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers: admin.headers(),
        payload: { name: 'Kultur', kind: 'department' },
      }),
    );
    const first = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${unit.id}`,
      headers: admin.headers(),
      payload: { version: 1, name: 'Kultur- och fritidsförvaltningen' },
    });
    expect(first.statusCode).toBe(200);
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${unit.id}`,
      headers: admin.headers(),
      payload: { version: 1, name: 'Kulturförvaltningen' },
    });
    expect(stale.statusCode).toBe(409);
    expect(json(stale).code).toBe('version-conflict');
    const now = json(await t.app.inject({ url: `/api/v1/units/${unit.id}`, headers: admin.headers() }));
    expect(now).toMatchObject({ name: 'Kultur- och fritidsförvaltningen', version: 2 });
  });

  it('pages through units with a keyset cursor, never repeating or skipping', async () => {
    for (let i = 0; i < 7; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers: admin.headers(),
        payload: { name: `Enhet ${i}`, kind: 'subunit' },
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string; name: string }[]; nextCursor: string | null } = json(
        await t.app.inject({
          url: `/api/v1/units?search=Enhet&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
          headers: admin.headers(),
        }),
      );
      seen.push(...page.items.map((u) => u.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Enhet 0', 'Enhet 1', 'Enhet 2', 'Enhet 3', 'Enhet 4', 'Enhet 5', 'Enhet 6']);
  });

  it('lists units in Swedish alphabetical order, renamed ones too', async () => {
    const ids: Record<string, string> = {};
    for (const name of [
      'Överförmyndarnämnden',
      'Äldreomsorgen',
      'Åkerienheten',
      'Zonkontoret',
      'Ekonomienheten',
    ]) {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers: admin.headers(),
        payload: { name, kind: 'office' },
      });
      ids[name] = json(created).id;
    }
    // A rename moves the unit to its new place in the order.
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${ids.Ekonomienheten}`,
      headers: admin.headers(),
      payload: { version: 1, name: 'Ärendeenheten' },
    });
    expect(renamed.statusCode).toBe(200);
    const names = json(await t.app.inject({ url: '/api/v1/units?limit=200', headers: admin.headers() }))
      .items.map((u: { name: string }) => u.name)
      .filter((name: string) => /^(Över|Äldre|Åkeri|Zon|Ärende)/.test(name));
    expect(names).toEqual([
      'Zonkontoret',
      'Åkerienheten',
      'Äldreomsorgen',
      'Ärendeenheten',
      'Överförmyndarnämnden',
    ]);
  });

  it('filters the list by parent and by kind', async () => {
    const create = async (payload: Record<string, unknown>) =>
      json(await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: admin.headers(), payload }));
    const parent = await create({ name: 'Filterförvaltningen', kind: 'department' });
    await create({ name: 'Filterkontoret', kind: 'office', parentId: parent.id });
    await create({ name: 'Filterenheten', kind: 'subunit', parentId: parent.id });
    await create({ name: 'Filterbolaget', kind: 'company' });
    const names = async (query: string) =>
      json(await t.app.inject({ url: `/api/v1/units?${query}`, headers: admin.headers() })).items.map(
        (u: { name: string }) => u.name,
      );
    expect(await names(`parentId=${parent.id}`)).toEqual(['Filterenheten', 'Filterkontoret']);
    expect(await names(`parentId=${parent.id}&kind=office`)).toEqual(['Filterkontoret']);
    expect(await names('kind=company&search=filter')).toEqual(['Filterbolaget']);
  });
});

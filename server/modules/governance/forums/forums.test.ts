import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeHolders } from '../../../platform/directory/service.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';

// Forums through the real app and database: officers, members and deputies granted forumMember in
// the forum's scope, validation, versions, archive, filters, export, and that tenant B sees none of
// tenant A's and cannot name A's people.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let employee: Session;
let chair: string;
let convener: string;
let member: string;
let deputy: string;
let bPerson: string;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  await seedPerson(t.db, t.a, 'employee@a.example', ['employee']);
  employee = await signIn(t.app, 'employee@a.example');
  chair = (await seedPerson(t.db, t.a, 'kommundirektor@a.example', ['reader'])).id;
  convener = (await seedPerson(t.db, t.a, 'itstrateg@a.example', ['reader'])).id;
  member = (await seedPerson(t.db, t.a, 'ekonomichef@a.example', ['reader'])).id;
  deputy = (await seedPerson(t.db, t.a, 'controller@a.example', ['reader'])).id;
  bPerson = (await seedPerson(t.db, t.b, 'annan@b.example', ['reader'])).id;
});
afterAll(() => t.close());

function post(session: Session, url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url, headers: session.headers(), payload: payload as object });
}
function patch(session: Session, url: string, payload: unknown) {
  return t.app.inject({ method: 'PATCH', url, headers: session.headers(), payload: payload as object });
}
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });
const paths = (response: { json(): { errors?: { path: string }[] } }) =>
  (response.json().errors ?? []).map((e) => e.path);
const holders = async (forumId: string) =>
  (await scopeHolders(t.db, t.a.id, 'forumMember', 'forum', [forumId])).map((h) => h.personId).sort();

describe('forums', () => {
  it('records a forum with its officers, members and deputies, all granted forumMember in it', async () => {
    const created = await post(admin, '/api/v1/forums', {
      name: 'IT-styrgrupp',
      kind: 'steeringGroup',
      meetingsPerYear: 10,
      meetingsPerYearMax: 12,
      mandate: 'Godkänner inköp av kommungemensamma IT-lösningar.',
      chairId: chair,
      convenerId: convener,
      secretaryId: convener,
      members: [{ personId: member, deputyId: deputy }, { personId: convener }],
      decisionClasses: ['newSystem', 'procurement', 'newSystem'],
    });
    expect(created.statusCode).toBe(201);
    const forum = json(created);
    expect(forum).toMatchObject({
      name: 'IT-styrgrupp',
      kind: 'steeringGroup',
      meetingsPerYear: 10,
      meetingsPerYearMax: 12,
      chair: { id: chair, name: 'Test kommundirektor' },
      convener: { id: convener },
      decisionClasses: ['newSystem', 'procurement'],
      version: 1,
      can: { update: true, archive: true, restore: false },
    });
    expect(forum.members).toEqual([
      { personId: member, name: 'Test ekonomichef', deputyId: deputy, deputyName: 'Test controller' },
      { personId: convener, name: 'Test itstrateg', deputyId: null, deputyName: null },
    ]);
    expect(await holders(forum.id)).toEqual([chair, convener, member, deputy].sort());

    // A new list of members replaces the old; who is no longer named loses the grant.
    const stale = await patch(admin, `/api/v1/forums/${forum.id}`, { version: 7, members: [] });
    expect(stale.statusCode).toBe(409);
    const changed = await patch(admin, `/api/v1/forums/${forum.id}`, {
      version: 1,
      members: [{ personId: deputy }],
      secretaryId: null,
    });
    expect(changed.statusCode).toBe(200);
    expect(json(changed)).toMatchObject({ version: 2, secretary: null, members: [{ personId: deputy }] });
    expect(await holders(forum.id)).toEqual([chair, convener, deputy].sort());

    // Archived, it names no one; restored, its people are granted again.
    const archived = await post(admin, `/api/v1/forums/${forum.id}/archive`, {
      version: 2,
      reason: 'Ersatt',
    });
    expect(json(archived)).toMatchObject({ version: 3, archiveReason: 'Ersatt', can: { restore: true } });
    expect(await holders(forum.id)).toEqual([]);
    expect((await patch(admin, `/api/v1/forums/${forum.id}`, { version: 3, name: 'X' })).statusCode).toBe(
      409,
    );
    const restored = await post(admin, `/api/v1/forums/${forum.id}/restore`, { version: 3 });
    expect(json(restored)).toMatchObject({ version: 4, archivedAt: null });
    expect(await holders(forum.id)).toEqual([chair, convener, deputy].sort());
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const cases: [unknown, string][] = [
      [{ name: 'X', kind: 'council', meetingsPerYear: 4 }, 'body.kind'],
      [{ name: '', kind: 'other', meetingsPerYear: 4 }, 'body.name'],
      [{ name: 'X', kind: 'other', meetingsPerYear: -1 }, 'body.meetingsPerYear'],
      [{ name: 'X', kind: 'other', meetingsPerYear: 4, meetingsPerYearMax: 2 }, 'body.meetingsPerYearMax'],
      [{ name: 'X', kind: 'other', meetingsPerYear: 4, chairId: bPerson }, 'body.chairId'],
      [
        { name: 'X', kind: 'other', meetingsPerYear: 4, members: [{ personId: bPerson }] },
        'body.members.0.personId',
      ],
      [
        { name: 'X', kind: 'other', meetingsPerYear: 4, members: [{ personId: member, deputyId: bPerson }] },
        'body.members.0.deputyId',
      ],
      [
        { name: 'X', kind: 'other', meetingsPerYear: 4, members: [{ personId: member, deputyId: member }] },
        'body.members.0.deputyId',
      ],
      [
        {
          name: 'X',
          kind: 'other',
          meetingsPerYear: 4,
          members: [{ personId: member }, { personId: member }],
        },
        'body.members',
      ],
      [
        { name: 'X', kind: 'other', meetingsPerYear: 4, decisionClasses: ['anything'] },
        'body.decisionClasses.0',
      ],
    ];
    for (const [body, path] of cases) {
      const response = await post(admin, '/api/v1/forums', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(paths(response)).toContain(path);
    }
    const all = json(await get(admin, '/api/v1/forums?search=X&includeArchived=true'));
    expect(all.items).toEqual([]);
  });

  it('lists by kind, person and class of decision; exports; only staff read and only keepers write', async () => {
    await post(admin, '/api/v1/forums', {
      name: 'Finansieringsgrupp',
      kind: 'financingGroup',
      meetingsPerYear: 4,
      meetingsPerYearMax: 5,
      convenerId: convener,
      members: [{ personId: member }],
      decisionClasses: ['budget', 'prices'],
    });
    const byKind = json(await get(admin, '/api/v1/forums?kind=financingGroup'));
    expect(byKind.items.map((f: { name: string }) => f.name)).toEqual(['Finansieringsgrupp']);
    const byPerson = json(await get(admin, `/api/v1/forums?personId=${deputy}`));
    expect(byPerson.items.map((f: { name: string }) => f.name)).toEqual(['IT-styrgrupp']);
    const byClass = json(await get(admin, '/api/v1/forums?decisionClass=prices'));
    expect(byClass.items.map((f: { name: string }) => f.name)).toEqual(['Finansieringsgrupp']);
    const paged = json(await get(admin, '/api/v1/forums?limit=1'));
    expect(paged.items).toHaveLength(1);
    const next = json(await get(admin, `/api/v1/forums?limit=1&cursor=${paged.nextCursor}`));
    expect(next.items[0].name).not.toBe(paged.items[0].name);

    const csv = await get(admin, '/api/v1/forums/export?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Finansieringsgrupp');
    expect(csv.body).toContain('4–5');

    expect((await get(employee, '/api/v1/forums')).statusCode).toBe(403);
    expect(
      (await post(employee, '/api/v1/forums', { name: 'X', kind: 'other', meetingsPerYear: 1 })).statusCode,
    ).toBe(403);
  });

  it("never shows or changes another tenant's forums", async () => {
    const mine = json(await get(admin, '/api/v1/forums')).items[0];
    expect((await get(bAdmin, `/api/v1/forums/${mine.id}`)).statusCode).toBe(404);
    expect(
      (await patch(bAdmin, `/api/v1/forums/${mine.id}`, { version: mine.version, name: 'X' })).statusCode,
    ).toBe(404);
    expect(
      (await post(bAdmin, `/api/v1/forums/${mine.id}/archive`, { version: mine.version, reason: 'X' }))
        .statusCode,
    ).toBe(404);
    expect(json(await get(bAdmin, '/api/v1/forums')).items).toEqual([]);
    const found = json(await get(admin, '/api/v1/search?q=styrgrupp'));
    expect(JSON.stringify(found)).toContain('IT-styrgrupp');
    const search = json(await get(bAdmin, '/api/v1/search?q=styrgrupp'));
    expect(JSON.stringify(search)).not.toContain('IT-styrgrupp');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManagementObject } from '../../../../shared/registry/management.ts';
import * as directory from '../../../platform/directory/service.ts';
import { createTestContext, json, type Session, signIn, type TestContext } from '../../../testing.ts';
import { byKeys, everyPage, expectSorts } from '../sort-walk.ts';

// The förvaltningsobjekt's list in each of its sorts, both ways, paged three at a time: the same
// rows, none twice, in the order computed here (people by family name first, objects without one
// last; two objects of one name test the id; one changed after the others is the last changed).

let t: TestContext;
let admin: Session;
/** A person's name as the lists of people sort it: family name first. */
const sortNames = new Map<string, string>();

const send = (method: 'POST' | 'PATCH', url: string, payload: object) =>
  t.app.inject({ method, url, headers: admin.headers(), payload });

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  const person = async (givenName: string, familyName: string) => {
    const made = await directory.createPerson(t.db, t.a.actor, {
      givenName,
      familyName,
      email: `${givenName}.${familyName}@a.example`.toLowerCase(),
      unitId: t.a.unitId,
    });
    sortNames.set(made.id, `${familyName} ${givenName}`.toLowerCase());
    return made.id;
  };
  const berg = await person('Anna', 'Berg');
  const holm = await person('Per', 'Holm');
  const lundErik = await person('Erik', 'Lund');
  const lundAda = await person('Ada', 'Lund');
  const made: [string, string | null, string | null][] = [
    ['Ekonomi', holm, berg],
    ['Personal', berg, null],
    ['Skola', lundErik, lundAda],
    ['Skola', null, holm],
    ['Vard och omsorg', lundAda, lundErik],
    ['Bygg', holm, null],
    ['Arkiv', null, berg],
  ];
  const ids: string[] = [];
  for (const [name, ownerId, managerId] of made) {
    const created = await send('POST', '/api/v1/management-objects', { name, ownerId, managerId });
    expect(created.statusCode, created.body).toBe(201);
    ids.push(json(created).id);
  }
  const changed = await send('PATCH', `/api/v1/management-objects/${ids[1]}`, {
    version: 1,
    description: 'Lön och personal',
  });
  expect(changed.statusCode, changed.body).toBe(200);
});
afterAll(() => t.close());

const name = (o: ManagementObject) => o.name.toLowerCase();
const id = (o: ManagementObject) => o.id;
const person = (personId: string | null) => (personId ? `0${sortNames.get(personId)}` : '1');

describe('the förvaltningsobjekt sorted', () => {
  it('pages through every sort both ways without skips or repeats', async () => {
    expect((await everyPage(t, admin, '/api/v1/management-objects', 100)).rows).toHaveLength(7);
    await expectSorts<ManagementObject>(t, admin, '/api/v1/management-objects', 3, {
      name: byKeys(name, id),
      owner: byKeys((o) => person(o.ownerId), name, id),
      manager: byKeys((o) => person(o.managerId), name, id),
      updatedAt: byKeys((o) => o.updatedAt, id),
    });
    const last = json(
      await t.app.inject({
        url: '/api/v1/management-objects?sort=updatedAt&order=desc&limit=1',
        headers: admin.headers(),
      }),
    );
    expect(last.items[0].name).toBe('Personal');
  });

  it('keeps the name order without a sort, exports in the sort asked for, and refuses a bad sort', async () => {
    const plain = await everyPage(t, admin, '/api/v1/management-objects', 2);
    const byName = await everyPage(t, admin, '/api/v1/management-objects?sort=name', 2);
    expect(plain.rows.map((r) => r.id)).toEqual(byName.rows.map((r) => r.id));

    const exported = await t.app.inject({
      url: '/api/v1/management-objects/export?format=csv&sort=manager&order=desc',
      headers: admin.headers(),
    });
    expect(exported.statusCode).toBe(200);
    const cells = exported.body
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(';')[0]);
    const listed = await everyPage(t, admin, '/api/v1/management-objects?sort=manager&order=desc', 3);
    expect(cells).toEqual(listed.rows.map((o) => o.name));

    const get = (url: string) => t.app.inject({ url, headers: admin.headers() });
    const bad = await get('/api/v1/management-objects?sort=systems');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await get('/api/v1/management-objects?order=up')).statusCode).toBe(400);
  });
});

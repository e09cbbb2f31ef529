import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Licence, licenceTypes } from '../../../../shared/registry/contracts.ts';
import { createTestContext, json, type Session, signIn, type TestContext } from '../../../testing.ts';
import { byKeys, everyPage, expectSorts } from '../sort-walk.ts';

// The licences' list in each of its sorts, both ways, paged three at a time: the same rows, none
// twice, in the order computed here (types in the form's order; the end of validity breaks ties,
// open-ended last; two licences of one system, type and end test the id).

let t: TestContext;
let admin: Session;

const post = (url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: admin.headers(), payload });

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  const systems: string[] = [];
  for (const name of ['Gamma', 'Alfa', 'Beta']) {
    systems.push(json(await post('/api/v1/systems', { name, scope: 'business' })).id);
  }
  const made: [number, string, number, string | null][] = [
    [0, 'subscription', 10, '2027-06-30'],
    [1, 'namedUser', 250, '2026-12-31'],
    [1, 'namedUser', 250, '2026-12-31'],
    [2, 'device', 10, null],
    [0, 'site', 1, '2028-01-31'],
    [2, 'concurrentUser', 40, '2026-12-31'],
    [1, 'server', 4, null],
  ];
  for (const [system, type, count, validTo] of made) {
    const created = await post('/api/v1/licences', { systemId: systems[system], type, count, validTo });
    expect(created.statusCode, created.body).toBe(201);
  }
});
afterAll(() => t.close());

const validTo = (l: Licence) => l.validTo ?? '9999-12-31';
const id = (l: Licence) => l.id;

describe('the licences sorted', () => {
  it('pages through every sort both ways without skips or repeats', async () => {
    expect((await everyPage(t, admin, '/api/v1/licences', 100)).rows).toHaveLength(7);
    await expectSorts<Licence>(t, admin, '/api/v1/licences', 3, {
      validTo: byKeys(validTo, id),
      system: byKeys((l) => l.systemName.toLowerCase(), validTo, id),
      type: byKeys((l) => licenceTypes.indexOf(l.type), validTo, id),
      count: byKeys((l) => l.count, validTo, id),
    });
  });

  it('keeps the validity order without a sort, exports in the sort asked for, and refuses a bad sort or cursor', async () => {
    const plain = await everyPage(t, admin, '/api/v1/licences', 2);
    const byEnd = await everyPage(t, admin, '/api/v1/licences?sort=validTo', 2);
    expect(plain.rows.map((r) => r.id)).toEqual(byEnd.rows.map((r) => r.id));

    const exported = await t.app.inject({
      url: '/api/v1/licences/export?format=csv&sort=count&order=desc',
      headers: admin.headers(),
    });
    expect(exported.statusCode).toBe(200);
    const cells = exported.body
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((l) => {
        const [system, , , count] = l.split(';');
        return `${system};${count}`;
      });
    const listed = await everyPage(t, admin, '/api/v1/licences?sort=count&order=desc', 3);
    expect(cells).toEqual(listed.rows.map((l) => `${l.systemName};${l.count}`));

    const get = (url: string) => t.app.inject({ url, headers: admin.headers() });
    const bad = await get('/api/v1/licences?sort=cost');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await get('/api/v1/licences?order=up')).statusCode).toBe(400);
    const first = json(await get('/api/v1/licences?limit=2&sort=count'));
    expect((await get(`/api/v1/licences?sort=system&cursor=${first.nextCursor}`)).statusCode).toBe(400);
    // The cursor of the list before it sorted (an end date and an id) still pages it.
    const old = Buffer.from(JSON.stringify(['2026-12-31', plain.rows[0]!.id])).toString('base64url');
    expect((await get(`/api/v1/licences?cursor=${old}`)).statusCode).toBe(200);
  });
});

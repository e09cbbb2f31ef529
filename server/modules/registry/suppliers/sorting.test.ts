import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Supplier } from '../../../../shared/registry/contracts.ts';
import { createTestContext, json, type Session, signIn, type TestContext } from '../../../testing.ts';
import { byKeys, everyPage, expectSorts } from '../sort-walk.ts';

// The suppliers' list in each of its sorts, both ways, paged three at a time: the same rows, none
// twice, in the order computed here (those without an organisationsnummer last; two suppliers of
// one name test the id; one changed after the others is the last changed).

let t: TestContext;
let admin: Session;

const send = (method: 'POST' | 'PATCH', url: string, payload: object) =>
  t.app.inject({ method, url, headers: admin.headers(), payload });

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  const made: [string, string | null][] = [
    ['Visma Enterprise AB', '5561795054'],
    ['Formpipe Software AB', '5566686605'],
    ['Atea Sverige AB', null],
    ['Tieto', '5560160680'],
    ['Tieto', null],
    ['Evry', '5562257260'],
    ['Cgi Sverige AB', '5560460130'],
  ];
  const ids: string[] = [];
  for (const [name, orgNumber] of made) {
    const created = await send('POST', '/api/v1/suppliers', { name, orgNumber });
    expect(created.statusCode, created.body).toBe(201);
    ids.push(json(created).id);
  }
  const changed = await send('PATCH', `/api/v1/suppliers/${ids[0]}`, { version: 1, phone: '08-123 45 67' });
  expect(changed.statusCode, changed.body).toBe(200);
});
afterAll(() => t.close());

const name = (s: Supplier) => s.name.toLowerCase();
const id = (s: Supplier) => s.id;

describe('the suppliers sorted', () => {
  it('pages through every sort both ways without skips or repeats', async () => {
    const all = (await everyPage(t, admin, '/api/v1/suppliers', 100)).rows as Supplier[];
    expect(all).toHaveLength(7);
    await expectSorts<Supplier>(t, admin, '/api/v1/suppliers', 3, {
      name: byKeys(name, id),
      orgNumber: byKeys(
        (s) => (s.orgNumber === null ? 1 : 0),
        (s) => s.orgNumber ?? '',
        name,
        id,
      ),
      updatedAt: byKeys((s) => s.updatedAt, id),
    });
    const last = json(
      await t.app.inject({
        url: '/api/v1/suppliers?sort=updatedAt&order=desc&limit=1',
        headers: admin.headers(),
      }),
    );
    expect(last.items[0].name).toBe('Visma Enterprise AB');
  });

  it('keeps the name order without a sort, exports in the sort asked for, and refuses a bad sort', async () => {
    const plain = await everyPage(t, admin, '/api/v1/suppliers', 2);
    const byName = await everyPage(t, admin, '/api/v1/suppliers?sort=name', 2);
    expect(plain.rows.map((r) => r.id)).toEqual(byName.rows.map((r) => r.id));

    const exported = await t.app.inject({
      url: '/api/v1/suppliers/export?format=csv&sort=orgNumber&order=desc',
      headers: admin.headers(),
    });
    expect(exported.statusCode).toBe(200);
    const cells = exported.body
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(';')[0]);
    const listed = await everyPage(t, admin, '/api/v1/suppliers?sort=orgNumber&order=desc', 3);
    expect(cells).toEqual(listed.rows.map((s) => s.name));

    const get = (url: string) => t.app.inject({ url, headers: admin.headers() });
    const bad = await get('/api/v1/suppliers?sort=email');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await get('/api/v1/suppliers?order=sideways')).statusCode).toBe(400);
  });
});

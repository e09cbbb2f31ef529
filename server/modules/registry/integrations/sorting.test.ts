import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Integration, integrationFrequencies } from '../../../../shared/registry/integrations.ts';
import { createTestContext, json, type Session, signIn, type TestContext } from '../../../testing.ts';
import { byKeys, everyPage, expectSorts } from '../sort-walk.ts';

// The integrations' list in each of its sorts, both ways, paged three at a time: the same rows,
// none twice, in the order computed here (a frequency in its real order, none last; two
// integrations of one information test the id).

let t: TestContext;
let admin: Session;

const post = (url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: admin.headers(), payload });

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  const systems: string[] = [];
  for (const name of ['Gamma', 'Alfa', 'Beta', 'Delta']) {
    systems.push(json(await post('/api/v1/systems', { name, scope: 'business' })).id);
  }
  const made: [number, number, string, string, string | null][] = [
    [0, 1, 'Utbetalningar', 'file', 'daily'],
    [1, 0, 'Utbetalningar', 'api', 'realtime'],
    [2, 3, 'Folkbokforing', 'message', null],
    [3, 1, 'Konteringar', 'file', 'monthly'],
    [1, 2, 'Arenden', 'database', 'onDemand'],
    [2, 0, 'Personal', 'manual', 'daily'],
    [0, 3, 'Betalningar', 'api', null],
  ];
  for (const [from, to, information, technique, frequency] of made) {
    const created = await post('/api/v1/integrations', {
      fromSystemId: systems[from],
      toSystemId: systems[to],
      information,
      technique,
      frequency,
    });
    expect(created.statusCode, created.body).toBe(201);
  }
});
afterAll(() => t.close());

const information = (i: Integration) => i.information.toLowerCase();
const id = (i: Integration) => i.id;
const frequency = (i: Integration) =>
  (integrationFrequencies as readonly string[]).indexOf(i.frequency ?? '') >>> 0;

describe('the integrations sorted', () => {
  it('pages through every sort both ways without skips or repeats', async () => {
    expect((await everyPage(t, admin, '/api/v1/integrations', 100)).rows).toHaveLength(7);
    await expectSorts<Integration>(t, admin, '/api/v1/integrations', 3, {
      information: byKeys(information, id),
      fromSystem: byKeys((i) => i.fromSystem.name.toLowerCase(), information, id),
      toSystem: byKeys((i) => i.toSystem.name.toLowerCase(), information, id),
      technique: byKeys((i) => i.technique, information, id),
      frequency: byKeys(frequency, information, id),
    });
  });

  it('keeps the information order without a sort, exports in the sort asked for, and refuses a bad sort or cursor', async () => {
    const plain = await everyPage(t, admin, '/api/v1/integrations', 2);
    const byInformation = await everyPage(t, admin, '/api/v1/integrations?sort=information', 2);
    expect(plain.rows.map((r) => r.id)).toEqual(byInformation.rows.map((r) => r.id));

    const exported = await t.app.inject({
      url: '/api/v1/integrations/export?format=csv&sort=toSystem&order=desc',
      headers: admin.headers(),
    });
    expect(exported.statusCode).toBe(200);
    const cells = exported.body
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(';').slice(0, 3).join(';'));
    const listed = await everyPage(t, admin, '/api/v1/integrations?sort=toSystem&order=desc', 3);
    expect(cells).toEqual(listed.rows.map((i) => `${i.fromSystem.name};${i.toSystem.name};${i.information}`));

    const get = (url: string) => t.app.inject({ url, headers: admin.headers() });
    const bad = await get('/api/v1/integrations?sort=colour');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await get('/api/v1/integrations?order=up')).statusCode).toBe(400);
    const first = json(await get('/api/v1/integrations?limit=2&sort=frequency'));
    // A cursor of one sort is no cursor of another.
    expect((await get(`/api/v1/integrations?sort=fromSystem&cursor=${first.nextCursor}`)).statusCode).toBe(
      400,
    );
  });
});

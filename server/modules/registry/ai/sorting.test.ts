import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AiApplication } from '../../../../shared/registry/ai.ts';
import { createTestContext, json, type Session, signIn, type TestContext } from '../../../testing.ts';
import { byKeys, everyPage, expectSorts } from '../sort-walk.ts';

// The AI register's list in each of its sorts, both ways, paged three at a time: the same rows,
// none twice, in the order computed here (ranks in the AI Act's order, none last; names and ids
// break ties, and equal names on two systems test the id).

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
  const apps: [number, string, string | null, string | null][] = [
    [0, 'Tolk', 'limited', 'notRequired'],
    [1, 'Tolk', 'minimal', null],
    [2, 'Chatt', 'limited', 'pending'],
    [0, 'Analys', null, null],
    [1, 'Bildtolk', 'minimal', 'registered'],
    [2, 'Prognos', 'limited', 'notRequired'],
    [1, 'Sortering', null, 'pending'],
  ];
  for (const [system, name, riskCategory, registrationStatus] of apps) {
    const created = await post('/api/v1/ai-applications', {
      systemId: systems[system],
      name,
      riskCategory,
      registrationStatus,
    });
    expect(created.statusCode, name).toBe(201);
  }
});
afterAll(() => t.close());

const risk = (a: AiApplication) =>
  ['prohibited', 'high', 'limited', 'minimal'].indexOf(a.riskCategory ?? '') >>> 0;
const registration = (a: AiApplication) =>
  ['pending', 'registered', 'notRequired'].indexOf(a.registrationStatus ?? '') >>> 0;
const name = (a: AiApplication) => a.name.toLowerCase();
const id = (a: AiApplication) => a.id;

describe('the AI register sorted', () => {
  it('pages through every sort both ways without skips or repeats', async () => {
    expect((await everyPage(t, admin, '/api/v1/ai-applications', 100)).rows).toHaveLength(7);
    await expectSorts<AiApplication>(t, admin, '/api/v1/ai-applications', 3, {
      name: byKeys(name, id),
      system: byKeys((a) => a.systemName.toLowerCase(), name, id),
      riskCategory: byKeys(risk, name, id),
      registrationStatus: byKeys(registration, name, id),
    });
  });

  it('keeps the name order without a sort, exports in the sort asked for, and refuses a bad sort or cursor', async () => {
    const plain = await everyPage(t, admin, '/api/v1/ai-applications', 2);
    const byName = await everyPage(t, admin, '/api/v1/ai-applications?sort=name', 2);
    expect(plain.rows.map((r) => r.id)).toEqual(byName.rows.map((r) => r.id));

    const exported = await t.app.inject({
      url: '/api/v1/ai-applications/export?format=csv&sort=system&order=desc',
      headers: admin.headers(),
    });
    expect(exported.statusCode).toBe(200);
    const cells = exported.body
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(';').slice(0, 2).join(';'));
    const listed = await everyPage(t, admin, '/api/v1/ai-applications?sort=system&order=desc', 3);
    expect(cells).toEqual(listed.rows.map((a) => `${a.name};${a.systemName}`));

    const get = (url: string) => t.app.inject({ url, headers: admin.headers() });
    expect((await get('/api/v1/ai-applications?sort=colour')).statusCode).toBe(400);
    expect((await get('/api/v1/ai-applications?order=up')).statusCode).toBe(400);
    const first = json(await get('/api/v1/ai-applications?limit=2&sort=riskCategory'));
    // A cursor of one sort is no cursor of another.
    expect((await get(`/api/v1/ai-applications?sort=system&cursor=${first.nextCursor}`)).statusCode).toBe(
      400,
    );
    expect((await get('/api/v1/ai-applications?cursor=WyJ4IiwieSJd')).statusCode).toBe(400);
  });
});

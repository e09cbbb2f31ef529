import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../../../shared/registry/services.ts';
import { lifecyclePhases } from '../../../../shared/registry/systems.ts';
import { createTestContext, type Session, signIn, type TestContext } from '../../../testing.ts';
import { byKeys, everyPage, expectSorts } from '../sort-walk.ts';

// The services' list in each of its sorts, both ways, paged three at a time: the same rows, none
// twice, in the order computed here (a phase in the lifecycle's order; two services of one name
// test the id).

let t: TestContext;
let admin: Session;

const post = (url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: admin.headers(), payload });

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  const made: [string, 'api' | 'service', string][] = [
    ['Folkbokforing', 'api', 'operation'],
    ['Folkbokforing', 'service', 'idea'],
    ['Betalning', 'service', 'retired'],
    ['Inloggning', 'api', 'idea'],
    ['Sms', 'service', 'operation'],
    ['Kartor', 'api', 'phaseOut'],
    ['Arkivering', 'service', 'procurement'],
  ];
  for (const [name, kind, phase] of made) {
    const created = await post('/api/v1/services', { name, kind, phase });
    expect(created.statusCode, created.body).toBe(201);
  }
});
afterAll(() => t.close());

const name = (s: Service) => s.name.toLowerCase();
const id = (s: Service) => s.id;

describe('the services sorted', () => {
  it('pages through every sort both ways without skips or repeats', async () => {
    expect((await everyPage(t, admin, '/api/v1/services', 100)).rows).toHaveLength(7);
    await expectSorts<Service>(t, admin, '/api/v1/services', 3, {
      name: byKeys(name, id),
      kind: byKeys((s) => s.kind, name, id),
      phase: byKeys((s) => lifecyclePhases.indexOf(s.phase), name, id),
    });
  });

  it('keeps the name order without a sort, exports in the sort asked for, and refuses a bad sort', async () => {
    const plain = await everyPage(t, admin, '/api/v1/services', 2);
    const byName = await everyPage(t, admin, '/api/v1/services?sort=name', 2);
    expect(plain.rows.map((r) => r.id)).toEqual(byName.rows.map((r) => r.id));
    const exported = await t.app.inject({
      url: '/api/v1/services/export?format=csv&sort=phase&order=desc',
      headers: admin.headers(),
    });
    expect(exported.statusCode).toBe(200);
    const listed = await everyPage(t, admin, '/api/v1/services?sort=phase&order=desc', 3);
    const cells = exported.body
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(';')[0]);
    expect(cells).toEqual(listed.rows.map((r) => r.name));
    const bad = await t.app.inject({ url: '/api/v1/services?sort=colour', headers: admin.headers() });
    expect(bad.statusCode).toBe(400);
  });
});

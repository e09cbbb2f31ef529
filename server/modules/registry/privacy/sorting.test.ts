import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessingActivity } from '../../../../shared/registry/privacy.ts';
import * as directory from '../../../platform/directory/service.ts';
import { createTestContext, json, type Session, signIn, type TestContext } from '../../../testing.ts';
import { byKeys, everyPage, expectSorts } from '../sort-walk.ts';

// The processing activities' list in each of its sorts, both ways, paged three at a time: the
// same rows, none twice, in the order computed here (a controller by its unit's name; equal names
// under two controllers test the id; the last change exact to the microsecond).

let t: TestContext;
let admin: Session;
const unitNames = new Map<string, string>();

const post = (url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: admin.headers(), payload });

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  const controllers: string[] = [];
  for (const name of ['Kulturnamnd', 'Byggnamnd', 'Omsorgsnamnd']) {
    const unit = await directory.createUnit(t.db, t.a.actor, { name, kind: 'company' });
    unitNames.set(unit.id, name.toLowerCase());
    controllers.push(unit.id);
  }
  const made: [number, string][] = [
    [0, 'Utbetalning'],
    [1, 'Utbetalning'],
    [2, 'Bygglov'],
    [0, 'Anmalan'],
    [1, 'Tillsyn'],
    [2, 'Hemtjanst'],
    [2, 'Avgifter'],
  ];
  const ids: string[] = [];
  for (const [controller, name] of made) {
    const created = await post('/api/v1/processing-activities', {
      name,
      controllerId: controllers[controller],
      purposes: ['Handlagga'],
      legalBasis: 'publicTask',
    });
    expect(created.statusCode, created.body).toBe(201);
    ids.push(json(created).id);
  }
  // A change, so that the last change differs from the order of creation.
  const changed = await t.app.inject({
    method: 'PATCH',
    url: `/api/v1/processing-activities/${ids[0]}`,
    headers: admin.headers(),
    payload: { version: 1, purposes: ['Betala ut'] },
  });
  expect(changed.statusCode, changed.body).toBe(200);
});
afterAll(() => t.close());

const name = (a: ProcessingActivity) => a.name.toLowerCase();
const id = (a: ProcessingActivity) => a.id;

describe('the processing activities sorted', () => {
  it('pages through every sort both ways without skips or repeats', async () => {
    expect((await everyPage(t, admin, '/api/v1/processing-activities', 100)).rows).toHaveLength(7);
    await expectSorts<ProcessingActivity>(t, admin, '/api/v1/processing-activities', 3, {
      name: byKeys(name, id),
      controller: byKeys((a) => unitNames.get(a.controllerId) ?? '', name, id),
      // ISO strings of one zone compare as the instants (µs beyond the ms: id breaks exact ties only).
      updatedAt: byKeys((a) => a.updatedAt, id),
    });
    const byChange = await everyPage(t, admin, '/api/v1/processing-activities?sort=updatedAt&order=desc', 2);
    expect(byChange.rows[0]?.purposes).toEqual(['Betala ut']);
  });

  it('keeps the name order without a sort, exports in the sort asked for, and refuses a bad sort or cursor', async () => {
    const plain = await everyPage(t, admin, '/api/v1/processing-activities', 2);
    const byName = await everyPage(t, admin, '/api/v1/processing-activities?sort=name', 2);
    expect(plain.rows.map((r) => r.id)).toEqual(byName.rows.map((r) => r.id));
    const exported = await t.app.inject({
      url: '/api/v1/processing-activities/export?format=csv&sort=controller&order=desc',
      headers: admin.headers(),
    });
    expect(exported.statusCode).toBe(200);
    const listed = await everyPage(t, admin, '/api/v1/processing-activities?sort=controller&order=desc', 3);
    const cells = exported.body
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((l) => {
        const c = l.split(';');
        return `${c[0]};${c[2]?.toLowerCase()}`;
      });
    expect(cells).toEqual(listed.rows.map((r) => `${r.name};${unitNames.get(r.controllerId)}`));
    const get = (url: string) => t.app.inject({ url, headers: admin.headers() });
    expect((await get('/api/v1/processing-activities?sort=colour')).statusCode).toBe(400);
    const first = json(await get('/api/v1/processing-activities?limit=2&sort=updatedAt'));
    expect(first.nextCursor).toBeTruthy();
    expect(
      (await get(`/api/v1/processing-activities?sort=controller&cursor=${first.nextCursor}`)).statusCode,
    ).toBe(400);
  });
});

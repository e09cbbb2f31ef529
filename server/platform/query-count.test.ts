import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, signIn, type TestContext } from '../testing.ts';
import * as directory from './directory/service.ts';

// N+1 guard on the hot routes: the number of SQL statements per request stays fixed however many
// rows a page holds. Authentication costs one (session, person and grants in one statement).

let t: TestContext;
let admin: Session;
let personId: string;
beforeAll(async () => {
  t = await createTestContext();
  for (let i = 0; i < 60; i++) {
    const p = await directory.createPerson(t.db, t.a.actor, {
      givenName: `Person${i}`,
      familyName: 'Sökbar',
      email: `p${i}@a.example`,
      unitId: t.a.unitId,
    });
    personId = p.id;
  }
  admin = await signIn(t.app, t.a.adminEmail);
});
afterAll(() => t.close());

async function statementsFor(url: string, headers: Record<string, string> = admin.headers()) {
  const before = t.database.queryCount;
  const response = await t.app.inject({ url, headers });
  expect(response.statusCode, url).toBe(200);
  return t.database.queryCount - before;
}

describe('statements per request', () => {
  it.each([
    ['/api/v1/people/{id}', 2],
    ['/api/v1/people?limit=50', 2],
    ['/api/v1/people?limit=50&search=sökbar', 2],
    ['/api/v1/people?limit=5', 2],
    ['/api/v1/units?limit=50', 2],
    // The audit page names its records: one statement per kind of record on the page (here people
    // only), never one per row.
    ['/api/v1/audit?limit=50', 3],
    ['/api/v1/role-assignments?limit=50', 2],
    ['/api/v1/role-assignments/counts', 2],
  ])('%s takes at most %i', async (path, most) => {
    const count = await statementsFor(path.replace('{id}', personId));
    expect(count).toBeGreaterThan(1); // the counter counts (authentication plus the route itself)
    expect(count).toBeLessThanOrEqual(most);
  });

  it('counts one statement for an API token, as for a session', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: admin.headers(),
      payload: { name: 'Räknad' },
    });
    const bearer = { authorization: `Bearer ${created.json().token}` };
    await statementsFor('/api/v1/units?limit=1', bearer); // the first use stamps last_used_at
    expect(await statementsFor(`/api/v1/people/${personId}`, bearer)).toBe(2);
  });
});

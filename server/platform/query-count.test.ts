import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, signIn, type TestContext } from '../testing.ts';
import { principalCacheOf } from './auth/cache.ts';
import * as directory from './directory/service.ts';

// N+1 guard on the hot routes: the number of SQL statements per request stays fixed however many
// rows a page holds. Identifying the caller costs one statement (session, person and grants
// together) when the process does not know the session yet (cold), none once it does (warm: the
// principal cache, auth/cache.ts); each case is counted both ways, so neither can hide the other.

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

/** Statements of one request with the principal cache emptied first (cold) and then again (warm). */
async function coldAndWarm(url: string, headers?: Record<string, string>) {
  const cache = principalCacheOf(t.db);
  expect(cache, 'buildApp starts the principal cache').toBeDefined();
  cache!.clear();
  const cold = await statementsFor(url, headers);
  const warm = await statementsFor(url, headers);
  return { cold, warm };
}

describe('statements per request', () => {
  it.each([
    ['/api/v1/people/{id}', 1],
    ['/api/v1/people?limit=50', 1],
    // A search is planned for its own term: one SET LOCAL before it (see listPeople).
    ['/api/v1/people?limit=50&search=sökbar', 2],
    ['/api/v1/people?limit=5', 1],
    ['/api/v1/units?limit=50', 1],
    // The audit page names its records: one statement per kind of record on the page (here people
    // only), never one per row.
    ['/api/v1/audit?limit=50', 2],
    ['/api/v1/role-assignments?limit=50', 1],
    ['/api/v1/role-assignments/counts', 1],
  ])('%s takes %i for the route, plus one to identify a caller not yet cached', async (path, route) => {
    const { cold, warm } = await coldAndWarm(path.replace('{id}', personId));
    expect(warm).toBe(route); // the counter counts: every route reads something
    expect(cold).toBe(route + 1);
  });

  it('counts the same for an API token as for a session', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: admin.headers(),
      payload: { name: 'Räknad' },
    });
    const bearer = { authorization: `Bearer ${created.json().token}` };
    await statementsFor('/api/v1/units?limit=1', bearer); // the first use stamps last_used_at
    expect(await coldAndWarm(`/api/v1/people/${personId}`, bearer)).toEqual({ cold: 2, warm: 1 });
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  json,
  prepareWalk,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
  type Walk,
} from '../testing.ts';
import { auditEvents } from './audit/schema.ts';
import * as directory from './directory/service.ts';

// Walks every operation of the OpenAPI document: without identity it must answer 401; as the
// admin of tenant B, aimed at tenant A's ids, it must answer 400/403/404 and never show or change
// A's data; as an employee of tenant A it must not change anything reserved for admins.
// The records and bodies come from each module's walk fixtures (server/platform/seam.ts): an
// operation added later without them makes this test fail on purpose.

let t: TestContext;
let walk: Walk;
let bAdmin: Session;
let aEmployee: Session;

beforeAll(async () => {
  t = await createTestContext();
  walk = await prepareWalk(t);
  await seedPerson(t.db, t.a, 'employee@a.example', ['employee']);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  aEmployee = await signIn(t.app, 'employee@a.example');
});
afterAll(() => t.close());

async function auditCountA() {
  return (await t.db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.tenantId, t.a.id)))
    .length;
}

describe('access across every operation', () => {
  it('finds the operations', () => {
    expect(walk.operations.length).toBeGreaterThan(15);
  });

  it('answers 401 to every non-public operation without identity', async () => {
    const wrong: string[] = [];
    for (const op of walk.operations.filter((o) => !o.isPublic)) {
      const body = walk.hasBody(op) ? walk.bodyFor(op) : undefined;
      const response = await t.app.inject({
        method: op.method as 'GET',
        url: walk.urlFor(op),
        ...(body ? { payload: body.payload, headers: { 'content-type': body.contentType } } : {}),
      });
      if (response.statusCode !== 401) wrong.push(`${op.method} ${op.path}: ${response.statusCode}`);
      else expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect(wrong).toEqual([]);
  });

  it('answers 401 to a revoked or unknown bearer token', async () => {
    const response = await t.app.inject({
      url: '/api/v1/units',
      headers: { authorization: 'Bearer sbt_not-a-token' },
    });
    expect(response.statusCode).toBe(401);
  });

  it("never shows or changes tenant A's data to tenant B's admin", async () => {
    const before = await auditCountA();
    const wrong: string[] = [];
    for (const op of walk.operations) {
      // Signing out would end the session the rest of the walk uses; auth.test.ts covers it.
      if (op.isPublic || op.key === 'DELETE /api/v1/session') continue;
      const body = walk.hasBody(op) ? walk.bodyFor(op) : undefined;
      const url = walk.urlFor(op);
      const response = await t.app.inject({
        method: op.method as 'GET',
        url,
        headers: bAdmin.headers(body ? { 'content-type': body.contentType } : {}),
        ...(body ? { payload: body.payload } : {}),
      });
      const refersToA =
        Object.values(walk.ids).some((id) => url.includes(id)) ||
        (body && walk.secrets.some((s) => String(body.payload).includes(s)));
      // What the caller sent may be echoed (the problem's "instance"); anything else of A's is a leak.
      const sent = `${url} ${String(body?.payload ?? '')}`;
      const leaked = walk.secrets.filter((s) => response.body.includes(s) && !sent.includes(s));
      if (leaked.length > 0) wrong.push(`${op.method} ${op.path}: shows ${leaked.join(', ')}`);
      if (refersToA && response.statusCode < 400) wrong.push(`${op.method} ${url}: ${response.statusCode}`);
      if (response.statusCode >= 500) wrong.push(`${op.method} ${op.path}: ${response.statusCode}`);
    }
    // Searches: B's lists never include A's rows.
    for (const url of [
      '/api/v1/people?search=anna',
      '/api/v1/units?search=Hemlig',
      '/api/v1/audit?limit=500',
      `/api/v1/role-assignments?personId=${walk.ids.people}`,
      '/api/v1/search?q=anna',
      '/api/v1/search?q=Hemlig',
    ]) {
      const response = await t.app.inject({ url, headers: bAdmin.headers() });
      expect(response.statusCode).toBe(200);
      for (const s of walk.secrets) if (response.body.includes(s)) wrong.push(`${url} shows ${s}`);
    }
    expect(wrong).toEqual([]);
    expect(await auditCountA()).toBe(before);
    // A's unit and person are as they were.
    expect((await directory.getUnit(t.db, t.a.actor, walk.ids.units!)).version).toBe(1);
    expect((await directory.getPerson(t.db, t.a.actor, walk.ids.people!)).version).toBe(1);
  }, 180_000); // every operation of every module, twice: its own limit, as the bad-input walk

  it("refuses an employee every admin write in the employee's own tenant", async () => {
    const before = await auditCountA();
    const wrong: string[] = [];
    for (const op of walk.operations) {
      if (op.isPublic || op.method === 'GET' || walk.selfService.has(op.key)) continue;
      const body = walk.hasBody(op) ? walk.bodyFor(op) : undefined;
      const response = await t.app.inject({
        method: op.method as 'GET',
        url: walk.urlFor(op),
        headers: aEmployee.headers(body ? { 'content-type': body.contentType } : {}),
        ...(body ? { payload: body.payload } : {}),
      });
      if (response.statusCode !== 403) wrong.push(`${op.method} ${op.path}: ${response.statusCode}`);
    }
    expect(wrong).toEqual([]);
    expect(await auditCountA()).toBe(before);
    const audit = await t.app.inject({ url: '/api/v1/audit', headers: aEmployee.headers() });
    expect(audit.statusCode).toBe(403);
    expect(json(audit).code).toBe('forbidden');
  });
});

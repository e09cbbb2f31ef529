import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  prepareWalk,
  type Session,
  signIn,
  type TestContext,
  type Walk,
  type WalkOperation,
} from '../testing.ts';
import { auditEvents } from './audit/schema.ts';

// Sends a table of bad inputs to every POST/PATCH operation of the OpenAPI document, as tenant A's
// admin: each must answer 4xx problem+json naming the field (413 for an oversize body), never 5xx,
// and write nothing. A new operation without a valid example body below fails the test on purpose.

let t: TestContext;
let admin: Session;
let walk: Walk;

beforeAll(async () => {
  t = await createTestContext();
  walk = await prepareWalk(t);
  admin = await signIn(t.app, t.a.adminEmail);
});
afterAll(() => t.close());

// Every JSON write of every module is sent some twenty bad bodies in one test: about 20 s on a
// quiet machine with four modules, and it grows with each route, so the test's limit is its own
// rather than the suite's 30 s (a loaded CI machine took 30 s with four).
const WALK_TIMEOUT = 180_000;

/** The writes that take JSON, each with a valid body from its module's walk fixtures. */
function jsonWrites(): WalkOperation[] {
  return walk.operations.filter((o) => (o.method === 'POST' || o.method === 'PATCH') && o.jsonProperties);
}

function typesOf(p: NonNullable<WalkOperation['jsonProperties']>[string]): string[] {
  if (p.type) return Array.isArray(p.type) ? p.type : [p.type];
  return (p.anyOf ?? []).map((x) => x.type ?? 'unknown');
}

/** For one field, values of the wrong kind: each must be refused naming that field. */
function badValues(field: string, types: string[]): unknown[] {
  const values: unknown[] = [];
  if (types.includes('string')) {
    values.push(12345, 'x'.repeat(100_000));
    if (!/password/i.test(field)) values.push('före\u0000efter', 'a\u001bb');
  }
  if (types.includes('number') || types.includes('integer')) values.push('abc', 1.5e300, -1);
  if (types.includes('boolean')) values.push('maybe', 2);
  values.push({ nested: true }, [1, 2]);
  return values;
}

async function auditCount() {
  return (await t.db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.tenantId, t.a.id)))
    .length;
}

describe('bad input on every write', () => {
  it('has an example body for every JSON write', () => {
    const missing = jsonWrites().filter((o) => {
      try {
        walk.bodyFor(o);
        return false;
      } catch {
        return true;
      }
    });
    expect(missing.map((o) => o.key)).toEqual([]);
  });

  it(
    'refuses every bad input with a 4xx problem naming the field, and writes nothing',
    async () => {
      const before = await auditCount();
      const wrong: string[] = [];
      const send = async (
        op: WalkOperation,
        payload: string,
        url = walk.urlFor(op),
        contentType = 'application/json',
      ) => {
        const response = await t.app.inject({
          method: op.method,
          url,
          payload,
          headers: admin.headers({ 'content-type': contentType }),
        });
        if (!response.headers['content-type']?.toString().includes('application/problem+json')) {
          wrong.push(
            `${op.method} ${op.path} ${payload.slice(0, 60)}: ${response.statusCode} ${response.headers['content-type']}`,
          );
        }
        return response;
      };
      for (const op of jsonWrites()) {
        const valid = () => JSON.parse(walk.bodyFor(op).payload as string) as Record<string, unknown>;
        const label = op.key;
        const expect400 = async (payload: string, field?: string, url?: string) => {
          const response = await send(op, payload, url);
          const body = response.json();
          if (response.statusCode !== 400)
            wrong.push(`${label} ${payload.slice(0, 80)}: ${response.statusCode}`);
          else if (field && !body.errors?.some((e: { path: string }) => e.path.includes(field))) {
            wrong.push(
              `${label} ${payload.slice(0, 80)}: errors do not name ${field}: ${JSON.stringify(body.errors)}`,
            );
          }
        };
        await expect400('{"broken": ');
        await expect400('[]');
        await expect400('"text"');
        await expect400(JSON.stringify({ ...valid(), unknownField: 1 }), 'unknownField');
        for (const [field, schema] of Object.entries(op.jsonProperties ?? {})) {
          for (const bad of badValues(field, typesOf(schema))) {
            await expect400(JSON.stringify({ ...valid(), [field]: bad }), field);
          }
        }
        if (op.path.includes('{id}')) {
          for (const badId of ['not-a-uuid', '1%20OR%201=1', 'x'.repeat(300)]) {
            const response = await send(op, JSON.stringify(valid()), walk.urlFor(op, badId));
            if (response.statusCode !== 400)
              wrong.push(`${label} id=${badId.slice(0, 20)}: ${response.statusCode}`);
          }
        }
        const oversize = await send(op, JSON.stringify({ ...valid(), padding: 'x'.repeat(2_000_000) }));
        if (oversize.statusCode !== 413) wrong.push(`${label} oversize: ${oversize.statusCode}`);
        const wrongType = await send(op, 'name=x', walk.urlFor(op), 'application/x-www-form-urlencoded');
        if (wrongType.statusCode !== 415) wrong.push(`${label} form body: ${wrongType.statusCode}`);
      }
      expect(wrong).toEqual([]);
      expect(await auditCount()).toBe(before);
    },
    WALK_TIMEOUT,
  );

  it('refuses JSON junk on every write that takes a file, with 400 or 415, writing nothing', async () => {
    const before = await auditCount();
    const wrong: string[] = [];
    const fileOperations = walk.operations.filter((o) => !o.jsonProperties && o.contentTypes.length > 0);
    expect(fileOperations.length).toBeGreaterThan(0);
    for (const op of fileOperations) {
      // A file name where a route asks for one: the body alone must be what is refused.
      const url = walk.urlFor(op);
      for (const payload of [
        '{"broken": ',
        '[]',
        '"text"',
        JSON.stringify({ name: 'x', padding: 'x'.repeat(1000) }),
      ]) {
        const response = await t.app.inject({
          method: op.method as 'POST',
          url,
          payload,
          headers: admin.headers({ 'content-type': 'application/json' }),
        });
        const problem = response.headers['content-type']?.toString().includes('application/problem+json');
        if (![400, 415].includes(response.statusCode) || !problem) {
          wrong.push(`${op.method} ${op.path} ${payload.slice(0, 40)}: ${response.statusCode}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(await auditCount()).toBe(before);
  });

  it('refuses bad query parameters on lists', async () => {
    for (const url of [
      '/api/v1/people?limit=0',
      '/api/v1/people?limit=100000',
      '/api/v1/people?limit=abc',
      '/api/v1/people?unitId=nope',
      '/api/v1/people?cursor=garbage',
      '/api/v1/people?unknown=1',
      `/api/v1/people?search=${'x'.repeat(500)}`,
      '/api/v1/units?kind=castle',
      '/api/v1/audit?from=yesterday',
    ]) {
      const response = await t.app.inject({ url, headers: admin.headers() });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().errors.length, url).toBeGreaterThan(0);
    }
  });

  it('answers problems in English when the client asks for it', async () => {
    const sv = await t.app.inject({ url: '/api/v1/units/nope', headers: admin.headers() });
    const en = await t.app.inject({
      url: '/api/v1/units/nope',
      headers: admin.headers({ 'accept-language': 'en-GB,en;q=0.9' }),
    });
    expect(sv.json().title).toBe('Ogiltiga uppgifter');
    expect(en.json().title).toBe('Invalid input');
  });
});

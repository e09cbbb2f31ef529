import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as org from '../modules/org/service.ts';
import { createTestContext, json, type Session, seedPerson, signIn, type TestContext } from '../testing.ts';
import { auditEvents } from './audit/schema.ts';
import { createApiToken, principalFromApiToken } from './auth/service.ts';
import { AttachmentKinds } from './files/kinds.ts';
import { uploadFile } from './files/service.ts';
import { unitAttachments } from './files/unit-kind.ts';

// Walks every operation of the OpenAPI document: without identity it must answer 401; as the
// admin of tenant B, aimed at tenant A's ids, it must answer 400/403/404 and never show or change
// A's data; as an employee of tenant A it must not change anything reserved for admins.
// An operation added later without an entry below makes this test fail on purpose.

interface Operation {
  method: string;
  path: string;
  isPublic: boolean;
  body: boolean;
  contentTypes: string[];
}

let t: TestContext;
let bAdmin: Session;
let aEmployee: Session;
const ids: Record<string, string> = {};
const secrets: string[] = [];
const operations: Operation[] = [];

beforeAll(async () => {
  t = await createTestContext();
  const a = t.a.actor;
  const unit = await org.createUnit(t.db, a, {
    name: 'Hemlig enhet A',
    kind: 'subunit',
    parentId: t.a.unitId,
    costCentre: '9911',
  });
  const person = await org.createPerson(t.db, a, {
    givenName: 'Anna',
    familyName: 'Andersson',
    email: 'anna@a.example',
    unitId: unit.id,
  });
  const grant = await org.grantRole(t.db, a, { personId: person.id, role: 'reader' });
  const adminA = (await principalFromApiToken(
    t.db,
    (
      await createApiToken(
        t.db,
        { ...a, personId: t.a.adminId, email: t.a.adminEmail, via: 'session' },
        'a-token',
        null,
      )
    ).token,
  ))!;
  const token = await createApiToken(t.db, adminA, 'a-token-2', null);
  const file = await uploadFile(
    t.db,
    a,
    new AttachmentKinds([unitAttachments]),
    { kind: 'unit', recordId: unit.id, name: 'Hemlig bilaga A.pdf' },
    Readable.from([PDF]),
    1_000_000,
  );
  Object.assign(ids, {
    unit: unit.id,
    person: person.id,
    roleAssignment: grant.id,
    token: token.row.id,
    file: file.id,
  });
  secrets.push(
    unit.id,
    person.id,
    grant.id,
    token.row.id,
    file.id,
    'anna@a.example',
    'Hemlig enhet A',
    'Hemlig bilaga A.pdf',
    file.sha256!,
    t.a.adminEmail,
  );
  await seedPerson(t.db, t.a, 'employee@a.example', ['employee']);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  aEmployee = await signIn(t.app, 'employee@a.example');

  const spec = (await t.app.inject({ url: '/api/openapi.json' })).json();
  for (const [path, item] of Object.entries<Record<string, any>>(spec.paths)) {
    if (!path.startsWith('/api/v1')) continue;
    for (const [method, op] of Object.entries<any>(item)) {
      if (!['get', 'post', 'patch', 'put', 'delete'].includes(method)) continue;
      operations.push({
        method: method.toUpperCase(),
        path,
        isPublic: Array.isArray(op.security) && op.security.length === 0,
        body: Boolean(op.requestBody),
        contentTypes: Object.keys(op.requestBody?.content ?? {}),
      });
    }
  }
});
afterAll(() => t.close());

/** A small PDF: what the attachment routes take. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/** Fills `{id}` (and an attachment's `{kind}/{recordId}`) with tenant A's ids. */
function urlFor(op: Operation): string {
  const upload = op.method === 'POST' && op.path.endsWith('/{kind}/{recordId}');
  const path = op.path.replace('/{kind}/{recordId}', `/unit/${ids.unit}`) + (upload ? '?name=probe.pdf' : '');
  return path.replace(/\/([a-z-]+)\/\{id\}/g, (_m, resource: string) => {
    const key = (
      {
        units: 'unit',
        people: 'person',
        'role-assignments': 'roleAssignment',
        tokens: 'token',
        files: 'file',
      } as Record<string, string>
    )[resource];
    if (!key) throw new Error(`access.test.ts: no tenant-A fixture for /${resource}/{id}; add one`);
    return `/${resource}/${ids[key]}`;
  });
}

/** A valid body for each write, aimed at tenant A's data where it refers to anything. */
function bodyFor(op: Operation): { payload: string | Buffer; contentType: string } {
  const key = `${op.method} ${op.path}`;
  const bodies: Record<string, unknown> = {
    'POST /api/v1/session': { email: 'anna@a.example', password: 'wrong password' },
    'POST /api/v1/session/password': { currentPassword: 'x', newPassword: 'a long new password' },
    'POST /api/v1/tokens': { name: 'probe' },
    'POST /api/v1/units': { name: 'Under A', kind: 'subunit', parentId: ids.unit },
    'PATCH /api/v1/units/{id}': { version: 1, name: 'Changed by B' },
    'POST /api/v1/units/{id}/archive': { version: 1, reason: 'B tries' },
    'POST /api/v1/units/{id}/restore': { version: 1 },
    'POST /api/v1/people': {
      givenName: 'B',
      familyName: 'Probe',
      email: 'probe@b.example',
      unitId: ids.unit,
    },
    'PATCH /api/v1/people/{id}': { version: 1, title: 'Changed by B' },
    'POST /api/v1/people/{id}/archive': { version: 1, reason: 'B tries' },
    'POST /api/v1/people/{id}/restore': { version: 1 },
    'POST /api/v1/role-assignments': { personId: ids.person, role: 'admin' },
    'POST /api/v1/files/{id}/archive': { reason: 'B tries' },
    'POST /api/v1/files/{id}/restore': {},
  };
  if (op.contentTypes.includes('application/octet-stream')) {
    return { payload: PDF, contentType: 'application/octet-stream' };
  }
  if (op.contentTypes.includes('text/csv')) {
    const csv = key.includes('/units/')
      ? `namn;typ;överordnad\nUnder A;enhet;9911\n`
      : `förnamn;efternamn;e-post;enhet\nB;Probe;probe@b.example;Hemlig enhet A\n`;
    return { payload: csv, contentType: 'text/csv' };
  }
  if (!(key in bodies)) throw new Error(`access.test.ts: no example body for ${key}; add one`);
  return { payload: JSON.stringify(bodies[key]), contentType: 'application/json' };
}

async function auditCountA() {
  return (await t.db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.tenantId, t.a.id)))
    .length;
}

describe('access across every operation', () => {
  it('finds the operations', () => {
    expect(operations.length).toBeGreaterThan(15);
  });

  it('answers 401 to every non-public operation without identity', async () => {
    const wrong: string[] = [];
    for (const op of operations.filter((o) => !o.isPublic)) {
      const body = op.body ? bodyFor(op) : undefined;
      const response = await t.app.inject({
        method: op.method as 'GET',
        url: urlFor(op),
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
    for (const op of operations) {
      // Signing out would end the session the rest of the walk uses; auth.test.ts covers it.
      if (op.isPublic || `${op.method} ${op.path}` === 'DELETE /api/v1/session') continue;
      const body = op.body ? bodyFor(op) : undefined;
      const url = urlFor(op);
      const response = await t.app.inject({
        method: op.method as 'GET',
        url,
        headers: bAdmin.headers(body ? { 'content-type': body.contentType } : {}),
        ...(body ? { payload: body.payload } : {}),
      });
      const refersToA = url !== op.path || (body && secrets.some((s) => String(body.payload).includes(s)));
      // What the caller sent may be echoed (the problem's "instance"); anything else of A's is a leak.
      const sent = `${url} ${String(body?.payload ?? '')}`;
      const leaked = secrets.filter((s) => response.body.includes(s) && !sent.includes(s));
      if (leaked.length > 0) wrong.push(`${op.method} ${op.path}: shows ${leaked.join(', ')}`);
      if (refersToA && response.statusCode < 400) wrong.push(`${op.method} ${url}: ${response.statusCode}`);
      if (response.statusCode >= 500) wrong.push(`${op.method} ${op.path}: ${response.statusCode}`);
    }
    // Searches: B's lists never include A's rows.
    for (const url of [
      '/api/v1/people?search=anna',
      '/api/v1/units?search=Hemlig',
      '/api/v1/audit?limit=500',
      `/api/v1/role-assignments?personId=${ids.person}`,
    ]) {
      const response = await t.app.inject({ url, headers: bAdmin.headers() });
      expect(response.statusCode).toBe(200);
      for (const s of secrets) if (response.body.includes(s)) wrong.push(`${url} shows ${s}`);
    }
    expect(wrong).toEqual([]);
    expect(await auditCountA()).toBe(before);
    // A's unit and person are as they were.
    expect((await org.getUnit(t.db, t.a.actor, ids.unit!)).version).toBe(1);
    expect((await org.getPerson(t.db, t.a.actor, ids.person!)).version).toBe(1);
  });

  it("refuses an employee every admin write in the employee's own tenant", async () => {
    const before = await auditCountA();
    const wrong: string[] = [];
    const selfService = new Set([
      'POST /api/v1/tokens',
      'DELETE /api/v1/tokens/{id}',
      'POST /api/v1/session/password',
      'DELETE /api/v1/session',
    ]);
    for (const op of operations) {
      if (op.isPublic || op.method === 'GET' || selfService.has(`${op.method} ${op.path}`)) continue;
      const body = op.body ? bodyFor(op) : undefined;
      const response = await t.app.inject({
        method: op.method as 'GET',
        url: urlFor(op),
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

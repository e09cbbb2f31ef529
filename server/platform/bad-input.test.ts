import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as org from '../modules/org/service.ts';
import { createTestContext, type Session, signIn, type TestContext } from '../testing.ts';
import { auditEvents } from './audit/schema.ts';
import { AttachmentKinds } from './files/kinds.ts';
import { uploadFile } from './files/service.ts';
import { unitAttachments } from './files/unit-kind.ts';

// Sends a table of bad inputs to every POST/PATCH operation of the OpenAPI document, as tenant A's
// admin: each must answer 4xx problem+json naming the field (413 for an oversize body), never 5xx,
// and write nothing. A new operation without a valid example body below fails the test on purpose.

interface JsonOperation {
  method: 'POST' | 'PATCH';
  path: string;
  contentTypes: string[];
  properties: Record<string, { type?: string | string[]; anyOf?: { type?: string }[] }>;
  hasJsonBody: boolean;
}

let t: TestContext;
let admin: Session;
const ids: Record<string, string> = {};
const operations: JsonOperation[] = [];

beforeAll(async () => {
  t = await createTestContext();
  const unit = await org.createUnit(t.db, t.a.actor, {
    name: 'Enhet',
    kind: 'subunit',
    parentId: t.a.unitId,
  });
  const person = await org.createPerson(t.db, t.a.actor, {
    givenName: 'Per',
    familyName: 'Persson',
    email: 'per@a.example',
  });
  const grant = await org.grantRole(t.db, t.a.actor, { personId: person.id, role: 'reader' });
  const file = await uploadFile(
    t.db,
    t.a.actor,
    new AttachmentKinds([unitAttachments]),
    { kind: 'unit', recordId: unit.id, name: 'bilaga.txt' },
    Readable.from([Buffer.from('Bilaga')]),
    1_000_000,
  );
  Object.assign(ids, { unit: unit.id, person: person.id, roleAssignment: grant.id, file: file.id });
  admin = await signIn(t.app, t.a.adminEmail);
  const spec = (await t.app.inject({ url: '/api/openapi.json' })).json();
  for (const [path, item] of Object.entries<Record<string, any>>(spec.paths)) {
    if (!path.startsWith('/api/v1')) continue;
    for (const [method, op] of Object.entries<any>(item)) {
      if (method !== 'post' && method !== 'patch') continue;
      const schema = op.requestBody?.content?.['application/json']?.schema;
      operations.push({
        method: method.toUpperCase() as JsonOperation['method'],
        path,
        contentTypes: Object.keys(op.requestBody?.content ?? {}),
        properties: schema?.properties ?? {},
        hasJsonBody: Boolean(schema),
      });
    }
  }
});
afterAll(() => t.close());

const validBodies: Record<string, () => Record<string, unknown>> = {
  'POST /api/v1/session': () => ({ email: 'nobody@a.example', password: 'x' }),
  'POST /api/v1/session/password': () => ({ currentPassword: 'wrong', newPassword: 'a long new password' }),
  'POST /api/v1/tokens': () => ({ name: 'probe', expiresAt: '2030-01-01T00:00:00Z' }),
  'POST /api/v1/units': () => ({
    name: 'Ny',
    kind: 'subunit',
    parentId: ids.unit,
    costCentre: '1',
    orgNumber: '212000-0001',
  }),
  'PATCH /api/v1/units/{id}': () => ({
    version: 1,
    name: 'Ny',
    kind: 'office',
    parentId: null,
    costCentre: '2',
    orgNumber: null,
  }),
  'POST /api/v1/units/{id}/archive': () => ({ version: 1, reason: 'Test' }),
  'POST /api/v1/units/{id}/restore': () => ({ version: 1 }),
  'POST /api/v1/people': () => ({
    givenName: 'Ny',
    familyName: 'Person',
    email: 'ny@a.example',
    title: 'Titel',
    phone: '070-123 45 67',
    unitId: ids.unit,
    employeeNumber: '1',
    active: true,
  }),
  'PATCH /api/v1/people/{id}': () => ({ version: 1, givenName: 'Ny', title: 'T', active: false }),
  'POST /api/v1/people/{id}/archive': () => ({ version: 1, reason: 'Test' }),
  'POST /api/v1/people/{id}/restore': () => ({ version: 1 }),
  'POST /api/v1/role-assignments': () => ({ personId: ids.person, role: 'economist', unitId: ids.unit }),
  'POST /api/v1/files/{id}/archive': () => ({ reason: 'Fel fil', version: 1 }),
  'POST /api/v1/files/{id}/restore': () => ({ version: 1 }),
};

function urlFor(path: string, replacement?: string): string {
  const filled = path.replace('/{kind}/{recordId}', `/unit/${ids.unit}`);
  return filled.replace(/\/([a-z-]+)\/\{id\}/g, (_m, resource: string) => {
    const key = (
      { units: 'unit', people: 'person', 'role-assignments': 'roleAssignment', files: 'file' } as Record<
        string,
        string
      >
    )[resource];
    return `/${resource}/${replacement ?? ids[key ?? ''] ?? 'missing-fixture'}`;
  });
}

function typesOf(p: JsonOperation['properties'][string]): string[] {
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
    const missing = operations.filter((o) => o.hasJsonBody && !validBodies[`${o.method} ${o.path}`]);
    expect(missing.map((o) => `${o.method} ${o.path}`)).toEqual([]);
  });

  it('refuses every bad input with a 4xx problem naming the field, and writes nothing', async () => {
    const before = await auditCount();
    const wrong: string[] = [];
    const send = async (
      op: JsonOperation,
      payload: string,
      url = urlFor(op.path),
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
    for (const op of operations.filter((o) => o.hasJsonBody)) {
      const valid = validBodies[`${op.method} ${op.path}`]!;
      const label = `${op.method} ${op.path}`;
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
      for (const [field, schema] of Object.entries(op.properties)) {
        for (const bad of badValues(field, typesOf(schema))) {
          await expect400(JSON.stringify({ ...valid(), [field]: bad }), field);
        }
      }
      if (op.path.includes('{id}')) {
        for (const badId of ['not-a-uuid', '1%20OR%201=1', 'x'.repeat(300)]) {
          const response = await send(op, JSON.stringify(valid()), urlFor(op.path, badId));
          if (response.statusCode !== 400)
            wrong.push(`${label} id=${badId.slice(0, 20)}: ${response.statusCode}`);
        }
      }
      const oversize = await send(op, JSON.stringify({ ...valid(), padding: 'x'.repeat(2_000_000) }));
      if (oversize.statusCode !== 413) wrong.push(`${label} oversize: ${oversize.statusCode}`);
      const wrongType = await send(op, 'name=x', urlFor(op.path), 'application/x-www-form-urlencoded');
      if (wrongType.statusCode !== 415) wrong.push(`${label} form body: ${wrongType.statusCode}`);
    }
    expect(wrong).toEqual([]);
    expect(await auditCount()).toBe(before);
  });

  it('refuses JSON junk on every write that takes a file, with 400 or 415, writing nothing', async () => {
    const before = await auditCount();
    const wrong: string[] = [];
    const fileOperations = operations.filter((o) => !o.hasJsonBody && o.contentTypes.length > 0);
    expect(fileOperations.length).toBeGreaterThan(0);
    for (const op of fileOperations) {
      // A file name where a route asks for one: the body alone must be what is refused.
      const url = `${urlFor(op.path)}${op.path.includes('{recordId}') ? '?name=x.txt' : ''}`;
      for (const payload of [
        '{"broken": ',
        '[]',
        '"text"',
        JSON.stringify({ name: 'x', padding: 'x'.repeat(1000) }),
      ]) {
        const response = await t.app.inject({
          method: op.method,
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

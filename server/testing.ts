import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../shared/roles.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import type { Database } from './db/client.ts';
import { createTestDatabase, type TestDatabase } from './db/testing.ts';
import { setPassword } from './platform/auth/service.ts';
import { type Actor, systemActor } from './platform/context.ts';
import * as directory from './platform/directory/service.ts';
import type { App } from './platform/http.ts';
import { type Module, RawBody } from './platform/seam.ts';

// Test fixtures: a real app on a real database with two tenants, and sign-in helpers.

export const PASSWORD = 'correct horse battery';

export interface TestTenant {
  id: string;
  slug: string;
  actor: Actor;
  adminId: string;
  adminEmail: string;
  unitId: string;
}

/** A tenant with one unit and an admin who can sign in with PASSWORD. */
export async function seedTenant(db: Database, slug: string): Promise<TestTenant> {
  const tenant = await directory.createTenant(db, { slug, name: `Test ${slug}`, kind: 'municipality' });
  const actor = systemActor(tenant.id);
  const unit = await directory.createUnit(db, actor, { name: `Förvaltning ${slug}`, kind: 'department' });
  const adminEmail = `admin@${slug}.example`;
  const admin = await directory.createPerson(db, actor, {
    givenName: 'Ada',
    familyName: slug,
    email: adminEmail,
    unitId: unit.id,
  });
  await directory.grantRole(db, actor, { personId: admin.id, role: 'admin' });
  await setPassword(db, actor, admin.id, PASSWORD);
  return { id: tenant.id, slug, actor, adminId: admin.id, adminEmail, unitId: unit.id };
}

/** A person in `tenant` with the given global roles and PASSWORD. */
export async function seedPerson(db: Database, tenant: TestTenant, email: string, roles: Role[] = []) {
  const person = await directory.createPerson(db, tenant.actor, {
    givenName: 'Test',
    familyName: email.split('@')[0]!,
    email,
    unitId: tenant.unitId,
  });
  for (const role of roles) await directory.grantRole(db, tenant.actor, { personId: person.id, role });
  await setPassword(db, tenant.actor, person.id, PASSWORD);
  return person;
}

export interface Session {
  cookie: string;
  csrfToken: string;
  /** Headers for a request as this signed-in browser would send them. */
  headers(extra?: Record<string, string>): Record<string, string>;
}

export async function signIn(app: App, email: string, password = PASSWORD): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrfToken = response.json().csrfToken as string;
  return { cookie, csrfToken, headers: (extra = {}) => ({ cookie, 'x-csrf-token': csrfToken, ...extra }) };
}

export interface TestContext {
  app: App;
  database: TestDatabase;
  db: Database;
  a: TestTenant;
  b: TestTenant;
  close(): Promise<void>;
}

/** App + database + tenants A and B, for one test file; `env` sets configuration (e.g. limits). */
export async function createTestContext(
  env: Record<string, string> = {},
  /** Modules to plug in instead of server/modules.ts (a test of the seam brings its own). */
  modules?: readonly Module[],
): Promise<TestContext> {
  const database = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: undefined, ...env });
  const app = await buildApp({ config, database, logger: false, modules });
  await app.ready();
  const a = await seedTenant(database.db, 'a');
  const b = await seedTenant(database.db, 'b');
  return {
    app,
    database,
    db: database.db,
    a,
    b,
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}

// Tests read answers loosely on purpose; the assertions say what they expect.
// biome-ignore lint/suspicious/noExplicitAny: test helper
export function json<T = any>(response: LightMyRequestResponse): T {
  return response.json() as T;
}

// ---------------------------------------------------------------- the walks over every operation

/** One operation of the OpenAPI document. */
export interface WalkOperation {
  method: string;
  path: string;
  isPublic: boolean;
  /** The JSON schema's properties of a JSON body, if the operation takes one. */
  jsonProperties?: Record<string, { type?: string | string[]; anyOf?: { type?: string }[] }>;
  contentTypes: string[];
  key: string;
}

export interface Walk {
  operations: WalkOperation[];
  ids: Record<string, string>;
  secrets: string[];
  selfService: Set<string>;
  /** The path with `{id}` after each resource filled from tenant A's records (or `replacement`). */
  urlFor(op: WalkOperation, replacement?: string): string;
  /** A valid body for a write, from the module that owns it; throws when no module gives one. */
  bodyFor(op: WalkOperation): { payload: string | Buffer; contentType: string };
  hasBody(op: WalkOperation): boolean;
}

/**
 * Seeds every registered module's walk records in tenant A and reads the OpenAPI document: what
 * the access and bad-input walks share. An operation that no module can fill fails loudly there.
 */
export async function prepareWalk(t: TestContext): Promise<Walk> {
  const ids: Record<string, string> = {};
  const secrets: string[] = [t.a.adminEmail];
  const bodies: Record<string, (ids: Record<string, string>) => unknown> = {};
  const params: Record<string, string> = {};
  const selfService = new Set<string>();
  const tenant = {
    id: t.a.id,
    actor: t.a.actor,
    unitId: t.a.unitId,
    adminId: t.a.adminId,
    adminEmail: t.a.adminEmail,
  };
  for (const part of t.app.seam.modules) {
    if (!part.walk) continue;
    const seeded = await part.walk.seed(t.db, tenant, t.app.seam);
    Object.assign(ids, seeded.ids);
    Object.assign(params, seeded.params ?? {});
    secrets.push(...seeded.secrets);
    Object.assign(bodies, part.walk.bodies);
    Object.assign(params, part.walk.params ?? {});
    for (const op of part.walk.selfService ?? []) selfService.add(op);
  }
  const spec = (await t.app.inject({ url: '/api/openapi.json' })).json();
  const operations: WalkOperation[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is read loosely on purpose
  type Loose = any;
  for (const [path, item] of Object.entries<Record<string, Loose>>(spec.paths)) {
    if (!path.startsWith('/api/v1')) continue;
    for (const [method, op] of Object.entries<Loose>(item)) {
      if (!['get', 'post', 'patch', 'put', 'delete'].includes(method)) continue;
      const content = op.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      operations.push({
        method: method.toUpperCase(),
        path,
        isPublic: Array.isArray(op.security) && op.security.length === 0,
        jsonProperties: json ? (json.properties ?? {}) : undefined,
        contentTypes: Object.keys(content),
        key: `${method.toUpperCase()} ${path}`,
      });
    }
  }
  const urlFor = (op: WalkOperation, replacement?: string) => {
    const made = bodies[op.key]?.(ids);
    const query = made instanceof RawBody && made.query ? `?${made.query}` : '';
    return `${op.path
      .replace(/\/([a-z-]+)\/\{id\}/g, (_m, resource: string) => {
        const id = replacement ?? ids[resource];
        if (!id) throw new Error(`${op.key}: no module's walk fixture seeds a record for /${resource}/{id}`);
        return `/${resource}/${id}`;
      })
      .replace(/\{(\w+)\}/g, (_m, name: string) => {
        const value = params[`${op.path}#${name}`] ?? params[name];
        if (!value) throw new Error(`${op.key}: no module's walk fixture gives the path parameter {${name}}`);
        return value;
      })}${query}`;
  };
  const hasBody = (op: WalkOperation) => op.contentTypes.length > 0;
  const bodyFor = (op: WalkOperation) => {
    const make = bodies[op.key];
    if (!make) throw new Error(`${op.key}: no module's walk fixture gives an example body; add one`);
    const body = make(ids);
    if (body instanceof RawBody) return { payload: body.payload, contentType: body.contentType };
    return { payload: JSON.stringify(body), contentType: 'application/json' };
  };
  return { operations, ids, secrets, selfService, urlFor, bodyFor, hasBody };
}

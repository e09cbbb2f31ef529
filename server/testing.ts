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
export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: undefined, ...env });
  const app = await buildApp({ config, database, logger: false });
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

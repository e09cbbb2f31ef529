import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { PASSWORD, seedTenant, signIn } from '../testing.ts';
import { onServer } from './admin.ts';
import { type DatabaseHandle, openDatabase } from './client.ts';
import { migrate } from './migrate.ts';
import { describeOn, itOn, TEST_DATABASE_URL } from './testing.ts';

// The app as a PostgreSQL role that does not own the tables (README "A database role for the app"):
// the grants are the README's own statements; migrations run as the owner, the app as the role.
// PostgreSQL only: PGlite has a single user, so there is no second role to run as.

const suffix = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const role = `styrbord_app_${suffix}`;
const name = `styrbord_r_${suffix}`;
let ownerUrl: string;
let appUrl: string;
let owner: DatabaseHandle | undefined;
let app: DatabaseHandle | undefined;

/** The README's one-time statements after CREATE ROLE, for this test's role. */
function readmeGrants(database = name): string[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('### A database role for the app'));
  const block = /```sql\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README has no SQL block under "A database role for the app"');
  return block
    .split(';')
    .map((s) => s.replace(/^--.*$/gm, '').trim())
    .filter((s) => s && !s.startsWith('CREATE ROLE'))
    .map((s) =>
      s.replaceAll('styrbord_app', role).replace('ON DATABASE styrbord ', `ON DATABASE ${database} `),
    );
}

// The embedded database has no roles to speak of; there the README's statements are only read, so
// a broken SQL block fails in both suites, not only where a server runs it.
itOn('pglite')('reads the README statements that the PostgreSQL suite runs as the owner', () => {
  const statements = readmeGrants();
  expect(statements.length).toBeGreaterThan(5);
  for (const statement of statements) expect(statement).toMatch(/^(CREATE SCHEMA|GRANT|ALTER DEFAULT)/);
  expect(statements.some((s) => s.includes(role))).toBe(true);
});

describeOn('pg')('the app as a role that does not own the tables', () => {
  beforeAll(async () => {
    await onServer(TEST_DATABASE_URL, [`create database ${name}`, `create role ${role} login`]);
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    ownerUrl = url.toString();
    url.username = role;
    appUrl = url.toString();
    // The grants first, on the empty database: the default privileges then cover every table the
    // migrations create.
    await onServer(ownerUrl, readmeGrants());
    owner = await openDatabase({ kind: 'pg', url: ownerUrl, poolSize: 1 });
    await migrate(owner);
    app = await openDatabase({ kind: 'pg', url: appUrl, poolSize: 2 });
  });
  afterAll(async () => {
    await app?.close();
    await owner?.close();
    await onServer(TEST_DATABASE_URL, [
      `drop database if exists ${name} with (force)`,
      `drop database if exists ${name}_p with (force)`,
      `drop role if exists ${role}`,
    ]);
  });

  it('serves the API as that role', async () => {
    const tenant = await seedTenant(app!.db, 'r');
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: appUrl });
    const server = await buildApp({ config, database: app!, logger: false });
    try {
      expect((await server.inject({ url: '/api/ready' })).statusCode).toBe(200);
      const admin = await signIn(server, tenant.adminEmail, PASSWORD);
      const created = await server.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers: admin.headers(),
        payload: { name: 'Rollenheten', kind: 'office' },
      });
      expect(created.statusCode).toBe(201);
      const audit = await server.inject({ url: '/api/v1/audit?entity=unit', headers: admin.headers() });
      expect(audit.json().items.length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it.each([
    [`update audit_events set action = 'x'`, /append-only/],
    ['delete from audit_events', /append-only/],
    ['truncate audit_events', /permission denied/],
    ['alter table audit_events disable trigger audit_events_append_only', /must be owner/],
    ['alter table people add column x int', /must be owner/],
    ['drop table audit_events', /must be owner/],
    ['create table intruder (id int)', /permission denied/],
  ])('refuses %s', async (statement, error) => {
    await expect(app!.exec(statement)).rejects.toThrow(error);
  });

  it('starts as a process on a new database, DATABASE_MIGRATION_URL migrating as the owner', async () => {
    // The app's role cannot create a table: the start succeeds only if the owner migrated.
    const fresh = `${name}_p`;
    await onServer(TEST_DATABASE_URL, [`create database ${fresh}`]);
    const freshOwner = new URL(ownerUrl);
    freshOwner.pathname = `/${fresh}`;
    await onServer(freshOwner.toString(), readmeGrants(fresh));
    const freshApp = new URL(freshOwner);
    freshApp.username = role;
    const child = spawn(process.execPath, [new URL('../boot.ts', import.meta.url).pathname], {
      env: {
        ...process.env,
        DATABASE_URL: freshApp.toString(),
        DATABASE_MIGRATION_URL: freshOwner.toString(),
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DEMO_DATA: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
    });
    child.stderr!.on('data', (d) => {
      out += d;
    });
    const base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready: ${out}`)), 30_000);
      child.stdout!.on('data', () => {
        const match = /ready at (http:\/\/\S+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!.replace('localhost', '127.0.0.1'));
        }
      });
      child.on('exit', () => reject(new Error(`exited: ${out}`)));
    });
    const exited = new Promise((r) => child.on('exit', r));
    try {
      expect((await fetch(`${base}/api/ready`)).status).toBe(200);
      // PostgreSQL without DEMO_DATA: no demo.
      expect(out).not.toContain('Demo');
    } finally {
      child.kill('SIGTERM');
      await exited;
      await onServer(TEST_DATABASE_URL, [`drop database if exists ${fresh} with (force)`]);
    }
  });
});

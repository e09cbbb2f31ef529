import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from './db/testing.ts';
import { PASSWORD, seedTenant } from './testing.ts';

// The server as a process, started as npm start does (boot.ts → main.ts): start, serve, drain on SIGTERM, keep every record across a restart,
// and stop with one clear line on a bad configuration.

const main = new URL('./boot.ts', import.meta.url).pathname;
let dataDir: string;
let pgDatabase: TestDatabase | undefined;
let env: Record<string, string>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'styrbord-main-'));
  if (testDatabaseKind() === 'pg') {
    pgDatabase = await createTestDatabase();
    await seedTenant(pgDatabase.db, 'k');
    env = { DATABASE_URL: pgDatabase.url! };
  } else {
    const handle = await openDatabase({ kind: 'pglite', dataDir });
    await migrate(handle);
    await seedTenant(handle.db, 'k');
    await handle.close();
    env = { DATA_DIR: dataDir };
  }
});
afterAll(async () => {
  await pgDatabase?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

function start(extra: Record<string, string> = {}) {
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO_DATA: 'false',
      // The demo's desk history at a tenth of its size: what is tested here is the start, not the demo.
      DEMO_DESK_HISTORY: '2000',
      LOG_LEVEL: 'warn',
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    err += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    // A first start on a new directory loads the whole demo municipality (registry, desk, two years
    // of call statistics) before it listens.
    const timer = setTimeout(() => reject(new Error(`not ready: ${out} ${err}`)), 90_000);
    child.stdout!.on('data', () => {
      const match = /ready at (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', () => reject(new Error(`exited: ${out} ${err}`)));
  });
  ready.catch(() => {}); // a test that expects the process to fail never awaits `ready`
  return { child, ready, exited, output: () => ({ out, err }) };
}

async function stop(child: ChildProcess, exited: Promise<number | null>) {
  child.kill('SIGTERM');
  return exited;
}

describe('the server process', () => {
  it('serves, drains on SIGTERM with exit 0, and keeps every record after a restart', async () => {
    const first = start();
    const base = (await first.ready).replace('localhost', '127.0.0.1');
    const signin = await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@k.example', password: PASSWORD }),
    });
    expect(signin.status).toBe(200);
    const { csrfToken } = (await signin.json()) as { csrfToken: string };
    const cookie = signin.headers.get('set-cookie')!.split(';')[0]!;
    const created = await fetch(`${base}/api/v1/units`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'Överlever omstart', kind: 'office' }),
    });
    expect(created.status).toBe(201);
    const unit = (await created.json()) as { id: string };
    expect(await stop(first.child, first.exited)).toBe(0);
    expect(first.output().out).toContain('SIGTERM');

    const second = start();
    const again = (await second.ready).replace('localhost', '127.0.0.1');
    expect((await fetch(`${again}/api/ready`)).status).toBe(200);
    // The session survives too: sessions live in the database, not in the process.
    const read = await fetch(`${again}/api/v1/units/${unit.id}`, { headers: { cookie } });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { name: string }).name).toBe('Överlever omstart');
    expect(await stop(second.child, second.exited)).toBe(0);

    // The server started the durable jobs in the same database: the hourly purge is scheduled.
    const handle = pgDatabase ?? (await openDatabase({ kind: 'pglite', dataDir }));
    const { rows } = await handle.executeSql('select name, cron from pgboss.schedule order by name');
    expect(rows).toContainEqual({ name: 'platform.purge-expired', cron: '7 * * * *' });
    if (!pgDatabase) await handle.close();
  });

  it('loads the demo by default only into a new PGlite directory, never into PostgreSQL', async () => {
    if (testDatabaseKind() === 'pg') {
      // An empty, migrated PostgreSQL database and DEMO_DATA unset: no demo.
      const empty = await createTestDatabase();
      try {
        const run = start({ DATABASE_URL: empty.url!, DEMO_DATA: '' });
        await run.ready;
        expect(run.output().out).toMatch(/0 tenant\(s\)/);
        expect(run.output().out).not.toContain('Demo');
        expect(await stop(run.child, run.exited)).toBe(0);
      } finally {
        await empty.dispose();
      }
      return;
    }
    // A new directory, as on a fresh clone: the demo is loaded and its sign-ins printed.
    const fresh = join(mkdtempSync(join(tmpdir(), 'styrbord-demo-')), 'data');
    try {
      const first = start({ DATA_DIR: fresh, DEMO_DATA: '' });
      const base = (await first.ready).replace('localhost', '127.0.0.1');
      expect(first.output().out).toContain('Demo municipality loaded');
      const signin = await fetch(`${base}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@styrbord.example', password: 'demo' }),
      });
      expect(signin.status).toBe(200);
      expect(await stop(first.child, first.exited)).toBe(0);
      // Started again, the directory is no longer new: nothing is loaded, the sign-ins still shown.
      const again = start({ DATA_DIR: fresh, DEMO_DATA: '' });
      await again.ready;
      expect(again.output().out).not.toContain('Demo municipality loaded');
      expect(again.output().out).toContain('admin@styrbord.example');
      expect(await stop(again.child, again.exited)).toBe(0);
    } finally {
      rmSync(dirname(fresh), { recursive: true, force: true });
    }
    // An existing database with no tenant (a production start) stays empty.
    const existing = mkdtempSync(join(tmpdir(), 'styrbord-empty-'));
    try {
      const handle = await openDatabase({ kind: 'pglite', dataDir: existing });
      await migrate(handle);
      await handle.close();
      const run = start({ DATA_DIR: existing, DEMO_DATA: '' });
      await run.ready;
      expect(run.output().out).toMatch(/0 tenant\(s\)/);
      expect(run.output().out).not.toContain('Demo');
      const code = await stop(run.child, run.exited);
      expect(code, JSON.stringify(run.output())).toBe(0);
    } finally {
      rmSync(existing, { recursive: true, force: true });
    }
  }, 240_000);

  it('stops on a bad setting with one line naming the variable', async () => {
    const bad = start({ PORT: 'åttio' });
    const code = await bad.exited;
    expect(code).toBe(2);
    const { err } = bad.output();
    expect(err.trim().split('\n')).toEqual([
      'Styrbord cannot start: PORT="åttio" is invalid: expected a number',
    ]);
  });
});

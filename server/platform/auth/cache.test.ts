import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { type DatabaseHandle, openDatabase, rowsOf } from '../../db/client.ts';
import { describeOn, itOn, testDatabaseKind } from '../../db/testing.ts';
import { createTestContext, type Session, seedPerson, signIn, type TestContext } from '../../testing.ts';
import * as directory from '../directory/service.ts';
import type { App } from '../http.ts';
import { mayChangePrincipal, principalCacheOf } from './cache.ts';
import { endSession, resetPassword, revokeApiToken } from './service.ts';

// The principal cache never outlives a change by more than a second, in another process too.
// On PostgreSQL the change is made through one app and its database handle, and watched through
// a second app with a handle (connections, LISTEN) of its own: what a second server process sees.
// PGlite has one process: the same app watches, and its own writes must show at once.

const pg = testDatabaseKind() === 'pg';
let t: TestContext;
let otherHandle: DatabaseHandle | undefined;
/** The app that did not make the change. */
let observer: App;
let observerDb: DatabaseHandle;

beforeAll(async () => {
  t = await createTestContext();
  if (pg) {
    otherHandle = await openDatabase({ kind: 'pg', url: t.database.url!, poolSize: 2 });
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: undefined });
    observer = await buildApp({ config, database: otherHandle, logger: false });
    await observer.ready();
    observerDb = otherHandle;
  } else {
    observer = t.app;
    observerDb = t.database;
  }
});
afterAll(async () => {
  await observer.close();
  await otherHandle?.close();
  await t.close();
});

let n = 0;
/** A fresh admin of tenant A, signed in (through the app that makes changes). */
async function freshAdmin() {
  const email = `cached${++n}@a.example`;
  const person = await seedPerson(t.db, t.a, email, ['admin']);
  return { person, session: await signIn(t.app, email) };
}

/** Asks the observer; asserts the answer came from its cache (no statement to identify the caller). */
async function warm(session: Session | Record<string, string>, url = '/api/v1/units?limit=1') {
  const headers = 'headers' in session ? (session as Session).headers() : session;
  expect((await observer.inject({ url, headers })).statusCode).toBe(200);
  const before = observerDb.queryCount;
  expect((await observer.inject({ url, headers })).statusCode).toBe(200);
  expect(observerDb.queryCount - before, 'identified from the cache: only the route reads').toBe(1);
  return headers;
}

/** Polls the observer for up to 1 s until `url` answers `status`; returns how long it took. */
async function seenWithin(headers: Record<string, string>, status: number, url = '/api/v1/units?limit=1') {
  const started = performance.now();
  let last = 0;
  while (performance.now() - started < 1000) {
    last = (await observer.inject({ url, headers })).statusCode;
    if (last === status) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`still ${last} after 1 s, expected ${status}`);
}

describe(`principal cache (${pg ? 'two apps, two connections to one PostgreSQL' : 'PGlite, one app'})`, () => {
  it('sees a sign-out', async () => {
    const { session } = await freshAdmin();
    const headers = await warm(session);
    const [latest] = rowsOf<{ token_hash: string }>(
      await t.db.execute(sql`select token_hash from sessions order by created_at desc limit 1`),
    );
    await endSession(t.db, latest!.token_hash);
    expect(await seenWithin(headers, 401)).toBeLessThan(1000);
  });

  it('sees an archived person (no session ended: the trigger on people alone)', async () => {
    const { person, session } = await freshAdmin();
    const headers = await warm(session);
    await directory.archivePerson(t.db, t.a.actor, person.id, { version: person.version, reason: 'Slutat' });
    await seenWithin(headers, 401);
  });

  it('sees a deactivated person', async () => {
    const { person, session } = await freshAdmin();
    const headers = await warm(session);
    await directory.updatePerson(t.db, t.a.actor, person.id, { version: person.version, active: false });
    await seenWithin(headers, 401);
  });

  it('sees a revoked role', async () => {
    const { person, session } = await freshAdmin();
    const headers = await warm(session, '/api/v1/scopes/unit?limit=1');
    const [admin] = rowsOf<{ id: string }>(
      await t.db.execute(
        sql`select id from role_assignments where person_id = ${person.id} and role = 'admin' and revoked_at is null`,
      ),
    );
    await directory.revokeRole(t.db, t.a.actor, admin!.id);
    await seenWithin(headers, 403, '/api/v1/scopes/unit?limit=1');
  });

  it('sees a password reset (an admin reset ends every session of the person)', async () => {
    const { person, session } = await freshAdmin();
    const headers = await warm(session);
    await resetPassword(t.db, t.a.actor, person.id);
    await seenWithin(headers, 401);
  });

  it('sees a revoked API token', async () => {
    const { person, session } = await freshAdmin();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: session.headers(),
      payload: { name: 'Cachad' },
    });
    const { token, id } = created.json() as { token: string; id: string };
    const headers = await warm({ authorization: `Bearer ${token}` });
    const owner = { ...t.a.actor, personId: person.id } as Parameters<typeof revokeApiToken>[1];
    await revokeApiToken(t.db, owner, id);
    await seenWithin(headers, 401);
  });

  it('does not invalidate on a change that was rolled back', async () => {
    const { person, session } = await freshAdmin();
    const headers = await warm(session);
    await t.db
      .transaction(async (tx) => {
        await tx.execute(sql`update people set active = false where id = ${person.id}`);
        throw new Error('roll back');
      })
      .catch(() => {});
    await new Promise((r) => setTimeout(r, 100));
    expect((await observer.inject({ url: '/api/v1/units?limit=1', headers })).statusCode).toBe(200);
    if (pg) {
      // The other process did not even drop the entry: nothing was committed, nothing notified.
      const before = observerDb.queryCount;
      await observer.inject({ url: '/api/v1/units?limit=1', headers });
      expect(observerDb.queryCount - before).toBe(1);
    }
  });

  itOn('pg')(
    'empties the cache when the LISTEN connection is lost, and fills it again once back',
    async () => {
      const { session } = await freshAdmin();
      const headers = await warm(session);
      const cache = principalCacheOf(observerDb.db)!;
      expect(cache.size).toBeGreaterThan(0);
      await t.db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and query ilike 'listen%'`,
      );
      const started = performance.now();
      while (cache.listening && performance.now() - started < 2000)
        await new Promise((r) => setTimeout(r, 5));
      expect(cache.size).toBe(0);
      while (!cache.listening && performance.now() - started < 5000)
        await new Promise((r) => setTimeout(r, 20));
      expect(cache.listening).toBe(true);
      expect((await observer.inject({ url: '/api/v1/units?limit=1', headers })).statusCode).toBe(200);
      await warm(session);
    },
  );
});

describeOn('pg')('principal cache in a separate server process', () => {
  let child: ChildProcess;
  let port: number;
  beforeAll(async () => {
    child = fork(fileURLToPath(new URL('../../../bench/platform-server.ts', import.meta.url)), [], {
      env: { ...process.env, BENCH_DB_KIND: 'pg', BENCH_DB_URL: t.database.url! },
      execPath: process.execPath,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    port = await new Promise<number>((resolve, reject) => {
      child.once('message', (m) => resolve((m as { port: number }).port));
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
  });
  afterAll(async () => {
    child.send('stop');
    await new Promise((r) => child.once('exit', r));
  });

  async function status(headers: Record<string, string>) {
    return (await fetch(`http://127.0.0.1:${port}/api/v1/bench/empty`, { headers })).status;
  }
  async function childSeesWithin(headers: Record<string, string>, expected: number) {
    const started = performance.now();
    let last = 0;
    while (performance.now() - started < 1000) {
      last = await status(headers);
      if (last === expected) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`the other process still answers ${last} after 1 s`);
  }

  it('sees a sign-out and an archive made here', async () => {
    const first = await freshAdmin();
    const headers = first.session.headers();
    expect(await status(headers)).toBe(200);
    expect(await status(headers)).toBe(200);
    const out = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers });
    expect(out.statusCode).toBe(204);
    await childSeesWithin(headers, 401);

    const second = await freshAdmin();
    const other = second.session.headers();
    expect(await status(other)).toBe(200);
    await directory.archivePerson(t.db, t.a.actor, second.person.id, {
      version: second.person.version,
      reason: 'Slutat',
    });
    await childSeesWithin(other, 401);
  });
});

describe('mayChangePrincipal', () => {
  it.each([
    ['delete from "sessions" where "sessions"."token_hash" = $1', true],
    ['update "people" set "active" = $1 where x', true],
    ['insert into "role_assignments" ("tenant_id") values ($1)', true],
    ['update "credentials" set "password_hash" = $1, "must_change" = $2', true],
    ['update "api_tokens" set "revoked_at" = $1 where', true],
    ['insert into "sessions" ("token_hash") values ($1)', false],
    ['update "sessions" set "last_seen_at" = $1 where "sessions"."token_hash" = $2', false],
    ['update "api_tokens" set "last_used_at" = $1 where "api_tokens"."token_hash" = $2', false],
    ['update "credentials" set "failed_attempts" = $1, "locked_until" = $2 where', false],
    ['select * from "people"', false],
    ['insert into "audit_events" ("id") values ($1)', false],
  ])('%s → %s', (text, expected) => {
    expect(mayChangePrincipal(text)).toBe(expected);
  });
});

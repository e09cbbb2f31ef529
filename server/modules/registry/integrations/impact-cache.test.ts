import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.ts';
import { loadConfig } from '../../../config.ts';
import { type DatabaseHandle, openDatabase } from '../../../db/client.ts';
import { testDatabaseKind } from '../../../db/testing.ts';
import { derivedCacheOf } from '../../../platform/derived-cache.ts';
import type { App } from '../../../platform/http.ts';
import { createTestContext, json, type Session, signIn, type TestContext } from '../../../testing.ts';
import { createSystem } from '../systems/service.ts';
import { createIntegration, impactCache } from './service.ts';

// The impact analysis is kept per tenant and system in each process (service.ts impactCache) until
// a change to what it derives from commits. Every change an answer holds must show at the next
// read through the app that made it, and within a second through another process: on PostgreSQL
// a second app with a database handle (connections, LISTEN) of its own watches; PGlite has one
// process, so there the same app watches. Each case first proves the answer is served from the
// cache (no statement), so that seeing the change proves the invalidation, not a cold read.

const pg = testDatabaseKind() === 'pg';
let t: TestContext;
let admin: Session;
let adminB: Session;
let otherHandle: DatabaseHandle | undefined;
let observer: App;
let observerDb: DatabaseHandle;
let observerAdmin: Session;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  adminB = await signIn(t.app, t.b.adminEmail);
  if (pg) {
    otherHandle = await openDatabase({ kind: 'pg', url: t.database.url!, poolSize: 2 });
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: undefined });
    observer = await buildApp({ config, database: otherHandle, logger: false });
    await observer.ready();
    observerDb = otherHandle;
    observerAdmin = await signIn(observer, t.a.adminEmail);
  } else {
    observer = t.app;
    observerDb = t.database;
    observerAdmin = admin;
  }
});
afterAll(async () => {
  if (pg) await observer.close();
  await otherHandle?.close();
  await t.close();
});

const inject = (app: App, session: Session, url: string, method = 'GET', payload?: object) =>
  app.inject({ method: method as 'GET', url, headers: session.headers(), payload });
const system = async (name: string, extra: Record<string, unknown> = {}) =>
  (await createSystem(t.db, t.a.actor, { name, scope: 'business', ...extra })).id;

/** The impact of `id` as names (systems) and unit names, through `app`. */
async function impactOf(app: App, session: Session, id: string) {
  const response = await inject(app, session, `/api/v1/systems/${id}/impact`);
  expect(response.statusCode, response.body).toBe(200);
  const body = json(response) as { systems: { name: string; distance: number }[]; units: { name: string }[] };
  return { systems: body.systems.map((s) => `${s.name}${s.distance}`), units: body.units.map((u) => u.name) };
}

/**
 * Reads through the observer until a read is the cache's (no statement at all): at once in another
 * process; in the writer's own, once the moment after its last write has passed (derived-cache.ts).
 */
async function warm(id: string, app = observer, database = observerDb, session = observerAdmin) {
  const started = performance.now();
  for (;;) {
    const before = database.queryCount;
    const answer = await impactOf(app, session, id);
    if (database.queryCount === before) return answer;
    expect(performance.now() - started, 'the impact came from the cache within 2 s').toBeLessThan(2000);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Polls the observer for up to 1 s until the impact of `id` is `expected`. */
async function seen(id: string, expected: { systems: string[]; units: string[] }) {
  const started = performance.now();
  let last: unknown;
  while (performance.now() - started < 1000) {
    last = await impactOf(observer, observerAdmin, id);
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  expect(last, 'within 1 s').toEqual(expected);
}

describe(`the kept impact analysis (${pg ? 'two apps, two connections to one PostgreSQL' : 'PGlite, one app'})`, () => {
  let unit: string;
  let a: string;
  let b: string;
  let c: string;

  beforeAll(async () => {
    unit = json(
      await inject(t.app, admin, '/api/v1/units', 'POST', { name: 'Enhet ett', kind: 'office' }),
    ).id;
    a = await system('Källan');
    b = await system('Mottagaren', { owningUnitId: unit });
    c = await system('Längre bort');
    await createIntegration(t.db, t.a.actor, {
      fromSystemId: a,
      toSystemId: b,
      information: 'Data',
      technique: 'api',
    });
    expect(derivedCacheOf(observerDb.db, impactCache)?.listening).toBe(true);
  });

  it('sees a new integration at the next read by the app that wrote it, and in another process', async () => {
    expect(await warm(a)).toEqual({ systems: ['Mottagaren1'], units: ['Enhet ett'] });
    // The writer's own cache warm too (the same one on PGlite).
    await warm(a, t.app, t.database, admin);
    const added = await inject(t.app, admin, '/api/v1/integrations', 'POST', {
      fromSystemId: b,
      toSystemId: c,
      information: 'Vidare',
      technique: 'file',
    });
    expect(added.statusCode).toBe(201);
    const expected = { systems: ['Mottagaren1', 'Längre bort2'], units: ['Enhet ett'] };
    // The writer's own process: at once, not after the notification.
    expect(await impactOf(t.app, admin, a)).toEqual(expected);
    await seen(a, expected);
  });

  it('sees an integration archived, restored and made two-way', async () => {
    const [edge] = json(await inject(t.app, admin, `/api/v1/integrations?systemId=${c}`)).items;
    await warm(a);
    const archived = await inject(t.app, admin, `/api/v1/integrations/${edge.id}/archive`, 'POST', {
      version: edge.version,
      reason: 'Nedlagd',
    });
    expect(archived.statusCode).toBe(200);
    expect(await impactOf(t.app, admin, a)).toEqual({ systems: ['Mottagaren1'], units: ['Enhet ett'] });
    await seen(a, { systems: ['Mottagaren1'], units: ['Enhet ett'] });
    await warm(a);
    const restored = await inject(t.app, admin, `/api/v1/integrations/${edge.id}/restore`, 'POST', {
      version: edge.version + 1,
    });
    expect(restored.statusCode).toBe(200);
    await seen(a, { systems: ['Mottagaren1', 'Längre bort2'], units: ['Enhet ett'] });
    // Two-way: what c sends back now reaches b (c's own impact).
    expect(await warm(c)).toEqual({ systems: [], units: [] });
    const both = await inject(t.app, admin, `/api/v1/integrations/${edge.id}`, 'PATCH', {
      version: edge.version + 2,
      direction: 'bothWays',
    });
    expect(both.statusCode, both.body).toBe(200);
    await seen(c, { systems: ['Mottagaren1'], units: ['Enhet ett'] });
  });

  it("sees a reached system renamed, archived, and its units' use and names changed", async () => {
    const version = async (id: string) => json(await inject(t.app, admin, `/api/v1/systems/${id}`)).version;
    await warm(a);
    await inject(t.app, admin, `/api/v1/systems/${c}`, 'PATCH', {
      version: await version(c),
      name: 'Längst bort',
    });
    await seen(a, { systems: ['Mottagaren1', 'Längst bort2'], units: ['Enhet ett'] });
    await warm(a);
    const other = json(
      await inject(t.app, admin, '/api/v1/units', 'POST', { name: 'Enhet två', kind: 'office' }),
    );
    await inject(t.app, admin, `/api/v1/systems/${c}`, 'PATCH', {
      version: await version(c),
      usingUnits: [{ unitId: other.id, users: 4 }],
    });
    await seen(a, { systems: ['Mottagaren1', 'Längst bort2'], units: ['Enhet ett', 'Enhet två'] });
    await warm(a);
    const renamed = await inject(t.app, admin, `/api/v1/units/${other.id}`, 'PATCH', {
      version: other.version,
      name: 'Enhet 2',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    await seen(a, { systems: ['Mottagaren1', 'Längst bort2'], units: ['Enhet 2', 'Enhet ett'] });
    await warm(a);
    const archived = await inject(t.app, admin, `/api/v1/systems/${b}/archive`, 'POST', {
      version: await version(b),
      reason: 'Avvecklad',
    });
    expect(archived.statusCode).toBe(200);
    // An archived system passes nothing on: nothing is reached any more.
    await seen(a, { systems: [], units: [] });
  });

  it("keeps each tenant's answers apart: another tenant's id is not found, and its writes leave ours", async () => {
    await warm(a);
    expect((await inject(t.app, adminB, `/api/v1/systems/${a}/impact`)).statusCode).toBe(404);
    const theirs = (await createSystem(t.db, t.b.actor, { name: 'Deras', scope: 'business' })).id;
    const theirsToo = (await createSystem(t.db, t.b.actor, { name: 'Deras andra', scope: 'business' })).id;
    expect(json(await inject(t.app, adminB, `/api/v1/systems/${theirs}/impact`))).toEqual({
      systems: [],
      units: [],
    });
    await createIntegration(t.db, t.b.actor, {
      fromSystemId: theirs,
      toSystemId: theirsToo,
      information: 'Deras flöde',
      technique: 'api',
    });
    expect(json(await inject(t.app, adminB, `/api/v1/systems/${theirs}/impact`)).systems).toHaveLength(1);
    expect((await inject(t.app, admin, `/api/v1/systems/${theirs}/impact`)).statusCode).toBe(404);
  });
});

// `npm run bench:platform`: throughput and latency of the platform's hot read routes, and the
// cold start of the server, on PostgreSQL and on PGlite (DESIGN.md "Performance principles").
//
// Scale: one tenant with BENCH_UNITS units (200) and BENCH_PEOPLE people (50,000), people spread
// over units unevenly (a few big units, many small ones), 2 % archived. One admin signs in.
//
// For each database kind:
//   1. a fresh database (PostgreSQL: `styrbord_bench`, dropped at the end; PGlite: a temp dir),
//      migrated; tenant, first unit and the admin made through the services, the bulk of units
//      and people inserted directly (see seed());
//   2. the real app (buildApp, logger off) started in a CHILD PROCESS (bench/platform-server.ts)
//      on 127.0.0.1 and a random port; the admin signs in over HTTP (session cookie + CSRF token);
//   3. autocannon, in this process, with BENCH_CONNECTIONS (50) connections for BENCH_SECONDS
//      (10) s per run. The server has a process of its own so that the load generator does not
//      share its event loop (in-process, autocannon would take CPU from the very loop it
//      measures); on a 2-core machine they and PostgreSQL still share the CPU, which is why each
//      route is printed as a ratio to the empty authenticated route, measured right before and
//      right after it (mean of the two). Between runs the bench waits until the server is idle.
//      Then the empty route and the targeted routes once more at a fixed, evenly paced BENCH_RATE
//      (100 req/s, open loop, latency counted from when each request was due), or at half the
//      route's saturated throughput when that is lower: their p99 below saturation. (At saturation, latency ≈ connections ÷ throughput, whatever the route.)
//      autocannon's own rate limit sends each second's quota in one burst, hence paced().
//   4. the cold start of `node server/boot.ts` (what `npm start` runs after the build) on that
//      now existing database, and on a demo-loaded PGlite directory when server/platform/directory/demo.ts
//      exists: time to the "ready" line and to the first 200 of /api/ready.
//
// Targets (PostgreSQL; the same figures on PGlite are printed for information):
//   - the empty authenticated route ≥ 50 % of /api/health's req/s (the mean of its runs against
//     the mean of the two health runs, first and last); a bare Fastify route with no hooks, in the
//     same server process (bench/platform-server.ts), is printed beside them: the platform's own
//     cost per request is the distance between the three;
//   - GET /people/{id} ≥ 40 % and a filtered page of 50 ≥ 15 % of the empty route's req/s;
//   - p99 < 25 ms on every route at an evenly paced 100 req/s (the no-match search: information);
//   - cold start < 3 s (both kinds).
// All met and no request failed: exit code 0, else 1.
// "SQL/req" counts statements sent by the server's driver per request (bench/platform-server.ts).
//
// Throughput over a run ("Steadiness" line: the empty route's runs in order). One run before the
// principal cache fell from 10,250 to 5,094 req/s on the empty route between its first and last
// run. What that route did then: one statement per request (the session lookup) through the pool,
// and a last_seen_at touch every 5 minutes decided per request from the row it had read, so when
// the session turned 5 minutes old mid-run every request in flight (up to 50) saw the old stamp and
// each UPDATEd the same row, queueing on its row lock and leaving dead row versions that each later
// lookup walked past until pruning. No table grew (one sign-in; GET routes write no idempotency
// rows; the logger is off). Now the route identifies from memory (no statement, no pool) and the
// stamp moves before the touch, so one request per process writes it. A second cause, of the
// bench itself: drain() waited on the empty route, and once that answered from memory it returned
// while abandoned queries of the heavy routes still ran (PGlite: 14,116 → 3,720 req/s over one
// run); it now waits on /api/ready, a database round trip, and the PGlite runs were steady
// (11,677 / 8,593 / 13,415 / 13,169). The original PostgreSQL decay was not reproduced under the
// shared machine's load (10–14 on 2 cores), so watch this line.
//
// BENCH_PRINCIPAL_CACHE=off: the server identifies every request from the database (the cost the
// cache removes), for comparison.
//
// Environment: BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_PEOPLE, BENCH_UNITS, BENCH_DB (pg,pglite),
// BENCH_PG_URL (server to create styrbord_bench on; default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_COLD_RUNS (3), BENCH_RATE (100), DATABASE_POOL_SIZE (the app's default, 10),
// BENCH_SERVER_EXEC_ARGV (Node flags for the server child, e.g. "--cpu-prof --cpu-prof-dir=/tmp/p"),
// BENCH_KEEP=1 (keep styrbord_bench and the PGlite directory, to EXPLAIN ANALYZE afterwards).

import { type ChildProcess, fork, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type AutocannonRequestSpec, type AutocannonResult } from 'autocannon';
import { sql } from 'drizzle-orm';
import { onServer } from '../server/db/admin.ts';
import type { Database } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { setPassword } from '../server/platform/auth/service.ts';
import { systemActor } from '../server/platform/context.ts';
import { people, units } from '../server/platform/directory/schema.ts';
import * as directory from '../server/platform/directory/service.ts';
import { newId } from '../server/platform/ids.ts';
import { benchDatabase, PG_ADMIN_URL } from './database.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverScript = fileURLToPath(new URL('./platform-server.ts', import.meta.url));

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 50_000);
const UNITS = Number(process.env.BENCH_UNITS ?? 200);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 3);
/** The fixed rate (req/s, all connections together) of the latency-below-saturation runs. */
const RATE = Number(process.env.BENCH_RATE ?? 100);
const KINDS = (process.env.BENCH_DB ?? 'pg,pglite').split(',').map((k) => k.trim()) as ('pg' | 'pglite')[];
const BENCH_DB_NAME = 'styrbord_bench';
/** Node flags for the server child, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it. */
const SERVER_EXEC_ARGV = (process.env.BENCH_SERVER_EXEC_ARGV ?? '').split(' ').filter(Boolean);

/** The empty authenticated route against /api/health. */
const TARGET_EMPTY_RATIO = 0.5;
/** GET one record by id, and a filtered page of 50, against the empty authenticated route. */
const TARGET_BY_ID_RATIO = 0.4;
const TARGET_PAGE_RATIO = 0.15;
/** At the paced rate, on every route. */
const TARGET_P99_MS = 25;
const TARGET_COLD_MS = 3000;

const PASSWORD = 'bench password 1234';
const ADMIN_EMAIL = 'admin@bench.example';
/** Occurs in many family names (Andersson, Johansson …): a search that fills its page quickly. */
const COMMON_TERM = 'son';
/** Occurs nowhere: the search has to look at every row before it can say so. */
const RARE_TERM = 'qxz';
/** The empty authenticated route that only bench/platform-server.ts adds. */
const EMPTY_PATH = '/api/v1/bench/empty';

// ---------------------------------------------------------------- data

/** Small, fast, seeded PRNG so every run builds the same data. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

const givenNames = words(`
  Anna Eva Maria Karin Sara Christina Lena Emma Kerstin Marie Ingrid Malin Jenny Linda Elin Åsa
  Sofia Annika Hanna Birgitta Lars Mikael Anders Johan Per Erik Karl Peter Thomas Jan Daniel
  Fredrik Hans Andreas Stefan Mohammed Magnus Mats Björn Jonas
`);
const familyNames = words(`
  Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson
  Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Lindström
  Olofsson Lindqvist Lindgren Berg Axelsson Bergström Lundberg Lind Lundgren Lundqvist Mattsson
  Berglund Fredriksson Sandberg Henriksson Ali Forsberg Sjöberg Wallin Engström Eklund
  Danielsson Lundin Håkansson Björk Bergman Gunnarsson Holm Wikström Samuelsson
`);
const titles = words(`
  Handläggare Undersköterska Lärare Förskollärare Socialsekreterare Enhetschef Systemförvaltare
  Ekonom Vårdbiträde Fritidspedagog Administratör Ingenjör
`);
const departmentNames = [
  'Kommunledningsförvaltningen',
  'Barn- och utbildningsförvaltningen',
  'Socialförvaltningen',
  'Vård- och omsorgsförvaltningen',
  'Samhällsbyggnadsförvaltningen',
  'Kultur- och fritidsförvaltningen',
  'Miljöförvaltningen',
  'Tekniska förvaltningen',
  'Arbetsmarknadsförvaltningen',
];
const subunitWords = words('Skola Förskola Hemtjänst Boende Enhet Avdelning Team Kontor');
const places = words('Centrum Norr Söder Öster Väster Strand Backa Dal Berga Hagen Åby Lund');

function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

interface Seeded {
  tenantId: string;
  personIds: string[];
  bigUnitId: string;
  bigUnitSize: number;
  commonTermMatches: number;
  seedMs: number;
}

/**
 * Builds the tenant. The tenant, its first unit and the admin who signs in go through the directory and
 * auth services (with their audit events), as in production. The other units and the 50,000 people
 * are BENCH DATA SET-UP: inserted directly into `units` and `people` with multi-row INSERTs through
 * drizzle, because the service's one transaction + audit event per row would take minutes. They are
 * built as the service would (UUIDv7 ids, lower-case unique emails; the database fills sort_name).
 */
async function seed(db: Database): Promise<Seeded> {
  const started = performance.now();
  const random = mulberry32(15);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

  const tenant = await directory.createTenant(db, {
    slug: 'bench',
    name: 'Benchköping kommun',
    kind: 'municipality',
  });
  const actor = systemActor(tenant.id, 'Bench set-up');
  const top = await directory.createUnit(db, actor, { name: 'Kommunstyrelsen', kind: 'department' });
  const admin = await directory.createPerson(db, actor, {
    givenName: 'Ada',
    familyName: 'Admin',
    email: ADMIN_EMAIL,
    unitId: top.id,
  });
  await directory.grantRole(db, actor, { personId: admin.id, role: 'admin' });
  await setPassword(db, actor, admin.id, PASSWORD);

  // Units: the first one above, a level of departments below it, sub-units below those.
  const unitRows: (typeof units.$inferInsert)[] = [];
  const departments = departmentNames.slice(0, Math.min(departmentNames.length, UNITS - 1));
  for (const name of departments) {
    unitRows.push({ tenantId: tenant.id, id: newId(), parentId: top.id, name, kind: 'department' });
  }
  for (let i = unitRows.length + 1; i < UNITS; i++) {
    const parent = unitRows[i % departments.length]!;
    unitRows.push({
      tenantId: tenant.id,
      id: newId(),
      parentId: parent.id,
      name: `${pick(subunitWords)} ${pick(places)} ${i}`,
      kind: 'subunit',
      costCentre: String(10_000 + i),
    });
  }
  await db.insert(units).values(unitRows);
  const unitIds = [top.id, ...unitRows.map((u) => u.id!)];

  // People spread over units by a Zipf-like weight: a few big units (schools, home care) and a long tail.
  const weights = unitIds.map((_, rank) => 1 / (rank + 1) ** 0.8);
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const w of weights) {
    running += w / total;
    cumulative.push(running);
  }
  const unitFor = (): string => {
    const r = random();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return unitIds[lo]!;
  };

  const personIds: string[] = [admin.id];
  const perUnit = new Map<string, number>();
  let commonTermMatches = 0;
  const BATCH = 1000; // ~13 parameters a row: well under PostgreSQL's 65,535 per statement
  for (let start = 1; start < PEOPLE; start += BATCH) {
    const batch: (typeof people.$inferInsert)[] = [];
    for (let i = start; i < Math.min(start + BATCH, PEOPLE); i++) {
      const givenName = pick(givenNames);
      const familyName = pick(familyNames);
      const unitId = unitFor();
      const archived = random() < 0.02;
      const id = newId();
      if (familyName.includes(COMMON_TERM)) commonTermMatches++;
      personIds.push(id);
      perUnit.set(unitId, (perUnit.get(unitId) ?? 0) + (archived ? 0 : 1));
      batch.push({
        tenantId: tenant.id,
        id,
        givenName,
        familyName,
        email: `${ascii(givenName)}.${ascii(familyName)}.${i}@bench.example`,
        title: pick(titles),
        phone: random() < 0.7 ? `08-${String(100_000 + Math.floor(random() * 899_999))}` : null,
        unitId,
        employeeNumber: `E${String(i).padStart(6, '0')}`,
        active: !archived,
        archivedAt: archived ? new Date() : null,
        archiveReason: archived ? 'Slutat' : null,
      });
    }
    await db.insert(people).values(batch);
  }
  // Planner statistics, as autovacuum's analyze would have them a moment after such a load.
  await db.execute(sql`analyze`);

  const [bigUnitId, bigUnitSize] = [...perUnit.entries()].sort((a, b) => b[1] - a[1])[0]!;
  return {
    tenantId: tenant.id,
    personIds,
    bigUnitId,
    bigUnitSize,
    commonTermMatches,
    seedMs: performance.now() - started,
  };
}

// ---------------------------------------------------------------- the server child

interface Server {
  port: number;
  /** The bare Fastify instance in the same process. */
  barePort: number;
  child: ChildProcess;
  statements(): Promise<number>;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const child = fork(serverScript, [], {
    cwd: root,
    env: { ...process.env, ...env },
    execPath: process.execPath,
    execArgv: SERVER_EXEC_ARGV,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const { port, barePort } = await new Promise<{ port: number; barePort: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port: number; barePort: number }));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code} before listening`)));
  });
  return {
    port,
    barePort,
    child,
    statements: () =>
      new Promise((resolve) => {
        const onMessage = (m: unknown) => {
          if (m && typeof m === 'object' && 'statements' in m) {
            child.off('message', onMessage);
            resolve((m as { statements: number }).statements);
          }
        };
        child.on('message', onMessage);
        child.send('count');
      }),
    stop: async () => {
      if (child.connected) child.send('stop');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}

async function signIn(port: number): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

// ---------------------------------------------------------------- load

interface Scenario {
  label: string;
  /** Held to the ratio target MIN_RATIO of the empty route (else printed for information). */
  minRatio?: number;
  /** Held to the p99 target at the paced rate. */
  paced: boolean;
  /** Served by the bare Fastify instance, not the app. */
  bare?: boolean;
  requests: AutocannonRequestSpec[];
}

interface Measured {
  scenario: Scenario;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  bad: number;
  statementsPerRequest: number;
}

function load(
  port: number,
  headers: Record<string, string>,
  requests: AutocannonRequestSpec[],
  seconds: number,
): Promise<AutocannonResult> {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    headers,
    requests,
  });
}

interface Paced {
  p50: number;
  p99: number;
  bad: number;
  /** p99 of how late this process sent requests: stalls of the machine, not of the server. */
  lagP99: number;
  /** The rate it ran at (req/s). */
  rate: number;
}

/**
 * Open-loop load at `rate` req/s for SECONDS, one request every 1000/rate ms whatever the answers
 * do (up to CONNECTIONS sockets), each latency counted from the moment the request was due, so
 * a stall shows in full (no coordinated omission).
 */
async function paced(
  port: number,
  headers: Record<string, string>,
  spec: AutocannonRequestSpec,
  rate: number,
): Promise<Paced> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  const lags: number[] = [];
  let bad = 0;
  const total = Math.round(rate * SECONDS);
  const start = performance.now() + 20;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    lags.push(performance.now() - due);
    const path = spec.setupRequest ? spec.setupRequest({ ...spec }, {})?.path : spec.path;
    inFlight.push(
      new Promise<void>((resolve) => {
        const request = http.get(
          { host: '127.0.0.1', port, path, headers, agent, timeout: 10_000 },
          (response) => {
            response.resume();
            response.on('end', () => {
              if ((response.statusCode ?? 0) >= 300) bad++;
              latencies.push(performance.now() - due);
              resolve();
            });
          },
        );
        request.on('timeout', () => request.destroy(new Error('timeout')));
        request.on('error', () => {
          bad++;
          resolve();
        });
      }),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  const at = (values: number[], q: number) =>
    values.sort((a, b) => a - b)[Math.max(0, Math.ceil(q * values.length) - 1)] ?? Number.NaN;
  return { p50: at(latencies, 0.5), p99: at(latencies, 0.99), bad, lagP99: at(lags, 0.99), rate };
}

/**
 * Waits until the server answers a database round trip (/api/ready) quickly again: requests that
 * autocannon gave up on (timeouts) may still be queued in the server or its connection pool (on
 * PGlite, in its one connection), and would otherwise slow the next measurement. (Not the empty
 * route: it identifies the caller from memory now, so it would answer at once while the queue
 * still eats the CPU — which made the empty route on PGlite appear to decay over the run.)
 */
async function drain(port: number, headers: Record<string, string>) {
  const until = performance.now() + 120_000;
  let quick = 0;
  while (quick < 3 && performance.now() < until) {
    const started = performance.now();
    const ok = await fetch(`http://127.0.0.1:${port}/api/ready`, {
      headers,
      signal: AbortSignal.timeout(10_000),
    })
      .then((r) => r.ok)
      .catch(() => false);
    quick = ok && performance.now() - started < 50 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 50));
  }
  if (quick < 3) log('the server did not become idle within 120 s; the next figure may be low');
}

async function measure(
  server: Server,
  headers: Record<string, string>,
  scenario: Scenario,
): Promise<Measured> {
  const before = await server.statements();
  const port = scenario.bare ? server.barePort : server.port;
  const result = await load(port, headers, scenario.requests, SECONDS);
  const after = await server.statements();
  await drain(server.port, headers);
  const requests = result.requests.total;
  return {
    scenario,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
    bad: result.non2xx + result.errors + result.timeouts,
    statementsPerRequest: requests > 0 ? (after - before) / requests : 0,
  };
}

// ---------------------------------------------------------------- cold start

interface ColdStart {
  readyLineMs: number;
  readyHttpMs: number;
}

/** Spawns `node server/boot.ts` as `npm start` does, times it to ready, then stops it with SIGTERM. */
async function coldStart(env: Record<string, string | undefined>): Promise<ColdStart> {
  const started = performance.now();
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: undefined,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    ...env,
  };
  for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key];
  const child = spawn(process.execPath, ['server/boot.ts'], {
    cwd: root,
    env: childEnv as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  child.stderr!.on('data', (d) => (output += d));
  try {
    const { port, at } = await new Promise<{ port: number; at: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line within 120 s:\n${output}`)), 120_000);
      child.stdout!.on('data', (d: Buffer) => {
        output += d;
        const match = /Styrbord is ready at http:\/\/[^:]+:(\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve({ port: Number(match[1]), at: performance.now() });
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server/boot.ts exited with ${code}:\n${output}`));
      });
    });
    for (;;) {
      const response = await fetch(`http://127.0.0.1:${port}/api/ready`).catch(() => undefined);
      if (response?.status === 200) break;
      if (performance.now() - started > 120_000)
        throw new Error('/api/ready did not answer 200 within 120 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    return { readyLineMs: at - started, readyHttpMs: performance.now() - started };
  } finally {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited(child);
    clearTimeout(timer);
  }
}

async function coldStarts(label: string, env: Record<string, string | undefined>) {
  const runs: ColdStart[] = [];
  for (let i = 0; i < COLD_RUNS; i++) runs.push(await coldStart(env));
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    label,
    readyLine: median(runs.map((r) => r.readyLineMs)),
    readyHttp: median(runs.map((r) => r.readyHttpMs)),
    worst: Math.max(...runs.map((r) => r.readyHttpMs)),
  };
}

// ---------------------------------------------------------------- one database kind

interface Row {
  measured: Measured;
  /** This route's req/s as a fraction of another's measured in the same run, and whose. */
  ratio?: number;
  ratioOf?: string;
  /** The same route at the fixed rate RATE (each scenario once). */
  atRate?: Paced;
}

interface KindReport {
  kind: 'pg' | 'pglite';
  seeded: Seeded;
  rows: Row[];
  /** Mean req/s of the empty route, of /api/health and of the bare route, and the empty route's runs in order. */
  emptyMean: number;
  healthMean: number;
  bareMean: number;
  emptyRuns: number[];
  colds: Awaited<ReturnType<typeof coldStarts>>[];
}

async function runKind(kind: 'pg' | 'pglite', cleanups: (() => Promise<void>)[]): Promise<KindReport> {
  const database = await benchDatabase(kind, BENCH_DB_NAME);
  cleanups.push(() => database.dispose());
  const handle = await database.open();
  const serverEnv = database.serverEnv;
  const mainEnv = { ...database.bootEnv, DEMO_DATA: 'false' };
  log(`${kind}: migrating and generating ${PEOPLE.toLocaleString('en')} people in ${UNITS} units …`);
  let seeded: Seeded;
  try {
    await migrate(handle);
    seeded = await seed(handle.db);
  } finally {
    await handle.close(); // PGlite: one process at a time; the server child opens it next
  }
  log(
    `${kind}: data ready in ${(seeded.seedMs / 1000).toFixed(1)} s; biggest unit has ${seeded.bigUnitSize} active ` +
      `people; "${COMMON_TERM}" is in ${seeded.commonTermMatches} family names`,
  );

  const server = await startServer(serverEnv);
  const rows: Row[] = [];
  const emptyRuns: number[] = [];
  let emptyMean = 0;
  let means = { healthMean: 0, bareMean: 0 };
  try {
    const { cookie, csrfToken } = await signIn(server.port);
    const headers = { cookie, 'x-csrf-token': csrfToken, accept: 'application/json' };
    const ids = seeded.personIds;
    const get = (label: string, path: string, more: Partial<Scenario> = {}): Scenario => ({
      label,
      paced: true,
      requests: [{ method: 'GET', path }],
      ...more,
    });
    const empty = get('(a) empty authenticated route', EMPTY_PATH);
    const targeted: Scenario[] = [
      {
        label: '(b) GET /people/{random id}',
        minRatio: TARGET_BY_ID_RATIO,
        paced: true,
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => {
              request.path = `/api/v1/people/${ids[Math.floor(Math.random() * ids.length)]}`;
              return request;
            },
          },
        ],
      },
      get(
        `(c) people?unitId=<${seeded.bigUnitSize} people>&limit=50`,
        `/api/v1/people?unitId=${seeded.bigUnitId}&limit=50`,
        { minRatio: TARGET_PAGE_RATIO },
      ),
      get(`(c) people?search=${COMMON_TERM}&limit=50`, `/api/v1/people?search=${COMMON_TERM}&limit=50`, {
        minRatio: TARGET_PAGE_RATIO,
      }),
    ];
    const noMatch = get(
      `(info) people?search=${RARE_TERM} (no match)`,
      `/api/v1/people?search=${RARE_TERM}&limit=50`,
      {
        paced: false,
      },
    );
    const health = get('GET /api/health (app, no auth)', '/api/health');
    const bare = get('GET /bare (bare Fastify, no hooks)', '/bare', { bare: true });

    // The routes for a few seconds, so plan caches and the JIT are warm before anything counts
    // (not the no-match search: it would only queue up behind itself).
    log(`${kind}: warming up …`);
    const warm = [empty, ...targeted, health].flatMap((s) => s.requests);
    await load(server.port, headers, warm, Math.min(3, SECONDS));
    await load(server.barePort, headers, bare.requests, Math.min(2, SECONDS));
    await drain(server.port, headers);

    const run = async (scenario: Scenario) => {
      const m = await measure(server, headers, scenario);
      log(`${kind}: ${scenario.label}: ${Math.round(m.rps)} req/s, p99 ${m.p99} ms`);
      return m;
    };
    // Saturation, 50 connections as fast as the server answers. The bare route and /api/health
    // run first and last, the empty route before and after each targeted route; a ratio is to the
    // mean of the runs around it, so a neighbour's load on this shared machine moves both sides
    // of the ratio alike (and a drift over the run would show between first and last).
    const bare1 = await run(bare);
    const health1 = await run(health);
    const emptyRows: Row[] = [];
    let before = await run(empty);
    emptyRows.push({ measured: before });
    const middle: Row[] = [emptyRows[0]!];
    for (const scenario of targeted) {
      const m = await run(scenario);
      const after = await run(empty);
      middle.push({ measured: m, ratio: m.rps / ((before.rps + after.rps) / 2), ratioOf: 'empty' });
      emptyRows.push({ measured: after });
      middle.push(emptyRows.at(-1)!);
      before = after;
    }
    const noMatchRun = await run(noMatch);
    middle.push({ measured: noMatchRun, ratio: noMatchRun.rps / before.rps, ratioOf: 'empty' });
    const health2 = await run(health);
    const bare2 = await run(bare);
    const healthMean = (health1.rps + health2.rps) / 2;
    const bareMean = (bare1.rps + bare2.rps) / 2;
    for (const row of emptyRows)
      Object.assign(row, { ratio: row.measured.rps / healthMean, ratioOf: 'health' });
    const healthRows = [health1, health2].map((m) => ({
      measured: m,
      ratio: m.rps / bareMean,
      ratioOf: 'bare',
    }));
    rows.push({ measured: bare1 }, healthRows[0]!, ...middle, healthRows[1]!, { measured: bare2 });
    emptyRuns.push(...emptyRows.map((r) => r.measured.rps));
    emptyMean = emptyRuns.reduce((a, b) => a + b, 0) / emptyRuns.length;
    means = { healthMean, bareMean };

    // Latency at a fixed request rate below saturation (coordinated omission corrected), each
    // route once (the empty route: its first run).
    const once = new Set<Scenario>();
    for (const row of rows) {
      const { scenario } = row.measured;
      if (once.has(scenario)) continue;
      once.add(scenario);
      // Below saturation means below it: a route slower than twice RATE is paced at half its own
      // throughput, else the queue would grow for the whole run and measure the backlog.
      const rate = Math.max(1, Math.min(RATE, Math.floor(row.measured.rps / 2)));
      const port = scenario.bare ? server.barePort : server.port;
      const m = await paced(port, headers, scenario.requests[0]!, rate);
      await drain(server.port, headers);
      row.atRate = m;
      log(`${kind}: ${scenario.label} at ${rate} req/s: p50 ${m.p50} ms, p99 ${m.p99} ms`);
    }
  } finally {
    await server.stop();
  }

  log(`${kind}: cold starts of server/boot.ts …`);
  const colds = [await coldStarts(`${kind}, ${PEOPLE.toLocaleString('en')} people`, mainEnv)];
  if (kind === 'pglite' && existsSync(join(root, 'server/platform/directory/demo.ts'))) {
    const demoDir = mkdtempSync(join(tmpdir(), 'styrbord-bench-demo-'));
    cleanups.push(async () => rmSync(demoDir, { recursive: true, force: true }));
    const first = await coldStart({ DATA_DIR: demoDir, DEMO_DATA: 'true' });
    log(`pglite: first start with demo load: ${Math.round(first.readyHttpMs)} ms`);
    colds.push(await coldStarts('pglite, demo municipality', { DATA_DIR: demoDir, DEMO_DATA: 'true' }));
  }
  return { kind, seeded, rows, colds, emptyMean, emptyRuns, ...means };
}

// ---------------------------------------------------------------- report

function log(line: string) {
  process.stderr.write(`· ${line}\n`);
}

function table(header: string[], rows: string[][], rightAligned: boolean[]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (rightAligned[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

function report(reports: KindReport[], skipped: string[]): boolean {
  let allMet = true;
  console.log('');
  console.log(
    `Platform benchmark: ${PEOPLE.toLocaleString('en')} people, ${UNITS} units, ${CONNECTIONS} connections, ` +
      `${SECONDS} s per run; server in a child process, autocannon in this one.`,
  );
  console.log(
    `Machine: ${availableParallelism()} cores; load average ${loadAtStart.toFixed(1)} at the start, ` +
      `${loadavg()[0]!.toFixed(1)} at the end (other processes share these cores; compare ratios, not raw figures).`,
  );
  console.log(
    `Targets on PostgreSQL: the empty authenticated route ≥ ${TARGET_EMPTY_RATIO * 100} % of /api/health; ` +
      `GET by id ≥ ${TARGET_BY_ID_RATIO * 100} % and a filtered page of 50 ≥ ${TARGET_PAGE_RATIO * 100} % of the empty route ` +
      `(req/s at saturation, ${CONNECTIONS} connections); p99 < ${TARGET_P99_MS} ms at the paced rate on every route; cold start < ${TARGET_COLD_MS / 1000} s.`,
  );
  console.log(
    `"ratio": req/s against the mean of the reference runs just before and after (empty route: the mean of both ` +
      `/api/health runs; /api/health: of both bare runs). "paced p50 / p99": the same route at an evenly paced ${RATE} req/s ` +
      '(or half its throughput when lower; below saturation); "lag": p99 of how late the load generator itself got to send ' +
      '(stalls of the shared machine).',
  );
  for (const r of reports) {
    console.log('');
    const held = r.kind === 'pg';
    const cells: string[][] = [];
    const note = (met: boolean) => (met ? 'met' : 'MISSED') + (held ? '' : ' (info)');
    for (const { measured: m, ratio, ratioOf, atRate } of r.rows) {
      const misses: string[] = [];
      const { scenario } = m;
      if (scenario.minRatio !== undefined && ratio! < scenario.minRatio) misses.push('req/s');
      if (scenario.paced && atRate && (atRate.bad > 0 || atRate.p99 >= TARGET_P99_MS))
        misses.push('paced p99');
      const bad = m.bad + (atRate?.bad ?? 0);
      const checked = scenario.minRatio !== undefined || (scenario.paced && atRate);
      let verdict = checked ? (misses.length ? `${note(false)}: ${misses.join(', ')}` : note(true)) : '';
      if (bad > 0) verdict = `${bad} failed`;
      if (held && (bad > 0 || misses.length > 0)) allMet = false;
      cells.push([
        scenario.label,
        Math.round(m.rps).toString(),
        m.p50.toFixed(0),
        m.p99.toFixed(0),
        ratio === undefined ? '' : `${(ratio * 100).toFixed(0)} % of ${ratioOf}`,
        m.statementsPerRequest.toFixed(1),
        atRate
          ? `@${atRate.rate}/s ${atRate.p50.toFixed(1)} / ${atRate.p99.toFixed(1)} (lag ${atRate.lagP99.toFixed(0)})`
          : '',
        verdict,
      ]);
    }
    console.log(`${r.kind === 'pg' ? 'PostgreSQL 15' : 'PGlite'}:`);
    table(['route', 'req/s', 'p50 ms', 'p99 ms', 'ratio', 'SQL/req', 'paced p50 / p99 ms', 'target'], cells, [
      false,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
    const emptyOfHealth = r.emptyMean / r.healthMean;
    const emptyMet = emptyOfHealth >= TARGET_EMPTY_RATIO;
    if (held && !emptyMet) allMet = false;
    const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
    console.log(
      `Empty authenticated route: ${Math.round(r.emptyMean)} req/s (mean of ${r.emptyRuns.length} runs) = ` +
        `${pct(emptyOfHealth)} of /api/health (${Math.round(r.healthMean)}), ${pct(r.emptyMean / r.bareMean)} of the bare ` +
        `Fastify route (${Math.round(r.bareMean)}); /api/health is ${pct(r.healthMean / r.bareMean)} of bare. ` +
        `Target ≥ ${pct(TARGET_EMPTY_RATIO)} of /api/health: ${note(emptyMet)}.`,
    );
    console.log(
      `Steadiness: the empty route's runs in order: ${r.emptyRuns.map((x) => Math.round(x)).join(', ')} req/s ` +
        `(last = ${pct(r.emptyRuns.at(-1)! / r.emptyRuns[0]!)} of first).`,
    );
  }
  console.log('');
  const coldRows: string[][] = [];
  for (const r of reports) {
    for (const c of r.colds) {
      const met = c.readyHttp < TARGET_COLD_MS;
      if (!met) allMet = false;
      coldRows.push([
        c.label,
        Math.round(c.readyLine).toString(),
        Math.round(c.readyHttp).toString(),
        Math.round(c.worst).toString(),
        met ? 'met' : 'MISSED',
      ]);
    }
  }
  console.log(`Cold start of node server/boot.ts on an existing database (median of ${COLD_RUNS}):`);
  table(
    ['database', 'ready line ms', '/api/ready 200 ms', 'worst ms', `< ${TARGET_COLD_MS / 1000} s`],
    coldRows,
    [false, true, true, true, false],
  );
  for (const s of skipped) console.log(`Skipped: ${s}`);
  console.log('');
  console.log(allMet ? 'All targets met.' : 'Some targets were missed (or requests failed): see above.');
  return allMet;
}

// ---------------------------------------------------------------- main

const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
  for (const child of children) child.kill('SIGKILL');
  for (const c of cleanups.splice(0).reverse()) await c().catch((e: Error) => log(`clean-up: ${e.message}`));
}
process.once('SIGINT', () => {
  void cleanUp().then(() => process.exit(130));
});

const loadAtStart = loadavg()[0]!;
const reports: KindReport[] = [];
const skipped: string[] = [];
let ok = false;
try {
  for (const kind of KINDS) {
    if (kind === 'pg') {
      const reachable = await onServer(PG_ADMIN_URL, ['select 1'], 3).then(
        () => true,
        () => false,
      );
      if (!reachable) {
        skipped.push(`PostgreSQL at ${PG_ADMIN_URL} is unreachable; its targets were not measured.`);
        continue;
      }
    }
    reports.push(await runKind(kind, cleanups));
  }
  ok = report(reports, skipped) && skipped.length === 0;
} finally {
  await cleanUp();
}
process.exitCode = ok ? 0 : 1;

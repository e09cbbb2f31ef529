// `npm run bench:registry`: the system register at the scale of a large municipality or a shared
// instance, on PostgreSQL and on PGlite (DESIGN.md "Performance principles", issue 12 "Performance").
//
// Scale: one tenant with BENCH_SYSTEMS systems (5,000) in BENCH_UNITS units (60), each used by one
// to three units, and BENCH_INTEGRATIONS integrations (20,000) between them: a few hubs (an
// integration platform, a directory service) send to many, most systems to a few, 10 % two-way,
// 2 % archived. One unit owns exactly BENCH_MAP_NODES systems (500), denser among themselves: the
// system map filtered by that unit has that many nodes. One admin signs in.
// 2,000 contracts with 200 suppliers, each contract covering one to three systems (seedContracts).
//
// For each database kind (like bench/platform.ts, whose server child bench/platform-server.ts this
// reuses, with BENCH_SERVE_WEB=1 so it also serves the built web app):
//   1. a fresh database (PostgreSQL: `styrbord_bench_registry` on BENCH_PG_URL, dropped at the end;
//      PGlite: a temp dir), migrated; tenant, first unit and admin through the services, the bulk
//      inserted directly (the services' one transaction and audit event per row would take minutes;
//      rows are built as the services would, and the database fills sort keys);
//   2. the real app in a child process, autocannon in this one, BENCH_CONNECTIONS (50) connections
//      for BENCH_SECONDS (5) s per run; every figure is printed with its ratio to a reference
//      measured in the same run, right before and after it, because the machine is shared;
//   3. in Chromium (playwright-core, /usr/bin/chromium), the map of BENCH_MAP_NODES systems: frames
//      per second while panning it, against the same panning over an empty page.
//
// Figures and targets (PostgreSQL; PGlite printed for information):
//   - a filtered page of 50 systems: p99 < 25 ms at an evenly paced 100 req/s, and req/s at
//     saturation ≥ 15 % of the empty authenticated route;
//   - the impact analysis of the most connected system: p99 < 50 ms paced, with its ratio to GET of
//     one system by id (p99 and req/s); the server keeps each answer until the map changes, so
//     beside it the first read after a change (the walk itself) is printed for information;
//   - the map data for 500 nodes: < 100 ms (median of BENCH_MAP_RUNS sequential requests; ratio to
//     GET of one system by id, the same way);
//   - the map in the browser: ≥ 30 frames/s while panning (ratio to the empty page).
// Exit code 0 when all are met on PostgreSQL and no request failed, else 1.
//
// Environment: BENCH_SYSTEMS, BENCH_INTEGRATIONS, BENCH_CONTRACTS, BENCH_UNITS, BENCH_MAP_NODES, BENCH_SECONDS,
// BENCH_CONNECTIONS, BENCH_RATE (100), BENCH_MAP_RUNS (20), BENCH_DB (pg,pglite), BENCH_PG_URL
// (default postgres://postgres@127.0.0.1:5432/postgres), BENCH_BROWSER (1; 0 skips Chromium),
// BENCH_KEEP=1 (keep the databases to EXPLAIN ANALYZE afterwards).
//
// The load helpers (the child server, autocannon runs, the paced open-loop runner, drain) are
// bench/load.ts's.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { AutocannonRequestSpec } from 'autocannon';
import { sql } from 'drizzle-orm';
import { chromium } from 'playwright-core';
import { onServer } from '../server/db/admin.ts';
import type { Database } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { contractSystems, contracts } from '../server/modules/registry/contracts/schema.ts';
import { integrations } from '../server/modules/registry/integrations/schema.ts';
import { suppliers } from '../server/modules/registry/suppliers/schema.ts';
import { systems, systemUnits } from '../server/modules/registry/systems/schema.ts';
import { setPassword } from '../server/platform/auth/service.ts';
import { systemActor } from '../server/platform/context.ts';
import { units } from '../server/platform/directory/schema.ts';
import * as directory from '../server/platform/directory/service.ts';
import { newId } from '../server/platform/ids.ts';
import { criticalities, lifecyclePhases, systemScopes } from '../shared/registry/systems.ts';
import { benchDatabase, PG_ADMIN_URL } from './database.ts';
import {
  killServers,
  type LoadOptions,
  type Paced,
  paced,
  quantile,
  type Saturated,
  saturate,
  session,
  startServer,
} from './load.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

const SYSTEMS = Number(process.env.BENCH_SYSTEMS ?? 5000);
const INTEGRATIONS = Number(process.env.BENCH_INTEGRATIONS ?? 20_000);
const CONTRACTS = Number(process.env.BENCH_CONTRACTS ?? 2_000);
const UNITS = Number(process.env.BENCH_UNITS ?? 60);
const MAP_NODES = Math.min(SYSTEMS, Number(process.env.BENCH_MAP_NODES ?? 500));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const MAP_RUNS = Number(process.env.BENCH_MAP_RUNS ?? 20);
const KINDS = (process.env.BENCH_DB ?? 'pg,pglite').split(',').map((k) => k.trim()) as ('pg' | 'pglite')[];
const BROWSER = process.env.BENCH_BROWSER !== '0';
const DB_NAME = 'styrbord_bench_registry';

const TARGET_PAGE_P99_MS = 25;
const TARGET_PAGE_RATIO = 0.15;
const TARGET_IMPACT_P99_MS = 50;
const TARGET_MAP_MS = 100;
const TARGET_FPS = 30;

const PASSWORD = 'bench password 1234';
const ADMIN_EMAIL = 'admin@bench.example';
const EMPTY_PATH = '/api/v1/bench/empty';

// ---------------------------------------------------------------- data

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const categories = [
  'Ekonomi',
  'Personal',
  'Ärendehantering',
  'Skola',
  'Socialtjänst',
  'Vård och omsorg',
  'Samhällsbyggnad',
  'Kultur och fritid',
  'E-tjänster',
  'IT-stöd',
  'Infrastruktur',
  'Kommunikation',
];
const nameWords = [
  'Portal',
  'Register',
  'Planering',
  'Journal',
  'Kassa',
  'Arkiv',
  'Karta',
  'Bokning',
  'Analys',
];
const information = ['Personuppgifter', 'Fakturor', 'Ärenden', 'Konton', 'Mätvärden', 'Beslut', 'Adresser'];
const techniques = ['file', 'api', 'database', 'message', 'manual'] as const;

interface Seeded {
  systemIds: string[];
  mapUnitId: string;
  hubId: string;
  hubDegree: number;
  seedMs: number;
}

/** 200 suppliers and BENCH_CONTRACTS (2,000) contracts over the systems, ending over five years. */
async function seedContracts(db: Database, tenantId: string, systemIds: string[], random: () => number) {
  const supplierRows = Array.from({ length: 200 }, (_, i) => ({
    tenantId,
    id: newId(),
    name: `Leverantör ${String(i + 1).padStart(3, '0')} AB`,
  }));
  await db.insert(suppliers).values(supplierRows);
  const contractRows: (typeof contracts.$inferInsert)[] = [];
  const linkRows: (typeof contractSystems.$inferInsert)[] = [];
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < CONTRACTS; i++) {
    const id = newId();
    const ends = Math.floor(random() * 5 * 365) - 180;
    contractRows.push({
      tenantId,
      id,
      supplierId: supplierRows[Math.floor(random() * supplierRows.length)]!.id,
      title: `Avtal ${String(i + 1).padStart(4, '0')}`,
      startsOn: day(ends - 4 * 365),
      endsOn: day(ends),
      noticeMonths: 6,
      noticeDeadline: day(ends - 182),
      annualValue: Math.floor(random() * 5_000_000) * 100,
    });
    const covered = new Set<string>();
    for (let k = 1 + Math.floor(random() * 3); k > 0; k--)
      covered.add(systemIds[Math.floor(random() * systemIds.length)]!);
    for (const systemId of covered) linkRows.push({ tenantId, contractId: id, systemId });
  }
  for (let i = 0; i < contractRows.length; i += 1000)
    await db.insert(contracts).values(contractRows.slice(i, i + 1000));
  for (let i = 0; i < linkRows.length; i += 2000)
    await db.insert(contractSystems).values(linkRows.slice(i, i + 2000));
}

async function seed(db: Database): Promise<Seeded> {
  const started = performance.now();
  const random = mulberry32(12);
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

  const unitRows = Array.from({ length: UNITS - 1 }, (_, i) => ({
    tenantId: tenant.id,
    id: newId(),
    parentId: top.id,
    name: `Förvaltning ${i + 1}`,
    kind: 'department',
  }));
  await db.insert(units).values(unitRows);
  // The map's unit owns MAP_NODES systems spread over the list (not the hubs at its head) and
  // uses none of the others.
  const mapUnitId = unitRows[0]!.id;
  const others = [top.id, ...unitRows.slice(1).map((u) => u.id)];

  const stride = Math.max(1, Math.floor(SYSTEMS / MAP_NODES));
  const inMapSet = (i: number) => i % stride === stride - 1 && Math.floor(i / stride) < MAP_NODES;
  const mapIndexes = Array.from({ length: SYSTEMS }, (_, i) => i).filter(inMapSet);
  const systemIds: string[] = [];
  const systemRows: (typeof systems.$inferInsert)[] = [];
  const useRows: (typeof systemUnits.$inferInsert)[] = [];
  for (let i = 0; i < SYSTEMS; i++) {
    const id = newId();
    systemIds.push(id);
    const archived = !inMapSet(i) && random() < 0.02;
    systemRows.push({
      tenantId: tenant.id,
      id,
      name: `${pick(nameWords)} ${String(i).padStart(4, '0')}`,
      scope: i < 3 ? 'platform' : pick(systemScopes),
      category: pick(categories),
      owningUnitId: inMapSet(i) ? mapUnitId : pick(others),
      phase: random() < 0.8 ? 'operation' : pick(lifecyclePhases),
      criticality: pick(criticalities),
      archivedAt: archived ? new Date() : null,
      archiveReason: archived ? 'Avvecklat' : null,
    });
    const uses = new Set<string>();
    for (let k = 1 + Math.floor(random() * 3); k > 0; k--) uses.add(pick(others));
    for (const unitId of uses)
      useRows.push({ tenantId: tenant.id, systemId: id, unitId, users: 10 + Math.floor(random() * 500) });
  }
  for (let i = 0; i < systemRows.length; i += 1000)
    await db.insert(systems).values(systemRows.slice(i, i + 1000));
  for (let i = 0; i < useRows.length; i += 2000)
    await db.insert(systemUnits).values(useRows.slice(i, i + 2000));

  // Integrations: senders chosen by a Zipf-like weight (a few hubs send to many), receivers
  // uniformly; 10 % inside the map's systems, so the map has edges to draw.
  const weights = systemIds.map((_, rank) => 1 / (rank + 1) ** 0.9);
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const w of weights) {
    running += w / total;
    cumulative.push(running);
  }
  const sender = () => {
    const r = random();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const degree = new Map<string, number>();
  const edgeRows: (typeof integrations.$inferInsert)[] = [];
  const seen = new Set<string>();
  while (edgeRows.length < INTEGRATIONS) {
    const inMap = random() < 0.1;
    const from = inMap ? pick(mapIndexes) : sender();
    const to = inMap ? pick(mapIndexes) : Math.floor(random() * SYSTEMS);
    if (from === to || seen.has(`${from}:${to}`)) continue;
    seen.add(`${from}:${to}`);
    const archived = random() < 0.02;
    const [a, b] = [systemIds[from]!, systemIds[to]!];
    degree.set(a, (degree.get(a) ?? 0) + 1);
    edgeRows.push({
      tenantId: tenant.id,
      id: newId(),
      fromSystemId: a,
      toSystemId: b,
      information: pick(information),
      technique: pick(techniques),
      direction: random() < 0.1 ? 'bothWays' : 'oneWay',
      frequency: 'daily',
      personalData: random() < 0.3,
      critical: random() < 0.1,
      archivedAt: archived ? new Date() : null,
      archiveReason: archived ? 'Nedlagd' : null,
    });
  }
  for (let i = 0; i < edgeRows.length; i += 1000)
    await db.insert(integrations).values(edgeRows.slice(i, i + 1000));
  await seedContracts(db, tenant.id, systemIds, random);
  await db.execute(sql`analyze`);
  const [hubId, hubDegree] = [...degree.entries()].sort((x, y) => y[1] - x[1])[0]!;
  return { systemIds, mapUnitId, hubId, hubDegree, seedMs: performance.now() - started };
}

// ---------------------------------------------------------------- load (bench/load.ts, and one more)

const LOAD: LoadOptions = { connections: CONNECTIONS, seconds: SECONDS };

/** Sequential requests one at a time: the time of one answer, with its size. */
async function sequential(port: number, headers: Record<string, string>, path: () => string, runs: number) {
  const times: number[] = [];
  let bytes = 0;
  let bad = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}${path()}`, { headers });
    const body = await response.arrayBuffer();
    times.push(performance.now() - started);
    bytes = body.byteLength;
    if (!response.ok) bad++;
  }
  return { median: quantile(times, 0.5), max: Math.max(...times), bytes, bad };
}

// ---------------------------------------------------------------- browser

interface Frames {
  mapFps: number;
  emptyFps: number;
  nodesRendered: number;
  axeViolations: string[];
}

/** Frames per second while the mouse drags across `selector` for ~3 s, counted in the page. */
async function fpsWhilePanning(page: import('playwright-core').Page, selector: string) {
  const box = (await page.locator(selector).boundingBox())!;
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number; __counting: boolean };
    w.__frames = 0;
    w.__counting = true;
    const tick = () => {
      if (!w.__counting) return;
      w.__frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const started = performance.now();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 0; performance.now() - started < 3000; i++) {
    const angle = i / 15;
    await page.mouse.move(cx + Math.cos(angle) * box.width * 0.3, cy + Math.sin(angle) * box.height * 0.3, {
      steps: 2,
    });
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number; __counting: boolean };
    w.__counting = false;
    return w.__frames;
  });
  return frames / ((performance.now() - started) / 1000);
}

async function browserFigures(port: number, mapUnitId: string, cookies: string[]): Promise<Frames> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addCookies(
      cookies.map((c) => {
        const [name, ...value] = c.split('=');
        return { name: name!, value: value.join('='), domain: '127.0.0.1', path: '/' };
      }),
    );
    const page = await context.newPage();
    const base = `http://127.0.0.1:${port}`;
    await page.goto(`${base}/systems/map?unitId=${mapUnitId}`);
    await page.locator('.react-flow__node-system').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1000);
    const nodesRendered = await page.locator('.react-flow__node-system').count();
    const mapFps = await fpsWhilePanning(page, '.react-flow__pane');
    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    // The reference: the same drag over a page with nothing on it, in the same browser.
    await page.setContent('<main style="width:100vw;height:100vh"><h1>Tom sida</h1></main>');
    const emptyFps = await fpsWhilePanning(page, 'main');
    return {
      mapFps,
      emptyFps,
      nodesRendered,
      axeViolations: axe.violations.map((v) => `${v.id} (${v.nodes.length})`),
    };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------- one database kind

interface KindReport {
  kind: 'pg' | 'pglite';
  seeded: Seeded;
  impactSize: number;
  emptyRps: number;
  page: { saturated: Saturated; ratio: number; paced: Paced };
  byId: { saturated: Saturated; paced: Paced };
  impact: { saturated: Saturated; paced: Paced; cold: Awaited<ReturnType<typeof sequential>> };
  map: {
    nodes: number;
    edges: number;
    time: Awaited<ReturnType<typeof sequential>>;
    byId: Awaited<ReturnType<typeof sequential>>;
  };
  frames?: Frames;
}

async function runKind(kind: 'pg' | 'pglite', cleanups: (() => Promise<void>)[]): Promise<KindReport> {
  const database = await benchDatabase(kind, DB_NAME);
  cleanups.push(() => database.dispose());
  const handle = await database.open();
  const serverEnv = database.serverEnv;
  log(`${kind}: migrating and generating ${SYSTEMS} systems and ${INTEGRATIONS} integrations …`);
  let seeded: Seeded;
  try {
    await migrate(handle);
    seeded = await seed(handle.db);
  } finally {
    await handle.close();
  }
  log(
    `${kind}: data ready in ${(seeded.seedMs / 1000).toFixed(1)} s; the hub sends ${seeded.hubDegree} integrations`,
  );

  const server = await startServer({ ...serverEnv, BENCH_SERVE_WEB: '1' });
  try {
    const { cookie, cookies, csrfToken } = await session(server.port, ADMIN_EMAIL, PASSWORD);
    const headers = { cookie, 'x-csrf-token': csrfToken, accept: 'application/json' };
    const ids = seeded.systemIds;
    const randomSystem = () => `/api/v1/systems/${ids[Math.floor(Math.random() * ids.length)]}`;
    const pagePath = '/api/v1/systems?scope=business&phase=operation&limit=50';
    const impactPath = `/api/v1/systems/${seeded.hubId}/impact`;
    const mapPath = `/api/v1/system-map?unitId=${seeded.mapUnitId}`;
    const impactSize = (
      (await (await fetch(`http://127.0.0.1:${server.port}${impactPath}`, { headers })).json()) as {
        systems: unknown[];
      }
    ).systems.length;
    const mapData = (await (
      await fetch(`http://127.0.0.1:${server.port}${mapPath}`, { headers })
    ).json()) as {
      nodes: unknown[];
      edges: unknown[];
    };

    log(`${kind}: warming up …`);
    await saturate(
      server.port,
      headers,
      [{ path: EMPTY_PATH }, { path: pagePath }, { path: impactPath }, { path: randomSystem() }],
      { connections: 10, seconds: 2 },
    );

    const run = async (label: string, requests: AutocannonRequestSpec[]) => {
      const m = await saturate(server.port, headers, requests, LOAD);
      log(`${kind}: ${label}: ${Math.round(m.rps)} req/s`);
      return m;
    };
    const byIdSpec: AutocannonRequestSpec = {
      method: 'GET',
      setupRequest: (request) => {
        request.path = randomSystem();
        return request;
      },
    };
    const empty1 = await run('empty route', [{ path: EMPTY_PATH }]);
    const page = await run('page of systems', [{ path: pagePath }]);
    const empty2 = await run('empty route', [{ path: EMPTY_PATH }]);
    const byId = await run('GET system by id', [byIdSpec]);
    const impact = await run('impact', [{ path: impactPath }]);
    const emptyRps = (empty1.rps + empty2.rps) / 2;

    const rateFor = (s: Saturated) => Math.max(1, Math.min(RATE, Math.floor(s.rps / 2)));
    const pagePaced = await paced(server.port, headers, () => pagePath, rateFor(page), LOAD);
    const byIdPaced = await paced(server.port, headers, randomSystem, rateFor(byId), LOAD);
    const impactPaced = await paced(server.port, headers, () => impactPath, rateFor(impact), LOAD);
    log(
      `${kind}: paced p99: page ${pagePaced.p99.toFixed(1)} ms, by id ${byIdPaced.p99.toFixed(1)} ms, impact ${impactPaced.p99.toFixed(1)} ms`,
    );

    // The impact as the first reader after a change gets it: the server keeps each answer until
    // the map changes (derived-cache.ts), and each depth is an answer of its own, so the first
    // read at a depth not asked yet walks the map (24 … 15 reach what 25, asked already, does).
    let depth = 25;
    const impactCold = await sequential(server.port, headers, () => `${impactPath}?depth=${--depth}`, 10);
    const mapTime = await sequential(server.port, headers, () => mapPath, MAP_RUNS);
    const byIdTime = await sequential(server.port, headers, randomSystem, MAP_RUNS);
    log(`${kind}: map data median ${mapTime.median.toFixed(1)} ms`);

    let frames: Frames | undefined;
    if (BROWSER && existsSync(join(root, 'dist/app/index.html'))) {
      log(`${kind}: the map in Chromium …`);
      frames = await browserFigures(server.port, seeded.mapUnitId, cookies);
      log(
        `${kind}: ${frames.mapFps.toFixed(1)} frames/s panning the map (${frames.emptyFps.toFixed(1)} on an empty page)`,
      );
    }
    return {
      kind,
      seeded,
      impactSize,
      emptyRps,
      page: { saturated: page, ratio: page.rps / emptyRps, paced: pagePaced },
      byId: { saturated: byId, paced: byIdPaced },
      impact: { saturated: impact, paced: impactPaced, cold: impactCold },
      map: { nodes: mapData.nodes.length, edges: mapData.edges.length, time: mapTime, byId: byIdTime },
      frames,
    };
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------- report

function log(line: string) {
  process.stderr.write(`· ${line}\n`);
}

function report(reports: KindReport[], skipped: string[]): boolean {
  let allMet = true;
  const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  console.log('');
  console.log(
    `Registry benchmark: ${SYSTEMS} systems, ${INTEGRATIONS} integrations, ${UNITS} units; ${CONNECTIONS} connections, ` +
      `${SECONDS} s per run; paced runs at ${RATE} req/s (or half the route's throughput when lower). ` +
      `Machine: ${availableParallelism()} cores, load ${loadAtStart.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} (shared: compare ratios).`,
  );
  for (const r of reports) {
    const held = r.kind === 'pg';
    const verdict = (met: boolean) => {
      if (held && !met) allMet = false;
      return (met ? 'met' : 'MISSED') + (held ? '' : ' (info)');
    };
    const failed =
      r.page.saturated.bad +
      r.page.paced.bad +
      r.impact.saturated.bad +
      r.impact.paced.bad +
      r.impact.cold.bad +
      r.map.time.bad;
    if (held && failed > 0) allMet = false;
    console.log('');
    console.log(
      `${r.kind === 'pg' ? 'PostgreSQL' : 'PGlite'}:${failed > 0 ? ` ${failed} requests FAILED` : ''}`,
    );
    console.log(
      `  filtered page of 50 systems: ${Math.round(r.page.saturated.rps)} req/s = ${pct(r.page.ratio)} of the empty authenticated route ` +
        `(${Math.round(r.emptyRps)} req/s; target ≥ ${pct(TARGET_PAGE_RATIO)}: ${verdict(r.page.ratio >= TARGET_PAGE_RATIO)}); ` +
        `p99 ${ms(r.page.paced.p99)} at ${r.page.paced.rate} req/s (target < ${TARGET_PAGE_P99_MS} ms: ${verdict(r.page.paced.p99 < TARGET_PAGE_P99_MS)})`,
    );
    console.log(
      `  impact of the most connected system (sends ${r.seeded.hubDegree}, reaches ${r.impactSize}): p99 ${ms(r.impact.paced.p99)} at ` +
        `${r.impact.paced.rate} req/s = ${(r.impact.paced.p99 / r.byId.paced.p99).toFixed(1)}× GET of one system by id ` +
        `(${ms(r.byId.paced.p99)}); ${Math.round(r.impact.saturated.rps)} req/s = ${pct(r.impact.saturated.rps / r.byId.saturated.rps)} ` +
        `of by id (${Math.round(r.byId.saturated.rps)}); target p99 < ${TARGET_IMPACT_P99_MS} ms: ${verdict(r.impact.paced.p99 < TARGET_IMPACT_P99_MS)}; ` +
        `first read after a change (the walk): median ${ms(r.impact.cold.median)}, worst ${ms(r.impact.cold.max)} of 10`,
    );
    console.log(
      `  map data for ${r.map.nodes} nodes and ${r.map.edges} edges (${(r.map.time.bytes / 1024).toFixed(0)} KiB): median ${ms(r.map.time.median)}, ` +
        `worst ${ms(r.map.time.max)} of ${MAP_RUNS} = ${(r.map.time.median / r.map.byId.median).toFixed(1)}× GET of one system by id ` +
        `(${ms(r.map.byId.median)}); target < ${TARGET_MAP_MS} ms: ${verdict(r.map.time.median < TARGET_MAP_MS)}`,
    );
    if (r.frames) {
      console.log(
        `  the map in Chromium, ${r.frames.nodesRendered} nodes in view: ${r.frames.mapFps.toFixed(1)} frames/s while panning = ` +
          `${pct(r.frames.mapFps / r.frames.emptyFps)} of an empty page (${r.frames.emptyFps.toFixed(1)}); target ≥ ${TARGET_FPS}: ` +
          `${verdict(r.frames.mapFps >= TARGET_FPS)}; axe: ${r.frames.axeViolations.length === 0 ? 'no violations' : r.frames.axeViolations.join(', ')}`,
      );
    } else console.log('  the map in Chromium: skipped (BENCH_BROWSER=0, or no dist/app: run npm run build)');
    console.log(`  data generated in ${(r.seeded.seedMs / 1000).toFixed(1)} s`);
  }
  for (const s of skipped) console.log(`Skipped: ${s}`);
  console.log('');
  console.log(allMet ? 'All targets met.' : 'Some targets were missed (or requests failed): see above.');
  return allMet;
}

// ---------------------------------------------------------------- main

const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
  killServers();
  for (const c of cleanups.splice(0).reverse()) await c().catch((e: Error) => log(`clean-up: ${e.message}`));
}
process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));

const loadAtStart = loadavg()[0]!;
if (BROWSER && !existsSync(join(root, 'dist/app/index.html'))) {
  log('building the web app (dist/app) for the browser figures …');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
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

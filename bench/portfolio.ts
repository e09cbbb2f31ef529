// `npm run bench:portfolio`: the portfolio's ranked backlog and its summary at the size of a large
// municipality's portfolio, on PostgreSQL and on PGlite (DESIGN.md "Performance principles",
// issue 15).
//
// Scale: one tenant with BENCH_DEMANDS demands (20,000) over ten years in every status, 40 % of
// them prepared with a score, savings and hours; BENCH_PROJECTS projects (2,000) in every phase
// with two budget years each and up to twelve monthly status reports; 300 procurements, a tenth of
// them cancelled with a cost. Rows are inserted directly in batches, built as the services build
// them (a score as the model leaves it, a number per year); one admin signs in.
//
// For each database kind: a fresh database (bench/database.ts), migrated and seeded; the real app
// in a child process (bench/load.ts); paced open-loop runs at BENCH_RATE (100) req/s for
// BENCH_SECONDS (10) s each, latency counted from when each request was due:
//   - GET of one demand by id (random ids), before and after: the reference;
//   - the ranked backlog, its first page (`/api/v1/demands?sort=rank`), and filtered by status;
//   - the portfolio summary (`/api/v1/portfolio/summary`).
// Each is printed with p50 and p99 and its p99 as a multiple of the by-id p99.
//
// Targets (PostgreSQL): the ranked backlog's p99 < 50 ms, the summary's p99 < 200 ms; PGlite is
// printed for information. Exit code 0 when they are met and no request failed, else 1.
//
// Environment: BENCH_DEMANDS (20000), BENCH_PROJECTS (2000), BENCH_SECONDS (10), BENCH_RATE (100),
// BENCH_CONNECTIONS (50), BENCH_DB (pg,pglite), BENCH_PG_URL, BENCH_KEEP=1.

import { availableParallelism, loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { onServer } from '../server/db/admin.ts';
import type { Database } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { demands } from '../server/modules/portfolio/demands/schema.ts';
import { procurements } from '../server/modules/portfolio/procurements/schema.ts';
import { projects, statusReports } from '../server/modules/portfolio/projects/schema.ts';
import { setPassword } from '../server/platform/auth/service.ts';
import { systemActor } from '../server/platform/context.ts';
import * as directory from '../server/platform/directory/service.ts';
import { newId } from '../server/platform/ids.ts';
import { demandStatuses } from '../shared/portfolio/demands.ts';
import { procurementStatuses } from '../shared/portfolio/procurements.ts';
import { projectPhases, ragLevels } from '../shared/portfolio/projects.ts';
import { type BenchKind, benchDatabase, PG_ADMIN_URL } from './database.ts';
import { killServers, type LoadOptions, type Paced, paced, saturate, signIn, startServer } from './load.ts';

const DEMANDS = Number(process.env.BENCH_DEMANDS ?? 20_000);
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 2_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const KINDS = (process.env.BENCH_DB ?? 'pg,pglite').split(',').map((k) => k.trim()) as BenchKind[];
const DB_NAME = 'styrbord_bench_portfolio';
const TARGET_BACKLOG_MS = 50;
const TARGET_SUMMARY_MS = 200;
const PASSWORD = 'bench password 1234';
const ADMIN_EMAIL = 'admin@bench.example';
const BATCH = 1000;

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

const subjects = [
  'E-tjänst för bygglov',
  'Digital signering av avtal',
  'Gemensam e-tjänsteplattform',
  'Nytt ärendehanteringssystem',
  'Säker utskrift',
  'Dator som tjänst i skolan',
  'Automatiserad fakturahantering',
  'Mobil hemtjänstplanering',
  'Ny växellösning',
  'Integrationsplattform',
];

interface Seeded {
  demandIds: string[];
  seedMs: number;
}

async function insertAll<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

async function seed(db: Database): Promise<Seeded> {
  const started = performance.now();
  const random = mulberry32(15);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const tenant = await directory.createTenant(db, {
    slug: 'bench',
    name: 'Benchköping kommun',
    kind: 'municipality',
  });
  const actor = systemActor(tenant.id, 'Bench set-up');
  const unitIds: string[] = [];
  for (let i = 0; i < 12; i++)
    unitIds.push(
      (await directory.createUnit(db, actor, { name: `Förvaltning ${i + 1}`, kind: 'department' })).id,
    );
  const admin = await directory.createPerson(db, actor, {
    givenName: 'Ada',
    familyName: 'Admin',
    email: ADMIN_EMAIL,
    unitId: unitIds[0]!,
  });
  await directory.grantRole(db, actor, { personId: admin.id, role: 'admin' });
  await setPassword(db, actor, admin.id, PASSWORD);

  const perYear = new Map<number, number>();
  const demandRows = Array.from({ length: DEMANDS }, (_, i) => {
    const year = 2017 + Math.floor((i / DEMANDS) * 10);
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    const status = pick(demandStatuses);
    const prepared = random() < 0.4;
    return {
      tenantId: tenant.id,
      id: newId(),
      number: `BEH-${year}-${String(n).padStart(4, '0')}`,
      title: `${pick(subjects)} ${i + 1}`,
      description: 'Ett behov från verksamheten.',
      scope: pick(['shared', 'business', 'local'] as const),
      status,
      outcome:
        status === 'decided'
          ? pick(['approved', 'rejected', 'deferred'] as const)
          : status === 'inProgress'
            ? 'approved'
            : null,
      unitId: pick(unitIds),
      score: prepared ? Math.floor(random() * 10_000) : 0,
      yearlySavings: prepared ? Math.floor(random() * 100_000_000) : null,
      hoursFreed: prepared ? Math.floor(random() * 2000) : null,
      investment: prepared ? Math.floor(random() * 500_000_000) : null,
      createdAt: new Date(Date.UTC(year, Math.floor(random() * 12), 1 + Math.floor(random() * 28))),
    };
  });
  await insertAll(demandRows, (b) => db.insert(demands).values(b));

  const projectRows = Array.from({ length: PROJECTS }, (_, i) => ({
    tenantId: tenant.id,
    id: newId(),
    name: `${pick(subjects)} (projekt ${i + 1})`,
    phase: pick(projectPhases),
    unitId: pick(unitIds),
    startsOn: '2026-01-01',
    nextReportOn: pick(['2026-10-31', '2026-12-31', '2027-01-31']),
    budget: [2026, 2027].map((year) => ({
      year,
      investment: Math.floor(random() * 200_000_000),
      running: Math.floor(random() * 20_000_000),
      investmentOutcome: year === 2026 ? Math.floor(random() * 200_000_000) : null,
      runningOutcome: null,
    })),
  }));
  await insertAll(projectRows, (b) => db.insert(projects).values(b));
  const reports = projectRows.flatMap((p) =>
    Array.from({ length: Math.floor(random() * 13) }, (_, m) => ({
      tenantId: tenant.id,
      id: newId(),
      projectId: p.id,
      periodFrom: `2026-${String(m + 1).padStart(2, '0')}-01`,
      periodTo: `2026-${String(m + 1).padStart(2, '0')}-28`,
      time: pick(ragLevels),
      cost: pick(ragLevels),
      scope: pick(ragLevels),
      reportedByName: 'Projektledare',
    })),
  );
  await insertAll(reports, (b) => db.insert(statusReports).values(b));
  const procurementRows = Array.from({ length: 300 }, (_, i) => {
    const status = i % 10 === 0 ? 'cancelled' : pick(procurementStatuses.filter((s) => s !== 'cancelled'));
    return {
      tenantId: tenant.id,
      id: newId(),
      title: `Upphandling ${i + 1}`,
      procedure: pick(['direct', 'simplified', 'open', 'renewedCompetition'] as const),
      status,
      ...(status === 'cancelled'
        ? {
            cancelledOn: '2025-06-30',
            cancelReason: 'Avbruten',
            cancelCost: Math.floor(random() * 400_000_000),
          }
        : {}),
    };
  });
  await insertAll(procurementRows, (b) => db.insert(procurements).values(b));
  // Planner statistics, as autovacuum's analyze would have them a moment after such a load: without
  // them the planner takes the 20,000 demands for a few dozen and picks plans for that size.
  await db.execute(sql`analyze`);
  return { demandIds: demandRows.map((d) => d.id), seedMs: performance.now() - started };
}

interface Run {
  label: string;
  result: Paced;
  target: number | null;
}

interface KindReport {
  kind: BenchKind;
  byId: [Paced, Paced];
  runs: Run[];
  seedMs: number;
}

function log(line: string) {
  process.stderr.write(`· ${line}\n`);
}

async function runKind(kind: BenchKind, cleanups: (() => Promise<void>)[]): Promise<KindReport> {
  const database = await benchDatabase(kind, DB_NAME);
  cleanups.push(() => database.dispose());
  const handle = await database.open();
  log(`${kind}: migrating and generating ${DEMANDS} demands and ${PROJECTS} projects …`);
  let seeded: Seeded;
  try {
    await migrate(handle);
    seeded = await seed(handle.db);
  } finally {
    await handle.close();
  }
  log(`${kind}: data ready in ${(seeded.seedMs / 1000).toFixed(1)} s`);
  const server = await startServer(database.serverEnv);
  try {
    const headers = await signIn(server.port, ADMIN_EMAIL, PASSWORD);
    const ids = seeded.demandIds;
    const byIdPath = () => `/api/v1/demands/${ids[Math.floor(Math.random() * ids.length)]}`;
    const backlog = '/api/v1/demands?sort=rank&limit=50';
    const statuses = ['readyForDecision', 'preparing', 'received'];
    let turn = 0;
    const filtered = () => `${backlog}&status=${statuses[turn++ % statuses.length]}`;
    const summary = '/api/v1/portfolio/summary';
    log(`${kind}: warming up …`);
    await saturate(
      server.port,
      headers,
      [byIdPath(), backlog, filtered(), summary].map((path) => ({ path })),
      { connections: 4, seconds: 3 },
    );
    const options: LoadOptions = { connections: CONNECTIONS, seconds: SECONDS };
    const run = async (label: string, path: () => string) => {
      const result = await paced(server.port, headers, path, RATE, options);
      log(`${kind}: ${label}: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`);
      return result;
    };
    const byId1 = await run('by id', byIdPath);
    const runs: Run[] = [
      {
        label: 'ranked backlog, first page',
        result: await run('backlog', () => backlog),
        target: TARGET_BACKLOG_MS,
      },
      {
        label: 'ranked backlog by status',
        result: await run('backlog by status', filtered),
        target: TARGET_BACKLOG_MS,
      },
      { label: 'portfolio summary', result: await run('summary', () => summary), target: TARGET_SUMMARY_MS },
    ];
    const byId2 = await run('by id', byIdPath);
    return { kind, byId: [byId1, byId2], runs, seedMs: seeded.seedMs };
  } finally {
    await server.stop();
  }
}

function report(reports: KindReport[], skipped: string[]): boolean {
  let allMet = true;
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  console.log('');
  console.log(
    `Portfolio benchmark: ${DEMANDS} demands, ${PROJECTS} projects, 300 procurements; paced runs at ${RATE} req/s ` +
      `for ${SECONDS} s each. Machine: ${availableParallelism()} cores, load ${loadAtStart.toFixed(1)} → ` +
      `${loadavg()[0]!.toFixed(1)} (shared: compare ratios).`,
  );
  for (const r of reports) {
    const reference = Math.max(r.byId[0].p99, r.byId[1].p99);
    console.log('');
    console.log(r.kind === 'pg' ? 'PostgreSQL:' : 'PGlite (for information):');
    console.log(
      `  GET one demand by id (the reference): p50 ${ms(r.byId[0].p50)} / ${ms(r.byId[1].p50)}, p99 ${ms(r.byId[0].p99)} / ${ms(r.byId[1].p99)} (before / after)`,
    );
    for (const run of r.runs) {
      const measured = r.kind === 'pg' && run.target !== null;
      const met = run.result.p99 < (run.target ?? Number.POSITIVE_INFINITY) && run.result.bad === 0;
      if (measured && !met) allMet = false;
      if (run.result.bad > 0) allMet = false;
      const verdict = measured ? ` (target p99 < ${run.target} ms: ${met ? 'met' : 'MISSED'})` : '';
      const failed = run.result.bad > 0 ? `, ${run.result.bad} FAILED` : '';
      console.log(
        `  ${run.label}: p50 ${ms(run.result.p50)}, p99 ${ms(run.result.p99)} = ${(run.result.p99 / reference).toFixed(1)}× by id${failed}${verdict}`,
      );
    }
    console.log(`  data generated in ${(r.seedMs / 1000).toFixed(1)} s`);
  }
  for (const s of skipped) console.log(`\n${s}`);
  console.log('');
  console.log(allMet ? 'All targets met.' : 'Some targets were missed (or requests failed): see above.');
  return allMet;
}

const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
  killServers();
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
}
process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));

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

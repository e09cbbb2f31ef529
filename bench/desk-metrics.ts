import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { onServer } from '../server/db/admin.ts';
import type { Database } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { metricsReport, resolvePeriod, unitReport } from '../server/modules/desk/metrics/service.ts';
import { systemActor } from '../server/platform/context.ts';
import * as directory from '../server/platform/directory/service.ts';
import { benchDatabase, PG_ADMIN_URL } from './database.ts';
import { seedDesk } from './desk-metrics-seed.ts';

const TICKETS = Number(process.env.BENCH_METRICS_TICKETS ?? 1_000_000);
const PGLITE_TICKETS = Number(process.env.BENCH_PGLITE_METRICS_TICKETS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TARGET_MS = 1000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => `${n.toFixed(0)} ms`;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const began = performance.now();
  await work();
  return performance.now() - began;
}

export interface MetricsBenchResult {
  ok: boolean;
  lines: string[];
}

/** Seeds the tenant with the tickets and measures its reports; prints nothing itself. */
export async function benchMetrics(
  db: Database,
  tenantId: string,
  tickets = TICKETS,
  /** False: for information (PGlite), the figures without a verdict. */
  target = true,
): Promise<MetricsBenchResult> {
  const seeded = await seedDesk(db, tenantId, tickets);
  const actor = systemActor(tenantId, 'Bench');
  const period = resolvePeriod({});
  const from = period.fromTs.toISOString();
  const to = period.toTs.toISOString();
  const counted = async () =>
    db.execute(sql`
      select count(*) from desk_tickets
      where tenant_id = ${tenantId} and created_at < ${to}::timestamptz
        and (solved_at >= ${from}::timestamptz or solved_at is null)`);
  const byUnit = () => metricsReport(db, actor, { by: 'unit' });
  const byGroup = () => metricsReport(db, actor, { by: 'group' });
  const largest = seeded.departments[0]!;
  const report = () => unitReport(db, actor, largest, { limit: 25 });

  // Warm-up: the plans, the caches, the principal's tree.
  const first = await byUnit();
  await Promise.all([counted(), byGroup(), report()]);
  const unitMs: number[] = [];
  const countMs: number[] = [];
  const groupMs: number[] = [];
  const reportMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    unitMs.push(await timed(byUnit));
    countMs.push(await timed(counted));
    groupMs.push(await timed(byGroup));
    reportMs.push(await timed(report));
  }
  const unit = median(unitMs);
  const count = median(countMs);
  const ok = unit < TARGET_MS;
  return {
    ok,
    lines: [
      `data: ${fmt(seeded.tickets)} tickets, ${fmt(seeded.events)} timeline events, ${seeded.units} units (inserted in ${(seeded.seedMs / 1000).toFixed(0)} s)`,
      `report period ${first.from} – ${first.to}: ${fmt(first.total.created)} made, ${fmt(first.total.solved)} solved, ${fmt(first.total.open)} open at its end; ${first.rows.length} rows by unit, ${first.series.points.length} months`,
      `limit: select count(*) of the rows a 12-month report counts: ${ms(count)} (median of ${RUNS})`,
      `compliance report by unit, 12 months: ${ms(unit)} = ${(unit / count).toFixed(2)}× the count${target ? ` (target < ${TARGET_MS} ms: ${ok ? 'met' : 'NOT MET'})` : ''}; runs ${unitMs.map((v) => v.toFixed(0)).join(', ')}`,
      `for information: by group ${ms(median(groupMs))}; report of the largest förvaltning ${ms(median(reportMs))}`,
    ],
  };
}

// ---------------------------------------------------------------- the section

const KINDS = (process.env.BENCH_DB ?? 'pg,pglite').split(',').map((k) => k.trim());
const DB_NAME = 'styrbord_bench_metrics';

/** One database kind: a fresh database, migrated, a tenant, the tickets, the figures. */
async function runKind(kind: 'pg' | 'pglite', count: number): Promise<MetricsBenchResult> {
  const database = await benchDatabase(kind, DB_NAME);
  const handle = await database.open();
  try {
    await migrate(handle);
    const tenant = await directory.createTenant(handle.db, {
      slug: 'bench',
      name: 'Benchköping kommun',
      kind: 'municipality',
    });
    console.log(`· metrics, ${kind}: generating ${fmt(count)} tickets …`);
    return await benchMetrics(handle.db, tenant.id, count, kind === 'pg');
  } finally {
    await handle.close();
    await database.dispose();
  }
}

/** Section "metrics" of bench/desk.ts: the target on PostgreSQL; PGlite, smaller, for information. */
export const metricsSection = {
  name: 'metrics',
  title: `Metrics: the 12-month SLA compliance report by unit (target < ${TARGET_MS} ms on PostgreSQL at ${fmt(TICKETS)} tickets)`,
  async run(): Promise<MetricsBenchResult> {
    const lines: string[] = [];
    let ok = true;
    for (const kind of KINDS) {
      if (kind === 'pg') {
        const reachable = await onServer(PG_ADMIN_URL, ['select 1'], 3).then(
          () => true,
          () => false,
        );
        if (!reachable) {
          lines.push(`PostgreSQL at ${PG_ADMIN_URL} is unreachable: not measured.`);
          ok = false;
          continue;
        }
        const result = await runKind('pg', TICKETS);
        ok &&= result.ok;
        lines.push('PostgreSQL:', ...result.lines.map((l) => `  ${l}`));
      } else if (kind === 'pglite') {
        const result = await runKind('pglite', PGLITE_TICKETS);
        lines.push(
          `PGlite, for information only (the embedded database is for one kommun's demo and tests, not a million tickets): ${fmt(PGLITE_TICKETS)} tickets, target not applied:`,
          ...result.lines.map((l) => `  ${l}`),
        );
      }
    }
    return { ok, lines };
  },
};

// ---------------------------------------------------------------- run alone

async function main() {
  console.log(
    `Desk metrics benchmark. Machine: ${availableParallelism()} cores, load ${loadavg()[0]!.toFixed(1)} (shared: compare ratios).`,
  );
  const result = await metricsSection.run();
  for (const line of result.lines) console.log(`  ${line}`);
  console.log(result.ok ? 'Target met.' : 'Target NOT met.');
  process.exitCode = result.ok ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();

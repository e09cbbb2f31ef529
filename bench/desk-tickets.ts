// Section "tickets" of `npm run bench:desk` (issue 13 "Performance"): the desk at the size of a
// large shared installation, BENCH_TICKETS (1,000,000) tickets in one tenant, on PostgreSQL (and,
// for information, PGlite with BENCH_PGLITE_TICKETS, 100,000: the embedded database is for one
// kommun's demo and tests, not a million rows).
//   1. A fresh database (PostgreSQL: `styrbord_bench_desk` on BENCH_PG_URL, dropped at the end),
//      migrated; tenant, units, an admin agent, 20 groups and a default service level through
//      plain inserts; the tickets by one INSERT … SELECT generate_series (5 % open, spread over the
//      groups, with due times; the rest closed over two years).
//   2. The real app in a child process (bench/platform-server.ts), load from this one:
//      - creation through the HTTP API (POST /api/v1/tickets) at BENCH_CONNECTIONS (50) for
//        BENCH_SECONDS (5) s, as a share of the empty authenticated route measured in the same run
//        (target ≥ 25 %), and as a share of plain INSERTs of the same rows (a ticket and its
//        `created` event) through the driver at the same concurrency, without the app;
//      - an agent's queue page (a group, the open statuses, ordered by due time, 50 rows), p99 at
//        an evenly paced BENCH_RATE (100) req/s (target < 25 ms).

import { sql } from 'drizzle-orm';
import { onServer } from '../server/db/admin.ts';
import type { Database } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { groups } from '../server/modules/desk/groups/schema.ts';
import { serviceLevels } from '../server/modules/desk/services/schema.ts';
import { ticketEvents, tickets } from '../server/modules/desk/tickets/schema.ts';
import { setPassword } from '../server/platform/auth/service.ts';
import { systemActor } from '../server/platform/context.ts';
import { units } from '../server/platform/directory/schema.ts';
import * as directory from '../server/platform/directory/service.ts';
import { newId } from '../server/platform/ids.ts';
import { defaultEscalation, defaultTargets } from '../shared/desk/services.ts';
import { benchDatabase, PG_ADMIN_URL } from './database.ts';
import { type LoadOptions, paced, saturate, signIn, startServer } from './load.ts';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const PGLITE_TICKETS = Number(process.env.BENCH_PGLITE_TICKETS ?? 100_000);
const KINDS = (process.env.BENCH_DB ?? 'pg,pglite').split(',').map((k) => k.trim());
const RATE = Number(process.env.BENCH_RATE ?? 100);
const LOAD: LoadOptions = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  seconds: Number(process.env.BENCH_SECONDS ?? 5),
};
const DB_NAME = 'styrbord_bench_desk';
const GROUPS = 20;
const PASSWORD = 'bench password 1234';
const ADMIN_EMAIL = 'agent@bench.example';
const EMPTY_PATH = '/api/v1/bench/empty';

const TARGET_CREATE_RATIO = 0.25;
const TARGET_QUEUE_P99_MS = 25;

interface Seeded {
  tenantId: string;
  adminId: string;
  unitIds: string[];
  groupIds: string[];
  seedMs: number;
}

async function seed(db: Database, count: number): Promise<Seeded> {
  const started = performance.now();
  const tenant = await directory.createTenant(db, {
    slug: 'bench',
    name: 'Benchköping kommun',
    kind: 'municipality',
  });
  const actor = systemActor(tenant.id, 'Bench set-up');
  const top = await directory.createUnit(db, actor, { name: 'Kommunstyrelsen', kind: 'department' });
  const admin = await directory.createPerson(db, actor, {
    givenName: 'Agnes',
    familyName: 'Agent',
    email: ADMIN_EMAIL,
    unitId: top.id,
  });
  await directory.grantRole(db, actor, { personId: admin.id, role: 'admin' });
  await setPassword(db, actor, admin.id, PASSWORD);
  const unitRows = Array.from({ length: 40 }, (_, i) => ({
    tenantId: tenant.id,
    id: newId(),
    parentId: top.id,
    name: `Förvaltning ${i + 1}`,
    kind: 'department',
  }));
  await db.insert(units).values(unitRows);
  const groupRows = Array.from({ length: GROUPS }, (_, i) => ({
    tenantId: tenant.id,
    id: newId(),
    name: i === 0 ? 'Servicedesk' : `Grupp ${i}`,
    kind: i === 0 ? 'firstLine' : 'secondLine',
  }));
  await db.insert(groups).values(groupRows);
  await db.insert(serviceLevels).values({
    tenantId: tenant.id,
    id: newId(),
    name: 'Standard',
    kind: 'service',
    targets: defaultTargets,
    escalation: defaultEscalation,
    isDefault: true,
  });
  const unitArray = `array[${unitRows.map((u) => `'${u.id}'::uuid`).join(',')}]`;
  const groupArray = `array[${groupRows.map((g) => `'${g.id}'::uuid`).join(',')}]`;
  // One statement: 5 % open (due within the next days, some breached), the rest closed, created
  // over the last two years; numbers of a year no live ticket gets.
  await db.execute(
    sql.raw(`
    insert into desk_tickets (tenant_id, id, number, type, title, description, status, requester_id,
      unit_id, impact, urgency, priority, group_id, channel, due_at, response_breached_at,
      resolution_breached_at, solved_at, closed_at, created_at, updated_at)
    select '${tenant.id}', gen_random_uuid(), 'INC-2000-' || lpad(i::text, 7, '0'), 'incident',
      'Ärende ' || i, '', case when i % 20 = 0 then (array['new','assigned','inProgress','waitingRequester'])[1 + i % 4] else 'closed' end,
      '${admin.id}', (${unitArray})[1 + i % 40], 3, 3, 3, (${groupArray})[1 + (i / 20) % ${GROUPS}], 'portal',
      case when i % 20 = 0 and i % 80 <> 60 then now() + ((i % 7200) - 600) * interval '1 minute' end,
      case when i % 9 = 0 then created end, case when i % 11 = 0 then created + interval '2 days' end,
      case when i % 20 <> 0 then created + interval '1 day' end,
      case when i % 20 <> 0 then created + interval '11 days' end, created, created + interval '1 day'
    from (select i, now() - (i % 730) * interval '1 day' - (i % 480) * interval '1 minute' as created
          from generate_series(1, ${count}) as i) s`),
  );
  // As a database that has lived with its rows, not one a bulk load just wrote: the visibility map
  // set (index-only scans), statistics read, and the load's dirty pages written, so that the
  // measured runs do not share the disk with a checkpoint of a million rows.
  await db.execute(sql`vacuum analyze`);
  await db.execute(sql`checkpoint`);
  return {
    tenantId: tenant.id,
    adminId: admin.id,
    unitIds: unitRows.map((u) => u.id),
    groupIds: groupRows.map((g) => g.id),
    seedMs: performance.now() - started,
  };
}

/** Plain INSERTs of what the API writes for a ticket (the row and its `created` event), no app. */
async function plainInserts(db: Database, s: Seeded): Promise<number> {
  let done = 0;
  let n = 0;
  const until = performance.now() + LOAD.seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: LOAD.connections }, async () => {
      while (performance.now() < until) {
        const id = newId();
        const now = new Date();
        await db.insert(tickets).values({
          tenantId: s.tenantId,
          id,
          number: `INC-1999-${String(++n).padStart(7, '0')}`,
          type: 'incident',
          title: 'Skrivaren skriver inte ut',
          status: 'new',
          requesterId: s.adminId,
          unitId: s.unitIds[0]!,
          impact: 3,
          urgency: 3,
          priority: 3,
          groupId: s.groupIds[1]!,
          channel: 'portal',
          createdAt: now,
          updatedAt: now,
        });
        await db
          .insert(ticketEvents)
          .values({ tenantId: s.tenantId, id: newId(), ticketId: id, at: now, kind: 'created' });
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

export interface TicketsReport {
  kind: string;
  lines: string[];
  ok: boolean;
}

async function runKind(kind: 'pg' | 'pglite', count: number): Promise<TicketsReport> {
  const cleanups: (() => void | Promise<void>)[] = [];
  try {
    const database = await benchDatabase(kind, DB_NAME);
    cleanups.push(() => database.dispose());
    const handle = await database.open(LOAD.connections);
    console.log(`· ${kind}: migrating and generating ${count.toLocaleString('en-US')} tickets …`);
    let seeded: Seeded;
    try {
      await migrate(handle);
      seeded = await seed(handle.db, count);
    } catch (error) {
      await handle.close();
      throw error;
    }
    console.log(`· ${kind}: data ready in ${(seeded.seedMs / 1000).toFixed(1)} s`);
    // PGlite is one connection in one process: the plain inserts run there before the server opens it.
    let plain = 0;
    let open = true;
    if (kind === 'pglite') {
      plain = await plainInserts(handle.db, seeded);
      await handle.close();
      open = false;
    }
    const server = await startServer(database.serverEnv);
    try {
      const headers = await signIn(server.port, ADMIN_EMAIL, PASSWORD);
      await saturate(server.port, headers, [{ path: EMPTY_PATH }], { ...LOAD, seconds: 1 });
      const emptyBefore = await saturate(server.port, headers, [{ path: EMPTY_PATH }], LOAD);
      const body = JSON.stringify({
        title: 'Skrivaren skriver inte ut',
        groupId: seeded.groupIds[1],
        impact: 3,
        urgency: 3,
      });
      const create = await saturate(
        server.port,
        { ...headers, 'content-type': 'application/json' },
        [{ method: 'POST', path: '/api/v1/tickets', body }],
        LOAD,
      );
      const emptyAfter = await saturate(server.port, headers, [{ path: EMPTY_PATH }], LOAD);
      if (kind === 'pg') plain = await plainInserts(handle.db, seeded);
      const empty = (emptyBefore.rps + emptyAfter.rps) / 2;
      const queuePath = () =>
        `/api/v1/tickets?view=work&groupId=${seeded.groupIds[1 + Math.floor(Math.random() * (GROUPS - 1))]}&status=open&sort=dueAt&order=asc&limit=50`;
      const queue = await paced(server.port, headers, queuePath, RATE, LOAD);
      const createRatio = create.rps / empty;
      const createOk = createRatio >= TARGET_CREATE_RATIO && create.bad === 0;
      const queueOk = queue.p99 < TARGET_QUEUE_P99_MS && queue.bad === 0;
      const info = kind === 'pglite' ? ' (info)' : '';
      return {
        kind,
        ok: kind === 'pglite' || (createOk && queueOk),
        lines: [
          `${kind}, ${count.toLocaleString('en-US')} tickets (data in ${(seeded.seedMs / 1000).toFixed(1)} s):`,
          `  creation through the API: ${Math.round(create.rps)}/s = ${(createRatio * 100).toFixed(0)} % of the empty authenticated route (${Math.round(empty)} req/s; target ≥ ${TARGET_CREATE_RATIO * 100} %: ${createOk ? 'met' : 'MISSED'}${info}); ${create.bad} failed`,
          `  plain INSERTs of the same rows (ticket + created event) at ${LOAD.connections}: ${Math.round(plain)}/s; the API makes ${((create.rps / plain) * 100).toFixed(0)} % of that`,
          `  queue page (group, open, by due time, 50 rows) at ${queue.rate} req/s: p50 ${queue.p50.toFixed(1)} ms, p99 ${queue.p99.toFixed(1)} ms (target < ${TARGET_QUEUE_P99_MS} ms: ${queueOk ? 'met' : 'MISSED'}${info}); ${queue.bad} failed`,
        ],
      };
    } finally {
      await server.stop();
      if (open) await handle.close();
    }
  } finally {
    for (const c of cleanups.reverse()) await c();
  }
}

/** The section for bench/desk.ts. */
export async function benchTickets(): Promise<{ lines: string[]; ok: boolean }> {
  const lines: string[] = [];
  let ok = true;
  for (const kind of KINDS) {
    if (kind !== 'pg' && kind !== 'pglite') continue;
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
    }
    const report = await runKind(kind, kind === 'pg' ? TICKETS : PGLITE_TICKETS);
    lines.push(...report.lines);
    ok &&= report.ok;
  }
  return { lines, ok };
}

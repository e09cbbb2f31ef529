import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { createTestDatabase, itOn, type TestDatabase } from '../../db/testing.ts';
import { defineJob, type JobDefinition, type Jobs, startJobs } from './jobs.ts';
import { memoryLogger, waitFor } from './testing.ts';

// Real pg-boss on the real database (PGlite in memory or on disk, PostgreSQL): jobs at a time,
// schedules, retries, and a keyed job that runs once across two processes or a restart.

const FAST = { pollingIntervalSeconds: 0.5 };

const quiet = memoryLogger();

let t: TestDatabase;
const started: Jobs[] = [];
async function start(database: DatabaseHandle, definitions: JobDefinition[]) {
  const jobs = await startJobs(database, definitions, quiet, FAST);
  started.push(jobs);
  return jobs;
}

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  for (const jobs of started) await jobs.stop(1000).catch(() => {});
  await t.dispose();
});

describe('durable jobs', () => {
  it('runs a one-off job at the time it was sent for, not before', async () => {
    const ran: { at: number; data: { n: number } }[] = [];
    const later = defineJob<{ n: number }>({
      name: 'test.later',
      handler: async (data) => {
        ran.push({ at: Date.now(), data });
      },
    });
    const jobs = await start(t, [later]);
    const due = new Date(Date.now() + 2000);
    expect(await jobs.send(later, { n: 7 }, { startAfter: due })).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((r) => setTimeout(r, 1000));
    expect(ran).toEqual([]);
    await waitFor(() => ran.length === 1);
    expect(ran[0]!.data).toEqual({ n: 7 });
    // The database's clock decides; allow for a little skew between it and this process.
    expect(ran[0]!.at).toBeGreaterThanOrEqual(due.getTime() - 250);
    await jobs.stop();
  });

  it('registers a recurring job once, however often the server starts', async () => {
    const nightly = defineJob({
      name: 'test.nightly',
      schedule: { cron: '15 2 * * *' },
      handler: async () => {},
    });
    const first = await start(t, [nightly]);
    await first.stop();
    const second = await start(t, [nightly]);
    const schedules = await second.boss.getSchedules('test.nightly');
    expect(schedules).toHaveLength(1);
    expect(schedules[0]).toMatchObject({
      name: 'test.nightly',
      cron: '15 2 * * *',
      timezone: 'Europe/Stockholm',
    });
    await second.stop();
    // Without its schedule the kind no longer recurs.
    const third = await start(t, [{ ...nightly, schedule: undefined }]);
    expect(await third.boss.getSchedules('test.nightly')).toHaveLength(0);
    await third.stop();
  });

  it('retries a failing job and then it succeeds', async () => {
    const attempts: number[] = [];
    const flaky = defineJob({
      name: 'test.flaky',
      retry: { limit: 3, delaySeconds: 1 },
      handler: async (_data, context) => {
        attempts.push(context.attempt);
        if (context.attempt < 2) throw new Error(`attempt ${context.attempt} fails`);
      },
    });
    const jobs = await start(t, [flaky]);
    const id = (await jobs.send(flaky, {}))!;
    await waitFor(async () => (await jobs.boss.findJobs('test.flaky', { id }))[0]?.state === 'completed');
    expect(attempts).toEqual([0, 1, 2]);
    await jobs.stop();
  });

  it('runs a job sent twice with the same key once, also after it has finished', async () => {
    const runs: string[] = [];
    const welcome = defineJob<{ who: string }>({
      name: 'test.welcome',
      handler: async (data) => {
        runs.push(data.who);
      },
    });
    const jobs = await start(t, [welcome]);
    const first = await jobs.send(welcome, { who: 'a' }, { key: 'person-1' });
    const again = await jobs.send(welcome, { who: 'a' }, { key: 'person-1' });
    expect(first).not.toBeNull();
    expect(again).toBeNull();
    await waitFor(() => runs.length === 1);
    expect(await jobs.send(welcome, { who: 'a' }, { key: 'person-1' })).toBeNull();
    await jobs.send(welcome, { who: 'b' }, { key: 'person-2' });
    await waitFor(() => runs.length === 2);
    await new Promise((r) => setTimeout(r, 1200));
    expect(runs).toEqual(['a', 'b']);
    await jobs.stop();
  });
});

describe('floods', () => {
  it('takes a flood in batches, and retries a failing job of a batch on its own', async () => {
    const ran: number[] = [];
    const flood = defineJob<{ n: number }>({
      name: 'test.flood',
      batchSize: 25,
      retry: { limit: 2, delaySeconds: 1 },
      handler: async (data, context) => {
        if (data.n === 7 && context.attempt === 0) throw new Error('the first attempt of 7 fails');
        ran.push(data.n);
      },
    });
    const jobs = await start(t, [flood]);
    for (let n = 0; n < 300; n++) await jobs.send(flood, { n });
    // One job per fetch and a fetch per polling interval (0.5 s) would take 150 s.
    await waitFor(() => ran.length === 300, 20_000);
    expect(new Set(ran).size).toBe(300);
    expect(ran.filter((n) => n === 7)).toEqual([7]);
    const [seven] = await jobs.boss.findJobs('test.flood', { data: { n: 7 } });
    expect(seven).toMatchObject({ state: 'completed', retryCount: 1 });
    await jobs.stop();
  });
});

describe('two processes, or one restarted', () => {
  itOn('pg')(
    'runs each job once when two processes send and work on the same PostgreSQL database',
    async () => {
      const other = await openDatabase({ kind: 'pg', url: t.url!, poolSize: 2 });
      const runs: string[] = [];
      const once = defineJob<{ n: number; by: string }>({
        name: 'test.once',
        handler: async (data) => {
          runs.push(`${data.n}`);
          await new Promise((r) => setTimeout(r, 50));
        },
      });
      const a = await start(t, [once]);
      const b = await start(other, [once]);
      // Both processes send the same keyed job, as two servers reacting to one event would.
      const sent = await Promise.all([
        a.send(once, { n: 0, by: 'a' }, { key: 'event-0' }),
        b.send(once, { n: 0, by: 'b' }, { key: 'event-0' }),
      ]);
      expect(sent.filter(Boolean)).toHaveLength(1);
      // And unkeyed jobs from both are each taken by one of them.
      for (let n = 1; n <= 10; n++) await (n % 2 ? a : b).send(once, { n, by: 'x' });
      await waitFor(() => runs.length >= 11);
      await new Promise((r) => setTimeout(r, 1500));
      expect(runs.sort((x, y) => Number(x) - Number(y))).toEqual(
        Array.from({ length: 11 }, (_, n) => `${n}`),
      );
      await a.stop();
      await b.stop();
      await other.close();
    },
  );

  itOn('pglite')('runs a job sent before a stop once after the restart (PGlite on disk)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'styrbord-jobs-'));
    try {
      const runs: number[] = [];
      const once = defineJob<{ n: number }>({
        name: 'test.once',
        handler: async (data) => {
          runs.push(data.n);
        },
      });
      let database = await openDatabase({ kind: 'pglite', dataDir });
      await migrate(database);
      let jobs = await startJobs(database, [once], quiet, FAST);
      expect(await jobs.send(once, { n: 1 }, { key: 'k', startAfter: 2 })).not.toBeNull();
      await jobs.stop();
      await database.close();
      expect(runs).toEqual([]);

      database = await openDatabase({ kind: 'pglite', dataDir });
      jobs = await startJobs(database, [once], quiet, FAST);
      expect(await jobs.send(once, { n: 2 }, { key: 'k' })).toBeNull();
      await waitFor(() => runs.length === 1);
      await new Promise((r) => setTimeout(r, 1200));
      expect(runs).toEqual([1]);
      await jobs.stop();
      await database.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

import { sql } from 'drizzle-orm';
import { type SendOptions as BossSendOptions, fromDrizzle, type JobResult, PgBoss } from 'pg-boss';
import { v5 as uuidv5 } from 'uuid';
import type { Database, DatabaseHandle, Executor } from '../../db/client.ts';

// Durable jobs in the application's own database, through pg-boss (its tables live in the schema
// `pgboss`, which pg-boss creates and migrates itself at start). Work to do later is a row, never
// only a timer in a process: a job sent before a restart runs after it, and with several server
// processes on one database each job is claimed by one of them (SELECT … FOR UPDATE SKIP LOCKED).
//
// Platform code and modules describe a kind of job with `defineJob`; main.ts hands the list to
// `startJobs`, which answers the one object that sends and stops. The only state kept here is
// which Jobs run on which database (`jobsFor`), so that a service inside a transaction can send
// a job without every caller handing it down; each test database has its own.

/** The part of a pino logger the jobs use (Fastify's `app.log` is one). */
export interface JobLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

export interface JobContext {
  database: DatabaseHandle;
  log: JobLogger;
  /** To send follow-up jobs. */
  jobs: Jobs;
  id: string;
  /** 0 at the first attempt, 1 at the first retry … */
  attempt: number;
}

export interface RetryPolicy {
  /** Retries after the first attempt; the job is `failed` after the last. */
  limit: number;
  /** Seconds before the first retry. */
  delaySeconds: number;
  /** Double the delay at each retry (with jitter), up to `maxDelaySeconds`. */
  backoff?: boolean;
  maxDelaySeconds?: number;
}

export interface JobDefinition<T extends object = object> {
  /** Queue name, `area.what` (letters, digits, `.`, `-`, `_`), unique over the platform and modules. */
  name: string;
  // Method syntax on purpose: a list of definitions of different data types stays assignable.
  handler(data: T, context: JobContext): Promise<void>;
  retry?: RetryPolicy;
  /** Run on a cron expression (server time zone Europe/Stockholm unless `tz`), with `data`. */
  schedule?: { cron: string; tz?: string; data?: T };
  /** Seconds an attempt may run before it counts as failed (and is retried). */
  timeoutSeconds?: number;
  /** Days a finished job is kept; a keyed job cannot run again for its key while it is kept. */
  keepDays?: number;
  /**
   * Jobs taken per fetch, run one after another, each completed or failed (and retried) on its own.
   * pg-boss waits a polling interval after every fetch, so one job per fetch runs at most one job
   * per interval; a kind that comes in floods (mail to deliver, mail received) takes a batch, and
   * while batches come back full the next is fetched at once. Default 1.
   */
  batchSize?: number;
  /** Workers of this kind in each process (pg-boss localConcurrency): jobs that wait on I/O overlap. Default 1. */
  concurrency?: number;
  /**
   * Seconds an idle worker of this kind waits before it looks again (the start options' polling
   * interval by default, pg-boss's minimum 0.5): what a kind whose latency people feel sets low.
   */
  pollingSeconds?: number;
}

/** Describes a kind of job; the result goes into the list given to `startJobs`. */
export function defineJob<T extends object>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}

export interface SendOptions {
  /** Not before this moment (or this many seconds from now). */
  startAfter?: Date | number;
  /**
   * Exactly once per key: a second send with the same key (from any process, before or after a
   * restart) is a no-op while the first job is kept (`keepDays`). The job's id is derived from
   * kind and key, so the database's primary key decides, not a check in this process.
   */
  key?: string;
  /** Send inside the caller's transaction: the job exists if and only if the transaction commits. */
  tx?: Executor;
}

export interface Jobs {
  /**
   * Sends one job of a kind (its definition, or just its name where the handler is built
   * elsewhere); answers the job's id, or null when a job with the same key already exists.
   */
  send<T extends object>(kind: { name: string }, data: T, options?: SendOptions): Promise<string | null>;
  /** Stops fetching, waits for jobs in progress (up to `timeoutMs`), and lets go of the database. */
  stop(timeoutMs?: number): Promise<void>;
  /** The pg-boss instance, for inspection (tests, admin tooling). */
  readonly boss: PgBoss;
}

export interface JobsOptions {
  /** Seconds between polls for new jobs (pg-boss minimum 0.5); tests make it short. */
  pollingIntervalSeconds?: number;
  /** Process jobs here (default). Off: only send and schedule, e.g. a one-off command. */
  work?: boolean;
  /** Seconds between the checks for due cron schedules (1–45). */
  cronIntervalSeconds?: number;
}

const DEFAULT_RETRY: RetryPolicy = { limit: 5, delaySeconds: 30, backoff: true, maxDelaySeconds: 3600 };
const DEFAULT_KEEP_DAYS = 30;
// A fixed namespace for the ids of keyed jobs (UUID v5 of "name\nkey").
const KEY_NAMESPACE = '6f1c9d2e-5b7a-4e39-9a0c-1d2b3c4d5e6f';

const running = new WeakMap<Database, Jobs>();

/** The jobs started on this database in this process, if any. */
export function jobsFor(db: Database): Jobs | undefined {
  return running.get(db);
}

/** The id of the job of `name` for `key`: the same in every process. */
export function keyedJobId(name: string, key: string): string {
  return uuidv5(`${name}\n${key}`, KEY_NAMESPACE);
}

function queueOptions(definition: JobDefinition) {
  const retry = definition.retry ?? DEFAULT_RETRY;
  return {
    retryLimit: retry.limit,
    retryDelay: retry.delaySeconds,
    retryBackoff: retry.backoff ?? false,
    ...(retry.maxDelaySeconds ? { retryDelayMax: retry.maxDelaySeconds } : {}),
    expireInSeconds: definition.timeoutSeconds ?? 900,
    deleteAfterSeconds: (definition.keepDays ?? DEFAULT_KEEP_DAYS) * 86_400,
  };
}

/**
 * Starts pg-boss on the application's database (installing or migrating its schema), creates a
 * queue per definition, (re)writes their schedules and, unless `work` is off, starts a worker for
 * each. Call `stop()` before closing the database.
 */
export async function startJobs(
  database: DatabaseHandle,
  definitions: readonly JobDefinition[],
  log: JobLogger,
  options: JobsOptions = {},
): Promise<Jobs> {
  const names = new Set<string>();
  for (const definition of definitions) {
    if (names.has(definition.name)) throw new Error(`job ${definition.name} is defined twice`);
    names.add(definition.name);
  }
  const work = options.work ?? true;
  const boss = new PgBoss({
    db: { executeSql: (text, values) => database.executeSql(text, values) },
    backend: database.kind === 'pglite' ? 'pglite' : 'postgres',
    schedule: work,
    supervise: work,
    ...(options.cronIntervalSeconds
      ? {
          cronMonitorIntervalSeconds: options.cronIntervalSeconds,
          cronWorkerIntervalSeconds: options.cronIntervalSeconds,
        }
      : {}),
  });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  boss.on('warning', (warning) => log.warn({ warning }, 'job queue warning'));
  await boss.start();

  const jobs: Jobs = {
    boss,
    async send(kind, data, sendOptions = {}) {
      const bossOptions: BossSendOptions = {};
      if (sendOptions.startAfter !== undefined) bossOptions.startAfter = sendOptions.startAfter;
      if (sendOptions.key !== undefined) bossOptions.id = keyedJobId(kind.name, sendOptions.key);
      if (sendOptions.tx) bossOptions.db = fromDrizzle(sendOptions.tx as never, sql as never);
      return boss.send(kind.name, data, bossOptions);
    },
    async stop(timeoutMs = 10_000) {
      if (running.get(database.db) === jobs) running.delete(database.db);
      await boss.stop({ graceful: true, timeout: timeoutMs, close: true });
    },
  };

  for (const definition of definitions) {
    const existing = await boss.getQueue(definition.name);
    if (existing) await boss.updateQueue(definition.name, queueOptions(definition));
    else await boss.createQueue(definition.name, queueOptions(definition));
    if (definition.schedule) {
      await boss.schedule(definition.name, definition.schedule.cron, definition.schedule.data ?? {}, {
        tz: definition.schedule.tz ?? 'Europe/Stockholm',
      });
    } else if (existing) {
      // A definition that no longer has a schedule stops recurring.
      await boss.unschedule(definition.name);
    }
  }

  running.set(database.db, jobs);
  if (work) {
    for (const definition of definitions) {
      const run = async (job: { id: string; data: object; retryCount: number }) => {
        const context: JobContext = { database, log, jobs, id: job.id, attempt: job.retryCount };
        try {
          await definition.handler(job.data, context);
        } catch (error) {
          log.warn({ err: error, job: definition.name, id: job.id, attempt: job.retryCount }, 'job failed');
          throw error;
        }
      };
      const polling = Math.min(definition.pollingSeconds ?? 2, options.pollingIntervalSeconds ?? 2);
      const batchSize = definition.batchSize ?? 1;
      if (batchSize === 1) {
        await boss.work<object>(
          definition.name,
          { batchSize, pollingIntervalSeconds: polling },
          async ([job]) => {
            if (job) await run(job);
          },
        );
        continue;
      }
      await boss.work<object>(
        definition.name,
        { batchSize, perJobResults: true, burstWhenBatchFull: true, pollingIntervalSeconds: polling },
        async (batch) => {
          const results: JobResult[] = [];
          for (const job of batch) {
            try {
              await run(job);
              results.push({ id: job.id, status: 'completed' });
            } catch (error) {
              const failure = error instanceof Error ? error : new Error(String(error));
              results.push({
                id: job.id,
                status: 'failed',
                output: { message: failure.message, stack: failure.stack },
              });
            }
          }
          return results;
        },
      );
    }
  }
  return jobs;
}

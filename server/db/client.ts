import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
// The database layer knows no table: services import the tables they use from their own schema.ts
// (the platform's or a module's), and Drizzle's relational `db.query` API is not used.
export type Database = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Something that runs queries: the database or a transaction in it. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  kind: 'pglite' | 'pg';
  db: Database;
  /** Runs raw SQL text (several statements allowed); used by migrations and test set-up. */
  exec(sqlText: string): Promise<void>;
  /**
   * Raw SQL for the job queue (pg-boss's `db` option): parameters as `$1…` with `values`; without
   * values the text may hold several statements, and the rows of all of them are answered. Values
   * are passed and rows read the way node-postgres does (JSON as text in, timestamps as Date out),
   * which is what pg-boss expects.
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  close(): Promise<void>;
  /**
   * PGlite only: the whole database as a tarball, which `openDatabase`'s `loadDataDir` opens again.
   * The tests migrate one database and start each file from its copy (server/db/testing.ts).
   */
  dumpDataDir?(): Promise<Blob>;
  /** Statements issued through `db` so far: the N+1 guard of the hot-route tests reads it. */
  readonly queryCount: number;
  /**
   * Calls `fn` with the text of each statement issued through `db`, before it runs (the principal
   * cache drops its entries when this process itself changes who someone is). Returns the unsubscribe.
   */
  onStatement(fn: (sqlText: string) => void): () => void;
  /**
   * LISTEN on `channel`: `onPayload` for each notification, `onState(true)` once listening (again
   * after a lost connection), `onState(false)` as soon as the connection is lost. PostgreSQL
   * listens on a connection of its own, outside the pool. Resolves with the unlisten.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onState: (listening: boolean) => void,
  ): Promise<() => Promise<void>>;
}

/**
 * The rows of `db.execute(sql…)`: postgres.js answers an array of rows, PGlite an object with
 * `rows`. The one place that knows; callers of raw SQL use it instead of guessing.
 */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/** Counts statements through Drizzle's logger hook; cheaper than any per-request bookkeeping. */
function queryCounter() {
  const watchers = new Set<(sqlText: string) => void>();
  const counter = {
    count: 0,
    logger: {
      logQuery: (sqlText: string) => {
        counter.count++;
        for (const watch of watchers) watch(sqlText);
      },
    },
    onStatement(fn: (sqlText: string) => void) {
      watchers.add(fn);
      return () => void watchers.delete(fn);
    },
  };
  return counter;
}

/** How often the PostgreSQL listener proves its connection alive, and how long it may take. */
const LISTEN_HEARTBEAT_MS = 5_000;
const LISTEN_RETRY_MS = 250;

/**
 * LISTEN on a connection of its own that reports its state: postgres.js's `sql.listen` reconnects
 * silently, but a cache fed by notifications must know when it may have missed one. A heartbeat
 * catches a connection that died without closing (the socket would wait for TCP keep-alive).
 */
async function pgListen(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  onState: (listening: boolean) => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let current: postgres.Sql | undefined;
  let retry: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  const lost = (connection: postgres.Sql) => {
    if (connection !== current) return;
    current = undefined;
    clearInterval(heartbeat);
    onState(false);
    void connection.end({ timeout: 0 }).catch(() => {});
    if (!stopped) retry = setTimeout(() => void connect(), LISTEN_RETRY_MS);
  };
  const connect = async () => {
    const connection: postgres.Sql = postgres(url, {
      max: 1,
      idle_timeout: 0,
      max_lifetime: null,
      fetch_types: false,
      onnotice: () => {},
      onnotify: (c: string, payload: string) => {
        if (c === channel && connection === current) onPayload(payload);
      },
      onclose: () => lost(connection),
    } as postgres.Options<Record<string, never>>);
    current = connection;
    try {
      await connection.unsafe(`listen "${channel}"`);
    } catch {
      lost(connection);
      return;
    }
    if (connection !== current) return;
    onState(true);
    heartbeat = setInterval(() => {
      const timeout = new Promise((_, reject) => setTimeout(reject, LISTEN_HEARTBEAT_MS).unref());
      Promise.race([connection`select 1`, timeout]).catch(() => lost(connection));
    }, LISTEN_HEARTBEAT_MS);
    heartbeat.unref();
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    clearInterval(heartbeat);
    const connection = current;
    current = undefined;
    await connection?.end({ timeout: 1 });
  };
}

/**
 * The postgres.js client with every statement prepared (Drizzle prepares only those given a name).
 * postgres.js keeps each connection's prepared statements by their text and parameter types, so a
 * repeated query is neither parsed nor planned again, and it needs one round trip where an
 * unprepared query with parameters needs two (postgres.js asks for the parameter types first).
 * Transactions get a client of their own from `begin`, wrapped the same way.
 */
function preparing(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (text: string, params?: unknown[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(text, params as never, { ...options, prepare: true });
      }
      if (property === 'begin') {
        return (...args: unknown[]) => {
          const work = args.pop() as (sql: postgres.Sql) => unknown;
          return (target.begin as (...a: unknown[]) => unknown)(...args, (sql: postgres.Sql) =>
            work(preparing(sql)),
          );
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/**
 * A query built and prepared once per database (and per `shape`: which optional filters a list
 * query has) instead of on every request. Drizzle spends more CPU composing a query than the driver
 * spends sending it, and a prepared statement is not planned again: for the routes that run on
 * every request (the session lookup, one record by id, a page of a list) that is most of their
 * cost. `build` takes every value as a placeholder; the caller gives them to `execute`.
 */
export function preparedQuery<Q, S extends Record<string, boolean> = Record<string, boolean>>(
  build: (db: Database, shape: S) => Q,
): (db: Database, shape?: S) => Q {
  const prepared = new WeakMap<Database, Map<string, Q>>();
  return (db, shape = {} as S) => {
    let queries = prepared.get(db);
    if (!queries) {
      queries = new Map();
      prepared.set(db, queries);
    }
    const key = JSON.stringify(shape);
    let query = queries.get(key);
    if (!query) {
      query = build(db, shape);
      queries.set(key, query);
    }
    return query;
  };
}

export type DatabaseTarget =
  | { kind: 'pg'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

/** Opens PostgreSQL when a URL is given, else the embedded PGlite in `dataDir` (in memory without one). */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'pg') {
    // postgres.js, not node-postgres: it pipelines the queries that wait for a connection and
    // writes those of one tick in one system call, which is most of a request's cost here.
    const client = postgres(target.url, {
      max: target.poolSize ?? 10,
      onnotice: () => {},
    });
    await client`select 1`;
    const counter = queryCounter();
    // The job queue gets a small client of its own, opened at its first statement: Drizzle changes
    // the type handling of the client it is given (timestamps stay text, JSON goes in unchanged),
    // and pg-boss reads timestamps as Date and sends JSON already serialised.
    let jobsClient: postgres.Sql | undefined;
    const jobs = () => {
      if (!jobsClient) {
        jobsClient = postgres(target.url, { max: 3, onnotice: () => {} });
        const asText = (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x));
        jobsClient.options.serializers[114] = asText;
        jobsClient.options.serializers[3802] = asText;
      }
      return jobsClient;
    };
    return {
      kind: 'pg',
      db: drizzlePostgres({
        client: preparing(client),
        logger: counter.logger,
      }) as unknown as Database,
      get queryCount() {
        return counter.count;
      },
      onStatement: counter.onStatement,
      listen: (channel, onPayload, onState) => pgListen(target.url, channel, onPayload, onState),
      exec: async (text) => {
        await client.unsafe(text);
      },
      executeSql: async (text, values) => {
        if (values?.length) return { rows: await jobs().unsafe(text, values as never) };
        // Without values the text may be several statements, some in BEGIN … COMMIT: those need
        // one connection to themselves, which postgres.js insists on (a reserved one).
        const connection = await jobs().reserve();
        try {
          const result: unknown[] = await connection.unsafe(text);
          // Several statements answer one row list each.
          const rows = result.length > 0 && result.every(Array.isArray) ? result.flat() : result;
          return { rows: rows as Record<string, unknown>[] };
        } finally {
          connection.release();
        }
      },
      close: async () => {
        await jobsClient?.end({ timeout: 5 });
        await client.end({ timeout: 5 });
      },
    };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  // pg_trgm backs the people search index (migration 0002); the server has it as contrib.
  const client = await PGlite.create(target.dataDir, {
    extensions: { pg_trgm },
    ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
  });
  const counter = queryCounter();
  return {
    kind: 'pglite',
    db: drizzlePglite({ client, logger: counter.logger }) as unknown as Database,
    get queryCount() {
      return counter.count;
    },
    onStatement: counter.onStatement,
    // One connection in this process: a notification arrives with the answer to the statement
    // that committed it, and the connection cannot be lost apart from the database.
    listen: async (channel, onPayload, onState) => {
      const unlisten = await client.listen(channel, onPayload);
      onState(true);
      return () => unlisten();
    },
    exec: async (text) => {
      await client.exec(text);
    },
    executeSql: async (text, values) => {
      try {
        // `query` runs one statement with parameters; `exec` runs several without.
        if (values?.length) return { rows: (await client.query<Record<string, unknown>>(text, values)).rows };
        const results = await client.exec(text);
        return { rows: results.flatMap((r) => r.rows as Record<string, unknown>[]) };
      } catch (error) {
        // PGlite is one connection: a statement that failed inside pg-boss's BEGIN … COMMIT would
        // leave every later statement in an aborted transaction, where a pool would have moved on.
        // Drizzle's transactions hold PGlite's lock, so this never ends one of theirs.
        await client.query('rollback').catch(() => {});
        throw error;
      }
    },
    dumpDataDir: async () => {
      const dump = await client.dumpDataDir('none');
      return dump instanceof Blob ? dump : new Blob([dump]);
    },
    close: () => client.close(),
  };
}

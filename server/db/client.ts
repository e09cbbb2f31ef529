import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Something that runs queries: the database or a transaction in it. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  kind: 'pglite' | 'pg';
  db: Database;
  /** Runs raw SQL text (several statements allowed); used by migrations and test set-up. */
  exec(sqlText: string): Promise<void>;
  close(): Promise<void>;
  /** Statements issued through `db` so far: the N+1 guard of the hot-route tests reads it. */
  readonly queryCount: number;
}

/** Counts statements through Drizzle's logger hook; cheaper than any per-request bookkeeping. */
function queryCounter() {
  const counter = { count: 0, logger: { logQuery: () => void counter.count++ } };
  return counter;
}

export type DatabaseTarget =
  | { kind: 'pg'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir?: string };

/** Opens PostgreSQL when a URL is given, else the embedded PGlite in `dataDir` (in memory without one). */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'pg') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // A pool error on an idle client must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    await pool.query('select 1');
    const counter = queryCounter();
    return {
      kind: 'pg',
      db: drizzlePg({ client: pool, schema, logger: counter.logger }) as unknown as Database,
      get queryCount() {
        return counter.count;
      },
      exec: async (text) => {
        await pool.query(text);
      },
      close: () => pool.end(),
    };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  // pg_trgm backs the people search index (migration 0002); the server has it as contrib.
  const client = await PGlite.create(target.dataDir, { extensions: { pg_trgm } });
  const counter = queryCounter();
  return {
    kind: 'pglite',
    db: drizzlePglite({ client, schema, logger: counter.logger }) as unknown as Database,
    get queryCount() {
      return counter.count;
    },
    exec: async (text) => {
      await client.exec(text);
    },
    close: () => client.close(),
  };
}

// A fresh database for one benchmark run, on PostgreSQL (a database of its own on the local
// server, dropped and created again) or on PGlite (a new temporary directory), with what the
// server child and the product's boot need to find it. Every benchmark opens its databases here.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onServer } from '../server/db/admin.ts';
import { type DatabaseHandle, openDatabase } from '../server/db/client.ts';

export type BenchKind = 'pg' | 'pglite';

/** The server the PostgreSQL runs use; its own database is made there per run. */
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Keep the databases (for EXPLAIN ANALYZE afterwards) instead of dropping them. */
export const KEEP = process.env.BENCH_KEEP === '1';

export interface BenchDatabase {
  kind: BenchKind;
  /** The PostgreSQL database's URL, or the PGlite directory. */
  where: string;
  /** For the server child, bench/platform-server.ts. */
  serverEnv: Record<string, string>;
  /** For the product's own boot (server/boot.ts): DATABASE_URL or DATA_DIR. */
  bootEnv: Record<string, string>;
  open(poolSize?: number): Promise<DatabaseHandle>;
  /** Drops the database or removes the directory, unless BENCH_KEEP=1 keeps it. */
  dispose(): Promise<void>;
}

/** `name` is the PostgreSQL database (styrbord_bench_…) and the PGlite directory's prefix. */
export async function benchDatabase(kind: BenchKind, name: string): Promise<BenchDatabase> {
  if (kind === 'pg') {
    await onServer(PG_ADMIN_URL, [`drop database if exists ${name} with (force)`, `create database ${name}`]);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    const where = url.toString();
    return {
      kind,
      where,
      serverEnv: { BENCH_DB_KIND: 'pg', BENCH_DB_URL: where },
      bootEnv: { DATABASE_URL: where },
      open: (poolSize = 4) => openDatabase({ kind: 'pg', url: where, poolSize }),
      async dispose() {
        if (KEEP) console.log(`· kept database ${name} (BENCH_KEEP=1)`);
        else await onServer(PG_ADMIN_URL, [`drop database if exists ${name} with (force)`]);
      },
    };
  }
  const where = mkdtempSync(join(tmpdir(), `${name.replaceAll('_', '-')}-`));
  return {
    kind,
    where,
    serverEnv: { BENCH_DB_KIND: 'pglite', BENCH_DATA_DIR: where },
    bootEnv: { DATA_DIR: where, DATABASE_URL: '' },
    open: () => openDatabase({ kind: 'pglite', dataDir: where }),
    async dispose() {
      if (KEEP) console.log(`· kept PGlite directory ${where} (BENCH_KEEP=1)`);
      else rmSync(where, { recursive: true, force: true });
    },
  };
}

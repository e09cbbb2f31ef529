import { readFileSync } from 'node:fs';
import { describe, inject, it } from 'vitest';
import { onServer } from './admin.ts';
import { type DatabaseHandle, openDatabase } from './client.ts';
import { migrate } from './migrate.ts';

// A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
// on the PostgreSQL server of TEST_DATABASE_URL when TEST_DB=pg. Real databases, never mocks.

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function testDatabaseKind(): 'pg' | 'pglite' {
  return process.env.TEST_DB === 'pg' ? 'pg' : 'pglite';
}

export interface TestDatabase extends DatabaseHandle {
  /** The connection URL (PostgreSQL only), for tests that start the server as a process. */
  url?: string;
  /** Closes and, on PostgreSQL, drops the database. */
  dispose(): Promise<void>;
}

/**
 * A copy of the migrated database the integration project's global setup made (server/db/test-setup.ts);
 * migrated here from nothing when there is none (a file run by another runner, or the setup's own).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind() === 'pglite') {
    const template = inject('pgliteTemplate');
    const handle = await openDatabase({
      kind: 'pglite',
      ...(template ? { loadDataDir: new Blob([readFileSync(template)]) } : {}),
    });
    // A no-op on the copy (every migration is recorded as applied).
    await migrate(handle);
    return Object.assign(Object.create(handle) as DatabaseHandle, { dispose: () => handle.close() });
  }
  const name = `styrbord_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const template = inject('pgTemplate');
  await onServer(TEST_DATABASE_URL, [`create database ${name}${template ? ` template ${template}` : ''}`]);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'pg', url: url.toString(), poolSize: 5 });
  await migrate(handle);
  return Object.assign(Object.create(handle) as DatabaseHandle, {
    url: url.toString(),
    dispose: async () => {
      await handle.close();
      await onServer(TEST_DATABASE_URL, [`drop database if exists ${name} with (force)`]);
    },
  });
}

/**
 * `it` on one kind of database only: a test of PostgreSQL's own behaviour (two processes on one
 * server, LISTEN from another connection) exists in that suite alone instead of showing as
 * skipped in the other, where its subject does not exist.
 */
export function itOn(kind: 'pg' | 'pglite'): typeof it | ((...args: unknown[]) => void) {
  return testDatabaseKind() === kind ? it : () => {};
}

/** `describe` on one kind of database only (see itOn). */
export function describeOn(kind: 'pg' | 'pglite'): typeof describe | ((...args: unknown[]) => void) {
  return testDatabaseKind() === kind ? describe : () => {};
}

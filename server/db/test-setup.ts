import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { onServer } from './admin.ts';
import { openDatabase } from './client.ts';
import { migrate } from './migrate.ts';
import { TEST_DATABASE_URL, testDatabaseKind } from './testing.ts';

// Once per integration run: one database migrated, which every test file's database starts as a
// copy of (createTestDatabase). Opening a fresh PGlite and running the migrations took 3–10 s a
// file, loading the copy takes about one; on PostgreSQL a database made from a template is a file
// copy instead of thirty migrations.

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: the file holding the migrated database's tarball (dumpDataDir). */
    pgliteTemplate?: string;
    /** PostgreSQL: the name of the migrated template database on the TEST_DATABASE_URL server. */
    pgTemplate?: string;
  }
}

export default async function setup(project: TestProject) {
  if (testDatabaseKind() === 'pglite') {
    const handle = await openDatabase({ kind: 'pglite' });
    await migrate(handle);
    const dump = await handle.dumpDataDir!();
    await handle.close();
    const dir = mkdtempSync(join(tmpdir(), 'styrbord-template-'));
    const file = join(dir, 'migrated.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide('pgliteTemplate', file);
    return () => rmSync(dir, { recursive: true, force: true });
  }
  const name = `styrbord_template_${process.pid}`;
  await onServer(TEST_DATABASE_URL, [
    `drop database if exists ${name} with (force)`,
    `create database ${name}`,
  ]);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'pg', url: url.toString(), poolSize: 1 });
  await migrate(handle);
  // A template must have no connection open while a database is made from it.
  await handle.close();
  project.provide('pgTemplate', name);
  return () => onServer(TEST_DATABASE_URL, [`drop database if exists ${name} with (force)`]);
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/postgres-js/migrator';
import { type DatabaseHandle, rowsOf } from './client.ts';

export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Applies every committed migration not yet applied. Safe to run at each start. */
export async function migrate(handle: DatabaseHandle): Promise<void> {
  // Both migrators take a lock-free path; one process migrates at start (see main.ts).
  if (handle.kind === 'pg') await migratePg(handle.db as never, { migrationsFolder });
  else await migratePglite(handle.db as never, { migrationsFolder });
}

/** How many committed migrations are not applied yet; /api/ready wants zero. */
export async function pendingMigrations(handle: DatabaseHandle): Promise<number> {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: unknown[];
  };
  try {
    const rows = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    const n = Number(rowsOf<{ n: number }>(rows)[0]?.n ?? 0);
    return journal.entries.length - n;
  } catch {
    return journal.entries.length;
  }
}

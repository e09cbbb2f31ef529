import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Config, ConfigError, loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { productSeam } from '../server/modules.ts';
import { loadDemo } from '../server/platform/directory/demo.ts';

// `npm run demo:reset`: throws away the whole database of this installation and loads the demo
// municipality again. PGlite: the data directory is deleted and recreated. PostgreSQL: the schemas
// `public` (all tables) and `drizzle` (the migration journal) are dropped; schemas that later
// modules add outside `public` belong in DROPPED_SCHEMAS too. Refuses when DEMO_DATA=false, the
// setting of a production installation, and on PostgreSQL unless DEMO_DATA=true.

const DROPPED_SCHEMAS = ['drizzle', 'public'];

function fail(message: string, code = 1): never {
  console.error(`demo:reset: ${message}`);
  process.exit(code);
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message, 2);
  throw error;
}
if (config.demoData === false) fail('DEMO_DATA=false marks a production installation; nothing was changed');
if (config.database.kind === 'pg' && config.demoData !== true) {
  fail(
    'on PostgreSQL, set DEMO_DATA=true to confirm that this database may be replaced; nothing was changed',
  );
}

const started = performance.now();
let database: Awaited<ReturnType<typeof openDatabase>>;
if (config.database.kind === 'pglite') {
  const dataDir = resolve(config.database.dataDir);
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0 && !existsSync(join(dataDir, 'PG_VERSION'))) {
    // A wrong DATA_DIR must not delete someone's files.
    fail(`${dataDir} is not empty and is not a PGlite data directory (no PG_VERSION); nothing was deleted`);
  }
  console.log(
    `demo:reset: deleting every record in the PGlite data directory ${dataDir} (stop the server first)`,
  );
  rmSync(dataDir, { recursive: true, force: true });
  database = await openDatabase({ kind: 'pglite', dataDir });
  console.log(`demo:reset: removed and recreated ${dataDir}`);
} else {
  const shown = new URL(config.database.url);
  if (shown.password) shown.password = '***';
  console.log(`demo:reset: deleting every record in the PostgreSQL database ${shown}`);
  database = await openDatabase({ kind: 'pg', url: config.database.url, poolSize: 1 }).catch((error: Error) =>
    fail(`cannot open the database: ${error.message}`),
  );
  await database.exec(
    `${DROPPED_SCHEMAS.map((s) => `drop schema if exists ${s} cascade;`).join(' ')} create schema public;`,
  );
  console.log(`demo:reset: dropped schemas ${DROPPED_SCHEMAS.join(', ')} and recreated public`);
}

try {
  await migrate(database);
  console.log('demo:reset: migrated');
  const loading = performance.now();
  await loadDemo(database.db, productSeam());
  console.log(
    `demo:reset: loaded Styrby kommun and Grannby kommun in ${Math.round(performance.now() - loading)} ms ` +
      `(${Math.round(performance.now() - started)} ms in all)`,
  );
  console.log(
    'demo:reset: sign in with password "demo" as admin@styrbord.example, medarbetare@styrbord.example',
  );
  console.log('            or admin@grannkommun.example (more in server/platform/directory/demo.ts)');
} finally {
  await database.close();
}

import { existsSync, readdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { buildApp } from './app.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { openDatabase, rowsOf } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { tenants } from './platform/directory/schema.ts';
import { startJobs } from './platform/jobs/jobs.ts';
import { platformJobs } from './platform/jobs/platform-jobs.ts';
import type { RunningListener } from './platform/seam.ts';

// Reads config, opens the database, migrates, loads the demo municipality into an empty
// database, starts the jobs, serves HTTP, and on SIGINT/SIGTERM drains requests, stops the jobs
// and closes the database.

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Styrbord cannot start: ${error.message}`);
    process.exit(2);
  }
  throw error;
}

const started = performance.now();
// Demo data only where asked for (DEMO_DATA=true), or by default where nobody can lose anything: a
// PGlite directory with no database yet, which is what `npm ci && npm start` on a fresh clone has.
// A PostgreSQL server or an existing PGlite database never gets the demo by accident.
const demoData =
  config.demoData ??
  (config.database.kind === 'pglite' &&
    (!existsSync(config.database.dataDir) || readdirSync(config.database.dataDir).length === 0));

// With DATABASE_MIGRATION_URL the migrations run as the owner of the tables and the app as the
// less privileged role of DATABASE_URL (README: "A database role for the app").
if (config.database.kind === 'pg' && config.database.migrationUrl) {
  const owner = await openDatabase({ kind: 'pg', url: config.database.migrationUrl, poolSize: 1 }).catch(
    (error: Error) => {
      console.error(`Styrbord cannot open the database (DATABASE_MIGRATION_URL): ${error.message}`);
      process.exit(1);
    },
  );
  await migrate(owner);
  await owner.close();
}
const database = await openDatabase(
  config.database.kind === 'pg'
    ? { kind: 'pg', url: config.database.url, poolSize: config.database.poolSize }
    : { kind: 'pglite', dataDir: config.database.dataDir },
).catch((error: Error) => {
  console.error(`Styrbord cannot open the database: ${error.message}`);
  process.exit(1);
});
if (config.database.kind === 'pglite' || !config.database.migrationUrl) await migrate(database);

const app = await buildApp({ config, database, serveWeb: true });
let demoLoaded = false;
if (demoData) {
  const [any] = await database.db.select({ id: tenants.id }).from(tenants).limit(1);
  if (!any) {
    const { loadDemo } = await import('./platform/directory/demo.ts');
    await loadDemo(database.db, app.seam);
    demoLoaded = true;
  }
}
// Durable jobs (pg-boss, in the same database): housekeeping and mail now, modules' jobs later.
const jobs = await startJobs(database, [...platformJobs(config, app.seam), ...app.seam.jobs], app.log);
// Listeners besides HTTP (the desk's inbound SMTP when MAIL_INBOUND_PORT is set), after the jobs:
// what they accept queues work.
const listeners: (RunningListener & { name: string })[] = [];
for (const listener of app.seam.listeners) {
  const running = await listener.start({ db: database.db, config, log: app.log });
  if (running) listeners.push({ name: listener.name, ...running });
}
await app.listen({ port: config.port, host: config.host });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const url = config.publicUrl.replace(`:${config.port}`, `:${port}`);

// Installed before the ready line, so that a signal right after it finds the handler.
let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing requests and closing the database`);
  const force = setTimeout(() => process.exit(1), 15_000);
  force.unref();
  // Listeners first: a mail is acknowledged only once stored, so one cut off is sent again.
  await Promise.all(listeners.map((l) => l.close()));
  await app.close(); // stops accepting, waits for requests in flight
  await jobs.stop(10_000); // waits for jobs in progress; the rest wait in the database
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

const [{ n: tenantCount } = { n: 0 }] = rowsOf<{ n: number }>(
  await database.db.execute(sql`select count(*)::int as n from tenants`),
);
// The sign-ins are printed at every start of a demo installation, not only the first.
const [demoAdmin] =
  config.demoData === false || demoLoaded
    ? []
    : rowsOf(
        await database.db.execute(sql`select 1 from people where email = 'admin@styrbord.example' limit 1`),
      );
// One write, so that whoever waits for the ready line reads the sign-ins with it.
console.log(
  [
    `Styrbord is ready at ${url} (${database.kind}, ${tenantCount} tenant(s), ${Math.round(performance.now() - started)} ms)`,
    ...listeners.map((l) => `${l.name} listening on ${l.address}`),
    ...(demoLoaded || demoAdmin
      ? [
          `${demoLoaded ? 'Demo municipality loaded. ' : ''}Demo sign-ins (password "demo"):`,
          '  admin@styrbord.example        admin',
          '  medarbetare@styrbord.example  employee',
          '  admin@grannkommun.example     admin of the neighbouring municipality',
          '  kjell.bergqvist@grannby.example  in both municipalities: asks which one',
          '  karin.wester@styrby.example   information security coordinator (reads every classification)',
          '  niklas.wallin@styrby.example  systemförvaltare of Barn- och elevhälsans journal',
        ]
      : []),
  ].join('\n'),
);

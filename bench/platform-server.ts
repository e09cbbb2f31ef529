// The server side of bench/platform.ts, run as a child process so the load generator (autocannon,
// in the parent) and the server do not share one event loop. The real app from buildApp, on the
// database the parent prepared, with one extra route that exists only here:
// GET /api/v1/bench/empty — authenticated like every /api/v1 route (session lookup + grants),
// then answers {} without touching the database. It is the ceiling the other routes are held to.
// And a bare Fastify instance on a port of its own (GET /bare: no plugins, no hooks, answers {}),
// in this same process and event loop: the framework's floor, so that the platform's own cost per
// request (hooks, cookie, identification, headers) shows as the difference.
//
// Talks to the parent over IPC: sends { port } once listening; answers 'count' with the number
// of SQL statements sent through the app's database handle so far (DatabaseHandle.queryCount);
// closes the app and the database on 'stop' or when the parent goes.

import Fastify from 'fastify';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';

const kind = process.env.BENCH_DB_KIND;
const config = loadConfig({
  LOG_LEVEL: 'silent',
  DEMO_DATA: 'false',
  HOST: '127.0.0.1',
  PORT: '0',
  DATABASE_URL: kind === 'pg' ? process.env.BENCH_DB_URL : undefined,
  DATA_DIR: kind === 'pglite' ? process.env.BENCH_DATA_DIR : undefined,
  DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE,
});
const database = await openDatabase(
  config.database.kind === 'pg'
    ? { kind: 'pg', url: config.database.url, poolSize: config.database.poolSize }
    : { kind: 'pglite', dataDir: config.database.dataDir },
);
// BENCH_SERVE_WEB=1: also serve the built web app (dist/app), for the browser figures of bench/registry.ts.
const app = await buildApp({
  config,
  database,
  logger: false,
  serveWeb: process.env.BENCH_SERVE_WEB === '1',
});
// For comparison (bench/platform.ts): every request identified from the database, as before the cache.
if (process.env.BENCH_PRINCIPAL_CACHE === 'off') {
  const { principalCacheOf } = await import('../server/platform/auth/cache.ts');
  const cache = principalCacheOf(database.db)!;
  Object.defineProperty(cache, 'listening', { get: () => false, set: () => {} });
}
// buildApp returns before app.ready(), so a route can still be added here.
app.get('/api/v1/bench/empty', { config: { authorize: () => true } }, async () => ({}));
await app.listen({ port: 0, host: '127.0.0.1' });
const bare = Fastify({ logger: false });
bare.get('/bare', async () => ({}));
await bare.listen({ port: 0, host: '127.0.0.1' });
const portOf = (server: typeof app.server) => {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
};
process.send?.({ port: portOf(app.server), barePort: portOf(bare.server) });

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await bare.close();
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('message', (message) => {
  if (message === 'count') process.send?.({ statements: database.queryCount });
  if (message === 'stop') void stop();
});
process.on('disconnect', () => void stop());
process.on('SIGTERM', () => void stop());

import { defineConfig } from 'vitest/config';

// Three projects, run in this order by `npm test` (scripts/test.ts):
// unit (pure functions), integration (the API on a real database: PGlite, then PostgreSQL with
// TEST_DB=pg) and e2e (the built app in Chromium).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'server/**/*.unit.test.ts', 'app/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['server/**/*.test.ts'],
          exclude: ['server/**/*.unit.test.ts'],
          // Migrates one database; each file's database is a copy of it (server/db/testing.ts).
          globalSetup: ['server/db/test-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Vitest's default is one worker fewer than the cores: on a 2-core runner that is one file
          // at a time. A file here waits much of its time (on the PostgreSQL server, on a job's poll,
          // on a child process), so one worker per core keeps both cores busy.
          maxWorkers: '100%',
          // The files share a worker's loaded modules instead of each importing the whole server
          // again (about 5 s a file, most of the suite's time). Nothing a file needs lives in a
          // module's state: every cache is keyed by its database, and each file has its own.
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          // Loads the demo once; each file's server starts on a copy (e2e/support.ts startServer).
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

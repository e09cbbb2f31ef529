// `npm test`: every suite in order — lint and types, unit, integration on PGlite, the same integration suite on
// PostgreSQL, and the browser end-to-end suite — then one closing line with the totals.
//
// PostgreSQL comes from TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).
// When none is reachable the run says so in one line and goes on; under CI=true it fails.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onServer } from '../server/db/admin.ts';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ci = process.env.CI === 'true' || process.env.CI === '1';

function postgresReachable(): Promise<boolean> {
  return onServer(url, ['select 1'], 3).then(
    () => true,
    () => false,
  );
}

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}
const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
let failedSuites = 0;

function run(label: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n=== ${label} ===`);
  const dir = mkdtempSync(join(tmpdir(), 'styrbord-test-'));
  const report = join(dir, 'report.json');
  const result = spawnSync(
    'npx',
    ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
  try {
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numTotalTests: number;
    };
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
    totals.skipped += json.numPendingTests + json.numTodoTests;
    if (json.numTotalTests === 0) {
      console.log(`${label}: no tests ran`);
      failedSuites++;
    }
  } catch {
    console.log(`${label}: no test report (the runner failed before reporting)`);
  }
  if (result.status !== 0) failedSuites++;
  rmSync(dir, { recursive: true, force: true });
}

const only = process.argv[2];
const want = (name: string) => !only || only === name;

/** A check without a test count (lint, types): it passes or it fails the run. */
function check(label: string, command: string, args: string[]) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) failedSuites++;
}

if (want('static')) {
  check('lint and format (Biome)', 'npx', ['biome', 'check', '.']);
  check('types (tsc)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
}
if (want('unit')) run('unit', ['--project', 'unit']);
if (want('pglite')) run('integration on PGlite', ['--project', 'integration'], { TEST_DB: 'pglite' });
if (want('pg')) {
  if (await postgresReachable()) {
    run(`integration on PostgreSQL (${url.replace(/\/\/[^@]*@/, '//')})`, ['--project', 'integration'], {
      TEST_DB: 'pg',
      TEST_DATABASE_URL: url,
    });
  } else if (ci) {
    console.log(`PostgreSQL is not reachable at ${url}: CI requires it, so this run fails.`);
    failedSuites++;
  } else {
    console.log(`PostgreSQL is not reachable at ${url}: skipping the PostgreSQL integration suite.`);
  }
}
if (want('e2e')) {
  console.log('\n=== building the web app for e2e ===');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (build.status !== 0) failedSuites++;
  else run('end-to-end in Chromium', ['--project', 'e2e']);
}

console.log(
  `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(failedSuites > 0 || totals.failed > 0 ? 1 : 0);

// Load helpers of the HTTP benchmarks: the app in a child process (bench/platform-server.ts, so
// the load generator and the server do not share an event loop), sign-in, autocannon at
// saturation, a paced open loop, and waiting for the server to drain between runs. The desk's
// and registry benchmarks use them; bench/platform.ts still carries its own variants (its drain
// signs its requests, its runs count the statements sent).

import { type ChildProcess, fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import autocannon, { type AutocannonRequestSpec } from 'autocannon';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverScript = fileURLToPath(new URL('./platform-server.ts', import.meta.url));

export interface LoadOptions {
  connections: number;
  seconds: number;
}

export interface Server {
  port: number;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();

/** Kills every server child still running (on SIGINT or a failed run). */
export function killServers() {
  for (const child of children) child.kill('SIGKILL');
}

export async function startServer(env: Record<string, string>): Promise<Server> {
  const child = fork(serverScript, [], {
    cwd: root,
    env: { ...process.env, ...env },
    // BENCH_PROF=<dir>: a CPU profile of the server child, written there when it stops.
    execArgv: process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : undefined,
    execPath: process.execPath,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const { port } = await new Promise<{ port: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port: number }));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code} before listening`)));
  });
  return {
    port,
    stop: async () => {
      if (child.connected) child.send('stop');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
      clearTimeout(timer);
    },
  };
}

/** Signs in; answers the session's cookies (one header, and each for a browser) and CSRF token. */
export async function session(port: number, email: string, password: string) {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: cookies.join('; '), cookies, csrfToken };
}

/** Signs in; answers the headers of an authenticated JSON client (cookie and CSRF token). */
export async function signIn(port: number, email: string, password: string) {
  const { cookie, csrfToken } = await session(port, email, password);
  return { cookie, 'x-csrf-token': csrfToken, accept: 'application/json' };
}

export interface Saturated {
  rps: number;
  p99: number;
  bad: number;
}

/** Requests per second at saturation over `connections` for `seconds`. */
export async function saturate(
  port: number,
  headers: Record<string, string>,
  requests: AutocannonRequestSpec[],
  options: LoadOptions,
): Promise<Saturated> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: options.connections,
    duration: options.seconds,
    headers,
    requests,
  });
  await drain(port);
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors + result.timeouts,
  };
}

export interface Paced {
  p50: number;
  p99: number;
  bad: number;
  rate: number;
}

/** Open loop at `rate` req/s, each latency counted from when the request was due. */
export async function paced(
  port: number,
  headers: Record<string, string>,
  path: () => string,
  rate: number,
  options: LoadOptions,
): Promise<Paced> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let bad = 0;
  const total = Math.round(rate * options.seconds);
  const start = performance.now() + 20;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      new Promise<void>((resolve) => {
        const request = http.get(
          { host: '127.0.0.1', port, path: path(), headers, agent, timeout: 10_000 },
          (res) => {
            res.resume();
            res.on('end', () => {
              if ((res.statusCode ?? 0) >= 300) bad++;
              latencies.push(performance.now() - due);
              resolve();
            });
          },
        );
        request.on('timeout', () => request.destroy(new Error('timeout')));
        request.on('error', () => {
          bad++;
          resolve();
        });
      }),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  await drain(port);
  return { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), bad, rate };
}

export function quantile(values: number[], q: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

/** Waits until a database round trip (/api/ready) is quick again: nothing left queued. */
export async function drain(port: number) {
  const until = performance.now() + 60_000;
  let quick = 0;
  while (quick < 3 && performance.now() < until) {
    const started = performance.now();
    const ok = await fetch(`http://127.0.0.1:${port}/api/ready`, { signal: AbortSignal.timeout(10_000) })
      .then((r) => r.ok)
      .catch(() => false);
    quick = ok && performance.now() - started < 50 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 50));
  }
}

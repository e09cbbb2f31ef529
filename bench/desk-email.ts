// The `email` section of `npm run bench:desk` (issue 13, Performance: "100 messages/s ingested with
// none lost or duplicated, also when the process is killed mid-ingest and restarted").
//
// For each database kind (BENCH_DB, pg and pglite):
//   1. a fresh database (PostgreSQL: `styrbord_bench_mail`, dropped at the end; PGlite: a temp dir),
//      migrated; a tenant with the desk address servicedesk@bench.example, a first-line group and
//      BENCH_MAIL_SENDERS (500) people who send (set-up: the people inserted directly, the rest
//      through the services);
//   2. the real server (`node server/boot.ts`, as `npm start` runs it) in a CHILD PROCESS with
//      MAIL_INBOUND_PORT set, and SMTP_URL pointing at a sink in this process that takes the
//      confirmations the desk sends (each answers, In-Reply-To, the mail whose ticket it confirms).
//      The client is nodemailer with a pool of BENCH_MAIL_CONNECTIONS (10) connections; a mail that
//      fails is sent again after a pause, as a mail server's queue does; Message-IDs and titles are
//      unique per mail, 10 % carry a 20 kB PDF. After each run the bench waits until the desk has
//      read everything it stored (its inbox, asked over HTTP as an admin, has nothing `received`);
//   3. the limit, measured in the same run: a bare smtp-server that keeps nothing (bench/smtp-discard.ts,
//      a child process too), BENCH_MAIL_BURST (1000) mails as fast as the client sends them; then
//      the same burst to the desk's listener: accepted/s (stored raw with its job, committed before
//      "250 OK"), its ratio to the limit, and the tickets/s it was read at;
//   4. paced: BENCH_MAIL_RATE (100) mails/s for BENCH_MAIL_SECONDS (10) s, evenly (open loop, each
//      latency counted from when the mail was due): accepted/s, accept latency p50/p99, stored →
//      ticket p50/p99 (from the rows' received_at and parsed_at), and sent → confirmation received;
//   5. killed: the same paced run, the server SIGKILLed half-way and started again at once; the
//      client's retries deliver what was refused or cut off, and 20 mails already accepted are sent
//      once more on purpose (a sender that did not see our "250 OK");
//   6. the server stopped, the database opened here: per run, tickets made = distinct Message-IDs
//      sent, none twice (title per mail), nothing left unread.
// Targets (both kinds): every run: every mail a ticket, none twice, nothing left unread; paced:
// accepted at ≥ 98 % of the rate, and stored → ticket p99 under 5 s (the desk keeps up rather than
// building a backlog; from the rows' received_at and parsed_at); killed: all read after the
// restart. The listener's burst accept rate is printed as a ratio to the bare SMTP server, the
// paced rate as a ratio to the burst rate, and the end-to-end latency to the confirmation (with
// the outbound mail) for information.
//
// Environment: BENCH_DB (pg,pglite), BENCH_PG_URL, BENCH_MAIL_RATE, BENCH_MAIL_SECONDS,
// BENCH_MAIL_BURST, BENCH_MAIL_CONNECTIONS, BENCH_MAIL_SENDERS, BENCH_SERVER_EXEC_ARGV.

import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { like, sql } from 'drizzle-orm';
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { type DatabaseHandle, rowsOf } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { createGroup } from '../server/modules/desk/groups/service.ts';
import { inboundMail } from '../server/modules/desk/mail/schema.ts';
import { updateMailSettings } from '../server/modules/desk/mail/service.ts';
import { tickets } from '../server/modules/desk/tickets/schema.ts';
import { setPassword } from '../server/platform/auth/service.ts';
import { systemActor } from '../server/platform/context.ts';
import { people } from '../server/platform/directory/schema.ts';
import * as directory from '../server/platform/directory/service.ts';
import { newId } from '../server/platform/ids.ts';
import { type BenchDatabase, benchDatabase } from './database.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const KINDS = (process.env.BENCH_DB ?? 'pg,pglite').split(',').map((k) => k.trim()) as ('pg' | 'pglite')[];
const DB_NAME = 'styrbord_bench_mail';
const RATE = Number(process.env.BENCH_MAIL_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_MAIL_SECONDS ?? 10);
const BURST = Number(process.env.BENCH_MAIL_BURST ?? 1000);
const CONNECTIONS = Number(process.env.BENCH_MAIL_CONNECTIONS ?? 10);
const SENDERS = Number(process.env.BENCH_MAIL_SENDERS ?? 500);
const DESK = 'servicedesk@bench.example';
const RESENT = 20;
const ADMIN_EMAIL = 'admin@bench.example';
const PASSWORD = 'bench password 1234';
/** Node flags for the server child, e.g. "--cpu-prof --cpu-prof-dir=/tmp/p" to profile it. */
const SERVER_EXEC_ARGV = (process.env.BENCH_SERVER_EXEC_ARGV ?? '').split(' ').filter(Boolean);

const TARGET_RATE_SHARE = 0.98;
const TARGET_LAG_P99_MS = 5000;
/** How long the desk may take to finish a run's mail before the bench gives up waiting. */
const DRAIN_MS = 180_000;

export interface SectionResult {
  lines: string[];
  ok: boolean;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
const pct = (r: number) => `${(r * 100).toFixed(1)} %`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');
const sleep = (m: number) => new Promise((resolve) => setTimeout(resolve, m));

function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Node 24 for the children, as the project's scripts run it. */
function nodeBinary(): string {
  if (/^v2[4-9]\./.test(process.version)) return process.execPath;
  return join(root, 'node_modules', '.bin', 'node');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------- the database

/** The tenant, its desk address and group through the services; the senders inserted directly (set-up). */
async function seed(handle: DatabaseHandle): Promise<string[]> {
  const db = handle.db;
  const tenant = await directory.createTenant(db, {
    slug: 'bench',
    name: 'Benchköping kommun',
    kind: 'municipality',
  });
  const actor = systemActor(tenant.id, 'Bench set-up');
  const unit = await directory.createUnit(db, actor, { name: 'Kommunstyrelsen', kind: 'department' });
  await createGroup(db, actor, { name: 'Servicedesk', kind: 'firstLine' });
  const admin = await directory.createPerson(db, actor, {
    givenName: 'Ada',
    familyName: 'Admin',
    email: ADMIN_EMAIL,
    unitId: unit.id,
  });
  await directory.grantRole(db, actor, { personId: admin.id, role: 'admin' });
  await setPassword(db, actor, admin.id, PASSWORD);
  await updateMailSettings(db, actor, { version: 1, addresses: [DESK] });
  const emails = Array.from({ length: SENDERS }, (_, i) => `medarbetare${i}@bench.example`);
  await db.insert(people).values(
    emails.map((email, i) => ({
      tenantId: tenant.id,
      id: newId(),
      givenName: 'Medarbetare',
      familyName: String(i),
      email,
      unitId: unit.id,
    })),
  );
  return emails;
}

// ---------------------------------------------------------------- processes

interface Child {
  process: ChildProcess;
  exited: Promise<number | null>;
  url: string;
}

/** The server as `npm start` runs it, with the SMTP listener on `smtpPort`; resolves once it is ready. */
async function startServer(database: BenchDatabase, smtpPort: number, sinkPort: number): Promise<Child> {
  const child = spawn(nodeBinary(), [...SERVER_EXEC_ARGV, join(root, 'server', 'boot.ts')], {
    cwd: root,
    env: {
      ...process.env,
      ...database.bootEnv,
      PORT: '0',
      HOST: '127.0.0.1',
      MAIL_INBOUND_PORT: String(smtpPort),
      SMTP_URL: `smtp://127.0.0.1:${sinkPort}`,
      MAIL_FROM: 'Servicedesk <noreply@bench.example>',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      PUBLIC_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${out}`)), 120_000);
    const look = (data: Buffer) => {
      out += data;
      const ready = /ready at (http:\/\/\S+)/.exec(out);
      if (ready && /listening on/.test(out)) {
        clearTimeout(timer);
        resolve(ready[1]!);
      }
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', (data: Buffer) => {
      out += data;
    });
    child.on('exit', () => reject(new Error(`the server exited: ${out}`)));
  });
  child.stdout!.removeAllListeners('data');
  child.stdout!.resume();
  child.stderr!.resume();
  return { process: child, exited, url };
}

async function startDiscard(): Promise<{ port: number; stop(): Promise<void> }> {
  const child = spawn(nodeBinary(), [join(root, 'bench', 'smtp-discard.ts')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (data: Buffer) => {
      const match = /port (\d+)/.exec(String(data));
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', () => reject(new Error('smtp-discard exited')));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return {
    port,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Takes the desk's confirmations: the time each mail's (In-Reply-To) first confirmation arrived. */
async function startSink() {
  const confirmed = new Map<string, number>();
  let repeats = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const text = Buffer.concat(chunks).toString('latin1');
        const head = text.slice(0, text.indexOf('\r\n\r\n'));
        const id = /^In-Reply-To:\s*(<[^>]+>)/im.exec(head)?.[1];
        if (id) {
          if (confirmed.has(id)) repeats++;
          else confirmed.set(id, performance.now());
        }
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port)),
  );
  return {
    port,
    confirmed,
    repeats: () => repeats,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ---------------------------------------------------------------- sending

const BODY = [
  'Hej!',
  '',
  'Sedan i morse kan jag inte skriva ut från datorn i receptionen. Skrivaren visar "Redo" men',
  'ingenting kommer ut, och i utskriftskön står dokumenten kvar med status "Fel". Jag har startat',
  'om både datorn och skrivaren utan att det hjälper. Kollegan bredvid har samma problem.',
  '',
  'Vi behöver skriva ut besöksbrickor till eftermiddagens möte, så det vore bra om någon kunde',
  'titta på det under förmiddagen.',
  '',
  'Med vänlig hälsning',
].join('\r\n');
// A small PDF (a signature the type check knows) for every tenth mail.
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n% bench\n'),
  Buffer.alloc(20_000, 0x20),
  Buffer.from('\n%%EOF\n'),
]);

interface Mail {
  messageId: string;
  options: SendMailOptions;
  due: number;
  accepted?: number;
  attempts: number;
}

function mailsOf(run: string, count: number, senders: string[], rate: number): Mail[] {
  return Array.from({ length: count }, (_, i) => {
    const from = senders[(i * 7919) % senders.length]!;
    const messageId = `<bench.${run}.${i}@client.bench.example>`;
    return {
      messageId,
      due: rate > 0 ? (i * 1000) / rate : 0,
      attempts: 0,
      options: {
        from,
        to: DESK,
        subject: `Bench ${run} ${i}: skrivaren i receptionen skriver inte ut`,
        text: `${BODY}\r\n${from}\r\n`,
        messageId,
        date: new Date(),
        ...(i % 10 === 0 ? { attachments: [{ filename: 'felrapport.pdf', content: PDF }] } : {}),
      },
    };
  });
}

function client(port: number): Transporter {
  return createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: CONNECTIONS,
    maxMessages: Number.POSITIVE_INFINITY,
    connectionTimeout: 5000,
    socketTimeout: 30_000,
  });
}

/** Sends until the server says 250, pausing between tries as a mail server's queue would. */
async function deliver(transport: () => Transporter, mail: Mail, start: number) {
  for (;;) {
    mail.attempts++;
    try {
      await transport().sendMail(mail.options);
      mail.accepted = performance.now() - start;
      return;
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      if (code && code >= 500) throw new Error(`refused for good (${code}): ${(error as Error).message}`);
      await sleep(Math.min(2000, 200 * mail.attempts));
    }
  }
}

/** Sends each mail at its due time (open loop) and resolves once all are accepted. */
async function sendAll(mails: Mail[], transport: () => Transporter, during?: (elapsed: number) => void) {
  const start = performance.now();
  const sending: Promise<void>[] = [];
  for (const mail of mails) {
    const wait = mail.due - (performance.now() - start);
    if (wait > 0) await sleep(wait);
    during?.(performance.now() - start);
    sending.push(deliver(transport, mail, start));
  }
  await Promise.all(sending);
  return { start, elapsed: performance.now() - start };
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/**
 * Waits until the desk has read every mail it stored (its inbox has none left `received`, asked
 * over HTTP, as an agent would see it: PGlite cannot be opened beside the server); answers when.
 */
async function allRead(server: () => Child): Promise<number | null> {
  const until = performance.now() + DRAIN_MS;
  let session: { url: string; cookie: string } | undefined;
  while (performance.now() < until) {
    try {
      const { url } = server();
      if (session?.url !== url) session = { url, cookie: await signIn(url) };
      const response = await fetch(`${url}/api/v1/desk/inbound-mail?status=received&limit=1`, {
        headers: { cookie: session.cookie },
      });
      if (response.ok && ((await response.json()) as { items: unknown[] }).items.length === 0)
        return performance.now();
    } catch {
      // The server is restarting.
    }
    await sleep(100);
  }
  return null;
}

// ---------------------------------------------------------------- counting

interface Count {
  tickets: number;
  distinctTitles: number;
  read: number;
  /** Stored → read (the ticket made), per mail: p50 and p99 in ms, and mails read per second over the run. */
  p50: number;
  p99: number;
  perSecond: number;
}

async function countRun(handle: DatabaseHandle, run: string): Promise<Count> {
  const prefix = `Bench ${run} %`;
  const [row] = rowsOf<{ tickets: number; distinct_titles: number }>(
    await handle.db.execute(
      sql`select count(*)::int as tickets, count(distinct ${tickets.title})::int as distinct_titles from ${tickets} where ${tickets.channel} = 'email' and ${tickets.title} like ${prefix}`,
    ),
  );
  const statuses = await handle.db
    .select({ status: inboundMail.status, n: sql<number>`count(*)::int` })
    .from(inboundMail)
    .where(like(inboundMail.subject, prefix))
    .groupBy(inboundMail.status);
  const [lag] = rowsOf<{ p50: number; p99: number; per_second: number }>(
    await handle.db.execute(sql`
      select
        percentile_cont(0.5) within group (order by extract(epoch from parsed_at - received_at)) * 1000 as p50,
        percentile_cont(0.99) within group (order by extract(epoch from parsed_at - received_at)) * 1000 as p99,
        count(*) / greatest(extract(epoch from max(parsed_at) - min(received_at)), 0.001) as per_second
      from ${inboundMail} where ${inboundMail.subject} like ${prefix} and status = 'ticket'`),
  );
  return {
    tickets: row!.tickets,
    distinctTitles: row!.distinct_titles,
    read: statuses.filter((s) => s.status !== 'received').reduce((sum, s) => sum + s.n, 0),
    p50: Number(lag!.p50),
    p99: Number(lag!.p99),
    perSecond: Number(lag!.per_second),
  };
}

// ---------------------------------------------------------------- the section

async function runKind(kind: 'pg' | 'pglite'): Promise<SectionResult> {
  const lines: string[] = [];
  const database = await benchDatabase(kind, DB_NAME);
  const setup = await database.open();
  await migrate(setup);
  const senders = await seed(setup);
  await setup.close();

  const sink = await startSink();
  const discard = await startDiscard();
  const smtpPort = await freePort();
  let server = await startServer(database, smtpPort, sink.port);
  const current = () => server;
  const count = RATE * SECONDS;
  const burstMails = mailsOf('burst', BURST, senders, 0);
  const pacedMails = mailsOf('paced', count, senders, RATE);
  const crashMails = mailsOf('killed', count, senders, RATE);
  let ok = true;
  let limitRate = 0;
  let burstRate = 0;
  let paced = { start: 0, elapsed: 0 };
  let crash = { start: 0, elapsed: 0 };
  let pacedRead: number | null = null;
  let killedAt = 0;
  let restarted = 0;
  let crashRead: number | null = null;
  try {
    // The limit: bare SMTP, then the desk's listener, both as fast as the client goes.
    const bare = client(discard.port);
    const limit = await sendAll(mailsOf('limit', BURST, senders, 0), () => bare);
    bare.close();
    await discard.stop();
    limitRate = BURST / (limit.elapsed / 1000);
    let transport = client(smtpPort);
    const burst = await sendAll(burstMails, () => transport);
    burstRate = BURST / (burst.elapsed / 1000);
    await allRead(current);

    // Paced.
    paced = await sendAll(pacedMails, () => transport);
    pacedRead = await allRead(current);

    // Killed half-way and started again at once.
    let restarting: Promise<void> | undefined;
    crash = await sendAll(
      crashMails,
      () => transport,
      (elapsed) => {
        if (restarting || elapsed < (SECONDS * 1000) / 2) return;
        restarting = (async () => {
          killedAt = performance.now();
          server.process.kill('SIGKILL');
          await server.exited;
          transport.close();
          transport = client(smtpPort);
          server = await startServer(database, smtpPort, sink.port);
          restarted = performance.now();
        })();
      },
    );
    await restarting;
    // Mails the sender was not sure of, sent once more.
    for (const mail of crashMails.slice(0, RESENT)) await transport.sendMail(mail.options);
    crashRead = await allRead(current);
    transport.close();
    // The confirmations still on their way (the killed process's deliveries are retried once they time out).
    const all = [...burstMails, ...pacedMails, ...crashMails];
    const until = performance.now() + 30_000;
    while (performance.now() < until && !all.every((m) => sink.confirmed.has(m.messageId))) await sleep(200);
  } finally {
    server.process.kill('SIGTERM');
    await server.exited;
  }

  const acceptedAt = (mails: Mail[]) => Math.max(...mails.map((m) => m.accepted!));
  const pacedRate = count / (acceptedAt(pacedMails) / 1000);
  const acceptLatency = pacedMails.map((m) => m.accepted! - m.due);
  const confirmedIn = (mails: Mail[], start: number) =>
    mails
      .filter((m) => sink.confirmed.has(m.messageId))
      .map((m) => sink.confirmed.get(m.messageId)! - start - m.due);
  const e2e = confirmedIn(pacedMails, paced.start);
  const rateOk = pacedRate >= TARGET_RATE_SHARE * RATE;

  const check = await database.open();
  try {
    const c = {
      burst: await countRun(check, 'burst'),
      paced: await countRun(check, 'paced'),
      killed: await countRun(check, 'killed'),
    };
    const lagOk = pacedRead !== null && c.paced.p99 < TARGET_LAG_P99_MS;
    lines.push(
      `limit: a bare SMTP server keeping nothing, ${BURST} mails over ${CONNECTIONS} connections: ${fmt(limitRate)} mails/s`,
      `burst of ${BURST} to the desk: accepted ${fmt(burstRate)} mails/s (stored raw, job queued) = ${pct(burstRate / limitRate)} of the limit; ` +
        `read into tickets at ${fmt(c.burst.perSecond)}/s (first stored → last ticket)`,
      `paced ${RATE}/s for ${SECONDS} s (${count} mails, 10 % with a 20 kB PDF): accepted at ${fmt(pacedRate)}/s = ${pct(pacedRate / RATE)} of the rate ` +
        `(target ≥ ${pct(TARGET_RATE_SHARE)}: ${verdict(rateOk)}) = ${pct(pacedRate / burstRate)} of the burst rate; accept latency p50 ${ms(quantile(acceptLatency, 0.5))}, p99 ${ms(quantile(acceptLatency, 0.99))}`,
      `  stored → ticket: p50 ${ms(c.paced.p50)}, p99 ${ms(c.paced.p99)} (target p99 < ${fmt(TARGET_LAG_P99_MS)} ms, the desk keeps up: ${verdict(lagOk)}); ` +
        `${fmt(c.paced.perSecond)} tickets/s over the run`,
      `  sent → ticket → confirmation received (end to end, with the outbound mail): ${e2e.length} of ${count}, p50 ${ms(quantile(e2e, 0.5))}, p99 ${ms(quantile(e2e, 0.99))}`,
      `killed: paced ${RATE}/s for ${SECONDS} s, SIGKILL at ${((killedAt - crash.start) / 1000).toFixed(1)} s, ready again after ${((restarted - killedAt) / 1000).toFixed(1)} s; ` +
        `${crashMails.filter((m) => m.attempts > 1).length} mails needed more than one try, ${RESENT} accepted ones sent again; ` +
        (crashRead === null
          ? 'NOT ALL read within the wait'
          : `all read ${((crashRead - restarted) / 1000).toFixed(1)} s after the restart`),
    );
    ok &&= rateOk && lagOk && crashRead !== null;
    for (const [run, expected] of [
      ['burst', BURST],
      ['paced', count],
      ['killed', count],
    ] as const) {
      const r = c[run];
      const good = r.tickets === expected && r.distinctTitles === expected;
      ok &&= good;
      lines.push(
        `  ${run}: ${expected} distinct Message-IDs sent, ${r.tickets} tickets, ${r.tickets - r.distinctTitles} twice, ` +
          `${expected - r.distinctTitles} lost; ${r.read} mails stored and read${run === 'killed' ? ` (the resent and the cut off as duplicates)` : ''}: ${verdict(good)}`,
      );
    }
    const [{ n: unread } = { n: 0 }] = rowsOf<{ n: number }>(
      await check.db.execute(sql`select count(*)::int as n from desk_inbound_mail where status = 'received'`),
    );
    const all = [...burstMails, ...pacedMails, ...crashMails];
    lines.push(
      `  mails stored but unread at the end: ${unread}; confirmations received: ${all.filter((m) => sink.confirmed.has(m.messageId)).length} of ${all.length}` +
        ` (${sink.repeats()} twice: outbound mail is at least once; the killed process's deliveries resume when their jobs time out)`,
    );
    ok &&= unread === 0;
  } finally {
    await check.close();
    await sink.stop();
    await database.dispose();
  }
  return { ok, lines };
}

export const emailSection = {
  name: 'email',
  title: `Email ingest: SMTP → raw row → job → ticket → confirmation, paced ${RATE}/s, killed mid-ingest`,
  async run(): Promise<SectionResult> {
    const lines: string[] = [];
    let ok = true;
    for (const kind of KINDS) {
      const result = await runKind(kind);
      ok &&= result.ok;
      lines.push(`${kind === 'pg' ? 'PostgreSQL' : 'PGlite'}:`, ...result.lines.map((l) => `  ${l}`));
    }
    return { ok, lines };
  },
};

import { and, asc, eq, lt, sql } from 'drizzle-orm';
import { createTransport, type Transporter } from 'nodemailer';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { systemActor } from '../context.ts';
import { newId } from '../ids.ts';
import { defineJob, type JobDefinition, type JobLogger, jobsFor, type RetryPolicy } from '../jobs/jobs.ts';
import { readScope, type TenantScope } from '../tenancy.ts';
import { type MailHeaders, outbox } from './schema.ts';
import { type MailKind, type MailLanguage, renderMail } from './templates.ts';

// Outbound mail. `queueMail` renders the message, writes it to the outbox and sends the job that
// delivers it, all in the caller's transaction: the mail exists if and only if the change that
// caused it was committed. The job delivers through SMTP (nodemailer) and is retried by pg-boss;
// without SMTP_URL it writes the message to the log and marks it `logged`. Owns ./schema.ts.

export interface OutgoingMail<P> {
  to: string;
  kind: MailKind<P>;
  params: P;
  language: MailLanguage;
  /** `<unique@domain>`: chosen by a sender that matches replies to it; else the transport picks one. */
  messageId?: string;
  headers?: MailHeaders;
}

/** The delivery job's kind: one job per outbox row, keyed by it. */
export const MAIL_DELIVERY = { name: 'mail.deliver' };
type DeliveryData = { tenantId: string; id: string };

/** Writes the message to the outbox and queues its delivery, in the scope's transaction. */
export async function queueMail<P>(scope: TenantScope, mail: OutgoingMail<P>): Promise<string> {
  const content = renderMail(mail.kind, mail.language, mail.params);
  const id = newId();
  await scope.insert(outbox, {
    id,
    recipient: mail.to,
    kind: mail.kind.kind,
    language: mail.language,
    subject: content.subject,
    text: content.text,
    html: content.html ?? null,
    messageId: mail.messageId ?? null,
    headers: mail.headers ?? null,
  });
  // Without jobs running on this database (a command-line tool), the row waits for the sweep of
  // the next server that starts.
  const jobs = scope.db && jobsFor(scope.db);
  if (jobs) {
    await jobs.send<DeliveryData>(MAIL_DELIVERY, { tenantId: scope.tenantId, id }, { key: id, tx: scope.tx });
  }
  return id;
}

export interface MailSettings {
  smtpUrl?: string;
  from: string;
  /** How delivery is retried (tests shorten it). */
  retry?: RetryPolicy;
  /** Age in seconds at which the sweep takes a still-queued message as one without a job. */
  sweepAfterSeconds?: number;
}

const DELIVERY_RETRY: RetryPolicy = { limit: 8, delaySeconds: 60, backoff: true, maxDelaySeconds: 3600 };

export function mailSettings(config: Config): MailSettings {
  return { smtpUrl: config.mail.smtpUrl, from: config.mail.from };
}

/** One statement, atomic by itself: no transaction (three round trips) around it. */
async function mark(db: Database, data: DeliveryData, set: Partial<typeof outbox.$inferInsert>) {
  await readScope(db, systemActor(data.tenantId)).update(
    outbox,
    { ...set, updatedAt: new Date() },
    eq(outbox.id, data.id),
  );
}

/** A short, single-line reason for the outbox; SMTP replies carry no credentials. */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').slice(0, 500);
}

async function deliver(
  db: Database,
  transport: Transporter | undefined,
  settings: MailSettings,
  data: DeliveryData,
  log: JobLogger,
  lastAttempt: boolean,
) {
  const [row] = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.tenantId, data.tenantId), eq(outbox.id, data.id)));
  // Gone, or delivered by an earlier attempt whose completion was not recorded: nothing to do.
  if (row?.status !== 'queued') return;
  if (!transport) {
    log.info(
      { mail: { id: row.id, to: row.recipient, kind: row.kind, subject: row.subject, text: row.text } },
      'mail not sent: SMTP_URL is not set',
    );
    await mark(db, data, { status: 'logged', attempts: row.attempts + 1 });
    return;
  }
  const headers = row.headers ?? {};
  try {
    await transport.sendMail({
      from: settings.from,
      to: row.recipient,
      subject: row.subject,
      text: row.text,
      ...(row.html ? { html: row.html } : {}),
      ...(row.messageId ? { messageId: row.messageId } : {}),
      ...(headers.inReplyTo ? { inReplyTo: headers.inReplyTo } : {}),
      ...(headers.references?.length ? { references: headers.references } : {}),
      ...(headers.replyTo ? { replyTo: headers.replyTo } : {}),
      headers: {
        'Content-Language': row.language,
        // Exchange's out-of-office and others look at the second header rather than the first.
        ...(headers.autoSubmitted
          ? { 'Auto-Submitted': headers.autoSubmitted, 'X-Auto-Response-Suppress': 'All' }
          : {}),
      },
    });
  } catch (error) {
    await mark(db, data, {
      status: lastAttempt ? 'failed' : 'queued',
      attempts: row.attempts + 1,
      lastError: reason(error),
    });
    throw error;
  }
  await mark(db, data, { status: 'sent', attempts: row.attempts + 1, lastError: null, sentAt: new Date() });
}

/**
 * The mail jobs: delivery of one message, and every five minutes a sweep that queues delivery of
 * messages written while no server ran jobs (keyed by the row, so it never sends one twice).
 */
export function mailJobs(settings: MailSettings): JobDefinition[] {
  // A pool of connections to the relay, each closed after two idle seconds: a burst does not open
  // a connection per message, and a quiet server holds none.
  const transport = settings.smtpUrl
    ? createTransport({ url: settings.smtpUrl, pool: true, maxConnections: 2, idleTimeout: 2000 })
    : undefined;
  const retry = settings.retry ?? DELIVERY_RETRY;
  const sweepAfter = settings.sweepAfterSeconds ?? 120;
  const delivery = defineJob<DeliveryData>({
    name: MAIL_DELIVERY.name,
    retry,
    // A burst (every requester of a major incident, a flood of confirmations) goes out in batches.
    // (One worker: with four, the desk's reading of received mail beside it measured slower, and
    // the mail no faster; bench/desk-email.ts.)
    batchSize: 20,
    timeoutSeconds: 120,
    handler: (data, context) =>
      deliver(context.database.db, transport, settings, data, context.log, context.attempt >= retry.limit),
  });
  const sweep = defineJob({
    name: 'mail.sweep',
    schedule: { cron: '*/5 * * * *' },
    retry: { limit: 1, delaySeconds: 60 },
    handler: async (_data, context) => {
      const waiting = await context.database.db
        .select({ tenantId: outbox.tenantId, id: outbox.id })
        .from(outbox)
        .where(
          and(
            eq(outbox.status, 'queued'),
            lt(outbox.createdAt, sql`now() - make_interval(secs => ${sweepAfter})`),
          ),
        )
        .orderBy(asc(outbox.createdAt))
        .limit(1000);
      for (const row of waiting) await context.jobs.send<DeliveryData>(MAIL_DELIVERY, row, { key: row.id });
    },
  });
  return [delivery, sweep];
}

import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { type ParsedMail, simpleParser } from 'mailparser';
import { TICKET_ATTACHMENTS } from '../../../../shared/desk/links.ts';
import {
  defaultMailSettings,
  type InboundReason,
  type InboundStatus,
  type InboxQuery,
  type InboxTicket,
  type MailSettingsUpdate,
} from '../../../../shared/desk/mail.ts';
import { parseTicketNumber } from '../../../../shared/desk/tickets.ts';
import { type Database, type Executor, rowsOf } from '../../../db/client.ts';
import { type Actor, systemActor } from '../../../platform/context.ts';
import { people } from '../../../platform/directory/schema.ts';
import { activeGrants } from '../../../platform/directory/service.ts';
import { isUniqueViolation, problems } from '../../../platform/errors.ts';
import { type Refusal, storeFile, vetFile } from '../../../platform/files/service.ts';
import { newId } from '../../../platform/ids.ts';
import { defineJob, jobsFor } from '../../../platform/jobs/jobs.ts';
import { decodeCursor, toPage } from '../../../platform/pagination.ts';
import { inTenant, readScope, TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion } from '../../../platform/versioning.ts';
import { deskPolicy } from '../policy.ts';
import { tickets } from '../tickets/schema.ts';
import { addMessage, asks, createTicket, type TicketRow, worksOn } from '../tickets/service.ts';
import {
  cleanText,
  languageOf,
  messageIdOf,
  referencedIds,
  replyText,
  robotReason,
  titleOf,
} from './message.ts';
import {
  type InboundAttachment,
  type InboundRow,
  inboundMail,
  mailAddresses,
  mailIds,
  mailSettings,
} from './schema.ts';

// The desk's email channel: the only writer of ./schema.ts.
//
// Receiving (`receiveMail`, called by the SMTP listener) stores the mail raw and sends the job that
// reads it, in one transaction; the listener answers "250 OK" only after it commits, so a mail the
// sender was told we have is in the database, and one we did not store the sender sends again.
// Reading (`readMail`, the job) decides what the mail is: a robot's (kept, never answered), a reply
// to a ticket of the sender's, a new ticket of a person of the tenant, or something for an agent to
// decide (held in the inbox). Its outcome is written in the transaction of the ticket or reply it
// makes, together with the claim of its Message-ID (desk_mail_ids' primary key), so a crash at any
// point leaves either nothing done (the job runs again) or everything, and the same Message-ID
// never makes two tickets, however many times and however concurrently it arrives.

/** Attachments in a mail are kept up to this size each unless the listener says otherwise (FILE_MAX_BYTES). */
const DEFAULT_FILE_MAX_BYTES = 20 * 1024 ** 2;
/** What the audit trail calls the channel when no person acts. */
const MAIL_ACTOR = 'E-post';
/** A mail's files go with the ticket's own (the tickets part's attachment kind). */
export const TICKET_FILES = TICKET_ATTACHMENTS;

// ---------------------------------------------------------------- settings

export interface SettingsRow {
  addresses: string[];
  senderLimitPerHour: number;
  version: number;
  updatedAt: Date | null;
}

export async function mailSettingsOf(db: Executor, tenantId: string): Promise<SettingsRow> {
  const [[row], addresses] = await Promise.all([
    db.select().from(mailSettings).where(eq(mailSettings.tenantId, tenantId)),
    db
      .select({ address: mailAddresses.address })
      .from(mailAddresses)
      .where(eq(mailAddresses.tenantId, tenantId))
      .orderBy(mailAddresses.position),
  ]);
  return {
    addresses: addresses.map((a) => a.address),
    senderLimitPerHour: row?.senderLimitPerHour ?? defaultMailSettings.senderLimitPerHour,
    version: row?.version ?? 1,
    updatedAt: row?.updatedAt ?? null,
  };
}

/**
 * Changes the desk's addresses and the limit per sender (with the version read). An address
 * another tenant has is refused with 409 naming it: mail to it could only reach one of them.
 */
export async function updateMailSettings(db: Database, actor: Actor, input: MailSettingsUpdate) {
  try {
    return await inTenant(db, actor, async (s) => {
      const [row] = await s.tx.select().from(mailSettings).where(s.where(mailSettings)).for('update');
      const before = await mailSettingsOf(s.tx, s.tenantId);
      assertVersion(before, input.version, 'mail settings');
      const values = {
        senderLimitPerHour: input.senderLimitPerHour ?? before.senderLimitPerHour,
        version: before.version + 1,
        updatedAt: new Date(),
      };
      const after = await s.saveSettings(mailSettings, { exists: !!row, version: before.version }, values);
      const addresses = input.addresses ?? before.addresses;
      if (input.addresses) {
        await s.tx.delete(mailAddresses).where(s.where(mailAddresses));
        // In the order given: the first is the one replies go to.
        for (const [position, address] of addresses.entries())
          await s.insert(mailAddresses, { address, position });
      }
      await s.audit({
        entity: 'mailSettings',
        entityId: s.tenantId,
        action: 'update',
        before: { addresses: before.addresses, senderLimitPerHour: before.senderLimitPerHour },
        after: { addresses, senderLimitPerHour: after.senderLimitPerHour },
      });
      return { ...after, addresses } as SettingsRow;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Which address is taken, said without naming the tenant that has it.
    const taken = await db
      .select({ address: mailAddresses.address })
      .from(mailAddresses)
      .where(inArray(mailAddresses.address, input.addresses ?? []));
    const index = (input.addresses ?? []).indexOf(taken[0]?.address ?? '');
    const message = 'The address is in use by another organisation';
    throw problems.conflict(message, [{ path: `body.addresses.${Math.max(0, index)}`, message }]);
  }
}

/** The tenant of each desk address (lower case) that has one: whom a mail's RCPT TO is for. */
export async function tenantsOf(db: Executor, addresses: string[]): Promise<Map<string, string>> {
  if (addresses.length === 0) return new Map();
  const rows = await db
    .select({ tenantId: mailAddresses.tenantId, address: mailAddresses.address })
    .from(mailAddresses)
    .where(inArray(mailAddresses.address, addresses));
  return new Map(rows.map((r) => [r.address, r.tenantId]));
}

// ---------------------------------------------------------------- receiving

export interface Received {
  raw: Buffer;
  /** MAIL FROM, '' for the null sender. */
  envelopeFrom: string;
  /** RCPT TO addresses with their tenant. */
  recipients: { tenantId: string; address: string }[];
  remoteAddress?: string;
  /** The largest attachment kept (FILE_MAX_BYTES). */
  fileMaxBytes?: number;
}

/** The job that reads one received mail. */
export const READ_MAIL = { name: 'desk.mail.read' };
type ReadData = { tenantId: string; id: string; fileMaxBytes?: number };

/**
 * Stores a received mail, once per tenant it is addressed to, and sends the job that reads each,
 * in one transaction: when this resolves the mail is committed, and only then may the listener
 * say so. Answers the ids.
 */
export async function receiveMail(db: Database, mail: Received): Promise<string[]> {
  const byTenant = new Map<string, string[]>();
  for (const r of mail.recipients) byTenant.set(r.tenantId, [...(byTenant.get(r.tenantId) ?? []), r.address]);
  const jobs = jobsFor(db);
  return db.transaction(async (tx) => {
    const ids: string[] = [];
    for (const [tenantId, addresses] of byTenant) {
      const s = new TenantScope(tx, systemActor(tenantId, MAIL_ACTOR), db);
      const id = newId();
      // Issued together: one round trip on PostgreSQL (postgres.js pipelines a transaction's
      // statements), as the sender waits for the answer.
      await Promise.all([
        s.insert(inboundMail, {
          id,
          envelopeFrom: mail.envelopeFrom,
          envelopeTo: addresses,
          remoteAddress: mail.remoteAddress ?? null,
          raw: mail.raw,
          size: mail.raw.length,
        }),
        s.audit({
          entity: 'inboundMail',
          entityId: id,
          action: 'receive',
          after: { envelopeFrom: mail.envelopeFrom, envelopeTo: addresses, size: mail.raw.length },
        }),
        // Without jobs on this database (a command-line tool), the sweep of a server reads it later.
        jobs?.send<ReadData>(
          READ_MAIL,
          { tenantId, id, ...(mail.fileMaxBytes ? { fileMaxBytes: mail.fileMaxBytes } : {}) },
          { key: id, tx },
        ),
      ]);
      ids.push(id);
    }
    return ids;
  });
}

// ---------------------------------------------------------------- reading

/** What the job read from a mail. */
interface Facts {
  messageId: string;
  fromAddress: string | null;
  fromName: string | null;
  subject: string | null;
  body: string;
  language: 'sv' | 'en';
  attachments: InboundAttachment[];
}

function factsOf(row: InboundRow, mail: ParsedMail): Facts {
  const from = mail.from?.value[0];
  return {
    messageId: messageIdOf(mail.messageId, row.raw),
    fromAddress: from?.address ? from.address.trim().toLowerCase().slice(0, 254) : null,
    fromName: from?.name ? titleOf(from.name, '').slice(0, 200) || null : null,
    subject: mail.subject === undefined ? null : titleOf(mail.subject, '').slice(0, 998),
    body: cleanText(mail.text ?? '', 20_000),
    language: languageOf(mail),
    attachments: mail.attachments.map((a, i) => ({
      name: a.filename ?? `bilaga-${i + 1}`,
      size: a.size ?? a.content.length,
      mediaType: a.contentType,
      fileId: null,
      refused: null,
    })),
  };
}

class AlreadyRead extends Error {}
class DuplicateMail extends Error {}

/** The received mail, locked; AlreadyRead when another attempt got there first. */
async function lockInbound(
  s: TenantScope,
  id: string,
  status: InboundStatus = 'received',
): Promise<InboundRow> {
  const [row] = await s.tx
    .select()
    .from(inboundMail)
    .where(s.where(inboundMail, eq(inboundMail.id, id)))
    .for('update');
  if (!row) throw problems.notFound('mail');
  if (row.status !== status) throw new AlreadyRead();
  return row;
}

/**
 * Claims the Message-ID for this mail (and its ticket): the primary key decides, so of two mails
 * with one id only the first makes anything; the other is a duplicate. Claimed already by this mail
 * (held earlier, or an earlier attempt): the claim is brought up to date.
 */
async function claim(s: TenantScope, messageId: string, inboundId: string, ticketId: string | null) {
  if (!(await claimed(s, messageId, inboundId, ticketId))) throw new DuplicateMail();
}

async function claimed(s: TenantScope, messageId: string, inboundId: string, ticketId: string | null) {
  const [mine] = await s.tx
    .insert(mailIds)
    .values({ tenantId: s.tenantId, messageId, direction: 'in', inboundId, ticketId })
    .onConflictDoUpdate({
      target: [mailIds.tenantId, mailIds.messageId],
      set: { ticketId },
      setWhere: eq(mailIds.inboundId, inboundId),
    })
    .returning({ messageId: mailIds.messageId });
  return mine !== undefined;
}

/** Keeps a mail's attachments as files of the ticket; answers the list with what became of each. */
async function keepAttachments(
  s: TenantScope,
  mail: ParsedMail,
  ticketId: string,
  from: { personId: string | null; address: string | null },
  maxBytes: number,
): Promise<InboundAttachment[]> {
  const kept: InboundAttachment[] = [];
  for (const [i, a] of mail.attachments.entries()) {
    const name = a.filename ?? `bilaga-${i + 1}`;
    const result = await storeFile(
      s,
      {
        kind: TICKET_FILES,
        recordId: ticketId,
        name,
        bytes: a.content,
        uploadedBy: from.personId,
        uploadedByName: `${MAIL_ACTOR} ${from.address ?? ''}`.trim(),
      },
      maxBytes,
    );
    kept.push({
      name: 'file' in result ? result.file.name : name,
      size: a.content.length,
      mediaType: 'file' in result ? result.file.mediaType : a.contentType,
      fileId: 'file' in result ? result.file.id : null,
      refused: 'refused' in result ? result.refused : null,
    });
  }
  return kept;
}

const REFUSED_TEXT: Record<Refusal, string> = {
  type: 'filtypen tas inte emot',
  'too-large': 'för stor',
  empty: 'tom',
};

/** The ticket's description: the mail's text, and which attachments could not be kept. */
function describe(body: string, refused: { name: string; refused: Refusal }[], note?: string) {
  const parts = [note, body].filter(Boolean) as string[];
  if (refused.length > 0)
    parts.push(
      `Bilagor som inte sparades (de finns kvar i det mottagna mejlet): ${refused
        .map((a) => `${a.name} (${REFUSED_TEXT[a.refused]})`)
        .join(', ')}`,
    );
  return cleanText(parts.join('\n\n'), 20_000);
}

/** Which attachments a ticket would refuse, known before it is made (their names and why). */
async function refusalsOf(mail: ParsedMail, maxBytes: number) {
  const refused: { name: string; refused: Refusal }[] = [];
  for (const [i, a] of mail.attachments.entries()) {
    const name = a.filename ?? `bilaga-${i + 1}`;
    const vetted = await vetFile(name, a.content, maxBytes);
    if ('refused' in vetted) refused.push({ name, refused: vetted.refused });
  }
  return refused;
}

interface Sender {
  actor: Actor;
  /** Their mails that made tickets or replies in the last hour, and how many the tenant allows. */
  sentLastHour: number;
  limit: number;
}

/**
 * The active person of the tenant with this address (stored in lower case), as an actor with
 * their roles, with what they sent in the last hour and the tenant's limit: two statements.
 */
async function senderOf(db: Database, tenantId: string, address: string | null): Promise<Sender | null> {
  if (!address) return null;
  const [person] = rowsOf<{ id: string; given: string; family: string; sent: number; limit: number | null }>(
    await db.execute(sql`
      select p.id, p.given_name as given, p.family_name as family,
        (select count(*)::int from ${inboundMail} m
          where m.tenant_id = p.tenant_id and m.from_address = p.email
            and m.received_at > now() - interval '1 hour' and m.status in ('ticket', 'reply')) as sent,
        (select sender_limit_per_hour from ${mailSettings} where tenant_id = p.tenant_id) as limit
      from ${people} p
      where p.tenant_id = ${tenantId} and p.email = ${address} and p.active and p.archived_at is null`),
  );
  if (!person) return null;
  const grants = (await activeGrants(db, tenantId, [person.id])).get(person.id) ?? [];
  return {
    actor: { tenantId, personId: person.id, name: `${person.given} ${person.family}`, grants },
    sentLastHour: person.sent,
    limit: person.limit ?? defaultMailSettings.senderLimitPerHour,
  };
}

/** The ticket a reply belongs to: the number in its subject, else the Message-IDs it answers. */
async function threadOf(db: Executor, tenantId: string, mail: ParsedMail): Promise<TicketRow | undefined> {
  const number = parseTicketNumber(mail.subject ?? '');
  if (number) {
    const [byNumber] = await db
      .select()
      .from(tickets)
      .where(and(eq(tickets.tenantId, tenantId), eq(tickets.number, number)));
    if (byNumber) return byNumber;
  }
  const ids = referencedIds(mail);
  if (ids.length === 0) return undefined;
  const known = await db
    .select({ messageId: mailIds.messageId, ticketId: mailIds.ticketId })
    .from(mailIds)
    .where(and(eq(mailIds.tenantId, tenantId), inArray(mailIds.messageId, ids)));
  const ticketId = ids.map((id) => known.find((k) => k.messageId === id)?.ticketId).find(Boolean);
  if (!ticketId) return undefined;
  const [row] = await db
    .select()
    .from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, ticketId)));
  return row;
}

/** Writes what became of a mail that makes no ticket (held, ignored, duplicate), in a transaction of its own. */
async function settle(
  db: Database,
  row: InboundRow,
  facts: Facts,
  status: 'held' | 'ignored' | 'duplicate',
  reason: InboundReason | null,
  personId: string | null,
  /** Why the reading failed, for the audit trail (a mail held as unreadable on the last attempt). */
  failure?: string,
) {
  const actor = systemActor(row.tenantId, MAIL_ACTOR);
  try {
    await inTenant(db, actor, async (s) => {
      await lockInbound(s, row.id);
      // A held mail claims its Message-ID, so that the same mail again is a duplicate of it.
      if (status === 'held') await claim(s, facts.messageId, row.id, null);
      let ticketId: string | null = null;
      if (status === 'duplicate') {
        const [first] = await s.tx
          .select({ ticketId: mailIds.ticketId })
          .from(mailIds)
          .where(s.where(mailIds, eq(mailIds.messageId, facts.messageId)));
        ticketId = first?.ticketId ?? null;
      }
      await s.update(
        inboundMail,
        { ...facts, status, reason, personId, ticketId, parsedAt: new Date(), version: row.version + 1 },
        eq(inboundMail.id, row.id),
      );
      await s.audit({
        entity: 'inboundMail',
        entityId: row.id,
        action: status === 'held' ? 'hold' : status === 'ignored' ? 'ignore' : 'duplicate',
        after: {
          status,
          reason,
          messageId: facts.messageId,
          fromAddress: facts.fromAddress,
          ticketId,
          ...(failure ? { failure } : {}),
        },
      });
    });
  } catch (error) {
    if (error instanceof AlreadyRead) return;
    if (error instanceof DuplicateMail) return settle(db, row, facts, 'duplicate', null, personId);
    throw error;
  }
}

/** The outcome of a mail that made a ticket or a reply, in that change's transaction. */
function recordOutcome(
  row: InboundRow,
  facts: Facts,
  mail: ParsedMail,
  status: 'ticket' | 'reply',
  actor: Actor,
  maxBytes: number,
) {
  return async (s: TenantScope, ticket: TicketRow, eventId: string | null) => {
    const attachments = mail.attachments.length
      ? await keepAttachments(
          s,
          mail,
          ticket.id,
          { personId: actor.personId, address: facts.fromAddress },
          maxBytes,
        )
      : [];
    // The claim of the Message-ID, the mail's outcome and its audit event, issued together: on
    // PostgreSQL one round trip (postgres.js pipelines a transaction's statements), which matters
    // as they run while the ticket's number is locked. Their order does not: if the id is someone
    // else's, or another reader has read the mail (no row updated; a second reader of the same mail
    // waits on the claim until the first commits), the whole transaction, ticket and all, is
    // rolled back.
    const [mine, [done]] = await Promise.all([
      claimed(s, facts.messageId, row.id, ticket.id),
      s
        .update(
          inboundMail,
          {
            ...facts,
            attachments,
            status,
            reason: null,
            personId: actor.personId,
            ticketId: ticket.id,
            eventId,
            parsedAt: new Date(),
            version: row.version + 1,
          },
          eq(inboundMail.id, row.id),
          eq(inboundMail.status, 'received'),
        )
        .returning({ id: inboundMail.id }),
      s.audit({
        entity: 'inboundMail',
        entityId: row.id,
        action: status,
        after: { status, messageId: facts.messageId, fromAddress: facts.fromAddress, ticketId: ticket.id },
      }),
    ]);
    if (!done) throw new AlreadyRead();
    if (!mine) throw new DuplicateMail();
  };
}

/**
 * Reads one received mail and does what it asks (see the top of this file). Runs again safely:
 * a mail already read is left alone, and a run cut off half-way wrote nothing. The last attempt
 * does not give up on a mail it cannot read or act on (a parse failure, or anything else that
 * failed every attempt): the mail is held in the inbox as unreadable, for a person, with what
 * could be read of it (or only its raw bytes), rather than left unread where no one looks.
 */
export async function readMail(
  db: Database,
  data: ReadData,
  options: { lastAttempt: boolean } = { lastAttempt: true },
): Promise<void> {
  const [row] = await db
    .select()
    .from(inboundMail)
    .where(and(eq(inboundMail.tenantId, data.tenantId), eq(inboundMail.id, data.id)));
  if (row?.status !== 'received') return;
  let facts: Facts | undefined;
  try {
    await readReceived(db, row, data.fileMaxBytes ?? DEFAULT_FILE_MAX_BYTES, (read) => {
      facts = read;
    });
  } catch (error) {
    if (!options.lastAttempt) throw error;
    await holdUnreadable(db, row, facts, error);
  }
}

/** The last attempt's way out: held as unreadable, with what was read, else with the raw bytes only. */
async function holdUnreadable(db: Database, row: InboundRow, facts: Facts | undefined, error: unknown) {
  const failure = cleanText(error instanceof Error ? error.message : String(error), 500);
  if (facts) {
    try {
      return await settle(db, row, facts, 'held', 'unreadable', null, failure);
    } catch {
      // What was read cannot be stored either (it may be what failed): keep the mail raw only.
    }
  }
  const bare: Facts = {
    // The mail's own Message-ID if it was read and is plain text (so the same mail again is a
    // duplicate of this one), else one made of the bytes.
    messageId:
      facts && cleanText(facts.messageId, 998) === facts.messageId
        ? facts.messageId
        : messageIdOf(undefined, row.raw),
    fromAddress: null,
    fromName: null,
    subject: null,
    body: '',
    language: 'sv',
    attachments: [],
  };
  return settle(db, row, bare, 'held', 'unreadable', null, failure);
}

async function readReceived(
  db: Database,
  row: InboundRow,
  maxBytes: number,
  read: (facts: Facts) => void,
): Promise<void> {
  const mail = await simpleParser(row.raw, {
    skipImageLinks: true,
    skipTextToHtml: true,
    skipTextLinks: true,
  });
  const facts = factsOf(row, mail);
  read(facts);
  const robot = robotReason(mail, row.envelopeFrom);
  if (robot) return settle(db, row, facts, 'ignored', robot, null);

  const found = await senderOf(db, row.tenantId, facts.fromAddress);
  if (!found) {
    // The desk's own address (this tenant's or another's) sending: its own mail come back.
    const loop = facts.fromAddress !== null && (await isDeskAddress(db, facts.fromAddress));
    return settle(db, row, facts, loop ? 'ignored' : 'held', loop ? 'loop' : 'unknownSender', null);
  }
  const sender = found.actor;
  if (found.sentLastHour >= found.limit)
    return settle(db, row, facts, 'held', 'rateLimited', sender.personId);

  const thread = await threadOf(db, row.tenantId, mail);
  const joins = thread && thread.status !== 'closed' && (asks(sender, thread) || worksOn(sender, thread));
  try {
    if (thread && joins) {
      const outcome = recordOutcome(row, facts, mail, 'reply', sender, maxBytes);
      const refused = await refusalsOf(mail, maxBytes);
      await addMessage(
        db,
        sender,
        thread.id,
        { body: describe(replyText(facts.body), refused) || '(tomt svar)' },
        { within: (s, ticket, entry) => outcome(s, ticket, entry.id) },
      );
    } else {
      const outcome = recordOutcome(row, facts, mail, 'ticket', sender, maxBytes);
      // A reply to a closed ticket, or to someone else's, becomes a ticket of the sender's own.
      const note =
        thread && thread.status === 'closed' && asks(sender, thread)
          ? `(Svar på det stängda ärendet ${thread.number}.)`
          : undefined;
      await createTicket(
        db,
        sender,
        {
          title: titleOf(mail.subject, 'E-post utan ämne'),
          description: describe(facts.body, await refusalsOf(mail, maxBytes), note),
          channel: 'email',
        },
        { within: (s, ticket) => outcome(s, ticket, null) },
      );
    }
  } catch (error) {
    if (error instanceof AlreadyRead) return;
    if (error instanceof DuplicateMail) return settle(db, row, facts, 'duplicate', null, sender.personId);
    throw error;
  }
}

/** Whether the address is a desk's (any tenant's): mail from it is the desk's own, come back. */
async function isDeskAddress(db: Executor, address: string): Promise<boolean> {
  return (await tenantsOf(db, [address])).size > 0;
}

/**
 * Every minute: mail stored but still unread after ten minutes gets one more job (its own was lost:
 * sent by a process without jobs, or its last attempt cut off), keyed so that it is never repeated.
 */
export const sweepMail = defineJob({
  name: 'desk.mail.sweep',
  schedule: { cron: '* * * * *' },
  retry: { limit: 1, delaySeconds: 60 },
  handler: async (_data, context) => {
    const waiting = await context.database.db
      .select({ tenantId: inboundMail.tenantId, id: inboundMail.id })
      .from(inboundMail)
      .where(
        and(
          eq(inboundMail.status, 'received'),
          lt(inboundMail.receivedAt, sql`now() - interval '10 minutes'`),
        ),
      )
      .orderBy(inboundMail.receivedAt)
      .limit(1000);
    for (const row of waiting) await context.jobs.send<ReadData>(READ_MAIL, row, { key: `sweep:${row.id}` });
  },
});

/**
 * At a server's start: a new job for every mail stored and not yet read. The jobs of a process that
 * was killed while reading would run again only once they time out (a minute or more); reading is
 * safe to repeat, so a restart finishes the reading at once instead. Keyed per start, so a second
 * start sends again, and one start never twice.
 */
export async function resumeReading(db: Database, fileMaxBytes?: number): Promise<number> {
  const jobs = jobsFor(db);
  if (!jobs) return 0;
  const waiting = await db
    .select({ tenantId: inboundMail.tenantId, id: inboundMail.id })
    .from(inboundMail)
    .where(eq(inboundMail.status, 'received'))
    .orderBy(inboundMail.receivedAt)
    .limit(100_000);
  const start = newId();
  for (const row of waiting)
    await jobs.send<ReadData>(
      READ_MAIL,
      { ...row, ...(fileMaxBytes ? { fileMaxBytes } : {}) },
      { key: `start:${start}:${row.id}` },
    );
  return waiting.length;
}

const READ_RETRY = { limit: 5, delaySeconds: 10, backoff: true, maxDelaySeconds: 600 };

export const readMailJob = defineJob<ReadData>({
  name: READ_MAIL.name,
  retry: READ_RETRY,
  // A flood of mail (100 a second) is read in batches (see jobs.ts), by one worker per process:
  // tickets are numbered under a row lock, so their transactions take turns anyway, and with 2 or 4
  // workers the reading measured half as fast (bench/desk-email.ts) as with one.
  batchSize: 25,
  // Half a second from "250 OK" to the ticket when the desk is quiet, rather than two.
  pollingSeconds: 0.5,
  // A batch cut off by a crash is taken up again this soon after the restart.
  timeoutSeconds: 60,
  handler: (data, context) =>
    readMail(context.database.db, data, { lastAttempt: context.attempt >= READ_RETRY.limit }),
});

// ---------------------------------------------------------------- the inbox

const listColumns = {
  tenantId: inboundMail.tenantId,
  id: inboundMail.id,
  receivedAt: inboundMail.receivedAt,
  status: inboundMail.status,
  reason: inboundMail.reason,
  fromAddress: inboundMail.fromAddress,
  fromName: inboundMail.fromName,
  subject: inboundMail.subject,
  personId: inboundMail.personId,
  ticketId: inboundMail.ticketId,
  attachments: inboundMail.attachments,
  size: inboundMail.size,
  version: inboundMail.version,
};
export type InboxRow = { [K in keyof typeof listColumns]: InboundRow[K] };

const filterStatuses: Record<InboxQuery['status'], InboundStatus[] | null> = {
  held: ['held'],
  received: ['received'],
  ignored: ['ignored', 'duplicate'],
  handled: ['ticket', 'reply', 'discarded'],
  all: null,
};

function mayWorkInbox(actor: Actor) {
  // Mail that no ticket holds yet is no group's: those who see every group decide on it.
  if (!deskPolicy.allGroups(actor)) throw problems.forbidden('The inbox is for agents of every group');
}

/** The received mail of a filter, newest first, in keyset pages. */
export async function listInbox(db: Database, actor: Actor, query: InboxQuery) {
  mayWorkInbox(actor);
  const s = readScope(db, actor);
  const [afterId] = (decodeCursor(query.cursor, 1) ?? []) as [string?];
  if (afterId !== undefined && !/^[0-9a-f-]{36}$/i.test(afterId))
    throw problems.field('querystring.cursor', 'Invalid cursor');
  const statuses = filterStatuses[query.status];
  const rows = await db
    .select(listColumns)
    .from(inboundMail)
    .where(
      s.where(
        inboundMail,
        statuses ? inArray(inboundMail.status, statuses) : undefined,
        afterId ? lt(inboundMail.id, afterId) : undefined,
      ),
    )
    .orderBy(desc(inboundMail.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => [r.id]);
}

/** One received mail (not its bytes). */
export async function getInbound(db: Database, actor: Actor, id: string) {
  mayWorkInbox(actor);
  const s = readScope(db, actor);
  const [row] = await db
    .select({
      ...listColumns,
      body: inboundMail.body,
      messageId: inboundMail.messageId,
      envelopeFrom: inboundMail.envelopeFrom,
      envelopeTo: inboundMail.envelopeTo,
      handledByName: inboundMail.handledByName,
      handledAt: inboundMail.handledAt,
      discardReason: inboundMail.discardReason,
    })
    .from(inboundMail)
    .where(s.where(inboundMail, eq(inboundMail.id, id)));
  if (!row) throw problems.notFound('mail');
  return row;
}
export type InboundDetail = Awaited<ReturnType<typeof getInbound>>;

/** The mail as received, byte for byte. */
export async function rawOf(db: Database, actor: Actor, id: string): Promise<Buffer> {
  mayWorkInbox(actor);
  const s = readScope(db, actor);
  const [row] = await db
    .select({ raw: inboundMail.raw })
    .from(inboundMail)
    .where(s.where(inboundMail, eq(inboundMail.id, id)));
  if (!row) throw problems.notFound('mail');
  return row.raw;
}

/**
 * An agent makes a ticket of a held mail, for the requester they choose: the mail's subject and
 * text, its attachments kept on the ticket, confirmed to the requester like any ticket by mail.
 */
export async function ticketFromInbound(
  db: Database,
  actor: Actor,
  id: string,
  input: InboxTicket,
  fileMaxBytes = DEFAULT_FILE_MAX_BYTES,
): Promise<TicketRow> {
  mayWorkInbox(actor);
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(inboundMail)
    .where(s.where(inboundMail, eq(inboundMail.id, id)));
  if (!row) throw problems.notFound('mail');
  assertVersion(row, input.version, 'mail');
  if (row.status !== 'held') throw problems.conflict('Only a held mail can be made a ticket');
  let mail: ParsedMail | undefined;
  try {
    mail = await simpleParser(row.raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  } catch {
    mail = undefined;
  }
  const from = row.fromAddress ? `${row.fromName ? `${row.fromName} ` : ''}<${row.fromAddress}>` : null;
  const note = from ? `(Mottaget med e-post från ${from}.)` : '(Mottaget med e-post.)';
  try {
    return await createTicket(
      db,
      actor,
      {
        type: input.type ?? 'incident',
        title: input.title ?? titleOf(row.subject ?? undefined, 'E-post utan ämne'),
        description: describe(row.body ?? '', mail ? await refusalsOf(mail, fileMaxBytes) : [], note),
        requesterId: input.requesterId,
        channel: 'email',
      },
      {
        within: async (s, ticket) => {
          const locked = await lockInbound(s, id, 'held');
          assertVersion(locked, input.version, 'mail');
          await claim(s, row.messageId ?? messageIdOf(undefined, row.raw), id, ticket.id);
          const attachments = mail
            ? await keepAttachments(
                s,
                mail,
                ticket.id,
                { personId: null, address: row.fromAddress },
                fileMaxBytes,
              )
            : [];
          const now = new Date();
          await s.update(
            inboundMail,
            {
              status: 'ticket',
              ticketId: ticket.id,
              attachments,
              handledBy: actor.personId,
              handledByName: actor.name,
              handledAt: now,
              version: locked.version + 1,
            },
            eq(inboundMail.id, id),
          );
          await s.audit({
            entity: 'inboundMail',
            entityId: id,
            action: 'ticket',
            before: { status: 'held' },
            after: { status: 'ticket', ticketId: ticket.id },
          });
        },
      },
    );
  } catch (error) {
    if (error instanceof AlreadyRead) throw problems.conflict('Only a held mail can be made a ticket');
    if (error instanceof DuplicateMail) throw problems.conflict('The mail has made a ticket already');
    throw error;
  }
}

/** An agent throws a held mail away, saying why; it is kept (public records are not deleted). */
export function discardInbound(
  db: Database,
  actor: Actor,
  id: string,
  input: { version: number; reason: string },
) {
  mayWorkInbox(actor);
  return inTenant(db, actor, async (s) => {
    const [before] = await s.tx
      .select(listColumns)
      .from(inboundMail)
      .where(s.where(inboundMail, eq(inboundMail.id, id)))
      .for('update');
    if (!before) throw problems.notFound('mail');
    assertVersion(before, input.version, 'mail');
    if (before.status !== 'held') throw problems.conflict('Only a held mail can be discarded');
    const [after] = await s
      .update(
        inboundMail,
        {
          status: 'discarded',
          discardReason: input.reason,
          handledBy: actor.personId,
          handledByName: actor.name,
          handledAt: new Date(),
          version: before.version + 1,
        },
        eq(inboundMail.id, id),
      )
      .returning({ id: inboundMail.id });
    await s.audit({
      entity: 'inboundMail',
      entityId: id,
      action: 'discard',
      before: { status: before.status },
      after: { status: 'discarded', reason: input.reason },
    });
    return after!;
  });
}

/** Names and links of received mail (the audit trail): the sender and the subject. */
export async function inboundRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({ id: inboundMail.id, from: inboundMail.fromAddress, subject: inboundMail.subject })
    .from(inboundMail)
    .where(and(eq(inboundMail.tenantId, tenantId), inArray(inboundMail.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: [r.from, r.subject].filter(Boolean).join(': ') || 'E-post',
        href: `/desk/inbox?mail=${r.id}`,
        archived: false,
      },
    ]),
  );
}

export async function settingsRefs(_db: Executor, tenantId: string, ids: readonly string[]) {
  return new Map(
    ids
      .filter((id) => id === tenantId)
      .map((id) => [id, { id, name: 'E-postinställningar', href: '/desk/inbox', archived: false }]),
  );
}

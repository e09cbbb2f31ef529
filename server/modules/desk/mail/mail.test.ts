import type { AddressInfo } from 'node:net';
import { and, eq, or, sql } from 'drizzle-orm';
import { type ParsedMail, simpleParser } from 'mailparser';
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import { type Jobs, startJobs } from '../../../platform/jobs/jobs.ts';
import { memoryLogger, waitFor } from '../../../platform/jobs/testing.ts';
import { mailJobs } from '../../../platform/mail/service.ts';
import type { RunningListener } from '../../../platform/seam.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { tickets } from '../tickets/schema.ts';
import { inboundListener } from './listener.ts';
import { inboundMail, mailIds } from './schema.ts';
import { readMail, readMailJob, receiveMail, sweepMail } from './service.ts';

// The email channel end to end: real SMTP (nodemailer) to the desk's listener, the mail stored
// raw and read by a real pg-boss job, tickets and replies through the tickets service, and the
// requester's mail received at a real SMTP server this test runs. Duplicates (also in parallel),
// threading by number and by Message-ID, robots that must not loop, unknown senders held for an
// agent, another tenant's address, attachments, and a job runner stopped between accept and read.

const FROM = 'Styrbord <noreply@styrbord.example>';
const DESK_A = 'servicedesk@a.example';
const DESK_B = 'servicedesk@b.example';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const EXE = Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000', 'hex');

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let anna: Session;
let agent: Session;
let annaId: string;
let boId: string;
let agentId: string;
let groupId: string;
let jobs: Jobs | undefined;
let listener: RunningListener;
let smtpPort: number;
let sender: Transporter;
const outbound: ParsedMail[] = [];
let sink: SMTPServer;
let sinkUrl: string;
let sent = 0;

const post = (s: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: s.headers(), payload: payload as object });
const patch = (s: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'PATCH', url, headers: s.headers(), payload: payload as object });
const get = (s: Session, url: string) => t.app.inject({ url, headers: s.headers() });

const FAST = { pollingIntervalSeconds: 0.5 };
// The platform's mail delivery (to the sink) and every job of the modules: reading mail, and the
// tickets' own (their service-level checks), as the server runs them.
const definitions = () => [
  ...mailJobs({ smtpUrl: sinkUrl, from: FROM, retry: { limit: 2, delaySeconds: 1 } }),
  ...t.app.seam.jobs,
];

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  annaId = (await seedPerson(t.db, t.a, 'anna@a.example', ['employee'])).id;
  anna = await signIn(t.app, 'anna@a.example');
  boId = (await seedPerson(t.db, t.a, 'bo@a.example', ['employee'])).id;
  await seedPerson(t.db, t.a, 'cecilia@a.example', ['employee']);
  agentId = (await seedPerson(t.db, t.a, 'agent@a.example', ['employee'])).id;
  groupId = json(await post(admin, '/api/v1/groups', { name: 'Servicedesk', kind: 'firstLine' })).id;
  expect((await post(admin, `/api/v1/groups/${groupId}/members`, { personId: agentId })).statusCode).toBe(
    204,
  );
  agent = await signIn(t.app, 'agent@a.example');
  for (const [session, address] of [
    [admin, DESK_A],
    [bAdmin, DESK_B],
  ] as const) {
    const set = await patch(session, '/api/v1/desk/mail-settings', { version: 1, addresses: [address] });
    expect(set.statusCode, set.body).toBe(200);
  }

  sink = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          outbound.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  sinkUrl = `smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}`;

  jobs = await startJobs(t.database, definitions(), memoryLogger(), FAST);
  const config = loadConfig({ LOG_LEVEL: 'silent', MAIL_INBOUND_PORT: '0', HOST: '127.0.0.1' });
  listener = (await inboundListener.start({ db: t.db, config, log: memoryLogger() }))!;
  smtpPort = Number(listener.address.split(':').pop());
  sender = createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
});

afterAll(async () => {
  sender?.close();
  await listener?.close();
  await jobs?.stop(2000);
  await new Promise<void>((resolve) => sink.close(resolve));
  await t.close();
});

/** Sends a mail to the listener; answers its Message-ID. */
async function send(options: SendMailOptions & { envelope?: { from: string; to: string[] } }) {
  const messageId = options.messageId ?? `<t${++sent}.${Date.now()}@client.example>`;
  await sender.sendMail({ to: DESK_A, ...options, messageId });
  return messageId;
}

/** The received mail with this Message-ID, read or not (found in the raw bytes until it is read). */
async function inbound(messageId: string, tenantId = t.a.id) {
  return t.db
    .select()
    .from(inboundMail)
    .where(
      and(
        eq(inboundMail.tenantId, tenantId),
        or(
          eq(inboundMail.messageId, messageId),
          sql`position(convert_to(${`Message-ID: ${messageId}`}, 'UTF8') in ${inboundMail.raw}) > 0`,
        ),
      ),
    )
    .orderBy(inboundMail.id);
}

/** Waits until the mail with this Message-ID has been read; answers its row. */
async function readOf(messageId: string, tenantId = t.a.id) {
  await waitFor(async () => (await inbound(messageId, tenantId)).some((r) => r.status !== 'received'));
  return (await inbound(messageId, tenantId))[0]!;
}

async function ticketOf(id: string) {
  const [row] = await t.db.select().from(tickets).where(eq(tickets.id, id));
  return row!;
}

async function outboundTo(address: string, subject: RegExp) {
  await waitFor(() =>
    outbound.some((m) => m.to && 'text' in m.to && m.to.text === address && subject.test(m.subject ?? '')),
  );
  return outbound.filter(
    (m) => m.to && 'text' in m.to && m.to.text === address && subject.test(m.subject ?? ''),
  );
}

const quiet = (ms = 2500) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a mail to the desk becomes a ticket', () => {
  it('of the sender (matched case-insensitively), routed, its HTML as text, confirmed with the number', async () => {
    const id = await send({
      from: 'Anna Andersson <Anna@A.Example>',
      subject: 'Skrivaren på plan 2 skriver inte ut',
      html: '<p>Hej!</p><p>Skrivaren <b>HP-42</b> visar fel 13.<br>Ingen kan skriva ut.</p>',
    });
    const row = await readOf(id);
    expect(row).toMatchObject({
      status: 'ticket',
      fromAddress: 'anna@a.example',
      personId: annaId,
      envelopeTo: [DESK_A],
    });
    expect(row.raw.toString()).toContain(`Message-ID: ${id}`);
    const ticket = await ticketOf(row.ticketId!);
    expect(ticket).toMatchObject({
      title: 'Skrivaren på plan 2 skriver inte ut',
      channel: 'email',
      requesterId: annaId,
      groupId,
      status: 'new',
    });
    expect(ticket.description).toContain('Skrivaren HP-42 visar fel 13.\nIngen kan skriva ut.');
    expect(ticket.description).not.toContain('<b>');

    const [confirmation] = await outboundTo('anna@a.example', new RegExp(`^\\[${ticket.number}\\]`));
    expect(confirmation!.subject).toBe(`[${ticket.number}] Vi har tagit emot ditt ärende: ${ticket.title}`);
    expect(confirmation!.text).toContain(`gett det numret ${ticket.number}`);
    expect(confirmation!.inReplyTo).toBe(id);
    expect(confirmation!.replyTo?.value[0]?.address).toBe(DESK_A);
    expect(confirmation!.headers.get('auto-submitted')).toBe('auto-replied');
    // Its Message-ID is recorded with the ticket, for the replies to it.
    const [recorded] = await t.db
      .select()
      .from(mailIds)
      .where(and(eq(mailIds.tenantId, t.a.id), eq(mailIds.messageId, confirmation!.messageId!)));
    expect(recorded).toMatchObject({ direction: 'out', ticketId: ticket.id });
  });

  it('keeps the attachments as the ticket’s files, refuses what attachments may not be, and shows them to the ticket’s readers only', async () => {
    const id = await send({
      from: 'anna@a.example',
      subject: 'Felmeddelande vid inloggning',
      text: 'Se bifogad skärmbild.',
      attachments: [
        { filename: 'skärmbild.png', content: PNG },
        { filename: 'logg.pdf', content: PDF },
        { filename: 'verktyg.exe', content: EXE },
      ],
    });
    const row = await readOf(id);
    expect(row.status).toBe('ticket');
    expect(row.attachments!.map((a) => [a.name, a.fileId !== null, a.refused])).toEqual([
      ['skärmbild.png', true, null],
      ['logg.pdf', true, null],
      ['verktyg.exe', false, 'type'],
    ]);
    const ticket = await ticketOf(row.ticketId!);
    expect(ticket.description).toContain('verktyg.exe (filtypen tas inte emot)');
    const url = `/api/v1/attachments/ticket/${ticket.id}`;
    const files = json(await get(anna, url)).items;
    expect(files.map((f: { name: string; mediaType: string }) => [f.name, f.mediaType]).sort()).toEqual([
      ['logg.pdf', 'application/pdf'],
      ['skärmbild.png', 'image/png'],
    ]);
    const png = files.find((f: { name: string }) => f.name === 'skärmbild.png');
    const download = await get(agent, `/api/v1/files/${png.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG)).toBe(true);
    const bo = await signIn(t.app, 'bo@a.example');
    expect((await get(bo, url)).statusCode).toBe(404);
    expect((await get(bo, `/api/v1/files/${png.id}`)).statusCode).toBe(404);
    expect((await get(bAdmin, url)).statusCode).toBe(404);
  });

  it('confirms a portal ticket too, and not one an agent registers for someone', async () => {
    const portal = json(await post(anna, '/api/v1/tickets', { title: 'Ny skärm', description: '24 tum' }));
    const [confirmation] = await outboundTo('anna@a.example', new RegExp(`^\\[${portal.number}\\]`));
    expect(confirmation!.headers.get('auto-submitted')).toBe('auto-generated');
    const byAgent = json(await post(agent, '/api/v1/tickets', { title: 'Via telefon', requesterId: boId }));
    await quiet();
    expect(outbound.some((m) => m.subject?.includes(byAgent.number))).toBe(false);
  });
});

describe('the same Message-ID twice', () => {
  it('makes one ticket, sent again and again, and in parallel over several connections', async () => {
    const id = `<dubbel.${Date.now()}@client.example>`;
    const mail = { from: 'bo@a.example', subject: 'Dubbelt skickat', text: 'Samma mejl', messageId: id };
    await send(mail);
    await send(mail);
    const parallel = Array.from({ length: 6 }, () =>
      createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true }),
    );
    await Promise.all(parallel.map((p) => p.sendMail({ ...mail, to: DESK_A })));
    for (const p of parallel) p.close();
    await waitFor(async () => {
      const rows = await inbound(id);
      return rows.length === 8 && rows.every((r) => r.status !== 'received');
    });
    const rows = await inbound(id);
    expect(rows.filter((r) => r.status === 'ticket')).toHaveLength(1);
    expect(rows.filter((r) => r.status === 'duplicate')).toHaveLength(7);
    const ticketId = rows.find((r) => r.status === 'ticket')!.ticketId!;
    expect(rows.every((r) => r.ticketId === ticketId)).toBe(true);
    const made = await t.db
      .select()
      .from(tickets)
      .where(and(eq(tickets.tenantId, t.a.id), eq(tickets.title, 'Dubbelt skickat')));
    expect(made).toHaveLength(1);
    await quiet(1500);
    expect(outbound.filter((m) => m.inReplyTo === id)).toHaveLength(1);
  });

  it('makes one ticket when two readers take the same mail at once (a job retried while the first still runs)', async () => {
    const raw = Buffer.from(
      `From: bo@a.example\r\nTo: ${DESK_A}\r\nSubject: Två läsare\r\nMessage-ID: <tva.${Date.now()}@client.example>\r\n\r\nEtt mejl.\r\n`,
    );
    const [id] = await receiveMail(t.db, {
      raw,
      envelopeFrom: 'bo@a.example',
      recipients: [{ tenantId: t.a.id, address: DESK_A }],
    });
    // Sent without jobs on the call (no tx job): both readers here, concurrently.
    await Promise.all([
      readMail(t.db, { tenantId: t.a.id, id: id! }),
      readMail(t.db, { tenantId: t.a.id, id: id! }),
    ]);
    const [row] = await t.db.select().from(inboundMail).where(eq(inboundMail.id, id!));
    expect(row!.status).toBe('ticket');
    expect(
      await t.db
        .select()
        .from(tickets)
        .where(and(eq(tickets.tenantId, t.a.id), eq(tickets.title, 'Två läsare'))),
    ).toHaveLength(1);
  });
});

describe('replies', () => {
  it('join the ticket by the number in the subject or by In-Reply-To, without the quoted mail; agents’ replies go out, notes do not', async () => {
    const first = await send({ from: 'anna@a.example', subject: 'VPN fungerar inte', text: 'Hemifrån.' });
    const ticket = await ticketOf((await readOf(first)).ticketId!);
    const [confirmation] = await outboundTo('anna@a.example', new RegExp(`^\\[${ticket.number}\\]`));

    // "SV: [INC-…]" with Outlook's quote below the answer.
    const byNumber = await send({
      from: 'anna@a.example',
      subject: `SV: ${confirmation!.subject}`,
      text: `Det gäller även mobilen.\n\nFrån: Servicedesk <${DESK_A}>\nSkickat: idag\n\n${confirmation!.text}`,
    });
    const joined = await readOf(byNumber);
    expect(joined).toMatchObject({ status: 'reply', ticketId: ticket.id });
    // The agent answers in the console: the requester gets it, threaded; a note goes nowhere.
    const reply = await post(agent, `/api/v1/tickets/${ticket.id}/messages`, {
      body: 'Starta om klienten, är felet kvar?',
    });
    expect(reply.statusCode).toBe(201);
    await post(agent, `/api/v1/tickets/${ticket.id}/messages`, {
      body: 'Hemlig intern anteckning',
      internal: true,
    });
    const [answer] = await outboundTo('anna@a.example', /Nytt svar i ditt ärende/);
    expect(answer!.subject).toBe(`[${ticket.number}] Nytt svar i ditt ärende: VPN fungerar inte`);
    expect(answer!.text).toContain('Starta om klienten, är felet kvar?');
    expect(answer!.references).toContain(confirmation!.messageId);
    expect(answer!.headers.has('auto-submitted')).toBe(false);
    // A reply to that answer with the subject rewritten: found by In-Reply-To.
    const byHeader = await send({
      from: 'anna@a.example',
      subject: 'Fortfarande trasigt',
      text: `Ja, felet är kvar.\n\n> ${answer!.text!.split('\n').join('\n> ')}`,
      inReplyTo: answer!.messageId,
      references: [confirmation!.messageId!, answer!.messageId!],
    });
    expect(await readOf(byHeader)).toMatchObject({ status: 'reply', ticketId: ticket.id });
    const timeline = json(await get(anna, `/api/v1/tickets/${ticket.id}/timeline`)).items;
    const messages = timeline
      .filter((e: { kind: string }) => e.kind === 'message')
      .map((e: { body: string }) => e.body);
    expect(messages).toEqual([
      'Det gäller även mobilen.',
      'Starta om klienten, är felet kvar?',
      'Ja, felet är kvar.',
    ]);
    await quiet(1500);
    expect(outbound.some((m) => m.text?.includes('Hemlig intern anteckning'))).toBe(false);
    // Replies from the requester are not mailed back to the requester.
    expect(outbound.filter((m) => m.subject?.startsWith(`[${ticket.number}]`))).toHaveLength(2);
  });

  it('from someone else never land in another’s ticket: a person gets a ticket of their own, a stranger is held', async () => {
    const first = await send({
      from: 'anna@a.example',
      subject: 'Lönespecifikation saknas',
      text: 'Privat.',
    });
    const ticket = await ticketOf((await readOf(first)).ticketId!);
    const fromBo = await send({
      from: 'bo@a.example',
      subject: `Re: [${ticket.number}] Lönespecifikation saknas`,
      text: 'Jag med!',
    });
    const boRow = await readOf(fromBo);
    expect(boRow.status).toBe('ticket');
    expect(boRow.ticketId).not.toBe(ticket.id);
    expect((await ticketOf(boRow.ticketId!)).requesterId).toBe(boId);
    const stranger = await send({
      from: 'okand@annanstans.example',
      subject: `SV: ${ticket.number}`,
      text: 'Visa mig',
    });
    expect(await readOf(stranger)).toMatchObject({ status: 'held', reason: 'unknownSender', ticketId: null });
    const timeline = json(await get(anna, `/api/v1/tickets/${ticket.id}/timeline`)).items;
    expect(timeline.filter((e: { kind: string }) => e.kind === 'message')).toEqual([]);
    // An answer to another tenant's mail finds nothing of it here.
    const bTicket = json(await post(bAdmin, '/api/v1/tickets', { title: 'B:s ärende' }));
    const [bMail] = await outboundTo('admin@b.example', new RegExp(`^\\[${bTicket.number}\\]`));
    const cross = await send({
      from: 'anna@a.example',
      subject: 'Angående B:s ärende',
      text: 'Hej B',
      inReplyTo: bMail!.messageId,
    });
    const crossRow = await readOf(cross);
    expect(crossRow.status).toBe('ticket');
    expect((await ticketOf(crossRow.ticketId!)).tenantId).toBe(t.a.id);
  });
});

describe('robots do not loop', () => {
  it('keeps auto-replies, bounces, bulk mail and the desk’s own mail without a ticket or an answer', async () => {
    const ids: string[] = [];
    const cases: [SendMailOptions & { envelope?: { from: string; to: string[] } }, string][] = [
      [
        {
          from: 'anna@a.example',
          subject: 'Frånvaro',
          text: 'Borta',
          headers: { 'Auto-Submitted': 'auto-replied' },
        },
        'autoReply',
      ],
      [
        { from: 'anna@a.example', subject: 'Autosvar', text: 'Borta', headers: { 'X-Autoreply': 'yes' } },
        'autoReply',
      ],
      [
        { from: 'anna@a.example', subject: 'Nyhetsbrev', text: 'Läs', headers: { Precedence: 'bulk' } },
        'bulk',
      ],
      [{ from: 'anna@a.example', subject: 'Lista', text: 'Läs', headers: { Precedence: 'list' } }, 'bulk'],
      [
        { from: 'MAILER-DAEMON@mx.example', subject: 'Undeliverable', text: 'Kunde inte levereras' },
        'bounce',
      ],
      [{ from: 'postmaster@mx.example', subject: 'Delivery failure', text: 'Fel' }, 'bounce'],
      [
        {
          from: 'anna@a.example',
          subject: 'Returnerat',
          text: 'Studsat',
          envelope: { from: '', to: [DESK_A] },
        },
        'bounce',
      ],
      [{ from: DESK_A, subject: '[INC-2026-000001] Vi har tagit emot ditt ärende', text: 'Eko' }, 'loop'],
    ];
    for (const [mail, reason] of cases) {
      const id = await send(mail);
      ids.push(id);
      expect(await readOf(id), reason).toMatchObject({ status: 'ignored', reason, ticketId: null });
    }
    await quiet();
    // Nothing answered any of them (an answer would say In-Reply-To: the mail).
    expect(outbound.filter((m) => ids.includes(m.inReplyTo ?? ''))).toEqual([]);
    const listed = json(await get(admin, '/api/v1/desk/inbound-mail?status=ignored&limit=200')).items;
    expect(listed.filter((m: { reason: string }) => m.reason === 'bounce').length).toBeGreaterThanOrEqual(3);
  });

  it('holds what one sender sends past the limit per hour, unanswered', async () => {
    const settings = json(await get(admin, '/api/v1/desk/mail-settings'));
    const set = await patch(admin, '/api/v1/desk/mail-settings', {
      version: settings.version,
      senderLimitPerHour: 3,
    });
    expect(set.statusCode).toBe(200);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(await send({ from: 'cecilia@a.example', subject: `Fråga ${i}`, text: 'Hej' }));
    const rows = [];
    for (const id of ids) rows.push(await readOf(id));
    // The reading job takes mail in batches, not always in the order sent: three of the five are
    // tickets and two are held for the limit, whichever they are.
    expect(rows.map((r) => r.status).sort()).toEqual(['held', 'held', 'ticket', 'ticket', 'ticket']);
    expect(rows.filter((r) => r.status === 'held').map((r) => r.reason)).toEqual([
      'rateLimited',
      'rateLimited',
    ]);
    await quiet(1500);
    expect((await outboundTo('cecilia@a.example', /Vi har tagit emot/)).length).toBe(3);
    await patch(admin, '/api/v1/desk/mail-settings', {
      version: json(set).version,
      senderLimitPerHour: 1000,
    });
  });
});

describe('the inbox', () => {
  it('holds mail from an unknown sender for an agent who makes a ticket of it for a chosen requester', async () => {
    const id = await send({
      from: 'Sara Ek <sara.ek@vikarie.example>',
      subject: 'Konto till Heroma',
      text: 'Jag är ny vikarie.',
      attachments: [{ filename: 'intyg.pdf', content: PDF }],
    });
    const held = await readOf(id);
    expect(held).toMatchObject({ status: 'held', reason: 'unknownSender' });
    const list = json(await get(admin, '/api/v1/desk/inbound-mail')).items;
    const item = list.find((m: { id: string }) => m.id === held.id);
    expect(item).toMatchObject({
      fromAddress: 'sara.ek@vikarie.example',
      fromName: 'Sara Ek',
      subject: 'Konto till Heroma',
    });
    const detail = json(await get(admin, `/api/v1/desk/inbound-mail/${held.id}`));
    expect(detail).toMatchObject({
      text: 'Jag är ny vikarie.',
      messageId: id,
      can: { ticket: true, discard: true },
    });
    expect(detail.attachments).toEqual([expect.objectContaining({ name: 'intyg.pdf', fileId: null })]);
    const raw = await get(admin, `/api/v1/desk/inbound-mail/${held.id}/raw`);
    expect(raw.headers['content-type']).toContain('message/rfc822');
    expect(raw.rawPayload.equals(held.raw)).toBe(true);

    // Who may not: a group's agent, an employee, tenant B; a stale version. The web app shows
    // the inbox's link by what the desk answers (allGroups).
    expect(json(await get(admin, '/api/v1/desk/can'))).toEqual({
      agent: true,
      configure: true,
      allGroups: true,
    });
    expect(json(await get(agent, '/api/v1/desk/can'))).toMatchObject({ agent: true, allGroups: false });
    expect(json(await get(anna, '/api/v1/desk/can'))).toMatchObject({ agent: false, allGroups: false });
    expect((await get(agent, '/api/v1/desk/inbound-mail')).statusCode).toBe(403);
    expect((await get(anna, `/api/v1/desk/inbound-mail/${held.id}`)).statusCode).toBe(403);
    expect((await get(bAdmin, `/api/v1/desk/inbound-mail/${held.id}`)).statusCode).toBe(404);
    expect(
      (
        await post(bAdmin, `/api/v1/desk/inbound-mail/${held.id}/ticket`, {
          version: detail.version,
          requesterId: annaId,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await post(admin, `/api/v1/desk/inbound-mail/${held.id}/ticket`, {
          version: detail.version - 1,
          requesterId: annaId,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await post(admin, `/api/v1/desk/inbound-mail/${held.id}/ticket`, {
          version: detail.version,
          requesterId: t.b.adminId,
        })
      ).statusCode,
    ).toBe(400);

    const made = await post(admin, `/api/v1/desk/inbound-mail/${held.id}/ticket`, {
      version: detail.version,
      requesterId: annaId,
      type: 'request',
    });
    expect(made.statusCode, made.body).toBe(201);
    const ticket = await ticketOf(json(made).id);
    expect(ticket).toMatchObject({
      title: 'Konto till Heroma',
      type: 'request',
      channel: 'email',
      requesterId: annaId,
    });
    expect(ticket.description).toContain('Mottaget med e-post från Sara Ek <sara.ek@vikarie.example>');
    expect(
      json(await get(anna, `/api/v1/attachments/ticket/${ticket.id}`)).items.map(
        (f: { name: string }) => f.name,
      ),
    ).toEqual(['intyg.pdf']);
    await outboundTo('anna@a.example', new RegExp(`^\\[${ticket.number}\\]`));
    const after = json(await get(admin, `/api/v1/desk/inbound-mail/${held.id}`));
    expect(after).toMatchObject({
      status: 'ticket',
      ticket: { id: ticket.id, number: ticket.number },
      can: { ticket: false },
    });
    expect(after.handledBy).toBe('Ada a');
    // Made once: again answers 409.
    expect(
      (
        await post(admin, `/api/v1/desk/inbound-mail/${held.id}/ticket`, {
          version: after.version,
          requesterId: annaId,
        })
      ).statusCode,
    ).toBe(409);
    // The same mail once more is a duplicate of it, not a new held mail.
    await send({
      from: 'sara.ek@vikarie.example',
      subject: 'Konto till Heroma',
      text: 'Igen',
      messageId: id,
    });
    await waitFor(async () => (await inbound(id)).filter((r) => r.status === 'duplicate').length === 1);
  });

  it('discards a held mail with a reason; it is kept', async () => {
    const id = await send({ from: 'reklam@saljare.example', subject: 'Köp våra skrivare', text: 'Rabatt!' });
    const held = await readOf(id);
    const discarded = await post(admin, `/api/v1/desk/inbound-mail/${held.id}/discard`, {
      version: held.version,
      reason: 'Reklam',
    });
    expect(discarded.statusCode, discarded.body).toBe(200);
    expect(json(discarded)).toMatchObject({
      status: 'discarded',
      discardReason: 'Reklam',
      handledBy: 'Ada a',
    });
    expect(
      json(await get(admin, '/api/v1/desk/inbound-mail')).items.map((m: { id: string }) => m.id),
    ).not.toContain(held.id);
    const handled = json(await get(admin, '/api/v1/desk/inbound-mail?status=handled&limit=200')).items;
    expect(handled.map((m: { id: string }) => m.id)).toContain(held.id);
    expect(
      (
        await post(admin, `/api/v1/desk/inbound-mail/${held.id}/discard`, {
          version: json(discarded).version,
          reason: 'x',
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe('addresses and tenants', () => {
  it('gives mail to another tenant’s address to that tenant only, and refuses unknown recipients at RCPT', async () => {
    const id = await send({
      from: 'anna@a.example',
      to: DESK_B,
      subject: 'Till grannkommunen',
      text: 'Hej B',
    });
    expect(await readOf(id, t.b.id)).toMatchObject({ status: 'held', reason: 'unknownSender' });
    expect(await inbound(id)).toEqual([]);
    await expect(
      send({ from: 'anna@a.example', to: 'nobody@a.example', subject: 'Fel adress', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    // One good recipient of two: stored for it, the other refused.
    const info = await sender.sendMail({
      from: 'anna@a.example',
      to: [DESK_A, 'nobody@a.example'],
      subject: 'Två mottagare',
      text: 'x',
      messageId: '<tva-mottagare@client.example>',
    });
    expect(info.rejected).toEqual(['nobody@a.example']);
    expect((await readOf('<tva-mottagare@client.example>')).envelopeTo).toEqual([DESK_A]);
    const taken = await patch(bAdmin, '/api/v1/desk/mail-settings', {
      version: json(await get(bAdmin, '/api/v1/desk/mail-settings')).version,
      addresses: [DESK_B, DESK_A],
    });
    expect(taken.statusCode).toBe(409);
    expect(json(taken).errors[0].path).toBe('body.addresses.1');
    expect(json(await get(bAdmin, '/api/v1/desk/mail-settings')).addresses).toEqual([DESK_B]);
    expect((await patch(agent, '/api/v1/desk/mail-settings', { version: 1, addresses: [] })).statusCode).toBe(
      403,
    );
  });

  it('refuses a mail over MAIL_INBOUND_MAX_BYTES with 552, storing nothing', async () => {
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      MAIL_INBOUND_PORT: '0',
      HOST: '127.0.0.1',
      MAIL_INBOUND_MAX_BYTES: '5000',
    });
    const small = (await inboundListener.start({ db: t.db, config, log: memoryLogger() }))!;
    const client = createTransport({
      host: '127.0.0.1',
      port: Number(small.address.split(':').pop()),
      secure: false,
      ignoreTLS: true,
    });
    try {
      await expect(
        client.sendMail({
          from: 'anna@a.example',
          to: DESK_A,
          subject: 'Stor',
          text: 'x'.repeat(20_000),
          messageId: '<stor@client.example>',
        }),
      ).rejects.toMatchObject({ responseCode: 552 });
      expect(await inbound('<stor@client.example>')).toEqual([]);
    } finally {
      client.close();
      await small.close();
    }
    // Off unless MAIL_INBOUND_PORT is set.
    expect(
      await inboundListener.start({
        db: t.db,
        config: loadConfig({ LOG_LEVEL: 'silent' }),
        log: memoryLogger(),
      }),
    ).toBeUndefined();
  });
});

describe('the last attempt', () => {
  /** A mail with a PDF whose name holds a NUL (RFC 2231 %00): jsonb cannot store the name read. */
  function nulNamed(messageId: string, from: string) {
    return Buffer.from(
      [
        `From: ${from}`,
        `To: ${DESK_A}`,
        'Subject: Bilaga med trasigt namn',
        `Message-ID: ${messageId}`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Se bilagan.',
        '--b',
        'Content-Type: application/pdf',
        "Content-Disposition: attachment; filename*=utf-8''rapport%00.pdf",
        'Content-Transfer-Encoding: base64',
        '',
        PDF.toString('base64'),
        '--b--',
        '',
      ].join('\r\n'),
    );
  }

  it('holds a mail that no attempt could read as unreadable, in the inbox, instead of leaving it unread', async () => {
    // A runner that queues but reads nothing, so that this test runs the attempts itself.
    await jobs!.stop(2000);
    jobs = await startJobs(t.database, definitions(), memoryLogger(), { ...FAST, work: false });
    try {
      const messageId = `<nul.${Date.now()}@client.example>`;
      const [id] = await receiveMail(t.db, {
        raw: nulNamed(messageId, 'Okänd Avsändare <okand@extern.example>'),
        envelopeFrom: 'okand@extern.example',
        recipients: [{ tenantId: t.a.id, address: DESK_A }],
      });
      const data = { tenantId: t.a.id, id: id! };
      const context = { database: t.database, log: memoryLogger(), jobs: jobs!, id: 'attempt' };
      // Every attempt but the last fails as the job's own: it is retried, nothing is written.
      for (const attempt of [0, 4])
        await expect(readMailJob.handler(data, { ...context, attempt })).rejects.toThrow();
      const [waiting] = await inbound(messageId);
      expect(waiting).toMatchObject({ status: 'received', version: 1, parsedAt: null });
      expect(
        json(await get(admin, '/api/v1/desk/inbound-mail')).items.map((m: { id: string }) => m.id),
      ).not.toContain(id);

      // The last (the fifth retry) gives up on reading it: held for a person, raw kept.
      await readMailJob.handler(data, { ...context, attempt: 5 });
      const [held] = await inbound(messageId);
      expect(held).toMatchObject({ status: 'held', reason: 'unreadable', ticketId: null });
      // What was read could not be stored (the name): the mail is kept raw only, for a person to read.
      expect(held).toMatchObject({ fromAddress: null, subject: null, attachments: [], messageId });
      expect(held!.raw.equals(nulNamed(messageId, 'Okänd Avsändare <okand@extern.example>'))).toBe(true);
      const list = json(await get(admin, '/api/v1/desk/inbound-mail')).items;
      expect(list.find((m: { id: string }) => m.id === id)).toMatchObject({
        status: 'held',
        reason: 'unreadable',
      });
      const detail = json(await get(admin, `/api/v1/desk/inbound-mail/${id}`));
      expect(detail.can).toEqual({ ticket: true, discard: true });
      // Why, in the audit trail.
      const audit = await t.db
        .select({ changes: auditEvents.changes })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.tenantId, t.a.id),
            eq(auditEvents.entityId, id!),
            eq(auditEvents.action, 'hold'),
          ),
        );
      expect(audit).toHaveLength(1);
      expect(audit[0]!.changes).toMatchObject({
        reason: [null, 'unreadable'],
        failure: [null, expect.any(String)],
      });
      // An attempt after it (a job the sweep sent) leaves it as it is.
      await readMail(t.db, data);
      expect((await inbound(messageId))[0]).toMatchObject({ status: 'held', version: held!.version });

      // An agent makes a ticket of it, with its file (the name cleaned), or could discard it.
      const made = await post(admin, `/api/v1/desk/inbound-mail/${id}/ticket`, {
        version: detail.version,
        requesterId: annaId,
      });
      expect(made.statusCode, made.body).toBe(201);
      expect((await inbound(messageId))[0]).toMatchObject({ status: 'ticket', ticketId: json(made).id });
    } finally {
      await jobs!.stop(2000);
      jobs = await startJobs(t.database, definitions(), memoryLogger(), FAST);
    }
  });
});

describe('a crash between accepting and reading', () => {
  it('loses nothing: a mail accepted while no runner works is read once the runner starts again, into one ticket', async () => {
    await jobs!.stop(2000);
    // A process that stores and queues but reads nothing: the state a crash after "250 OK" leaves.
    jobs = await startJobs(t.database, definitions(), memoryLogger(), { ...FAST, work: false });
    const id = await send({ from: 'bo@a.example', subject: 'Mottaget före kraschen', text: 'Hej' });
    const [row] = await inbound(id);
    expect(row!.status).toBe('received');
    await jobs.stop(2000);
    await quiet(1000);
    expect((await inbound(id))[0]!.status).toBe('received');
    jobs = await startJobs(t.database, definitions(), memoryLogger(), FAST);
    // And the sweep that a later server runs finds nothing more to do for it.
    await jobs.send(sweepMail, {});
    const read = await readOf(id);
    expect(read.status).toBe('ticket');
    await quiet(1500);
    expect(
      await t.db
        .select()
        .from(tickets)
        .where(and(eq(tickets.tenantId, t.a.id), eq(tickets.title, 'Mottaget före kraschen'))),
    ).toHaveLength(1);
    expect((await outboundTo('bo@a.example', /Mottaget före kraschen/)).length).toBe(1);
  });

  it('reads at once, at the next start, a mail whose job a killed process held (not after the job times out)', async () => {
    await jobs!.stop(2000);
    jobs = await startJobs(t.database, definitions(), memoryLogger(), { ...FAST, work: false });
    const id = await send({ from: 'bo@a.example', subject: 'Mitt i läsningen', text: 'Hej' });
    // A worker of a process that then died took the job: it stays active until it times out.
    const [taken] = await jobs.boss.fetch<{ id: string }>('desk.mail.read');
    expect(taken).toBeDefined();
    await jobs.stop(2000);
    jobs = await startJobs(t.database, definitions(), memoryLogger(), FAST);
    // The listener's start (a server's start) sends the mail a new job.
    const config = loadConfig({ LOG_LEVEL: 'silent', MAIL_INBOUND_PORT: '0', HOST: '127.0.0.1' });
    const restarted = (await inboundListener.start({ db: t.db, config, log: memoryLogger() }))!;
    try {
      const began = Date.now();
      expect((await readOf(id)).status).toBe('ticket');
      expect(Date.now() - began).toBeLessThan(15_000);
      const [still] = await jobs.boss.findJobs('desk.mail.read', { id: taken!.id });
      expect(still?.state).toBe('active');
    } finally {
      await restarted.close();
    }
    expect(
      await t.db
        .select()
        .from(tickets)
        .where(and(eq(tickets.tenantId, t.a.id), eq(tickets.title, 'Mitt i läsningen'))),
    ).toHaveLength(1);
  });
});

import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { seedPerson, seedTenant, type TestTenant } from '../../testing.ts';
import { changeOwnPassword, resetPassword } from '../auth/service.ts';
import { type Jobs, startJobs } from '../jobs/jobs.ts';
import { memoryLogger, waitFor } from '../jobs/testing.ts';
import { inTenant } from '../tenancy.ts';
import { outbox } from './schema.ts';
import { mailJobs, queueMail } from './service.ts';
import { defineMail, mailRegistry, passwordChanged, platformMail } from './templates.ts';

// Outbound mail end to end: the outbox row written in the caller's transaction, delivered by a
// real pg-boss job to a real SMTP server that this test runs, in Swedish and in English.

const FROM = 'Styrbord Test <styrbord@kommun.example>';
const RETRY = { limit: 3, delaySeconds: 1 };

const greeting = defineMail<{ name: string }>({
  kind: 'test.greeting',
  sv: (p) => ({
    subject: `Hej ${p.name}`,
    text: `Välkommen, ${p.name}!`,
    html: `<p>Välkommen, ${p.name}!</p>`,
  }),
  en: (p) => ({ subject: `Hello ${p.name}`, text: `Welcome, ${p.name}!` }),
});

let t: TestDatabase;
let tenant: TestTenant;
let jobs: Jobs | undefined;
const received: ParsedMail[] = [];
let refuseNext = 0;
let smtp: SMTPServer;
let smtpUrl: string;

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await seedTenant(t.db, 'k');
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === 'styrbord' && auth.password === 'hemligt')
        return callback(null, { user: 'styrbord' });
      return callback(new Error('bad credentials'));
    },
    onRcptTo(_address, _session, callback) {
      if (refuseNext > 0) {
        refuseNext--;
        return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      }
      return callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://styrbord:hemligt@127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await jobs?.stop(1000);
  jobs = undefined;
  received.length = 0;
  refuseNext = 0;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(resolve));
  await t.dispose();
});

async function startMail(smtpUrlOrNone: string | undefined) {
  const log = memoryLogger();
  jobs = await startJobs(t, mailJobs({ smtpUrl: smtpUrlOrNone, from: FROM, retry: RETRY }), log, {
    pollingIntervalSeconds: 0.5,
  });
  return log;
}

async function row(id: string) {
  const [found] = await t.db.select().from(outbox).where(eq(outbox.id, id));
  return found!;
}

describe('outbound mail', () => {
  it('delivers in Swedish and in English with the right subject, body and sender', async () => {
    await startMail(smtpUrl);
    const [sv, en] = await inTenant(t.db, tenant.actor, async (s) => [
      await queueMail(s, {
        to: 'eva@kommun.example',
        kind: greeting,
        params: { name: 'Eva' },
        language: 'sv',
      }),
      await queueMail(s, {
        to: 'john@kommun.example',
        kind: greeting,
        params: { name: 'John' },
        language: 'en',
      }),
    ]);
    await waitFor(() => received.length === 2);
    const bySubject = Object.fromEntries(received.map((m) => [m.subject, m]));
    expect(bySubject['Hej Eva']!.text?.trim()).toBe('Välkommen, Eva!');
    expect(bySubject['Hej Eva']!.html).toContain('<p>Välkommen, Eva!</p>');
    expect(bySubject['Hej Eva']!.from?.value).toEqual([
      { name: 'Styrbord Test', address: 'styrbord@kommun.example' },
    ]);
    expect(bySubject['Hej Eva']!.to).toMatchObject({ text: 'eva@kommun.example' });
    expect(bySubject['Hello John']!.text?.trim()).toBe('Welcome, John!');
    await waitFor(async () => (await row(en!)).status === 'sent');
    expect(await row(sv!)).toMatchObject({
      tenantId: tenant.id,
      status: 'sent',
      attempts: 1,
      kind: 'test.greeting',
      language: 'sv',
      lastError: null,
    });
  });

  it('sends the Message-ID and the threading and robot headers it was given', async () => {
    await startMail(smtpUrl);
    const id = await inTenant(t.db, tenant.actor, (s) =>
      queueMail(s, {
        to: 'eva@kommun.example',
        kind: greeting,
        params: { name: 'Eva' },
        language: 'sv',
        messageId: '<svar-1@servicedesk.kommun.example>',
        headers: {
          inReplyTo: '<fraga-1@eva.example>',
          references: ['<start@eva.example>', '<fraga-1@eva.example>'],
          replyTo: 'Servicedesk <servicedesk@kommun.example>',
          autoSubmitted: 'auto-replied',
        },
      }),
    );
    await waitFor(() => received.length === 1);
    const mail = received[0]!;
    expect(mail.messageId).toBe('<svar-1@servicedesk.kommun.example>');
    expect(mail.inReplyTo).toBe('<fraga-1@eva.example>');
    expect(mail.references).toEqual(['<start@eva.example>', '<fraga-1@eva.example>']);
    expect(mail.replyTo?.value).toEqual([{ name: 'Servicedesk', address: 'servicedesk@kommun.example' }]);
    expect(mail.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail.headers.get('x-auto-response-suppress')).toBe('All');
    expect((await row(id)).messageId).toBe('<svar-1@servicedesk.kommun.example>');
    // A message without them is sent as before: no robot headers, a Message-ID of the transport's.
    await inTenant(t.db, tenant.actor, (s) =>
      queueMail(s, { to: 'eva@kommun.example', kind: greeting, params: { name: 'Eva' }, language: 'sv' }),
    );
    await waitFor(() => received.length === 2);
    expect(received[1]!.headers.has('auto-submitted')).toBe(false);
    expect(received[1]!.messageId).toMatch(/^<.+@.+>$/);
  });

  it('delivers a burst in batches, each message once', async () => {
    await startMail(smtpUrl);
    await inTenant(t.db, tenant.actor, async (s) => {
      for (let i = 0; i < 60; i++)
        await queueMail(s, {
          to: `p${i}@kommun.example`,
          kind: greeting,
          params: { name: `P${i}` },
          language: 'sv',
        });
    });
    // One message per fetch, a fetch per polling interval (0.5 s here), would take 30 s.
    await waitFor(() => received.length === 60, 20_000);
    expect(new Set(received.map((m) => m.subject)).size).toBe(60);
  });

  it('retries when the SMTP server refuses at first, and the mail arrives once', async () => {
    await startMail(smtpUrl);
    refuseNext = 2;
    const id = await inTenant(t.db, tenant.actor, (s) =>
      queueMail(s, { to: 'eva@kommun.example', kind: greeting, params: { name: 'Eva' }, language: 'sv' }),
    );
    await waitFor(async () => (await row(id)).status === 'sent');
    expect(received.map((m) => m.subject)).toEqual(['Hej Eva']);
    const sent = await row(id);
    expect(sent.attempts).toBe(3);
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(sent.lastError).toBeNull();
  });

  it('marks a message failed when every attempt is refused, with the reason', async () => {
    await startMail(smtpUrl);
    refuseNext = 10;
    const id = await inTenant(t.db, tenant.actor, (s) =>
      queueMail(s, { to: 'eva@kommun.example', kind: greeting, params: { name: 'Eva' }, language: 'sv' }),
    );
    await waitFor(async () => (await row(id)).status === 'failed', 20_000);
    const failed = await row(id);
    expect(failed.attempts).toBe(RETRY.limit + 1);
    expect(failed.lastError).toMatch(/451/);
    expect(failed.lastError).not.toContain('hemligt');
    expect(received).toEqual([]);
  });

  it('without SMTP_URL writes the message to the log and marks it logged', async () => {
    const log = await startMail(undefined);
    const id = await inTenant(t.db, tenant.actor, (s) =>
      queueMail(s, { to: 'eva@kommun.example', kind: greeting, params: { name: 'Eva' }, language: 'sv' }),
    );
    await waitFor(async () => (await row(id)).status === 'logged');
    expect(log.lines).toContainEqual(
      expect.objectContaining({
        level: 'info',
        object: { mail: expect.objectContaining({ id, to: 'eva@kommun.example', subject: 'Hej Eva' }) },
      }),
    );
  });

  it('writes nothing and sends nothing when the transaction rolls back', async () => {
    await startMail(smtpUrl);
    let id = '';
    await expect(
      inTenant(t.db, tenant.actor, async (s) => {
        id = await queueMail(s, {
          to: 'eva@kommun.example',
          kind: greeting,
          params: { name: 'Eva' },
          language: 'sv',
        });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await t.db.select().from(outbox).where(eq(outbox.id, id))).toEqual([]);
    expect(await jobs!.boss.findJobs('mail.deliver', { data: { id } })).toEqual([]);
    await new Promise((r) => setTimeout(r, 1000));
    expect(received).toEqual([]);
  });

  it('delivers a message written while no server ran jobs, once, when one starts', async () => {
    const id = await inTenant(t.db, tenant.actor, (s) =>
      queueMail(s, { to: 'eva@kommun.example', kind: greeting, params: { name: 'Eva' }, language: 'sv' }),
    );
    expect(jobs).toBeUndefined();
    const definitions = mailJobs({ smtpUrl, from: FROM, retry: RETRY, sweepAfterSeconds: 0 });
    jobs = await startJobs(t, definitions, memoryLogger(), { pollingIntervalSeconds: 0.5 });
    // The sweep runs every five minutes; here it is sent at once, twice, as two servers might.
    await jobs.send({ name: 'mail.sweep' }, {});
    await jobs.send({ name: 'mail.sweep' }, {});
    await waitFor(async () => (await row(id)).status === 'sent');
    await new Promise((r) => setTimeout(r, 1000));
    expect(received.map((m) => m.subject)).toEqual(['Hej Eva']);
  });

  it('tells a person their password was changed, by themselves or by an admin', async () => {
    await startMail(smtpUrl);
    const person = await seedPerson(t.db, tenant, 'berit@k.example');
    const admin = { ...tenant.actor, personId: tenant.adminId, name: 'Ada k' };
    await resetPassword(t.db, admin, person.id);
    await waitFor(() => received.length === 1);
    expect(received[0]!.subject).toBe('Ditt lösenord i Styrbord har ändrats');
    expect(received[0]!.to).toMatchObject({ text: 'berit@k.example' });
    expect(received[0]!.text).toContain('Ada k har återställt ditt lösenord');
    expect(received[0]!.text).toContain('Test k');

    const principal = {
      tenantId: tenant.id,
      personId: person.id,
      name: 'Test berit',
      email: 'berit@k.example',
      grants: [],
      via: 'session' as const,
    };
    // Reset by the system (admin:create), the message names no one.
    const temporary = await resetPassword(t.db, tenant.actor, person.id);
    await waitFor(() => received.length === 2);
    expect(received[1]!.text).toContain('En administratör har återställt ditt lösenord');
    await changeOwnPassword(t.db, principal, temporary, 'ett nytt långt lösenord');
    await waitFor(() => received.length === 3);
    expect(received[2]!.text).toContain('Ditt lösenord i Styrbord (Test k) ändrades');
    // The message never carries the password.
    for (const mail of received) expect(mail.text).not.toContain(temporary);
    const rows = await t.db.select().from(outbox).where(eq(outbox.recipient, 'berit@k.example'));
    expect(rows.map((r) => r.kind)).toEqual(Array(3).fill('platform.password-changed'));
    for (const r of rows) expect(r.text).not.toContain(temporary);
  });
});

describe('mail templates', () => {
  it('has every platform kind in Swedish and English, and refuses a kind defined twice', () => {
    const params = {
      name: 'Eva Lind',
      by: 'self' as const,
      at: '2025-03-01T09:30:00Z',
      organisation: 'Styrby kommun',
    };
    expect(passwordChanged.sv(params).text).toContain('1 mars 2025 kl. 10:30');
    expect(passwordChanged.en(params).text).toContain('1 March 2025 at 10:30');
    expect(mailRegistry(platformMail).get('platform.password-changed')).toBe(passwordChanged);
    expect(() => mailRegistry([greeting, greeting])).toThrow('defined twice');
  });
});

import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { rowsOf } from '../../db/client.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { json, type Session, seedPerson, seedTenant, signIn, type TestTenant } from '../../testing.ts';
import { createApiToken, type Principal, resetPassword, revokeApiToken } from '../auth/service.ts';
import { systemActor } from '../context.ts';
import * as directory from '../directory/service.ts';
import type { App } from '../http.ts';
import { type Jobs, startJobs } from '../jobs/jobs.ts';
import { memoryLogger, waitFor } from '../jobs/testing.ts';
import { outbox } from '../mail/schema.ts';
import type { Module } from '../seam.ts';
import { inTenant } from '../tenancy.ts';
import { defineNotification } from './kinds.ts';
import { notifications } from './schema.ts';
import { notificationJobs, notify, remind } from './service.ts';

// The inbox, mail preferences and reminders through the real app, database and job queue.

const news = defineNotification<{ title: string }>({
  kind: 'test.news',
  label: { sv: 'Nyheter', en: 'News' },
  sv: (p) => `Nyhet: ${p.title}`,
  en: (p) => `News: ${p.title}`,
  mail: { default: true },
});
const quiet = defineNotification<{ title: string }>({
  kind: 'test.quiet',
  label: { sv: 'Tyst', en: 'Quiet' },
  sv: (p) => `Tyst: ${p.title}`,
  en: (p) => `Quiet: ${p.title}`,
  mail: { default: false },
});
const revoked = new Set<string>();
const due = defineNotification<{ what: string }>({
  kind: 'test.due',
  label: { sv: 'Påminnelse', en: 'Reminder' },
  sv: (p) => `Påminnelse: ${p.what}`,
  en: (p) => `Reminder: ${p.what}`,
  stillDue: async (_db, _tenantId, record) => !revoked.has(record.id),
});
const testModule: Module = { name: 'test-notifications', notificationKinds: [news, quiet, due] };

let database: TestDatabase;
let app: App;
let a: TestTenant;
let b: TestTenant;
let anna: { id: string; email: string };
let bertil: { id: string; email: string };
let annaSession: Session;
let jobs: Jobs | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: undefined });
  app = await buildApp({ config, database, logger: false, modules: [testModule] });
  await app.ready();
  a = await seedTenant(database.db, 'a');
  b = await seedTenant(database.db, 'b');
  anna = await seedPerson(database.db, a, 'anna@a.example', ['employee']);
  bertil = await seedPerson(database.db, a, 'bertil@a.example', ['employee']);
  annaSession = await signIn(app, 'anna@a.example');
});
afterEach(async () => {
  await jobs?.stop(1000);
  jobs = undefined;
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

const send = (tenant: TestTenant, personIds: string[], title: string, kind = news) =>
  inTenant(database.db, systemActor(tenant.id), (s) =>
    notify(s, {
      personIds,
      kind,
      params: { title },
      record: { kind: 'unit', id: tenant.unitId, href: `/units/${tenant.unitId}` },
    }),
  );

async function mailsTo(email: string) {
  return database.db.select().from(outbox).where(eq(outbox.recipient, email));
}

async function inboxOf(personId: string, kind?: string) {
  return database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.personId, personId), kind ? eq(notifications.kind, kind) : undefined));
}

describe('notify', () => {
  it('leaves nothing, neither notification nor mail, when the transaction rolls back', async () => {
    await expect(
      inTenant(database.db, systemActor(a.id), async (s) => {
        await notify(s, { personIds: [bertil.id], kind: news, params: { title: 'ångrad' } });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await inboxOf(bertil.id, news.kind)).toEqual([]);
    expect(await mailsTo(bertil.email)).toEqual([]);
  });

  it('skips the acting person and people of another tenant', async () => {
    const ids = await inTenant(database.db, { ...systemActor(a.id), personId: bertil.id }, (s) =>
      notify(s, { personIds: [bertil.id, b.adminId], kind: news, params: { title: 'själv' } }),
    );
    expect(ids).toEqual([]);
  });
});

describe('the inbox', () => {
  it("lists one's own notifications only, newest first, in the reader's language", async () => {
    await send(a, [anna.id, bertil.id], 'första');
    await send(a, [anna.id], 'andra');
    await send(b, [b.adminId], 'grannens');
    const sv = json(await app.inject({ url: '/api/v1/notifications', headers: annaSession.headers() }));
    // seedPerson's grant made by the system itself (as at setup) announces nothing.
    expect(sv.items.map((n: { text: string }) => n.text)).toEqual(['Nyhet: andra', 'Nyhet: första']);
    expect(sv.items[0]).toMatchObject({
      kind: 'test.news',
      href: `/units/${a.unitId}`,
      recordKind: 'unit',
      readAt: null,
    });
    const en = json(
      await app.inject({
        url: '/api/v1/notifications',
        headers: annaSession.headers({ 'accept-language': 'en' }),
      }),
    );
    expect(en.items.map((n: { text: string }) => n.text)).toEqual(['News: andra', 'News: första']);

    // Pages by keyset.
    const first = json(
      await app.inject({ url: '/api/v1/notifications?limit=1', headers: annaSession.headers() }),
    );
    expect(first.items).toHaveLength(1);
    const second = json(
      await app.inject({
        url: `/api/v1/notifications?limit=1&cursor=${first.nextCursor}`,
        headers: annaSession.headers(),
      }),
    );
    expect(second.items[0].text).toBe('Nyhet: första');
    const bad = await app.inject({
      url: '/api/v1/notifications?cursor=WyJ4Il0',
      headers: annaSession.headers(),
    });
    expect(bad.statusCode).toBe(400);

    // B's admin sees only B's.
    const bAdmin = await signIn(app, b.adminEmail);
    const theirs = json(await app.inject({ url: '/api/v1/notifications', headers: bAdmin.headers() }));
    expect(theirs.items.map((n: { text: string }) => n.text)).toContain('Nyhet: grannens');
    expect(JSON.stringify(theirs)).not.toContain('första');
  });

  it('tells a person of a role an admin granted them, by name, with a link to their page', async () => {
    const admin = await signIn(app, a.adminEmail);
    const granted = await app.inject({
      method: 'POST',
      url: '/api/v1/role-assignments',
      headers: admin.headers(),
      payload: { personId: bertil.id, role: 'economist' },
    });
    expect(granted.statusCode).toBe(201);
    const bertilSession = await signIn(app, 'bertil@a.example');
    const inbox = json(await app.inject({ url: '/api/v1/notifications', headers: bertilSession.headers() }));
    expect(inbox.items[0]).toMatchObject({
      kind: 'platform.role-granted',
      text: 'Ada a gav dig rollen Ekonom i hela organisationen.',
      href: `/people/${bertil.id}`,
    });
  });

  it('counts unread, marks one and all read; another person’s notification is 404', async () => {
    const count = async () =>
      json(await app.inject({ url: '/api/v1/notifications/count', headers: annaSession.headers() })).unread;
    const before = await count();
    const [mine] = await send(a, [anna.id], 'att läsa');
    const [bertils] = await send(a, [bertil.id], 'bertils');
    expect(await count()).toBe(before + 1);

    const read = await app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${mine}/read`,
      headers: annaSession.headers(),
    });
    expect(read.statusCode).toBe(200);
    expect(json(read).readAt).not.toBeNull();
    expect(await count()).toBe(before);

    const other = await app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${bertils}/read`,
      headers: annaSession.headers(),
    });
    expect(other.statusCode).toBe(404);
    expect((await inboxOf(bertil.id)).find((n) => n.id === bertils)?.readAt).toBeNull();
    const bAdmin = await signIn(app, b.adminEmail);
    const across = await app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${mine}/read`,
      headers: bAdmin.headers(),
    });
    expect(across.statusCode).toBe(404);

    const all = await app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: annaSession.headers(),
    });
    expect(json(all).marked).toBe(before);
    expect(await count()).toBe(0);
    const unread = json(
      await app.inject({ url: '/api/v1/notifications?unread=true', headers: annaSession.headers() }),
    );
    expect(unread.items).toEqual([]);
    // Bertil's are untouched.
    expect((await inboxOf(bertil.id)).some((n) => n.readAt === null)).toBe(true);
  });
});

describe('mail preferences', () => {
  it('lists every kind with my choice, and the choice decides whether mail is queued', async () => {
    const list = json(
      await app.inject({ url: '/api/v1/notification-preferences', headers: annaSession.headers() }),
    ).items;
    expect(list).toContainEqual({ kind: 'test.news', label: 'Nyheter', mail: true, mailDefault: true });
    expect(list).toContainEqual({ kind: 'test.quiet', label: 'Tyst', mail: false, mailDefault: false });
    expect(list).toContainEqual(expect.objectContaining({ kind: 'platform.password-reset', mail: null }));
    expect(list.map((p: { kind: string }) => p.kind)).toContain('platform.role-granted');

    const mailed = async () => (await mailsTo(anna.email)).length;
    let n = await mailed();
    await send(a, [anna.id], 'med post');
    expect(await mailed()).toBe(n + 1);
    const [latest] = (await mailsTo(anna.email)).sort(
      (x, y) => y.createdAt.getTime() - x.createdAt.getTime(),
    );
    expect(latest).toMatchObject({
      kind: 'platform.notification',
      language: 'sv',
      subject: 'Nyhet: med post',
    });
    n++;
    await send(a, [anna.id], 'tyst', quiet);
    expect(await mailed()).toBe(n);

    const off = await app.inject({
      method: 'PUT',
      url: '/api/v1/notification-preferences/test.news',
      headers: annaSession.headers(),
      payload: { mail: false },
    });
    expect(off.statusCode).toBe(200);
    expect(json(off)).toMatchObject({ kind: 'test.news', mail: false });
    const on = await app.inject({
      method: 'PUT',
      url: '/api/v1/notification-preferences/test.quiet',
      headers: annaSession.headers({ 'accept-language': 'en' }),
      payload: { mail: true },
    });
    expect(json(on)).toMatchObject({ kind: 'test.quiet', label: 'Quiet', mail: true });
    await send(a, [anna.id], 'utan post');
    expect(await mailed()).toBe(n);
    await send(a, [anna.id], 'nu med post', quiet);
    expect(await mailed()).toBe(n + 1);
    // Bertil's defaults are his own.
    const bertilMails = (await mailsTo(bertil.email)).length;
    await send(a, [bertil.id], 'till bertil');
    expect((await mailsTo(bertil.email)).length).toBe(bertilMails + 1);

    const never = await app.inject({
      method: 'PUT',
      url: '/api/v1/notification-preferences/platform.password-reset',
      headers: annaSession.headers(),
      payload: { mail: true },
    });
    expect(never.statusCode).toBe(400);
    const unknown = await app.inject({
      method: 'PUT',
      url: '/api/v1/notification-preferences/test.nothing',
      headers: annaSession.headers(),
      payload: { mail: true },
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('the platform’s own kinds', () => {
  it('tells a person of a role granted and a password reset by an admin', async () => {
    const admin = { ...a.actor, personId: a.adminId, name: 'Ada Admin' };
    await directory.grantRole(database.db, admin, { personId: bertil.id, role: 'reader' });
    await resetPassword(database.db, admin, bertil.id);
    const kinds = (await inboxOf(bertil.id)).map((n) => n.kind);
    expect(kinds).toContain('platform.role-granted');
    expect(kinds).toContain('platform.password-reset');
  });
});

describe('reminders', () => {
  async function startReminders() {
    jobs = await startJobs(database, notificationJobs(app.seam), memoryLogger(), {
      pollingIntervalSeconds: 0.5,
    });
  }

  it('fire once at their time even when scheduled twice, and not when no longer due', async () => {
    await startReminders();
    const at = new Date(Date.now() + 1500);
    const record = { kind: 'unit', id: a.unitId, href: `/units/${a.unitId}` };
    const schedule = () =>
      inTenant(database.db, systemActor(a.id), (s) =>
        remind(s, { at, personIds: [bertil.id], kind: due, params: { what: 'avtalet' }, record }),
      );
    expect(await schedule()).not.toBeNull();
    expect(await schedule()).toBeNull();
    // A reminder scheduled in a transaction that rolls back never fires.
    await expect(
      inTenant(database.db, systemActor(a.id), async (s) => {
        await remind(s, {
          at,
          personIds: [bertil.id],
          kind: due,
          params: { what: 'ångrat' },
          record: { ...record, id: b.unitId },
        });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    // One whose record went away meanwhile is dropped when it comes due.
    const gone = { kind: 'unit', id: anna.id, href: '/x' };
    revoked.add(gone.id);
    await inTenant(database.db, systemActor(a.id), (s) =>
      remind(s, { at, personIds: [bertil.id], kind: due, params: { what: 'borta' }, record: gone }),
    );

    expect(await inboxOf(bertil.id, due.kind)).toEqual([]);
    await waitFor(async () => (await inboxOf(bertil.id, due.kind)).length > 0);
    const fired = await inboxOf(bertil.id, due.kind);
    expect(fired[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(at.getTime() - 50);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const after = await inboxOf(bertil.id, due.kind);
    expect(after.map((n) => n.params)).toEqual([{ what: 'avtalet' }]);
  });

  it('reminds of an API token a week before it expires, unless it was revoked', async () => {
    await startReminders();
    const principal: Principal = {
      ...a.actor,
      personId: anna.id,
      name: 'Anna',
      email: anna.email,
      via: 'session',
      grants: [],
    };
    const count = async () =>
      rowsOf<{ n: number }>(
        await database.db.execute(
          sql`select count(*)::int as n from pgboss.job where name = 'notifications.remind' and data->>'kind' = 'platform.api-token-expiring'`,
        ),
      )[0]!.n;
    const before = await count();
    const { row } = await createApiToken(
      database.db,
      principal,
      'ci',
      new Date(Date.now() + 30 * 86_400_000),
    );
    expect(await count()).toBe(before + 1);
    // A token of a week or less gets no reminder.
    await createApiToken(database.db, principal, 'kort', new Date(Date.now() + 3 * 86_400_000));
    expect(await count()).toBe(before + 1);
    const kind = app.seam.notificationKind('platform.api-token-expiring')!;
    const record = { kind: 'apiToken', id: row.id, href: '/account/tokens' };
    expect(await kind.stillDue!(database.db, a.id, record, {})).toBe(true);
    await revokeApiToken(database.db, principal, row.id);
    expect(await kind.stillDue!(database.db, a.id, record, {})).toBe(false);
  });
});

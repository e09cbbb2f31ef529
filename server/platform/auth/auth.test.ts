import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, json, PASSWORD, seedPerson, signIn, type TestContext } from '../../testing.ts';
import { apiTokens, credentials } from './schema.ts';
import {
  FAILED_SIGN_IN_MS,
  LOCK_MINUTES,
  MAX_FAILED_ATTEMPTS,
  setPassword as setPasswordService,
  signIn as signInService,
} from './service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const noSleep = async () => {};

describe('sign-in with a local account', () => {
  it('signs in, sets an httpOnly SameSite cookie, answers {csrfToken, person} and signs out', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: '  ADMIN@a.example ', password: PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const body = json(response);
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(body.person).toMatchObject({ id: t.a.adminId, email: t.a.adminEmail });
    expect(body.grants).toEqual([{ role: 'admin', scope: 'global', scopeId: null }]);
    const cookie = response.cookies[0]!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const headers = { cookie: `${cookie.name}=${cookie.value}`, 'x-csrf-token': body.csrfToken };

    expect((await t.app.inject({ url: '/api/v1/session', headers })).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/session', headers })).statusCode).toBe(401);
  });

  it('refuses a wrong password with 401 problem+json and the same answer for an unknown email', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'admin@b.example', password: 'nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'nobody@b.example', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(json(wrong).code).toBe('invalid-credentials');
    expect(json(unknown).code).toBe('invalid-credentials');
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('locks the account after repeated failures; the right password then fails too, as for an unknown email', async () => {
    const person = await seedPerson(t.db, t.a, 'lock@a.example');
    const delays: number[] = [];
    const record = async (ms: number) => {
      delays.push(ms);
    };
    for (let i = 1; i <= MAX_FAILED_ATTEMPTS; i++) {
      await expect(signInService(t.db, 'lock@a.example', 'wrong', 1, record)).rejects.toMatchObject({
        status: 401,
        code: 'invalid-credentials',
      });
    }
    // Every failure is held to the same floor, so its time says nothing of the account.
    expect(delays).toHaveLength(MAX_FAILED_ATTEMPTS);
    for (const ms of delays) expect(ms).toBeLessThanOrEqual(FAILED_SIGN_IN_MS);
    await expect(signInService(t.db, 'lock@a.example', PASSWORD, 1, noSleep)).rejects.toMatchObject({
      status: 401,
      code: 'invalid-credentials',
    });
    const [cred] = await t.db
      .select()
      .from(credentials)
      .where(and(eq(credentials.tenantId, t.a.id), eq(credentials.personId, person.id)));
    expect(cred!.failedAttempts).toBe(MAX_FAILED_ATTEMPTS);
    const minutes = (cred!.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(LOCK_MINUTES - 1);
    expect(minutes).toBeLessThanOrEqual(LOCK_MINUTES);

    // When the lock has run out the right password works, and the count starts again.
    await t.db
      .update(credentials)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(and(eq(credentials.tenantId, t.a.id), eq(credentials.personId, person.id)));
    await expect(signInService(t.db, 'lock@a.example', 'wrong', 1, noSleep)).rejects.toMatchObject({
      status: 401,
    });
    const [again] = await t.db
      .select()
      .from(credentials)
      .where(and(eq(credentials.tenantId, t.a.id), eq(credentials.personId, person.id)));
    expect(again).toMatchObject({ failedAttempts: 1, lockedUntil: null });
    await signIn(t.app, 'lock@a.example');
  });

  it('refuses archived and inactive people', async () => {
    const person = await seedPerson(t.db, t.a, 'leaver@a.example');
    const session = await signIn(t.app, 'leaver@a.example');
    const admin = await signIn(t.app, t.a.adminEmail);
    const archived = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${person.id}/archive`,
      headers: admin.headers(),
      payload: { version: person.version, reason: 'Slutat' },
    });
    expect(archived.statusCode).toBe(200);
    // The open session ends with the archiving, and a new sign-in is refused.
    expect((await t.app.inject({ url: '/api/v1/session', headers: session.headers() })).statusCode).toBe(401);
    await expect(signIn(t.app, 'leaver@a.example')).rejects.toThrow(/401/);

    const paused = await seedPerson(t.db, t.a, 'paused@a.example');
    const pausedSession = await signIn(t.app, 'paused@a.example');
    const deactivated = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/people/${paused.id}`,
      headers: admin.headers(),
      payload: { version: paused.version, active: false },
    });
    expect(deactivated.statusCode).toBe(200);
    expect(
      (await t.app.inject({ url: '/api/v1/session', headers: pausedSession.headers() })).statusCode,
    ).toBe(401);
    await expect(signIn(t.app, 'paused@a.example')).rejects.toThrow(/401/);
  });

  it('requires the CSRF token for unsafe requests made with the session cookie', async () => {
    const admin = await signIn(t.app, t.a.adminEmail);
    const without = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { cookie: admin.cookie },
      payload: { name: 'Utan token', kind: 'office' },
    });
    expect(without.statusCode).toBe(403);
    expect(json(without).code).toBe('csrf-failed');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { cookie: admin.cookie, 'x-csrf-token': 'guess' },
      payload: { name: 'Fel token', kind: 'office' },
    });
    expect(wrong.statusCode).toBe(403);
    const list = json(await t.app.inject({ url: '/api/v1/units?search=token', headers: admin.headers() }));
    expect(list.items).toEqual([]);
  });

  it('changes the own password; the old one stops working', async () => {
    await seedPerson(t.db, t.a, 'changer@a.example');
    const session = await signIn(t.app, 'changer@a.example');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session/password',
      headers: session.headers(),
      payload: { currentPassword: 'wrong', newPassword: 'ett nytt långt lösenord' },
    });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).errors[0].path).toBe('body.currentPassword');
    const short = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session/password',
      headers: session.headers(),
      payload: { currentPassword: PASSWORD, newPassword: 'kort' },
    });
    expect(short.statusCode).toBe(400);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session/password',
      headers: session.headers(),
      payload: { currentPassword: PASSWORD, newPassword: 'ett nytt långt lösenord' },
    });
    expect(ok.statusCode).toBe(204);
    await expect(signIn(t.app, 'changer@a.example')).rejects.toThrow(/401/);
    await signIn(t.app, 'changer@a.example', 'ett nytt långt lösenord');
  });

  it('lets an admin reset a password: a temporary one, to be changed, and old sessions end', async () => {
    const person = await seedPerson(t.db, t.a, 'forgot@a.example');
    const old = await signIn(t.app, 'forgot@a.example');
    const admin = await signIn(t.app, t.a.adminEmail);
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${person.id}/password-reset`,
      headers: admin.headers(),
    });
    expect(reset.statusCode).toBe(200);
    const { temporaryPassword } = json(reset);
    expect((await t.app.inject({ url: '/api/v1/session', headers: old.headers() })).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'forgot@a.example', password: temporaryPassword },
    });
    expect(json(again).mustChangePassword).toBe(true);
    const fresh = again.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const me = await t.app.inject({ url: '/api/v1/session', headers: { cookie: fresh } });
    expect(json(me).mustChangePassword).toBe(true);
    // Until the new password is chosen, nothing else is allowed.
    const csrf = json(again).csrfToken;
    const blocked = await t.app.inject({ url: '/api/v1/units', headers: { cookie: fresh } });
    expect(blocked.statusCode).toBe(403);
    expect(json(blocked).code).toBe('password-change-required');
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session/password',
      headers: { cookie: fresh, 'x-csrf-token': csrf },
      payload: { currentPassword: temporaryPassword, newPassword: 'mitt nya långa lösenord' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/units', headers: { cookie: fresh } })).statusCode).toBe(200);
    const history = json(
      await t.app.inject({
        url: `/api/v1/audit?entity=person&entityId=${person.id}`,
        headers: admin.headers(),
      }),
    );
    expect(history.items.map((e: { action: string }) => e.action)).toContain('reset-password');
    expect(JSON.stringify(history)).not.toContain(temporaryPassword);
  });
});

describe('one email in several tenants', () => {
  it('asks which tenant when the password is right in more than one, and signs in to the chosen one', async () => {
    const email = 'konsult@forbundet.example';
    const inA = await seedPerson(t.db, t.a, email);
    const inB = await seedPerson(t.db, t.b, email);
    const post = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/session', payload });

    const ask = await post({ email, password: PASSWORD });
    expect(ask.statusCode).toBe(409);
    expect(ask.headers['content-type']).toContain('application/problem+json');
    expect(ask.cookies).toHaveLength(0);
    expect(json(ask)).toMatchObject({
      code: 'choose-tenant',
      tenants: [
        { slug: t.a.slug, name: `Test ${t.a.slug}` },
        { slug: t.b.slug, name: `Test ${t.b.slug}` },
      ],
    });

    const chosen = await post({ email, password: PASSWORD, tenant: t.b.slug });
    expect(chosen.statusCode).toBe(200);
    expect(json(chosen).person.id).toBe(inB.id);
    expect(json(chosen).tenant.slug).toBe(t.b.slug);

    // A wrong password is wrong whatever the tenant, and reveals no tenants.
    const wrong = await post({ email, password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(json(wrong).tenants).toBeUndefined();
    expect((await post({ email, password: PASSWORD, tenant: 'no-such-tenant' })).statusCode).toBe(401);

    // With the password right in only one of them, that one is signed in to without a question.
    await setPasswordService(t.db, t.a.actor, inA.id, 'another password 123');
    const one = await post({ email, password: PASSWORD });
    expect(one.statusCode).toBe(200);
    expect(json(one).person.id).toBe(inB.id);
  });
});

describe('personal API tokens', () => {
  it('creates a token shown once, works as Bearer without CSRF, lists it hashed, and revokes it', async () => {
    const admin = await signIn(t.app, t.a.adminEmail);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: admin.headers(),
      payload: { name: 'Integration med Heroma' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = json(created);
    expect(token).toMatch(/^sbt_/);
    const bearer = { authorization: `Bearer ${token}` };

    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: bearer,
      payload: { name: 'Skapad med token', kind: 'office' },
    });
    expect(write.statusCode).toBe(201);

    const list = await t.app.inject({ url: '/api/v1/tokens', headers: bearer });
    expect(list.body).not.toContain(token);
    expect(json(list).items).toEqual([
      expect.objectContaining({ id, name: 'Integration med Heroma', revokedAt: null }),
    ]);

    // Another tenant's admin cannot revoke it.
    const b = await signIn(t.app, t.b.adminEmail);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: b.headers() }))
        .statusCode,
    ).toBe(404);

    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${id}`,
      headers: admin.headers(),
    });
    expect(revoked.statusCode).toBe(200);
    expect(json(revoked).revokedAt).not.toBeNull();
    expect((await t.app.inject({ url: '/api/v1/units', headers: bearer })).statusCode).toBe(401);
  });

  it('stops a token when it expires, when its person is archived, and follows role changes at once', async () => {
    const admin = await signIn(t.app, t.a.adminEmail);
    const person = await seedPerson(t.db, t.a, 'integration@a.example', ['admin']);
    const own = await signIn(t.app, 'integration@a.example');
    const create = async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        headers: own.headers(),
        payload: { name: 'Nattlig synk', expiresAt: new Date(Date.now() + 3_600_000).toISOString() },
      });
      expect(response.statusCode).toBe(201);
      return json(response) as { token: string; id: string };
    };
    const call = (token: string) =>
      t.app.inject({ url: '/api/v1/audit', headers: { authorization: `Bearer ${token}` } });

    const expiring = await create();
    expect((await call(expiring.token)).statusCode).toBe(200);
    await t.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, expiring.id));
    expect((await call(expiring.token)).statusCode).toBe(401);

    // The token carries no rights of its own: revoking the role takes them away on the next call.
    const kept = await create();
    const grants = json(
      await t.app.inject({ url: `/api/v1/role-assignments?personId=${person.id}`, headers: admin.headers() }),
    );
    const adminGrant = grants.items.find((g: { role: string }) => g.role === 'admin');
    const revoke = await t.app.inject({
      method: 'POST',
      url: `/api/v1/role-assignments/${adminGrant.id}/revoke`,
      headers: admin.headers(),
    });
    expect(revoke.statusCode).toBe(200);
    expect((await call(kept.token)).statusCode).toBe(403);

    const archive = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${person.id}/archive`,
      headers: admin.headers(),
      payload: {
        version: json(await t.app.inject({ url: `/api/v1/people/${person.id}`, headers: admin.headers() }))
          .version,
        reason: 'Slutat',
      },
    });
    expect(archive.statusCode).toBe(200);
    expect((await call(kept.token)).statusCode).toBe(401);
  });

  it('refuses an expiry in the past', async () => {
    const admin = await signIn(t.app, t.a.adminEmail);
    const past = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: admin.headers(),
      payload: { name: 'Gammal', expiresAt: '2020-01-01T00:00:00+01:00' },
    });
    expect(past.statusCode).toBe(400);
    expect(json(past).errors[0].path).toBe('body.expiresAt');
  });
});

describe('idempotency', () => {
  it('answers a repeated POST with the first answer and does the work once', async () => {
    const admin = await signIn(t.app, t.a.adminEmail);
    const send = (name: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers: admin.headers({ 'idempotency-key': 'order-4711' }),
        payload: { name, kind: 'office' },
      });
    const first = await send('Idempotent enhet');
    const second = await send('Idempotent enhet');
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(json(second).id).toBe(json(first).id);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const list = json(
      await t.app.inject({ url: '/api/v1/units?search=Idempotent', headers: admin.headers() }),
    );
    expect(list.items).toHaveLength(1);
    const different = await send('Annan enhet');
    expect(different.statusCode).toBe(422);
    expect(json(different).code).toBe('idempotency-mismatch');
  });
});

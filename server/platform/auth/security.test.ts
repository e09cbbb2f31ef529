import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  json,
  PASSWORD,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../testing.ts';
import { auditEvents, idempotencyKeys } from '../audit/schema.ts';
import * as directory from '../directory/service.ts';
import { apiTokens, credentials, sessions } from './schema.ts';
import { FAILED_SIGN_IN_MS, MAX_API_TOKEN_DAYS, MAX_FAILED_ATTEMPTS } from './service.ts';

// Sign-in limits under parallel guesses, the answers an outsider can compare, API tokens and
// sessions that end when they should, and secrets kept out of the idempotency store.

let t: TestContext;
let admin: Session;
beforeAll(async () => {
  // Limits high enough that only the parallel guesses below meet the database's lock, not these.
  t = await createTestContext({ SIGN_IN_LIMIT_PER_IP: '1000', SIGN_IN_LIMIT_PER_ACCOUNT: '1000' });
  admin = await signIn(t.app, t.a.adminEmail);
});
afterAll(() => t.close());

const post = (payload: Record<string, unknown>, app = t.app) =>
  app.inject({ method: 'POST', url: '/api/v1/session', payload });

async function auditActions(personId: string) {
  const rows = await t.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(and(eq(auditEvents.tenantId, t.a.id), eq(auditEvents.entityId, personId)));
  return rows.map((r) => r.action);
}

async function credentialOf(personId: string) {
  const [row] = await t.db
    .select()
    .from(credentials)
    .where(and(eq(credentials.tenantId, t.a.id), eq(credentials.personId, personId)));
  return row!;
}

describe('sign-in limits', () => {
  it('counts parallel wrong guesses one by one: the lock falls once, after exactly MAX_FAILED_ATTEMPTS', async () => {
    const person = await seedPerson(t.db, t.a, 'parallel@a.example');
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post({ email: 'parallel@a.example', password: `guess ${i}` })),
    );
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401);
      expect(json(answer).code).toBe('invalid-credentials');
    }
    const cred = await credentialOf(person.id);
    expect(cred.failedAttempts).toBe(MAX_FAILED_ATTEMPTS);
    expect(cred.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    const actions = await auditActions(person.id);
    expect(actions.filter((a) => a === 'locked')).toHaveLength(1);
    expect(actions.filter((a) => a === 'sign-in-failed')).toHaveLength(20);
    // And the right password does not get past the lock.
    const right = await post({ email: 'parallel@a.example', password: PASSWORD });
    expect(right.statusCode).toBe(401);
  });

  it('answers an unknown email, a wrong password and a locked account alike, none of them quickly', async () => {
    const locked = await seedPerson(t.db, t.a, 'locked@a.example');
    await seedPerson(t.db, t.a, 'wrong@a.example');
    await t.db
      .update(credentials)
      .set({ lockedUntil: new Date(Date.now() + 600_000), failedAttempts: MAX_FAILED_ATTEMPTS })
      .where(and(eq(credentials.tenantId, t.a.id), eq(credentials.personId, locked.id)));
    const shape = async (payload: Record<string, unknown>) => {
      const started = Date.now();
      const response = await post(payload);
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(FAILED_SIGN_IN_MS - 5);
      const { requestId: _r, ...body } = json(response);
      return {
        status: response.statusCode,
        body,
        contentType: response.headers['content-type'],
        cookie: response.headers['set-cookie'],
      };
    };
    const unknown = await shape({ email: 'nobody@a.example', password: 'nope' });
    const wrong = await shape({ email: 'wrong@a.example', password: 'nope' });
    const lockedWrong = await shape({ email: 'locked@a.example', password: 'nope' });
    const lockedRight = await shape({ email: 'locked@a.example', password: PASSWORD });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('invalid-credentials');
    expect(unknown.cookie).toBeUndefined();
    for (const other of [wrong, lockedWrong, lockedRight]) expect(other).toEqual(unknown);
  });

  it('audits a sign-in and a failure on a known account', async () => {
    const person = await seedPerson(t.db, t.a, 'audited@a.example');
    expect((await post({ email: 'audited@a.example', password: 'nope' })).statusCode).toBe(401);
    await signIn(t.app, 'audited@a.example');
    const actions = await auditActions(person.id);
    expect(actions).toContain('sign-in-failed');
    expect(actions).toContain('sign-in');
  });

  it('answers 429 too-many-requests with Retry-After beyond the limit per address and per email', async () => {
    const strict = await createTestContext({ SIGN_IN_LIMIT_PER_IP: '6', SIGN_IN_LIMIT_PER_ACCOUNT: '3' });
    try {
      // Per email: the fourth attempt for the same address (in any case) is refused unread.
      const perAccount = [];
      for (const email of ['admin@a.example', 'ADMIN@a.example', 'admin@a.example ', 'Admin@A.example']) {
        perAccount.push(await post({ email, password: 'nope' }, strict.app));
      }
      expect(perAccount.slice(0, 3).map((r) => r.statusCode)).toEqual([401, 401, 401]);
      const limited = perAccount[3]!;
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toContain('application/problem+json');
      expect(json(limited).code).toBe('too-many-requests');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // Another address from the same client is still heard, until the client's own limit.
      expect((await post({ email: 'admin@b.example', password: PASSWORD }, strict.app)).statusCode).toBe(200);
      const more = await post({ email: 'someone@b.example', password: 'nope' }, strict.app);
      expect(more.statusCode).toBe(401);
      const perIp = await post({ email: 'else@b.example', password: 'nope' }, strict.app);
      expect(perIp.statusCode).toBe(429);
      expect(json(perIp).code).toBe('too-many-requests');
      expect(Number(perIp.headers['retry-after'])).toBeGreaterThan(0);
      // Other routes have no such limit.
      expect((await strict.app.inject({ url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await strict.close();
    }
  });
});

describe('tokens and sessions end when they should', () => {
  async function createToken(session: Session, payload: Record<string, unknown> = { name: 'Skript' }) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: session.headers(),
      payload,
    });
    return response;
  }
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const alive = async (headers: Record<string, string>) =>
    (await t.app.inject({ url: '/api/v1/session', headers })).statusCode === 200;

  it("lets an admin list and revoke anyone's tokens; others see only their own", async () => {
    const person = await seedPerson(t.db, t.a, 'tokens@a.example');
    const own = await signIn(t.app, 'tokens@a.example');
    const created = json(await createToken(own));
    const list = await t.app.inject({ url: `/api/v1/people/${person.id}/tokens`, headers: admin.headers() });
    expect(list.statusCode).toBe(200);
    expect(json(list).items).toEqual([expect.objectContaining({ id: created.id, revokedAt: null })]);
    expect(list.body).not.toContain(created.token);
    // Not for the person themselves (their own list is GET /tokens), nor another tenant's admin.
    expect(
      (await t.app.inject({ url: `/api/v1/people/${person.id}/tokens`, headers: own.headers() })).statusCode,
    ).toBe(403);
    const bAdmin = await signIn(t.app, t.b.adminEmail);
    expect(
      (await t.app.inject({ url: `/api/v1/people/${person.id}/tokens`, headers: bAdmin.headers() }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/tokens/${created.id}`,
          headers: bAdmin.headers(),
        })
      ).statusCode,
    ).toBe(404);
    // Another employee cannot revoke it either.
    await seedPerson(t.db, t.a, 'colleague@a.example');
    const colleague = await signIn(t.app, 'colleague@a.example');
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/tokens/${created.id}`,
          headers: colleague.headers(),
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/units', headers: bearer(created.token) })).statusCode).toBe(
      200,
    );

    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${created.id}`,
      headers: admin.headers(),
    });
    expect(revoked.statusCode).toBe(200);
    expect(json(revoked).revokedAt).not.toBeNull();
    expect((await t.app.inject({ url: '/api/v1/units', headers: bearer(created.token) })).statusCode).toBe(
      401,
    );
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, created.id), eq(auditEvents.action, 'revoke')));
    expect(event!.actorId).toBe(t.a.adminId);
  });

  it('refuses to create a token with a token', async () => {
    const created = json(await createToken(admin));
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: bearer(created.token),
      payload: { name: 'Barnbarn' },
    });
    expect(response.statusCode).toBe(403);
    expect(json(response).code).toBe('forbidden');
  });

  it('gives a token an expiry by default and refuses one more than a year ahead', async () => {
    const created = json(await createToken(admin));
    const days = (new Date(created.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);
    const far = await createToken(admin, {
      name: 'För evigt',
      expiresAt: new Date(Date.now() + (MAX_API_TOKEN_DAYS + 1) * 86_400_000).toISOString(),
    });
    expect(far.statusCode).toBe(400);
    expect(json(far).errors[0].path).toBe('body.expiresAt');
    const year = await createToken(admin, {
      name: 'Ett år',
      expiresAt: new Date(Date.now() + (MAX_API_TOKEN_DAYS - 1) * 86_400_000).toISOString(),
    });
    expect(year.statusCode).toBe(201);
  });

  it('ends the other sessions at a password change, keeps this one, and revokes tokens when asked', async () => {
    await seedPerson(t.db, t.a, 'changes@a.example');
    const here = await signIn(t.app, 'changes@a.example');
    const elsewhere = await signIn(t.app, 'changes@a.example');
    const kept = json(await createToken(here));
    const change = (current: string, next: string, revokeTokens?: boolean) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/session/password',
        headers: here.headers(),
        payload: {
          currentPassword: current,
          newPassword: next,
          ...(revokeTokens === undefined ? {} : { revokeTokens }),
        },
      });
    expect((await change(PASSWORD, 'ett första nytt lösenord')).statusCode).toBe(204);
    expect(await alive(here.headers())).toBe(true);
    expect(await alive(elsewhere.headers())).toBe(false);
    expect((await t.app.inject({ url: '/api/v1/units', headers: bearer(kept.token) })).statusCode).toBe(200);

    expect((await change('ett första nytt lösenord', 'ett andra nytt lösenord', true)).statusCode).toBe(204);
    expect(await alive(here.headers())).toBe(true);
    expect((await t.app.inject({ url: '/api/v1/units', headers: bearer(kept.token) })).statusCode).toBe(401);
  });

  it('ends every session at an admin reset, and revokes tokens when asked', async () => {
    const person = await seedPerson(t.db, t.a, 'reset@a.example');
    const one = await signIn(t.app, 'reset@a.example');
    const token = json(await createToken(one));
    const reset = (payload?: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/people/${person.id}/password-reset`,
        headers: admin.headers(),
        ...(payload ? { payload } : {}),
      });
    expect((await reset()).statusCode).toBe(200);
    expect(await alive(one.headers())).toBe(false);
    expect((await t.app.inject({ url: '/api/v1/units', headers: bearer(token.token) })).statusCode).toBe(200);
    expect((await reset({ revokeTokens: true })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/units', headers: bearer(token.token) })).statusCode).toBe(401);
  });

  it('ends sessions in the service call that archives or deactivates, not in a step after it', async () => {
    // Through the directory's service, not the route: the ending is part of its transaction.
    const countSessions = async (personId: string) =>
      (
        await t.db
          .select({ n: sql<number>`count(*)::int` })
          .from(sessions)
          .where(and(eq(sessions.tenantId, t.a.id), eq(sessions.personId, personId)))
      )[0]!.n;
    const leaving = await seedPerson(t.db, t.a, 'leaving@a.example');
    const pausing = await seedPerson(t.db, t.a, 'pausing@a.example');
    const staying = await seedPerson(t.db, t.a, 'staying@a.example');
    for (const email of ['leaving@a.example', 'pausing@a.example', 'staying@a.example'])
      await signIn(t.app, email);

    // A change that fails (stale version) ends nothing.
    await expect(
      directory.updatePerson(t.db, t.a.actor, pausing.id, { version: pausing.version + 5, active: false }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await countSessions(pausing.id)).toBe(1);

    await directory.updatePerson(t.db, t.a.actor, staying.id, { version: staying.version, title: 'Chef' });
    await directory.updatePerson(t.db, t.a.actor, pausing.id, { version: pausing.version, active: false });
    await directory.archivePerson(t.db, t.a.actor, leaving.id, {
      version: leaving.version,
      reason: 'Slutat',
    });
    expect(await countSessions(pausing.id)).toBe(0);
    expect(await countSessions(leaving.id)).toBe(0);
    expect(await countSessions(staying.id)).toBe(1);
  });
});

describe('no secret at rest in the idempotency store', () => {
  it('keeps neither a new token nor a temporary password, and says so at a repeat', async () => {
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        headers: admin.headers({ 'idempotency-key': 'token-once' }),
        payload: { name: 'Idempotent' },
      });
    const first = await send();
    expect(first.statusCode).toBe(201);
    const { token, id } = json(first);
    const repeat = await send();
    expect(repeat.statusCode).toBe(409);
    expect(json(repeat).code).toBe('secret-shown-once');
    expect(json(repeat).detail).toContain(id);
    expect(repeat.body).not.toContain(token);
    // The work was done once.
    const made = await t.db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.tenantId, t.a.id), eq(apiTokens.name, 'Idempotent')));
    expect(made).toHaveLength(1);

    const person = await seedPerson(t.db, t.a, 'idem-reset@a.example');
    const reset = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/people/${person.id}/password-reset`,
        headers: admin.headers({ 'idempotency-key': 'reset-once' }),
      });
    const firstReset = await reset();
    expect(firstReset.statusCode).toBe(200);
    const { temporaryPassword } = json(firstReset);
    const again = await reset();
    expect(again.statusCode).toBe(409);
    expect(json(again).code).toBe('secret-shown-once');
    // The temporary password still signs in: the repeat did not reset it again.
    expect((await post({ email: 'idem-reset@a.example', password: temporaryPassword })).statusCode).toBe(200);

    const stored = JSON.stringify(await t.db.select().from(idempotencyKeys));
    expect(stored).toContain('token-once');
    expect(stored).toContain('reset-once');
    expect(stored).not.toContain('sbt_');
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(temporaryPassword);
  });
});

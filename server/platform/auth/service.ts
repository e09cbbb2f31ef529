import { and, eq, gt, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Role } from '../../../shared/roles.ts';
import { type Database, preparedQuery } from '../../db/client.ts';
import { type Actor, type Grant, systemActor } from '../context.ts';
import { people, roleAssignments, tenants } from '../directory/schema.ts';
import { activeGrants } from '../directory/service.ts';
import { Problem, problems } from '../errors.ts';
import { newId } from '../ids.ts';
import { queueMail } from '../mail/service.ts';
import { type MailLanguage, passwordChanged } from '../mail/templates.ts';
import { notify, remind } from '../notifications/service.ts';
import { inTenant } from '../tenancy.ts';
import { type CachedPrincipal, principalCacheOf } from './cache.ts';
import { apiTokenExpiring, passwordReset, TOKEN_REMINDER_DAYS } from './notifications.ts';
import { hashPassword, verifyNothing, verifyPassword } from './passwords.ts';
import { apiTokens, credentials, sessions } from './schema.ts';
import { endSessionsIn, revokeTokensIn } from './sessions.ts';
import { API_TOKEN_PREFIX, randomToken, sha256 } from './tokens.ts';

// Who someone is: local passwords, sessions and API tokens. Owns ./schema.ts.

/** The identity behind a request: an Actor plus how it proved itself. */
export interface Principal extends Actor {
  personId: string;
  email: string;
  via: 'session' | 'token';
  /** The session's CSRF token; unsafe requests authenticated by cookie must echo it. */
  csrfToken?: string;
  sessionHash?: string;
  /** Signed in with a temporary password: nothing but choosing a new one is allowed. */
  mustChangePassword?: boolean;
}

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;
export const MIN_PASSWORD_LENGTH = 10;

const activePerson = and(isNull(people.archivedAt), eq(people.active, true));

type Identity = { tenantId: string; id: string; givenName: string; familyName: string; email: string };

function principal(
  person: Identity,
  grants: Grant[],
  via: Principal['via'],
  extra: Partial<Principal> = {},
): Principal {
  return {
    tenantId: person.tenantId,
    personId: person.id,
    name: `${person.givenName} ${person.familyName}`,
    email: person.email,
    grants,
    via,
    ...extra,
  };
}

async function principalFor(
  db: Database,
  person: Identity,
  via: Principal['via'],
  extra: Partial<Principal> = {},
): Promise<Principal> {
  const grants = (await activeGrants(db, person.tenantId, [person.id])).get(person.id) ?? [];
  return principal(person, grants, via, extra);
}

// ---------------------------------------------------------------- passwords

/** What else a password change ends, in the same transaction as the new password. */
export interface PasswordOptions {
  /** An admin reset: the person must choose a new password at next sign-in. */
  mustChange?: boolean;
  /** End the person's sessions: all of them, or all but `exceptHash` (the one making the change). */
  endSessions?: { exceptHash?: string };
  /** Revoke the person's API tokens too (they may have leaked with the password). */
  revokeTokens?: boolean;
  /** Mail the person that their password changed: by themselves or by an admin. */
  notify?: 'self' | 'admin';
  language?: MailLanguage;
}

/** Sets a person's password (admin create, demo data, reset). Not audited with the hash. */
export async function setPassword(
  db: Database,
  actor: Actor,
  personId: string,
  password: string,
  options: PasswordOptions = {},
) {
  const passwordHash = await hashPassword(password);
  await inTenant(db, actor, async (s) => {
    const [person] = await s.tx
      .select()
      .from(people)
      .where(s.where(people, eq(people.id, personId)));
    if (!person) throw problems.notFound('person');
    await s.tx
      .insert(credentials)
      .values({ tenantId: s.tenantId, personId, passwordHash, mustChange: options.mustChange ? 1 : 0 })
      .onConflictDoUpdate({
        target: [credentials.tenantId, credentials.personId],
        set: {
          passwordHash,
          mustChange: options.mustChange ? 1 : 0,
          failedAttempts: 0,
          lockedUntil: null,
          changedAt: new Date(),
        },
      });
    const sessionsEnded = options.endSessions
      ? await endSessionsIn(s.tx, s.tenantId, personId, options.endSessions.exceptHash)
      : 0;
    const tokensRevoked = options.revokeTokens ? await revokeTokensIn(s.tx, s.tenantId, personId) : [];
    await s.audit({
      entity: 'person',
      entityId: personId,
      action: options.mustChange ? 'reset-password' : 'set-password',
      after:
        options.endSessions || options.revokeTokens
          ? { sessionsEnded, tokensRevoked: tokensRevoked.length }
          : null,
    });
    await s.auditMany(
      tokensRevoked.map((id) => ({
        entity: 'apiToken',
        entityId: id,
        action: 'revoke',
        after: { personId },
      })),
    );
    if (options.notify === 'admin') {
      await notify(s, {
        personIds: [personId],
        kind: passwordReset,
        params: { by: actor.name },
        record: { kind: 'person', id: personId, href: `/people/${personId}` },
      });
    }
    if (options.notify) {
      // The person hears of every change they did not necessarily make themselves.
      const [tenant] = await s.tx
        .select({ name: tenants.name })
        .from(tenants)
        .where(eq(tenants.id, s.tenantId));
      await queueMail(s, {
        to: person.email,
        kind: passwordChanged,
        language: options.language ?? 'sv',
        params: {
          name: `${person.givenName} ${person.familyName}`,
          by: options.notify,
          adminName: options.notify === 'admin' && actor.personId ? actor.name : undefined,
          at: new Date().toISOString(),
          organisation: tenant?.name ?? '',
        },
      });
    }
  });
}

/**
 * A person's own change: the session making it stays, every other session of theirs ends (a
 * thief who knew the old password is signed out), and their API tokens too when they ask.
 */
export async function changeOwnPassword(
  db: Database,
  principal: Principal,
  current: string,
  next: string,
  options: { revokeTokens?: boolean } = {},
) {
  const [cred] = await db
    .select()
    .from(credentials)
    .where(and(eq(credentials.tenantId, principal.tenantId), eq(credentials.personId, principal.personId)));
  if (!cred || !(await verifyPassword(cred.passwordHash, current))) {
    throw problems.field('body.currentPassword', 'The current password is wrong');
  }
  if (current === next) throw problems.field('body.newPassword', 'Choose a password you have not used now');
  await setPassword(db, principal, principal.personId, next, {
    endSessions: { exceptHash: principal.sessionHash },
    revokeTokens: options.revokeTokens,
    notify: 'self',
  });
}

/**
 * A temporary password for an admin reset: the person must change it at next sign-in, and every
 * session of theirs ends with the reset (and their API tokens, when the admin says so).
 */
export async function resetPassword(
  db: Database,
  actor: Actor,
  personId: string,
  options: { revokeTokens?: boolean } = {},
): Promise<string> {
  const temporary = randomToken(12);
  await setPassword(db, actor, personId, temporary, {
    mustChange: true,
    endSessions: {},
    revokeTokens: options.revokeTokens,
    notify: 'admin',
  });
  return temporary;
}

// ---------------------------------------------------------------- sign-in

export interface SignInResult {
  token: string;
  principal: Principal;
  mustChangePassword: boolean;
}

/**
 * Every failed sign-in is answered no sooner than this after it arrived: the argon2 verify and the
 * bookkeeping of a known account then take as long, seen from outside, as an unknown email does.
 */
export const FAILED_SIGN_IN_MS = 300;

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Checks email and password. After MAX_FAILED_ATTEMPTS failures in a row the account is locked
 * for LOCK_MINUTES. Outside, an unknown email, a wrong password and a locked account look the
 * same: one argon2 verify each, the same delay, and 401 invalid-credentials (the lock is in the
 * audit trail, not in the answer, so nobody learns from it which addresses have accounts).
 *
 * One email may have an account in several tenants (a consultant of a kommunalförbund serving its
 * municipalities). When the password is right in more than one and no `tenant` (slug) was given,
 * the answer is the choose-tenant problem listing them, never an arbitrary one of them.
 */
export async function signIn(
  db: Database,
  email: string,
  password: string,
  sessionHours: number,
  sleep: (ms: number) => Promise<void> = defaultSleep,
  tenant?: string,
  requestId?: string,
): Promise<SignInResult> {
  const started = Date.now();
  const refuse = async (): Promise<never> => {
    await sleep(Math.max(0, FAILED_SIGN_IN_MS - (Date.now() - started)));
    throw new Problem(401, 'invalid-credentials');
  };
  const candidates = await db
    .select({ person: people, cred: credentials, tenant: { slug: tenants.slug, name: tenants.name } })
    .from(people)
    .innerJoin(
      credentials,
      and(eq(credentials.tenantId, people.tenantId), eq(credentials.personId, people.id)),
    )
    .innerJoin(tenants, eq(tenants.id, people.tenantId))
    .where(
      and(
        eq(people.email, email.trim().toLowerCase()),
        activePerson,
        tenant ? eq(tenants.slug, tenant) : undefined,
      ),
    )
    .orderBy(tenants.name);
  if (candidates.length === 0) {
    await verifyNothing(password);
    return refuse();
  }
  const now = new Date();
  const matched: typeof candidates = [];
  for (const candidate of candidates) {
    const { cred } = candidate;
    // A locked account is verified too, so that it answers in the time any other does.
    const right = await verifyPassword(cred.passwordHash, password);
    if (right && !(cred.lockedUntil && cred.lockedUntil > now)) matched.push(candidate);
  }
  if (matched.length > 0) {
    for (const { person, cred } of matched) {
      if (cred.failedAttempts === 0 && cred.lockedUntil === null) continue;
      // Not a lock set meanwhile by parallel failures: only an unlocked account is cleared.
      await db
        .update(credentials)
        .set({ failedAttempts: 0, lockedUntil: null })
        .where(
          and(
            eq(credentials.tenantId, person.tenantId),
            eq(credentials.personId, person.id),
            or(isNull(credentials.lockedUntil), lte(credentials.lockedUntil, now)),
          ),
        );
    }
    if (matched.length > 1) {
      const problem = new Problem(409, 'choose-tenant');
      problem.tenants = matched.map((m) => m.tenant);
      throw problem;
    }
    const [{ person, cred }] = matched as [(typeof matched)[number]];
    const session = await createSession(db, person, 'password', sessionHours, requestId);
    return { ...session, mustChangePassword: cred.mustChange === 1 };
  }
  // A failure counts against every account with this email; one account is the usual case.
  for (const { person } of candidates) await countFailure(db, person, now, requestId);
  return refuse();
}

/**
 * Counts one failed attempt in one statement, so that parallel guesses are counted one by one:
 * the row lock orders them, the lock is decided from the value the UPDATE returns, and an account
 * locked meanwhile is not counted further (its lock is set once). A lock that has run out starts
 * the count again. Audited in the same transaction: the failure, and the lock when it falls.
 */
async function countFailure(db: Database, person: Identity, now: Date, requestId?: string) {
  const actor: Actor = { ...systemActor(person.tenantId), requestId };
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
  const previous = sql`(case when ${credentials.lockedUntil} is null then ${credentials.failedAttempts} else 0 end)`;
  await inTenant(db, actor, async (s) => {
    const [row] = await s.tx
      .update(credentials)
      .set({
        failedAttempts: sql`${previous} + 1`,
        lockedUntil: sql`case when ${previous} + 1 >= ${MAX_FAILED_ATTEMPTS} then ${lockUntil}::timestamptz else null end`,
      })
      .where(
        and(
          eq(credentials.tenantId, person.tenantId),
          eq(credentials.personId, person.id),
          or(isNull(credentials.lockedUntil), lte(credentials.lockedUntil, now)),
        ),
      )
      .returning({ failedAttempts: credentials.failedAttempts, lockedUntil: credentials.lockedUntil });
    await s.audit({
      entity: 'person',
      entityId: person.id,
      action: 'sign-in-failed',
      after: row ? { failedAttempts: row.failedAttempts } : { locked: true },
    });
    if (row?.lockedUntil) {
      await s.audit({
        entity: 'person',
        entityId: person.id,
        action: 'locked',
        after: { lockedUntil: row.lockedUntil, failedAttempts: row.failedAttempts },
      });
    }
  });
}

/** Opens a server-side session; used by password and SSO sign-in alike. */
export async function createSession(
  db: Database,
  person: { tenantId: string; id: string; givenName: string; familyName: string; email: string },
  method: 'password' | 'oidc',
  hours: number,
  requestId?: string,
) {
  const token = randomToken();
  const csrfToken = randomToken();
  const actor: Actor = {
    tenantId: person.tenantId,
    personId: person.id,
    name: `${person.givenName} ${person.familyName}`,
    grants: [],
    requestId,
  };
  await inTenant(db, actor, async (s) => {
    await s.tx.insert(sessions).values({
      tokenHash: sha256(token),
      tenantId: person.tenantId,
      personId: person.id,
      csrfToken,
      method,
      expiresAt: new Date(Date.now() + hours * 3_600_000),
    });
    await s.audit({ entity: 'person', entityId: person.id, action: 'sign-in', after: { method } });
  });
  return {
    token,
    principal: await principalFor(db, person, 'session', { csrfToken, sessionHash: sha256(token) }),
  };
}

export async function endSession(db: Database, sessionHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, sessionHash));
}

const TOUCH_AFTER_MS = 5 * 60_000;

/** The columns of a person that make a principal (Identity), for the statements that identify one. */
const identityColumns = {
  tenantId: people.tenantId,
  id: people.id,
  givenName: people.givenName,
  familyName: people.familyName,
  email: people.email,
};

type GrantJson = { role: string; scope: string; scopeId: string | null };

/**
 * The person's active grants as one JSON column of the statement that identifies them, so that
 * identifying a caller costs one round trip. The same rows and conditions as activeGrants (directory
 * service), which it stands in for here.
 */
function grantsOf(tenantId: AnyPgColumn, personId: AnyPgColumn) {
  return sql<GrantJson[]>`coalesce((
    select json_agg(json_build_object(
      'role', ${roleAssignments.role}, 'scope', ${roleAssignments.scope}, 'scopeId', ${roleAssignments.scopeId}))
    from ${roleAssignments}
    where ${roleAssignments.tenantId} = ${tenantId}
      and ${roleAssignments.personId} = ${personId}
      and ${roleAssignments.revokedAt} is null), '[]'::json)`;
}

function toGrants(json: GrantJson[]): Grant[] {
  return json.map((g) => ({ role: g.role as Role, scope: g.scope, scopeId: g.scopeId }));
}

/**
 * Identifies a session cookie, its person and the person's active grants in one prepared statement:
 * it runs before every authenticated request, so it costs one round trip and no planning.
 */
const sessionQuery = preparedQuery((db) =>
  db
    .select({
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      person: identityColumns,
      grants: grantsOf(sessions.tenantId, sessions.personId),
      // Only a password session is held to a pending change; SSO does not use the local password.
      mustChange: sql<number>`case when ${sessions.method} = 'password' then coalesce((
        select ${credentials.mustChange} from ${credentials}
        where ${credentials.tenantId} = ${sessions.tenantId} and ${credentials.personId} = ${sessions.personId}), 0)
        else 0 end`,
    })
    .from(sessions)
    .innerJoin(people, and(eq(people.tenantId, sessions.tenantId), eq(people.id, sessions.personId)))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        activePerson,
      ),
    )
    .prepare('principal_from_session'),
);

/**
 * The principal behind a session cookie, or undefined when it is unknown, expired or its person
 * inactive. From the process's cache when it has the answer (./cache.ts says why that stays right).
 */
export async function principalFromSession(db: Database, token: string): Promise<Principal | undefined> {
  const tokenHash = sha256(token);
  const cache = principalCacheOf(db);
  let found = cache?.get(`s:${tokenHash}`);
  if (!found) {
    const generation = cache?.generation ?? 0;
    // As the timestamptz column would send it (toISOString), so the comparison is the same.
    const [row] = await sessionQuery(db).execute({ tokenHash, now: new Date().toISOString() });
    if (!row) return undefined;
    found = {
      principal: principal(row.person, toGrants(row.grants), 'session', {
        csrfToken: row.csrfToken,
        sessionHash: tokenHash,
        mustChangePassword: Number(row.mustChange) === 1,
      }),
      expiresAt: row.expiresAt,
      seenAt: row.lastSeenAt.getTime(),
    };
    cache?.set(`s:${tokenHash}`, found, generation);
  }
  await touch(found, () =>
    db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.tokenHash, tokenHash)),
  );
  return found.principal;
}

/**
 * Writing last_seen_at on every request would double the cost of a read; every few minutes is
 * enough. The stamp moves first, so the requests in flight at that moment write it once, not each.
 */
async function touch(found: CachedPrincipal, update: () => Promise<unknown>) {
  if (Date.now() - found.seenAt <= TOUCH_AFTER_MS) return;
  found.seenAt = Date.now();
  await update();
}

/** Removes expired sessions; called at start and from time to time. */
export async function purgeExpiredSessions(db: Database) {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}

// ---------------------------------------------------------------- API tokens

export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** No API token lives longer than this; one made without an expiry gets API_TOKEN_DAYS (config). */
export const MAX_API_TOKEN_DAYS = 365;
export const DEFAULT_API_TOKEN_DAYS = 90;
const DAY_MS = 86_400_000;

export async function createApiToken(
  db: Database,
  principal: Principal,
  name: string,
  expiresAt: Date | null,
  defaultDays = DEFAULT_API_TOKEN_DAYS,
) {
  const now = Date.now();
  if (expiresAt && expiresAt.getTime() <= now)
    throw problems.field('body.expiresAt', 'Must be in the future');
  if (expiresAt && expiresAt.getTime() > now + MAX_API_TOKEN_DAYS * DAY_MS) {
    throw problems.field('body.expiresAt', `At most ${MAX_API_TOKEN_DAYS} days ahead`);
  }
  const expires = expiresAt ?? new Date(now + defaultDays * DAY_MS);
  const token = API_TOKEN_PREFIX + randomToken();
  const row = await inTenant(db, principal, async (s) => {
    const [created] = await s
      .insert(apiTokens, {
        id: newId(),
        personId: principal.personId,
        name,
        tokenHash: sha256(token),
        prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
        expiresAt: expires,
      })
      .returning();
    await s.audit({
      entity: 'apiToken',
      entityId: created!.id,
      action: 'create',
      after: { name, prefix: created!.prefix, expiresAt: expires },
    });
    // A week before it expires the owner is reminded (a token of a week or less needs no reminder).
    const remindAt = new Date(expires.getTime() - TOKEN_REMINDER_DAYS * DAY_MS);
    if (remindAt.getTime() > now) {
      await remind(s, {
        at: remindAt,
        personIds: [principal.personId],
        kind: apiTokenExpiring,
        params: { name, expiresAt: expires.toISOString() },
        record: { kind: 'apiToken', id: created!.id, href: '/account/tokens' },
      });
    }
    return created!;
  });
  return { token, row };
}

/** A person's API tokens, newest last: one's own, or (for an admin) anyone's in the tenant. */
export async function listApiTokens(db: Database, actor: Actor, personId: string) {
  const [person] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.tenantId, actor.tenantId), eq(people.id, personId)));
  if (!person) throw problems.notFound('person');
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tenantId, actor.tenantId), eq(apiTokens.personId, personId)))
    .orderBy(apiTokens.createdAt);
}

/**
 * Revokes a token. `anyone`: the caller may revoke any token of the tenant (an admin);
 * otherwise only their own, and another's answers 404 as if it did not exist.
 */
export async function revokeApiToken(db: Database, actor: Actor, id: string, anyone = false) {
  if (!anyone && !actor.personId) throw problems.notFound('token');
  return inTenant(db, actor, async (s) => {
    const [before] = await s.tx
      .select()
      .from(apiTokens)
      .where(
        s.where(
          apiTokens,
          eq(apiTokens.id, id),
          anyone ? undefined : eq(apiTokens.personId, actor.personId!),
        ),
      );
    if (!before) throw problems.notFound('token');
    if (before.revokedAt) return before;
    const [after] = await s.update(apiTokens, { revokedAt: new Date() }, eq(apiTokens.id, id)).returning();
    await s.audit({
      entity: 'apiToken',
      entityId: id,
      action: 'revoke',
      before: { revokedAt: null },
      after: { revokedAt: after!.revokedAt, personId: before.personId },
    });
    return after!;
  });
}

/** Identifies an API token, its person and grants in one prepared statement, like sessionQuery. */
const apiTokenQuery = preparedQuery((db) =>
  db
    .select({
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      person: identityColumns,
      grants: grantsOf(apiTokens.tenantId, apiTokens.personId),
    })
    .from(apiTokens)
    .innerJoin(people, and(eq(people.tenantId, apiTokens.tenantId), eq(people.id, apiTokens.personId)))
    .where(
      and(
        eq(apiTokens.tokenHash, sql.placeholder('tokenHash')),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql.placeholder('now'))),
        activePerson,
      ),
    )
    .prepare('principal_from_api_token'),
);

export async function principalFromApiToken(db: Database, token: string): Promise<Principal | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
  const tokenHash = sha256(token);
  const cache = principalCacheOf(db);
  let found = cache?.get(`t:${tokenHash}`);
  if (!found) {
    const generation = cache?.generation ?? 0;
    const [row] = await apiTokenQuery(db).execute({ tokenHash, now: new Date().toISOString() });
    if (!row) return undefined;
    found = {
      principal: principal(row.person, toGrants(row.grants), 'token'),
      expiresAt: row.expiresAt,
      seenAt: row.lastUsedAt?.getTime() ?? 0,
    };
    cache?.set(`t:${tokenHash}`, found, generation);
  }
  await touch(found, () =>
    db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.tokenHash, tokenHash)),
  );
  return found.principal;
}

export async function tenantOf(db: Database, tenantId: string) {
  const [row] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
  return row;
}

export function hasGrant(grants: Grant[], role: Grant['role']): boolean {
  return grants.some((g) => g.role === role);
}

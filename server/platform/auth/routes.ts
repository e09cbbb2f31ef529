import type {} from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { grant, person } from '../../../shared/directory.ts';
import { line } from '../../../shared/text.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { isAdmin } from '../authz.ts';
import { directoryPolicy } from '../directory/policy.ts';
import { presentPerson } from '../directory/present.ts';
import { getPerson, getTenant } from '../directory/service.ts';
import { Problem, problems } from '../errors.ts';
import { type App, errorResponses, idParams, iso, problemSchema } from '../http.ts';
import { principalOf, SESSION_COOKIE, sessionCookieOptions } from './plugin.ts';
import * as auth from './service.ts';

// Sign-in, sign-out, own password and personal API tokens.

const me = z.object({
  csrfToken: z.string().nullable(),
  person,
  grants: z.array(grant),
  tenant: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
  mustChangePassword: z.boolean(),
});

const password = z.string().min(1).max(1000);

const apiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

function presentToken(row: auth.ApiTokenRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: iso(row.createdAt),
    expiresAt: iso(row.expiresAt),
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
  };
}

export function authRoutes(app: App, db: Database, config: Config) {
  async function describe(principal: auth.Principal, mustChangePassword = false) {
    const [row, tenant] = await Promise.all([
      getPerson(db, principal, principal.personId),
      getTenant(db, principal.tenantId),
    ]);
    return {
      csrfToken: principal.csrfToken ?? null,
      person: presentPerson(row, principal),
      grants: principal.grants,
      tenant: { id: tenant!.id, name: tenant!.name, slug: tenant!.slug },
      mustChangePassword,
    };
  }

  const cookieOptions = sessionCookieOptions(config);

  // Sign-in limits per client address (counted before the body is read) and per email (after it
  // is validated, keyed by the address as the lookup uses it). In this process's memory: the
  // durable guard is the failed-attempt count in the database; these keep a flood, or many
  // accounts guessed from one address, from costing an argon2 verify each. Apart from any other
  // route's limits, and high enough that a test suite signing in from one address does not meet
  // them (SIGN_IN_LIMIT_* lower them).
  const perIp = app.createRateLimit({ max: config.signInLimits.perIp, timeWindow: 60_000 });
  const perAccount = app.createRateLimit({
    max: config.signInLimits.perAccount,
    timeWindow: 60_000,
    keyGenerator: (request) =>
      `account:${String((request.body as { email?: unknown } | undefined)?.email ?? '')
        .trim()
        .toLowerCase()}`,
  });
  const limited =
    (check: typeof perIp) =>
    async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
      const limit = await check(request);
      if (!limit.isAllowed && limit.isExceeded) {
        reply.header('retry-after', String(Math.max(1, limit.ttlInSeconds)));
        throw new Problem(429, 'too-many-requests');
      }
    };

  app.post(
    '/api/v1/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        description:
          'When the password is right for accounts in several tenants and no `tenant` is given, the answer is ' +
          '409 choose-tenant with `tenants` to choose from; send the chosen slug as `tenant`. An unknown email, ' +
          'a wrong password and a locked account all answer 401 invalid-credentials. More attempts per minute ' +
          'than allowed, from one address or for one email, answer 429 too-many-requests with Retry-After.',
        body: z.strictObject({
          email: line(254).pipe(z.string().min(1)),
          password,
          tenant: line(100).optional(),
        }),
        response: { 200: me, 400: problemSchema, 401: problemSchema, 409: problemSchema, 429: problemSchema },
      },
      config: { public: true },
      onRequest: limited(perIp),
      preHandler: limited(perAccount),
    },
    async (request, reply) => {
      const { email, password, tenant } = request.body;
      const result = await auth.signIn(
        db,
        email,
        password,
        config.sessionHours,
        undefined,
        tenant,
        request.id,
      );
      reply.setCookie(SESSION_COOKIE, result.token, cookieOptions);
      return describe(result.principal, result.mustChangePassword);
    },
  );

  app.get(
    '/api/v1/session',
    {
      schema: { tags: ['auth'], summary: 'Who is signed in', response: { 200: me, 401: problemSchema } },
      config: { allowDuringPasswordChange: true, authorize: () => true },
    },
    async (request) => {
      const principal = principalOf(request);
      return describe(principal, principal.mustChangePassword);
    },
  );

  app.delete(
    '/api/v1/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out',
        response: { 204: z.null(), 401: problemSchema, 403: problemSchema },
      },
      config: { allowDuringPasswordChange: true, authorize: () => true },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      if (principal.sessionHash) await auth.endSession(db, principal.sessionHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/session/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your own password',
        description:
          'Your other sessions end; this one stays. With `revokeTokens: true` your API tokens are revoked too.',
        body: z.strictObject({
          currentPassword: password,
          newPassword: z
            .string()
            .min(auth.MIN_PASSWORD_LENGTH, { message: `At least ${auth.MIN_PASSWORD_LENGTH} characters` })
            .max(200),
          revokeTokens: z.boolean().optional(),
        }),
        response: { 204: z.null(), ...errorResponses },
      },
      config: { allowDuringPasswordChange: true, authorize: (actor) => actor.personId !== null },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      if (principal.via !== 'session') throw problems.forbidden('Sign in to change your password');
      await auth.changeOwnPassword(db, principal, request.body.currentPassword, request.body.newPassword, {
        revokeTokens: request.body.revokeTokens,
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Your personal API tokens',
        response: { 200: z.object({ items: z.array(apiToken) }), ...errorResponses },
      },
      config: { authorize: () => true },
    },
    async (request) => {
      const principal = principalOf(request);
      return { items: (await auth.listApiTokens(db, principal, principal.personId)).map(presentToken) };
    },
  );

  app.get(
    '/api/v1/people/:id/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: "A person's API tokens (admins); revoke one with DELETE /api/v1/tokens/{id}",
        params: idParams,
        response: { 200: z.object({ items: z.array(apiToken) }), ...errorResponses },
      },
      config: { authorize: directoryPolicy.manageTokens },
    },
    async (request) => ({
      items: (await auth.listApiTokens(db, principalOf(request), request.params.id)).map(presentToken),
    }),
  );

  app.post(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create a personal API token; the token is shown only in this answer',
        description:
          `Without \`expiresAt\` the token expires after API_TOKEN_DAYS (default ${auth.DEFAULT_API_TOKEN_DAYS}); ` +
          `\`expiresAt\` may be at most ${auth.MAX_API_TOKEN_DAYS} days ahead. Only a signed-in person creates ` +
          'tokens: a request made with an API token is refused (403). A repeat with the same Idempotency-Key ' +
          'answers 409 secret-shown-once, since the token is not kept.',
        body: z.strictObject({
          name: line(100).pipe(z.string().min(1)),
          expiresAt: z.iso.datetime({ offset: true }).optional(),
        }),
        response: { 201: apiToken.extend({ token: z.string() }), ...errorResponses },
      },
      // A leaked token must not be able to mint successors that outlive its revocation.
      config: { authorize: (_actor, request) => request.principal?.via !== 'token', secretAnswer: true },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const expiresAt = request.body.expiresAt ? new Date(request.body.expiresAt) : null;
      const { token, row } = await auth.createApiToken(
        db,
        principal,
        request.body.name,
        expiresAt,
        config.apiTokenDays,
      );
      return reply.code(201).send({ ...presentToken(row), token });
    },
  );

  app.delete(
    '/api/v1/tokens/:id',
    {
      schema: {
        tags: ['auth'],
        summary: "Revoke an API token: one of your own, or (admins) anyone's in the organisation",
        params: idParams,
        response: { 200: apiToken, ...errorResponses },
      },
      config: { authorize: () => true },
    },
    async (request) => {
      const principal = principalOf(request);
      return presentToken(await auth.revokeApiToken(db, principal, request.params.id, isAdmin(principal)));
    },
  );
}

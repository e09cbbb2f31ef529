import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { problems } from '../errors.ts';
import { type App, problemSchema } from '../http.ts';
import {
  OidcClient,
  SAME_SITE_PATH,
  SSO_COOKIE,
  SSO_COOKIE_PATH,
  SSO_FLOW_MINUTES,
  SsoRefused,
  START_PATH,
  signInWithIdentity,
} from './oidc.ts';
import { SESSION_COOKIE, sessionCookieOptions } from './plugin.ts';
import { endSession } from './service.ts';

// Single sign-on through the municipality's OpenID Connect provider (see ./oidc.ts). These are
// browser navigations, not API calls: start and callback answer with redirects, and a failed
// sign-in lands on the sign-in page with ?error=sso while the reason goes to the log.

export const SSO_FAILED = '/sign-in?error=sso';

const ssoInfo = z.object({
  enabled: z.boolean(),
  name: z.string().nullable(),
  startUrl: z
    .string()
    .nullable()
    .describe('Send the browser here, with ?returnTo=/path, to sign in with SSO'),
});

const returnTo = z
  .string()
  .max(2000)
  .regex(SAME_SITE_PATH, { message: 'Must be a path on this site starting with a single /' });

const redirect = (where: string) => z.null().describe(`Redirect (Location header) ${where}`);

export function oidcRoutes(app: App, db: Database, config: Config) {
  const oidc = config.oidc ? new OidcClient(config.oidc, config) : undefined;

  const flowCookie = {
    path: SSO_COOKIE_PATH,
    httpOnly: true,
    // Lax: the IdP sends the browser back with a top-level GET, which carries Lax cookies.
    sameSite: 'lax' as const,
    secure: config.cookieSecure,
    maxAge: SSO_FLOW_MINUTES * 60,
  };
  const sessionCookie = sessionCookieOptions(config);

  function refuse(request: FastifyRequest, reply: FastifyReply, error: unknown) {
    // Refusals and malformed callbacks are the browser's or the IdP's doing; anything else is ours.
    const expected =
      error instanceof SsoRefused || (error as { validation?: unknown }).validation !== undefined;
    if (expected) request.log.warn({ reason: (error as Error).message }, 'SSO sign-in refused');
    else request.log.error({ err: error }, 'SSO sign-in failed');
    reply.clearCookie(SSO_COOKIE, { path: SSO_COOKIE_PATH });
    // A refusal the person can act on has a message of its own on the sign-in page.
    const code = error instanceof SsoRefused ? error.code : 'sso';
    return reply.redirect(code === 'sso' ? SSO_FAILED : `/sign-in?error=${code}`, 302);
  }

  app.get(
    '/api/v1/session/sso',
    {
      schema: {
        tags: ['auth'],
        summary: 'Whether single sign-on is configured, for the sign-in page',
        response: { 200: ssoInfo },
      },
      config: { public: true },
    },
    async () =>
      oidc
        ? { enabled: true, name: oidc.settings.name, startUrl: START_PATH }
        : { enabled: false, name: null, startUrl: null },
  );

  app.get(
    START_PATH,
    {
      schema: {
        tags: ['auth'],
        summary: 'Start single sign-on: redirects to the identity provider',
        querystring: z.strictObject({ returnTo: returnTo.optional() }),
        response: {
          302: redirect('to the identity provider, or to /sign-in?error=sso when it cannot be reached'),
          400: problemSchema,
          404: problemSchema,
        },
      },
      config: { public: true },
    },
    async (request, reply) => {
      if (!oidc) throw problems.notFound('single sign-on is not configured');
      try {
        const { url, cookie } = await oidc.begin(request.query.returnTo ?? '/');
        reply.setCookie(SSO_COOKIE, cookie, flowCookie);
        return reply.redirect(url, 302);
      } catch (error) {
        return refuse(request, reply, error);
      }
    },
  );

  app.get(
    '/api/v1/session/sso/callback',
    {
      schema: {
        tags: ['auth'],
        summary: 'Where the identity provider sends the browser back; signs in and redirects',
        // What the IdP sends; it may add parameters of its own (session_state …).
        querystring: z.looseObject({
          code: z.string().optional(),
          state: z.string().optional(),
          iss: z.string().optional(),
          error: z.string().optional(),
          error_description: z.string().optional(),
        }),
        response: {
          302: redirect(
            'to returnTo (signed in), or to /sign-in?error=sso, or /sign-in?error=sso-unverified when an ' +
              'existing account has the address but the IdP has not verified it',
          ),
        },
      },
      config: { public: true },
      // Even a malformed callback ends on the sign-in page, never on an error document.
      errorHandler: (error, request, reply) => refuse(request, reply, error),
    },
    async (request, reply) => {
      if (!oidc) return refuse(request, reply, new SsoRefused('single sign-on is not configured'));
      try {
        const at = request.url.indexOf('?');
        const query = at >= 0 ? request.url.slice(at) : '';
        const { identity, returnTo } = await oidc.finish(query, request.cookies[SSO_COOKIE]);
        const { token, principal, created } = await signInWithIdentity(
          db,
          oidc.settings,
          identity,
          config.sessionHours,
          request.id,
        );
        // A session the browser already had is replaced, not left open beside the new one.
        if (request.principal?.sessionHash) await endSession(db, request.principal.sessionHash);
        request.log.info(
          { personId: principal.personId, tenantId: principal.tenantId, created },
          'SSO sign-in',
        );
        reply.clearCookie(SSO_COOKIE, { path: SSO_COOKIE_PATH });
        reply.setCookie(SESSION_COOKIE, token, sessionCookie);
        return reply.redirect(returnTo, 302);
      } catch (error) {
        return refuse(request, reply, error);
      }
    },
  );
}

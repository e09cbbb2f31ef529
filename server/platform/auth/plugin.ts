import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../context.ts';
import { Problem, problems } from '../errors.ts';
import { type Principal, principalFromApiToken, principalFromSession } from './service.ts';

// Authentication and the deny-by-default gate for every /api/v1 route.
//
// Each route must say who may call it: `config.authorize(actor, request)` or `config.public`.
// A route that says neither is refused when the app is built, so a forgotten check cannot ship.
// Order per request: identify (onRequest: 401 before anything else is looked at), CSRF for
// cookie-authenticated unsafe methods, then authorize (preHandler, after params are validated).
// A route that takes large bodies (file imports) sets `authorizeBeforeBody` when its policy needs
// only the actor: then the 403 comes before the body is read, not after 20 MB were.

export const SESSION_COOKIE = 'styrbord_session';
export const CSRF_HEADER = 'x-csrf-token';

/** The session cookie's options, the same for password and SSO sign-in. */
export function sessionCookieOptions(config: { cookieSecure: boolean; sessionHours: number }) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.cookieSecure,
    maxAge: config.sessionHours * 3600,
  };
}

export type Authorize = (actor: Actor, request: FastifyRequest) => boolean | Promise<boolean>;

declare module 'fastify' {
  interface FastifyContextConfig {
    authorize?: Authorize;
    public?: boolean;
    /** Reachable while a temporary password waits to be changed (session, sign-out, change). */
    allowDuringPasswordChange?: boolean;
    /** Decide before the body is read: for large bodies, and only when `authorize` needs the actor alone. */
    authorizeBeforeBody?: boolean;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether the request matched an /api/v1 route. Decided on the route the router chose, never on the
 * raw URL: the router decodes the path, so `/%61pi/v1/units` reaches the `/api/v1/units` route while
 * its URL does not start with `/api/v1`. A request that matched no route has no pattern (404).
 */
export function isApiRoute(request: FastifyRequest): boolean {
  return request.routeOptions.url?.startsWith('/api/v1') ?? false;
}

/** The signed-in principal of a request whose route requires one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw problems.unauthenticated();
  return { ...request.principal, requestId: request.id };
}

export function authPlugin(app: FastifyInstance, db: Database) {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const config = route.config as { authorize?: Authorize; public?: boolean } | undefined;
    if (!config?.authorize && !config?.public) {
      throw new Error(
        `Route ${route.method} ${route.url} declares neither config.authorize nor config.public`,
      );
    }
    // OpenAPI: public operations need no credentials (security: []); the rest inherit the default.
    if (config.public && route.schema)
      route.schema = { ...route.schema, security: [] } as typeof route.schema;
  });

  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!isApiRoute(request)) return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.principal = await principalFromApiToken(db, authorization.slice(7).trim());
      if (!request.principal) throw problems.unauthenticated();
    } else {
      const token = request.cookies[SESSION_COOKIE];
      if (token) request.principal = await principalFromSession(db, token);
      if (
        request.principal &&
        UNSAFE.has(request.method) &&
        request.headers[CSRF_HEADER] !== request.principal.csrfToken
      ) {
        throw new Problem(403, 'csrf-failed');
      }
    }
    if (!request.principal && !request.routeOptions.config.public) throw problems.unauthenticated();
  });

  async function decide(request: FastifyRequest) {
    const { authorize } = request.routeOptions.config;
    if (!authorize || !isApiRoute(request)) return;
    const principal = principalOf(request);
    if (principal.mustChangePassword && !request.routeOptions.config.allowDuringPasswordChange) {
      throw new Problem(403, 'password-change-required');
    }
    if (!(await authorize(principal, request))) throw problems.forbidden();
  }

  app.addHook('preParsing', async (request: FastifyRequest) => {
    if (request.routeOptions.config.authorizeBeforeBody) await decide(request);
  });
  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!request.routeOptions.config.authorizeBeforeBody) await decide(request);
  });
}

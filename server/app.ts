import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/client.ts';
import { pendingMigrations } from './db/migrate.ts';
import { productSeam } from './modules.ts';
import { startPrincipalCache } from './platform/auth/cache.ts';
import { authPlugin } from './platform/auth/plugin.ts';
import { startDerivedCache } from './platform/derived-cache.ts';
import { Problem, problems, sendProblem, toProblem } from './platform/errors.ts';
import type { App } from './platform/http.ts';
import { idempotencyPlugin } from './platform/idempotency.ts';
import { newId } from './platform/ids.ts';
import type { Module, Seam } from './platform/seam.ts';

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  /** Serve the built web app from dist/app (off in API tests). */
  serveWeb?: boolean;
  logger?: boolean;
  /** The modules to plug in; server/modules.ts by default (tests add their own). */
  modules?: readonly Module[];
}

/**
 * TRUST_PROXY for Fastify. A hop count becomes a function because Fastify 5 ignores a number (it
 * cannot tell a proxy from a client that sends forwarded headers itself): a count is right only
 * where every request passes exactly that many proxies, which the README says.
 */
function trustedProxies(
  setting: Config['trustProxy'],
): boolean | string | ((a: string, i: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return Array.isArray(setting) ? setting.join(',') : setting;
}

/** `/api…` however spelt (`/API`, `//api`, `/%61pi`): a wrong API path answers 404, not the web app. */
function looksLikeApi(url: string): boolean {
  let path = url.split('?')[0]!;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape is no API path either way; the raw text is checked.
  }
  return /^\/+api(\/|$)/i.test(path);
}

/**
 * The web app's policy. Vite emits no inline script (index.html loads one module file), so scripts
 * come from this origin only. Mantine writes its CSS variables into <style> tags at run time, which
 * needs 'unsafe-inline' for styles (inline styles cannot run code). Icons in CSS are data: URIs.
 */
function contentSecurityPolicy(https: boolean): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'"],
    'font-src': ["'self'", 'data:'],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

const webRoot = fileURLToPath(new URL('../dist/app', import.meta.url));

/** The whole HTTP app, without listening or other side effects: main.ts and tests build it. */
declare module 'fastify' {
  interface FastifyInstance {
    /** The platform's parts and the modules, as registered (tests and main.ts read it). */
    seam: Seam;
  }
}

export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, database } = deps;
  const db = database.db;
  const app = Fastify({
    logger:
      deps.logger === false
        ? false
        : {
            level: config.logLevel,
            // Readable lines for a person at a terminal; JSON (one object a line) for log collectors.
            // pino-pretty is loaded only in the TTY case, in pino's worker thread.
            ...(process.stdout.isTTY
              ? {
                  transport: {
                    target: 'pino-pretty',
                    options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
                  },
                }
              : {}),
          },
    bodyLimit: 1_048_576,
    genReqId: () => newId(),
    requestIdHeader: false,
    // Off unless TRUST_PROXY says which proxies may tell the client's address (config.ts).
    trustProxy: trustedProxies(config.trustProxy),
    routerOptions: { maxParamLength: 2000 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error as Error);
    if (problem.status >= 500) request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, problem);
  });
  app.setNotFoundHandler((request, reply) => {
    if (looksLikeApi(request.url) || !deps.serveWeb || request.method !== 'GET') {
      return sendProblem(request, reply, problems.notFound());
    }
    // Client-side routes of the single-page app all answer with its index.html.
    return reply.type('text/html').sendFile('index.html');
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });

  const https = config.publicUrl.startsWith('https:');
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(https) },
    // HSTS only where the site is served over HTTPS; on http://localhost it would only mislead.
    strictTransportSecurity: https ? { maxAge: 31_536_000 } : false,
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
  });
  await app.register(fastifyCookie);
  // No limit on any route by itself (global: false); the sign-in route sets its own (auth/routes.ts).
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Styrbord API',
        version: '1',
        description:
          'IT governance and service management for Swedish municipalities. Errors are application/problem+json (RFC 9457).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'styrbord_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // Swagger UI (v5) loads its scripts and styles from files: the app's policy serves it unchanged
  // (the e2e suite checks that the browser reports no violation there).
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Sessions and tokens identified from memory, kept right by LISTEN/NOTIFY (auth/cache.ts).
  app.addHook('onClose', await startPrincipalCache(database));
  authPlugin(app, db);
  idempotencyPlugin(app, db);

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/api/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: database reachable and migrations current',
        response: { 200: z.object({ status: z.literal('ready'), database: z.string() }) },
      },
    },
    async () => {
      try {
        await db.execute(sql`select 1`);
      } catch {
        throw new Problem(503, 'unavailable', 'database unreachable');
      }
      if ((await pendingMigrations(database)) !== 0)
        throw new Problem(503, 'unavailable', 'migrations pending');
      return { status: 'ready' as const, database: database.kind };
    },
  );

  const seam = productSeam(deps.modules);
  app.decorate('seam', seam);
  // The modules' derived answers, kept right by LISTEN/NOTIFY like the principals (derived-cache.ts).
  for (const kind of seam.derivedCaches) app.addHook('onClose', await startDerivedCache(database, kind));
  for (const part of seam.modules) part.routes?.(app, { db, config, seam });

  if (deps.serveWeb && existsSync(webRoot)) {
    // Vite names everything under assets/ by its content's hash (the page chunks, the CSS): a new
    // build gives new names, so a browser keeps those for a year without asking. index.html (and
    // the other files at the root) must be asked about every time (`no-cache` revalidates by the
    // ETag), or a browser would run yesterday's index.html against chunks a deploy removed.
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: ['index.html'],
      setHeaders: (reply, path) => {
        const hashed = relative(webRoot, path).split(sep)[0] === 'assets';
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return app;
}

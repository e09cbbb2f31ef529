import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
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
    logger: deps.logger === false ? false : { level: config.logLevel },
    bodyLimit: 1_048_576,
    genReqId: () => newId(),
    requestIdHeader: false,
    trustProxy: true,
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
    if (request.url.startsWith('/api') || !deps.serveWeb || request.method !== 'GET') {
      return sendProblem(request, reply, problems.notFound());
    }
    // Client-side routes of the single-page app all answer with its index.html.
    return reply.type('text/html').sendFile('index.html');
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    return payload;
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
  for (const part of seam.modules) part.routes?.(app, { db, config, seam });

  if (deps.serveWeb && existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
  }
  return app;
}

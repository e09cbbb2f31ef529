import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/client.ts';
import { idempotencyKeys } from './audit/schema.ts';
import { Problem, problems } from './errors.ts';

// POST with an Idempotency-Key header: the first answer is stored and a repeat of the same
// request gets it again instead of doing the work twice. The same key with a different body is
// refused. Keys are per person and kept for a day.

const HEADER = 'idempotency-key';
const KEEP_MS = 24 * 3_600_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { key: string; requestHash: string };
  }
}

/** The request as the router understood it (route, decoded params, query), not its raw URL. */
function pathOf(request: FastifyRequest): string {
  return `${request.routeOptions.url} ${JSON.stringify(request.params ?? {})} ${JSON.stringify(request.query ?? {})}`;
}

function hashRequest(request: FastifyRequest): string {
  const hash = createHash('sha256').update(`${request.method} ${pathOf(request)}\n`);
  // Uploaded files arrive as a Buffer: hash the bytes, never a JSON rendering of them.
  return hash
    .update(Buffer.isBuffer(request.body) ? request.body : JSON.stringify(request.body ?? null))
    .digest('base64url');
}

export function idempotencyPlugin(app: FastifyInstance, db: Database) {
  // After authentication and validation, before the handler does anything.
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers[HEADER];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.principal) return;
    if (key.length < 1 || key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
      throw problems.field('headers.idempotency-key', 'Must be 1–200 visible ASCII characters');
    }
    const requestHash = hashRequest(request);
    const { tenantId, personId } = request.principal;
    const [stored] = await db
      .select()
      .from(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.tenantId, tenantId),
          eq(idempotencyKeys.personId, personId),
          eq(idempotencyKeys.key, key),
        ),
      );
    if (stored && stored.createdAt.getTime() > Date.now() - KEEP_MS) {
      if (stored.requestHash !== requestHash) throw new Problem(422, 'idempotency-mismatch');
      reply.header('idempotent-replayed', 'true');
      return reply.code(Number(stored.status)).type('application/json').send(stored.body);
    }
    request.idempotency = { key, requestHash };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const idem = request.idempotency;
    if (!idem || !request.principal || reply.statusCode >= 300 || typeof payload !== 'string') return payload;
    const { tenantId, personId } = request.principal;
    await db
      .insert(idempotencyKeys)
      .values({
        tenantId,
        personId,
        key: idem.key,
        method: request.method,
        path: pathOf(request),
        requestHash: idem.requestHash,
        status: String(reply.statusCode),
        body: payload,
      })
      .onConflictDoUpdate({
        target: [idempotencyKeys.tenantId, idempotencyKeys.personId, idempotencyKeys.key],
        set: {
          requestHash: idem.requestHash,
          status: String(reply.statusCode),
          body: payload,
          createdAt: new Date(),
        },
      });
    return payload;
  });
}

export async function purgeIdempotencyKeys(db: Database) {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(Date.now() - KEEP_MS)));
}

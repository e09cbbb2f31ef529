import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, eq, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/client.ts';
import { idempotencyKeys } from './audit/schema.ts';
import { Problem, problems } from './errors.ts';

// POST with an Idempotency-Key header: the first answer is stored and a repeat of the same
// request gets it again instead of doing the work twice. The same key with a different body is
// refused. Keys are per person and kept for a day.
//
// An answer that carries a secret (a new API token, a temporary password) is never stored: the
// table would then hold, in plain text and for a day, what is otherwise kept only as a hash. Such
// a route sets `config.secretAnswer`; only the status and the record's id are kept, and a repeat
// answers 409 secret-shown-once naming that id. Not the first answer without its secret: that
// would not match the route's answer schema and would look to a client like success with a token
// missing; a problem says plainly that the work was done and the secret cannot be shown again
// (revoke the token by its id and make a new one, or reset the password again).

const HEADER = 'idempotency-key';
const KEEP_MS = 24 * 3_600_000;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The answer holds a secret shown once: store only its status and record id (see above). */
    secretAnswer?: boolean;
  }
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
  if (Buffer.isBuffer(request.body)) return hash.update(request.body).digest('base64url');
  // A streamed upload (attachments) cannot be hashed before it is read: its URL (record and
  // file name) and declared length stand for it.
  if (request.body instanceof Readable) {
    return hash.update(`stream ${request.headers['content-length'] ?? ''}`).digest('base64url');
  }
  return hash.update(JSON.stringify(request.body ?? null)).digest('base64url');
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
      if (request.routeOptions.config.secretAnswer) {
        const { id } = JSON.parse(stored.body) as { id?: string };
        throw new Problem(
          409,
          'secret-shown-once',
          `The request was already carried out${id ? ` (record ${id})` : ''}; its secret was shown only then`,
        );
      }
      return reply.code(Number(stored.status)).type('application/json').send(stored.body);
    }
    request.idempotency = { key, requestHash };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const idem = request.idempotency;
    if (!idem || !request.principal || reply.statusCode >= 300 || typeof payload !== 'string') return payload;
    const { tenantId, personId } = request.principal;
    const body = request.routeOptions.config.secretAnswer
      ? JSON.stringify({ id: recordId(request, payload) })
      : payload;
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
        body,
      })
      .onConflictDoUpdate({
        target: [idempotencyKeys.tenantId, idempotencyKeys.personId, idempotencyKeys.key],
        set: {
          requestHash: idem.requestHash,
          status: String(reply.statusCode),
          body,
          createdAt: new Date(),
        },
      });
    return payload;
  });
}

/** The id of what a secret answer made: its `id`, else the `:id` of the path (the person reset). */
function recordId(request: FastifyRequest, payload: string): string | null {
  try {
    const id = (JSON.parse(payload) as { id?: unknown }).id;
    if (typeof id === 'string') return id;
  } catch {
    // Not JSON: fall back to the path.
  }
  const params = request.params as { id?: unknown } | undefined;
  return typeof params?.id === 'string' ? params.id : null;
}

export async function purgeIdempotencyKeys(db: Database) {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(Date.now() - KEEP_MS)));
}

import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** The Fastify instance every module registers its routes on: Zod schemas, typed handlers. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** problem+json, as documented in every operation's error responses. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    tenants: z
      .array(z.object({ slug: z.string(), name: z.string() }))
      .optional()
      .describe('choose-tenant: the organisations the credentials are valid in'),
    instance: z.string().optional(),
    requestId: z.string().optional(),
  })
  .describe('RFC 9457 problem details');
// One component that every operation's error answers refer to: written out in each of them, the
// problem schema was more than half of the OpenAPI document (1.4 of 2.5 MB), and the API browser
// took 17 s to show it.
z.globalRegistry.add(problemSchema, { id: 'Problem' });

/** The error answers every authenticated operation can give. */
export const errorResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
} as const;

export const idParams = z.strictObject({ id: z.uuid({ message: 'Must be a UUID' }) });

/** Dates leave the API as ISO 8601 with offset (UTC). */
export function iso(date: Date): string;
export function iso(date: Date | null): string | null;
export function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

/**
 * Answers with a body that is already the route's JSON (built by a query, as text, or kept as its
 * UTF-8 bytes): sent as it is, since a string or a buffer with a JSON type skips the serialiser.
 * For large answers whose reading as rows and serialising again cost more than the query; the
 * route's schema still documents the shape, and its tests hold the text to it.
 */
export function sendJsonText(reply: FastifyReply, body: string | Buffer) {
  return reply.type('application/json; charset=utf-8').send(body);
}

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

// Errors leave the API as application/problem+json (RFC 9457). `code` is stable for programs;
// `title` is in the language the client asked for (Swedish unless Accept-Language prefers English).

export interface FieldError {
  path: string;
  message: string;
}

const titles = {
  validation: ['Ogiltiga uppgifter', 'Invalid input'],
  unauthenticated: ['Du är inte inloggad', 'You are not signed in'],
  forbidden: ['Du saknar behörighet', 'You do not have permission'],
  'not-found': ['Hittades inte', 'Not found'],
  'version-conflict': [
    'Någon annan har ändrat uppgifterna. Läs in dem igen.',
    'Someone else has changed this record. Reload it.',
  ],
  conflict: ['Krockar med befintliga uppgifter', 'Conflicts with existing data'],
  'payload-too-large': ['Förfrågan är för stor', 'The request is too large'],
  'unsupported-media-type': ['Formatet stöds inte', 'Unsupported media type'],
  'too-many-requests': ['För många försök. Vänta en stund.', 'Too many attempts. Please wait.'],
  'invalid-credentials': ['Fel e-postadress eller lösenord', 'Wrong email or password'],
  'choose-tenant': [
    'Du finns i flera organisationer. Välj vilken du vill logga in i.',
    'You belong to several organisations. Choose the one to sign in to.',
  ],
  'password-change-required': [
    'Välj ett nytt lösenord innan du fortsätter',
    'Choose a new password before you continue',
  ],
  'csrf-failed': [
    'Säkerhetstoken saknas eller är fel. Ladda om sidan.',
    'Missing or wrong CSRF token. Reload the page.',
  ],
  'idempotency-mismatch': [
    'Idempotency-Key har redan använts för en annan förfrågan',
    'Idempotency-Key was already used for a different request',
  ],
  'secret-shown-once': [
    'Förfrågan är redan utförd. Hemligheten i svaret visades bara den gången och kan inte visas igen.',
    'The request was already carried out. The secret in its answer was shown only then and cannot be shown again.',
  ],
  internal: ['Ett oväntat fel inträffade', 'An unexpected error occurred'],
  unavailable: ['Tjänsten är inte redo', 'The service is not ready'],
} as const;

export type ProblemCode = keyof typeof titles;

/** A tenant a person may choose between (the choose-tenant problem lists them). */
export interface TenantChoice {
  slug: string;
  name: string;
}

export class Problem extends Error {
  readonly status: number;
  readonly code: ProblemCode;
  readonly detail?: string;
  readonly errors?: FieldError[];
  /** RFC 9457 extension member of the choose-tenant problem. */
  tenants?: TenantChoice[];
  constructor(status: number, code: ProblemCode, detail?: string, errors?: FieldError[]) {
    super(detail ?? code);
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = errors;
  }
}

export const problems = {
  validation: (errors: FieldError[], detail?: string) => new Problem(400, 'validation', detail, errors),
  field: (path: string, message: string) => new Problem(400, 'validation', message, [{ path, message }]),
  unauthenticated: () => new Problem(401, 'unauthenticated'),
  forbidden: (detail?: string) => new Problem(403, 'forbidden', detail),
  notFound: (what?: string) => new Problem(404, 'not-found', what),
  versionConflict: (current: number) =>
    new Problem(409, 'version-conflict', `The current version is ${current}`),
  conflict: (detail: string, errors?: FieldError[]) => new Problem(409, 'conflict', detail, errors),
};

export function wantsEnglish(request: FastifyRequest): boolean {
  const header = request.headers['accept-language'];
  if (!header) return false;
  // The first language the client lists decides; Swedish is the default.
  return /^\s*en\b/i.test(header);
}

export function problemBody(request: FastifyRequest, p: Problem) {
  const [sv, en] = titles[p.code];
  return {
    type: `https://styrbord.se/problems/${p.code}`,
    title: wantsEnglish(request) ? en : sv,
    status: p.status,
    code: p.code,
    ...(p.detail ? { detail: p.detail } : {}),
    ...(p.errors ? { errors: p.errors } : {}),
    ...(p.tenants ? { tenants: p.tenants } : {}),
    instance: request.url,
    requestId: request.id,
  };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, p: Problem) {
  return reply.code(p.status).type('application/problem+json').send(problemBody(request, p));
}

/** Maps every error a route can raise to a problem; unknown errors become a logged 500. */
export function toProblem(error: FastifyError | Error): Problem {
  if (error instanceof Problem) return error;
  const e = error as FastifyError & { cause?: unknown };
  if (hasZodFastifySchemaValidationErrors(e)) {
    const where = e.validationContext ?? 'body';
    return problems.validation(
      e.validation.flatMap((v) => {
        const path = [
          where,
          ...String(v.instancePath ?? '')
            .split('/')
            .filter(Boolean),
        ];
        const keys = (v.params as { keys?: string[] } | undefined)?.keys;
        // Unknown fields are reported one by one, each under its own name.
        if (v.keyword === 'unrecognized_keys' && keys) {
          return keys.map((key) => ({ path: [...path, key].join('.'), message: 'Unknown field' }));
        }
        return [{ path: path.join('.'), message: String(v.message ?? 'Invalid') }];
      }),
    );
  }
  if (e.validation) {
    return problems.validation(
      e.validation.map((v) => ({
        path: [
          e.validationContext ?? 'body',
          ...String(v.instancePath ?? '')
            .split('/')
            .filter(Boolean),
        ].join('.'),
        message: String(v.message ?? 'Invalid'),
      })),
    );
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem(413, 'payload-too-large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new Problem(415, 'unsupported-media-type');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problems.validation([{ path: 'body', message: 'Malformed JSON' }], 'Malformed JSON');
    case 'FST_ERR_VALIDATION':
      return problems.validation([{ path: 'body', message: e.message }]);
  }
  if (e.statusCode === 429) return new Problem(429, 'too-many-requests');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return problems.validation([{ path: 'request', message: e.message }], e.message);
  }
  return new Problem(500, 'internal');
}

/** PostgreSQL unique violations that services did not foresee become 409, not 500. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/**
 * The index or constraint a unique violation broke (postgres.js names it constraint_name, PGlite
 * constraint), for a service guarding more than one; undefined for any other error.
 */
export function uniqueViolated(error: unknown): string | undefined {
  if (!isUniqueViolation(error)) return undefined;
  type Named = { constraint_name?: string; constraint?: string; cause?: Named };
  const e = error as Named;
  return e.constraint_name ?? e.constraint ?? e.cause?.constraint_name ?? e.cause?.constraint ?? '';
}

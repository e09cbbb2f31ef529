import { z } from 'zod';

// Configuration comes from the environment only, validated once at start. A wrong value stops
// the process with one line that names the variable (see main.ts), never a stack trace.

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const url = z.url({ message: 'a URL' });

// Which proxies may set X-Forwarded-For/-Proto/-Host: none (the default, so a client cannot choose
// its own address in the logs and rate limits), every one (`true`: only behind a proxy that
// overwrites the headers), the nearest N hops, or the listed addresses and CIDR ranges.
const trustProxy = z
  .string()
  .trim()
  .transform((v, ctx): boolean | number | string[] => {
    if (v === 'false' || v === '0') return false;
    if (v === 'true') return true;
    if (/^\d+$/.test(v)) return Number(v);
    const list = v.split(',').map((a) => a.trim());
    if (list.every((a) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(a) && /[.:]/.test(a))) return list;
    ctx.addIssue({ code: 'custom', message: 'true, false, a number of hops or a list of addresses/CIDRs' });
    return z.NEVER;
  });

const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { message: 'a postgres:// URL' })
      .optional(),
    DATABASE_MIGRATION_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { message: 'a postgres:// URL' })
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    DATA_DIR: z.string().min(1).default('./data'),
    DEMO_DATA: bool.optional(),
    PUBLIC_URL: url.optional(),
    COOKIE_SECURE: bool.optional(),
    SESSION_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    OIDC_ISSUER: url.optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_TENANT: z.string().min(1).optional(),
    OIDC_DEFAULT_UNIT: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).default('SSO'),
    OIDC_TRUST_EMAIL: bool.default(false),
    API_TOKEN_DAYS: z.coerce.number().int().min(1).max(365).default(90),
    SIGN_IN_LIMIT_PER_IP: z.coerce.number().int().min(1).max(100_000).default(100),
    SIGN_IN_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).max(100_000).default(10),
    SMTP_URL: z.url({ protocol: /^smtps?$/, message: 'an smtp:// or smtps:// URL' }).optional(),
    MAIL_FROM: z
      .string()
      .regex(/^([^<>@]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, {
        message: 'an address, e.g. "Styrbord <noreply@kommun.se>"',
      })
      .optional(),
    // Attachments are kept in the database; 1 GiB is far past any document a record needs.
    FILE_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(1024 ** 3)
      .default(20 * 1024 ** 2),
    TRUST_PROXY: trustProxy.default(false),
    // Inbound mail (the desk's email channel): an SMTP listener only when a port is given.
    MAIL_INBOUND_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    MAIL_INBOUND_HOST: z.string().min(1).optional(),
    MAIL_INBOUND_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(1024 ** 3)
      .default(25 * 1024 ** 2),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_MIGRATION_URL && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_MIGRATION_URL'],
        message: 'set together with DATABASE_URL (PGlite has no roles)',
      });
    }
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: [
          env.OIDC_ISSUER ? (env.OIDC_CLIENT_ID ? 'OIDC_CLIENT_SECRET' : 'OIDC_CLIENT_ID') : 'OIDC_ISSUER',
        ],
        message: 'set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together',
      });
    }
  });

export type Env = z.infer<typeof schema>;

export interface Config {
  port: number;
  host: string;
  database:
    | { kind: 'pg'; url: string; poolSize: number; migrationUrl?: string }
    | { kind: 'pglite'; dataDir: string };
  /** DEMO_DATA as set; unset (undefined) means: only into a fresh PGlite directory (see main.ts). */
  demoData: boolean | undefined;
  trustProxy: boolean | number | string[];
  publicUrl: string;
  cookieSecure: boolean;
  sessionHours: number;
  /** Lifetime of an API token created without an expiry. */
  apiTokenDays: number;
  /** Sign-in attempts (POST /api/v1/session) per minute, per client address and per email. */
  signInLimits: { perIp: number; perAccount: number };
  logLevel: Env['LOG_LEVEL'];
  /** Outbound mail: without `smtpUrl` mail is logged and kept in the outbox only. */
  mail: { smtpUrl?: string; from: string };
  /** Largest attachment accepted, in bytes. */
  fileMaxBytes: number;
  /**
   * The SMTP listener for inbound mail (MAIL_INBOUND_PORT), started by the module that registers
   * it (the desk's email channel); unset means none listens.
   */
  inboundMail?: { port: number; host: string; maxBytes: number };
  oidc?: {
    issuer: string;
    clientId: string;
    clientSecret: string;
    tenant?: string;
    defaultUnit?: string;
    name: string;
    /**
     * Link an existing account by email even without `email_verified: true`: for an IdP that
     * sends no such claim but only issues addresses it owns (Entra ID).
     */
    trustEmail: boolean;
  };
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty variables count as unset, as in most deployment tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    // A URL with a password in it is not repeated into the log.
    const value = name === 'SMTP_URL' || name === 'OIDC_CLIENT_SECRET' ? undefined : present[name];
    throw new ConfigError(
      `${name}${value !== undefined ? `=${JSON.stringify(value)}` : ''} is invalid: expected ${expected(issue)}`,
    );
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? {
          kind: 'pg',
          url: e.DATABASE_URL,
          poolSize: e.DATABASE_POOL_SIZE,
          migrationUrl: e.DATABASE_MIGRATION_URL,
        }
      : { kind: 'pglite', dataDir: e.DATA_DIR },
    demoData: e.DEMO_DATA,
    trustProxy: e.TRUST_PROXY,
    publicUrl,
    cookieSecure: e.COOKIE_SECURE ?? publicUrl.startsWith('https:'),
    sessionHours: e.SESSION_HOURS,
    apiTokenDays: e.API_TOKEN_DAYS,
    signInLimits: { perIp: e.SIGN_IN_LIMIT_PER_IP, perAccount: e.SIGN_IN_LIMIT_PER_ACCOUNT },
    logLevel: e.LOG_LEVEL,
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM ?? `Styrbord <noreply@${new URL(publicUrl).hostname}>`,
    },
    fileMaxBytes: e.FILE_MAX_BYTES,
    inboundMail:
      e.MAIL_INBOUND_PORT === undefined
        ? undefined
        : {
            port: e.MAIL_INBOUND_PORT,
            host: e.MAIL_INBOUND_HOST ?? e.HOST,
            maxBytes: e.MAIL_INBOUND_MAX_BYTES,
          },
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            tenant: e.OIDC_TENANT,
            defaultUnit: e.OIDC_DEFAULT_UNIT,
            name: e.OIDC_NAME,
            trustEmail: e.OIDC_TRUST_EMAIL,
          }
        : undefined,
  };
}

function expected(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'a valid value';
  if (issue.code === 'invalid_value') return `one of ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    return issue.message.replace(/^Too (small|big): expected number to be /, 'a number ');
  }
  if (issue.code === 'invalid_type') return `a ${issue.expected}`;
  return issue.message;
}

import { foreignKey, index, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { timestamptz as ts } from '../../db/columns.ts';
import { people, tenants } from '../directory/schema.ts';

/** A person's local password. Absent for people who only sign in through SSO. */
export const credentials = pgTable(
  'credentials',
  {
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').notNull(),
    passwordHash: text('password_hash').notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: ts('locked_until'),
    // An admin reset makes the person choose a new password at next sign-in.
    mustChange: integer('must_change').notNull().default(0),
    changedAt: ts('changed_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.personId] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
  ],
);

/**
 * Server-side sessions. The cookie carries a random token; only its SHA-256 is stored, so a copy
 * of the table does not let anyone sign in. Keyed by that hash because a request knows nothing
 * else until the session is found.
 */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    personId: uuid('person_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    method: text('method').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    index('sessions_person_idx').on(t.tenantId, t.personId),
  ],
);

/** Personal API tokens for integrations and scripts; hashed at rest, revocable. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    // The first characters of the token, shown in lists so a person can tell tokens apart.
    prefix: text('prefix').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at'),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    index('api_tokens_person_idx').on(t.tenantId, t.personId),
  ],
);

/**
 * Which identity at which OpenID provider is which person. Written at the first SSO sign-in of a
 * person and matched on afterwards, so that an email address that changes (or is reused) at the
 * IdP never moves a sign-in to another account. One subject per issuer per person.
 */
export const ssoIdentities = pgTable(
  'sso_identities',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    personId: uuid('person_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    unique('sso_identities_subject_key').on(t.tenantId, t.issuer, t.subject),
    unique('sso_identities_person_key').on(t.tenantId, t.issuer, t.personId),
  ],
);

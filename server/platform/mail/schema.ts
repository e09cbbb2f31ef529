import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz as ts } from '../../db/columns.ts';
import { tenants } from '../directory/schema.ts';

/**
 * Every message the platform sends, written in the transaction of the change that causes it and
 * then delivered by a job: the record of what was sent to whom, and the queue's source of truth.
 * Holds the rendered message, never a secret (no passwords, tokens or links that sign in).
 */
export const outbox = pgTable(
  'mail_outbox',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    recipient: text('recipient').notNull(),
    kind: text('kind').notNull(),
    language: text('language').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    /** The Message-ID it is sent with, when the sender chose one (to match replies to it). */
    messageId: text('message_id'),
    /** Threading and robot headers (service/MailHeaders): In-Reply-To, References, Reply-To, Auto-Submitted. */
    headers: jsonb('headers').$type<MailHeaders>(),
    // queued → sent | failed (retries used up) | logged (no SMTP server configured)
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check('mail_outbox_status_ck', sql`${t.status} in ('queued', 'sent', 'failed', 'logged')`),
    check('mail_outbox_language_ck', sql`${t.language} in ('sv', 'en')`),
    // The sweep looks for messages still queued (see jobs.ts).
    index('mail_outbox_queued_idx').on(t.createdAt).where(sql`${t.status} = 'queued'`),
  ],
);

export type OutboxRow = typeof outbox.$inferSelect;

/** What a message carries besides its text, so that replies thread and robots do not answer. */
export interface MailHeaders {
  inReplyTo?: string;
  references?: string[];
  /** Where replies go (a desk's address) when not to the sender. */
  replyTo?: string;
  /**
   * RFC 3834: `auto-replied` (an answer to a message) or `auto-generated`; an autoresponder that
   * honours it does not answer, so two robots never mail each other in a loop.
   */
  autoSubmitted?: 'auto-replied' | 'auto-generated';
}

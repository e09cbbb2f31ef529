import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants } from '../../../platform/directory/schema.ts';
import { tickets } from '../tickets/schema.ts';

// The email channel's tables. Only ./service.ts writes them. A received mail is stored raw, bytes
// as they came, in the transaction whose commit is the SMTP listener's "250 OK" (desk_inbound_mail);
// a job reads it afterwards. desk_mail_ids holds every Message-ID the desk has seen or sent, with
// the ticket it belongs to: its primary key is what makes one ticket of a Message-ID received
// twice, and what a reply's In-Reply-To and References are matched against.

/** The desk's addresses: mail to one of them becomes that tenant's. */
export const mailAddresses = pgTable(
  'desk_mail_addresses',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** Lower case. */
    address: text('address').notNull(),
    /** The first (0) is where replies go. */
    position: integer('position').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.address] }),
    // An address belongs to one tenant in the whole installation: the listener looks the tenant up
    // by it before it knows one. (The one unique key without tenant_id; distributed by tenant,
    // this table would be a reference table, as small as it is.)
    uniqueIndex('desk_mail_addresses_address_uq').on(t.address),
  ],
);

/** The tenant's mail rules; the defaults (shared/desk/mail.ts) until an admin changes them. */
export const mailSettings = pgTable(
  'desk_mail_settings',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    senderLimitPerHour: integer('sender_limit_per_hour').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId] })],
);

/** One attachment of a received mail, as the inbox and the ticket show it. */
export interface InboundAttachment {
  name: string;
  size: number;
  mediaType: string;
  fileId: string | null;
  refused: 'empty' | 'too-large' | 'type' | null;
}

export const inboundMail = pgTable(
  'desk_inbound_mail',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    receivedAt: ts('received_at').notNull().defaultNow(),
    /** MAIL FROM of the SMTP envelope, '' for the null sender `<>` (bounces). */
    envelopeFrom: text('envelope_from').notNull(),
    /** The RCPT TO addresses of this tenant. */
    envelopeTo: text('envelope_to').array().notNull(),
    remoteAddress: text('remote_address'),
    /** The message as received, byte for byte. */
    raw: bytea('raw').notNull(),
    size: integer('size').notNull(),
    status: text('status').notNull().default('received'),
    reason: text('reason'),
    // What the job read from it.
    messageId: text('message_id'),
    fromAddress: text('from_address'),
    fromName: text('from_name'),
    subject: text('subject'),
    body: text('body'),
    language: text('language'),
    attachments: jsonb('attachments').$type<InboundAttachment[]>(),
    personId: uuid('person_id'),
    ticketId: uuid('ticket_id'),
    /** The ticket's timeline entry: the reply it became. */
    eventId: uuid('event_id'),
    parsedAt: ts('parsed_at'),
    /** The agent who made a ticket of it or discarded it. */
    handledBy: uuid('handled_by'),
    handledByName: text('handled_by_name'),
    handledAt: ts('handled_at'),
    discardReason: text('discard_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ticketId], foreignColumns: [tickets.tenantId, tickets.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    check(
      'desk_inbound_mail_status_ck',
      sql`${t.status} in ('received', 'ticket', 'reply', 'held', 'ignored', 'duplicate', 'discarded')`,
    ),
    // The inbox: by status, newest first (ids are UUIDv7, in the order received).
    index('desk_inbound_mail_status_idx').on(t.tenantId, t.status, t.id),
    // The limit per sender: what one address sent in the last hour.
    index('desk_inbound_mail_sender_idx').on(t.tenantId, t.fromAddress, t.receivedAt),
    // The sweep: stored and not yet read.
    index('desk_inbound_mail_received_idx').on(t.receivedAt).where(sql`status = 'received'`),
  ],
);

export const mailIds = pgTable(
  'desk_mail_ids',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** As in the header, `<…@…>`. */
    messageId: text('message_id').notNull(),
    /** `in`: a mail received (inboundId); `out`: one the desk sent. */
    direction: text('direction').notNull(),
    ticketId: uuid('ticket_id'),
    inboundId: uuid('inbound_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.messageId] }),
    foreignKey({ columns: [t.tenantId, t.ticketId], foreignColumns: [tickets.tenantId, tickets.id] }),
    foreignKey({
      columns: [t.tenantId, t.inboundId],
      foreignColumns: [inboundMail.tenantId, inboundMail.id],
    }),
    check('desk_mail_ids_direction_ck', sql`${t.direction} in ('in', 'out')`),
    index('desk_mail_ids_ticket_idx').on(t.tenantId, t.ticketId),
  ],
);

export type InboundRow = typeof inboundMail.$inferSelect;

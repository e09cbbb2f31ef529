import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { email, id, multiline, requiredLine } from '../text.ts';
import { ticketTypes } from './tickets.ts';

// The desk's email channel, shared by server and web: the tenant's desk addresses, and the inbox of
// received mail that agents see (mail held for a person to decide, and what the robots ignored).

/**
 * What became of a received mail. `received`: stored, not yet read (the job reads it within
 * seconds); `ticket`: made a ticket; `reply`: joined a ticket as a reply; `held`: waits in the inbox
 * for an agent (unknown sender, too many from one sender, unreadable); `ignored`: an auto-reply, a
 * bounce or bulk mail, kept but never answered; `duplicate`: a Message-ID already received;
 * `discarded`: an agent threw a held mail away (kept, with the reason).
 */
export const inboundStatuses = [
  'received',
  'ticket',
  'reply',
  'held',
  'ignored',
  'duplicate',
  'discarded',
] as const;
export type InboundStatus = (typeof inboundStatuses)[number];

/** Why a mail was held or ignored. */
export const inboundReasons = [
  'unknownSender',
  'rateLimited',
  'unreadable',
  'autoReply',
  'bounce',
  'bulk',
  'loop',
] as const;
export type InboundReason = (typeof inboundReasons)[number];

/** What the inbox lists: what waits for an agent by default; `received`: stored, not yet read. */
export const inboxFilters = ['held', 'received', 'ignored', 'handled', 'all'] as const;

/** The desk's mail rules per tenant: where mail is received, and how much one sender may send. */
export const defaultMailSettings = {
  addresses: [] as string[],
  /** Mails per sender and hour that make tickets or replies; more wait in the inbox (a loop breaks). */
  senderLimitPerHour: 30,
};

export const mailSettings = z.object({
  addresses: z.array(z.string()),
  senderLimitPerHour: z.number().int(),
  version: currentVersion,
  updatedAt: z.string().nullable(),
  can: permissions(['update']),
});
export type MailSettings = z.infer<typeof mailSettings>;

export const mailSettingsUpdate = z.strictObject({
  version,
  /** The desk's addresses (servicedesk@kommun.se); each belongs to one tenant only. */
  addresses: z
    .array(email)
    .max(20)
    .refine((list) => new Set(list).size === list.length, { message: 'An address is given twice' })
    .optional(),
  senderLimitPerHour: z.number().int().min(1).max(10_000).optional(),
});
export type MailSettingsUpdate = z.infer<typeof mailSettingsUpdate>;

export const inboxQuery = listQuery.omit({ includeArchived: true, search: true }).extend({
  status: z.enum(inboxFilters).default('held'),
});
export type InboxQuery = z.infer<typeof inboxQuery>;

const attachment = z.object({
  name: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
  /** The file kept on the ticket, once there is one. */
  fileId: id.nullable(),
  /** Why it was not kept (a type attachments may not have, too large, empty). */
  refused: z.enum(['empty', 'too-large', 'type']).nullable(),
});

const ref = z.object({ id, name: z.string() }).nullable();

export const inboxItem = z.object({
  id,
  receivedAt: z.string(),
  status: z.enum(inboundStatuses),
  reason: z.enum(inboundReasons).nullable(),
  fromAddress: z.string().nullable(),
  fromName: z.string().nullable(),
  subject: z.string().nullable(),
  /** The person the sender's address belongs to, if any. */
  sender: ref,
  ticket: z.object({ id, number: z.string() }).nullable(),
  attachments: z.array(attachment),
  size: z.number().int(),
  version: currentVersion,
});
export type InboxItem = z.infer<typeof inboxItem>;

export const inboxMessage = inboxItem.extend({
  /** The text of the mail (HTML made text), as a ticket would get it. */
  text: z.string().nullable(),
  messageId: z.string().nullable(),
  envelopeFrom: z.string(),
  envelopeTo: z.array(z.string()),
  handledBy: z.string().nullable(),
  handledAt: z.string().nullable(),
  discardReason: z.string().nullable(),
  can: permissions(['ticket', 'discard']),
});
export type InboxMessage = z.infer<typeof inboxMessage>;

/** Make a ticket of a held mail: whose it is, and what the mail does not say. */
export const inboxTicket = z.strictObject({
  version,
  requesterId: id,
  type: z.enum(ticketTypes).default('incident'),
  /** The mail's subject by default. */
  title: requiredLine(200).optional(),
});
export type InboxTicket = z.input<typeof inboxTicket>;

export const inboxDiscard = z.strictObject({
  version,
  reason: multiline(1000).pipe(z.string().trim().min(1, { message: 'Required' })),
});

import { and, eq, inArray } from 'drizzle-orm';
import type {
  InboundReason,
  InboundStatus,
  InboxItem,
  InboxMessage,
  MailSettings,
} from '../../../../shared/desk/mail.ts';
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { deskPolicy } from '../policy.ts';
import { tickets } from '../tickets/schema.ts';
import { personNames } from '../tickets/service.ts';
import type { InboundDetail, InboxRow, SettingsRow } from './service.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`).

export function presentSettings(row: SettingsRow, actor: Actor): MailSettings {
  return {
    addresses: row.addresses,
    senderLimitPerHour: row.senderLimitPerHour,
    version: row.version,
    updatedAt: iso(row.updatedAt),
    can: { update: deskPolicy.configure(actor) },
  };
}

/** The names the inbox shows: senders who are people, and the numbers of tickets; one query each. */
export async function inboxNames(db: Executor, tenantId: string, rows: InboxRow[]) {
  const ticketIds = [...new Set(rows.map((r) => r.ticketId).filter((id): id is string => id !== null))];
  const [senders, numbers] = await Promise.all([
    personNames(
      db,
      tenantId,
      rows.map((r) => r.personId),
    ),
    ticketIds.length
      ? db
          .select({ id: tickets.id, number: tickets.number })
          .from(tickets)
          .where(and(eq(tickets.tenantId, tenantId), inArray(tickets.id, ticketIds)))
      : [],
  ]);
  return { senders, numbers: new Map(numbers.map((t) => [t.id, t.number])) };
}
export type InboxNames = Awaited<ReturnType<typeof inboxNames>>;

export function presentItem(row: InboxRow, names: InboxNames): InboxItem {
  return {
    id: row.id,
    receivedAt: iso(row.receivedAt),
    status: row.status as InboundStatus,
    reason: row.reason as InboundReason | null,
    fromAddress: row.fromAddress,
    fromName: row.fromName,
    subject: row.subject,
    sender: row.personId ? { id: row.personId, name: names.senders.get(row.personId) ?? '' } : null,
    ticket: row.ticketId ? { id: row.ticketId, number: names.numbers.get(row.ticketId) ?? '' } : null,
    attachments: row.attachments ?? [],
    size: row.size,
    version: row.version,
  };
}

export function presentMessage(row: InboundDetail, names: InboxNames, actor: Actor): InboxMessage {
  const held = row.status === 'held' && deskPolicy.allGroups(actor);
  return {
    ...presentItem(row, names),
    text: row.body,
    messageId: row.messageId,
    envelopeFrom: row.envelopeFrom,
    envelopeTo: row.envelopeTo,
    handledBy: row.handledByName,
    handledAt: iso(row.handledAt),
    discardReason: row.discardReason,
    can: { ticket: held, discard: held },
  };
}

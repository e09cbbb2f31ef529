import { and, desc, eq, inArray } from 'drizzle-orm';
import { people, tenants } from '../../../platform/directory/schema.ts';
import { newId } from '../../../platform/ids.ts';
import { queueMail } from '../../../platform/mail/service.ts';
import { defineMail, type MailLanguage } from '../../../platform/mail/templates.ts';
import type { TenantScope } from '../../../platform/tenancy.ts';
import type { EventRow, TicketRow } from '../tickets/service.ts';
import { REPLY_ABOVE } from './message.ts';
import { inboundMail, mailAddresses, mailIds } from './schema.ts';

// The requester hears from the desk by mail: a confirmation with the number when a ticket is made
// (by mail or in the portal), and each public reply of an agent. Written in the transaction of the
// change (tickets' hooks), through the platform's outbox. Subjects carry [INC-…], and each message's
// Message-ID is recorded with its ticket, so that a reply to it finds the ticket even when the
// subject was changed. When the tenant has a desk address, replies go to it (Reply-To) and the
// message says that answering it adds to the ticket. Internal notes never leave the desk.

interface TicketMail {
  name: string;
  number: string;
  title: string;
  organisation: string;
  /** Whether an answer to the mail reaches the ticket (the tenant has a desk address). */
  replyable: boolean;
}

const subject = (p: { number: string; title: string }, what: string) => `[${p.number}] ${what}: ${p.title}`;

export const ticketConfirmation = defineMail<TicketMail>({
  kind: 'desk.ticket-received',
  sv: (p) => ({
    subject: subject(p, 'Vi har tagit emot ditt ärende'),
    text: [
      ...(p.replyable ? [REPLY_ABOVE.sv, ''] : []),
      `Hej ${p.name}!`,
      '',
      `Vi har tagit emot ditt ärende och gett det numret ${p.number}.`,
      '',
      `Rubrik: ${p.title}`,
      '',
      p.replyable
        ? 'Svara på det här mejlet om du vill lägga till något; behåll ärendenumret i ämnesraden. Du kan också följa ärendet under Mina ärenden i Styrbord.'
        : 'Du följer ärendet under Mina ärenden i Styrbord.',
      '',
      'Med vänlig hälsning',
      `Servicedesk, ${p.organisation}`,
    ].join('\n'),
  }),
  en: (p) => ({
    subject: subject(p, 'We have received your request'),
    text: [
      ...(p.replyable ? [REPLY_ABOVE.en, ''] : []),
      `Hello ${p.name},`,
      '',
      `We have received your request and given it the number ${p.number}.`,
      '',
      `Title: ${p.title}`,
      '',
      p.replyable
        ? 'Reply to this message to add anything; keep the number in the subject. You can also follow the request under My tickets in Styrbord.'
        : 'You can follow the request under My tickets in Styrbord.',
      '',
      'Kind regards',
      `Service desk, ${p.organisation}`,
    ].join('\n'),
  }),
});

export const ticketReply = defineMail<TicketMail & { agent: string; body: string }>({
  kind: 'desk.ticket-reply',
  sv: (p) => ({
    subject: subject(p, 'Nytt svar i ditt ärende'),
    text: [
      ...(p.replyable ? [REPLY_ABOVE.sv, ''] : []),
      `Hej ${p.name}!`,
      '',
      `${p.agent} har svarat i ditt ärende ${p.number}:`,
      '',
      p.body,
      '',
      p.replyable
        ? 'Svara på det här mejlet för att svara i ärendet.'
        : 'Du svarar i ärendet under Mina ärenden i Styrbord.',
      '',
      'Med vänlig hälsning',
      `Servicedesk, ${p.organisation}`,
    ].join('\n'),
  }),
  en: (p) => ({
    subject: subject(p, 'New reply to your request'),
    text: [
      ...(p.replyable ? [REPLY_ABOVE.en, ''] : []),
      `Hello ${p.name},`,
      '',
      `${p.agent} has replied to your request ${p.number}:`,
      '',
      p.body,
      '',
      p.replyable ? 'Reply to this message to answer.' : 'You can answer under My tickets in Styrbord.',
      '',
      'Kind regards',
      `Service desk, ${p.organisation}`,
    ].join('\n'),
  }),
});

/** Channels whose tickets are confirmed: those the requester made themselves. */
const CONFIRMED = new Set(['email', 'portal']);

async function context(s: TenantScope, ticket: TicketRow) {
  const [[requester], addresses, [tenant], thread] = await Promise.all([
    s.tx
      .select({
        email: people.email,
        given: people.givenName,
        family: people.familyName,
        active: people.active,
      })
      .from(people)
      .where(s.where(people, eq(people.id, ticket.requesterId))),
    s.tx
      .select({ address: mailAddresses.address })
      .from(mailAddresses)
      .where(s.where(mailAddresses))
      .orderBy(mailAddresses.position),
    s.tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, s.tenantId)),
    // The Message-IDs of the ticket's mail so far, newest first: what the next one answers.
    s.tx
      .select({ messageId: mailIds.messageId, inboundId: mailIds.inboundId })
      .from(mailIds)
      .where(s.where(mailIds, eq(mailIds.ticketId, ticket.id)))
      .orderBy(desc(mailIds.createdAt))
      .limit(20),
  ]);
  return {
    requester,
    desk: addresses[0]?.address ?? null,
    addresses,
    organisation: tenant?.name ?? '',
    thread,
  };
}

/** The language of the ticket's mail: that of the mail that made it, else Swedish. */
async function languageOf(s: TenantScope, inboundIds: (string | null)[]): Promise<MailLanguage> {
  const ids = inboundIds.filter((id): id is string => id !== null);
  if (ids.length === 0) return 'sv';
  const [first] = await s.tx
    .select({ language: inboundMail.language })
    .from(inboundMail)
    .where(and(eq(inboundMail.tenantId, s.tenantId), inArray(inboundMail.id, ids)))
    .limit(1);
  return first?.language === 'en' ? 'en' : 'sv';
}

async function send<P extends TicketMail>(
  s: TenantScope,
  ticket: TicketRow,
  kind: typeof ticketConfirmation | typeof ticketReply,
  params: (base: TicketMail) => P,
  autoSubmitted: 'auto-replied' | 'auto-generated' | undefined,
) {
  const c = await context(s, ticket);
  if (!c.requester?.active) return;
  // Never to a desk address: the desk would be mailing itself.
  if (c.addresses.some((a) => a.address === c.requester!.email)) return;
  const domain = c.desk?.split('@')[1];
  const messageId = domain ? `<${newId()}.${ticket.number.toLowerCase()}@${domain}>` : undefined;
  const ids = c.thread.map((t) => t.messageId);
  const base: TicketMail = {
    name: `${c.requester.given} ${c.requester.family}`,
    number: ticket.number,
    title: ticket.title,
    organisation: c.organisation,
    replyable: c.desk !== null,
  };
  await queueMail(s, {
    to: c.requester.email,
    kind: kind as never,
    params: params(base) as never,
    language: await languageOf(
      s,
      c.thread.map((t) => t.inboundId),
    ),
    messageId,
    headers: {
      ...(ids.length ? { inReplyTo: ids[0], references: [...ids].reverse() } : {}),
      ...(c.desk
        ? { replyTo: `${base.organisation ? `Servicedesk ${base.organisation}` : 'Servicedesk'} <${c.desk}>` }
        : {}),
      ...(autoSubmitted ? { autoSubmitted } : {}),
    },
  });
  if (messageId)
    await s.tx
      .insert(mailIds)
      .values({ tenantId: s.tenantId, messageId, direction: 'out', ticketId: ticket.id })
      .onConflictDoNothing();
}

/** tickets' `created` hook: the confirmation with the number. */
export async function confirmTicket(s: TenantScope, ticket: TicketRow) {
  if (!CONFIRMED.has(ticket.channel)) return;
  // An answer to a mail is `auto-replied`: the sender's autoresponder, if it honours RFC 3834, keeps quiet.
  await send(
    s,
    ticket,
    ticketConfirmation,
    (base) => base,
    ticket.channel === 'email' ? 'auto-replied' : 'auto-generated',
  );
}

/** tickets' `message` hook: an agent's public reply, to the requester. */
export async function mailReply(s: TenantScope, ticket: TicketRow, entry: EventRow, byAgent: boolean) {
  if (entry.internal || !byAgent || !entry.body) return;
  if (entry.authorId !== null && entry.authorId === ticket.requesterId) return;
  const agent = s.actor.name;
  await send(s, ticket, ticketReply, (base) => ({ ...base, agent, body: entry.body! }), undefined);
}

import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../db/client.ts';
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

interface Context {
  email: string;
  given: string;
  family: string;
  active: boolean;
  organisation: string | null;
  /** The desk's addresses, the one replies go to first. */
  addresses: string[];
  /** The ticket's mail so far, newest first: what the next one answers, and in which language. */
  thread: { messageId: string; language: string | null }[];
}

/** What a message to the requester needs, in one statement (it runs in the ticket's transaction). */
async function context(s: TenantScope, ticket: TicketRow): Promise<Context | undefined> {
  const [row] = rowsOf<Context>(
    await s.tx.execute(sql`
      select p.email, p.given_name as given, p.family_name as family, p.active,
        (select name from ${tenants} where id = ${s.tenantId}) as organisation,
        (select coalesce(json_agg(address order by position), '[]'::json) from ${mailAddresses}
          where tenant_id = ${s.tenantId}) as addresses,
        (select coalesce(json_agg(json_build_object('messageId', x.message_id, 'language', x.language)), '[]'::json)
          from (select i.message_id, m.language from ${mailIds} i
                left join ${inboundMail} m on m.tenant_id = i.tenant_id and m.id = i.inbound_id
                where i.tenant_id = ${s.tenantId} and i.ticket_id = ${ticket.id}
                order by i.created_at desc limit 20) x) as thread
      from ${people} p
      where p.tenant_id = ${s.tenantId} and p.id = ${ticket.requesterId}`),
  );
  return row;
}

async function send<P extends TicketMail>(
  s: TenantScope,
  ticket: TicketRow,
  kind: typeof ticketConfirmation | typeof ticketReply,
  params: (base: TicketMail) => P,
  autoSubmitted: 'auto-replied' | 'auto-generated' | undefined,
) {
  const c = await context(s, ticket);
  if (!c?.active) return;
  // Never to a desk address: the desk would be mailing itself.
  if (c.addresses.includes(c.email)) return;
  const desk = c.addresses[0] ?? null;
  const domain = desk?.split('@')[1];
  const messageId = domain ? `<${newId()}.${ticket.number.toLowerCase()}@${domain}>` : undefined;
  const ids = c.thread.map((t) => t.messageId);
  const organisation = c.organisation ?? '';
  const base: TicketMail = {
    name: `${c.given} ${c.family}`,
    number: ticket.number,
    title: ticket.title,
    organisation,
    replyable: desk !== null,
  };
  // The language of the mail that made the ticket (the oldest), else Swedish.
  const language: MailLanguage = c.thread.at(-1)?.language === 'en' ? 'en' : 'sv';
  // Together: one round trip on PostgreSQL, inside the ticket's transaction.
  await Promise.all([
    queueMail(s, {
      to: c.email,
      kind: kind as never,
      params: params(base) as never,
      language,
      messageId,
      headers: {
        ...(ids.length ? { inReplyTo: ids[0], references: [...ids].reverse() } : {}),
        ...(desk
          ? { replyTo: `${organisation ? `Servicedesk ${organisation}` : 'Servicedesk'} <${desk}>` }
          : {}),
        ...(autoSubmitted ? { autoSubmitted } : {}),
      },
    }),
    messageId &&
      s.tx
        .insert(mailIds)
        .values({ tenantId: s.tenantId, messageId, direction: 'out', ticketId: ticket.id })
        .onConflictDoNothing(),
  ]);
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

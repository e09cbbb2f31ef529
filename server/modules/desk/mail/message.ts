import { createHash } from 'node:crypto';
import type { HeaderValue, ParsedMail } from 'mailparser';
import type { InboundReason } from '../../../../shared/desk/mail.ts';

// Reading a received mail (parsed by mailparser): its Message-ID, whether a robot sent it, the
// text a ticket gets, and the part of a reply above the quoted mail. Pure functions, no database.

/** The longest Message-ID kept as it is; a longer one is kept as its hash (the key stays bounded). */
const MAX_ID = 250;

function bounded(id: string): string {
  return id.length <= MAX_ID ? id : `<sha256.${createHash('sha256').update(id).digest('hex')}@styrbord>`;
}

/** `<id@host>` as in the header; one made from the bytes when the mail has none (the same bytes, the same id). */
export function messageIdOf(header: string | undefined, raw: Buffer): string {
  const given = header?.trim();
  if (given) return bounded(given.startsWith('<') ? given : `<${given}>`);
  return `<sha256.${createHash('sha256').update(raw).digest('hex')}@styrbord>`;
}

/** The Message-IDs a reply names: In-Reply-To first, then References from the newest. */
export function referencedIds(mail: Pick<ParsedMail, 'inReplyTo' | 'references'>): string[] {
  const references = mail.references === undefined ? [] : [mail.references].flat();
  const ids = [mail.inReplyTo, ...references.reverse()]
    .flatMap((value) => (value ?? '').split(/\s+/))
    .filter((value) => /^<[^<>\s]+>$/.test(value))
    .map(bounded);
  return [...new Set(ids)].slice(0, 50);
}

function headerText(value: HeaderValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => String(v)).join(' ');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value);
  return String(value);
}

// Local parts that only robots send from (RFC 2142 and common practice).
const ROBOT_SENDERS = /^(mailer-daemon|postmaster|mail-daemon|noreply-dmarc-support)@/i;

/**
 * Why a robot sent this mail, or null when a person did: a bounce (the null sender `<>`, a
 * mailer-daemon or postmaster, a delivery report), an auto-reply (Auto-Submitted other than `no`,
 * X-Autoreply / X-Autorespond, an out-of-office), or bulk mail (Precedence bulk, junk or list).
 * Such mail is stored but never makes a ticket or an answer: two robots must not mail each other
 * for ever.
 */
export function robotReason(
  mail: Pick<ParsedMail, 'headers' | 'from'>,
  envelopeFrom: string,
): InboundReason | null {
  const header = (name: string) => headerText(mail.headers.get(name)).trim().toLowerCase();
  const from = mail.from?.value[0]?.address ?? '';
  if (envelopeFrom === '' || ROBOT_SENDERS.test(envelopeFrom) || ROBOT_SENDERS.test(from)) return 'bounce';
  const type = header('content-type');
  if (type.startsWith('multipart/report') || type.startsWith('message/delivery-status')) return 'bounce';
  const submitted = header('auto-submitted');
  if (submitted && submitted !== 'no') return 'autoReply';
  if (mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond')) return 'autoReply';
  const precedence = header('precedence');
  if (precedence === 'bulk' || precedence === 'junk' || precedence === 'list') return 'bulk';
  return null;
}

// Control characters other than tab and newline never belong in a record (shared/text.ts).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/** Text as a record keeps it: lines ending in \n, no control characters, at most `max` characters. */
export function cleanText(text: string, max: number): string {
  const clean = text.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
  if (clean.length <= max) return clean;
  const cut = '\n\n[…]';
  return clean.slice(0, max - cut.length).trimEnd() + cut;
}

/** A subject as a ticket's title: one line, at most 200 characters; something when there is none. */
export function titleOf(subject: string | undefined, fallback: string): string {
  const line = (subject ?? '')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(CONTROL, '')
    .replace(/\s+/g, ' ')
    .trim();
  const title = line || fallback;
  return title.length <= 200 ? title : `${title.slice(0, 199).trimEnd()}…`;
}

/** The line the desk's mails start with: what a person writes above it is their reply. */
export const REPLY_ABOVE = {
  sv: '## Skriv ditt svar ovanför den här raden ##',
  en: '## Write your reply above this line ##',
};

// Where a mail client starts quoting: "Den 3 mars 2026 skrev Eva:", "On Tue, … wrote:", Outlook's
// "-----Ursprungligt meddelande-----" or its header block "Från: … Skickat: …".
const QUOTE_STARTS = [
  /^-{2,}\s*(ursprungligt meddelande|original message|vidarebefordrat meddelande|forwarded message)\s*-{2,}/i,
  /^(den|on|am|le)\s.{0,300}\s(skrev|wrote|schrieb|a écrit)(\s.{0,300})?:\s*$/i,
  /^(från|from)\s*:\s.+/i,
  /^_{10,}\s*$/,
];

/**
 * What a person wrote in a reply, without the mail it quotes: everything above the desk's marker
 * line, above the first quote header, and without lines quoted with `>`. The whole text when
 * that would leave nothing.
 */
export function replyText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.includes(REPLY_ABOVE.sv) || trimmed.includes(REPLY_ABOVE.en)) break;
    if (QUOTE_STARTS.some((pattern) => pattern.test(trimmed))) break;
    if (trimmed.startsWith('>')) continue;
    kept.push(line);
  }
  const reply = kept.join('\n').trim();
  return reply || text.trim();
}

/** The language to answer in: English when the mail says it is English, else Swedish. */
export function languageOf(mail: Pick<ParsedMail, 'headers'>): 'sv' | 'en' {
  const declared = headerText(mail.headers.get('content-language')).trim().toLowerCase();
  return declared.startsWith('en') ? 'en' : 'sv';
}

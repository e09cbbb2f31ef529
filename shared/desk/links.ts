import { z } from 'zod';
import { version } from '../records.ts';
import { id, multiline } from '../text.ts';
import { ticket, ticketStatuses, ticketTypes } from './tickets.ts';

// Links between tickets, merging a duplicate, and the major incident's message and solution,
// shared by server and web.

/**
 * A link as stored, from one ticket to another: `duplicate` (from is a duplicate of to), `cause`
 * (the incident from is caused by the problem to), `parent` (from is the parent of to), `related`.
 */
export const linkKinds = ['duplicate', 'cause', 'parent', 'related'] as const;
export type LinkKind = (typeof linkKinds)[number];

/** A link as one of its two tickets sees it ("this ticket is … that one"). */
export const linkRelations = [
  'duplicateOf',
  'duplicatedBy',
  'causedBy',
  'causes',
  'parentOf',
  'childOf',
  'relatedTo',
] as const;
export type LinkRelation = (typeof linkRelations)[number];

const relations: Record<LinkKind, [outgoing: LinkRelation, incoming: LinkRelation]> = {
  duplicate: ['duplicateOf', 'duplicatedBy'],
  cause: ['causedBy', 'causes'],
  parent: ['parentOf', 'childOf'],
  related: ['relatedTo', 'relatedTo'],
};

/** How the ticket at the `from` end (outgoing) or the `to` end sees a link of a kind. */
export function relationOf(kind: LinkKind, outgoing: boolean): LinkRelation {
  return relations[kind][outgoing ? 0 : 1];
}

/** The stored kind of a relation, and whether the ticket that names it is the `from` end. */
export function kindOf(relation: LinkRelation): { kind: LinkKind; outgoing: boolean } {
  for (const kind of linkKinds) {
    const [outgoing, incoming] = relations[kind];
    if (outgoing === relation) return { kind, outgoing: true };
    if (incoming === relation) return { kind, outgoing: false };
  }
  throw new Error(`unknown relation ${relation}`);
}

export const linkCreate = z.strictObject({
  /** What this ticket is to the other: `causedBy` on an incident names its problem. */
  relation: z.enum(linkRelations),
  ticketId: id,
});
export type LinkCreate = z.infer<typeof linkCreate>;

export const linkParams = z.strictObject({ id, linkId: id });

/** The other ticket of a link; its title and analysis only for a reader who may read it. */
export const linkedTicket = z.object({
  id,
  number: z.string(),
  type: z.enum(ticketTypes),
  status: z.enum(ticketStatuses),
  readable: z.boolean(),
  title: z.string().nullable(),
  major: z.boolean(),
  requester: z.object({ id, name: z.string() }).nullable(),
  /** A problem's known error and workaround, shown on the incidents it causes. */
  knownError: z.boolean(),
  workaround: z.string().nullable(),
});

export const ticketLink = z.object({
  id,
  relation: z.enum(linkRelations),
  ticket: linkedTicket,
  createdAt: z.string(),
  createdBy: z.object({ id, name: z.string() }).nullable(),
});
export type TicketLink = z.infer<typeof ticketLink>;

export const ticketLinks = z.object({ items: z.array(ticketLink) });

/** Merge the ticket (a duplicate) into another: both versions as read (409 when either is stale). */
export const ticketMerge = z.strictObject({
  intoId: id,
  version,
  intoVersion: version,
  /** Said to the duplicate's requester on its timeline, beside the note that it was merged. */
  note: multiline(4000).nullable().optional(),
});
export type TicketMerge = z.infer<typeof ticketMerge>;

export const mergeResult = z.object({ ticket, into: ticket, copiedMessages: z.number().int() });

const text = multiline(20_000).pipe(z.string().trim().min(1, { message: 'Required' }));

/** One message from a major incident to the requester of every ticket linked to it as its child. */
export const majorMessage = z.strictObject({ body: text });

export const ticketRef = z.object({ id, number: z.string() });

export const majorMessageResult = z.object({
  /** The linked tickets that got the message (closed ones get none). */
  tickets: z.array(ticketRef),
  /** The same Idempotency-Key again (also in parallel): nothing sent a second time. */
  repeated: z.boolean(),
});

/** Solve a major incident with a solution text, and (solveLinked) its open linked tickets with it. */
export const majorSolve = z.strictObject({
  version,
  solution: text,
  solveLinked: z.boolean().default(true),
});
export type MajorSolve = z.input<typeof majorSolve>;

export const majorSolveResult = z.object({ ticket, solved: z.array(ticketRef) });

export const watcher = z.object({
  person: z.object({ id, name: z.string() }),
  reason: z.string(),
  fromTicket: ticketRef.nullable(),
  addedAt: z.string(),
});
export const watchers = z.object({ items: z.array(watcher) });

/** The attachment kinds of tickets (server/platform/files): public, and internal (agents only). */
export const TICKET_ATTACHMENTS = 'ticket';
export const TICKET_INTERNAL_ATTACHMENTS = 'ticket-internal';

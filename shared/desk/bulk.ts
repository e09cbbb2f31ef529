import { z } from 'zod';
import { version } from '../records.ts';
import { id } from '../text.ts';
import { ticketMessage, ticketStatuses } from './tickets.ts';

// Bulk actions of the console: the same change to many tickets, each with the version read, each
// in its own transaction under the rules of the single change; the answer says per ticket what
// became of it.

export const BULK_MAX = 200;

export const bulkChange = z
  .strictObject({
    groupId: id.nullable().optional(),
    assigneeId: id.nullable().optional(),
    status: z.enum(ticketStatuses).optional(),
    /** Written on each ticket before the change: a solution to the requester, or a note. */
    message: ticketMessage.optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'Say what to change' });
export type BulkChange = z.input<typeof bulkChange>;

export const bulkUpdate = z.strictObject({
  tickets: z
    .array(z.strictObject({ id, version }))
    .min(1)
    .max(BULK_MAX)
    .refine((items) => new Set(items.map((i) => i.id)).size === items.length, {
      message: 'A ticket is named twice',
    }),
  change: bulkChange,
});
export type BulkUpdate = z.input<typeof bulkUpdate>;

/**
 * done; conflict (changed since it was read, closed, or the status does not allow it); forbidden
 * (the caller does not work the ticket); invalid (the change does not fit it, e.g. an assignee
 * who is not an agent of its group); notFound (gone from the caller's view meanwhile).
 */
export const bulkOutcomes = ['done', 'conflict', 'forbidden', 'invalid', 'notFound'] as const;
export type BulkOutcome = (typeof bulkOutcomes)[number];

export const bulkResult = z.object({
  results: z.array(
    z.object({
      id,
      number: z.string().nullable(),
      outcome: z.enum(bulkOutcomes),
      /** The ticket's version after the change (done), or as it stands (conflict). */
      version: z.number().int().nullable(),
      /** Why not, in the server's words (translated like a problem's detail). */
      detail: z.string().nullable(),
    }),
  ),
  done: z.number().int(),
});
export type BulkResult = z.infer<typeof bulkResult>;

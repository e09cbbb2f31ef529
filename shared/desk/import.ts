import { z } from 'zod';
import { email, id, line, multiline, requiredLine } from '../text.ts';
import { level, ticketCategories, ticketStatuses, ticketTypes } from './tickets.ts';

// Import of historical tickets with their status history (issue 13 point 8), moving from TOPdesk,
// GLPI or Excel: each ticket with its events in order; the clocks, pauses and compliance are
// computed from the history by the same code as for live tickets (shared/desk/sla.ts stepSla).

const instant = z.iso.datetime({ offset: true, message: 'Must be an ISO date and time with an offset' });

export const importEvent = z.strictObject({
  at: instant,
  /** The status from this moment. */
  status: z.enum(ticketStatuses).optional(),
  /** The group (and assignee) from this moment. */
  groupId: id.nullable().optional(),
  assigneeId: id.nullable().optional(),
  priority: z.number().int().min(1).max(4).optional(),
  /** A public reply to the requester (meets the response). */
  reply: z.boolean().optional(),
});
export type ImportEvent = z.infer<typeof importEvent>;

export const importTicket = z.strictObject({
  /** The ticket's id in the source (`topdesk:I-2301-044`): importing it again changes nothing. */
  sourceRef: requiredLine(200),
  type: z.enum(ticketTypes).default('incident'),
  title: requiredLine(200),
  description: multiline(20_000).default(''),
  /** The requester by id or by email (one of them). */
  requesterId: id.optional(),
  requesterEmail: email.optional(),
  unitId: id.nullable().optional(),
  systemId: id.nullable().optional(),
  serviceId: id.nullable().optional(),
  category: z.enum(ticketCategories).nullable().optional(),
  impact: level.default(3),
  urgency: level.default(3),
  createdAt: instant,
  events: z.array(importEvent).max(200),
  rating: z.number().int().min(1).max(5).nullable().optional(),
  ratingComment: line(2000).nullable().optional(),
});
export type ImportTicket = z.input<typeof importTicket>;

export const ticketImport = z.strictObject({ tickets: z.array(importTicket).min(1).max(500) });
export type TicketImport = z.input<typeof ticketImport>;

export const ticketImportResult = z.object({
  created: z.number().int(),
  /** Already imported (the same sourceRef). */
  unchanged: z.number().int(),
});
export type TicketImportResult = z.infer<typeof ticketImportResult>;

import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { id, multiline, requiredLine } from '../text.ts';
import { orderAnswers } from './services.ts';

// Tickets (ärenden) of the service desk, shared by server and web: the four ITIL types, their
// statuses, impact × urgency → priority, and what the API takes and answers.

/** Incident, beställning (request), problem, ändringsönskemål (change). */
export const ticketTypes = ['incident', 'request', 'problem', 'change'] as const;
export type TicketType = (typeof ticketTypes)[number];

/** The number's prefix per type: INC-2026-000123. */
export const ticketPrefixes: Record<TicketType, string> = {
  incident: 'INC',
  request: 'REQ',
  problem: 'PRB',
  change: 'CHG',
};

/** `INC-2026-000123`: per tenant, type and year. */
export function ticketNumber(type: TicketType, year: number, sequence: number): string {
  return `${ticketPrefixes[type]}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** A ticket number as typed in a search box or a mail subject: `inc-2026-123` finds INC-2026-000123. */
export const ticketNumberPattern = /\b(INC|REQ|PRB|CHG)-(\d{4})-(\d{1,9})\b/i;

export function parseTicketNumber(text: string): string | null {
  const match = ticketNumberPattern.exec(text);
  if (!match) return null;
  const type = (Object.keys(ticketPrefixes) as TicketType[]).find(
    (t) => ticketPrefixes[t] === match[1]!.toUpperCase(),
  )!;
  return ticketNumber(type, Number(match[2]), Number(match[3]));
}

/**
 * ny, tilldelad, pågår, väntar på beställare, väntar på leverantör, löst, stängd. A ticket waiting
 * for the requester or a supplier has its service-level clock paused.
 */
export const ticketStatuses = [
  'new',
  'assigned',
  'inProgress',
  'waitingRequester',
  'waitingSupplier',
  'solved',
  'closed',
] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export const openStatuses: readonly TicketStatus[] = [
  'new',
  'assigned',
  'inProgress',
  'waitingRequester',
  'waitingSupplier',
];
export const waitingStatuses: readonly TicketStatus[] = ['waitingRequester', 'waitingSupplier'];

export function isOpen(status: TicketStatus): boolean {
  return openStatuses.includes(status);
}

/** Impact and urgency: 1 high (hög), 2 medium (medel), 3 low (låg). */
export const levels = [1, 2, 3] as const;
export type Level = (typeof levels)[number];
export const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);

/** Priority 1 (kritisk) … 4 (låg), ITIL's. */
export type Priority = 1 | 2 | 3 | 4;

/**
 * The priority of impact × urgency, rows by impact (1–3) and columns by urgency (1–3). ITIL's
 * default: high and high is 1, one step down on either is 2, and so on down to 4.
 */
export type PriorityMatrix = [
  [Priority, Priority, Priority],
  [Priority, Priority, Priority],
  [Priority, Priority, Priority],
];
export const defaultPriorityMatrix: PriorityMatrix = [
  [1, 2, 3],
  [2, 3, 4],
  [3, 4, 4],
];

export function priorityOf(matrix: PriorityMatrix, impact: Level, urgency: Level): Priority {
  return matrix[impact - 1]![urgency - 1]!;
}

const priority = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export const priorityMatrix = z.tuple([
  z.tuple([priority, priority, priority]),
  z.tuple([priority, priority, priority]),
  z.tuple([priority, priority, priority]),
]);

/**
 * What a ticket is about, for routing (seed 000): questions on accounts, passwords, functions or
 * training in a system go to that system's förvaltning; client installation, printing and network
 * to the IT unit.
 */
export const ticketCategories = [
  'account',
  'password',
  'function',
  'training',
  'client',
  'printing',
  'network',
  'order',
  'other',
] as const;
export type TicketCategory = (typeof ticketCategories)[number];

/** How the ticket arrived. */
export const ticketChannels = ['portal', 'email', 'phone', 'agent', 'import'] as const;
export type TicketChannel = (typeof ticketChannels)[number];

const body = multiline(20_000);

export const ticketCreate = z.strictObject({
  type: z.enum(ticketTypes).default('incident'),
  title: requiredLine(200),
  description: body.default(''),
  /** Who asks; by default the caller. Only agents register tickets for others. */
  requesterId: id.optional(),
  /** Whom it is for, when someone asks on another's behalf. */
  onBehalfOfId: id.nullable().optional(),
  /** The unit it concerns; by default the requester's. */
  unitId: id.nullable().optional(),
  systemId: id.nullable().optional(),
  category: z.enum(ticketCategories).nullable().optional(),
  /** The catalogue service; a request orders it, its level sets the clocks. */
  serviceId: id.nullable().optional(),
  /** A request's answers to the service's order form (shared/desk/services.ts checkAnswers). */
  orderAnswers: orderAnswers.optional(),
  impact: level.default(3),
  urgency: level.default(3),
  /** Agents only; otherwise the routing rules decide. */
  groupId: id.nullable().optional(),
  assigneeId: id.nullable().optional(),
  channel: z.enum(ticketChannels).optional(),
});
export type TicketCreate = z.input<typeof ticketCreate>;

export const ticketUpdate = z.strictObject({
  version,
  title: requiredLine(200).optional(),
  description: body.optional(),
  onBehalfOfId: id.nullable().optional(),
  unitId: id.nullable().optional(),
  systemId: id.nullable().optional(),
  category: z.enum(ticketCategories).nullable().optional(),
  serviceId: id.nullable().optional(),
  impact: level.optional(),
  urgency: level.optional(),
  status: z.enum(ticketStatuses).optional(),
  groupId: id.nullable().optional(),
  assigneeId: id.nullable().optional(),
  /** A major incident (större störning): one message reaches every linked requester. */
  major: z.boolean().optional(),
  /** Problems: the root cause, the workaround, and whether it is a known error. */
  rootCause: multiline(10_000).nullable().optional(),
  workaround: multiline(10_000).nullable().optional(),
  knownError: z.boolean().optional(),
});
export type TicketUpdate = z.infer<typeof ticketUpdate>;

/** A reply to the requester (public) or a note among agents (internal). */
export const ticketMessage = z.strictObject({
  body: body.pipe(z.string().trim().min(1, { message: 'Required' })),
  internal: z.boolean().default(false),
});
export type TicketMessage = z.input<typeof ticketMessage>;

export const ticketReopen = z.strictObject({
  version,
  reason: multiline(4000).pipe(z.string().trim().min(1, { message: 'Required' })),
});

export const ticketRating = z.strictObject({
  version,
  rating: z.number().int().min(1).max(5),
  comment: multiline(4000).nullable().optional(),
});

export const ticketPermissions = permissions(['update', 'reply', 'note', 'reopen', 'rate', 'readInternal']);

const ref = z.object({ id, name: z.string() }).nullable();

/** One service-level clock as the console shows it (shared/desk/sla.ts). */
export const slaClock = z.object({
  phase: z.enum(['pending', 'running', 'paused', 'met']),
  targetMinutes: z.number().int().nullable(),
  usedMinutes: z.number().int(),
  dueAt: z.string().nullable(),
  warnedAt: z.string().nullable(),
  breachedAt: z.string().nullable(),
  metAt: z.string().nullable(),
});
export type SlaClock = z.infer<typeof slaClock>;

export const ticketSla = z.object({
  serviceLevel: ref,
  response: slaClock,
  resolution: slaClock,
});
export type TicketSla = z.infer<typeof ticketSla>;

/** A ticket's stay with a supplier, measured against the supplier's contracted levels (./suppliers.ts). */
export const supplierClock = z.object({
  id,
  supplier: z.object({ id, name: z.string() }),
  /** The supplier group that held it (null: it waited for the supplier in an own group). */
  group: ref,
  /** The contract whose levels applied (null: none, the stay has no clocks). */
  contract: ref,
  serviceLevel: ref,
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  response: slaClock.nullable(),
  resolution: slaClock.nullable(),
});
export type SupplierClock = z.infer<typeof supplierClock>;

export const ticket = z.object({
  id,
  number: z.string(),
  type: z.enum(ticketTypes),
  title: z.string(),
  description: z.string(),
  status: z.enum(ticketStatuses),
  requester: z.object({ id, name: z.string() }),
  onBehalfOf: ref,
  unit: ref,
  system: ref,
  category: z.enum(ticketCategories).nullable(),
  service: ref,
  orderAnswers: orderAnswers.nullable(),
  impact: level,
  urgency: level,
  priority,
  group: ref,
  assignee: ref,
  channel: z.enum(ticketChannels),
  major: z.boolean(),
  rootCause: z.string().nullable(),
  workaround: z.string().nullable(),
  knownError: z.boolean(),
  reopenCount: z.number().int(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  firstResponseAt: z.string().nullable(),
  solvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** The earliest due time of a running clock (the queue's order). */
  dueAt: z.string().nullable(),
  slaPaused: z.boolean(),
  responseBreached: z.boolean(),
  resolutionBreached: z.boolean(),
  sla: ticketSla.nullable(),
  /** The ticket's stays with suppliers, oldest first, each with its clocks against the contract. */
  supplierClocks: z.array(supplierClock).optional(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: ticketPermissions,
});
export type Ticket = z.infer<typeof ticket>;

/** The row of a list: what a queue shows. */
export const ticketRow = ticket.pick({
  id: true,
  number: true,
  type: true,
  title: true,
  status: true,
  requester: true,
  unit: true,
  system: true,
  priority: true,
  group: true,
  assignee: true,
  major: true,
  dueAt: true,
  slaPaused: true,
  responseBreached: true,
  resolutionBreached: true,
  // The version the agent read: bulk changes send it back (shared/desk/bulk.ts).
  version: true,
  createdAt: true,
  updatedAt: true,
});
export type TicketRow = z.infer<typeof ticketRow>;

export const ticketSorts = ['updatedAt', 'createdAt', 'priority', 'dueAt'] as const;
export type TicketSort = (typeof ticketSorts)[number];

/** `open` is every status before löst; a single status narrows further. */
export const statusFilters = ['open', 'waiting', ...ticketStatuses] as const;

export const ticketListQuery = listQuery.omit({ includeArchived: true }).extend({
  /** `mine`: the caller's own tickets as requester (the portal); `work`: the tickets agents work. */
  view: z.enum(['mine', 'work']).default('work'),
  status: z.enum(statusFilters).optional(),
  type: z.enum(ticketTypes).optional(),
  groupId: id.optional(),
  /** `me` for the caller. */
  assigneeId: z.union([id, z.literal('me')]).optional(),
  unassigned: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  requesterId: id.optional(),
  unitId: id.optional(),
  systemId: id.optional(),
  priority: z.coerce.number().int().min(1).max(4).optional(),
  sort: z.enum(ticketSorts).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type TicketListQuery = z.infer<typeof ticketListQuery>;

/** One entry of a ticket's timeline. */
export const timelineKinds = [
  'created',
  'message',
  'status',
  'assignment',
  'priority',
  'reopened',
  'rated',
  /** A service-level warning or breach: `{clock, mark, dueAt}` (shared/desk/sla.ts). */
  'sla',
  /** The catalogue service changed: `{from, to}`. */
  'service',
  // Links (agents only), and a merge (on both tickets): shared/desk/links.ts.
  'linked',
  'unlinked',
  'merged',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export const timelineEntry = z.object({
  id,
  at: z.string(),
  kind: z.enum(timelineKinds),
  internal: z.boolean(),
  author: ref,
  body: z.string().nullable(),
  /** What changed: `{from, to}` of a status, group, assignee or priority. */
  change: z.record(z.string(), z.unknown()).nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const timeline = z.object({ items: z.array(timelineEntry) });

/** The desk's rules for tickets, per tenant: the priority matrix, reopening, closing. */
export const defaultTicketSettings = {
  priorityMatrix: defaultPriorityMatrix,
  /** Days after löst in which the requester may reopen (no longer than until the closing). */
  reopenDays: 10,
  /** Days after löst at which a ticket is closed by the nightly job. */
  autoCloseDays: 10,
  /** The desk's promised first-contact resolution in % (seed 002: 70 %). */
  firstContactTarget: 70,
};

export const ticketSettingsUpdate = z
  .strictObject({
    version,
    priorityMatrix: priorityMatrix.optional(),
    reopenDays: z.number().int().min(0).max(365).optional(),
    autoCloseDays: z.number().int().min(1).max(365).optional(),
    firstContactTarget: z.number().int().min(1).max(100).optional(),
  })
  .refine(
    (v) => v.reopenDays === undefined || v.autoCloseDays === undefined || v.reopenDays <= v.autoCloseDays,
    { message: 'A ticket must be closed no sooner than it can be reopened', path: ['autoCloseDays'] },
  );
export type TicketSettingsUpdate = z.infer<typeof ticketSettingsUpdate>;

export const ticketSettings = z.object({
  priorityMatrix,
  reopenDays: z.number().int(),
  autoCloseDays: z.number().int(),
  firstContactTarget: z.number().int(),
  version: currentVersion,
  updatedAt: z.string().nullable(),
});
export type TicketSettings = z.infer<typeof ticketSettings>;

import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { OrderAnswers } from '../../../../shared/desk/services.ts';
import type { Sla } from '../../../../shared/desk/sla.ts';
import type { PriorityMatrix } from '../../../../shared/desk/tickets.ts';
import { timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants, units } from '../../../platform/directory/schema.ts';
import { systems } from '../../registry/systems/schema.ts';
import { groups } from '../groups/schema.ts';
import { services } from '../services/schema.ts';
import { metricsFlagsExpression } from './metrics-flags.ts';

// Tickets and their timelines. Only ./service.ts writes them. A ticket's number is per tenant, type
// and year (desk_ticket_counters hands out the sequence under a row lock, so parallel creates never
// share a number). The timeline (desk_ticket_events) is append-only: replies, internal notes and
// every change of status, group, assignee and priority, which the service-level clocks and the
// metrics are computed from.

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const ticketCounters = pgTable(
  'desk_ticket_counters',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    type: text('type').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.type, t.year] })],
);

export const tickets = pgTable(
  'desk_tickets',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    /** INC-2026-000123 */
    number: text('number').notNull(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    status: text('status').notNull(),
    requesterId: uuid('requester_id').notNull(),
    onBehalfOfId: uuid('on_behalf_of_id'),
    unitId: uuid('unit_id'),
    systemId: uuid('system_id'),
    category: text('category'),
    /** The catalogue service the ticket is on (a request orders it). */
    serviceId: uuid('service_id'),
    /** A request's answers to its service's order form. */
    orderAnswers: jsonb('order_answers').$type<OrderAnswers>(),
    impact: smallint('impact').notNull(),
    urgency: smallint('urgency').notNull(),
    priority: smallint('priority').notNull(),
    groupId: uuid('group_id'),
    assigneeId: uuid('assignee_id'),
    channel: text('channel').notNull(),
    major: boolean('major').notNull().default(false),
    rootCause: text('root_cause'),
    workaround: text('workaround'),
    knownError: boolean('known_error').notNull().default(false),
    reopenCount: integer('reopen_count').notNull().default(0),
    /** The ticket was with a group other than the first line (not a first-contact resolution). */
    handedOn: boolean('handed_on').notNull().default(false),
    rating: smallint('rating'),
    ratingComment: text('rating_comment'),
    firstResponseAt: ts('first_response_at'),
    solvedAt: ts('solved_at'),
    closedAt: ts('closed_at'),
    /** The service-level clocks (shared/desk/sla.ts); null before service levels were measured. */
    sla: jsonb('sla').$type<Sla>(),
    /** From `sla`, for sorting and reports: the earliest due time of a running clock. */
    dueAt: ts('due_at'),
    responseBreachedAt: ts('response_breached_at'),
    resolutionBreachedAt: ts('resolution_breached_at'),
    /** A clock waits (the ticket waits for the requester or a supplier). */
    slaPaused: boolean('sla_paused').notNull().default(false),
    /** The next warning or due time a clock may pass (the sweep's work list; shared/desk/sla.ts nextCheck). */
    checkAt: ts('check_at'),
    // For the metrics (desk/metrics), kept by the database from `sla`: the clocks' targets and
    // the business minutes to the solution, as plain columns so that desk_tickets_metrics_idx
    // covers the reports (an index-only scan cannot read inside jsonb).
    /** The response target in business minutes (null: none was measured). */
    responseTarget: integer('response_target').generatedAlwaysAs(
      sql`(("sla"->'response'->>'target'))::integer`,
    ),
    /** The resolution target in business minutes (null: none was measured). */
    resolutionTarget: integer('resolution_target').generatedAlwaysAs(
      sql`(("sla"->'resolution'->>'target'))::integer`,
    ),
    /** Business minutes the resolution clock ran until it was met, waiting left out (null: not met). */
    resolutionMinutes: integer('resolution_minutes').generatedAlwaysAs(
      sql`case when "sla"->'resolution'->>'phase' = 'met' then ((("sla"->'resolution'->>'usedMs'))::bigint / 60000)::integer end`,
    ),
    /**
     * What the figures count of the ticket, as bits (./metrics-flags.ts: response and resolution
     * measured and breached, first-contact resolution, reopened), kept by the database from the
     * columns they are made of, so that the reports' index carries them in two bytes.
     */
    metricsFlags: smallint('metrics_flags')
      .notNull()
      .generatedAlwaysAs(sql`(${metricsFlagsExpression})::smallint`),
    /** Where an imported ticket came from (`topdesk:I-2301-044`): one ticket per source record. */
    sourceRef: text('source_ref'),
    /** Title, number and description for the Swedish full-text search. */
    searchText: tsvector('search_text')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('swedish', coalesce("number", '') || ' ' || coalesce("title", '')), 'A') || setweight(to_tsvector('swedish', coalesce("description", '')), 'B')`,
      ),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('desk_tickets_number_key').on(t.tenantId, t.number),
    foreignKey({ columns: [t.tenantId, t.requesterId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.onBehalfOfId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.assigneeId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    foreignKey({ columns: [t.tenantId, t.systemId], foreignColumns: [systems.tenantId, systems.id] }),
    foreignKey({ columns: [t.tenantId, t.groupId], foreignColumns: [groups.tenantId, groups.id] }),
    foreignKey({ columns: [t.tenantId, t.serviceId], foreignColumns: [services.tenantId, services.id] }),
    // A queue (a group's open tickets) by due time, those without one last (DUE_LAST).
    index('desk_tickets_queue_due_idx')
      .on(t.tenantId, t.groupId, sql`coalesce(${t.dueAt}, '9999-12-31 00:00:00+00'::timestamptz)`, t.id)
      // The open statuses as the list query names them (shared/desk/tickets.ts openStatuses): the
      // planner uses a partial index only when it can prove the query's condition implies this one.
      .where(sql`status in ('new', 'assigned', 'inProgress', 'waitingRequester', 'waitingSupplier')`),
    index('desk_tickets_check_idx').on(t.checkAt).where(sql`check_at is not null`),
    uniqueIndex('desk_tickets_source_key').on(t.tenantId, t.sourceRef).where(sql`source_ref is not null`),
    index('desk_tickets_service_idx')
      .on(t.tenantId, t.serviceId, t.createdAt)
      .where(sql`service_id is not null`),
    // The lists: by group (a queue), by assignee, by requester (the portal), newest change first.
    index('desk_tickets_group_idx').on(t.tenantId, t.groupId, t.status, t.updatedAt, t.id),
    index('desk_tickets_assignee_idx').on(t.tenantId, t.assigneeId, t.status, t.updatedAt, t.id),
    index('desk_tickets_requester_idx').on(t.tenantId, t.requesterId, t.updatedAt, t.id),
    index('desk_tickets_behalf_idx').on(t.tenantId, t.onBehalfOfId).where(sql`on_behalf_of_id is not null`),
    index('desk_tickets_updated_idx').on(t.tenantId, t.updatedAt, t.id),
    index('desk_tickets_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('desk_tickets_priority_idx').on(t.tenantId, t.priority, t.updatedAt, t.id),
    index('desk_tickets_system_idx')
      .on(t.tenantId, t.systemId, t.updatedAt)
      .where(sql`system_id is not null`),
    index('desk_tickets_unit_idx').on(t.tenantId, t.unitId, t.createdAt),
    index('desk_tickets_search_idx').using('gin', t.searchText),
    // The nightly closing of solved tickets.
    index('desk_tickets_solved_idx').on(t.solvedAt).where(sql`status = 'solved'`),
    // Metrics (desk/metrics): every ticket that a period's report counts is solved in or after the
    // period or not yet solved, so the reports read an index from the period's start (and its null
    // end) without visiting the table. The columns after solved_at are only carried (Drizzle has no
    // INCLUDE; as keys they cost nothing but a wider entry), the counted facts as metrics_flags.
    // Any dimension and filter:
    index('desk_tickets_metrics_idx').on(
      t.tenantId,
      t.solvedAt,
      t.createdAt,
      t.metricsFlags,
      t.rating,
      t.resolutionMinutes,
      t.id,
      t.unitId,
      t.groupId,
      t.systemId,
      t.serviceId,
      t.priority,
      t.category,
    ),
    // The breached tickets of a förvaltning's report (made in its period, a time breached): per
    // unit by creation, only the breached ones (a few per cent), instead of reading every ticket.
    index('desk_tickets_breached_idx')
      .on(t.tenantId, t.unitId, t.createdAt)
      .where(sql`response_breached_at is not null or resolution_breached_at is not null`),
    // By unit without other filters (the default report, and the report of a förvaltning): half
    // the width of the one above, so the 12-month scan at a million tickets reads half the pages.
    index('desk_tickets_metrics_unit_idx').on(
      t.tenantId,
      t.solvedAt,
      t.createdAt,
      t.metricsFlags,
      t.rating,
      t.resolutionMinutes,
      t.id,
      t.unitId,
    ),
  ],
);

export const ticketEvents = pgTable(
  'desk_ticket_events',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    ticketId: uuid('ticket_id').notNull(),
    at: ts('at').notNull().defaultNow(),
    /** created, message, status, assignment, priority, reopened, rated (shared/desk/tickets.ts). */
    kind: text('kind').notNull(),
    /** An internal note, never shown to the requester. */
    internal: boolean('internal').notNull().default(false),
    authorId: uuid('author_id'),
    body: text('body'),
    /** `{from, to}` of what changed. */
    change: jsonb('change'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ticketId], foreignColumns: [tickets.tenantId, tickets.id] }),
    foreignKey({ columns: [t.tenantId, t.authorId], foreignColumns: [people.tenantId, people.id] }),
    index('desk_ticket_events_ticket_idx').on(t.tenantId, t.ticketId, t.at, t.id),
  ],
);

/** The tenant's rules for tickets (shared/desk/tickets.ts defaultTicketSettings until changed). */
export const ticketSettings = pgTable(
  'desk_ticket_settings',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    priorityMatrix: jsonb('priority_matrix').$type<PriorityMatrix>().notNull(),
    reopenDays: integer('reopen_days').notNull(),
    /** The desk's promised first-contact resolution, in % (seed 002: 70). */
    firstContactTarget: integer('first_contact_target').notNull().default(70),
    autoCloseDays: integer('auto_close_days').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId] })],
);

// ── Links between tickets and watchers (./links.ts, ./merge.ts, ./watchers.ts write them) ──
// A link goes from one ticket to another: `duplicate` (from is a duplicate of to), `cause` (the
// incident from is caused by the problem to), `parent` (from is the parent of to), `related`. One
// link per pair whichever way round, none to itself; a ticket has at most one parent and is a
// duplicate of at most one other, and ./links.ts refuses cycles. A watcher follows a ticket that
// is not theirs as its requester does (the requester of a duplicate merged into it).

export const ticketLinks = pgTable(
  'desk_ticket_links',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    fromId: uuid('from_id').notNull(),
    toId: uuid('to_id').notNull(),
    /** duplicate, cause, parent, related (shared/desk/links.ts). */
    kind: text('kind').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.fromId], foreignColumns: [tickets.tenantId, tickets.id] }),
    foreignKey({ columns: [t.tenantId, t.toId], foreignColumns: [tickets.tenantId, tickets.id] }),
    foreignKey({ columns: [t.tenantId, t.createdBy], foreignColumns: [people.tenantId, people.id] }),
    check('desk_ticket_links_not_self', sql`${t.fromId} <> ${t.toId}`),
    uniqueIndex('desk_ticket_links_pair_key').on(
      t.tenantId,
      sql`least(${t.fromId}, ${t.toId})`,
      sql`greatest(${t.fromId}, ${t.toId})`,
    ),
    uniqueIndex('desk_ticket_links_parent_key').on(t.tenantId, t.toId).where(sql`kind = 'parent'`),
    uniqueIndex('desk_ticket_links_duplicate_key').on(t.tenantId, t.fromId).where(sql`kind = 'duplicate'`),
    index('desk_ticket_links_from_idx').on(t.tenantId, t.fromId, t.kind),
    index('desk_ticket_links_to_idx').on(t.tenantId, t.toId, t.kind),
  ],
);

export const ticketWatchers = pgTable(
  'desk_ticket_watchers',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    ticketId: uuid('ticket_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** Why they follow it: `merge` (they asked in a duplicate merged into it), `accountManager` (the unit's IT-kundansvarig of a change request). */
    reason: text('reason').notNull(),
    /** The ticket they came from (the duplicate), if any. */
    fromTicketId: uuid('from_ticket_id'),
    addedAt: ts('added_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.ticketId, t.personId] }),
    foreignKey({ columns: [t.tenantId, t.ticketId], foreignColumns: [tickets.tenantId, tickets.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.fromTicketId], foreignColumns: [tickets.tenantId, tickets.id] }),
    // The portal's "my tickets" of a person: those they watch.
    index('desk_ticket_watchers_person_idx').on(t.tenantId, t.personId, t.ticketId),
  ],
);

import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants } from '../../../platform/directory/schema.ts';
import { forums } from '../forums/schema.ts';

// Meetings of a forum, their agenda items and attendance. Only ./service.ts writes them. The
// meeting's version covers its items and attendance too: the minutes are one document, edited
// mostly by the secretary, and one version makes a stale edit of any part answer 409. Decisions
// point here (governance_decisions.meeting_id, agenda_item_id); nothing here points at decisions.

export const meetings = pgTable(
  'governance_meetings',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    forumId: uuid('forum_id').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    place: text('place'),
    chairId: uuid('chair_id'),
    secretaryId: uuid('secretary_id'),
    /** The justerare named beside the chair. */
    adjusterId: uuid('adjuster_id'),
    chairAdjustedAt: ts('chair_adjusted_at'),
    adjusterAdjustedAt: ts('adjuster_adjusted_at'),
    /** Set when both have signed: from then the minutes are locked. */
    lockedAt: ts('locked_at'),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.forumId], foreignColumns: [forums.tenantId, forums.id] }),
    foreignKey({ columns: [t.tenantId, t.chairId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.secretaryId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.adjusterId], foreignColumns: [people.tenantId, people.id] }),
    // The list, newest first, and a forum's meetings (its page, its calendar).
    index('governance_meetings_list_idx').on(t.tenantId, t.startsAt, t.id),
    index('governance_meetings_forum_idx').on(t.tenantId, t.forumId, t.startsAt),
  ],
);

export const agendaItems = pgTable(
  'governance_agenda_items',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    /** The item's place on the agenda; a correction has none (it is shown with its item). */
    position: integer('position'),
    title: text('title').notNull(),
    /** An agenda source's kind and the record waiting for the forum, or null for a free item. */
    sourceKind: text('source_kind'),
    sourceId: uuid('source_id'),
    minutes: text('minutes'),
    /** A correction after locking: the item it corrects. */
    correctsId: uuid('corrects_id'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }),
    foreignKey({ columns: [t.tenantId, t.correctsId], foreignColumns: [t.tenantId, t.id] }),
    index('governance_agenda_items_meeting_idx').on(t.tenantId, t.meetingId, t.position),
    // Items linked to a record (that record's page, and "already on an agenda").
    index('governance_agenda_items_source_idx')
      .on(t.tenantId, t.sourceKind, t.sourceId)
      .where(sql`source_id is not null`),
  ],
);

export const attendance = pgTable(
  'governance_meeting_attendance',
  {
    tenantId: uuid('tenant_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** shared/governance/meetings.ts attendanceStatuses. */
    status: text('status').notNull(),
    deputyId: uuid('deputy_id'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.meetingId, t.personId] }),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.deputyId], foreignColumns: [people.tenantId, people.id] }),
  ],
);

/**
 * Calendar feeds (iCalendar) a person subscribes to: a forum's meetings, or (forum null) the
 * meetings of every forum the person sits in. The URL carries a secret token; only its SHA-256 is
 * kept (unique over all tenants, as the API tokens': the feed is found by it before the tenant is
 * known). Revoked, a feed answers 404; a new one is a new token.
 */
export const calendarFeeds = pgTable(
  'governance_calendar_feeds',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    /** Whose feed it is: who made it, and whose forums a personal feed follows. */
    personId: uuid('person_id').notNull(),
    forumId: uuid('forum_id'),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: ts('created_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.forumId], foreignColumns: [forums.tenantId, forums.id] }),
    index('governance_calendar_feeds_person_idx').on(t.tenantId, t.personId),
  ],
);

import { sql } from 'drizzle-orm';
import {
  customType,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants } from '../../../platform/directory/schema.ts';
import { forums } from '../forums/schema.ts';
import { agendaItems, meetings } from '../meetings/schema.ts';

// Decisions and the tenant's governance settings. Only ./service.ts and ./settings.ts write them.
// The body is a forum (forum_id) or an external body typed by hand (body); `body_key` and `year`
// are kept by the database, so that the unique index refuses a second § of a body in a year
// however many requests race for it.

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const decisions = pgTable(
  'governance_decisions',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    forumId: uuid('forum_id'),
    /** An external body (KF, KS, a nämnd …); null when a forum decided. */
    body: text('body'),
    /** The forum's id, or `ext:` and the external body in lower case: what § is unique within. */
    bodyKey: text('body_key')
      .notNull()
      .generatedAlwaysAs(sql`coalesce("forum_id"::text, 'ext:' || lower(btrim("body")))`),
    /** The meeting it was taken at, and the agenda item it was taken under. */
    meetingId: uuid('meeting_id'),
    agendaItemId: uuid('agenda_item_id'),
    decidedOn: date('decided_on').notNull(),
    year: integer('year').notNull().generatedAlwaysAs(sql`(extract(year from "decided_on"))::integer`),
    paragraph: integer('paragraph').notNull(),
    title: text('title'),
    text: text('text').notNull(),
    registrationNumber: text('registration_number'),
    /** shared/governance/decisions.ts decisionStatuses. */
    status: text('status').notNull().default('notStarted'),
    responsibleId: uuid('responsible_id'),
    followUpOn: date('follow_up_on'),
    /** Title, text, diarienummer and external body for the Swedish full-text search. */
    searchText: tsvector('search_text')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('swedish', coalesce("title", '') || ' ' || coalesce("registration_number", '')), 'A') || setweight(to_tsvector('swedish', "text"), 'B') || setweight(to_tsvector('swedish', coalesce("body", '')), 'C')`,
      ),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.forumId], foreignColumns: [forums.tenantId, forums.id] }),
    foreignKey({ columns: [t.tenantId, t.responsibleId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }),
    foreignKey({
      columns: [t.tenantId, t.agendaItemId],
      foreignColumns: [agendaItems.tenantId, agendaItems.id],
    }),
    // A meeting's decisions, by item (the meeting page, the minutes).
    index('governance_decisions_meeting_idx')
      .on(t.tenantId, t.meetingId, t.agendaItemId)
      .where(sql`meeting_id is not null`),
    // One § per body and year among the decisions in force in the log (an archived entry, made
    // in error, frees its §).
    uniqueIndex('governance_decisions_paragraph_key')
      .on(t.tenantId, t.bodyKey, t.year, t.paragraph)
      .where(sql`archived_at is null`),
    // The log: newest first, keyset on (decided_on, paragraph, id).
    index('governance_decisions_log_idx').on(t.tenantId, t.decidedOn, t.paragraph, t.id),
    index('governance_decisions_forum_idx')
      .on(t.tenantId, t.forumId, t.decidedOn)
      .where(sql`forum_id is not null`),
    index('governance_decisions_search_idx').using('gin', t.searchText),
    // And a trigram index on registration_number (a part of a diarienummer, ILIKE), in the custom
    // migration 0032_decisions_registration_trigram: pg_trgm's operator class is not declared here.
  ],
);

/** What a decision is about: any record, by kind and id (shared/governance/decisions.ts). */
export const decisionLinks = pgTable(
  'governance_decision_links',
  {
    tenantId: uuid('tenant_id').notNull(),
    decisionId: uuid('decision_id').notNull(),
    kind: text('kind').notNull(),
    recordId: uuid('record_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.decisionId, t.kind, t.recordId] }),
    foreignKey({ columns: [t.tenantId, t.decisionId], foreignColumns: [decisions.tenantId, decisions.id] }),
    // Decisions about one record (a system's page lists them).
    index('governance_decision_links_record_idx').on(t.tenantId, t.kind, t.recordId),
  ],
);

export const governanceSettings = pgTable('governance_settings', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  /** Templates of a valid diarienummer (shared/governance/decisions.ts registrationRegex). */
  registrationPatterns: text('registration_patterns').array().notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

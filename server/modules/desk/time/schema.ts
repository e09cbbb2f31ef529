import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants } from '../../../platform/directory/schema.ts';
import { offerings } from '../../catalogue/offerings/schema.ts';
import { tickets } from '../tickets/schema.ts';

// Time worked on tickets (issue 16 point 4, billable desk hours). Only ./service.ts writes it. An
// entry is one agent's minutes on one ticket on one day, billable or not, at a perHour offering of
// the catalogue (the rate it is charged at). The catalogue's chargeback run reads the billable
// ones of a month (catalogue/runs/desk-hours.ts, read-only SQL). Entries are archived, never
// deleted: a locked run's lines were computed from them.

export const timeEntries = pgTable(
  'desk_time_entries',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    ticketId: uuid('ticket_id').notNull(),
    /** The agent who did the work. */
    personId: uuid('person_id').notNull(),
    workedOn: date('worked_on').notNull(),
    minutes: integer('minutes').notNull(),
    billable: boolean('billable').notNull(),
    note: text('note'),
    /** The perHour offering the time is charged at (null: not charged, e.g. not billable). */
    offeringId: uuid('offering_id'),
    createdBy: uuid('created_by'),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ticketId], foreignColumns: [tickets.tenantId, tickets.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.createdBy], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.offeringId], foreignColumns: [offerings.tenantId, offerings.id] }),
    check('desk_time_entries_minutes', sql`${t.minutes} between 1 and 1440`),
    check('desk_time_entries_billable_offering', sql`not ${t.billable} or ${t.offeringId} is not null`),
    index('desk_time_entries_ticket_idx').on(t.tenantId, t.ticketId, t.workedOn),
    // The chargeback run's read: a month's billable entries.
    index('desk_time_entries_billable_idx')
      .on(t.tenantId, t.workedOn)
      .where(sql`billable and archived_at is null`),
  ],
);

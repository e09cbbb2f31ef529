import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CalendarException, HolidayKey, Weekly } from '../../../../shared/desk/calendars.ts';
import { sortKey, timestamptz as ts } from '../../../db/columns.ts';
import { tenants, units } from '../../../platform/directory/schema.ts';

// Business calendars of the service desk (öppettider) and which units they belong to. Only
// ./service.ts writes them. The rules are small documents read whole by the maths
// (shared/desk/calendar.ts), hence jsonb, validated on the way in by shared/desk/calendars.ts.

export const calendars = pgTable(
  'desk_calendars',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    sortName: text('sort_name').notNull().generatedAlwaysAs(sortKey(sql`"name"`)),
    timeZone: text('time_zone').notNull(),
    weekly: jsonb('weekly').$type<Weekly>().notNull(),
    swedishHolidays: boolean('swedish_holidays').notNull(),
    /** Holiday keys kept open although swedish_holidays is on. */
    openHolidays: jsonb('open_holidays').$type<HolidayKey[]>().notNull(),
    extraClosedDates: jsonb('extra_closed_dates').$type<string[]>().notNull(),
    exceptions: jsonb('exceptions').$type<CalendarException[]>().notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('desk_calendars_list_idx').on(t.tenantId, t.sortName, t.id),
    index('desk_calendars_updated_idx').on(t.tenantId, t.updatedAt, t.id),
    // One default calendar per tenant: the one units without their own use.
    uniqueIndex('desk_calendars_default_key').on(t.tenantId).where(sql`is_default and archived_at is null`),
  ],
);

/** A unit's own calendar (a partner is a unit too); its sub-units inherit it unless they have one. */
export const calendarUnits = pgTable(
  'desk_calendar_units',
  {
    tenantId: uuid('tenant_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    calendarId: uuid('calendar_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.unitId] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    foreignKey({ columns: [t.tenantId, t.calendarId], foreignColumns: [calendars.tenantId, calendars.id] }),
    index('desk_calendar_units_calendar_idx').on(t.tenantId, t.calendarId),
  ],
);

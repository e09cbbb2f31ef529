import type { Calendar } from '../../../../shared/desk/calendars.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { deskPolicy } from '../policy.ts';
import type { CalendarWithUnits } from './service.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`).

export function presentCalendar(row: CalendarWithUnits, reader: Actor): Calendar {
  const active = row.archivedAt === null;
  const configure = deskPolicy.configure(reader);
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    weekly: row.weekly,
    swedishHolidays: row.swedishHolidays,
    openHolidays: row.openHolidays,
    extraClosedDates: row.extraClosedDates,
    exceptions: row.exceptions,
    unitIds: row.unitIds,
    isDefault: row.isDefault,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: {
      update: configure && active,
      archive: configure && active && !row.isDefault,
      restore: configure && !active,
      readHistory: configure,
    },
  };
}

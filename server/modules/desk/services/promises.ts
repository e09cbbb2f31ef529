import { and, eq, isNull, sql } from 'drizzle-orm';
import type { CompiledCalendar } from '../../../../shared/desk/calendar.ts';
import { dayOf } from '../../../../shared/desk/calendar.ts';
import { timeOfMinute, weekdays } from '../../../../shared/desk/calendars.ts';
import type { Promises } from '../../../../shared/desk/services.ts';
import { type Database, type Executor, rowsOf } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { calendars } from '../calendars/schema.ts';
import { compiledCalendarForUnit, compiledOf } from '../calendars/service.ts';
import { getSettings as phoneSettingsOf } from '../phone/service.ts';
import { hasFlag } from '../tickets/metrics-flags.ts';
import { ticketSettingsOf } from '../tickets/settings.ts';
import { defaultLevel } from './service.ts';

// The desk's published promises (seed 002: open 07–16, the phone answered within 60 seconds,
// 70 % solved at the first contact) and what was measured over the last 30 days, for the portal.
// The hours are those of the default service level's calendar (else the tenant's default
// calendar, else the built-in 07–16) in the current week, holidays and exceptions applied. The
// figures are aggregated in SQL over the desk's own tables (the phone's calls, the tickets and
// their timelines), one statement each.

const DAY = 86_400_000;
const PERIOD_DAYS = 30;

/** The calendar the desk's promise counts on. */
async function promisedCalendar(db: Executor, tenantId: string): Promise<CompiledCalendar> {
  const level = await defaultLevel(db, tenantId);
  if (level?.calendarId) {
    const [row] = await db
      .select()
      .from(calendars)
      .where(
        and(
          eq(calendars.tenantId, tenantId),
          eq(calendars.id, level.calendarId),
          isNull(calendars.archivedAt),
        ),
      );
    if (row) return compiledOf(row);
  }
  return compiledCalendarForUnit(db, tenantId, null);
}

/** The intervals of each day of the week that holds `now`, in the calendar's own time zone. */
function thisWeek(calendar: CompiledCalendar, now: Date) {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: calendar.timeZone }).format(now);
  const day = dayOf(today);
  // 1970-01-01 (day 0) was a Thursday: Monday is 3 days before a day ≡ 0 (mod 7).
  const monday = day - ((((day + 3) % 7) + 7) % 7);
  const openingHours: Record<string, [string, string][]> = {};
  weekdays.forEach((weekday, i) => {
    openingHours[weekday] = calendar
      .intervalsOn(monday + i)
      .map(([from, to]) => [timeOfMinute(from), timeOfMinute(to)] as [string, string]);
  });
  return { openingHours, weekStarts: new Date(monday * DAY).toISOString().slice(0, 10) };
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export async function deskPromises(db: Database, actor: Actor, now = new Date()): Promise<Promises> {
  const tenantId = actor.tenantId;
  // As text: a Date in a raw statement is not sent alike by both drivers.
  const from = new Date(now.getTime() - PERIOD_DAYS * DAY).toISOString();
  const to = now.toISOString();
  const phone = await phoneSettingsOf(db, tenantId);
  const [calendar, tickets, calls, solved] = await Promise.all([
    promisedCalendar(db, tenantId),
    ticketSettingsOf(db, tenantId),
    // The share of calls offered that were answered within the promised seconds (an abandoned
    // call was not), as the phone's own figures count it.
    (async () => {
      const result = await db.execute(sql`
        select count(*)::int as offered,
          count(*) filter (where outcome = 'answered' and waited_seconds <= ${phone.answerSeconds})::int as within
        from desk_calls
        where tenant_id = ${tenantId} and at >= ${from}::timestamptz and at < ${to}::timestamptz`);
      return rowsOf<{ offered: number; within: number }>(result)[0]!;
    })(),
    // Tickets solved in the period: those solved at the first contact, as the metrics count
    // them (tickets/metrics-flags.ts, the one definition), and those measured against a
    // resolution target, with the ones that kept it.
    (async () => {
      const result = await db.execute(sql`
        select count(*)::int as solved,
          count(*) filter (where ${hasFlag('t.metrics_flags', 'firstContact')})::int as first_contact,
          count(*) filter (
            where t.sla->>'levelId' is not null and t.sla->'resolution'->>'target' is not null
          )::int as measured,
          count(*) filter (
            where t.sla->>'levelId' is not null and t.sla->'resolution'->>'target' is not null
              and t.resolution_breached_at is null
          )::int as kept
        from desk_tickets t
        where t.tenant_id = ${tenantId} and t.solved_at >= ${from}::timestamptz and t.solved_at < ${to}::timestamptz`);
      return rowsOf<{ solved: number; first_contact: number; measured: number; kept: number }>(result)[0]!;
    })(),
  ]);
  return {
    ...thisWeek(calendar, now),
    timeZone: calendar.timeZone,
    phoneAnswerSeconds: phone.answerSeconds,
    phoneAnswerShare: phone.targetPercent / 100,
    firstContactResolutionTarget: tickets.firstContactTarget / 100,
    measured: {
      phoneAnsweredWithin: share(calls.within, calls.offered),
      firstContactResolution: share(solved.first_contact, solved.solved),
      resolutionCompliance: share(solved.kept, solved.measured),
    },
  };
}

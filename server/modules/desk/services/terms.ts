import { and, eq, isNull } from 'drizzle-orm';
import type { CompiledCalendar } from '../../../../shared/desk/calendar.ts';
import {
  type ClockStart,
  defaultEscalation,
  type Escalation,
  type priorities,
} from '../../../../shared/desk/services.ts';
import type { SlaTerms } from '../../../../shared/desk/sla.ts';
import type { Executor } from '../../../db/client.ts';
import { calendars } from '../calendars/schema.ts';
import { calendarForUnit, compiledCalendarById, compiledOf } from '../calendars/service.ts';
import { serviceLevels, services } from './schema.ts';

// The terms a ticket's clocks run on (shared/desk/sla.ts): the service level of its catalogue
// service, else the tenant's default level, else none (the clocks count without targets); the
// targets for its priority; the calendar of the level, else the calendar of the ticket's unit.

export type LevelRow = typeof serviceLevels.$inferSelect;

export interface ClockTerms {
  terms: SlaTerms;
  calendar: CompiledCalendar;
  escalation: Escalation;
}

/** The active level of a service, else the tenant's default level. */
export async function levelFor(db: Executor, tenantId: string, serviceId: string | null) {
  if (serviceId) {
    const [row] = await db
      .select({ level: serviceLevels })
      .from(services)
      .innerJoin(
        serviceLevels,
        and(eq(serviceLevels.tenantId, services.tenantId), eq(serviceLevels.id, services.serviceLevelId)),
      )
      .where(
        and(eq(services.tenantId, tenantId), eq(services.id, serviceId), isNull(serviceLevels.archivedAt)),
      );
    if (row) return row.level;
  }
  const [fallback] = await db
    .select()
    .from(serviceLevels)
    .where(
      and(
        eq(serviceLevels.tenantId, tenantId),
        eq(serviceLevels.isDefault, true),
        isNull(serviceLevels.archivedAt),
      ),
    );
  return fallback;
}

/** The clocks' terms for a ticket's service, priority and unit. */
export async function termsFor(
  db: Executor,
  tenantId: string,
  ticket: { serviceId: string | null; priority: number; unitId: string | null },
): Promise<ClockTerms> {
  const level = await levelFor(db, tenantId, ticket.serviceId);
  let calendarId: string | null = null;
  let calendar: CompiledCalendar;
  const [own] = level?.calendarId
    ? await db
        .select()
        .from(calendars)
        .where(
          and(
            eq(calendars.tenantId, tenantId),
            eq(calendars.id, level.calendarId),
            isNull(calendars.archivedAt),
          ),
        )
    : [];
  if (own) {
    calendarId = own.id;
    calendar = compiledOf(own);
  } else {
    const unitCalendar = await calendarForUnit(db, tenantId, ticket.unitId);
    calendarId = unitCalendar?.id ?? null;
    calendar = await compiledCalendarById(db, tenantId, calendarId);
  }
  const key = String(ticket.priority) as (typeof priorities)[number];
  const target = level?.targets[key] ?? { response: null, resolution: null };
  return {
    terms: {
      levelId: level?.id ?? null,
      calendarId,
      warningPercent: level?.warningPercent ?? 80,
      targets: target,
      clockStart: (level?.clockStart as ClockStart | undefined) ?? 'creation',
    },
    calendar,
    escalation: level?.escalation ?? defaultEscalation,
  };
}

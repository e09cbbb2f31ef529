import { and, asc, eq, lte } from 'drizzle-orm';
import type { CompiledCalendar } from '../../../../shared/desk/calendar.ts';
import {
  advanceSla,
  type ClockedTicket,
  type ClockName,
  isPaused,
  newMarks,
  nextCheck,
  nextDue,
  retargetSla,
  type Sla,
  startSla,
  stepSla,
} from '../../../../shared/desk/sla.ts';
import type { Database, Executor } from '../../../db/client.ts';
import { systemActor } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { defineJob, jobsFor } from '../../../platform/jobs/jobs.ts';
import { inTenant, type TenantScope } from '../../../platform/tenancy.ts';
import { compiledCalendarById } from '../calendars/service.ts';
import { termsFor } from '../services/terms.ts';
import { ticketEvents, tickets } from './schema.ts';

// A ticket's service-level clocks on the server: the maths is shared/desk/sla.ts; this file finds
// the terms, keeps the state on the ticket (desk_tickets.sla and its columns) in the transaction of
// the change, writes the timeline's `sla` events for warnings and breaches, and sends the durable
// jobs: a check at the next warning or due time (keyed by ticket and instant, so a re-sent check is
// one job, and a check whose instant has moved on finds nothing to mark), and an escalation per
// mark (keyed by ticket, clock and mark: it fires once).

type Row = typeof tickets.$inferSelect;

/** What of a ticket decides its terms. */
type TermsOf = Pick<Row, 'serviceId' | 'priority' | 'unitId'>;

export const SLA_CHECK = { name: 'desk.sla-check' };
export const SLA_ESCALATE = { name: 'desk.sla-escalate' };

interface CheckData {
  tenantId: string;
  ticketId: string;
}
export interface EscalateData {
  tenantId: string;
  ticketId: string;
  clock: ClockName;
  mark: 'warning' | 'breach';
}

export function clocked(row: Pick<Row, 'status' | 'assigneeId'>): ClockedTicket {
  return { status: row.status, assigned: row.assigneeId !== null };
}

/** The columns a state of the clocks sets on the ticket. */
export function slaColumns(sla: Sla) {
  return {
    sla,
    dueAt: (() => {
      const due = nextDue(sla);
      return due ? new Date(due) : null;
    })(),
    responseBreachedAt: sla.response.breachedAt ? new Date(sla.response.breachedAt) : null,
    resolutionBreachedAt: sla.resolution.breachedAt ? new Date(sla.resolution.breachedAt) : null,
    slaPaused: isPaused(sla),
    checkAt: nextCheck(sla),
  };
}

/** The calendar a ticket's clocks count on. */
export function calendarOf(db: Executor, tenantId: string, sla: Sla): Promise<CompiledCalendar> {
  return compiledCalendarById(db, tenantId, sla.calendarId);
}

/** The clocks of a ticket being created at `at` in the state `row`. */
export async function clocksAtCreation(
  db: Executor,
  tenantId: string,
  row: TermsOf & Pick<Row, 'status' | 'assigneeId'>,
  at: Date,
): Promise<Sla> {
  const { terms, calendar } = await termsFor(db, tenantId, row);
  const started = startSla(terms, calendar, at);
  return stepSla(started, calendar, { status: 'new', assigned: false }, clocked(row), at);
}

/**
 * The clocks after a change from `before` to `after` at `at`: new terms first when the priority or
 * the service changed (keeping the time used), then the change of status or assignment.
 */
export async function clocksAfterChange(
  db: Executor,
  tenantId: string,
  before: Row,
  after: TermsOf & Pick<Row, 'status' | 'assigneeId'>,
  at: Date,
  responded = false,
): Promise<Sla> {
  if (!before.sla) return clocksAtCreation(db, tenantId, after, before.createdAt);
  let sla = before.sla;
  let calendar = await calendarOf(db, tenantId, sla);
  if (after.priority !== before.priority || after.serviceId !== before.serviceId) {
    const next = await termsFor(db, tenantId, after);
    sla = retargetSla(sla, calendar, next.terms, next.calendar, at);
    calendar = next.calendar;
  }
  return stepSla(sla, calendar, clocked(before), clocked(after), at, responded);
}

/**
 * After the ticket's row was written with `after`: the `sla` events of new marks, their
 * escalations, and the next check. Inside the change's transaction.
 */
export async function followClocks(s: TenantScope, ticketId: string, before: Sla | null, after: Sla) {
  const marks = newMarks(before, after);
  const jobs = s.db && jobsFor(s.db);
  for (const { clock, mark } of marks) {
    const at = new Date(mark === 'breach' ? after[clock].breachedAt! : after[clock].warnedAt!);
    await s.insert(ticketEvents, {
      id: newId(),
      ticketId,
      at,
      kind: 'sla',
      authorId: null,
      change: { clock, mark, dueAt: after[clock].dueAt ?? after[clock].breachedAt },
    });
    await jobs?.send<EscalateData>(
      SLA_ESCALATE,
      { tenantId: s.tenantId, ticketId, clock, mark },
      { key: `${ticketId}:${clock}:${mark}`, tx: s.tx },
    );
  }
  const check = nextCheck(after);
  if (check && jobs) {
    await jobs.send<CheckData>(
      SLA_CHECK,
      { tenantId: s.tenantId, ticketId },
      { startAfter: check, key: `${ticketId}:${check.toISOString()}`, tx: s.tx },
    );
  }
}

/** Advances one ticket's clocks to now: marks what has passed, and follows up. */
export async function checkTicketClocks(db: Database, tenantId: string, ticketId: string, now = new Date()) {
  return inTenant(db, systemActor(tenantId), async (s) => {
    const [row] = await s.tx
      .select()
      .from(tickets)
      .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, ticketId)))
      .for('update');
    if (!row?.sla) return false;
    const after = advanceSla(row.sla, now);
    if (newMarks(row.sla, after).length === 0) {
      // Nothing passed yet (the due time moved on since the check was sent): the next check is
      // already sent by the change that moved it. A stale check_at is put right for the sweep.
      const checkAt = nextCheck(after);
      if (checkAt?.getTime() !== row.checkAt?.getTime())
        await s.tx
          .update(tickets)
          .set({ checkAt })
          .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, ticketId)));
      return false;
    }
    await s.tx
      .update(tickets)
      .set(slaColumns(after))
      .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, ticketId)));
    await followClocks(s, ticketId, row.sla, after);
    return true;
  });
}

/** The durable check at a ticket's next warning or due time. */
export const slaCheckJob = defineJob<CheckData>({
  name: SLA_CHECK.name,
  retry: { limit: 5, delaySeconds: 30, backoff: true },
  async handler(data, { database }) {
    await checkTicketClocks(database.db, data.tenantId, data.ticketId);
  },
});

/**
 * Every few minutes, the tickets whose next check has passed: a catch-up for checks that were
 * never sent (tickets imported or written by a command-line tool, which runs no jobs) or lost.
 * Derived from the rows (check_at), so it finds the same work after any restart.
 */
export async function sweepClocks(db: Database, now = new Date(), limit = 500): Promise<number> {
  const due = await db
    .select({ tenantId: tickets.tenantId, id: tickets.id })
    .from(tickets)
    .where(lte(tickets.checkAt, now))
    .orderBy(asc(tickets.checkAt))
    .limit(limit);
  let marked = 0;
  for (const t of due) if (await checkTicketClocks(db, t.tenantId, t.id, now)) marked++;
  return marked;
}

export const slaSweepJob = defineJob({
  name: 'desk.sla-sweep',
  schedule: { cron: '*/5 * * * *' },
  timeoutSeconds: 600,
  async handler(_data, { database, log }) {
    const marked = await sweepClocks(database.db);
    if (marked > 0) log.info({ marked }, 'service-level marks caught up');
  },
});

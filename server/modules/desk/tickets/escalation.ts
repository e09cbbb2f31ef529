import { and, eq, gte, inArray, isNull } from 'drizzle-orm';
import { businessMs, dueAt } from '../../../../shared/desk/calendar.ts';
import { defaultEscalation } from '../../../../shared/desk/services.ts';
import { type Level, priorityOf } from '../../../../shared/desk/tickets.ts';
import type { Database } from '../../../db/client.ts';
import { type Actor, systemActor } from '../../../platform/context.ts';
import { people } from '../../../platform/directory/schema.ts';
import { defineJob } from '../../../platform/jobs/jobs.ts';
import { defineNotification, type NotificationRecord } from '../../../platform/notifications/kinds.ts';
import { notify, remind } from '../../../platform/notifications/service.ts';
import { inTenant } from '../../../platform/tenancy.ts';
import { compiledCalendarForUnit } from '../calendars/service.ts';
import { groups } from '../groups/schema.ts';
import { serviceLevels } from '../services/schema.ts';
import { type EscalateData, SLA_ESCALATE } from './clocks.ts';
import { ticketEvents, tickets } from './schema.ts';
import { updateTicket } from './service.ts';
import { ticketSettingsOf } from './settings.ts';

// What happens at a service-level warning or breach (the ticket's level says, shared/desk/services.ts
// Escalation): the assignee (else the group's lead) is told at a warning; the lead at the warning
// or at the breach; at a breach the priority may be raised a step and the ticket handed to another
// group. People are told in the app at once, but mail reaches an agent only inside their own
// working hours (the calendar of their unit): outside them it is a reminder at their next opening.
// The job is sent once per ticket, clock and mark (clocks.ts); a retry repeats nothing that was
// done: notifications carry a dedupe key, and the raise and the handover check the ticket first.

interface SlaNotice {
  number: string;
  title: string;
  clock: 'response' | 'resolution';
  dueAt: string | null;
}

const clockSv = { response: 'svarstiden', resolution: 'lösningstiden' };
const clockEn = { response: 'response time', resolution: 'resolution time' };

function timeText(at: string | null, locale: string) {
  return at
    ? new Date(at).toLocaleString(locale, {
        timeZone: 'Europe/Stockholm',
        dateStyle: 'short',
        timeStyle: 'short',
      })
    : '';
}

export const slaWarning = defineNotification<SlaNotice>({
  kind: 'desk.sla-warning',
  label: {
    sv: 'Ärende: servicenivån håller på att överskridas',
    en: 'Ticket: service level about to be missed',
  },
  sv: (p) => `${p.number} ${p.title}: ${clockSv[p.clock]} går ut ${timeText(p.dueAt, 'sv-SE')}.`,
  en: (p) => `${p.number} ${p.title}: the ${clockEn[p.clock]} runs out at ${timeText(p.dueAt, 'en-GB')}.`,
  mail: { default: true },
});

export const slaBreach = defineNotification<SlaNotice>({
  kind: 'desk.sla-breach',
  label: { sv: 'Ärende: servicenivån överskreds', en: 'Ticket: service level missed' },
  sv: (p) => `${p.number} ${p.title}: ${clockSv[p.clock]} överskreds ${timeText(p.dueAt, 'sv-SE')}.`,
  en: (p) => `${p.number} ${p.title}: the ${clockEn[p.clock]} was missed at ${timeText(p.dueAt, 'en-GB')}.`,
  mail: { default: true },
});

const MINUTE = 60_000;

/** Tells people now, or at the next opening of their own working hours when they are off. */
async function tell(
  db: Database,
  actor: Actor,
  personIds: string[],
  kind: typeof slaWarning,
  params: SlaNotice,
  record: NotificationRecord,
  key: string,
  now: Date,
) {
  if (personIds.length === 0) return;
  const units = await db
    .select({ id: people.id, unitId: people.unitId })
    .from(people)
    .where(and(eq(people.tenantId, actor.tenantId), inArray(people.id, personIds)));
  await inTenant(db, actor, async (s) => {
    for (const person of units) {
      const calendar = await compiledCalendarForUnit(s.tx, s.tenantId, person.unitId);
      const open = businessMs(calendar, now, new Date(now.getTime() + MINUTE)) > 0;
      if (open) {
        await notify(s, { personIds: [person.id], kind, params, record, dedupeKey: key, includeActor: true });
      } else {
        let at: Date;
        try {
          at = new Date(dueAt(calendar, now, 1).getTime() - MINUTE);
        } catch {
          at = now;
        }
        await remind(s, { personIds: [person.id], kind, params, record, at, variant: `${key}:${person.id}` });
      }
    }
  });
}

export async function escalate(db: Database, data: EscalateData, now = new Date()) {
  const actor = systemActor(data.tenantId);
  const [row] = await db
    .select()
    .from(tickets)
    .where(and(eq(tickets.tenantId, data.tenantId), eq(tickets.id, data.ticketId)));
  if (!row?.sla || row.status === 'solved' || row.status === 'closed') return;
  const [level] = row.sla.levelId
    ? await db
        .select({ escalation: serviceLevels.escalation })
        .from(serviceLevels)
        .where(and(eq(serviceLevels.tenantId, data.tenantId), eq(serviceLevels.id, row.sla.levelId)))
    : [];
  const escalation = level?.escalation ?? defaultEscalation;
  const [group] = row.groupId
    ? await db
        .select({ leadId: groups.leadId })
        .from(groups)
        .where(and(eq(groups.tenantId, data.tenantId), eq(groups.id, row.groupId)))
    : [];
  const lead = group?.leadId ?? null;
  const clock = row.sla[data.clock];
  const params: SlaNotice = {
    number: row.number,
    title: row.title,
    clock: data.clock,
    dueAt: clock.breachedAt ?? clock.dueAt,
  };
  const record = { kind: 'ticket', id: row.id, href: `/desk/tickets/${row.id}` };
  const recipients = new Set<string>();
  if (row.assigneeId) recipients.add(row.assigneeId);
  else if (lead && data.mark === 'warning') recipients.add(lead);
  if (
    lead &&
    (escalation.notifyLead === data.mark || (data.mark === 'breach' && escalation.notifyLead === 'warning'))
  )
    recipients.add(lead);
  const key = `${row.id}:${data.clock}:${data.mark}`;
  await tell(
    db,
    actor,
    [...recipients],
    data.mark === 'breach' ? slaBreach : slaWarning,
    params,
    record,
    key,
    now,
  );
  if (data.mark !== 'breach') return;
  const change: { urgency?: Level; impact?: Level; groupId?: string } = {};
  if (escalation.raisePriority && row.priority > 1) {
    // The priority follows impact × urgency (the tenant's matrix): raising it is the fewest steps
    // of urgency, then of impact, that give a higher priority.
    const { priorityMatrix } = await ticketSettingsOf(db, data.tenantId);
    let urgency = row.urgency as Level;
    let impact = row.impact as Level;
    while (priorityOf(priorityMatrix, impact, urgency) >= row.priority && (urgency > 1 || impact > 1)) {
      if (urgency > 1) urgency = (urgency - 1) as Level;
      else impact = (impact - 1) as Level;
    }
    if (urgency !== row.urgency) change.urgency = urgency;
    if (impact !== row.impact) change.impact = impact;
  }
  if (escalation.reassignGroupId && escalation.reassignGroupId !== row.groupId)
    change.groupId = escalation.reassignGroupId;
  if (Object.keys(change).length === 0) return;
  // Once: a retry after a done raise or handover finds the system's own change after the breach.
  const [done] = await db
    .select({ id: ticketEvents.id })
    .from(ticketEvents)
    .where(
      and(
        eq(ticketEvents.tenantId, data.tenantId),
        eq(ticketEvents.ticketId, row.id),
        inArray(ticketEvents.kind, ['priority', 'assignment']),
        isNull(ticketEvents.authorId),
        gte(ticketEvents.at, new Date(clock.breachedAt ?? now)),
      ),
    )
    .limit(1);
  if (done) return;
  // Through the service, so the change has its timeline, audit and new clock terms.
  await updateTicket(db, actor, row.id, { version: row.version, ...change });
}

export const slaEscalateJob = defineJob<EscalateData>({
  name: SLA_ESCALATE.name,
  retry: { limit: 5, delaySeconds: 30, backoff: true },
  async handler(data, { database }) {
    await escalate(database.db, data);
  },
});

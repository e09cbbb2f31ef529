import { format, parseISO, addDays as plusDays } from 'date-fns';
import { and, asc, between, eq, getTableColumns, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { defineNotification, type NotificationRecord } from '../../../platform/notifications/kinds.ts';
import { remind } from '../../../platform/notifications/service.ts';
import type { TenantScope } from '../../../platform/tenancy.ts';
import { reminderTime, todayInStockholm } from '../../registry/contracts/reminders.ts';
import { forums } from '../forums/schema.ts';
import { defineReminderSweep, type ReminderSweep } from '../sweep.ts';
import { decisions } from './schema.ts';

// The person responsible for carrying out a decision is reminded on its follow-up date, once: the
// reminder is a keyed job (platform `remind`) whose key is the decision, the day and the person,
// so saving the decision again schedules nothing new, while a new date or a new person does. A
// reminder whose decision changed meanwhile (done, revoked, another date or person) stays silent.
// A decision saved while no jobs ran is reminded by the nightly sweep (../sweep.ts), under the
// same key.

export interface DecisionFollowUp {
  /** "IT-styrgrupp 2026 § 12" */
  reference: string;
  title: string | null;
  date: string;
  responsibleId: string;
}

const openStatuses = ['notStarted', 'inProgress'];
const open = (status: string) => openStatuses.includes(status);

async function stillDue(db: Database, tenantId: string, record: NotificationRecord, p: DecisionFollowUp) {
  const [row] = await db
    .select()
    .from(decisions)
    .where(and(eq(decisions.tenantId, tenantId), eq(decisions.id, record.id)));
  return (
    !!row &&
    !row.archivedAt &&
    open(row.status) &&
    row.followUpOn === p.date &&
    row.responsibleId === p.responsibleId
  );
}

const dayText = (date: string, locale: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(locale, {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'long',
  });

export const decisionFollowUpReminder = defineNotification<DecisionFollowUp>({
  kind: 'governance.decision-follow-up',
  label: {
    sv: 'Beslut: dags att följa upp verkställigheten',
    en: 'Decision: time to follow up its execution',
  },
  sv: (p) =>
    `Beslutet ${p.reference}${p.title ? ` (${p.title})` : ''} ska följas upp ${dayText(p.date, 'sv-SE')}. Ange hur verkställigheten går.`,
  en: (p) =>
    `The decision ${p.reference}${p.title ? ` (${p.title})` : ''} is to be followed up on ${dayText(p.date, 'en-GB')}.`,
  mail: { default: true },
  stillDue,
});

type DecisionRow = typeof decisions.$inferSelect;

/** How long after its follow-up date a decision saved still reminds (at once): an overdue one. */
export const OVERDUE_DAYS = 30;

/**
 * Schedules the responsible person's reminder in the scope's transaction, at 07:00 in Stockholm on
 * the follow-up date (at once when that has passed, up to OVERDUE_DAYS after): none for a decision
 * done, revoked or archived, or without a responsible person or date. The key is the date's day,
 * so a decision saved again, today or next week, is not reminded twice.
 */
export async function scheduleFollowUp(s: TenantScope, row: DecisionRow, bodyName?: string) {
  if (row.archivedAt || !open(row.status) || !row.responsibleId || !row.followUpOn) return;
  if (row.followUpOn < addDays(todayInStockholm(), -OVERDUE_DAYS)) return;
  const name = bodyName ?? row.body ?? (await forumName(s, row.forumId));
  await remind(s, {
    at: reminderTime(row.followUpOn, 0),
    personIds: [row.responsibleId],
    kind: decisionFollowUpReminder,
    params: {
      reference: `${name} ${row.year} § ${row.paragraph}`,
      title: row.title,
      date: row.followUpOn,
      responsibleId: row.responsibleId,
    },
    record: { kind: 'decision', id: row.id, href: `/governance/decisions/${row.id}` },
    variant: row.responsibleId,
  });
}

async function forumName(s: TenantScope, forumId: string | null): Promise<string> {
  if (!forumId) return '';
  const [row] = await s.tx
    .select({ name: forums.name })
    .from(forums)
    .where(s.where(forums, eq(forums.id, forumId)));
  return row?.name ?? '';
}

function addDays(date: string, days: number): string {
  return format(plusDays(parseISO(date), days), 'yyyy-MM-dd');
}

/** What makes a decision's follow-up reminder due by `today`: the conditions of scheduleFollowUp. */
function dueBy(today: string) {
  return and(
    isNull(decisions.archivedAt),
    inArray(decisions.status, openStatuses),
    isNotNull(decisions.responsibleId),
    between(decisions.followUpOn, addDays(today, -OVERDUE_DAYS), today),
  );
}

/** The nightly sweep of follow-up reminders due by today (at most OVERDUE_DAYS late). */
export const followUpSweep: ReminderSweep = {
  name: 'governance.decision-follow-up-sweep',
  async tenants(db, today) {
    const rows = await db
      .selectDistinct({ tenantId: decisions.tenantId })
      .from(decisions)
      .where(dueBy(today));
    return rows.map((r) => r.tenantId);
  },
  async schedule(s, today) {
    // In id order, so that two sweeps at once take the reminders' keys in the same order.
    const rows = await s.tx
      .select({ ...getTableColumns(decisions), forumName: forums.name })
      .from(decisions)
      .leftJoin(forums, and(eq(forums.tenantId, decisions.tenantId), eq(forums.id, decisions.forumId)))
      .where(s.where(decisions, dueBy(today)))
      .orderBy(asc(decisions.id));
    for (const { forumName, ...row } of rows) await scheduleFollowUp(s, row, row.body ?? forumName ?? '');
    return rows.length;
  },
};

export const followUpSweepJob = defineReminderSweep(followUpSweep);

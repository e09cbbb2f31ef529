import { and, asc, eq, gte, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { defineNotification, type NotificationRecord } from '../../../platform/notifications/kinds.ts';
import { remind } from '../../../platform/notifications/service.ts';
import type { TenantScope } from '../../../platform/tenancy.ts';
import { defineReminderSweep, type ReminderSweep } from '../../governance/sweep.ts';
import { reminderTime, todayInStockholm } from '../../registry/contracts/reminders.ts';
import { projects } from '../projects/schema.ts';
import { effectGoals } from './schema.ts';

// The person responsible for an effect goal is reminded of its next follow-up twice, at 07:00 in
// Stockholm: 14 days before (time to measure) and on the day. Each reminder is a keyed job whose
// key is the goal, the day it is due and the responsible person, so saving the goal again
// schedules nothing new, while a follow-up (the next date) or a new responsible person does. A
// reminder whose follow-up came in meanwhile stays silent (stillDue). A goal saved while no jobs
// ran is reminded by the nightly sweep, under the same keys: any number of sweeps, at once or
// after each other, make one job per reminder (the pattern of governance/sweep.ts).

export interface FollowUpDue {
  goal: string;
  project: string;
  date: string;
  responsibleId: string;
}

type GoalRow = typeof effectGoals.$inferSelect;

/** Days before the follow-up date the first reminder goes out (and the start page shows it). */
export const NOTICE_DAYS = 14;
/** How long after its date a follow-up still reminds: one left for long is the portfolio's to chase. */
export const OVERDUE_DAYS = 90;

async function stillDue(db: Database, tenantId: string, record: NotificationRecord, p: FollowUpDue) {
  const [row] = await db
    .select()
    .from(effectGoals)
    .where(and(eq(effectGoals.tenantId, tenantId), eq(effectGoals.id, record.id)));
  return !!row && !row.archivedAt && row.nextFollowUpOn === p.date && row.responsibleId === p.responsibleId;
}

const dayText = (date: string, locale: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(locale, {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'long',
  });

export const followUpReminder = defineNotification<FollowUpDue>({
  kind: 'portfolio.benefit-follow-up-due',
  label: { sv: 'Effektmål: dags för uppföljning', en: 'Effect goal: a follow-up is due' },
  sv: (p) =>
    `Effektmålet ${p.goal} i projektet ${p.project} ska följas upp senast ${dayText(p.date, 'sv-SE')}.`,
  en: (p) =>
    `The effect goal ${p.goal} of the project ${p.project} is due for follow-up on ${dayText(p.date, 'en-GB')}.`,
  mail: { default: true },
  stillDue,
});

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Schedules the responsible person's two reminders of the goal's next follow-up (none when archived or done). */
export async function scheduleFollowUpReminders(s: TenantScope, row: GoalRow, projectName: string) {
  if (row.archivedAt || !row.nextFollowUpOn) return;
  if (row.nextFollowUpOn < addDays(todayInStockholm(), -OVERDUE_DAYS)) return;
  for (const daysBefore of [NOTICE_DAYS, 0])
    await remind(s, {
      at: reminderTime(row.nextFollowUpOn, daysBefore),
      personIds: [row.responsibleId],
      kind: followUpReminder,
      params: {
        goal: row.name,
        project: projectName,
        date: row.nextFollowUpOn,
        responsibleId: row.responsibleId,
      },
      record: { kind: 'effectGoal', id: row.id, href: `/portfolio/projects/${row.projectId}#benefits` },
      variant: row.responsibleId,
    });
}

function dueBy(today: string) {
  return and(
    isNull(effectGoals.archivedAt),
    isNotNull(effectGoals.nextFollowUpOn),
    gte(effectGoals.nextFollowUpOn, addDays(today, -OVERDUE_DAYS)),
    lte(effectGoals.nextFollowUpOn, addDays(today, NOTICE_DAYS)),
  );
}

/** The nightly sweep of follow-up reminders whose first reminder is due by today. */
export const followUpSweep: ReminderSweep = {
  name: 'portfolio.benefit-follow-up-sweep',
  async tenants(db, today) {
    const rows = await db
      .selectDistinct({ tenantId: effectGoals.tenantId })
      .from(effectGoals)
      .where(dueBy(today));
    return rows.map((r) => r.tenantId);
  },
  async schedule(s, today) {
    const rows = await s.tx
      .select({ goal: effectGoals, projectName: projects.name })
      .from(effectGoals)
      .innerJoin(
        projects,
        and(eq(projects.tenantId, effectGoals.tenantId), eq(projects.id, effectGoals.projectId)),
      )
      .where(s.where(effectGoals, dueBy(today), isNull(projects.archivedAt)))
      .orderBy(asc(effectGoals.id));
    for (const row of rows) await scheduleFollowUpReminders(s, row.goal, row.projectName);
    return rows.length;
  },
};

export const followUpSweepJob = defineReminderSweep(followUpSweep);

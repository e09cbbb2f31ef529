import { and, asc, eq, gte, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { defineNotification, type NotificationRecord } from '../../../platform/notifications/kinds.ts';
import { remind } from '../../../platform/notifications/service.ts';
import type { TenantScope } from '../../../platform/tenancy.ts';
import { defineReminderSweep, type ReminderSweep } from '../../governance/sweep.ts';
import { reminderTime, todayInStockholm } from '../../registry/contracts/reminders.ts';
import { projects } from './schema.ts';

// The project manager is reminded of the status report on the last day of each period (07:00 in
// Stockholm), once: the reminder is a keyed job whose key is the project, the due day and the
// manager, so saving the project again schedules nothing new, while a report (the next period's
// due day) or a new manager does. A reminder whose report came in meanwhile stays silent. A
// project saved while no jobs ran is reminded by the nightly sweep, under the same key.

export interface ReportDue {
  project: string;
  date: string;
  managerId: string;
}

type ProjectRow = typeof projects.$inferSelect;

/** How long after its due day a report still reminds: a project left unreported for long is the portfolio's to chase. */
export const OVERDUE_DAYS = 60;

async function stillDue(db: Database, tenantId: string, record: NotificationRecord, p: ReportDue) {
  const [row] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.tenantId, tenantId), eq(projects.id, record.id)));
  return !!row && !row.archivedAt && row.nextReportOn === p.date && row.managerId === p.managerId;
}

const dayText = (date: string, locale: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(locale, {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'long',
  });

export const statusReportReminder = defineNotification<ReportDue>({
  kind: 'portfolio.status-report-due',
  label: { sv: 'Projekt: dags för statusrapport', en: 'Project: a status report is due' },
  sv: (p) => `Statusrapporten för projektet ${p.project} ska lämnas senast ${dayText(p.date, 'sv-SE')}.`,
  en: (p) => `The status report of the project ${p.project} is due on ${dayText(p.date, 'en-GB')}.`,
  mail: { default: true },
  stillDue,
});

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Schedules the manager's reminder of the next report (none archived, handed over or without a manager). */
export async function scheduleReportReminder(s: TenantScope, row: ProjectRow) {
  if (row.archivedAt || !row.managerId || !row.nextReportOn) return;
  if (row.nextReportOn < addDays(todayInStockholm(), -OVERDUE_DAYS)) return;
  await remind(s, {
    at: reminderTime(row.nextReportOn, 0),
    personIds: [row.managerId],
    kind: statusReportReminder,
    params: { project: row.name, date: row.nextReportOn, managerId: row.managerId },
    record: { kind: 'project', id: row.id, href: `/portfolio/projects/${row.id}` },
    variant: row.managerId,
  });
}

function dueBy(today: string) {
  return and(
    isNull(projects.archivedAt),
    isNotNull(projects.managerId),
    gte(projects.nextReportOn, addDays(today, -OVERDUE_DAYS)),
    lte(projects.nextReportOn, today),
  );
}

/** The nightly sweep of status-report reminders due by today. */
export const reportSweep: ReminderSweep = {
  name: 'portfolio.status-report-sweep',
  async tenants(db, today) {
    const rows = await db.selectDistinct({ tenantId: projects.tenantId }).from(projects).where(dueBy(today));
    return rows.map((r) => r.tenantId);
  },
  async schedule(s, today) {
    const rows = await s.tx
      .select()
      .from(projects)
      .where(s.where(projects, dueBy(today)))
      .orderBy(asc(projects.id));
    for (const row of rows) await scheduleReportReminder(s, row);
    return rows.length;
  },
};

export const reportSweepJob = defineReminderSweep(reportSweep);

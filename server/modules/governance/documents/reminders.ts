import { and, asc, eq, gte, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { defineNotification, type NotificationRecord } from '../../../platform/notifications/kinds.ts';
import { remind } from '../../../platform/notifications/service.ts';
import type { TenantScope } from '../../../platform/tenancy.ts';
import { reminderTime, todayInStockholm } from '../../registry/contracts/reminders.ts';
import { defineReminderSweep, type ReminderSweep } from '../sweep.ts';
import { governingDocuments } from './schema.ts';

// The owner of a governing document is reminded before its review is due, once: a keyed job on
// the document, the day and the owner (platform `remind`), so saving again schedules nothing new
// while a new date, number of days or owner does; an old reminder that comes due finds that its
// parameters no longer match and stays silent. A document saved while no jobs ran is reminded by
// the nightly sweep (../sweep.ts), under the same key.

export interface DocumentReview {
  title: string;
  date: string;
  days: number;
  ownerId: string;
}

const reviewedStatuses = ['inForce', 'underRevision'];
const reviewed = (status: string) => reviewedStatuses.includes(status);

async function stillDue(db: Database, tenantId: string, record: NotificationRecord, p: DocumentReview) {
  const [row] = await db
    .select()
    .from(governingDocuments)
    .where(and(eq(governingDocuments.tenantId, tenantId), eq(governingDocuments.id, record.id)));
  return (
    !!row &&
    !row.archivedAt &&
    reviewed(row.status) &&
    row.ownerId === p.ownerId &&
    row.nextReviewOn === p.date &&
    row.reviewReminderDays === p.days
  );
}

const dayText = (date: string, locale: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(locale, {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'long',
  });

export const documentReviewReminder = defineNotification<DocumentReview>({
  kind: 'governance.document-review',
  label: { sv: 'Styrdokument: dags att revidera', en: 'Governing document: review due' },
  sv: (p) => `Styrdokumentet ${p.title} ska revideras senast ${dayText(p.date, 'sv-SE')}.`,
  en: (p) => `The governing document ${p.title} is due for review by ${dayText(p.date, 'en-GB')}.`,
  mail: { default: true },
  stillDue,
});

type DocumentRow = typeof governingDocuments.$inferSelect;

/** Schedules the owner's review reminder in the scope's transaction (none once the date has passed). */
export async function scheduleReviewReminder(s: TenantScope, row: DocumentRow) {
  if (row.archivedAt || !reviewed(row.status) || !row.ownerId || !row.nextReviewOn) return;
  if (row.nextReviewOn < todayInStockholm()) return;
  await remind(s, {
    at: reminderTime(row.nextReviewOn, row.reviewReminderDays),
    personIds: [row.ownerId],
    kind: documentReviewReminder,
    params: { title: row.title, date: row.nextReviewOn, days: row.reviewReminderDays, ownerId: row.ownerId },
    record: { kind: 'governingDocument', id: row.id, href: `/governance/documents/${row.id}` },
    variant: row.ownerId,
  });
}

/**
 * What makes a document's review reminder due by `today`: the conditions of scheduleReviewReminder,
 * and its day (`days` before the review) come.
 */
function dueBy(today: string) {
  const d = governingDocuments;
  return and(
    isNull(d.archivedAt),
    inArray(d.status, reviewedStatuses),
    isNotNull(d.ownerId),
    gte(d.nextReviewOn, today),
    sql`${d.nextReviewOn} - ${d.reviewReminderDays} <= ${today}::date`,
  );
}

/** The nightly sweep of review reminders due by today whose review date has not passed. */
export const reviewSweep: ReminderSweep = {
  name: 'governance.document-review-sweep',
  async tenants(db, today) {
    const rows = await db
      .selectDistinct({ tenantId: governingDocuments.tenantId })
      .from(governingDocuments)
      .where(dueBy(today));
    return rows.map((r) => r.tenantId);
  },
  async schedule(s, today) {
    // In id order, so that two sweeps at once take the reminders' keys in the same order.
    const rows = await s.tx
      .select()
      .from(governingDocuments)
      .where(s.where(governingDocuments, dueBy(today)))
      .orderBy(asc(governingDocuments.id));
    for (const row of rows) await scheduleReviewReminder(s, row);
    return rows.length;
  },
};

export const reviewSweepJob = defineReminderSweep(reviewSweep);

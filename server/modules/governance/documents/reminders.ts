import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { defineNotification, type NotificationRecord } from '../../../platform/notifications/kinds.ts';
import { remind } from '../../../platform/notifications/service.ts';
import type { TenantScope } from '../../../platform/tenancy.ts';
import { reminderTime, todayInStockholm } from '../../registry/contracts/reminders.ts';
import { governingDocuments } from './schema.ts';

// The owner of a governing document is reminded before its review is due, once: a keyed job on
// the document, the day and the owner (platform `remind`), so saving again schedules nothing new
// while a new date, number of days or owner does; an old reminder that comes due finds that its
// parameters no longer match and stays silent.

export interface DocumentReview {
  title: string;
  date: string;
  days: number;
  ownerId: string;
}

const reviewed = (status: string) => status === 'inForce' || status === 'underRevision';

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

import { TZDate } from '@date-fns/tz';
import { subDays } from 'date-fns';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { defineNotification, type NotificationRecord } from '../../../platform/notifications/kinds.ts';
import { remind } from '../../../platform/notifications/service.ts';
import type { TenantScope } from '../../../platform/tenancy.ts';
import { contracts } from './schema.ts';

// The contract owner is told before the notice deadline and before the end, once each. A reminder
// is a keyed job (platform `remind`): kind, contract, day and owner make its key, so scheduling the
// same reminder again (another save, a restart, the nightly sweep) is a no-op, while a new date,
// a new number of days or a new owner makes a new one. The old one, if it comes due, finds that its
// parameters no longer match the contract and stays silent (`stillDue`).

export interface ContractReminder {
  title: string;
  supplier: string;
  /** The notice deadline or the end date the reminder is about. */
  date: string;
  /** How many days before `date` it was due. */
  days: number;
  ownerId: string;
}

type Which = 'notice' | 'end';

const stillDue = (which: Which) =>
  async function stillDue(db: Database, tenantId: string, record: NotificationRecord, p: ContractReminder) {
    const [row] = await db
      .select()
      .from(contracts)
      .where(and(eq(contracts.tenantId, tenantId), eq(contracts.id, record.id)));
    if (!row || row.archivedAt || row.ownerId !== p.ownerId) return false;
    const date = which === 'notice' ? row.noticeDeadline : row.endsOn;
    const days = which === 'notice' ? row.noticeReminderDays : row.endReminderDays;
    return date === p.date && days === p.days;
  };

const dayText = (date: string, locale: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(locale, {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'long',
  });

export const contractNoticeReminder = defineNotification<ContractReminder>({
  kind: 'registry.contract-notice',
  label: { sv: 'Avtal: sista dag för uppsägning närmar sig', en: 'Contract: notice deadline approaching' },
  sv: (p) =>
    `Sista dag att säga upp avtalet ${p.title} med ${p.supplier} är ${dayText(p.date, 'sv-SE')}. Avtalet förlängs eller löper ut om det inte sägs upp i tid.`,
  en: (p) =>
    `The last day to give notice on the contract ${p.title} with ${p.supplier} is ${dayText(p.date, 'en-GB')}.`,
  mail: { default: true },
  stillDue: stillDue('notice'),
});

export const contractEndReminder = defineNotification<ContractReminder>({
  kind: 'registry.contract-end',
  label: { sv: 'Avtal: slutdatum närmar sig', en: 'Contract: end date approaching' },
  sv: (p) => `Avtalet ${p.title} med ${p.supplier} upphör ${dayText(p.date, 'sv-SE')}.`,
  en: (p) => `The contract ${p.title} with ${p.supplier} ends on ${dayText(p.date, 'en-GB')}.`,
  mail: { default: true },
  stillDue: stillDue('end'),
});

/** Today in Stockholm, YYYY-MM-DD. */
export function todayInStockholm(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

/** 07:00 in Stockholm, `days` before `date`: the start of a working day, whatever the season. */
export function reminderTime(date: string, days: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(subDays(new TZDate(y, m - 1, d, 7, 0, 0, 'Europe/Stockholm'), days).getTime());
}

type ContractRow = typeof contracts.$inferSelect;

/**
 * Schedules the owner's two reminders of a contract in the scope's transaction (nothing for an
 * archived contract, one without owner, or a date already past). A reminder whose time has passed
 * but whose date has not (a contract saved 30 days before its deadline) fires at once; its time
 * stays the computed one, so its key does not change from one scheduling to the next.
 */
export async function scheduleContractReminders(s: TenantScope, row: ContractRow, supplier: string) {
  if (row.archivedAt || !row.ownerId) return;
  const today = todayInStockholm();
  const record = { kind: 'contract', id: row.id, href: `/contracts/${row.id}` };
  const plans: [typeof contractNoticeReminder, string | null, number][] = [
    [contractNoticeReminder, row.noticeDeadline, row.noticeReminderDays],
    [contractEndReminder, row.endsOn, row.endReminderDays],
  ];
  for (const [kind, date, days] of plans) {
    if (!date || date < today) continue;
    await remind(s, {
      at: reminderTime(date, days),
      personIds: [row.ownerId],
      kind,
      params: { title: row.title, supplier, date, days, ownerId: row.ownerId },
      record,
      variant: row.ownerId,
    });
  }
}

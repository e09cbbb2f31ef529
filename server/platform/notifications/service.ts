import { and, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { v5 as uuidv5 } from 'uuid';
import type { Database } from '../../db/client.ts';
import { type Actor, systemActor } from '../context.ts';
import { people } from '../directory/schema.ts';
import { problems } from '../errors.ts';
import { newId } from '../ids.ts';
import { defineJob, type JobDefinition, jobsFor } from '../jobs/jobs.ts';
import { queueMail } from '../mail/service.ts';
import type { MailLanguage } from '../mail/templates.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import type { Seam } from '../seam.ts';
import { inTenant, type TenantScope } from '../tenancy.ts';
import {
  type NotificationKind,
  type NotificationRecord,
  notificationMail,
  renderNotification,
} from './kinds.ts';
import { notificationPreferences, notifications } from './schema.ts';

// Notifications: each person's inbox, the mail that follows a notification for those who want it,
// and reminders (a notification at a later time). `notify` writes inside the caller's transaction,
// so nothing is announced for a change that rolled back. Owns ./schema.ts.

export interface NotifyInput<P> {
  personIds: readonly string[];
  kind: NotificationKind<P>;
  params: P;
  record?: NotificationRecord;
  /** Tell the acting person too (default: no one is told what they did themselves). */
  includeActor?: boolean;
  /**
   * Makes a repeat a no-op: each person's notification id is derived from it, so a retried job
   * cannot notify twice.
   */
  dedupeKey?: string;
}

// A fixed namespace for notification ids derived from a dedupe key (UUID v5 of "key\nperson").
const DEDUPE_NAMESPACE = '3a8e5f0c-7d41-4b6a-9e2f-5c1d0b7a8e93';
// Until people choose a language of their own, mail goes out in Swedish.
const MAIL_LANGUAGE: MailLanguage = 'sv';

/**
 * Notifies people (active ones of the scope's tenant; others are skipped) and queues a mail to each
 * who wants mail of the kind, all in the scope's transaction. Answers the ids of the notifications.
 */
export async function notify<P>(scope: TenantScope, input: NotifyInput<P>): Promise<string[]> {
  const wanted = [...new Set(input.personIds)].filter(
    (id) => input.includeActor || id !== scope.actor.personId,
  );
  if (wanted.length === 0) return [];
  const recipients = await scope.tx
    .select({ id: people.id, email: people.email })
    .from(people)
    .where(
      scope.where(people, inArray(people.id, wanted), eq(people.active, true), isNull(people.archivedAt)),
    );
  if (recipients.length === 0) return [];
  const rows = recipients.map((person) => ({
    id: input.dedupeKey ? uuidv5(`${input.dedupeKey}\n${person.id}`, DEDUPE_NAMESPACE) : newId(),
    personId: person.id,
    kind: input.kind.kind,
    recordKind: input.record?.kind ?? null,
    recordId: input.record?.id ?? null,
    href: input.record?.href ?? null,
    params: input.params as object,
  }));
  const inserted = await scope.tx
    .insert(notifications)
    .values(rows.map((row) => ({ ...row, tenantId: scope.tenantId })))
    .onConflictDoNothing()
    .returning({ id: notifications.id, personId: notifications.personId });
  const mail = input.kind.mail;
  if (mail && inserted.length > 0) {
    const choices = await scope.tx
      .select({ personId: notificationPreferences.personId, mail: notificationPreferences.mail })
      .from(notificationPreferences)
      .where(
        scope.where(
          notificationPreferences,
          eq(notificationPreferences.kind, input.kind.kind),
          inArray(
            notificationPreferences.personId,
            inserted.map((r) => r.personId),
          ),
        ),
      );
    const choice = new Map(choices.map((c) => [c.personId, c.mail]));
    const emailOf = new Map(recipients.map((r) => [r.id, r.email]));
    for (const { personId } of inserted) {
      if (!(choice.get(personId) ?? mail.default)) continue;
      const to = emailOf.get(personId)!;
      if (mail.template) {
        await queueMail(scope, { to, kind: mail.template, params: input.params, language: MAIL_LANGUAGE });
      } else {
        const text = {
          sv: renderNotification(input.kind, input.kind.kind, 'sv', input.params),
          en: renderNotification(input.kind, input.kind.kind, 'en', input.params),
        };
        await queueMail(scope, { to, kind: notificationMail, params: text, language: MAIL_LANGUAGE });
      }
    }
  }
  return inserted.map((r) => r.id);
}

// ---------------------------------------------------------------- reminders

/** The reminder job's kind; its handler is built from the seam (`notificationJobs`). */
export const REMINDER = { name: 'notifications.remind' };

interface ReminderData {
  tenantId: string;
  kind: string;
  personIds: string[];
  params: unknown;
  record: NotificationRecord;
}

export interface RemindInput<P> extends Omit<NotifyInput<P>, 'record' | 'dedupeKey' | 'includeActor'> {
  /** When the reminder is due. */
  at: Date;
  /** The record it is about: one reminder per kind, record and day. */
  record: NotificationRecord;
  /**
   * What else tells two reminders of the same kind, record and day apart (the person to be told):
   * a contract handed to a new owner is a new reminder, though its date stays.
   */
  variant?: string;
}

/** The day (in Stockholm) a reminder is due, part of its key. */
function dayOf(at: Date): string {
  return at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

/** The key that makes a reminder once-only: kind, record, the day it is due (and its variant). */
export function reminderKey(
  tenantId: string,
  kind: string,
  record: NotificationRecord,
  at: Date,
  variant?: string,
): string {
  const key = `${tenantId}:${kind}:${record.kind}:${record.id}:${dayOf(at)}`;
  return variant ? `${key}:${variant}` : key;
}

/**
 * Schedules a notification for later, in the scope's transaction: a keyed job at `at`, so the
 * same reminder (kind, record, day) scheduled twice is sent once. When it comes due, the kind's
 * `stillDue` decides whether it still applies, and `notify` sends it. Answers the job's id, or
 * null when the same reminder was already scheduled or no jobs run on this database (a
 * command-line tool: the reminder is not kept; the server schedules its reminders itself).
 */
export async function remind<P>(scope: TenantScope, input: RemindInput<P>): Promise<string | null> {
  const jobs = scope.db && jobsFor(scope.db);
  if (!jobs) return null;
  const data: ReminderData = {
    tenantId: scope.tenantId,
    kind: input.kind.kind,
    personIds: [...new Set(input.personIds)],
    params: input.params,
    record: input.record,
  };
  return jobs.send<ReminderData>(REMINDER, data, {
    startAfter: input.at,
    key: reminderKey(scope.tenantId, input.kind.kind, input.record, input.at, input.variant),
    tx: scope.tx,
  });
}

/** The notification jobs: a reminder coming due. Needs the seam to find the kind by name. */
export function notificationJobs(seam: Seam): JobDefinition[] {
  return [
    defineJob<ReminderData>({
      name: REMINDER.name,
      retry: { limit: 5, delaySeconds: 60, backoff: true, maxDelaySeconds: 3600 },
      // Kept for a year: a second send of the same reminder stays a no-op meanwhile.
      keepDays: 366,
      handler: async (data, { database, log, id }) => {
        const kind = seam.notificationKind(data.kind);
        if (!kind) {
          log.warn({ job: REMINDER.name, kind: data.kind }, 'reminder of a kind no longer registered');
          return;
        }
        const db = database.db;
        if (kind.stillDue && !(await kind.stillDue(db, data.tenantId, data.record, data.params))) return;
        await inTenant(db, systemActor(data.tenantId), (s) =>
          notify(s, {
            personIds: data.personIds,
            kind,
            params: data.params,
            record: data.record,
            dedupeKey: `reminder:${id}`,
          }),
        );
      },
    }),
  ];
}

// ---------------------------------------------------------------- the inbox

export interface InboxQuery {
  unread?: boolean;
  limit: number;
  cursor?: string;
}

/** A person's own notifications, newest first, a keyset page at a time. */
export async function listInbox(db: Database, actor: Actor, query: InboxQuery) {
  if (!actor.personId) return { items: [], nextCursor: null };
  const after = decodeCursor(query.cursor, 1) as [string] | undefined;
  if (after && !/^[0-9a-f-]{36}$/i.test(after[0]))
    throw problems.field('querystring.cursor', 'Invalid cursor');
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.tenantId, actor.tenantId),
        eq(notifications.personId, actor.personId),
        query.unread ? isNull(notifications.readAt) : undefined,
        after ? lt(notifications.id, after[0]) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => [r.id]);
}

/** The bell's number: unread notifications, counted up to `cap` (the bell shows "99+"). */
export async function countUnread(db: Database, actor: Actor, cap = 100): Promise<number> {
  if (!actor.personId) return 0;
  const capped = db
    .select({ one: sql`1` })
    .from(notifications)
    .where(
      and(
        eq(notifications.tenantId, actor.tenantId),
        eq(notifications.personId, actor.personId),
        isNull(notifications.readAt),
      ),
    )
    .limit(cap)
    .as('capped');
  const [row] = await db.select({ n: count() }).from(capped);
  return Number(row?.n ?? 0);
}

// Reading one's own inbox changes nothing anyone else sees, so it is not audited.

/** Marks one of one's own notifications read; another person's answers 404 as if it did not exist. */
export async function markRead(db: Database, actor: Actor, id: string) {
  if (!actor.personId) throw problems.notFound('notification');
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(
      and(
        eq(notifications.tenantId, actor.tenantId),
        eq(notifications.personId, actor.personId),
        eq(notifications.id, id),
      ),
    )
    .returning();
  if (!row) throw problems.notFound('notification');
  return row;
}

/** Marks all of one's unread notifications read; answers how many. */
export async function markAllRead(db: Database, actor: Actor): Promise<number> {
  if (!actor.personId) return 0;
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.tenantId, actor.tenantId),
        eq(notifications.personId, actor.personId),
        isNull(notifications.readAt),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

// ---------------------------------------------------------------- preferences

export interface Preference {
  kind: string;
  label: string;
  /** Mail on or off for this person; null when the kind never sends mail. */
  mail: boolean | null;
  /** The kind's default, for "as by default". */
  mailDefault: boolean | null;
}

/** Every registered kind with the person's choice of mail. */
export async function listPreferences(
  db: Database,
  actor: Actor,
  seam: Seam,
  language: MailLanguage,
): Promise<Preference[]> {
  const chosen = actor.personId
    ? await db
        .select({ kind: notificationPreferences.kind, mail: notificationPreferences.mail })
        .from(notificationPreferences)
        .where(
          and(
            eq(notificationPreferences.tenantId, actor.tenantId),
            eq(notificationPreferences.personId, actor.personId),
          ),
        )
    : [];
  const choice = new Map(chosen.map((c) => [c.kind, c.mail]));
  return seam.notificationKinds.map((kind) => ({
    kind: kind.kind,
    label: kind.label[language],
    mail: kind.mail ? (choice.get(kind.kind) ?? kind.mail.default) : null,
    mailDefault: kind.mail ? kind.mail.default : null,
  }));
}

/** Turns mail of one kind on or off for oneself (audited on the person). */
export async function setPreference(
  db: Database,
  actor: Actor,
  seam: Seam,
  kindName: string,
  mail: boolean,
): Promise<void> {
  const kind = seam.notificationKind(kindName);
  if (!kind || !actor.personId) throw problems.notFound('notification kind');
  if (!kind.mail) throw problems.field('body.mail', 'This kind of notification is never mailed');
  const personId = actor.personId;
  await inTenant(db, actor, async (s) => {
    await s.tx
      .insert(notificationPreferences)
      .values({ tenantId: s.tenantId, personId, kind: kind.kind, mail })
      .onConflictDoUpdate({
        target: [
          notificationPreferences.tenantId,
          notificationPreferences.personId,
          notificationPreferences.kind,
        ],
        set: { mail, updatedAt: new Date() },
      });
    await s.audit({
      entity: 'person',
      entityId: personId,
      action: 'set-notification-mail',
      after: { kind: kind.kind, mail },
    });
  });
}

import { TZDate } from '@date-fns/tz';
import { and, asc, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { CalendarFeedCreate } from '../../../../shared/governance/calendar.ts';
import type { Database, Executor } from '../../../db/client.ts';
import { randomToken, sha256 } from '../../../platform/auth/tokens.ts';
import type { Actor } from '../../../platform/context.ts';
import { people } from '../../../platform/directory/schema.ts';
import { problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { RecordRef } from '../../../platform/seam.ts';
import { inTenant, readScope } from '../../../platform/tenancy.ts';
import { forumMembers, forums } from '../forums/schema.ts';
import { checkForum } from '../forums/service.ts';
import { agendaItems, calendarFeeds, meetings } from './schema.ts';
import { meetingDate } from './service.ts';

// Calendar feeds of meetings through ical-generator: a forum's meetings, or a person's (the forums
// they chair, convene, keep the minutes of, or sit in as member or deputy), each meeting an event
// in Europe/Stockholm with its VTIMEZONE, its place and its agenda. The token is random, kept only
// as its SHA-256 and shown once; a new feed for the same forum (or the personal one) revokes the
// person's old one, so "make a new link" is also how a leaked one is shut.

const ZONE = 'Europe/Stockholm';

/**
 * Stockholm's rules as a VTIMEZONE: ical-generator takes the component from a generator and has no
 * time-zone database of its own. The EU's rules (last Sunday of March and of October, at 01:00
 * UTC) have held for Sweden since 1996 and are all a feed of current meetings needs.
 */
const STOCKHOLM_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Stockholm',
  'X-LIC-LOCATION:Europe/Stockholm',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** How far back a feed reaches: a year of past meetings, and every one ahead. */
const PAST_DAYS = 366;

export type FeedRow = typeof calendarFeeds.$inferSelect;

export const feedUrl = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/$/, '')}/api/v1/calendar/${token}.ics`;

/** A new feed of the actor's (a forum's meetings, or their own forums'), revoking the one it replaces. */
export function createFeed(db: Database, actor: Actor, input: CalendarFeedCreate) {
  return inTenant(db, actor, async (s) => {
    if (!actor.personId) throw problems.forbidden('A calendar feed is a person’s');
    if (input.forumId) await checkForum(s, input.forumId, 'body.forumId');
    const replaced = await s.tx
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(
        s.where(
          calendarFeeds,
          eq(calendarFeeds.personId, actor.personId),
          input.forumId ? eq(calendarFeeds.forumId, input.forumId) : isNull(calendarFeeds.forumId),
          isNull(calendarFeeds.revokedAt),
        ),
      )
      .returning({ id: calendarFeeds.id });
    const token = randomToken(32);
    const [row] = await s
      .insert(calendarFeeds, {
        id: newId(),
        personId: actor.personId,
        forumId: input.forumId,
        tokenHash: sha256(token),
      })
      .returning();
    const { tokenHash: _hash, ...shown } = row!;
    for (const r of replaced)
      await s.audit({
        entity: 'calendarFeed',
        entityId: r.id,
        action: 'revoke',
        after: { replacedBy: row!.id },
      });
    await s.audit({ entity: 'calendarFeed', entityId: row!.id, action: 'create', after: shown });
    return { row: row!, token };
  });
}

export function revokeFeed(db: Database, actor: Actor, id: string) {
  return inTenant(db, actor, async (s) => {
    const [row] = await s.tx
      .select()
      .from(calendarFeeds)
      .where(s.where(calendarFeeds, eq(calendarFeeds.id, id)))
      .for('update');
    // Another person's feed is not found: feeds are private to whoever made them.
    if (!row || row.personId !== actor.personId) throw problems.notFound('calendar feed');
    if (row.revokedAt) throw problems.conflict('The calendar feed is already revoked');
    const [after] = await s
      .update(calendarFeeds, { revokedAt: new Date() }, eq(calendarFeeds.id, id))
      .returning();
    await s.audit({
      entity: 'calendarFeed',
      entityId: id,
      action: 'revoke',
      before: { revokedAt: null },
      after: { revokedAt: after!.revokedAt },
    });
    return after!;
  });
}

/** The actor's feeds, newest first, with the forum's name. */
export async function listFeeds(db: Database, actor: Actor) {
  if (!actor.personId) return [];
  const s = readScope(db, actor);
  return db
    .select({
      id: calendarFeeds.id,
      forumId: calendarFeeds.forumId,
      forumName: forums.name,
      createdAt: calendarFeeds.createdAt,
      revokedAt: calendarFeeds.revokedAt,
    })
    .from(calendarFeeds)
    .leftJoin(forums, and(eq(forums.tenantId, calendarFeeds.tenantId), eq(forums.id, calendarFeeds.forumId)))
    .where(s.where(calendarFeeds, eq(calendarFeeds.personId, actor.personId)))
    .orderBy(desc(calendarFeeds.createdAt))
    .limit(100);
}

/**
 * The feed's calendar as iCalendar text, or null when the token is unknown, revoked, or its
 * person no longer active. No session: the token alone opens it, so it holds only what a staff
 * member reads of meetings (time, place, agenda), never minutes or decisions in the making.
 */
export async function feedCalendar(db: Database, token: string, publicUrl: string): Promise<string | null> {
  const [feed] = await db
    .select({
      tenantId: calendarFeeds.tenantId,
      personId: calendarFeeds.personId,
      forumId: calendarFeeds.forumId,
      personArchived: people.archivedAt,
    })
    .from(calendarFeeds)
    .innerJoin(
      people,
      and(eq(people.tenantId, calendarFeeds.tenantId), eq(people.id, calendarFeeds.personId)),
    )
    .where(and(eq(calendarFeeds.tokenHash, sha256(token)), isNull(calendarFeeds.revokedAt)));
  if (!feed || feed.personArchived) return null;
  const forumCondition = feed.forumId
    ? eq(meetings.forumId, feed.forumId)
    : sql`${meetings.forumId} in (select f.id from ${forums} f where f.tenant_id = ${feed.tenantId} and f.archived_at is null and (f.chair_id = ${feed.personId} or f.convener_id = ${feed.personId} or f.secretary_id = ${feed.personId} or exists (select 1 from ${forumMembers} m where m.tenant_id = f.tenant_id and m.forum_id = f.id and (m.person_id = ${feed.personId} or m.deputy_id = ${feed.personId}))))`;
  const rows = await db
    .select({
      id: meetings.id,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      place: meetings.place,
      version: meetings.version,
      updatedAt: meetings.updatedAt,
      forumName: forums.name,
    })
    .from(meetings)
    .innerJoin(forums, and(eq(forums.tenantId, meetings.tenantId), eq(forums.id, meetings.forumId)))
    .where(
      and(
        eq(meetings.tenantId, feed.tenantId),
        isNull(meetings.archivedAt),
        gte(meetings.startsAt, new Date(Date.now() - PAST_DAYS * 86_400_000)),
        forumCondition,
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(1000);
  const items = rows.length
    ? await db
        .select({
          meetingId: agendaItems.meetingId,
          position: agendaItems.position,
          title: agendaItems.title,
        })
        .from(agendaItems)
        .where(
          and(
            eq(agendaItems.tenantId, feed.tenantId),
            inArray(
              agendaItems.meetingId,
              rows.map((r) => r.id),
            ),
            isNull(agendaItems.correctsId),
          ),
        )
        .orderBy(asc(agendaItems.position))
    : [];
  const name = feed.forumId ? (rows[0]?.forumName ?? 'Sammanträden') : 'Mina sammanträden';
  const calendar = ical({
    name: `Styrbord: ${name}`,
    prodId: { company: 'Styrbord', product: 'Sammanträden', language: 'SV' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: ZONE, generator: (zone) => (zone === ZONE ? STOCKHOLM_VTIMEZONE : null) },
    ttl: 60 * 60,
  });
  const base = publicUrl.replace(/\/$/, '');
  for (const m of rows) {
    const agenda = items
      .filter((i) => i.meetingId === m.id)
      .map((i) => `${i.position}. ${i.title}`)
      .join('\n');
    calendar.createEvent({
      id: `${m.id}@styrbord`,
      sequence: m.version,
      // ical-generator writes a zoned time from the date's own wall clock: a TZDate of Stockholm
      // has it whatever the server's zone (a plain Date would give the process's local time).
      start: new TZDate(m.startsAt, ZONE),
      end: new TZDate(m.endsAt, ZONE),
      timezone: ZONE,
      stamp: m.updatedAt,
      summary: `${m.forumName} ${meetingDate(m.startsAt)}`,
      location: m.place,
      description: agenda ? `Dagordning:\n${agenda}` : null,
      url: `${base}/governance/meetings/${m.id}`,
    });
  }
  return calendar.toString();
}

/** Names of feeds for the audit trail: the forum's or "personal". */
export async function feedRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select({ id: calendarFeeds.id, forumName: forums.name, revokedAt: calendarFeeds.revokedAt })
    .from(calendarFeeds)
    .leftJoin(forums, and(eq(forums.tenantId, calendarFeeds.tenantId), eq(forums.id, calendarFeeds.forumId)))
    .where(and(eq(calendarFeeds.tenantId, tenantId), inArray(calendarFeeds.id, [...ids])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: `iCalendar ${r.forumName ?? 'personlig'}`,
        href: '/governance/meetings',
        archived: r.revokedAt !== null,
      },
    ]),
  );
}

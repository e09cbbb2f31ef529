import { and, asc, eq, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import type { StartItem } from '../../../platform/seam.ts';
import { forumMembers, forums } from '../forums/schema.ts';
import { governancePolicy } from '../policy.ts';
import { meetings } from './schema.ts';
import { meetingDate } from './service.ts';

// What meetings ask of the signed-in person on the start page: minutes they are to justera, and
// their forums' meetings of the next two weeks. Title and detail are data (the forum, the day, the
// place), not prose, and each kind is its own section, so the client's label says what the item
// is in the reader's language. Meetings are read by staff (governancePolicy.read), so no one else gets any.

export const MINUTES_TO_ADJUST = 'meetingsToAdjust';
export const UPCOMING_MEETINGS = 'upcomingMeetings';
const UPCOMING_DAYS = 14;

/** The forums a person sits in: chair, convener, secretary, member or a member's deputy. */
export function forumsOf(tenantId: string, personId: string): SQL {
  return sql`(select f.id from ${forums} f where f.tenant_id = ${tenantId} and f.archived_at is null and (f.chair_id = ${personId} or f.convener_id = ${personId} or f.secretary_id = ${personId} or exists (select 1 from ${forumMembers} m where m.tenant_id = f.tenant_id and m.forum_id = f.id and (m.person_id = ${personId} or m.deputy_id = ${personId}))))`;
}

const columns = {
  id: meetings.id,
  startsAt: meetings.startsAt,
  place: meetings.place,
  forumName: forums.name,
};

function meetingsWhere(actor: Actor, ...conditions: (SQL | undefined)[]) {
  return and(eq(meetings.tenantId, actor.tenantId), isNull(meetings.archivedAt), ...conditions);
}

const joinForum = and(eq(forums.tenantId, meetings.tenantId), eq(forums.id, meetings.forumId));

/**
 * Minutes waiting for the actor's signature: they are the meeting's chair or justerare, the
 * meeting has begun, a justerare is named (until then no one can sign), they have not signed and
 * the minutes are not locked. Due on the meeting's day.
 */
export async function minutesToAdjust(db: Database, actor: Actor): Promise<StartItem[]> {
  const me = actor.personId;
  if (!me || !governancePolicy.read(actor)) return [];
  const rows = await db
    .select(columns)
    .from(meetings)
    .innerJoin(forums, joinForum)
    .where(
      meetingsWhere(
        actor,
        isNull(meetings.lockedAt),
        isNotNull(meetings.adjusterId),
        lte(meetings.startsAt, new Date()),
        or(
          and(eq(meetings.chairId, me), isNull(meetings.chairAdjustedAt)),
          and(eq(meetings.adjusterId, me), isNull(meetings.adjusterAdjustedAt)),
        ),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(20);
  return rows.map((m) => item(MINUTES_TO_ADJUST, m, meetingDate(m.startsAt)));
}

/** The meetings of the actor's forums that start within the next 14 days, due when they start. */
export async function upcomingMeetings(db: Database, actor: Actor): Promise<StartItem[]> {
  const me = actor.personId;
  if (!me || !governancePolicy.read(actor)) return [];
  const now = new Date();
  const until = new Date(now.getTime() + UPCOMING_DAYS * 86_400_000);
  const rows = await db
    .select(columns)
    .from(meetings)
    .innerJoin(forums, joinForum)
    .where(
      meetingsWhere(
        actor,
        sql`${meetings.startsAt} >= ${now.toISOString()} and ${meetings.startsAt} < ${until.toISOString()}`,
        sql`${meetings.forumId} in ${forumsOf(actor.tenantId, me)}`,
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(20);
  return rows.map((m) => item(UPCOMING_MEETINGS, m, m.startsAt.toISOString()));
}

function item(
  section: string,
  m: { id: string; startsAt: Date; place: string | null; forumName: string },
  due: string,
): StartItem {
  return {
    section,
    id: m.id,
    title: `${m.forumName} ${meetingDate(m.startsAt)}`,
    detail: m.place,
    href: `/governance/meetings/${m.id}`,
    due,
  };
}

import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type {
  AgendaItemCreate,
  AgendaItemRemove,
  AgendaItemUpdate,
  AgendaOrder,
  AttendanceUpdate,
  CorrectionCreate,
  ItemDecisionCreate,
  MeetingCreate,
  MeetingListQuery,
  MeetingUpdate,
} from '../../../../shared/governance/meetings.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { checkActivePeople } from '../../../platform/directory/checks.ts';
import { people } from '../../../platform/directory/schema.ts';
import { problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import {
  afterKey,
  keyOrder,
  type SortKey,
  sortKeyFields,
  sortKeyOfRow,
  toPage,
  withoutKey,
} from '../../../platform/pagination.ts';
import {
  type ArchiveInput,
  archiveRow,
  guardUnique,
  lockRow,
  restoreRow,
} from '../../../platform/records.ts';
import type { AgendaRecord, RecordRef, Seam } from '../../../platform/seam.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { decisions } from '../decisions/schema.ts';
import {
  type DecisionRow,
  insertDecision,
  type LinkChecker,
  paragraphConflict,
} from '../decisions/service.ts';
import { forumMembers, forums } from '../forums/schema.ts';
import { checkForum } from '../forums/service.ts';
import { governancePolicy } from '../policy.ts';
import { LOCKED } from './lock.ts';
import { agendaItems, attendance, meetings } from './schema.ts';

// The rules of meetings: the only writer of ./schema.ts. A meeting belongs to a forum, whose
// members the attendance lists and whose chair and secretary it takes unless told otherwise. Any
// change to the minutes (the meeting, its agenda, attendance, an item's minutes or a decision
// under it) takes the meeting's version and clears a signature already given, since a justerare
// signs the text as it stands; once chair and justerare have both signed the minutes are locked,
// and what is wrong in them is put right by a correction linked to its item.

export type MeetingRow = typeof meetings.$inferSelect;
export type ItemRow = typeof agendaItems.$inferSelect;
type DecisionUnderItem = Pick<
  DecisionRow,
  'id' | 'agendaItemId' | 'paragraph' | 'year' | 'title' | 'text' | 'registrationNumber'
>;

export interface MeetingView extends MeetingRow {
  forumName: string;
  names: Map<string, string>;
  items: (ItemRow & { ref: RecordRef | null; decisions: DecisionUnderItem[]; corrections: ItemRow[] })[];
  attendance: { personId: string; status: string | null; deputyId: string | null }[];
}

/** What the service needs of the seam: the agenda sources, and the decisions' link checks. */
export type MeetingSeam = Pick<Seam, 'agendaSource' | 'agendaSources' | 'auditEntity'>;

const ZONE = 'Europe/Stockholm';
const stockholmDate = new Intl.DateTimeFormat('sv-SE', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day of the meeting in Stockholm: the date its decisions are taken on. */
export const meetingDate = (at: Date) => stockholmDate.format(at);

function authorize(actor: Actor, forumId: string) {
  if (!governancePolicy.keepMeetings(actor, forumId)) throw problems.forbidden();
}

function checkTimes(startsAt: Date, endsAt: Date) {
  if (endsAt.getTime() <= startsAt.getTime())
    throw problems.field('body.endsAt', 'The meeting ends before it starts');
}

function checkAdjuster(row: { chairId: string | null; adjusterId: string | null }) {
  if (row.adjusterId && row.adjusterId === row.chairId)
    throw problems.field('body.adjusterId', 'The justerare is another person than the chair');
}

/** The meeting locked for a change of its minutes: in the tenant, this version, not archived or locked. */
async function openMeeting(s: TenantScope, id: string, version: number): Promise<MeetingRow> {
  const row = await lockRow(s, meetings, id);
  assertVersion(row, version, 'meeting');
  authorize(s.actor, row!.forumId);
  if (row!.archivedAt) throw problems.conflict('The meeting is archived; restore it first');
  if (row!.lockedAt) throw problems.conflict(LOCKED);
  return row!;
}

/** The next version, with the signatures given so far cleared: they were for the text before. */
async function touch(s: TenantScope, row: MeetingRow, fields: Partial<MeetingRow> = {}) {
  const [after] = await s
    .update(
      meetings,
      {
        ...fields,
        chairAdjustedAt: null,
        adjusterAdjustedAt: null,
        version: row.version + 1,
        updatedAt: new Date(),
      },
      eq(meetings.id, row.id),
    )
    .returning();
  return after!;
}

export function createMeeting(db: Database, actor: Actor, input: MeetingCreate): Promise<MeetingRow> {
  return inTenant(db, actor, async (s) => {
    authorize(actor, input.forumId);
    const forum = await checkForum(s, input.forumId, 'body.forumId');
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    checkTimes(startsAt, endsAt);
    const values = {
      chairId: input.chairId === undefined ? forum.chairId : input.chairId,
      secretaryId: input.secretaryId === undefined ? forum.secretaryId : input.secretaryId,
      adjusterId: input.adjusterId ?? null,
    };
    checkAdjuster(values);
    await checkActivePeople(s, {
      'body.chairId': values.chairId,
      'body.secretaryId': values.secretaryId,
      'body.adjusterId': values.adjusterId,
    });
    const [row] = await s
      .insert(meetings, {
        id: newId(),
        forumId: forum.id,
        startsAt,
        endsAt,
        place: input.place || null,
        ...values,
      })
      .returning();
    await s.audit({ entity: 'meeting', entityId: row!.id, action: 'create', after: row });
    return row!;
  });
}

export function updateMeeting(db: Database, actor: Actor, id: string, input: MeetingUpdate) {
  return inTenant(db, actor, async (s) => {
    const before = await openMeeting(s, id, input.version);
    const { version: _version, ...changes } = input;
    const defined = definedOnly(changes);
    const startsAt = defined.startsAt ? new Date(defined.startsAt) : before.startsAt;
    const endsAt = defined.endsAt ? new Date(defined.endsAt) : before.endsAt;
    checkTimes(startsAt, endsAt);
    const merged = {
      chairId: 'chairId' in defined ? (defined.chairId ?? null) : before.chairId,
      secretaryId: 'secretaryId' in defined ? (defined.secretaryId ?? null) : before.secretaryId,
      adjusterId: 'adjusterId' in defined ? (defined.adjusterId ?? null) : before.adjusterId,
    };
    checkAdjuster(merged);
    await checkActivePeople(s, {
      'body.chairId': merged.chairId,
      'body.secretaryId': merged.secretaryId,
      'body.adjusterId': merged.adjusterId,
    });
    const after = await touch(s, before, {
      startsAt,
      endsAt,
      place: 'place' in defined ? defined.place || null : before.place,
      ...merged,
    });
    await s.audit({ entity: 'meeting', entityId: id, action: 'update', before, after });
    return after;
  });
}

/** Justerade minutes are public record as they stand: a locked meeting is not archived. */
const refuseLocked = (row: MeetingRow) => {
  if (row.lockedAt) throw problems.conflict(LOCKED);
};

export function archiveMeeting(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  return inTenant(db, actor, async (s) => {
    const [row] = await s.tx
      .select()
      .from(meetings)
      .where(s.where(meetings, eq(meetings.id, id)));
    if (row) authorize(actor, row.forumId);
    return archiveRow(s, meetings, id, input, { entity: 'meeting', noun: 'meeting', check: refuseLocked });
  });
}

export function restoreMeeting(db: Database, actor: Actor, id: string, version: number) {
  return inTenant(db, actor, async (s) => {
    const [row] = await s.tx
      .select()
      .from(meetings)
      .where(s.where(meetings, eq(meetings.id, id)));
    if (row) authorize(actor, row.forumId);
    return restoreRow(s, meetings, id, { version }, { entity: 'meeting', noun: 'meeting' });
  });
}

// ---------------------------------------------------------------- the agenda

async function agendaOf(s: TenantScope, meetingId: string): Promise<ItemRow[]> {
  return s.tx
    .select()
    .from(agendaItems)
    .where(s.where(agendaItems, eq(agendaItems.meetingId, meetingId), isNull(agendaItems.correctsId)))
    .orderBy(asc(agendaItems.position));
}

async function itemOf(s: TenantScope, meetingId: string, itemId: string): Promise<ItemRow> {
  const [item] = await s.tx
    .select()
    .from(agendaItems)
    .where(
      s.where(
        agendaItems,
        eq(agendaItems.id, itemId),
        eq(agendaItems.meetingId, meetingId),
        isNull(agendaItems.correctsId),
      ),
    );
  if (!item) throw problems.notFound('agenda item');
  return item;
}

export function addItem(
  db: Database,
  actor: Actor,
  id: string,
  input: AgendaItemCreate,
  seam?: Pick<Seam, 'agendaSource'>,
) {
  return inTenant(db, actor, async (s) => {
    const meeting = await openMeeting(s, id, input.version);
    const kind = input.sourceKind ?? null;
    const sourceId = input.sourceId ?? null;
    if (!kind !== !sourceId)
      throw problems.field(
        kind ? 'body.sourceId' : 'body.sourceKind',
        'Name both the kind and the record, or neither',
      );
    if (kind && sourceId) {
      const source = seam?.agendaSource(kind);
      if (!source) throw problems.field('body.sourceKind', 'No such agenda source');
      const found = await source.describe(s.tx, s.tenantId, [sourceId]);
      if (!found.has(sourceId)) throw problems.field('body.sourceId', `No such ${kind}`);
    }
    const items = await agendaOf(s, id);
    const [item] = await s
      .insert(agendaItems, {
        id: newId(),
        meetingId: id,
        position: items.length + 1,
        title: input.title,
        sourceKind: kind,
        sourceId,
        createdBy: actor.personId,
        createdByName: actor.name,
      })
      .returning();
    const after = await touch(s, meeting);
    await s.audit({ entity: 'meeting', entityId: id, action: 'addItem', before: null, after: item });
    return after;
  });
}

export function updateItem(db: Database, actor: Actor, id: string, itemId: string, input: AgendaItemUpdate) {
  return inTenant(db, actor, async (s) => {
    const meeting = await openMeeting(s, id, input.version);
    const before = await itemOf(s, id, itemId);
    const { version: _version, ...changes } = input;
    const defined = definedOnly(changes);
    const [item] = await s
      .update(
        agendaItems,
        {
          title: defined.title ?? before.title,
          minutes: 'minutes' in defined ? defined.minutes?.trim() || null : before.minutes,
          updatedAt: new Date(),
        },
        eq(agendaItems.id, itemId),
      )
      .returning();
    const after = await touch(s, meeting);
    await s.audit({ entity: 'meeting', entityId: id, action: 'updateItem', before, after: item });
    return after;
  });
}

/**
 * Takes an item off the agenda before justering, the items after it closing up (punkt 1, 2 …).
 * A decision recorded under the item names it, archived or not (an archived decision is still
 * public record of where it was taken): it is moved to another item first, by the decisions' own
 * rules, so that no decision loses its place in the minutes.
 */
export function removeItem(db: Database, actor: Actor, id: string, itemId: string, input: AgendaItemRemove) {
  return inTenant(db, actor, async (s) => {
    const meeting = await openMeeting(s, id, input.version);
    const before = await itemOf(s, id, itemId);
    const [decided] = await s.tx
      .select({ id: decisions.id })
      .from(decisions)
      .where(s.where(decisions, eq(decisions.agendaItemId, itemId)))
      .limit(1);
    if (decided)
      throw problems.conflict(
        'A decision is recorded under this item; move the decision to another item first',
      );
    await s.tx.delete(agendaItems).where(s.where(agendaItems, eq(agendaItems.id, itemId)));
    const rest = await agendaOf(s, id);
    for (const [index, item] of rest.entries())
      if (item.position !== index + 1)
        await s.update(agendaItems, { position: index + 1 }, eq(agendaItems.id, item.id));
    const after = await touch(s, meeting);
    await s.audit({ entity: 'meeting', entityId: id, action: 'removeItem', before, after: null });
    return after;
  });
}

export function orderItems(db: Database, actor: Actor, id: string, input: AgendaOrder) {
  return inTenant(db, actor, async (s) => {
    const meeting = await openMeeting(s, id, input.version);
    const items = await agendaOf(s, id);
    const known = new Set(items.map((i) => i.id));
    const given = new Set(input.itemIds);
    if (
      given.size !== input.itemIds.length ||
      given.size !== known.size ||
      ![...given].every((i) => known.has(i))
    )
      throw problems.field('body.itemIds', 'Name every item of the agenda once');
    // Two passes: positions are not unique in the table, but a clean 1…n keeps the minutes' §-free
    // numbering (punkt 1, 2 …) as the secretary ordered it.
    for (const [index, itemId] of input.itemIds.entries())
      await s.update(agendaItems, { position: index + 1 }, eq(agendaItems.id, itemId));
    const after = await touch(s, meeting);
    await s.audit({
      entity: 'meeting',
      entityId: id,
      action: 'orderItems',
      before: { itemIds: items.map((i) => i.id) },
      after: { itemIds: input.itemIds },
    });
    return after;
  });
}

// ---------------------------------------------------------------- attendance

export function setAttendance(db: Database, actor: Actor, id: string, input: AttendanceUpdate) {
  return inTenant(db, actor, async (s) => {
    const meeting = await openMeeting(s, id, input.version);
    const seen = new Set<string>();
    input.attendance.forEach((a, i) => {
      if (seen.has(a.personId)) throw problems.field(`body.attendance.${i}.personId`, 'Named twice');
      seen.add(a.personId);
      if (a.status === 'deputyAttending' && !a.deputyId)
        throw problems.field(`body.attendance.${i}.deputyId`, 'Name the deputy who attended');
      if (a.status !== 'deputyAttending' && a.deputyId)
        throw problems.field(
          `body.attendance.${i}.deputyId`,
          'Only a member whose deputy attended names one',
        );
      if (a.deputyId === a.personId)
        throw problems.field(`body.attendance.${i}.deputyId`, 'A member is not their own deputy');
    });
    const named: Record<string, string> = {};
    input.attendance.forEach((a, i) => {
      named[`body.attendance.${i}.personId`] = a.personId;
      if (a.deputyId) named[`body.attendance.${i}.deputyId`] = a.deputyId;
    });
    await checkActivePeople(s, named);
    const before = await s.tx
      .select()
      .from(attendance)
      .where(s.where(attendance, eq(attendance.meetingId, id)));
    await s.tx.delete(attendance).where(s.where(attendance, eq(attendance.meetingId, id)));
    if (input.attendance.length > 0)
      await s.tx.insert(attendance).values(
        input.attendance.map((a) => ({
          tenantId: s.tenantId,
          meetingId: id,
          personId: a.personId,
          status: a.status,
          deputyId: a.deputyId ?? null,
        })),
      );
    const after = await touch(s, meeting);
    await s.audit({
      entity: 'meeting',
      entityId: id,
      action: 'attendance',
      before: { attendance: before.map(({ tenantId: _t, meetingId: _m, ...a }) => a) },
      after: { attendance: input.attendance },
    });
    return after;
  });
}

// ---------------------------------------------------------------- decisions and justering

/**
 * Records a decision under an item through the decisions' own rules (§ unique per forum and year,
 * the diarienummer's pattern, links), in one transaction with the meeting's change.
 */
export function recordItemDecision(
  db: Database,
  actor: Actor,
  id: string,
  itemId: string,
  input: ItemDecisionCreate,
  seam?: LinkChecker,
) {
  let decidedOn = '';
  const work = inTenant(db, actor, async (s) => {
    const meeting = await openMeeting(s, id, input.version);
    await itemOf(s, id, itemId);
    decidedOn = meetingDate(meeting.startsAt);
    const { version: _version, ...fields } = input;
    const decision = await insertDecision(
      s,
      { ...fields, forumId: meeting.forumId, meetingId: id, agendaItemId: itemId, decidedOn },
      seam,
    );
    const after = await touch(s, meeting);
    return { meeting: after, decision };
  });
  // The message names the year, known only once the meeting is read.
  return work.catch((error) =>
    guardUnique(() => Promise.reject(error), 'body.paragraph', paragraphConflict(input.paragraph, decidedOn)),
  );
}

/** The chair or the justerare signs the minutes as they stand; the second signature locks them. */
export function adjustMinutes(db: Database, actor: Actor, id: string, version: number) {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, meetings, id);
    assertVersion(before, version, 'meeting');
    if (before!.archivedAt) throw problems.conflict('The meeting is archived; restore it first');
    if (before!.lockedAt) throw problems.conflict('The minutes are already justerade');
    if (!before!.adjusterId) throw problems.conflict('Name a justerare for the meeting first');
    if (!governancePolicy.adjust(actor, before!))
      throw problems.forbidden("Only the meeting's chair and its justerare justera the minutes");
    const now = new Date();
    const asChair = actor.personId === before!.chairId;
    if (asChair ? before!.chairAdjustedAt : before!.adjusterAdjustedAt)
      throw problems.conflict('You have already justerat these minutes');
    const chairAdjustedAt = asChair ? now : before!.chairAdjustedAt;
    const adjusterAdjustedAt = asChair ? before!.adjusterAdjustedAt : now;
    const [after] = await s
      .update(
        meetings,
        {
          chairAdjustedAt,
          adjusterAdjustedAt,
          lockedAt: chairAdjustedAt && adjusterAdjustedAt ? now : null,
          version: version + 1,
          updatedAt: now,
        },
        eq(meetings.id, id),
      )
      .returning();
    await s.audit({ entity: 'meeting', entityId: id, action: 'adjust', before, after });
    return after!;
  });
}

/** A correction of locked minutes: a new entry linked to the item, the item itself unchanged. */
export function correctItem(db: Database, actor: Actor, id: string, itemId: string, input: CorrectionCreate) {
  return inTenant(db, actor, async (s) => {
    const meeting = await lockRow(s, meetings, id);
    assertVersion(meeting, input.version, 'meeting');
    authorize(actor, meeting!.forumId);
    if (!meeting!.lockedAt)
      throw problems.conflict('The minutes are not justerade yet; change the item itself');
    const item = await itemOf(s, id, itemId);
    const [correction] = await s
      .insert(agendaItems, {
        id: newId(),
        meetingId: id,
        position: null,
        title: item.title,
        minutes: input.text,
        correctsId: itemId,
        createdBy: actor.personId,
        createdByName: actor.name,
      })
      .returning();
    // Only the version moves: the signatures and the lock stay, the correction is beside the text.
    const [after] = await s
      .update(meetings, { version: meeting!.version + 1, updatedAt: new Date() }, eq(meetings.id, id))
      .returning();
    await s.audit({ entity: 'meeting', entityId: id, action: 'correct', before: null, after: correction });
    return after!;
  });
}

// ---------------------------------------------------------------- reading

const fullName = (given: string | null | undefined, family: string | null | undefined) =>
  `${given ?? ''} ${family ?? ''}`.trim();

/** Meetings with their forum, items, decisions, corrections and attendance: a query per kind. */
export async function withDetails(
  db: Executor,
  tenantId: string,
  rows: MeetingRow[],
  seam?: Pick<Seam, 'agendaSource'>,
): Promise<MeetingView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const forumIds = [...new Set(rows.map((r) => r.forumId))];
  const [forumRows, itemRows, decisionRows, attendanceRows, memberRows] = await Promise.all([
    db
      .select({ id: forums.id, name: forums.name })
      .from(forums)
      .where(and(eq(forums.tenantId, tenantId), inArray(forums.id, forumIds))),
    db
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.tenantId, tenantId), inArray(agendaItems.meetingId, ids)))
      .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt)),
    db
      .select({
        id: decisions.id,
        meetingId: decisions.meetingId,
        agendaItemId: decisions.agendaItemId,
        paragraph: decisions.paragraph,
        year: decisions.year,
        title: decisions.title,
        text: decisions.text,
        registrationNumber: decisions.registrationNumber,
      })
      .from(decisions)
      .where(
        and(
          eq(decisions.tenantId, tenantId),
          inArray(decisions.meetingId, ids),
          isNotNull(decisions.agendaItemId),
          isNull(decisions.archivedAt),
        ),
      )
      .orderBy(asc(decisions.paragraph)),
    db
      .select()
      .from(attendance)
      .where(and(eq(attendance.tenantId, tenantId), inArray(attendance.meetingId, ids))),
    db
      .select()
      .from(forumMembers)
      .where(and(eq(forumMembers.tenantId, tenantId), inArray(forumMembers.forumId, forumIds)))
      .orderBy(asc(forumMembers.position)),
  ]);
  const personIds = new Set<string>();
  for (const r of rows) for (const p of [r.chairId, r.secretaryId, r.adjusterId]) if (p) personIds.add(p);
  for (const a of attendanceRows) {
    personIds.add(a.personId);
    if (a.deputyId) personIds.add(a.deputyId);
  }
  for (const m of memberRows) {
    personIds.add(m.personId);
    if (m.deputyId) personIds.add(m.deputyId);
  }
  const names = new Map<string, string>();
  if (personIds.size > 0) {
    const found = await db
      .select({ id: people.id, given: people.givenName, family: people.familyName })
      .from(people)
      .where(and(eq(people.tenantId, tenantId), inArray(people.id, [...personIds])));
    for (const p of found) names.set(p.id, fullName(p.given, p.family));
  }
  const refs = new Map<string, RecordRef>();
  const byKind = new Map<string, string[]>();
  for (const i of itemRows)
    if (i.sourceKind && i.sourceId)
      byKind.set(i.sourceKind, [...(byKind.get(i.sourceKind) ?? []), i.sourceId]);
  for (const [kind, kindIds] of byKind) {
    const source = seam?.agendaSource(kind);
    if (!source) continue;
    for (const [rid, ref] of await source.describe(db, tenantId, kindIds)) refs.set(`${kind}:${rid}`, ref);
  }
  const forumNames = new Map(forumRows.map((f) => [f.id, f.name]));
  return rows.map((row) => {
    const own = itemRows.filter((i) => i.meetingId === row.id);
    const recorded = attendanceRows.filter((a) => a.meetingId === row.id);
    const members = memberRows.filter((m) => m.forumId === row.forumId);
    const listed = new Set(members.map((m) => m.personId));
    return {
      ...row,
      forumName: forumNames.get(row.forumId) ?? '',
      names,
      items: own
        .filter((i) => !i.correctsId)
        .map((i) => ({
          ...i,
          ref: i.sourceKind && i.sourceId ? (refs.get(`${i.sourceKind}:${i.sourceId}`) ?? null) : null,
          decisions: decisionRows.filter((d) => d.agendaItemId === i.id),
          corrections: own.filter((c) => c.correctsId === i.id),
        })),
      // The forum's members in its order, then anyone recorded who is no longer a member.
      attendance: [
        ...members.map((m) => {
          const a = recorded.find((r) => r.personId === m.personId);
          return { personId: m.personId, status: a?.status ?? null, deputyId: a?.deputyId ?? null };
        }),
        ...recorded
          .filter((a) => !listed.has(a.personId))
          .map((a) => ({ personId: a.personId, status: a.status, deputyId: a.deputyId })),
      ],
    };
  });
}

export async function getMeeting(
  db: Database,
  actor: Actor,
  id: string,
  seam?: Pick<Seam, 'agendaSource'>,
): Promise<MeetingView> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(meetings)
    .where(s.where(meetings, eq(meetings.id, id)));
  if (!row) throw problems.notFound('meeting');
  return (await withDetails(db, actor.tenantId, [row], seam))[0]!;
}

/** Newest first, by start and id. */
const listKey: SortKey = {
  columns: [sql`${meetings.startsAt}`, sql`${meetings.id}`],
  types: ['timestamptz', 'uuid'],
};

export async function listMeetings(
  db: Database,
  actor: Actor,
  query: MeetingListQuery,
  seam?: Pick<Seam, 'agendaSource'>,
) {
  const s = readScope(db, actor);
  const rows = await db
    .select({ ...meetingColumns, ...sortKeyFields(listKey) })
    .from(meetings)
    .where(
      s.where(
        meetings,
        query.includeArchived ? undefined : isNull(meetings.archivedAt),
        query.forumId ? eq(meetings.forumId, query.forumId) : undefined,
        query.from ? sql`${meetings.startsAt} >= ${new Date(query.from).toISOString()}` : undefined,
        query.to ? sql`${meetings.startsAt} < ${new Date(query.to).toISOString()}` : undefined,
        // The place, the forum's name, or an item on the agenda ("the meeting that took up the policy").
        query.search
          ? sql`(${meetings.place} ilike ${likePattern(query.search)} or exists (select 1 from ${forums} f where f.tenant_id = ${meetings.tenantId} and f.id = ${meetings.forumId} and f.name ilike ${likePattern(query.search)}) or exists (select 1 from ${agendaItems} i where i.tenant_id = ${meetings.tenantId} and i.meeting_id = ${meetings.id} and i.title ilike ${likePattern(query.search)}))`
          : undefined,
        afterKey(listKey, query.cursor, true),
      ),
    )
    .orderBy(...keyOrder(listKey, true))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => sortKeyOfRow(listKey, r));
  const items = page.items.map((r) => withoutKey(r) as unknown as MeetingRow);
  return { items: await withDetails(db, actor.tenantId, items, seam), nextCursor: page.nextCursor };
}

const meetingColumns = {
  tenantId: meetings.tenantId,
  id: meetings.id,
  forumId: meetings.forumId,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  place: meetings.place,
  chairId: meetings.chairId,
  secretaryId: meetings.secretaryId,
  adjusterId: meetings.adjusterId,
  chairAdjustedAt: meetings.chairAdjustedAt,
  adjusterAdjustedAt: meetings.adjusterAdjustedAt,
  lockedAt: meetings.lockedAt,
  archivedAt: meetings.archivedAt,
  archiveReason: meetings.archiveReason,
  version: meetings.version,
  createdAt: meetings.createdAt,
  updatedAt: meetings.updatedAt,
};

/** The records waiting for the meeting's forum, by agenda source. */
export async function waitingRecords(db: Database, actor: Actor, id: string, seam: MeetingSeam) {
  const meeting = await getMeeting(db, actor, id);
  const items: { kind: string; records: AgendaRecord[] }[] = [];
  for (const source of seam.agendaSources)
    items.push({ kind: source.kind, records: await source.waiting(db, actor, meeting.forumId) });
  return { items };
}

/** Names and links of meetings by id (the audit trail). */
export async function meetingRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select({
      id: meetings.id,
      startsAt: meetings.startsAt,
      forumName: forums.name,
      archivedAt: meetings.archivedAt,
    })
    .from(meetings)
    .innerJoin(forums, and(eq(forums.tenantId, meetings.tenantId), eq(forums.id, meetings.forumId)))
    .where(and(eq(meetings.tenantId, tenantId), inArray(meetings.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: `${r.forumName} ${meetingDate(r.startsAt)}`,
        href: `/governance/meetings/${r.id}`,
        archived: r.archivedAt !== null,
      },
    ]),
  );
}

/** An agenda item that links a record (an agenda source's), with its meeting and the meeting's forum. */
export interface AgendaLink {
  itemId: string;
  meetingId: string;
  startsAt: Date;
  forumId: string;
  forumName: string;
  forumKind: string;
}

/**
 * The agenda items of meetings in force that link these records of an agenda source's kind (a
 * demand's "on the beredningsgrupp's agenda"), oldest meeting first: for the module that owns the
 * records, which reads governance through this service and not its tables.
 */
export async function agendaLinksOf(
  db: Executor,
  tenantId: string,
  kind: string,
  ids: readonly string[],
): Promise<Map<string, AgendaLink[]>> {
  const found = new Map<string, AgendaLink[]>();
  if (ids.length === 0) return found;
  const rows = await db
    .select({
      sourceId: agendaItems.sourceId,
      itemId: agendaItems.id,
      meetingId: meetings.id,
      startsAt: meetings.startsAt,
      forumId: forums.id,
      forumName: forums.name,
      forumKind: forums.kind,
    })
    .from(agendaItems)
    .innerJoin(
      meetings,
      and(eq(meetings.tenantId, agendaItems.tenantId), eq(meetings.id, agendaItems.meetingId)),
    )
    .innerJoin(forums, and(eq(forums.tenantId, meetings.tenantId), eq(forums.id, meetings.forumId)))
    .where(
      and(
        eq(agendaItems.tenantId, tenantId),
        eq(agendaItems.sourceKind, kind),
        inArray(agendaItems.sourceId, [...new Set(ids)]),
        isNull(agendaItems.correctsId),
        isNull(meetings.archivedAt),
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(agendaItems.id));
  for (const { sourceId, ...link } of rows) {
    const list = found.get(sourceId!) ?? [];
    list.push(link);
    found.set(sourceId!, list);
  }
  return found;
}

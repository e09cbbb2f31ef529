import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type {
  ForumCreate,
  ForumListQuery,
  ForumMemberInput,
  ForumUpdate,
} from '../../../../shared/governance/forums.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { checkActivePeople } from '../../../platform/directory/checks.ts';
import { people } from '../../../platform/directory/schema.ts';
import { grantInScope, revokeInScope, scopeHolders } from '../../../platform/directory/service.ts';
import { problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { sortNameCursor, toPage } from '../../../platform/pagination.ts';
import { type ArchiveInput, archiveRow, lockRow, restoreRow } from '../../../platform/records.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { forumMembers, forums } from './schema.ts';

// The rules of forums: the only writer of ./schema.ts. Everyone a forum names (chair, convener,
// secretary, members, deputies) holds `forumMember` in its scope, granted and revoked in the same
// transaction as the change and its audit event, so the roles page and every policy see one truth.

export type ForumRow = typeof forums.$inferSelect;
export interface ForumView extends ForumRow {
  chairName: string | null;
  convenerName: string | null;
  secretaryName: string | null;
  members: { personId: string; name: string; deputyId: string | null; deputyName: string | null }[];
}

export const FORUM_MEMBER = 'forumMember' as const;
export const FORUM = 'forum';

/** The officers, members and deputies of a forum: everyone who holds forumMember in it. */
function namedPeople(
  row: Pick<ForumRow, 'chairId' | 'convenerId' | 'secretaryId'>,
  members: ForumMemberInput[],
) {
  const named = new Map<string, string>();
  const add = (id: string | null | undefined, field: string) => {
    if (id && !named.has(id)) named.set(id, field);
  };
  add(row.chairId, 'body.chairId');
  add(row.convenerId, 'body.convenerId');
  add(row.secretaryId, 'body.secretaryId');
  members.forEach((m, i) => {
    add(m.personId, `body.members.${i}.personId`);
    add(m.deputyId, `body.members.${i}.deputyId`);
  });
  return named;
}

/** The people a forum names, each by its first field, as checkActivePeople takes them. */
const checkPeople = (s: TenantScope, named: Map<string, string>) =>
  checkActivePeople(s, Object.fromEntries([...named].map(([id, field]) => [field, id])));

function checkMembers(members: ForumMemberInput[]) {
  members.forEach((m, i) => {
    if (m.deputyId && m.deputyId === m.personId)
      throw problems.field(`body.members.${i}.deputyId`, 'A member is not their own deputy');
  });
}

function checkMeetings(row: { meetingsPerYear: number; meetingsPerYearMax?: number | null }) {
  if (row.meetingsPerYearMax != null && row.meetingsPerYearMax < row.meetingsPerYear)
    throw problems.field('body.meetingsPerYearMax', 'At most is less than at least');
}

/**
 * Grants forumMember in the forum to everyone it names now and revokes it from those it no longer
 * names. A grant checks that the person is active in the tenant (another tenant's id is refused,
 * naming the field).
 */
async function syncGrants(s: TenantScope, row: ForumRow, members: ForumMemberInput[]) {
  const named = row.archivedAt ? new Map<string, string>() : namedPeople(row, members);
  const held = await scopeHolders(s.tx, s.tenantId, FORUM_MEMBER, FORUM, [row.id]);
  for (const h of held) if (!named.has(h.personId)) await revokeInScope(s, h.grantId);
  const holding = new Set(held.map((h) => h.personId));
  for (const [personId, field] of named) {
    if (holding.has(personId)) continue;
    await grantInScope(
      s,
      { personId, role: FORUM_MEMBER, scope: FORUM, scopeId: row.id, scopeName: row.name },
      field,
    );
  }
}

async function writeMembers(s: TenantScope, forumId: string, members: ForumMemberInput[]) {
  await s.tx.delete(forumMembers).where(s.where(forumMembers, eq(forumMembers.forumId, forumId)));
  if (members.length === 0) return;
  await s.tx.insert(forumMembers).values(
    members.map((m, position) => ({
      tenantId: s.tenantId,
      forumId,
      personId: m.personId,
      deputyId: m.deputyId ?? null,
      position,
    })),
  );
}

async function membersOf(db: Executor, tenantId: string, forumId: string): Promise<ForumMemberInput[]> {
  const rows = await db
    .select({ personId: forumMembers.personId, deputyId: forumMembers.deputyId })
    .from(forumMembers)
    .where(and(eq(forumMembers.tenantId, tenantId), eq(forumMembers.forumId, forumId)))
    .orderBy(asc(forumMembers.position));
  return rows;
}

export function createForum(db: Database, actor: Actor, input: ForumCreate): Promise<ForumRow> {
  return inTenant(db, actor, async (s) => {
    const { members = [], ...fields } = input;
    checkMeetings(fields);
    checkMembers(members);
    const values = {
      ...fields,
      meetingsPerYearMax: fields.meetingsPerYearMax ?? null,
      mandate: fields.mandate ?? null,
      chairId: fields.chairId ?? null,
      convenerId: fields.convenerId ?? null,
      secretaryId: fields.secretaryId ?? null,
      decisionClasses: fields.decisionClasses ?? [],
    };
    await checkPeople(s, namedPeople(values, members));
    const [row] = await s.insert(forums, { id: newId(), ...values }).returning();
    await writeMembers(s, row!.id, members);
    await syncGrants(s, row!, members);
    await s.audit({ entity: 'forum', entityId: row!.id, action: 'create', after: { ...row, members } });
    return row!;
  });
}

export function updateForum(db: Database, actor: Actor, id: string, input: ForumUpdate): Promise<ForumRow> {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, forums, id);
    assertVersion(before, input.version, 'forum');
    if (before!.archivedAt) throw problems.conflict('The forum is archived; restore it first');
    const { version, members: newMembers, ...changes } = input;
    const defined = definedOnly(changes);
    const merged = { ...before!, ...defined };
    checkMeetings(merged);
    const beforeMembers = await membersOf(s.tx, s.tenantId, id);
    const members = newMembers ?? beforeMembers;
    checkMembers(members);
    await checkPeople(s, namedPeople(merged, members));
    const [after] = await s
      .update(forums, { ...defined, version: version + 1, updatedAt: new Date() }, eq(forums.id, id))
      .returning();
    if (newMembers) await writeMembers(s, id, newMembers);
    await syncGrants(s, after!, members);
    await s.audit({
      entity: 'forum',
      entityId: id,
      action: 'update',
      before: { ...before, members: beforeMembers },
      after: { ...after, members },
    });
    return after!;
  });
}

export function archiveForum(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  return inTenant(db, actor, async (s) => {
    const row = await archiveRow(s, forums, id, input, { entity: 'forum', noun: 'forum' });
    // An archived forum names no one: its members' grants end with it.
    await syncGrants(s, row, []);
    return row;
  });
}

export function restoreForum(db: Database, actor: Actor, id: string, version: number) {
  return inTenant(db, actor, async (s) => {
    const row = await restoreRow(s, forums, id, { version }, { entity: 'forum', noun: 'forum' });
    await syncGrants(s, row, await membersOf(s.tx, s.tenantId, id));
    return row;
  });
}

const fullName = (given: string | null | undefined, family: string | null | undefined) =>
  given ? `${given} ${family ?? ''}`.trim() : null;

/** Forums with the names of the people they name, two queries however many forums. */
async function withNames(db: Executor, tenantId: string, rows: ForumRow[]): Promise<ForumView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const members = await db
    .select()
    .from(forumMembers)
    .where(and(eq(forumMembers.tenantId, tenantId), inArray(forumMembers.forumId, ids)))
    .orderBy(asc(forumMembers.forumId), asc(forumMembers.position));
  const personIds = new Set<string>();
  for (const r of rows) for (const p of [r.chairId, r.convenerId, r.secretaryId]) if (p) personIds.add(p);
  for (const m of members) {
    personIds.add(m.personId);
    if (m.deputyId) personIds.add(m.deputyId);
  }
  const names = new Map<string, string>();
  if (personIds.size > 0) {
    const found = await db
      .select({ id: people.id, given: people.givenName, family: people.familyName })
      .from(people)
      .where(and(eq(people.tenantId, tenantId), inArray(people.id, [...personIds])));
    for (const p of found) names.set(p.id, fullName(p.given, p.family) ?? '');
  }
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return rows.map((row) => ({
    ...row,
    chairName: name(row.chairId),
    convenerName: name(row.convenerId),
    secretaryName: name(row.secretaryId),
    members: members
      .filter((m) => m.forumId === row.id)
      .map((m) => ({
        personId: m.personId,
        name: name(m.personId) ?? '',
        deputyId: m.deputyId,
        deputyName: name(m.deputyId),
      })),
  }));
}

export async function getForum(db: Database, actor: Actor, id: string): Promise<ForumView> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(forums)
    .where(s.where(forums, eq(forums.id, id)));
  if (!row) throw problems.notFound('forum');
  return (await withNames(db, actor.tenantId, [row]))[0]!;
}

export async function listForums(db: Database, actor: Actor, query: ForumListQuery) {
  const s = readScope(db, actor);
  const { afterName, afterId } = sortNameCursor(query.cursor);
  const sitsIn: SQL | undefined = query.personId
    ? or(
        eq(forums.chairId, query.personId),
        eq(forums.convenerId, query.personId),
        eq(forums.secretaryId, query.personId),
        sql`exists (select 1 from ${forumMembers} m where m.tenant_id = ${forums.tenantId} and m.forum_id = ${forums.id} and (m.person_id = ${query.personId} or m.deputy_id = ${query.personId}))`,
      )
    : undefined;
  const rows = await db
    .select()
    .from(forums)
    .where(
      s.where(
        forums,
        query.includeArchived ? undefined : isNull(forums.archivedAt),
        query.kind ? eq(forums.kind, query.kind) : undefined,
        query.decisionClass ? sql`${query.decisionClass} = any(${forums.decisionClasses})` : undefined,
        sitsIn,
        query.search ? sql`${forums.name} ilike ${likePattern(query.search)}` : undefined,
        afterName !== undefined
          ? or(
              sql`${forums.sortName} > ${afterName}`,
              and(sql`${forums.sortName} = ${afterName}`, sql`${forums.id} > ${afterId}`),
            )
          : undefined,
      ),
    )
    .orderBy(asc(forums.sortName), asc(forums.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.sortName, r.id]);
  return { items: await withNames(db, actor.tenantId, page.items), nextCursor: page.nextCursor };
}

/** Refuses a forum that is not active in the scope's tenant, naming the field. */
export async function checkForum(s: TenantScope, id: string, field: string): Promise<ForumRow> {
  const [row] = await s.tx
    .select()
    .from(forums)
    .where(s.where(forums, eq(forums.id, id), isNull(forums.archivedAt)));
  if (!row) throw problems.field(field, 'No such active forum');
  return row;
}

/** Names and links of forums by id (the audit trail, role scopes). */
export async function forumRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({ id: forums.id, name: forums.name, archivedAt: forums.archivedAt })
    .from(forums)
    .where(and(eq(forums.tenantId, tenantId), inArray(forums.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, href: `/governance/forums/${r.id}`, archived: r.archivedAt !== null },
    ]),
  );
}

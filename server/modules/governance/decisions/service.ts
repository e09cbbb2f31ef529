import { and, asc, eq, getTableColumns, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import {
  type DecisionCreate,
  type DecisionLinkInput,
  type DecisionListQuery,
  type DecisionUpdate,
  followsPattern,
} from '../../../../shared/governance/decisions.ts';
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
import type { RecordRef, Seam } from '../../../platform/seam.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { forums } from '../forums/schema.ts';
import { checkForum } from '../forums/service.ts';
import { checkLinkedDecisionOpen, checkMeetingLink } from '../meetings/lock.ts';
import { governancePolicy } from '../policy.ts';
import { scheduleFollowUp } from './reminders.ts';
import { decisionLinks, decisions } from './schema.ts';
import { governanceSettingsOf } from './settings.ts';

// The rules of decisions: the only writer of the decisions and their links. A § is unique per body
// and year by the database's unique index (parallel requests cannot both pass); the diarienummer
// follows the tenant's templates; links name any record, checked through the seam where the
// record's module is present; the responsible person is reminded once on the follow-up date.

export type DecisionRow = typeof decisions.$inferSelect;
export interface DecisionView extends DecisionRow {
  forumName: string | null;
  responsibleName: string | null;
  links: { kind: string; id: string; ref: RecordRef | null }[];
}

/** What the service needs of the seam: the records of other modules, by kind. */
export type LinkChecker = Pick<Seam, 'auditEntity'>;

const DUPLICATE = (paragraph: number, year: number) =>
  `§ ${paragraph} is already recorded for this body in ${year}`;

const yearOf = (date: string) => Number(date.slice(0, 4));

/** What a decision's justerade minutes state, unchangeable once they are locked. */
const lockedFields = [
  'forumId',
  'body',
  'meetingId',
  'agendaItemId',
  'decidedOn',
  'paragraph',
  'title',
  'text',
] as const;

/** Refuses a forum and an external body together, or neither. */
function checkBody(values: { forumId?: string | null; body?: string | null }) {
  const hasForum = !!values.forumId;
  const hasBody = !!values.body?.trim();
  if (hasForum === hasBody)
    throw problems.field(hasForum ? 'body.body' : 'body.forumId', 'Name either a forum or an external body');
}

async function checkRegistration(s: TenantScope, value: string | null | undefined) {
  if (!value) return;
  const { registrationPatterns } = await governanceSettingsOf(s.tx, s.tenantId);
  if (!followsPattern(value, registrationPatterns))
    throw problems.field(
      'body.registrationNumber',
      `The diarienummer does not follow the pattern ${registrationPatterns.join(' or ')}`,
    );
}

const checkResponsible = (s: TenantScope, id: string | null | undefined) =>
  checkActivePeople(s, { 'body.responsibleId': id });

/**
 * Checks each link whose kind a module registers (its record must exist in the tenant); a kind
 * whose module is not present is kept as given. A decision does not link to itself.
 */
async function checkLinks(
  s: TenantScope,
  links: DecisionLinkInput[],
  seam: LinkChecker | undefined,
  self?: string,
) {
  const byKind = new Map<string, { id: string; index: number }[]>();
  links.forEach((l, index) => {
    if (l.kind === 'decision' && l.id === self)
      throw problems.field(`body.links.${index}.id`, 'A decision does not link to itself');
    byKind.set(l.kind, [...(byKind.get(l.kind) ?? []), { id: l.id, index }]);
  });
  for (const [kind, items] of byKind) {
    const describe =
      kind === 'decision' ? decisionRefs : kind === 'forum' ? undefined : seam?.auditEntity(kind)?.describe;
    const found =
      kind === 'forum'
        ? new Set(
            (
              await s.tx
                .select({ id: forums.id })
                .from(forums)
                .where(
                  s.where(
                    forums,
                    inArray(
                      forums.id,
                      items.map((i) => i.id),
                    ),
                  ),
                )
            ).map((r) => r.id),
          )
        : describe
          ? new Set(
              (
                await describe(
                  s.tx,
                  s.tenantId,
                  items.map((i) => i.id),
                )
              ).keys(),
            )
          : undefined;
    if (!found) continue;
    for (const item of items)
      if (!found.has(item.id)) throw problems.field(`body.links.${item.index}.id`, `No such ${kind}`);
  }
}

async function writeLinks(s: TenantScope, decisionId: string, links: DecisionLinkInput[]) {
  await s.tx.delete(decisionLinks).where(s.where(decisionLinks, eq(decisionLinks.decisionId, decisionId)));
  if (links.length === 0) return;
  await s.tx.insert(decisionLinks).values(
    links.map((l, position) => ({
      tenantId: s.tenantId,
      decisionId,
      kind: l.kind,
      recordId: l.id,
      position,
    })),
  );
}

async function linksOf(db: Executor, tenantId: string, decisionId: string): Promise<DecisionLinkInput[]> {
  const rows = await db
    .select({ kind: decisionLinks.kind, id: decisionLinks.recordId })
    .from(decisionLinks)
    .where(and(eq(decisionLinks.tenantId, tenantId), eq(decisionLinks.decisionId, decisionId)))
    .orderBy(asc(decisionLinks.position));
  return rows as DecisionLinkInput[];
}

/** May the actor record decisions of this body (a forum's members their forum's). */
function authorize(actor: Actor, forumId: string | null) {
  if (!governancePolicy.recordDecision(actor, forumId)) throw problems.forbidden();
}

export function createDecision(
  db: Database,
  actor: Actor,
  input: DecisionCreate,
  seam?: LinkChecker,
): Promise<DecisionRow> {
  return guardUnique(
    () => inTenant(db, actor, (s) => insertDecision(s, input, seam)),
    'body.paragraph',
    DUPLICATE(input.paragraph, yearOf(input.decidedOn)),
  );
}

/**
 * Records a decision in the scope's transaction (a meeting records one from an agenda item in its
 * own). The caller answers a unique violation with guardUnique and paragraphConflict.
 */
export async function insertDecision(
  s: TenantScope,
  input: DecisionCreate,
  seam?: LinkChecker,
): Promise<DecisionRow> {
  const { links = [], ...fields } = input;
  checkBody(fields);
  authorize(s.actor, fields.forumId ?? null);
  if (fields.forumId) await checkForum(s, fields.forumId, 'body.forumId');
  await checkMeetingLink(s, {
    forumId: fields.forumId ?? null,
    meetingId: fields.meetingId ?? null,
    agendaItemId: fields.agendaItemId ?? null,
  });
  await checkRegistration(s, fields.registrationNumber);
  await checkResponsible(s, fields.responsibleId);
  const id = newId();
  await checkLinks(s, links, seam, id);
  const [row] = await s
    .insert(decisions, {
      id,
      forumId: fields.forumId ?? null,
      body: fields.forumId ? null : fields.body!.trim(),
      meetingId: fields.meetingId ?? null,
      agendaItemId: fields.agendaItemId ?? null,
      decidedOn: fields.decidedOn,
      paragraph: fields.paragraph,
      title: fields.title || null,
      text: fields.text,
      registrationNumber: fields.registrationNumber || null,
      status: fields.status ?? 'notStarted',
      responsibleId: fields.responsibleId ?? null,
      followUpOn: fields.followUpOn ?? null,
    })
    .returning();
  await writeLinks(s, id, links);
  await s.audit({ entity: 'decision', entityId: id, action: 'create', after: { ...row, links } });
  await scheduleFollowUp(s, row!);
  return row!;
}

/** The 409 of a § already taken by the body in the year. */
export const paragraphConflict = (paragraph: number, decidedOn: string) =>
  DUPLICATE(paragraph, yearOf(decidedOn));

export async function updateDecision(
  db: Database,
  actor: Actor,
  id: string,
  input: DecisionUpdate,
  seam?: LinkChecker,
): Promise<DecisionRow> {
  let paragraph = input.paragraph;
  let year = input.decidedOn ? yearOf(input.decidedOn) : undefined;
  try {
    return await inTenant(db, actor, async (s) => {
      const before = await lockRow(s, decisions, id);
      assertVersion(before, input.version, 'decision');
      authorize(actor, before!.forumId);
      if (before!.archivedAt) throw problems.conflict('The decision is archived; restore it first');
      const { version, links: newLinks, ...changes } = input;
      const defined = definedOnly(changes);
      const merged = { ...before!, ...defined };
      if ('forumId' in defined || 'body' in defined) {
        // Naming one clears the other, so a PATCH may move a decision from a forum to an external body.
        if (defined.forumId) merged.body = null;
        else if (defined.body) merged.forumId = null;
      }
      checkBody(merged);
      authorize(actor, merged.forumId);
      // Justerade minutes say which body decided what, when, under which § and item; the
      // execution (status, responsible, follow-up) and the links go on changing.
      if (lockedFields.some((f) => f in defined && defined[f] !== before![f]))
        await checkLinkedDecisionOpen(s, before!.meetingId);
      if (
        merged.meetingId !== before!.meetingId ||
        merged.agendaItemId !== before!.agendaItemId ||
        merged.forumId !== before!.forumId
      )
        await checkMeetingLink(s, merged);
      if (merged.forumId && merged.forumId !== before!.forumId)
        await checkForum(s, merged.forumId, 'body.forumId');
      if ('registrationNumber' in defined) await checkRegistration(s, defined.registrationNumber);
      if ('responsibleId' in defined) await checkResponsible(s, defined.responsibleId);
      const beforeLinks = await linksOf(s.tx, s.tenantId, id);
      if (newLinks) await checkLinks(s, newLinks, seam, id);
      paragraph = merged.paragraph;
      year = yearOf(merged.decidedOn);
      const [after] = await s
        .update(
          decisions,
          {
            forumId: merged.forumId,
            body: merged.forumId ? null : (merged.body?.trim() ?? null),
            meetingId: merged.meetingId,
            agendaItemId: merged.agendaItemId,
            decidedOn: merged.decidedOn,
            paragraph: merged.paragraph,
            title: merged.title || null,
            text: merged.text,
            registrationNumber: merged.registrationNumber || null,
            status: merged.status,
            responsibleId: merged.responsibleId,
            followUpOn: merged.followUpOn,
            version: version + 1,
            updatedAt: new Date(),
          },
          eq(decisions.id, id),
        )
        .returning();
      if (newLinks) await writeLinks(s, id, newLinks);
      await s.audit({
        entity: 'decision',
        entityId: id,
        action: 'update',
        before: { ...before, links: beforeLinks },
        after: { ...after, links: newLinks ?? beforeLinks },
      });
      await scheduleFollowUp(s, after!);
      return after!;
    });
  } catch (error) {
    return guardUnique(() => Promise.reject(error), 'body.paragraph', DUPLICATE(paragraph ?? 0, year ?? 0));
  }
}

export function archiveDecision(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  return inTenant(db, actor, async (s) => {
    const [row] = await s.tx
      .select({ forumId: decisions.forumId, meetingId: decisions.meetingId })
      .from(decisions)
      .where(s.where(decisions, eq(decisions.id, id)));
    if (row) authorize(actor, row.forumId);
    if (row) await checkLinkedDecisionOpen(s, row.meetingId);
    return archiveRow(s, decisions, id, input, { entity: 'decision', noun: 'decision' });
  });
}

export function restoreDecision(db: Database, actor: Actor, id: string, version: number) {
  return guardUnique(
    () =>
      inTenant(db, actor, async (s) => {
        const [row] = await s.tx
          .select({ forumId: decisions.forumId, meetingId: decisions.meetingId })
          .from(decisions)
          .where(s.where(decisions, eq(decisions.id, id)));
        if (row) authorize(actor, row.forumId);
        if (row) await checkLinkedDecisionOpen(s, row.meetingId);
        const restored = await restoreRow(
          s,
          decisions,
          id,
          { version },
          { entity: 'decision', noun: 'decision' },
        );
        await scheduleFollowUp(s, restored);
        return restored;
      }),
    'body.paragraph',
    'Another decision has this § of the body and year; change one of them first',
  );
}

const fullName = (given: string | null | undefined, family: string | null | undefined) =>
  given ? `${given} ${family ?? ''}`.trim() : null;

/** Decisions with their forum's and responsible's names and their links, a query per kind. */
export async function withNames(
  db: Executor,
  tenantId: string,
  rows: DecisionRow[],
  seam?: LinkChecker,
): Promise<DecisionView[]> {
  if (rows.length === 0) return [];
  const forumIds = [...new Set(rows.map((r) => r.forumId).filter(Boolean))] as string[];
  const personIds = [...new Set(rows.map((r) => r.responsibleId).filter(Boolean))] as string[];
  const [forumRows, personRows] = await Promise.all([
    forumIds.length
      ? db
          .select({ id: forums.id, name: forums.name })
          .from(forums)
          .where(and(eq(forums.tenantId, tenantId), inArray(forums.id, forumIds)))
      : [],
    personIds.length
      ? db
          .select({ id: people.id, given: people.givenName, family: people.familyName })
          .from(people)
          .where(and(eq(people.tenantId, tenantId), inArray(people.id, personIds)))
      : [],
  ]);
  const forumNames = new Map(forumRows.map((f) => [f.id, f.name]));
  const personNames = new Map(personRows.map((p) => [p.id, fullName(p.given, p.family)]));
  return withLinks(
    db,
    tenantId,
    rows.map((row) => ({
      ...row,
      forumName: row.forumId ? (forumNames.get(row.forumId) ?? null) : null,
      responsibleName: row.responsibleId ? (personNames.get(row.responsibleId) ?? null) : null,
    })),
    seam,
  );
}

type NamedRow = Omit<DecisionView, 'links'>;

/** Named decisions with their links: one query for the links, then one per kind for their names. */
async function withLinks(
  db: Executor,
  tenantId: string,
  rows: NamedRow[],
  seam?: LinkChecker,
): Promise<DecisionView[]> {
  if (rows.length === 0) return [];
  const linkRows = await db
    .select()
    .from(decisionLinks)
    .where(
      and(
        eq(decisionLinks.tenantId, tenantId),
        inArray(
          decisionLinks.decisionId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(decisionLinks.decisionId), asc(decisionLinks.position));
  const refs = new Map<string, RecordRef>();
  const byKind = new Map<string, string[]>();
  for (const l of linkRows) byKind.set(l.kind, [...(byKind.get(l.kind) ?? []), l.recordId]);
  for (const [kind, kindIds] of byKind) {
    const describe =
      kind === 'decision' ? decisionRefs : kind === 'forum' ? forumRefsOf : seam?.auditEntity(kind)?.describe;
    if (!describe) continue;
    for (const [rid, ref] of await describe(db, tenantId, kindIds)) refs.set(`${kind}:${rid}`, ref);
  }
  const linksOfRow = new Map<string, DecisionView['links']>();
  for (const l of linkRows) {
    const list = linksOfRow.get(l.decisionId) ?? [];
    list.push({ kind: l.kind, id: l.recordId, ref: refs.get(`${l.kind}:${l.recordId}`) ?? null });
    linksOfRow.set(l.decisionId, list);
  }
  return rows.map((row) => ({ ...row, links: linksOfRow.get(row.id) ?? [] }));
}

async function forumRefsOf(db: Executor, tenantId: string, ids: readonly string[]) {
  const rows = await db
    .select({ id: forums.id, name: forums.name, archivedAt: forums.archivedAt })
    .from(forums)
    .where(and(eq(forums.tenantId, tenantId), inArray(forums.id, [...ids])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, href: `/governance/forums/${r.id}`, archived: r.archivedAt !== null },
    ]),
  );
}

export async function getDecision(
  db: Database,
  actor: Actor,
  id: string,
  seam?: LinkChecker,
): Promise<DecisionView> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(decisions)
    .where(s.where(decisions, eq(decisions.id, id)));
  if (!row) throw problems.notFound('decision');
  return (await withNames(db, actor.tenantId, [row], seam))[0]!;
}

/** The log's order: newest first, by date, §, id. */
const logKey: SortKey = {
  columns: [sql`${decisions.decidedOn}`, sql`${decisions.paragraph}`, sql`${decisions.id}`],
  types: ['date', 'int', 'uuid'],
};

/** A year and a number joined by / or -: the shape of every diarienummer ("KS 2024/12", "Dnr 2024-12"). */
const REGISTRATION_SHAPE = /\d{4}\s*[/-]\s*\d+/;

/** A diarienummer (its digits and separators) matched as typed, else Swedish full text. */
function searchCondition(term: string): SQL {
  // A term shaped as a diarienummer is looked up by it alone (the trigram index). Full text as well
  // would match its words ("ks" is in every KS decision, "2024" in a year's) through long posting
  // lists: at 50,000 decisions that made such a search 5–60 ms, too slow for 100 a second.
  if (REGISTRATION_SHAPE.test(term))
    return sql`${decisions.registrationNumber} ilike ${likePattern(term.trim())}`;
  const text = sql`${decisions.searchText} @@ websearch_to_tsquery('swedish', ${term})`;
  if (!/\d/.test(term)) return text;
  return sql`(${text} or ${decisions.registrationNumber} ilike ${likePattern(term.trim())})`;
}

export async function listDecisions(
  db: Database,
  actor: Actor,
  query: DecisionListQuery,
  seam?: LinkChecker,
) {
  const s = readScope(db, actor);
  // The forum's and the responsible person's names joined here, not fetched after: a page of the
  // log is two statements (the page, its links), which is what a search at 100 a second costs.
  const rows = await db
    .select({
      ...decisionColumns,
      forumName: forums.name,
      responsibleGiven: people.givenName,
      responsibleFamily: people.familyName,
      ...sortKeyFields(logKey),
    })
    .from(decisions)
    .leftJoin(forums, and(eq(forums.tenantId, decisions.tenantId), eq(forums.id, decisions.forumId)))
    .leftJoin(people, and(eq(people.tenantId, decisions.tenantId), eq(people.id, decisions.responsibleId)))
    .where(
      s.where(
        decisions,
        query.includeArchived ? undefined : isNull(decisions.archivedAt),
        query.forumId ? eq(decisions.forumId, query.forumId) : undefined,
        query.body ? sql`${decisions.bodyKey} = ${`ext:${query.body.trim().toLowerCase()}`}` : undefined,
        query.year ? eq(decisions.year, query.year) : undefined,
        query.status ? eq(decisions.status, query.status) : undefined,
        query.responsibleId ? eq(decisions.responsibleId, query.responsibleId) : undefined,
        query.linkKind || query.linkId
          ? sql`exists (select 1 from ${decisionLinks} l where l.tenant_id = ${decisions.tenantId} and l.decision_id = ${decisions.id}${query.linkKind ? sql` and l.kind = ${query.linkKind}` : sql``}${query.linkId ? sql` and l.record_id = ${query.linkId}` : sql``})`
          : undefined,
        query.search ? searchCondition(query.search) : undefined,
        afterKey(logKey, query.cursor, true),
      ),
    )
    .orderBy(...keyOrder(logKey, true))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => sortKeyOfRow(logKey, r));
  const items = page.items.map((r) => {
    const { responsibleGiven, responsibleFamily, ...row } = withoutKey(r);
    return {
      ...(row as unknown as DecisionRow),
      forumName: row.forumName,
      responsibleName: fullName(responsibleGiven, responsibleFamily),
    };
  });
  return { items: await withLinks(db, actor.tenantId, items, seam), nextCursor: page.nextCursor };
}

// Every column but the search vector, which no reader needs.
const { searchText: _searchText, ...decisionColumns } = getTableColumns(decisions);

/** The external bodies used in the tenant, most used first (the form's suggestions). */
export async function decisionBodies(db: Database, actor: Actor): Promise<string[]> {
  const rows = await db
    .select({ body: sql<string>`min(${decisions.body})`, n: sql<number>`count(*)::int` })
    .from(decisions)
    .where(and(eq(decisions.tenantId, actor.tenantId), sql`${decisions.body} is not null`))
    .groupBy(decisions.bodyKey)
    .orderBy(sql`count(*) desc`, sql`min(${decisions.body})`)
    .limit(50);
  return rows.map((r) => r.body);
}

/** Names and links of decisions by id (the audit trail, links). */
export async function decisionRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select({
      id: decisions.id,
      paragraph: decisions.paragraph,
      year: decisions.year,
      title: decisions.title,
      body: decisions.body,
      forumName: forums.name,
      archivedAt: decisions.archivedAt,
    })
    .from(decisions)
    .leftJoin(forums, and(eq(forums.tenantId, decisions.tenantId), eq(forums.id, decisions.forumId)))
    .where(and(eq(decisions.tenantId, tenantId), inArray(decisions.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: `${r.forumName ?? r.body} ${r.year} § ${r.paragraph}${r.title ? ` ${r.title}` : ''}`,
        href: `/governance/decisions/${r.id}`,
        archived: r.archivedAt !== null,
      },
    ]),
  );
}

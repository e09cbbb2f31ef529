import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type {
  DocumentCreate,
  DocumentListQuery,
  DocumentUpdate,
} from '../../../../shared/governance/documents.ts';
import { monthsFrom } from '../../../../shared/registry/contracts.ts';
import type { Database, Executor } from '../../../db/client.ts';
import { isStaff } from '../../../platform/authz.ts';
import type { Actor } from '../../../platform/context.ts';
import { checkActivePeople } from '../../../platform/directory/checks.ts';
import { people } from '../../../platform/directory/schema.ts';
import { problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { sortNameCursor, toPage } from '../../../platform/pagination.ts';
import { type ArchiveInput, archiveRow, lockRow, restoreRow } from '../../../platform/records.ts';
import type { RecordRef } from '../../../platform/seam.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { decisions } from '../decisions/schema.ts';
import { decisionRefs } from '../decisions/service.ts';
import { scheduleReviewReminder } from './reminders.ts';
import { governingDocuments as documents } from './schema.ts';

// The rules of governing documents: the only writer of ./schema.ts. The next review is counted
// from validFrom and the interval when not given; a parent is a document of the same tenant that
// is not the document itself nor under it; the owner is reminded before the review, once. Staff
// read every document; everyone else signed in reads those in force (the public list).

export type DocumentRow = typeof documents.$inferSelect;
export interface DocumentView extends DocumentRow {
  ownerName: string | null;
  adoptedByName: string | null;
  parentTitle: string | null;
}

const MAX_DEPTH = 20;

/** The next review: as given, else validFrom (or today) plus the interval, else none. */
function nextReview(v: Pick<DocumentRow, 'nextReviewOn' | 'validFrom' | 'reviewIntervalMonths'>) {
  if (v.nextReviewOn) return v.nextReviewOn;
  if (!v.reviewIntervalMonths) return null;
  return monthsFrom(v.validFrom ?? todayInStockholm(), v.reviewIntervalMonths);
}

async function checkReferences(s: TenantScope, v: Partial<DocumentCreate>, self?: string) {
  await checkActivePeople(s, { 'body.ownerId': v.ownerId });
  if (v.adoptedById) {
    const [row] = await s.tx
      .select({ id: decisions.id })
      .from(decisions)
      .where(s.where(decisions, eq(decisions.id, v.adoptedById)));
    if (!row) throw problems.field('body.adoptedById', 'No such decision');
  }
  if (v.parentId) {
    // Up from the parent: the document itself must not be met (no cycles), nor an unknown id.
    let at: string | null = v.parentId;
    for (let depth = 0; at; depth++) {
      if (at === self) throw problems.field('body.parentId', 'A document cannot sit under itself');
      if (depth > MAX_DEPTH) throw problems.field('body.parentId', 'The hierarchy is too deep');
      const [row]: { parentId: string | null }[] = await s.tx
        .select({ parentId: documents.parentId })
        .from(documents)
        .where(s.where(documents, eq(documents.id, at)));
      if (!row) throw problems.field('body.parentId', 'No such document');
      at = row.parentId;
    }
  }
}

function checkDates(v: { validFrom?: string | null; validTo?: string | null }) {
  if (v.validFrom && v.validTo && v.validTo < v.validFrom)
    throw problems.field('body.validTo', 'Valid to is before valid from');
}

export function createDocument(db: Database, actor: Actor, input: DocumentCreate): Promise<DocumentRow> {
  return inTenant(db, actor, async (s) => {
    checkDates(input);
    await checkReferences(s, input);
    const values = {
      kind: input.kind,
      title: input.title,
      description: input.description ?? null,
      ownerId: input.ownerId ?? null,
      adoptedById: input.adoptedById ?? null,
      validFrom: input.validFrom ?? null,
      validTo: input.validTo ?? null,
      reviewIntervalMonths: input.reviewIntervalMonths ?? null,
      reviewReminderDays: input.reviewReminderDays ?? 30,
      status: input.status ?? 'draft',
      parentId: input.parentId ?? null,
    };
    const [row] = await s
      .insert(documents, {
        id: newId(),
        ...values,
        nextReviewOn: nextReview({ ...values, nextReviewOn: input.nextReviewOn ?? null }),
      })
      .returning();
    await s.audit({ entity: 'governingDocument', entityId: row!.id, action: 'create', after: row });
    await scheduleReviewReminder(s, row!);
    return row!;
  });
}

export function updateDocument(
  db: Database,
  actor: Actor,
  id: string,
  input: DocumentUpdate,
): Promise<DocumentRow> {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, documents, id);
    assertVersion(before, input.version, 'governingDocument');
    if (before!.archivedAt) throw problems.conflict('The document is archived; restore it first');
    const { version, ...changes } = input;
    const defined = definedOnly(changes);
    const merged = { ...before!, ...defined };
    checkDates(merged);
    await checkReferences(s, defined, id);
    // A new interval or start without a new date counts the next review again.
    const recount =
      !('nextReviewOn' in defined) && ('reviewIntervalMonths' in defined || 'validFrom' in defined);
    const nextReviewOn = recount ? nextReview({ ...merged, nextReviewOn: null }) : merged.nextReviewOn;
    const [after] = await s
      .update(
        documents,
        { ...defined, nextReviewOn, version: version + 1, updatedAt: new Date() },
        eq(documents.id, id),
      )
      .returning();
    await s.audit({ entity: 'governingDocument', entityId: id, action: 'update', before, after });
    await scheduleReviewReminder(s, after!);
    return after!;
  });
}

export function archiveDocument(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  return inTenant(db, actor, (s) =>
    archiveRow(s, documents, id, input, { entity: 'governingDocument', noun: 'document' }),
  );
}

export function restoreDocument(db: Database, actor: Actor, id: string, version: number) {
  return inTenant(db, actor, async (s) => {
    const row = await restoreRow(
      s,
      documents,
      id,
      { version },
      { entity: 'governingDocument', noun: 'document' },
    );
    await scheduleReviewReminder(s, row);
    return row;
  });
}

/** Non-staff read the documents in force only. */
const visible = (actor: Actor) => (isStaff(actor) ? undefined : eq(documents.status, 'inForce'));

async function withNames(db: Executor, tenantId: string, rows: DocumentRow[]): Promise<DocumentView[]> {
  if (rows.length === 0) return [];
  const ownerIds = [...new Set(rows.map((r) => r.ownerId).filter(Boolean))] as string[];
  const parentIds = [...new Set(rows.map((r) => r.parentId).filter(Boolean))] as string[];
  const decisionIds = [...new Set(rows.map((r) => r.adoptedById).filter(Boolean))] as string[];
  const [owners, parents, adopted] = await Promise.all([
    ownerIds.length
      ? db
          .select({ id: people.id, given: people.givenName, family: people.familyName })
          .from(people)
          .where(and(eq(people.tenantId, tenantId), inArray(people.id, ownerIds)))
      : [],
    parentIds.length
      ? db
          .select({ id: documents.id, title: documents.title })
          .from(documents)
          .where(and(eq(documents.tenantId, tenantId), inArray(documents.id, parentIds)))
      : [],
    decisionRefs(db, tenantId, decisionIds),
  ]);
  const ownerNames = new Map(owners.map((o) => [o.id, `${o.given} ${o.family}`]));
  const parentTitles = new Map(parents.map((p) => [p.id, p.title]));
  return rows.map((row) => ({
    ...row,
    ownerName: row.ownerId ? (ownerNames.get(row.ownerId) ?? null) : null,
    adoptedByName: row.adoptedById ? (adopted.get(row.adoptedById)?.name ?? null) : null,
    parentTitle: row.parentId ? (parentTitles.get(row.parentId) ?? null) : null,
  }));
}

export async function getDocument(db: Database, actor: Actor, id: string): Promise<DocumentView> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(documents)
    .where(s.where(documents, eq(documents.id, id), visible(actor)));
  if (!row) throw problems.notFound('document');
  return (await withNames(db, actor.tenantId, [row]))[0]!;
}

export async function listDocuments(db: Database, actor: Actor, query: DocumentListQuery) {
  const s = readScope(db, actor);
  const { afterName, afterId } = sortNameCursor(query.cursor);
  const today = todayInStockholm();
  const rows = await db
    .select()
    .from(documents)
    .where(
      s.where(
        documents,
        visible(actor),
        query.includeArchived ? undefined : isNull(documents.archivedAt),
        query.kind ? eq(documents.kind, query.kind) : undefined,
        query.status ? eq(documents.status, query.status) : undefined,
        query.ownerId ? eq(documents.ownerId, query.ownerId) : undefined,
        query.parentId ? eq(documents.parentId, query.parentId) : undefined,
        query.overdue
          ? sql`${documents.nextReviewOn} < ${today}::date and ${documents.status} in ('inForce', 'underRevision')`
          : undefined,
        query.search ? sql`${documents.title} ilike ${likePattern(query.search)}` : undefined,
        afterName !== undefined
          ? or(
              sql`${documents.sortName} > ${afterName}`,
              and(sql`${documents.sortName} = ${afterName}`, sql`${documents.id} > ${afterId}`),
            )
          : undefined,
      ),
    )
    .orderBy(asc(documents.sortName), asc(documents.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.sortName, r.id]);
  return { items: await withNames(db, actor.tenantId, page.items), nextCursor: page.nextCursor };
}

export async function documentRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select({ id: documents.id, title: documents.title, archivedAt: documents.archivedAt })
    .from(documents)
    .where(and(eq(documents.tenantId, tenantId), inArray(documents.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.title, href: `/governance/documents/${r.id}`, archived: r.archivedAt !== null },
    ]),
  );
}

/** How far ahead a review counts as waiting: a forum meeting every month or two can plan it. */
export const REVIEW_HORIZON_DAYS = 60;

/**
 * The documents waiting for a forum's review (its agenda source): in force or under revision, the
 * next review at most REVIEW_HORIZON_DAYS away or past, and either adopted by a decision of the
 * forum (the body that adopted a document re-adopts it after review) or, when no forum adopted it
 * (KF, KS or none recorded), owned by the forum's chair (the owner prepares the review in the
 * forum they lead). Soonest review first.
 */
export async function documentsDueFor(db: Database, actor: Actor, forumId: string) {
  if (!isStaff(actor)) return [];
  const s = readScope(db, actor);
  const horizon = new Date(`${todayInStockholm()}T00:00:00Z`);
  horizon.setUTCDate(horizon.getUTCDate() + REVIEW_HORIZON_DAYS);
  const rows = await db
    .select({ id: documents.id, title: documents.title, nextReviewOn: documents.nextReviewOn })
    .from(documents)
    .leftJoin(
      decisions,
      and(eq(decisions.tenantId, documents.tenantId), eq(decisions.id, documents.adoptedById)),
    )
    .where(
      s.where(
        documents,
        isNull(documents.archivedAt),
        inArray(documents.status, ['inForce', 'underRevision']),
        sql`${documents.nextReviewOn} <= ${horizon.toISOString().slice(0, 10)}::date`,
        or(
          eq(decisions.forumId, forumId),
          and(
            sql`${decisions.forumId} is null`,
            sql`${documents.ownerId} = (select f.chair_id from governance_forums f where f.tenant_id = ${documents.tenantId} and f.id = ${forumId})`,
          ),
        ),
      ),
    )
    .orderBy(asc(documents.nextReviewOn), asc(documents.id))
    .limit(100);
  return rows.map((r) => ({
    id: r.id,
    name: r.title,
    href: `/governance/documents/${r.id}`,
    detail: r.nextReviewOn,
  }));
}

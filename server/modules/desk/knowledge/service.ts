import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import {
  type ArticleCreate,
  type ArticleUpdate,
  articleCreate,
  type KnowledgeListQuery,
  type KnowledgeSort,
  type SuggestQuery,
  tsqueryText,
} from '../../../../shared/desk/knowledge.ts';
import { type Database, type Executor, rowsOf } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
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
import { type ArchiveInput, archiveRow, lockRow, restoreRow } from '../../../platform/records.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion } from '../../../platform/versioning.ts';
import { systems } from '../../registry/systems/schema.ts';
import { deskPolicy } from '../policy.ts';
import { tickets } from '../tickets/schema.ts';
import { getTicket } from '../tickets/service.ts';
import { articleFeedback, articles } from './schema.ts';

// The rules of knowledge articles: the only writer of ./schema.ts. Agents write, publish, archive
// and restore them; a published article is read by everyone in the tenant, a draft or an archived
// one by agents only (anyone else gets 404, as for a record that does not exist). Every change is
// one transaction with its audit event.

export type ArticleRow = typeof articles.$inferSelect;

const ENTITY = 'knowledgeArticle';

/** Whether the actor may read the article: published ones everyone, the rest agents. */
export function canRead(actor: Actor, row: Pick<ArticleRow, 'state'>): boolean {
  return row.state === 'published' || deskPolicy.agent(actor);
}

/**
 * The search vector of an article's text: the title weighs most (A), then the keywords (B), then
 * the body and workaround (C). Written with every change of them (the schema says why).
 */
function searchVectorOf(v: {
  title: string;
  keywords: readonly string[];
  body: string;
  workaround: string | null;
}): string {
  return sql`setweight(to_tsvector('swedish', ${v.title}), 'A') || setweight(to_tsvector('swedish', ${v.keywords.join(', ')}), 'B') || setweight(to_tsvector('swedish', ${`${v.body}\n${v.workaround ?? ''}`}), 'C')` as unknown as string;
}

interface Content {
  kind: string;
  workaround: string | null;
  systemId: string | null;
  category: string | null;
  problemTicketId: string | null;
}

/**
 * The rules an article's fields keep together, on the values after a change: a known error has its
 * workaround (a solution keeps none), and an article names its system, its category or both. The
 * system must be active and the problem ticket a problem of the tenant.
 */
async function checkContent(s: TenantScope, v: Content): Promise<Content> {
  const workaround = v.kind === 'knownError' ? v.workaround?.trim() || null : null;
  if (v.kind === 'knownError' && !workaround)
    throw problems.field('body.workaround', 'A known error needs its workaround');
  if (!v.systemId && !v.category)
    throw problems.field('body.systemId', 'An article names its system or its category');
  if (v.systemId) {
    const [row] = await s.tx
      .select({ id: systems.id })
      .from(systems)
      .where(s.where(systems, eq(systems.id, v.systemId), isNull(systems.archivedAt)));
    if (!row) throw problems.field('body.systemId', 'No such active system');
  }
  if (v.problemTicketId) {
    const [row] = await s.tx
      .select({ type: tickets.type })
      .from(tickets)
      .where(s.where(tickets, eq(tickets.id, v.problemTicketId)));
    if (row?.type !== 'problem') throw problems.field('body.problemTicketId', 'No such problem ticket');
  }
  return { ...v, workaround };
}

export function createArticle(db: Database, actor: Actor, given: ArticleCreate): Promise<ArticleRow> {
  const input = articleCreate.parse(given);
  if (!deskPolicy.agent(actor)) throw problems.forbidden('Only agents write knowledge articles');
  return inTenant(db, actor, async (s) => {
    const content = await checkContent(s, {
      kind: input.kind,
      workaround: input.workaround ?? null,
      systemId: input.systemId ?? null,
      category: input.category ?? null,
      problemTicketId: input.problemTicketId ?? null,
    });
    const keywords = [...new Set(input.keywords)];
    const now = new Date();
    const [row] = await s
      .insert(articles, {
        id: newId(),
        title: input.title,
        body: input.body,
        ...content,
        keywords,
        state: 'draft',
        authorId: actor.personId,
        searchVector: searchVectorOf({ ...input, keywords, workaround: content.workaround }),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await s.audit({ entity: ENTITY, entityId: row!.id, action: 'create', after: auditable(row!) });
    return row!;
  });
}

/** The row as the audit trail keeps it: without the search vector, which only repeats the text. */
function auditable(row: ArticleRow): Record<string, unknown> {
  const { searchVector: _, ...rest } = row;
  return rest;
}

export function updateArticle(
  db: Database,
  actor: Actor,
  id: string,
  input: ArticleUpdate,
): Promise<ArticleRow> {
  if (!deskPolicy.agent(actor)) throw problems.forbidden('Only agents write knowledge articles');
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, articles, id);
    assertVersion(before, input.version, 'article');
    if (before!.state === 'archived') throw problems.conflict('The article is archived; restore it first');
    const pick = <K extends keyof Content>(key: K): Content[K] =>
      (input[key] !== undefined ? input[key] : before![key]) as Content[K];
    const content = await checkContent(s, {
      kind: pick('kind'),
      workaround: pick('workaround'),
      systemId: pick('systemId'),
      category: pick('category'),
      problemTicketId: pick('problemTicketId'),
    });
    const text = {
      title: input.title ?? before!.title,
      body: input.body ?? before!.body,
      keywords: input.keywords ? [...new Set(input.keywords)] : before!.keywords,
    };
    const [after] = await s
      .update(
        articles,
        {
          ...text,
          ...content,
          searchVector: searchVectorOf({ ...text, workaround: content.workaround }),
          version: input.version + 1,
          updatedAt: new Date(),
        },
        eq(articles.id, id),
      )
      .returning();
    await s.audit({
      entity: ENTITY,
      entityId: id,
      action: 'update',
      before: auditable(before!),
      after: auditable(after!),
    });
    return after!;
  });
}

/** A draft goes out to everyone in the tenant. */
export function publishArticle(db: Database, actor: Actor, id: string, version: number) {
  if (!deskPolicy.agent(actor)) throw problems.forbidden('Only agents publish knowledge articles');
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, articles, id);
    assertVersion(before, version, 'article');
    if (before!.state === 'archived') throw problems.conflict('The article is archived; restore it first');
    if (before!.state !== 'draft') throw problems.conflict('The article is already published');
    const now = new Date();
    const [after] = await s
      .update(
        articles,
        {
          state: 'published',
          publishedAt: now,
          publishedById: actor.personId,
          version: version + 1,
          updatedAt: now,
        },
        eq(articles.id, id),
      )
      .returning();
    await s.audit({
      entity: ENTITY,
      entityId: id,
      action: 'publish',
      before: { state: before!.state },
      after: { state: after!.state, publishedAt: after!.publishedAt },
    });
    return after!;
  });
}

/** Out of the knowledge base and the suggestions, with a reason; restorable (as a draft). */
export function archiveArticle(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  if (!deskPolicy.agent(actor)) throw problems.forbidden('Only agents archive knowledge articles');
  return inTenant(db, actor, (s) =>
    archiveRow(s, articles, id, input, { entity: ENTITY, noun: 'article', set: { state: 'archived' } }),
  );
}

/** An archived article comes back as a draft, to be read through before it is published again. */
export function restoreArticle(db: Database, actor: Actor, id: string, version: number) {
  if (!deskPolicy.agent(actor)) throw problems.forbidden('Only agents restore knowledge articles');
  return inTenant(db, actor, (s) =>
    restoreRow(
      s,
      articles,
      id,
      { version },
      { entity: ENTITY, noun: 'article', set: { state: 'draft', publishedAt: null, publishedById: null } },
    ),
  );
}

/** The article when the actor may read it; 404 otherwise (another tenant's, or a draft for an employee). */
export async function getArticle(db: Database, actor: Actor, id: string): Promise<ArticleRow> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(articles)
    .where(s.where(articles, eq(articles.id, id)));
  if (!row || !canRead(actor, row)) throw problems.notFound('article');
  return row;
}

/** The actor's own answer to "did it help?", null when none. */
export async function feedbackOf(db: Executor, actor: Actor, id: string): Promise<boolean | null> {
  if (!actor.personId) return null;
  const [row] = await db
    .select({ helpful: articleFeedback.helpful })
    .from(articleFeedback)
    .where(
      and(
        eq(articleFeedback.tenantId, actor.tenantId),
        eq(articleFeedback.articleId, id),
        eq(articleFeedback.personId, actor.personId),
      ),
    );
  return row?.helpful ?? null;
}

/**
 * "Did it help?" from a reader of a published article: one answer per person, a new answer
 * replaces theirs, and the article's counts follow in the same transaction (the article is locked,
 * so answers given at once are all counted). The article's version is left alone: an answer is no
 * edit, and must not make an agent's edit stale.
 */
export function giveFeedback(db: Database, actor: Actor, id: string, helpful: boolean) {
  return inTenant(db, actor, async (s) => {
    const personId = actor.personId;
    if (!personId) throw problems.forbidden('Only a person answers whether an article helped');
    const row = await lockRow(s, articles, id);
    if (!row || !canRead(actor, row)) throw problems.notFound('article');
    if (row.state !== 'published') throw problems.conflict('Only a published article takes answers');
    const before = await feedbackOf(s.tx, actor, id);
    if (before === helpful) return row;
    await s.tx
      .insert(articleFeedback)
      .values({ tenantId: s.tenantId, articleId: id, personId, helpful, at: new Date() })
      .onConflictDoUpdate({
        target: [articleFeedback.tenantId, articleFeedback.articleId, articleFeedback.personId],
        set: { helpful, at: new Date() },
      });
    const delta = (yes: boolean) => (helpful === yes ? 1 : 0) - (before === yes ? 1 : 0);
    const [after] = await s
      .update(
        articles,
        {
          helpfulCount: sql`${articles.helpfulCount} + ${delta(true)}` as unknown as number,
          notHelpfulCount: sql`${articles.notHelpfulCount} + ${delta(false)}` as unknown as number,
        },
        eq(articles.id, id),
      )
      .returning();
    await s.audit({
      entity: ENTITY,
      entityId: id,
      action: 'feedback',
      before: before === null ? null : { helpful: before },
      after: { helpful },
    });
    return after!;
  });
}

const sortKeys: Record<KnowledgeSort, SortKey> = {
  title: { columns: [sql`${articles.sortName}`, sql`${articles.id}`], types: ['text', 'uuid'] },
  updatedAt: { columns: [sql`${articles.updatedAt}`, sql`${articles.id}`], types: ['timestamptz', 'uuid'] },
  helpful: { columns: [sql`${articles.helpfulCount}`, sql`${articles.id}`], types: ['int', 'uuid'] },
};

/** The condition of a search: every word (the last as a prefix), Swedish stemming; none matches no word. */
function searchCondition(term: string): SQL {
  const query = tsqueryText(term, 'all');
  return query ? sql`${articles.searchVector} @@ to_tsquery('swedish', ${query})` : sql`false`;
}

/** The articles the actor may read: published ones for everyone, drafts and archived for agents. */
export async function listArticles(db: Database, actor: Actor, query: KnowledgeListQuery) {
  const s = readScope(db, actor);
  const agent = deskPolicy.agent(actor);
  // Without a state, agents see the work in hand (drafts and published); others see published only.
  const states = agent ? (query.state ? [query.state] : ['draft', 'published']) : ['published'];
  if (query.state && !states.includes(query.state)) return { items: [], nextCursor: null };
  const key = sortKeys[query.sort];
  const desc = query.order === 'desc';
  const rows = await db
    .select({ article: articles, ...sortKeyFields(key) })
    .from(articles)
    .where(
      s.where(
        articles,
        states.length === 1 ? eq(articles.state, states[0]!) : inArray(articles.state, states),
        query.kind ? eq(articles.kind, query.kind) : undefined,
        query.systemId ? eq(articles.systemId, query.systemId) : undefined,
        query.category ? eq(articles.category, query.category) : undefined,
        query.search ? searchCondition(query.search) : undefined,
        afterKey(key, query.cursor, desc),
      ),
    )
    .orderBy(...keyOrder(key, desc))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => sortKeyOfRow(key, r));
  return { items: page.items.map((r) => withoutKey(r).article), nextCursor: page.nextCursor };
}

export interface SuggestionRow {
  id: string;
  title: string;
  kind: string;
  body: string;
  workaround: string | null;
  systemId: string | null;
  systemName: string | null;
  score: number;
}

/** How much more an article of the ticket's system weighs than another that matches as well. */
const SAME_SYSTEM = 2;

/**
 * The one statement of a suggestion, on the GIN index: any word of the text matches (shared
 * tsqueryText), ranked by ts_rank with the title above the keywords above the body, and twice as
 * high for an article of the same system: the one given, or one the text names (by name, short name
 * or product, as the routing finds a system in a title). Null when the text has no word to find.
 */
export function suggestionQuery(
  tenantId: string,
  text: string,
  systemId: string | null,
  limit: number,
): SQL | null {
  const tsquery = tsqueryText(text, 'any');
  if (!tsquery) return null;
  const q = sql`to_tsquery('swedish', ${tsquery})`;
  const doc = sql`to_tsvector('simple', ${text})`;
  return sql`
    select a.id, a.title, a.kind, left(a.body, 600) as body, a.workaround, a.system_id as "systemId",
      s.name as "systemName",
      ts_rank('{0.1, 0.2, 0.4, 1.0}', a.search_vector, ${q})
        * (case when a.system_id is not null and (a.system_id = ${systemId}::uuid
            or ${doc} @@ phraseto_tsquery('simple', s.name)
            or (s.short_name is not null and length(s.short_name) >= 3
                and ${doc} @@ phraseto_tsquery('simple', s.short_name))
            or (s.product is not null and ${doc} @@ phraseto_tsquery('simple', s.product)))
          then ${SAME_SYSTEM} else 1 end) as score
    from ${articles} a
    left join ${systems} s on s.tenant_id = a.tenant_id and s.id = a.system_id
    where a.tenant_id = ${tenantId} and a.state = 'published' and a.search_vector @@ ${q}
    order by score desc, a.sort_name, a.id
    limit ${limit}`;
}

/**
 * The best published articles for a draft ticket's title as it is typed (and its system), or for
 * a ticket an agent works: its title and description, its system.
 */
export async function suggestArticles(
  db: Database,
  actor: Actor,
  query: SuggestQuery,
): Promise<SuggestionRow[]> {
  let text = query.text ?? '';
  let systemId = query.systemId ?? null;
  if (query.ticketId) {
    const ticket = await getTicket(db, actor, query.ticketId);
    // The title first: the search takes a bounded number of words, and the title says most.
    text = `${ticket.title} ${ticket.description.slice(0, 400)}`.trim();
    systemId = ticket.systemId;
  }
  const statement = suggestionQuery(actor.tenantId, text, systemId, query.limit);
  if (!statement) return [];
  const rows = rowsOf<SuggestionRow>(await db.execute(statement)).map((r) => ({
    ...r,
    score: Number(r.score),
  }));
  // Far weaker matches than the best (one common word of a long title) only crowd the list.
  const best = rows[0]?.score ?? 0;
  return rows.filter((r) => r.score >= best * RELEVANT);
}

/** The share of the best suggestion's score a suggestion needs to be shown. */
const RELEVANT = 0.2;

/** The names an article shows: its system, its people and its problem ticket, one query per kind. */
export async function namesOf(db: Executor, tenantId: string, rows: ArticleRow[]) {
  const systemIds = [...new Set(rows.map((r) => r.systemId).filter(Boolean))] as string[];
  const personIds = [
    ...new Set(rows.flatMap((r) => [r.authorId, r.publishedById]).filter(Boolean)),
  ] as string[];
  const ticketIds = [...new Set(rows.map((r) => r.problemTicketId).filter(Boolean))] as string[];
  const [sy, p, tk] = await Promise.all([
    systemIds.length
      ? db
          .select({ id: systems.id, name: systems.name })
          .from(systems)
          .where(and(eq(systems.tenantId, tenantId), inArray(systems.id, systemIds)))
      : [],
    personIds.length
      ? db
          .select({ id: people.id, given: people.givenName, family: people.familyName })
          .from(people)
          .where(and(eq(people.tenantId, tenantId), inArray(people.id, personIds)))
      : [],
    ticketIds.length
      ? db
          .select({ id: tickets.id, number: tickets.number, title: tickets.title })
          .from(tickets)
          .where(and(eq(tickets.tenantId, tenantId), inArray(tickets.id, ticketIds)))
      : [],
  ]);
  return {
    systems: new Map(sy.map((r) => [r.id, r.name])),
    people: new Map(p.map((r) => [r.id, `${r.given} ${r.family}`])),
    tickets: new Map(tk.map((r) => [r.id, { id: r.id, number: r.number, title: r.title }])),
  };
}
export type Names = Awaited<ReturnType<typeof namesOf>>;

/** Names and links of articles by id (the audit trail). */
export async function articleRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({ id: articles.id, title: articles.title, state: articles.state })
    .from(articles)
    .where(and(eq(articles.tenantId, tenantId), inArray(articles.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.title, href: `/desk/knowledge/${r.id}`, archived: r.state === 'archived' },
    ]),
  );
}

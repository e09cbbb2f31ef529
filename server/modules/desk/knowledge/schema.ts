import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { sortKey, timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants } from '../../../platform/directory/schema.ts';
import { systems } from '../../registry/systems/schema.ts';
import { tickets } from '../tickets/schema.ts';

// Knowledge articles and the answers to "did it help?". Only ./service.ts writes them. The search
// vector is written by the service with every change of the text (see searchVectorOf there): the
// keywords are an array, and no immutable expression turns an array into text, so a generated
// column cannot hold it.

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const articles = pgTable(
  'desk_knowledge_articles',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    sortName: text('sort_name').notNull().generatedAlwaysAs(sortKey(sql`"title"`)),
    body: text('body').notNull(),
    /** solution, knownError (shared/desk/knowledge.ts). */
    kind: text('kind').notNull(),
    workaround: text('workaround'),
    systemId: uuid('system_id'),
    /** A ticket category (shared/desk/tickets.ts). */
    category: text('category'),
    problemTicketId: uuid('problem_ticket_id'),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    /** draft, published, archived. */
    state: text('state').notNull(),
    authorId: uuid('author_id'),
    publishedAt: ts('published_at'),
    publishedById: uuid('published_by_id'),
    /** "Did it help?": the yes and no answers, counted with each answer (knowledge_feedback). */
    helpfulCount: integer('helpful_count').notNull().default(0),
    notHelpfulCount: integer('not_helpful_count').notNull().default(0),
    /** Title (A), keywords (B), body and workaround (C), Swedish. */
    searchVector: tsvector('search_vector').notNull(),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.systemId], foreignColumns: [systems.tenantId, systems.id] }),
    foreignKey({
      columns: [t.tenantId, t.problemTicketId],
      foreignColumns: [tickets.tenantId, tickets.id],
    }),
    foreignKey({ columns: [t.tenantId, t.authorId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.publishedById], foreignColumns: [people.tenantId, people.id] }),
    // The list's orders, within a state (employees read the published ones).
    index('desk_knowledge_title_idx').on(t.tenantId, t.state, t.sortName, t.id),
    index('desk_knowledge_updated_idx').on(t.tenantId, t.state, t.updatedAt, t.id),
    index('desk_knowledge_helpful_idx').on(t.tenantId, t.state, t.helpfulCount, t.id),
    index('desk_knowledge_system_idx').on(t.tenantId, t.systemId).where(sql`system_id is not null`),
    // Suggestions and search: the full text. Without fastupdate an article is in the index as soon
    // as it is written, and a suggestion never reads a pending list (which grows until a vacuum
    // merges it, and was read linearly: 36 ms instead of under one on 3,000 fresh articles).
    index('desk_knowledge_search_idx').using('gin', t.searchVector).with({ fastupdate: false }),
  ],
);

/** One person's answer to "did it help?" per article; answering again changes it. */
export const articleFeedback = pgTable(
  'desk_knowledge_feedback',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    articleId: uuid('article_id').notNull(),
    personId: uuid('person_id').notNull(),
    helpful: boolean('helpful').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.articleId, t.personId] }),
    foreignKey({ columns: [t.tenantId, t.articleId], foreignColumns: [articles.tenantId, articles.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
  ],
);

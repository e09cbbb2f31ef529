import {
  type Article,
  type ArticleRow as ArticleListRow,
  excerptOf,
  type KnowledgeKind,
  type KnowledgeState,
  type Suggestion,
} from '../../../../shared/desk/knowledge.ts';
import type { TicketCategory } from '../../../../shared/desk/tickets.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { deskPolicy } from '../policy.ts';
import type { ArticleRow, Names, SuggestionRow } from './service.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`).

const ref = (id: string | null, names: Map<string, string>) =>
  id === null ? null : { id, name: names.get(id) ?? '' };

export function presentArticleRow(row: ArticleRow, names: Names): ArticleListRow {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as KnowledgeKind,
    system: ref(row.systemId, names.systems),
    category: row.category as TicketCategory | null,
    state: row.state as KnowledgeState,
    helpful: row.helpfulCount,
    notHelpful: row.notHelpfulCount,
    publishedAt: iso(row.publishedAt),
    updatedAt: iso(row.updatedAt),
    excerpt: excerptOf(row.body),
  };
}

export function presentArticle(
  row: ArticleRow,
  names: Names,
  reader: Actor,
  myFeedback: boolean | null,
): Article {
  const agent = deskPolicy.agent(reader);
  const state = row.state as KnowledgeState;
  const { excerpt: _, ...listed } = presentArticleRow(row, names);
  return {
    ...listed,
    body: row.body,
    workaround: row.workaround,
    // Where an article came from is the desk's business: the problem's title may say more than the
    // article does.
    problemTicket: agent && row.problemTicketId ? (names.tickets.get(row.problemTicketId) ?? null) : null,
    keywords: row.keywords,
    author: ref(row.authorId, names.people),
    publishedBy: ref(row.publishedById, names.people),
    myFeedback,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    can: {
      update: agent && state !== 'archived',
      publish: agent && state === 'draft',
      archive: agent && state !== 'archived',
      restore: agent && state === 'archived',
      feedback: state === 'published' && reader.personId !== null,
    },
  };
}

export function presentSuggestion(row: SuggestionRow): Suggestion {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as KnowledgeKind,
    system: row.systemId ? { id: row.systemId, name: row.systemName ?? '' } : null,
    excerpt: excerptOf(row.body, 160),
    workaround: row.workaround,
  };
}

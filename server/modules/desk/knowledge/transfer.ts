import { z } from 'zod';
import type { KnowledgeKind, KnowledgeListQuery, KnowledgeState } from '../../../../shared/desk/knowledge.ts';
import type { TicketCategory } from '../../../../shared/desk/tickets.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { everyPage } from '../../../platform/directory/transfer.ts';
import { column, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { listArticles, namesOf } from './service.ts';

// The knowledge base's list as CSV or XLSX through the platform's engine (formula safe), with its
// filters: which articles there are, and how often each helped.

const text = z.string();
const count = z.coerce.number();

/** Kind, state and category as Swedish words in the file; the web app translates them itself. */
const kindNames: Record<KnowledgeKind, string> = { solution: 'Lösning', knownError: 'Känt fel' };
const stateNames: Record<KnowledgeState, string> = {
  draft: 'Utkast',
  published: 'Publicerad',
  archived: 'Arkiverad',
};

const categoryNames: Record<TicketCategory, string> = {
  account: 'Konto och behörighet',
  password: 'Lösenord',
  function: 'Funktion',
  training: 'Utbildning',
  client: 'Klient',
  printing: 'Utskrift',
  network: 'Nätverk',
  order: 'Beställning',
  other: 'Övrigt',
};

const articleColumns = [
  column({ key: 'title', sv: 'rubrik', en: 'title', required: true, parse: text }),
  column({ key: 'kind', sv: 'typ', en: 'kind', parse: text }),
  column({ key: 'system', sv: 'system', en: 'system', parse: text }),
  column({ key: 'category', sv: 'kategori', en: 'category', parse: text }),
  column({ key: 'state', sv: 'status', en: 'state', parse: text }),
  column({ key: 'keywords', sv: 'sökord', en: 'keywords', parse: text }),
  column({ key: 'helpful', sv: 'hjälpte', en: 'helpful', parse: count }),
  column({ key: 'notHelpful', sv: 'hjälpte inte', en: 'not helpful', parse: count }),
  column({ key: 'publishedAt', sv: 'publicerad', en: 'published', parse: text }),
  column({ key: 'updatedAt', sv: 'ändrad', en: 'updated', parse: text }),
] as const;

export async function exportArticles(
  db: Database,
  actor: Actor,
  query: Omit<KnowledgeListQuery, 'limit' | 'cursor'>,
  format: ExportFormat,
) {
  const rows = await everyPage((cursor) => listArticles(db, actor, { ...query, limit: 200, cursor }));
  const names = await namesOf(db, actor.tenantId, rows);
  const records = rows.map((a) => ({
    title: a.title,
    kind: kindNames[a.kind as KnowledgeKind],
    system: a.systemId ? (names.systems.get(a.systemId) ?? '') : '',
    category: a.category ? categoryNames[a.category as TicketCategory] : '',
    state: stateNames[a.state as KnowledgeState],
    keywords: a.keywords.join(', '),
    helpful: a.helpfulCount,
    notHelpful: a.notHelpfulCount,
    publishedAt: a.publishedAt ? a.publishedAt.toISOString() : '',
    updatedAt: a.updatedAt.toISOString(),
  }));
  return exportFile(
    { columns: articleColumns, filename: 'kunskapsbas', sheetName: 'Kunskapsbas' },
    records,
    format,
  );
}

import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { id, line, multiline, requiredLine } from '../text.ts';
import { ticketCategories } from './tickets.ts';

// Knowledge articles of the service desk (kunskapsbas), shared by server and web: solutions and
// known errors (kända fel, with their workaround), written and published by agents, read by every
// employee once published, and suggested to a requester while they type a ticket's title.

/** A solution (lösning), or a known error (känt fel) with its workaround. */
export const knowledgeKinds = ['solution', 'knownError'] as const;
export type KnowledgeKind = (typeof knowledgeKinds)[number];

/** utkast → publicerad → arkiverad; a restored article is a draft again. */
export const knowledgeStates = ['draft', 'published', 'archived'] as const;
export type KnowledgeState = (typeof knowledgeStates)[number];

const keyword = requiredLine(60);

const articleFields = {
  title: requiredLine(200),
  /** Plain text: paragraphs apart by a blank line, lists of lines starting with "- " or "1. ". */
  body: multiline(50_000).pipe(z.string().trim().min(1, { message: 'Required' })),
  kind: z.enum(knowledgeKinds),
  /** A known error's workaround (required for one; a solution keeps none). */
  workaround: multiline(10_000).nullable().optional(),
  /** The system of the register it concerns. */
  systemId: id.nullable().optional(),
  /** The ticket category it answers (the categories of shared/desk/tickets.ts). */
  category: z.enum(ticketCategories).nullable().optional(),
  /** The problem ticket (PRB) it came from. */
  problemTicketId: id.nullable().optional(),
  /** Words people use for it that the text may not ("logga in", "BankID"): weighted above the body. */
  keywords: z.array(keyword).max(20),
};

export const articleCreate = z.strictObject({
  ...articleFields,
  keywords: articleFields.keywords.default([]),
});
export type ArticleCreate = z.input<typeof articleCreate>;

export const articleUpdate = z.strictObject({
  version,
  title: articleFields.title.optional(),
  body: articleFields.body.optional(),
  kind: articleFields.kind.optional(),
  workaround: articleFields.workaround,
  systemId: articleFields.systemId,
  category: articleFields.category,
  problemTicketId: articleFields.problemTicketId,
  keywords: articleFields.keywords.optional(),
});
export type ArticleUpdate = z.infer<typeof articleUpdate>;

export const publishBody = z.strictObject({ version });

/** "Did it help?": one answer per person and article, changed by answering again. */
export const feedbackBody = z.strictObject({ helpful: z.boolean() });

export const articlePermissions = permissions(['update', 'publish', 'archive', 'restore', 'feedback']);

const ref = z.object({ id, name: z.string() }).nullable();

export const article = z.object({
  id,
  title: z.string(),
  body: z.string(),
  kind: z.enum(knowledgeKinds),
  workaround: z.string().nullable(),
  system: ref,
  category: z.enum(ticketCategories).nullable(),
  /** The problem ticket it came from: shown to agents only (null for others). */
  problemTicket: z.object({ id, number: z.string(), title: z.string() }).nullable(),
  keywords: z.array(z.string()),
  state: z.enum(knowledgeStates),
  author: ref,
  publishedAt: z.string().nullable(),
  publishedBy: ref,
  /** "Did it help?": yes and no answers. */
  helpful: z.number().int(),
  notHelpful: z.number().int(),
  /** The reader's own answer, null when they have given none. */
  myFeedback: z.boolean().nullable(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: articlePermissions,
});
export type Article = z.infer<typeof article>;

/** The row of the knowledge base's list. */
export const articleRow = article
  .pick({
    id: true,
    title: true,
    kind: true,
    system: true,
    category: true,
    state: true,
    helpful: true,
    notHelpful: true,
    publishedAt: true,
    updatedAt: true,
  })
  .extend({ excerpt: z.string() });
export type ArticleRow = z.infer<typeof articleRow>;

export const knowledgeSorts = ['title', 'updatedAt', 'helpful'] as const;
export type KnowledgeSort = (typeof knowledgeSorts)[number];

export const knowledgeListQuery = listQuery.omit({ includeArchived: true }).extend({
  /** Agents choose; others read published articles only. Without it agents see drafts and published. */
  state: z.enum(knowledgeStates).optional(),
  kind: z.enum(knowledgeKinds).optional(),
  systemId: id.optional(),
  category: z.enum(ticketCategories).optional(),
  sort: z.enum(knowledgeSorts).default('title'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type KnowledgeListQuery = z.infer<typeof knowledgeListQuery>;

/** Suggestions for a draft ticket's title (and its system), or for a ticket an agent works. */
export const suggestQuery = z
  .strictObject({
    text: line(500).optional(),
    systemId: id.optional(),
    /** An agent's ticket: its title and description are the text, its system the system. */
    ticketId: id.optional(),
    limit: z.coerce.number().int().min(1).max(10).default(5),
  })
  .refine((q) => q.text !== undefined || q.ticketId !== undefined, {
    message: 'Give the text or the ticket',
    path: ['text'],
  });
export type SuggestQuery = z.infer<typeof suggestQuery>;

export const suggestion = z.object({
  id,
  title: z.string(),
  kind: z.enum(knowledgeKinds),
  system: ref,
  excerpt: z.string(),
  workaround: z.string().nullable(),
});
export type Suggestion = z.infer<typeof suggestion>;

export const suggestions = z.object({ items: z.array(suggestion) });

// ---- Text search -------------------------------------------------------------------------------

/** More words than this in a text are not searched for (a ticket's long description). */
const MAX_TERMS = 24;

/**
 * The words of a text as PostgreSQL's full-text search sees them: letters and digits only, in
 * lower case, so that nothing a person types is read as tsquery syntax.
 */
export function searchWords(text: string): string[] {
  return (text.toLocaleLowerCase('sv').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 200);
}

/** The particles of Swedish particle verbs: logga in, skriva ut, låsa upp, stänga av, starta om. */
const particles = ['in', 'ut', 'upp', 'av', 'om', 'ner', 'på', 'till', 'bort', 'fram'];
const verbEnding = /(ade|ar|at|er|te|de|a|t)$/;
const nounEnding = /(ningarna|ningar|ningen|ning)$/;

/**
 * Swedish makes a noun of a particle verb by putting the particle first: "logga in" is
 * "inloggning", "låsa upp" "upplåsning", "stänga av" "avstängning". The Swedish stemmer knows no
 * compounds, so neither finds the other; these are the other form's stems, as prefixes
 * ("inlogg", and "logg" for "inloggningen").
 */
export function particleForms(words: readonly string[]): string[] {
  const forms: string[] = [];
  for (const [i, word] of words.entries()) {
    const next = words[i + 1];
    if (next && particles.includes(next)) {
      const stem = word.replace(verbEnding, '');
      if (stem.length >= 3 && stem !== word) forms.push(`${next}${stem}`);
    }
    const particle = particles.find((p) => word.startsWith(p) && nounEnding.test(word));
    if (particle) {
      const stem = word.slice(particle.length).replace(nounEnding, '');
      if (stem.length >= 3) forms.push(stem);
    }
  }
  return forms;
}

/** Definite and plural endings the Swedish stemmer leaves on (lösenordet, kontot, skrivarna, datorn). */
const definiteEnding = /(arna|erna|orna|et|en|ot|na|(?<=r)n)$/;

/** A word as a prefix: without its definite ending when enough is left ("lösenordet" → "lösenord"). */
function prefixOf(word: string): string {
  const bare = word.replace(definiteEnding, '');
  return bare.length >= 4 ? bare : word;
}

/**
 * The text as a tsquery for to_tsquery('swedish', …): every word (stemmed and stop words dropped
 * by PostgreSQL), the last one also as a prefix while it is being typed (no space after it), longer
 * words as prefixes without a definite ending (the stemmer keeps "lösenordet" apart from
 * "lösenord"; the prefix "lösenord" finds both, and compounds such as "lösenordsbyte"), and the
 * particle forms above. `any` joins them with OR (suggestions: the more words an article has, the
 * higher it ranks); otherwise AND (a search that narrows). Null when the text has no word.
 */
export function tsqueryText(text: string, mode: 'any' | 'all'): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  const typing = /[\p{L}\p{N}]$/u.test(text);
  const terms = words.map((w, i) => {
    const last = i === words.length - 1;
    if (w.length >= 5) return `${prefixOf(w)}:*`;
    return last && typing && w.length >= 2 ? `${w}:*` : w;
  });
  const all = [...new Set(mode === 'any' ? [...terms, ...particleForms(words).map((f) => `${f}:*`)] : terms)];
  return all.slice(0, MAX_TERMS).join(mode === 'any' ? ' | ' : ' & ');
}

// ---- The body's simple format ------------------------------------------------------------------

export type BodyBlock =
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'numbered'; items: string[] };

const bullet = /^\s*[-*•]\s+(.*)$/;
const numbered = /^\s*\d{1,3}[.)]\s+(.*)$/;

/**
 * The body as blocks: paragraphs apart by blank lines (a line break inside one is kept), a list of
 * lines that start with "- " (or "* ", "• "), a numbered list of lines that start with "1. ". Plain
 * text only: the web app renders each block's text as text, never as HTML.
 */
export function bodyBlocks(body: string): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  // The block the next line may join: none after a blank line.
  let open = false;
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const text = raw.trim();
    const last = open ? blocks[blocks.length - 1] : undefined;
    open = text !== '';
    if (!text) continue;
    const marked = bullet.exec(raw) ?? numbered.exec(raw);
    if (marked) {
      const kind = bullet.test(raw) ? 'bullets' : 'numbered';
      const item = marked[1]!.trim();
      if (last && last.kind === kind) last.items.push(item);
      else blocks.push({ kind, items: [item] });
    } else if (!last) blocks.push({ kind: 'paragraph', lines: [text] });
    else if (last.kind === 'paragraph') last.lines.push(text);
    // A line after a list item without a marker continues that item.
    else last.items[last.items.length - 1] += ` ${text}`;
  }
  return blocks;
}

/** The first words of a body, for lists and suggestions: list markers dropped, cut at a word. */
export function excerptOf(body: string, max = 180): string {
  const flat = bodyBlocks(body)
    .flatMap((b) => (b.kind === 'paragraph' ? b.lines : b.items))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')} …`;
}

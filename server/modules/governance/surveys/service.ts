import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type {
  AnswersSave,
  Comparison,
  Section,
  SectionInput,
  SurveyRoundCreate,
  SurveyRoundListQuery,
  SurveyTemplateCreate,
  SurveyTemplateListQuery,
  SurveyTemplateUpdate,
} from '../../../../shared/governance/surveys.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { decodeCursor, sortNameCursor, toPage } from '../../../platform/pagination.ts';
import {
  type ArchiveInput,
  archiveRow,
  guardUnique,
  lockRow,
  restoreRow,
} from '../../../platform/records.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion } from '../../../platform/versioning.ts';
import { forums } from '../forums/schema.ts';
import { checkForum } from '../forums/service.ts';
import { surveyPolicy } from './policy.ts';
import { surveyAnswers, surveyRevisions, surveyRounds, surveyTemplates } from './schema.ts';

// The rules of the self-assessment: the only writer of ./schema.ts. A template's questions are
// kept per revision; a change of the questions after a round has answered the current revision
// makes a new revision (the rounds keep pointing at theirs). One round per forum, template and
// year is the unique index's rule, so racing requests cannot both make one. Answers are saved per
// question under a shared lock of the round: saves of different questions run side by side, a
// submit (which locks the round exclusively) waits for them, and a stale answer version is 409.

export type TemplateRow = typeof surveyTemplates.$inferSelect;
export interface TemplateView extends TemplateRow {
  sections: Section[];
  rounds: number;
}
export type RoundRow = typeof surveyRounds.$inferSelect;
export type AnswerRow = typeof surveyAnswers.$inferSelect;
export interface RoundView extends RoundRow {
  templateTitle: string;
  forumName: string;
  sections: Section[];
  answers: AnswerRow[];
}
export interface RoundSummaryView extends RoundRow {
  templateTitle: string;
  forumName: string;
  answered: number;
  questions: number;
}

const DUPLICATE_ROUND = 'The forum already has a round of this template for the year';

/** Every section and question id a template has had, in any revision. */
async function knownIds(s: TenantScope, templateId: string): Promise<Set<string>> {
  const rows = await s.tx
    .select({ sections: surveyRevisions.sections })
    .from(surveyRevisions)
    .where(s.where(surveyRevisions, eq(surveyRevisions.templateId, templateId)));
  const ids = new Set<string>();
  for (const r of rows)
    for (const section of r.sections) {
      ids.add(section.id);
      for (const q of section.questions) ids.add(q.id);
    }
  return ids;
}

/**
 * The sections as stored: new sections and questions get ids; a given id must be one the template
 * has had (that is what carries its answers into the comparison).
 */
function normalize(input: SectionInput[], known: Set<string>): Section[] {
  const check = (id: string | undefined, path: string) => {
    if (id && !known.has(id)) throw problems.field(path, 'No such section or question in this template');
    return id ?? newId();
  };
  return input.map((section, si) => ({
    id: check(section.id, `body.sections.${si}.id`),
    title: section.title,
    questions: section.questions.map((q, qi) => ({
      id: check(q.id, `body.sections.${si}.questions.${qi}.id`),
      text: q.text,
      help: q.help?.trim() ? q.help : null,
      kind: q.kind,
      scale: q.kind === 'scale' ? (q.scale ?? null) : null,
    })),
  }));
}

async function revisionOf(db: Executor, tenantId: string, templateId: string, revision: number) {
  const [row] = await db
    .select({ sections: surveyRevisions.sections })
    .from(surveyRevisions)
    .where(
      and(
        eq(surveyRevisions.tenantId, tenantId),
        eq(surveyRevisions.templateId, templateId),
        eq(surveyRevisions.revision, revision),
      ),
    );
  return row!.sections;
}

export function createTemplate(
  db: Database,
  actor: Actor,
  input: SurveyTemplateCreate,
): Promise<TemplateRow> {
  return inTenant(db, actor, async (s) => {
    const id = newId();
    const sections = normalize(input.sections, new Set());
    const [row] = await s
      .insert(surveyTemplates, {
        id,
        title: input.title,
        description: input.description || null,
        revision: 1,
      })
      .returning();
    await s.insert(surveyRevisions, { templateId: id, revision: 1, sections });
    await s.audit({ entity: 'surveyTemplate', entityId: id, action: 'create', after: { ...row, sections } });
    return row!;
  });
}

export function updateTemplate(
  db: Database,
  actor: Actor,
  id: string,
  input: SurveyTemplateUpdate,
): Promise<TemplateRow> {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, surveyTemplates, id);
    assertVersion(before, input.version, 'surveyTemplate');
    if (before!.archivedAt) throw problems.conflict('The template is archived; restore it first');
    const beforeSections = await revisionOf(s.tx, s.tenantId, id, before!.revision);
    let revision = before!.revision;
    let sections = beforeSections;
    if (input.sections) {
      sections = normalize(input.sections, await knownIds(s, id));
      if (JSON.stringify(sections) !== JSON.stringify(beforeSections)) {
        const [answered] = await s.tx
          .select({ id: surveyRounds.id })
          .from(surveyRounds)
          .where(s.where(surveyRounds, eq(surveyRounds.templateId, id), eq(surveyRounds.revision, revision)))
          .limit(1);
        if (answered) {
          // A round has answered these questions: they stay as asked, the change is a new revision.
          revision += 1;
          await s.insert(surveyRevisions, { templateId: id, revision, sections });
        } else {
          await s.update(
            surveyRevisions,
            { sections },
            eq(surveyRevisions.templateId, id),
            eq(surveyRevisions.revision, revision),
          );
        }
      }
    }
    const [after] = await s
      .update(
        surveyTemplates,
        {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.description !== undefined ? { description: input.description || null } : {}),
          revision,
          version: input.version + 1,
          updatedAt: new Date(),
        },
        eq(surveyTemplates.id, id),
      )
      .returning();
    await s.audit({
      entity: 'surveyTemplate',
      entityId: id,
      action: 'update',
      before: { ...before, sections: beforeSections },
      after: { ...after, sections },
    });
    return after!;
  });
}

export function archiveTemplate(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  return inTenant(db, actor, (s) =>
    archiveRow(s, surveyTemplates, id, input, { entity: 'surveyTemplate', noun: 'template' }),
  );
}

export function restoreTemplate(db: Database, actor: Actor, id: string, version: number) {
  return inTenant(db, actor, (s) =>
    restoreRow(s, surveyTemplates, id, { version }, { entity: 'surveyTemplate', noun: 'template' }),
  );
}

/** Templates with their current questions and how many rounds answered them: two queries. */
async function templateViews(db: Executor, tenantId: string, rows: TemplateRow[]): Promise<TemplateView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const revisions = await db
    .select()
    .from(surveyRevisions)
    .where(
      and(
        eq(surveyRevisions.tenantId, tenantId),
        or(
          ...rows.map((r) =>
            and(eq(surveyRevisions.templateId, r.id), eq(surveyRevisions.revision, r.revision)),
          ),
        ),
      ),
    );
  const counts = await db
    .select({ templateId: surveyRounds.templateId, n: sql<number>`count(*)::int` })
    .from(surveyRounds)
    .where(and(eq(surveyRounds.tenantId, tenantId), inArray(surveyRounds.templateId, ids)))
    .groupBy(surveyRounds.templateId);
  const sectionsOf = new Map(revisions.map((r) => [r.templateId, r.sections]));
  const countOf = new Map(counts.map((c) => [c.templateId, c.n]));
  return rows.map((row) => ({
    ...row,
    sections: sectionsOf.get(row.id) ?? [],
    rounds: countOf.get(row.id) ?? 0,
  }));
}

export async function getTemplate(db: Database, actor: Actor, id: string): Promise<TemplateView> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(surveyTemplates)
    .where(s.where(surveyTemplates, eq(surveyTemplates.id, id)));
  if (!row) throw problems.notFound('surveyTemplate');
  return (await templateViews(db, actor.tenantId, [row]))[0]!;
}

export async function listTemplates(db: Database, actor: Actor, query: SurveyTemplateListQuery) {
  const s = readScope(db, actor);
  const { afterName, afterId } = sortNameCursor(query.cursor);
  const rows = await db
    .select()
    .from(surveyTemplates)
    .where(
      s.where(
        surveyTemplates,
        query.includeArchived ? undefined : isNull(surveyTemplates.archivedAt),
        query.search ? sql`${surveyTemplates.title} ilike ${likePattern(query.search)}` : undefined,
        afterName !== undefined
          ? or(
              sql`${surveyTemplates.sortTitle} > ${afterName}`,
              and(sql`${surveyTemplates.sortTitle} = ${afterName}`, sql`${surveyTemplates.id} > ${afterId}`),
            )
          : undefined,
      ),
    )
    .orderBy(asc(surveyTemplates.sortTitle), asc(surveyTemplates.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.sortTitle, r.id]);
  return { items: await templateViews(db, actor.tenantId, page.items), nextCursor: page.nextCursor };
}

/** Names and links of templates by id (the audit trail). */
export async function templateRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({ id: surveyTemplates.id, title: surveyTemplates.title, archivedAt: surveyTemplates.archivedAt })
    .from(surveyTemplates)
    .where(and(eq(surveyTemplates.tenantId, tenantId), inArray(surveyTemplates.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.title, href: `/governance/surveys/${r.id}`, archived: r.archivedAt !== null },
    ]),
  );
}

// Rounds

export function createRound(db: Database, actor: Actor, input: SurveyRoundCreate): Promise<RoundRow> {
  return guardUnique(
    () =>
      inTenant(db, actor, async (s) => {
        const [template] = await s.tx
          .select()
          .from(surveyTemplates)
          .where(
            s.where(
              surveyTemplates,
              eq(surveyTemplates.id, input.templateId),
              isNull(surveyTemplates.archivedAt),
            ),
          );
        if (!template) throw problems.field('body.templateId', 'No such active template');
        await checkForum(s, input.forumId, 'body.forumId');
        const id = newId();
        const [row] = await s
          .insert(surveyRounds, {
            id,
            templateId: template.id,
            revision: template.revision,
            forumId: input.forumId,
            year: input.year,
          })
          .returning();
        await s.audit({ entity: 'surveyRound', entityId: id, action: 'create', after: row });
        return row!;
      }),
    'body.year',
    DUPLICATE_ROUND,
  );
}

/** The round locked for a change by the actor, refused unless they may answer for its forum. */
async function lockRound(s: TenantScope, id: string, mode: 'share' | 'update') {
  const [round] = await s.tx
    .select()
    .from(surveyRounds)
    .where(s.where(surveyRounds, eq(surveyRounds.id, id)))
    .for(mode);
  if (!round) throw problems.notFound('surveyRound');
  return round;
}

const SUBMITTED = 'The round is submitted and locked; an admin may reopen it';

export function saveAnswers(
  db: Database,
  actor: Actor,
  id: string,
  input: AnswersSave,
): Promise<AnswerRow[]> {
  return inTenant(db, actor, async (s) => {
    const round = await lockRound(s, id, 'share');
    if (!surveyPolicy.answer(actor, round.forumId)) throw problems.forbidden();
    if (round.status === 'submitted') throw problems.conflict(SUBMITTED);
    const sections = await revisionOf(s.tx, s.tenantId, round.templateId, round.revision);
    const questions = new Map(sections.flatMap((sec) => sec.questions.map((q) => [q.id, q] as const)));
    input.answers.forEach((a, i) => {
      const q = questions.get(a.questionId);
      const at = `body.answers.${i}`;
      if (!q) throw problems.field(`${at}.questionId`, 'No such question in the round');
      if (a.value != null) {
        if (q.kind === 'text')
          throw problems.field(`${at}.value`, 'A free-text question is answered by text');
        if (q.kind === 'yesNo' && a.value !== 0 && a.value !== 1)
          throw problems.field(`${at}.value`, 'Yes is 1, no is 0');
        if (q.kind === 'scale' && !q.scale?.some((step) => step.value === a.value))
          throw problems.field(`${at}.value`, 'Not a step of the scale');
      }
      if (a.text != null && a.text !== '' && q.kind !== 'text')
        throw problems.field(`${at}.text`, 'Only a free-text question is answered by text');
    });
    const before = await s.tx
      .select()
      .from(surveyAnswers)
      .where(
        s.where(
          surveyAnswers,
          eq(surveyAnswers.roundId, id),
          inArray(
            surveyAnswers.questionId,
            input.answers.map((a) => a.questionId),
          ),
        ),
      );
    const saved: AnswerRow[] = [];
    const now = new Date();
    for (const a of input.answers) {
      const values = {
        value: a.value ?? null,
        text: a.text?.trim() ? a.text : null,
        comment: a.comment?.trim() ? a.comment : null,
        updatedAt: now,
        updatedBy: actor.name,
      };
      // Insert-if-absent and update-if-unchanged are each one statement: a parallel save of the
      // same question waits for the other's row and then finds its version stale.
      const [row] =
        a.version === null
          ? await s.tx
              .insert(surveyAnswers)
              .values({ tenantId: s.tenantId, roundId: id, questionId: a.questionId, ...values })
              .onConflictDoNothing()
              .returning()
          : await s
              .update(
                surveyAnswers,
                { ...values, version: a.version + 1 },
                eq(surveyAnswers.roundId, id),
                eq(surveyAnswers.questionId, a.questionId),
                eq(surveyAnswers.version, a.version),
              )
              .returning();
      if (!row) {
        const [current] = await s.tx
          .select({ version: surveyAnswers.version })
          .from(surveyAnswers)
          .where(
            s.where(surveyAnswers, eq(surveyAnswers.roundId, id), eq(surveyAnswers.questionId, a.questionId)),
          );
        if (!current) throw problems.conflict('The answer is not saved yet: send version null');
        throw problems.versionConflict(current.version);
      }
      saved.push(row);
    }
    const shape = (rows: AnswerRow[]) =>
      Object.fromEntries(
        rows.map((r) => [r.questionId, { value: r.value, text: r.text, comment: r.comment }]),
      );
    await s.audit({
      entity: 'surveyRound',
      entityId: id,
      action: 'answer',
      before: { answers: shape(before) },
      after: { answers: shape(saved) },
    });
    return saved;
  });
}

export function submitRound(db: Database, actor: Actor, id: string, version: number) {
  return inTenant(db, actor, async (s) => {
    const before = await lockRound(s, id, 'update');
    if (!surveyPolicy.answer(actor, before.forumId)) throw problems.forbidden();
    assertVersion(before, version, 'surveyRound');
    if (before.status === 'submitted') throw problems.conflict('The round is already submitted');
    const [after] = await s
      .update(
        surveyRounds,
        {
          status: 'submitted',
          submittedAt: new Date(),
          submittedBy: actor.name,
          version: version + 1,
          updatedAt: new Date(),
        },
        eq(surveyRounds.id, id),
      )
      .returning();
    await s.audit({ entity: 'surveyRound', entityId: id, action: 'submit', before, after });
    return after!;
  });
}

/** Reopens a submitted round: an admin's explicit act, with its reason in the audit trail. */
export function reopenRound(
  db: Database,
  actor: Actor,
  id: string,
  input: { version: number; reason: string },
) {
  return inTenant(db, actor, async (s) => {
    if (!surveyPolicy.reopen(actor)) throw problems.forbidden();
    const before = await lockRound(s, id, 'update');
    assertVersion(before, input.version, 'surveyRound');
    if (before.status !== 'submitted') throw problems.conflict('The round is not submitted');
    const [after] = await s
      .update(
        surveyRounds,
        {
          status: 'draft',
          submittedAt: null,
          submittedBy: null,
          version: input.version + 1,
          updatedAt: new Date(),
        },
        eq(surveyRounds.id, id),
      )
      .returning();
    await s.audit({
      entity: 'surveyRound',
      entityId: id,
      action: 'reopen',
      before,
      after: { ...after, reopenReason: input.reason },
    });
    return after!;
  });
}

async function namesOf(db: Executor, tenantId: string, rows: RoundRow[]) {
  const templateIds = [...new Set(rows.map((r) => r.templateId))];
  const forumIds = [...new Set(rows.map((r) => r.forumId))];
  const [templates, forumRows] = await Promise.all([
    db
      .select({ id: surveyTemplates.id, title: surveyTemplates.title })
      .from(surveyTemplates)
      .where(and(eq(surveyTemplates.tenantId, tenantId), inArray(surveyTemplates.id, templateIds))),
    db
      .select({ id: forums.id, name: forums.name })
      .from(forums)
      .where(and(eq(forums.tenantId, tenantId), inArray(forums.id, forumIds))),
  ]);
  return {
    template: new Map(templates.map((t) => [t.id, t.title])),
    forum: new Map(forumRows.map((f) => [f.id, f.name])),
  };
}

export async function getRound(db: Database, actor: Actor, id: string): Promise<RoundView> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(surveyRounds)
    .where(s.where(surveyRounds, eq(surveyRounds.id, id)));
  if (!row) throw problems.notFound('surveyRound');
  const [names, sections, answers] = await Promise.all([
    namesOf(db, actor.tenantId, [row]),
    revisionOf(db, actor.tenantId, row.templateId, row.revision),
    db
      .select()
      .from(surveyAnswers)
      .where(s.where(surveyAnswers, eq(surveyAnswers.roundId, id))),
  ]);
  return {
    ...row,
    templateTitle: names.template.get(row.templateId) ?? '',
    forumName: names.forum.get(row.forumId) ?? '',
    sections,
    answers,
  };
}

/** Rounds, newest year first, with how many of their questions are answered. */
export async function listRounds(db: Database, actor: Actor, query: SurveyRoundListQuery) {
  const s = readScope(db, actor);
  const after = decodeCursor(query.cursor, 2) as [number, string] | undefined;
  const rows = await db
    .select()
    .from(surveyRounds)
    .where(
      s.where(
        surveyRounds,
        query.templateId ? eq(surveyRounds.templateId, query.templateId) : undefined,
        query.forumId ? eq(surveyRounds.forumId, query.forumId) : undefined,
        query.year ? eq(surveyRounds.year, query.year) : undefined,
        query.search
          ? sql`exists (select 1 from ${forums} f where f.tenant_id = ${surveyRounds.tenantId} and f.id = ${surveyRounds.forumId} and f.name ilike ${likePattern(query.search)})`
          : undefined,
        after
          ? (or(
              sql`${surveyRounds.year} < ${after[0]}`,
              and(sql`${surveyRounds.year} = ${after[0]}`, sql`${surveyRounds.id} > ${after[1]}`),
            ) as SQL)
          : undefined,
      ),
    )
    .orderBy(desc(surveyRounds.year), asc(surveyRounds.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.year, r.id]);
  if (page.items.length === 0) return { items: [] as RoundSummaryView[], nextCursor: page.nextCursor };
  const ids = page.items.map((r) => r.id);
  const [names, counts, revisions] = await Promise.all([
    namesOf(db, actor.tenantId, page.items),
    db
      .select({ roundId: surveyAnswers.roundId, n: sql<number>`count(*)::int` })
      .from(surveyAnswers)
      .where(
        and(
          eq(surveyAnswers.tenantId, actor.tenantId),
          inArray(surveyAnswers.roundId, ids),
          sql`(${surveyAnswers.value} is not null or ${surveyAnswers.text} is not null)`,
        ),
      )
      .groupBy(surveyAnswers.roundId),
    db
      .select({
        templateId: surveyRevisions.templateId,
        revision: surveyRevisions.revision,
        questions: sql<number>`(select count(*)::int from jsonb_array_elements(${surveyRevisions.sections}) sec, jsonb_array_elements(sec->'questions'))`,
      })
      .from(surveyRevisions)
      .where(
        and(
          eq(surveyRevisions.tenantId, actor.tenantId),
          inArray(
            surveyRevisions.templateId,
            page.items.map((r) => r.templateId),
          ),
        ),
      ),
  ]);
  const answered = new Map(counts.map((c) => [c.roundId, c.n]));
  const questions = new Map(revisions.map((r) => [`${r.templateId}:${r.revision}`, r.questions]));
  return {
    items: page.items.map((row) => ({
      ...row,
      templateTitle: names.template.get(row.templateId) ?? '',
      forumName: names.forum.get(row.forumId) ?? '',
      answered: answered.get(row.id) ?? 0,
      questions: questions.get(`${row.templateId}:${row.revision}`) ?? 0,
    })),
    nextCursor: page.nextCursor,
  };
}

/** Names and links of rounds by id (the audit trail). */
export async function roundRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  const result = new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  if (ids.length === 0) return result;
  const rows = await db
    .select()
    .from(surveyRounds)
    .where(and(eq(surveyRounds.tenantId, tenantId), inArray(surveyRounds.id, [...new Set(ids)])));
  if (rows.length === 0) return result;
  const names = await namesOf(db, tenantId, rows);
  for (const r of rows)
    result.set(r.id, {
      id: r.id,
      name: `${names.template.get(r.templateId) ?? ''} ${r.year}, ${names.forum.get(r.forumId) ?? ''}`,
      href: `/governance/surveys/rounds/${r.id}`,
      archived: false,
    });
  return result;
}

// History and comparison

/**
 * A forum's rounds of a template, year by year, per question and per section. The questions are
 * those of the newest revision, then any that earlier revisions asked and it dropped; a year that
 * did not ask a question has null. The section's mean is over its scale answers. The figures are
 * a few rounds of a few dozen answers each, so they are put together here rather than in SQL.
 */
export async function compareRounds(
  db: Database,
  actor: Actor,
  templateId: string,
  forumId: string,
): Promise<Comparison> {
  const s = readScope(db, actor);
  const template = await getTemplate(db, actor, templateId);
  const [forum] = await db
    .select({ id: forums.id, name: forums.name })
    .from(forums)
    .where(s.where(forums, eq(forums.id, forumId)));
  if (!forum) throw problems.field('querystring.forumId', 'No such forum');
  const rounds = await db
    .select()
    .from(surveyRounds)
    .where(s.where(surveyRounds, eq(surveyRounds.templateId, templateId), eq(surveyRounds.forumId, forumId)))
    .orderBy(asc(surveyRounds.year));
  const revisions = await db
    .select()
    .from(surveyRevisions)
    .where(s.where(surveyRevisions, eq(surveyRevisions.templateId, templateId)))
    .orderBy(desc(surveyRevisions.revision));
  const answers =
    rounds.length === 0
      ? []
      : await db
          .select()
          .from(surveyAnswers)
          .where(
            s.where(
              surveyAnswers,
              inArray(
                surveyAnswers.roundId,
                rounds.map((r) => r.id),
              ),
            ),
          );
  const answerOf = new Map(answers.map((a) => [`${a.roundId}:${a.questionId}`, a]));
  const askedIn = new Map(
    revisions.map((r) => [r.revision, new Set(r.sections.flatMap((sec) => sec.questions.map((q) => q.id)))]),
  );

  // The frame: the newest revision's sections and questions, then what older ones had besides.
  const frame: Section[] = [];
  const seen = new Set<string>();
  for (const revision of revisions)
    for (const sec of revision.sections) {
      let target = frame.find((f) => f.id === sec.id);
      if (!target) {
        target = { id: sec.id, title: sec.title, questions: [] };
        frame.push(target);
      }
      for (const q of sec.questions)
        if (!seen.has(q.id)) {
          seen.add(q.id);
          target.questions.push(q);
        }
    }

  return {
    template: { id: template.id, title: template.title },
    forum,
    years: rounds.map((r) => ({
      year: r.year,
      roundId: r.id,
      status: r.status as 'draft' | 'submitted',
      revision: r.revision,
    })),
    sections: frame.map((sec) => {
      const questions = sec.questions.map((q) => ({
        id: q.id,
        text: q.text,
        kind: q.kind,
        scale: q.scale,
        answers: rounds.map((r) => {
          if (!askedIn.get(r.revision)?.has(q.id)) return null;
          const a = answerOf.get(`${r.id}:${q.id}`);
          return a ? { value: a.value, text: a.text, comment: a.comment } : null;
        }),
      }));
      const means = rounds.map((_r, i) => {
        const values = questions
          .filter((q) => q.kind === 'scale')
          .map((q) => q.answers[i]?.value)
          .filter((v): v is number => v != null);
        return values.length === 0
          ? null
          : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
      });
      return { id: sec.id, title: sec.title, means, questions };
    }),
  };
}

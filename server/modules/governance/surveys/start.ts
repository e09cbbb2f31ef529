import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import type { StartItem } from '../../../platform/seam.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { forumMembers, forums } from '../forums/schema.ts';
import { surveyPolicy } from './policy.ts';
import { surveyRounds, surveyTemplates } from './schema.ts';

// This year's self-assessment rounds still in draft in the forums the signed-in person is a member
// or the chair of: they wait for the forum's answers until submitted. A round has no deadline of
// its own, so the item has no due date. Title and detail are data (template, year, forum).

export const SURVEY_ROUNDS = 'surveyRounds';

export async function draftRounds(db: Database, actor: Actor): Promise<StartItem[]> {
  const me = actor.personId;
  if (!me || !surveyPolicy.read(actor)) return [];
  const year = Number(todayInStockholm().slice(0, 4));
  const rows = await db
    .select({
      id: surveyRounds.id,
      forumId: surveyRounds.forumId,
      year: surveyRounds.year,
      templateTitle: surveyTemplates.title,
      forumName: forums.name,
    })
    .from(surveyRounds)
    .innerJoin(forums, and(eq(forums.tenantId, surveyRounds.tenantId), eq(forums.id, surveyRounds.forumId)))
    .innerJoin(
      surveyTemplates,
      and(
        eq(surveyTemplates.tenantId, surveyRounds.tenantId),
        eq(surveyTemplates.id, surveyRounds.templateId),
      ),
    )
    .where(
      and(
        eq(surveyRounds.tenantId, actor.tenantId),
        eq(surveyRounds.status, 'draft'),
        eq(surveyRounds.year, year),
        sql`${forums.archivedAt} is null`,
        sql`(${forums.chairId} = ${me} or exists (select 1 from ${forumMembers} m where m.tenant_id = ${forums.tenantId} and m.forum_id = ${forums.id} and m.person_id = ${me}))`,
      ),
    )
    .orderBy(asc(forums.sortName), asc(surveyRounds.id))
    .limit(20);
  // Only rounds the person may answer (a member holds forumMember in the forum's scope).
  return rows
    .filter((r) => surveyPolicy.answer(actor, r.forumId))
    .map((r) => ({
      section: SURVEY_ROUNDS,
      id: r.id,
      title: `${r.templateTitle} ${r.year}`,
      detail: r.forumName,
      href: `/governance/surveys/rounds/${r.id}`,
      due: null,
    }));
}

import { and, asc, eq, isNull, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import type { StartItem } from '../../../platform/seam.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { forums } from '../forums/schema.ts';
import { governancePolicy } from '../policy.ts';
import { decisions } from './schema.ts';

// The decisions the signed-in person is responsible for carrying out whose follow-up is due within
// two weeks or overdue, until they are completed or revoked. Title and detail are data (body, day,
// §, the decision's title): the section's label on the client says what they wait for.

export const DECISION_FOLLOW_UPS = 'decisionFollowUps';
const WITHIN_DAYS = 14;

export async function decisionFollowUps(db: Database, actor: Actor): Promise<StartItem[]> {
  if (!actor.personId || !governancePolicy.read(actor)) return [];
  const today = todayInStockholm();
  const rows = await db
    .select({
      id: decisions.id,
      body: decisions.body,
      forumName: forums.name,
      decidedOn: decisions.decidedOn,
      paragraph: decisions.paragraph,
      title: decisions.title,
      text: decisions.text,
      followUpOn: decisions.followUpOn,
    })
    .from(decisions)
    .leftJoin(forums, and(eq(forums.tenantId, decisions.tenantId), eq(forums.id, decisions.forumId)))
    .where(
      and(
        eq(decisions.tenantId, actor.tenantId),
        eq(decisions.responsibleId, actor.personId),
        isNull(decisions.archivedAt),
        notInArray(decisions.status, ['completed', 'revoked']),
        sql`${decisions.followUpOn} <= ${today}::date + ${WITHIN_DAYS}::int`,
      ),
    )
    .orderBy(asc(decisions.followUpOn), asc(decisions.id))
    .limit(20);
  return rows.map((d) => ({
    section: DECISION_FOLLOW_UPS,
    id: d.id,
    title: `${d.forumName ?? d.body} ${d.decidedOn} § ${d.paragraph}`,
    detail: d.title ?? d.text.slice(0, 120),
    href: `/governance/decisions/${d.id}`,
    due: d.followUpOn,
  }));
}

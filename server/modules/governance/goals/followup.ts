import { type FollowUp, followUp } from '../../../../shared/governance/followup.ts';
import { perspectives } from '../../../../shared/governance/goals.ts';
import { summarize } from '../../../../shared/governance/plans.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { everyPage } from '../../../platform/directory/transfer.ts';
import { presentPlan } from '../plans/present.ts';
import { listPlans } from '../plans/service.ts';
import { presentGoal } from './present.ts';
import { listGoals, type Sources, theseYears } from './service.ts';

// The follow-up of one year: every goal in force with its indicators over the five years up to
// it (computed figures as their sources give them now, unless frozen), and the plans covering it.

export { followUp };

export const FOLLOW_UP_YEARS = 5;

export async function yearFollowUp(
  db: Database,
  actor: Actor,
  year: number,
  seam?: Sources,
): Promise<FollowUp> {
  const years = Array.from({ length: FOLLOW_UP_YEARS }, (_, i) => year - FOLLOW_UP_YEARS + 1 + i);
  const [goalRows, planRows] = await Promise.all([
    everyPage((cursor) =>
      listGoals(db, actor, { limit: 200, cursor, includeArchived: false }, seam, theseYears(years)),
    ),
    everyPage((cursor) => listPlans(db, actor, { limit: 200, cursor, includeArchived: false, year })),
  ]);
  const goals = goalRows.map((g) => presentGoal(g, actor));
  const plans = planRows.map((p) => presentPlan(p, actor));
  return {
    year,
    years,
    perspectives: perspectives.map((perspective) => ({
      perspective,
      goals: goals.filter((g) => g.perspective === perspective),
    })),
    plans,
    summary: summarize(plans.flatMap((p) => p.initiatives)),
  };
}

import {
  type BenefitKind,
  benefitOf,
  type EffectGoal,
  type GoalDirection,
} from '../../../../shared/portfolio/benefits.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { portfolioPolicy } from '../policy.ts';
import type { GoalView } from './service.ts';

// Rows → API shapes for a reader, with the promised and realised benefit and what the reader may
// do (`can`).

export function presentGoal(row: GoalView, reader: Actor): EffectGoal {
  const goal = { direction: row.direction as GoalDirection, baseline: row.baseline };
  const active = row.archivedAt === null;
  const project = { managerId: row.projectManagerId };
  const keep = portfolioPolicy.editGoals(reader, project);
  const latest = row.followUps.find((f) => f.value !== null);
  const today = todayInStockholm();
  return {
    id: row.id,
    project: { id: row.projectId, name: row.projectName },
    name: row.name,
    description: row.description,
    indicator: row.indicator,
    unit: row.unit,
    direction: goal.direction,
    kind: row.kind as BenefitKind,
    baseline: row.baseline,
    target: row.target,
    responsible: { id: row.responsibleId, name: row.responsibleName },
    followUpDates: row.followUpDates,
    openDates: row.followUpDates.filter((d) => !row.answeredDates.includes(d)),
    nextFollowUpOn: row.nextFollowUpOn,
    overdue: active && row.nextFollowUpOn !== null && row.nextFollowUpOn < today,
    promised: benefitOf(goal, row.target),
    realised: latest ? benefitOf(goal, latest.value!) : null,
    followUps: row.followUps.map((f) => ({
      id: f.id,
      measuredOn: f.measuredOn,
      value: f.value,
      comment: f.comment,
      dueOn: f.dueOn,
      realised: f.value === null ? null : benefitOf(goal, f.value),
      recordedBy: f.recordedByName,
      createdAt: iso(f.createdAt)!,
    })),
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    can: {
      update: keep && active,
      archive: keep && active,
      restore: keep && !active,
      followUp: active && portfolioPolicy.followUp(reader, project, row),
    },
  };
}

import type { Direction, Goal, Indicator, Perspective } from '../../../../shared/governance/goals.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import type { IndicatorSource } from '../../../platform/seam.ts';
import { governancePolicy } from '../policy.ts';
import type { GoalView, IndicatorView } from './service.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`).

export const presentSource = (s: IndicatorSource) => ({
  key: s.key,
  label: s.label,
  unit: s.unit,
  origin: s.origin,
});

export function presentIndicator(i: IndicatorView): Indicator {
  return {
    id: i.id,
    name: i.name,
    unit: i.unit,
    direction: i.direction as Direction,
    baseline: i.baseline,
    baselineYear: i.baselineYear,
    target: i.target,
    targetYear: i.targetYear,
    sourceKey: i.sourceKey,
    source: i.source ? presentSource(i.source) : null,
    years: i.years.map((y) => ({ ...y, frozenAt: iso(y.frozenAt) })),
  };
}

export function presentGoal(row: GoalView, reader: Actor): Goal {
  const active = row.archivedAt === null;
  const manage = governancePolicy.manage(reader);
  return {
    id: row.id,
    perspective: row.perspective as Perspective,
    title: row.title,
    description: row.description,
    owner: row.ownerId ? { id: row.ownerId, name: row.ownerName ?? '' } : null,
    position: row.position,
    indicators: row.indicators.map(presentIndicator),
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: { update: manage && active, archive: manage && active, restore: manage && !active },
  };
}

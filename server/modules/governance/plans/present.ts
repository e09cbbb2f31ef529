import { type InitiativeStatus, type Plan, summarize } from '../../../../shared/governance/plans.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { governancePolicy } from '../policy.ts';
import type { InitiativeView, PlanView } from './service.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`).

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function presentInitiative(i: InitiativeView) {
  return {
    id: i.id,
    title: i.title,
    description: i.description,
    goals: i.goals,
    responsible: ref(i.responsibleId, i.responsibleName),
    status: i.status as InitiativeStatus,
    startsOn: i.startsOn,
    endsOn: i.endsOn,
    plannedCost: i.plannedCost,
    outcomeCost: i.outcomeCost,
    statusNote: i.statusNote,
    decision: ref(i.decisionId, i.decisionName),
    projectLink: i.projectLink,
  };
}

export function presentPlan(row: PlanView, reader: Actor): Plan {
  const active = row.archivedAt === null;
  const manage = governancePolicy.manage(reader);
  const items = row.initiatives.map(presentInitiative);
  return {
    id: row.id,
    year: row.year,
    endYear: row.endYear,
    title: row.title,
    description: row.description,
    decision: ref(row.decisionId, row.decisionName),
    initiatives: items,
    summary: summarize(items),
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: { update: manage && active, archive: manage && active, restore: manage && !active },
  };
}

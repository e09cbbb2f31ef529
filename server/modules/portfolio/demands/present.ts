import type {
  ConsultationParty,
  Demand,
  DemandEffort,
  DemandOutcome,
  DemandScope,
  DemandStatus,
  DemandSummary,
  PortfolioSettings,
} from '../../../../shared/portfolio/demands.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { portfolioPolicy } from '../policy.ts';
import type { DemandListRow, DemandView } from './service.ts';
import type { withCapacityNames } from './settings.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`).

const score = (stored: number) => stored / 100;

export function presentDemandSummary(row: DemandListRow): DemandSummary {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    scope: row.scope as DemandScope,
    status: row.status as DemandStatus,
    outcome: row.outcome as DemandOutcome | null,
    unitId: row.unitId,
    unitName: row.unitName,
    submitterName: row.submitterName,
    score: score(row.score),
    investment: row.investment,
    yearlySavings: row.yearlySavings,
    hoursFreed: row.hoursFreed,
    createdAt: iso(row.createdAt),
    version: row.version,
  };
}

export function presentDemand(row: DemandView, reader: Actor): Demand {
  const ref = (kind: string, id: string) => {
    const r = row.refs.get(`${kind}:${id}`);
    return { id, name: r?.name ?? null, href: r?.href ?? null };
  };
  const keeper = portfolioPolicy.prepare(reader, row.unitId, row.enclosing);
  const open = row.status !== 'closed';
  const own = reader.personId !== null && row.submitterId === reader.personId;
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    description: row.description,
    scope: row.scope as DemandScope,
    status: row.status as DemandStatus,
    outcome: row.outcome as DemandOutcome | null,
    unitId: row.unitId,
    unitName: row.unitName,
    systems: row.systemIds.map((id) => ref('system', id)),
    reason: row.reason,
    beneficiaries: row.beneficiaries,
    submitterId: row.submitterId,
    submitterName: row.submitterName,
    fromTicket: row.fromTicketId ? ref('ticket', row.fromTicketId) : null,
    benefitText: row.benefitText,
    yearlySavings: row.yearlySavings,
    hoursFreed: row.hoursFreed,
    investment: row.investment,
    runningCost: row.runningCost,
    affectedUnits: row.affectedUnitIds.map((id) => ref('unit', id)),
    goals: row.goalIds.map((id) => ref('goal', id)),
    risks: row.risks,
    effort: row.effort as DemandEffort | null,
    ratings: row.ratings,
    score: score(row.score),
    preparedByForum: row.preparedByForumId ? ref('forum', row.preparedByForumId) : null,
    preparedOn: row.preparedOn,
    securityImpact: row.securityImpact,
    decision: row.decisionId ? ref('decision', row.decisionId) : null,
    decidedOn: row.decidedOn,
    consultations: row.consultations.map((c) => ({
      id: c.id,
      party: c.party as ConsultationParty,
      who: c.who,
      on: c.on,
      note: c.note,
      recordedByName: c.recordedByName,
      createdAt: iso(c.createdAt),
    })),
    agenda: row.agenda.map((a) => ({
      meetingId: a.meetingId,
      itemId: a.itemId,
      forumId: a.forumId,
      forumName: a.forumName,
      forumKind: a.forumKind,
      startsAt: iso(a.startsAt),
    })),
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: {
      update: open && (keeper || (own && row.status === 'received')),
      prepare: open && keeper,
      transition: open && keeper,
      decide: keeper && row.status === 'readyForDecision',
      consult: open && keeper,
      putOnAgenda: open && keeper,
    },
  };
}

export function presentPortfolioSettings(
  row: Awaited<ReturnType<typeof withCapacityNames>>,
  reader: Actor,
): PortfolioSettings {
  return {
    scoring: row.scoring,
    routing: row.routing,
    capacity: row.capacity,
    version: row.version,
    updatedAt: iso(row.updatedAt),
    can: { update: portfolioPolicy.manageSettings(reader) },
  };
}

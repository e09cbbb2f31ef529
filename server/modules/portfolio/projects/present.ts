import type { Project, ProjectPhase, Rag, ReportCadence } from '../../../../shared/portfolio/projects.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { portfolioPolicy } from '../policy.ts';
import type { ProjectView } from './service.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`).

export function presentProject(row: ProjectView, reader: Actor): Project {
  const ref = (id: string | null) => (id ? { id, name: row.names.get(id) ?? '' } : null);
  const active = row.archivedAt === null;
  const manage = portfolioPolicy.edit(reader);
  const report = portfolioPolicy.report(reader, row) && active;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    phase: row.phase as ProjectPhase,
    demandId: row.demandId,
    initiative: row.initiative,
    manager: ref(row.managerId),
    steeringGroup: ref(row.steeringGroupId),
    unit: ref(row.unitId),
    systems: row.systemIds.map((id) => ({ id, name: row.names.get(id) ?? '' })),
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    reportCadence: row.reportCadence as ReportCadence,
    nextReportOn: row.nextReportOn,
    budget: row.budget,
    milestones: row.milestones,
    risks: row.risks.map(({ ownerId, ...r }) => ({ ...r, owner: ref(ownerId) })),
    reports: row.reports.map((r) => ({
      id: r.id,
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      time: r.time as Rag,
      timeNote: r.timeNote,
      cost: r.cost as Rag,
      costNote: r.costNote,
      scope: r.scope as Rag,
      scopeNote: r.scopeNote,
      summary: r.summary,
      reportedBy: r.reportedByName,
      createdAt: iso(r.createdAt),
    })),
    deviations: row.deviations.map((d) => ({
      id: d.id,
      title: d.title,
      consequence: d.consequence,
      proposedAction: d.proposedAction,
      needsDecision: d.needsDecision,
      forum: ref(d.forumId),
      meeting:
        d.meetingId && d.meetingStartsAt ? { id: d.meetingId, startsAt: iso(d.meetingStartsAt) } : null,
      raisedBy: d.raisedByName,
      createdAt: iso(d.createdAt),
    })),
    handover:
      row.handoverSystemId && row.handedOverAt
        ? { system: ref(row.handoverSystemId)!, at: iso(row.handedOverAt) }
        : null,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: {
      update: manage && active,
      archive: manage && active,
      restore: manage && !active,
      report,
      raiseDeviation: report,
      handover: manage && active && row.phase !== 'handedOver',
    },
  };
}

import type {
  Decision,
  DecisionLinkKind,
  DecisionStatus,
  GovernanceSettings,
} from '../../../../shared/governance/decisions.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { governancePolicy } from '../policy.ts';
import type { DecisionView } from './service.ts';
import type { SettingsRow } from './settings.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`).

export function presentDecision(row: DecisionView, reader: Actor): Decision {
  const active = row.archivedAt === null;
  const record = governancePolicy.recordDecision(reader, row.forumId);
  return {
    id: row.id,
    forumId: row.forumId,
    forumName: row.forumName,
    body: row.body,
    bodyName: row.forumName ?? row.body ?? '',
    meetingId: row.meetingId,
    agendaItemId: row.agendaItemId,
    decidedOn: row.decidedOn,
    year: row.year,
    paragraph: row.paragraph,
    title: row.title,
    text: row.text,
    registrationNumber: row.registrationNumber,
    status: row.status as DecisionStatus,
    responsibleId: row.responsibleId,
    responsibleName: row.responsibleName,
    followUpOn: row.followUpOn,
    links: row.links.map((l) => ({
      kind: l.kind as DecisionLinkKind,
      id: l.id,
      name: l.ref?.name ?? null,
      href: l.ref?.href ?? null,
      archived: l.ref?.archived ?? false,
    })),
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: { update: record && active, archive: record && active, restore: record && !active },
  };
}

export function presentSettings(row: SettingsRow, reader: Actor): GovernanceSettings {
  return {
    registrationPatterns: row.registrationPatterns,
    version: row.version,
    updatedAt: iso(row.updatedAt),
    can: {
      update: governancePolicy.manage(reader),
      recordDecisions: governancePolicy.recordSomeDecision(reader),
    },
  };
}

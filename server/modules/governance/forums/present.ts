import type { DecisionClass, Forum, ForumKind } from '../../../../shared/governance/forums.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { governancePolicy } from '../policy.ts';
import type { ForumView } from './service.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`).

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function presentForum(row: ForumView, reader: Actor): Forum {
  const active = row.archivedAt === null;
  const manage = governancePolicy.manage(reader);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ForumKind,
    meetingsPerYear: row.meetingsPerYear,
    meetingsPerYearMax: row.meetingsPerYearMax,
    mandate: row.mandate,
    chair: ref(row.chairId, row.chairName),
    convener: ref(row.convenerId, row.convenerName),
    secretary: ref(row.secretaryId, row.secretaryName),
    members: row.members,
    decisionClasses: row.decisionClasses as DecisionClass[],
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: { update: manage && active, archive: manage && active, restore: manage && !active },
  };
}

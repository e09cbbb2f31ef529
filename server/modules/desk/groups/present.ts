import type { Group, GroupKind, GroupMember } from '../../../../shared/desk/groups.ts';
import type { Actor } from '../../../platform/context.ts';
import type { ScopeHolder } from '../../../platform/directory/service.ts';
import { iso } from '../../../platform/http.ts';
import { deskPolicy } from '../policy.ts';
import type { GroupView } from './service.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`).

export function presentGroup(row: GroupView, reader: Actor): Group {
  const active = row.archivedAt === null;
  const configure = deskPolicy.configure(reader);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as GroupKind,
    description: row.description,
    email: row.email,
    systemId: row.systemId,
    systemName: row.systemName,
    supplierId: row.supplierId,
    supplierName: row.supplierName,
    leadId: row.leadId,
    leadName: row.leadName,
    memberCount: row.memberCount,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: {
      update: configure && active,
      archive: configure && active,
      restore: configure && !active,
      manageMembers: configure && active,
    },
  };
}

export function presentMember(holder: ScopeHolder): GroupMember {
  return {
    personId: holder.personId,
    name: holder.name,
    email: holder.email,
    archived: holder.archived,
    since: iso(holder.since),
  };
}

import type {
  DocumentKind,
  DocumentStatus,
  GoverningDocument,
} from '../../../../shared/governance/documents.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { governancePolicy } from '../policy.ts';
import type { DocumentView } from './service.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`).

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function presentDocument(row: DocumentView, reader: Actor): GoverningDocument {
  const active = row.archivedAt === null;
  const manage = governancePolicy.manage(reader);
  const reviewed = row.status === 'inForce' || row.status === 'underRevision';
  return {
    id: row.id,
    kind: row.kind as DocumentKind,
    title: row.title,
    description: row.description,
    owner: ref(row.ownerId, row.ownerName),
    adoptedBy: ref(row.adoptedById, row.adoptedByName),
    validFrom: row.validFrom,
    validTo: row.validTo,
    reviewIntervalMonths: row.reviewIntervalMonths,
    nextReviewOn: row.nextReviewOn,
    reviewReminderDays: row.reviewReminderDays,
    reviewOverdue: active && reviewed && !!row.nextReviewOn && row.nextReviewOn < todayInStockholm(),
    status: row.status as DocumentStatus,
    parent: ref(row.parentId, row.parentTitle),
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: { update: manage && active, archive: manage && active, restore: manage && !active },
  };
}

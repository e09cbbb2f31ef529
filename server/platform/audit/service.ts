import { and, desc, eq, gte, lt, lte, or } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../context.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { readScope } from '../tenancy.ts';
import { auditEvents } from './schema.ts';

// Reading the audit trail. Writing happens only through TenantScope.audit, inside the
// transaction of the change itself.

export type AuditRow = typeof auditEvents.$inferSelect;

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  cursor?: string;
}

/** Newest first. */
export async function listAudit(db: Database, actor: Actor, filter: AuditFilter) {
  const s = readScope(db, actor);
  const after = decodeCursor(filter.cursor, 2) as [string, string] | undefined;
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      s.where(
        auditEvents,
        filter.entity ? eq(auditEvents.entity, filter.entity) : undefined,
        filter.entityId ? eq(auditEvents.entityId, filter.entityId) : undefined,
        filter.actorId ? eq(auditEvents.actorId, filter.actorId) : undefined,
        filter.from ? gte(auditEvents.occurredAt, filter.from) : undefined,
        filter.to ? lte(auditEvents.occurredAt, filter.to) : undefined,
        after
          ? or(
              lt(auditEvents.occurredAt, new Date(after[0])),
              and(eq(auditEvents.occurredAt, new Date(after[0])), lt(auditEvents.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(filter.limit + 1);
  return toPage(rows, filter.limit, (r) => [r.occurredAt.toISOString(), r.id]);
}

import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { line } from '../../../shared/text.ts';
import type { Database } from '../../db/client.ts';
import { principalOf } from '../auth/plugin.ts';
import { isAdmin } from '../authz.ts';
import { problems } from '../errors.ts';
import { type App, errorResponses, iso } from '../http.ts';
import type { Seam } from '../seam.ts';
import { formulaSafe } from '../transfer/csv.ts';
import { type AuditRow, listAudit } from './service.ts';

const auditEvent = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
  requestId: z.string().nullable(),
  /** The record's name and page, from the module that owns the entity (null when it is gone). */
  entityName: z.string().nullable(),
  entityHref: z.string().nullable(),
});

const query = z.strictObject({
  entity: line(50).optional(),
  entityId: z.uuid().optional(),
  actorId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: line(500).optional(),
});

function present(row: AuditRow) {
  return {
    id: row.id,
    occurredAt: iso(row.occurredAt),
    actorId: row.actorId,
    actorName: row.actorName,
    entity: row.entity,
    entityId: row.entityId,
    action: row.action,
    changes: row.changes as Record<string, [unknown, unknown]>,
    requestId: row.requestId,
  };
}

function authorizeQuery(
  seam: Seam,
  actor: Parameters<typeof isAdmin>[0],
  q: { entity?: string; entityId?: string },
) {
  // Admins read all; others one record's history where its module allows (a person their own).
  if (isAdmin(actor)) return;
  const definition = q.entity ? seam.auditEntity(q.entity) : undefined;
  if (!(q.entityId && definition?.canReadHistory?.(actor, q.entityId))) throw problems.forbidden();
}

function filterOf(q: z.infer<typeof query>) {
  return {
    entity: q.entity,
    entityId: q.entityId,
    actorId: q.actorId,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
  };
}

const CSV_EXPORT_MAX = 100_000;

export function auditRoutes(app: App, db: Database, seam: Seam) {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit trail (admins; anyone for their own person record)',
        querystring: query,
        response: {
          200: z.object({ items: z.array(auditEvent), nextCursor: z.string().nullable() }),
          ...errorResponses,
        },
      },
      config: { authorize: () => true },
    },
    async (request) => {
      const actor = principalOf(request);
      authorizeQuery(seam, actor, request.query);
      const result = await listAudit(db, actor, {
        ...filterOf(request.query),
        limit: request.query.limit,
        cursor: request.query.cursor,
      });
      const names = await seam.describeAuditEntities(
        db,
        actor.tenantId,
        result.items.map((r) => ({ kind: r.entity, id: r.entityId })),
      );
      return {
        items: result.items.map((row) => {
          const ref = names.get(`${row.entity}:${row.entityId}`);
          return { ...present(row), entityName: ref?.name ?? null, entityHref: ref?.href ?? null };
        }),
        nextCursor: result.nextCursor,
      };
    },
  );

  app.get(
    '/api/v1/audit/export',
    {
      schema: {
        tags: ['audit'],
        summary: 'The same selection as CSV (up to 100 000 events)',
        querystring: query.omit({ limit: true, cursor: true }),
        produces: ['text/csv'],
        response: { 200: z.string(), ...errorResponses },
      },
      config: { authorize: () => true },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      authorizeQuery(seam, actor, request.query);
      const result = await listAudit(db, actor, {
        ...filterOf({ ...request.query, limit: 0 }),
        limit: CSV_EXPORT_MAX,
      });
      const csv = stringify(
        result.items
          .map(present)
          .map((e) =>
            [
              e.occurredAt,
              e.actorName,
              e.entity,
              e.entityId,
              e.action,
              JSON.stringify(e.changes),
              e.requestId ?? '',
            ].map(formulaSafe),
          ),
        {
          header: true,
          columns: ['occurredAt', 'actor', 'entity', 'entityId', 'action', 'changes', 'requestId'],
        },
      );
      // The byte-order mark makes Excel read the file as UTF-8 (å, ä, ö).
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit.csv"')
        .send(`\uFEFF${csv}`);
    },
  );
}

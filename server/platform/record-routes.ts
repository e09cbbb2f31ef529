import type { z } from 'zod';
import { type ArchiveBody, archiveBody, page, restoreBody } from '../../shared/records.ts';
import type { Database } from '../db/client.ts';
import { principalOf } from './auth/plugin.ts';
import type { Actor } from './context.ts';
import { type App, errorResponses, idParams } from './http.ts';
import { exportFormat, fileResponse, sendFile } from './transfer/http.ts';
import type { ExportFile, ExportFormat } from './transfer/index.ts';

// The seven routes of a plain record (list, export, one, create, change, archive, restore),
// declared once: the registry's suppliers, contracts and licences and the desk's groups differ only
// in schemas and services. Routes stay thin: parse, authorize, call the service, present.

interface RecordRoutes<Row, Q extends z.ZodObject, C extends z.ZodType, U extends z.ZodType> {
  /** The module's API tag. */
  tag: string;
  /** `/api/v1/contracts` */
  path: string;
  /** "contract", "contracts": for the summaries. */
  noun: string;
  plural: string;
  item: z.ZodType;
  listQuery: Q;
  create: C;
  update: U;
  read: (actor: Actor) => boolean;
  write: (actor: Actor) => boolean;
  present(row: Row, actor: Actor): unknown;
  list(db: Database, actor: Actor, query: z.infer<Q>): Promise<{ items: Row[]; nextCursor: string | null }>;
  exportFile(
    db: Database,
    actor: Actor,
    query: Omit<z.infer<Q>, 'limit' | 'cursor'>,
    format: ExportFormat,
  ): Promise<ExportFile>;
  get(db: Database, actor: Actor, id: string): Promise<Row>;
  add(db: Database, actor: Actor, input: z.infer<C>): Promise<Row>;
  change(db: Database, actor: Actor, id: string, input: z.infer<U>): Promise<Row>;
  archive(db: Database, actor: Actor, id: string, input: ArchiveBody): Promise<Row>;
  restore(db: Database, actor: Actor, id: string, version: number): Promise<Row>;
}

export function recordRoutes<Row, Q extends z.ZodObject, C extends z.ZodType, U extends z.ZodType>(
  app: App,
  db: Database,
  r: RecordRoutes<Row, Q, C, U>,
) {
  const tags = [r.tag];
  const exportQuery = r.listQuery.omit({ limit: true, cursor: true }).extend({ format: exportFormat });

  app.get(
    r.path,
    {
      schema: {
        tags,
        summary: `List ${r.plural}, filtered`,
        querystring: r.listQuery,
        response: { 200: page(r.item), ...errorResponses },
      },
      config: { authorize: r.read },
    },
    async (request) => {
      const actor = principalOf(request);
      const result = await r.list(db, actor, request.query as z.infer<Q>);
      return { items: result.items.map((row) => r.present(row, actor)), nextCursor: result.nextCursor };
    },
  );

  app.get(
    `${r.path}/export`,
    {
      schema: {
        tags,
        summary: `Export ${r.plural} as CSV or XLSX, with the filters of the list`,
        querystring: exportQuery,
        response: { 200: fileResponse, ...errorResponses },
      },
      config: { authorize: r.read },
    },
    async (request, reply) => {
      const { format, ...query } = request.query as { format: ExportFormat } & Record<string, unknown>;
      return sendFile(reply, await r.exportFile(db, principalOf(request), query as never, format));
    },
  );

  app.get(
    `${r.path}/:id`,
    {
      schema: {
        tags,
        summary: `One ${r.noun}`,
        params: idParams,
        response: { 200: r.item, ...errorResponses },
      },
      config: { authorize: r.read },
    },
    async (request) => {
      const actor = principalOf(request);
      return r.present(await r.get(db, actor, request.params.id), actor);
    },
  );

  app.post(
    r.path,
    {
      schema: {
        tags,
        summary: `Register a ${r.noun}`,
        body: r.create,
        response: { 201: r.item, ...errorResponses },
      },
      config: { authorize: r.write },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const row = await r.add(db, actor, request.body as z.infer<C>);
      return reply.code(201).send(r.present(row, actor));
    },
  );

  app.patch(
    `${r.path}/:id`,
    {
      schema: {
        tags,
        summary: `Change a ${r.noun}`,
        params: idParams,
        body: r.update,
        response: { 200: r.item, ...errorResponses },
      },
      config: { authorize: r.write },
    },
    async (request) => {
      const actor = principalOf(request);
      return r.present(await r.change(db, actor, request.params.id, request.body as z.infer<U>), actor);
    },
  );

  app.post(
    `${r.path}/:id/archive`,
    {
      schema: {
        tags,
        summary: `Archive a ${r.noun}, with a reason`,
        params: idParams,
        body: archiveBody,
        response: { 200: r.item, ...errorResponses },
      },
      config: { authorize: r.write },
    },
    async (request) => {
      const actor = principalOf(request);
      return r.present(await r.archive(db, actor, request.params.id, request.body), actor);
    },
  );

  app.post(
    `${r.path}/:id/restore`,
    {
      schema: {
        tags,
        summary: `Restore an archived ${r.noun}`,
        params: idParams,
        body: restoreBody,
        response: { 200: r.item, ...errorResponses },
      },
      config: { authorize: r.write },
    },
    async (request) => {
      const actor = principalOf(request);
      return r.present(await r.restore(db, actor, request.params.id, request.body.version), actor);
    },
  );
}

import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { archiveBody, page, restoreBody } from '../../../../shared/records.ts';
import {
  system,
  systemCreate,
  systemExportQuery,
  systemListQuery,
  systemUpdate,
} from '../../../../shared/registry/systems.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import type { Actor } from '../../../platform/context.ts';
import { type App, errorResponses, idParams, sendJsonText } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { fileResponse, sendFile } from '../../../platform/transfer/http.ts';
import { registryPolicy } from '../policy.ts';
import { canTail, presentSystem } from './present.ts';
import * as systems from './service.ts';
import { exportSystems } from './transfer.ts';

// HTTP for systems: parse, authorize, call the service, shape the answer.

/** The route's `:id` as the system a rule is about. */
const onSystem =
  (rule: (actor: Actor, systemId: string) => boolean) => (actor: Actor, request: FastifyRequest) =>
    rule(actor, (request.params as { id: string }).id);

const PAGE_OPEN = Buffer.from('{"items":[');
const COMMA = Buffer.from(',');

export function systemRoutes(app: App, { db }: ModuleContext) {
  app.get(
    '/api/v1/registry/can',
    {
      schema: {
        tags: ['registry'],
        summary: 'What the reader may do in the register as a whole (create systems, suppliers …)',
        response: { 200: z.object({ manage: z.boolean(), readCommercial: z.boolean() }), ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      return { manage: registryPolicy.manage(actor), readCommercial: registryPolicy.readCommercial(actor) };
    },
  );

  app.get(
    '/api/v1/systems',
    {
      schema: {
        tags: ['registry'],
        summary: 'List systems, filtered, sorted by name, phase, criticality or last change',
        querystring: systemListQuery,
        response: { 200: page(system), ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request, reply) => {
      // The register's hot read: the records' JSON as the database keeps it, held as UTF-8 by
      // row version (listSystemsJson), each with `can` added here: a page is one copy of bytes,
      // not rows read, checked and serialised again.
      const actor = principalOf(request);
      const result = await systems.listSystemsJson(db, actor, request.query);
      const parts: Buffer[] = [PAGE_OPEN];
      result.items.forEach((row, i) => {
        if (i > 0) parts.push(COMMA);
        parts.push(row.head, canTail(actor, row).bytes);
      });
      parts.push(Buffer.from(`],"nextCursor":${JSON.stringify(result.nextCursor)}}`));
      return sendJsonText(reply, Buffer.concat(parts));
    },
  );

  app.get(
    '/api/v1/systems/export',
    {
      schema: {
        tags: ['registry'],
        summary: 'Export systems as CSV or XLSX, with the filters and the order of the list',
        querystring: systemExportQuery,
        response: { 200: fileResponse, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendFile(reply, await exportSystems(db, principalOf(request), query, format));
    },
  );

  app.get(
    '/api/v1/systems/:id',
    {
      schema: {
        tags: ['registry'],
        summary: 'One system',
        params: idParams,
        response: { 200: system, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request, reply) => {
      // As the list: the record's JSON as the database keeps it, `can` added (one statement).
      const actor = principalOf(request);
      const row = await systems.getSystemJson(db, actor, request.params.id);
      return sendJsonText(reply, row.json.slice(0, -1) + canTail(actor, row).text);
    },
  );

  app.post(
    '/api/v1/systems',
    {
      schema: {
        tags: ['registry'],
        summary: 'Register a system',
        body: systemCreate,
        response: { 201: system, ...errorResponses },
      },
      config: { authorize: registryPolicy.manage },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const row = await systems.createSystem(db, actor, request.body);
      return reply.code(201).send(presentSystem(row, actor));
    },
  );

  app.patch(
    '/api/v1/systems/:id',
    {
      schema: {
        tags: ['registry'],
        summary: "Change a system's record",
        params: idParams,
        body: systemUpdate,
        response: { 200: system, ...errorResponses },
      },
      config: { authorize: onSystem(registryPolicy.editSystem) },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentSystem(await systems.updateSystem(db, actor, request.params.id, request.body), actor);
    },
  );

  app.post(
    '/api/v1/systems/:id/archive',
    {
      schema: {
        tags: ['registry'],
        summary: 'Archive a system, with a reason',
        params: idParams,
        body: archiveBody,
        response: { 200: system, ...errorResponses },
      },
      config: { authorize: registryPolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentSystem(await systems.archiveSystem(db, actor, request.params.id, request.body), actor);
    },
  );

  app.post(
    '/api/v1/systems/:id/restore',
    {
      schema: {
        tags: ['registry'],
        summary: 'Restore an archived system',
        params: idParams,
        body: restoreBody,
        response: { 200: system, ...errorResponses },
      },
      config: { authorize: registryPolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentSystem(
        await systems.restoreSystem(db, actor, request.params.id, request.body.version),
        actor,
      );
    },
  );
}

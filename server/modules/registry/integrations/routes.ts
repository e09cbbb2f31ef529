import type { FastifyRequest } from 'fastify';
import { archiveBody, page, restoreBody } from '../../../../shared/records.ts';
import {
  impact,
  impactQuery,
  integration,
  integrationCreate,
  integrationListQuery,
  integrationUpdate,
  systemMap,
  systemMapQuery,
} from '../../../../shared/registry/integrations.ts';
import type { Database } from '../../../db/client.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import type { Actor } from '../../../platform/context.ts';
import { problems } from '../../../platform/errors.ts';
import { type App, errorResponses, idParams, sendJsonText } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { exportFormat, fileResponse, sendFile } from '../../../platform/transfer/http.ts';
import { registryPolicy } from '../policy.ts';
import { presentIntegration } from './present.ts';
import * as service from './service.ts';
import { exportIntegrations } from './transfer.ts';

// HTTP for integrations, the impact analysis and the system map: parse, authorize, call the
// service, shape the answer.

const exportQuery = integrationListQuery.omit({ limit: true, cursor: true }).extend({ format: exportFormat });

/**
 * May the actor change the integration of the route's `:id`: the keepers, or one who edits a system
 * at either end now and, when the body moves an end, at either end afterwards too. An id that is
 * not in the tenant is left to the service (404) for the keepers and refused for everyone else.
 */
const mayChange = (db: Database) => async (actor: Actor, request: FastifyRequest) => {
  if (registryPolicy.manage(actor)) return true;
  const ends = await service.integrationEnds(db, actor, (request.params as { id: string }).id);
  if (!ends || !registryPolicy.editIntegration(actor, ends.fromSystemId, ends.toSystemId)) return false;
  const body = (request.body ?? {}) as { fromSystemId?: string; toSystemId?: string };
  return registryPolicy.editIntegration(
    actor,
    body.fromSystemId ?? ends.fromSystemId,
    body.toSystemId ?? ends.toSystemId,
  );
};

export function integrationRoutes(app: App, { db }: ModuleContext) {
  app.get(
    '/api/v1/integrations',
    {
      schema: {
        tags: ['registry'],
        summary: 'List integrations, in order of what flows, filtered',
        querystring: integrationListQuery,
        response: { 200: page(integration), ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      const result = await service.listIntegrations(db, actor, request.query);
      return { items: result.items.map((r) => presentIntegration(r, actor)), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/v1/integrations/export',
    {
      schema: {
        tags: ['registry'],
        summary: 'Export integrations as CSV or XLSX, with the filters of the list',
        querystring: exportQuery,
        response: { 200: fileResponse, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendFile(reply, await exportIntegrations(db, principalOf(request), query, format));
    },
  );

  app.get(
    '/api/v1/integrations/:id',
    {
      schema: {
        tags: ['registry'],
        summary: 'One integration',
        params: idParams,
        response: { 200: integration, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentIntegration(await service.getIntegration(db, actor, request.params.id), actor);
    },
  );

  app.post(
    '/api/v1/integrations',
    {
      schema: {
        tags: ['registry'],
        summary: 'Register an integration: the receiving system (to) depends on the sending one (from)',
        body: integrationCreate,
        response: { 201: integration, ...errorResponses },
      },
      config: {
        authorize: (actor, request) => {
          const body = request.body as { fromSystemId: string; toSystemId: string };
          return registryPolicy.editIntegration(actor, body.fromSystemId, body.toSystemId);
        },
      },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const row = await service.createIntegration(db, actor, request.body);
      return reply.code(201).send(presentIntegration(row, actor));
    },
  );

  app.patch(
    '/api/v1/integrations/:id',
    {
      schema: {
        tags: ['registry'],
        summary: 'Change an integration',
        params: idParams,
        body: integrationUpdate,
        response: { 200: integration, ...errorResponses },
      },
      config: { authorize: mayChange(db) },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentIntegration(
        await service.updateIntegration(db, actor, request.params.id, request.body),
        actor,
      );
    },
  );

  app.post(
    '/api/v1/integrations/:id/archive',
    {
      schema: {
        tags: ['registry'],
        summary: 'Archive an integration, with a reason (it no longer carries impact)',
        params: idParams,
        body: archiveBody,
        response: { 200: integration, ...errorResponses },
      },
      config: { authorize: mayChange(db) },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentIntegration(
        await service.archiveIntegration(db, actor, request.params.id, request.body),
        actor,
      );
    },
  );

  app.post(
    '/api/v1/integrations/:id/restore',
    {
      schema: {
        tags: ['registry'],
        summary: 'Restore an archived integration',
        params: idParams,
        body: restoreBody,
        response: { 200: integration, ...errorResponses },
      },
      config: { authorize: mayChange(db) },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentIntegration(
        await service.restoreIntegration(db, actor, request.params.id, request.body.version),
        actor,
      );
    },
  );

  app.get(
    '/api/v1/systems/:id/impact',
    {
      schema: {
        tags: ['registry'],
        summary: 'What stops when the system stops: the systems that receive from it, and their units',
        description:
          'Every system that receives from this one, directly (distance 1) or through others, with its shortest distance; a two-way integration counts both ways; archived integrations and systems carry nothing. `units` are the units that own or use any of those systems.',
        params: idParams,
        querystring: impactQuery,
        response: { 200: impact, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request, reply) => {
      const body = await service.impactJsonOf(
        db,
        principalOf(request),
        request.params.id,
        request.query.depth,
      );
      if (body === undefined) throw problems.notFound('system');
      return sendJsonText(reply, body);
    },
  );

  app.get(
    '/api/v1/system-map',
    {
      schema: {
        tags: ['registry'],
        summary: 'The system map: the live systems that pass the filters and the integrations between them',
        querystring: systemMapQuery,
        response: { 200: systemMap, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => service.systemMapOf(db, principalOf(request), request.query),
  );
}

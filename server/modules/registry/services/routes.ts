import type { FastifyRequest } from 'fastify';
import { archiveBody, page, restoreBody } from '../../../../shared/records.ts';
import {
  service,
  serviceCreate,
  serviceListQuery,
  serviceSystemsBody,
  serviceUpdate,
  systemServices,
} from '../../../../shared/registry/services.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import type { Actor } from '../../../platform/context.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { exportFormat, fileResponse, sendFile } from '../../../platform/transfer/http.ts';
import { registryPolicy } from '../policy.ts';
import { exportServices } from './export.ts';
import { presentService } from './present.ts';
import * as services from './service.ts';

// HTTP for services and APIs: parse, authorize, call the service, shape the answer.

const exportQuery = serviceListQuery.omit({ limit: true, cursor: true }).extend({ format: exportFormat });

export function serviceRoutes(app: App, { db }: ModuleContext) {
  /** The keepers, or the owner of the service in the route's `:id` (looked up in the tenant). */
  const mayEdit = async (actor: Actor, request: FastifyRequest) => {
    if (registryPolicy.manage(actor)) return true;
    const found = await services.ownerOfService(db, actor, (request.params as { id: string }).id);
    return !!found && registryPolicy.editService(actor, found);
  };

  app.get(
    '/api/v1/services',
    {
      schema: {
        tags: ['registry'],
        summary: 'List services and APIs, in name order, filtered',
        querystring: serviceListQuery,
        response: { 200: page(service), ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      const result = await services.listServices(db, actor, request.query);
      return { items: result.items.map((row) => presentService(row, actor)), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/v1/services/export',
    {
      schema: {
        tags: ['registry'],
        summary: 'Export services and APIs as CSV or XLSX, with the filters of the list',
        description:
          'K/R/T levels the reader may not read are left empty; "K/R/T satt" says whether they exist.',
        querystring: exportQuery,
        response: { 200: fileResponse, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendFile(reply, await exportServices(db, principalOf(request), query, format));
    },
  );

  app.get(
    '/api/v1/services/:id',
    {
      schema: {
        tags: ['registry'],
        summary: 'One service or API',
        params: idParams,
        response: { 200: service, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentService(await services.getService(db, actor, request.params.id), actor);
    },
  );

  app.post(
    '/api/v1/services',
    {
      schema: {
        tags: ['registry'],
        summary: 'Register a service or an API',
        body: serviceCreate,
        response: { 201: service, ...errorResponses },
      },
      config: { authorize: registryPolicy.manage },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const row = await services.createService(db, actor, request.body);
      return reply.code(201).send(presentService(row, actor));
    },
  );

  app.patch(
    '/api/v1/services/:id',
    {
      schema: {
        tags: ['registry'],
        summary: "Change a service's record (the keepers and its owner)",
        params: idParams,
        body: serviceUpdate,
        response: { 200: service, ...errorResponses },
      },
      config: { authorize: mayEdit },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentService(await services.updateService(db, actor, request.params.id, request.body), actor);
    },
  );

  app.put(
    '/api/v1/services/:id/systems',
    {
      schema: {
        tags: ['registry'],
        summary: 'Set the systems that provide and consume a service (replaces all its links)',
        params: idParams,
        body: serviceSystemsBody,
        response: { 200: service, ...errorResponses },
      },
      config: { authorize: mayEdit },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentService(
        await services.setServiceSystems(db, actor, request.params.id, request.body),
        actor,
      );
    },
  );

  app.post(
    '/api/v1/services/:id/archive',
    {
      schema: {
        tags: ['registry'],
        summary: 'Archive a service or API, with a reason',
        params: idParams,
        body: archiveBody,
        response: { 200: service, ...errorResponses },
      },
      config: { authorize: registryPolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentService(await services.archiveService(db, actor, request.params.id, request.body), actor);
    },
  );

  app.post(
    '/api/v1/services/:id/restore',
    {
      schema: {
        tags: ['registry'],
        summary: 'Restore an archived service or API',
        params: idParams,
        body: restoreBody,
        response: { 200: service, ...errorResponses },
      },
      config: { authorize: registryPolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentService(
        await services.restoreService(db, actor, request.params.id, request.body.version),
        actor,
      );
    },
  );

  app.get(
    '/api/v1/systems/:id/services',
    {
      schema: {
        tags: ['registry'],
        summary: 'The services and APIs a system provides and consumes',
        params: idParams,
        response: { 200: systemServices, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      const found = await services.servicesOfSystem(db, actor, request.params.id);
      return {
        provides: found.provides.map((row) => presentService(row, actor)),
        consumes: found.consumes.map((row) => presentService(row, actor)),
      };
    },
  );
}

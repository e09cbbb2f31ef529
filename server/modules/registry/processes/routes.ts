import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { archiveBody, page, restoreBody } from '../../../../shared/records.ts';
import {
  processCreate,
  processListQuery,
  processMove,
  processNode,
  processSystems,
  processTree,
  processTreeQuery,
  processUpdate,
  referenceLoadResult,
  systemProcesses,
  systemProcessesBody,
} from '../../../../shared/registry/processes.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import type { Actor } from '../../../platform/context.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { exportFormat, fileResponse, sendFile } from '../../../platform/transfer/http.ts';
import { registryPolicy } from '../policy.ts';
import { exportProcesses } from './export.ts';
import { presentProcess } from './present.ts';
import * as service from './service.ts';

// HTTP for the process tree and the systems that support each process: parse, authorize, call
// the service, shape the answer.

const onSystem =
  (rule: (actor: Actor, systemId: string) => boolean) => (actor: Actor, request: FastifyRequest) =>
    rule(actor, (request.params as { id: string }).id);

const tags = ['registry'];

export function processRoutes(app: App, { db }: ModuleContext) {
  app.get(
    '/api/v1/processes',
    {
      schema: {
        tags,
        summary: 'List processes of the tree, in code order, filtered by parent, level and text',
        querystring: processListQuery,
        response: { 200: page(processNode), ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      const result = await service.listProcesses(db, actor, request.query);
      return { items: result.items.map((r) => presentProcess(r, actor)), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/v1/processes/tree',
    {
      schema: {
        tags,
        summary: 'The whole process tree in code order, with the number of systems and record types per node',
        querystring: processTreeQuery,
        response: { 200: processTree, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      const rows = await service.processTree(db, actor, request.query.includeArchived);
      return {
        items: rows.map((r) => ({
          ...presentProcess(r, actor),
          systemCount: r.systemCount,
          recordTypeCount: r.recordTypeCount,
        })),
        canManage: registryPolicy.manage(actor),
      };
    },
  );

  app.get(
    '/api/v1/processes/export',
    {
      schema: {
        tags,
        summary: 'Export the process tree as CSV or XLSX',
        querystring: processTreeQuery.extend({ format: exportFormat }),
        response: { 200: fileResponse, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request, reply) => {
      const { format, includeArchived } = request.query;
      return sendFile(reply, await exportProcesses(db, principalOf(request), includeArchived, format));
    },
  );

  app.post(
    '/api/v1/processes/reference',
    {
      schema: {
        tags,
        summary:
          'Load the reference process structure (KLASSA levels, KSK areas) into an organisation without a tree',
        description:
          'Idempotent: when the reference is already loaded nothing is added (created: 0). 409 when the organisation has built a tree of its own.',
        body: z.strictObject({}).optional(),
        response: { 200: referenceLoadResult, ...errorResponses },
      },
      config: { authorize: registryPolicy.manage },
    },
    async (request) => service.loadReference(db, principalOf(request)),
  );

  app.get(
    '/api/v1/processes/:id',
    {
      schema: {
        tags,
        summary: 'One node of the process tree',
        params: idParams,
        response: { 200: processNode, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentProcess(await service.getProcess(db, actor, request.params.id), actor);
    },
  );

  app.post(
    '/api/v1/processes',
    {
      schema: {
        tags,
        summary: 'Add a node to the process tree (its parent one level up)',
        body: processCreate,
        response: { 201: processNode, ...errorResponses },
      },
      config: { authorize: registryPolicy.manage },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      return reply
        .code(201)
        .send(presentProcess(await service.createProcess(db, actor, request.body), actor));
    },
  );

  app.patch(
    '/api/v1/processes/:id',
    {
      schema: {
        tags,
        summary: "Change a node's code, name or description",
        params: idParams,
        body: processUpdate,
        response: { 200: processNode, ...errorResponses },
      },
      config: { authorize: registryPolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentProcess(await service.updateProcess(db, actor, request.params.id, request.body), actor);
    },
  );

  app.post(
    '/api/v1/processes/:id/move',
    {
      schema: {
        tags,
        summary: 'Move a node under another parent of the level above (never below itself)',
        params: idParams,
        body: processMove,
        response: { 200: processNode, ...errorResponses },
      },
      config: { authorize: registryPolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentProcess(await service.moveProcess(db, actor, request.params.id, request.body), actor);
    },
  );

  app.post(
    '/api/v1/processes/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive a node without active sub-processes or record types, with a reason',
        params: idParams,
        body: archiveBody,
        response: { 200: processNode, ...errorResponses },
      },
      config: { authorize: registryPolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentProcess(await service.archiveProcess(db, actor, request.params.id, request.body), actor);
    },
  );

  app.post(
    '/api/v1/processes/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore an archived node (its parent must be active)',
        params: idParams,
        body: restoreBody,
        response: { 200: processNode, ...errorResponses },
      },
      config: { authorize: registryPolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentProcess(
        await service.restoreProcess(db, actor, request.params.id, request.body.version),
        actor,
      );
    },
  );

  app.get(
    '/api/v1/processes/:id/systems',
    {
      schema: {
        tags,
        summary: 'The systems that support a process',
        params: idParams,
        response: { 200: processSystems, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => ({
      items: await service.systemsOfProcess(db, principalOf(request), request.params.id),
    }),
  );

  app.get(
    '/api/v1/systems/:id/processes',
    {
      schema: {
        tags,
        summary: 'The processes a system supports',
        params: idParams,
        response: { 200: systemProcesses, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      const id = request.params.id;
      return {
        systemId: id,
        processes: await service.getSystemProcesses(db, actor, id),
        canUpdate: registryPolicy.editSystem(actor, id),
      };
    },
  );

  app.put(
    '/api/v1/systems/:id/processes',
    {
      schema: {
        tags,
        summary: 'Replace the set of processes a system supports (audited as one change)',
        params: idParams,
        body: systemProcessesBody,
        response: { 200: systemProcesses, ...errorResponses },
      },
      config: { authorize: onSystem(registryPolicy.editSystem) },
    },
    async (request) => {
      const actor = principalOf(request);
      const id = request.params.id;
      return {
        systemId: id,
        processes: await service.setSystemProcesses(db, actor, id, request.body),
        canUpdate: true,
      };
    },
  );
}

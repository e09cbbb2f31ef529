import { archiveBody, page, restoreBody } from '../../../../shared/records.ts';
import {
  aiApplication,
  aiApplicationCreate,
  aiApplicationListQuery,
  aiApplicationUpdate,
} from '../../../../shared/registry/ai.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { exportFormat, fileResponse, sendFile } from '../../../platform/transfer/http.ts';
import { registryPolicy } from '../policy.ts';
import { presentAiApplication } from './present.ts';
import * as service from './service.ts';
import { exportAiApplications } from './transfer.ts';

// HTTP for the AI Act register: parse, authorize, call the service, shape the answer.

const exportQuery = aiApplicationListQuery
  .omit({ limit: true, cursor: true })
  .extend({ format: exportFormat });

export function aiRoutes(app: App, { db }: ModuleContext) {
  app.get(
    '/api/v1/ai-applications',
    {
      schema: {
        tags: ['registry'],
        summary: 'List AI applications, in name order, filtered',
        description: '`assessed=false` lists the applications whose risk has not been assessed.',
        querystring: aiApplicationListQuery,
        response: { 200: page(aiApplication), ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      const result = await service.listAiApplications(db, actor, request.query);
      return {
        items: result.items.map((r) => presentAiApplication(r, actor)),
        nextCursor: result.nextCursor,
      };
    },
  );

  app.get(
    '/api/v1/ai-applications/export',
    {
      schema: {
        tags: ['registry'],
        summary: 'Export the AI Act register as CSV or XLSX, with the filters of the list',
        querystring: exportQuery,
        response: { 200: fileResponse, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendFile(reply, await exportAiApplications(db, principalOf(request), query, format));
    },
  );

  app.get(
    '/api/v1/ai-applications/:id',
    {
      schema: {
        tags: ['registry'],
        summary: 'One AI application',
        params: idParams,
        response: { 200: aiApplication, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentAiApplication(await service.getAiApplication(db, actor, request.params.id), actor);
    },
  );

  app.post(
    '/api/v1/ai-applications',
    {
      schema: {
        tags: ['registry'],
        summary: 'Register an AI application of a system',
        description:
          'A high-risk application names its Annex III area and cannot waive the FRIA (the deployer is a public body); other categories name no area.',
        body: aiApplicationCreate,
        response: { 201: aiApplication, ...errorResponses },
      },
      config: {
        authorize: (actor, request) =>
          registryPolicy.editSystem(actor, (request.body as { systemId: string }).systemId),
      },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      return reply
        .code(201)
        .send(presentAiApplication(await service.createAiApplication(db, actor, request.body), actor));
    },
  );

  app.patch(
    '/api/v1/ai-applications/:id',
    {
      schema: {
        tags: ['registry'],
        summary: 'Change an AI application',
        params: idParams,
        body: aiApplicationUpdate,
        response: { 200: aiApplication, ...errorResponses },
      },
      // Who may depends on the application's system: the service checks it.
      config: { authorize: registryPolicy.editSomeSystem },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentAiApplication(
        await service.updateAiApplication(db, actor, request.params.id, request.body),
        actor,
      );
    },
  );

  app.post(
    '/api/v1/ai-applications/:id/archive',
    {
      schema: {
        tags: ['registry'],
        summary: 'Archive an AI application, with a reason',
        params: idParams,
        body: archiveBody,
        response: { 200: aiApplication, ...errorResponses },
      },
      config: { authorize: registryPolicy.editSomeSystem },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentAiApplication(
        await service.archiveAiApplication(db, actor, request.params.id, request.body),
        actor,
      );
    },
  );

  app.post(
    '/api/v1/ai-applications/:id/restore',
    {
      schema: {
        tags: ['registry'],
        summary: 'Restore an archived AI application',
        params: idParams,
        body: restoreBody,
        response: { 200: aiApplication, ...errorResponses },
      },
      config: { authorize: registryPolicy.editSomeSystem },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentAiApplication(
        await service.restoreAiApplication(db, actor, request.params.id, request.body.version),
        actor,
      );
    },
  );
}

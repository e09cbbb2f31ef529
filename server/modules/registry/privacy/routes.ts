import { z } from 'zod';
import { archiveBody, page, restoreBody } from '../../../../shared/records.ts';
import {
  processingActivity,
  processingActivityCreate,
  processingActivityExportQuery,
  processingActivityListQuery,
  processingActivityUpdate,
} from '../../../../shared/registry/privacy.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { fileResponse, sendFile } from '../../../platform/transfer/http.ts';
import { registryPolicy } from '../policy.ts';
import { presentActivity } from './present.ts';
import * as privacy from './service.ts';
import { exportActivities } from './transfer.ts';

// HTTP for the processing register (GDPR Art. 30): parse, authorize, call the service, shape.

const tags = ['registry'];

export function privacyRoutes(app: App, { db }: ModuleContext) {
  app.get(
    '/api/v1/processing-activities/can',
    {
      schema: {
        tags,
        summary: 'What the reader may do in the processing register as a whole (record activities)',
        response: { 200: z.object({ create: z.boolean() }), ...errorResponses },
      },
      config: { authorize: registryPolicy.readProcessing },
    },
    async (request) => ({ create: registryPolicy.editProcessing(principalOf(request)) }),
  );

  app.get(
    '/api/v1/processing-activities',
    {
      schema: {
        tags,
        summary: 'List processing activities (Art. 30 register), in name order, filtered',
        querystring: processingActivityListQuery,
        response: { 200: page(processingActivity), ...errorResponses },
      },
      config: { authorize: registryPolicy.readProcessing },
    },
    async (request) => {
      const actor = principalOf(request);
      const result = await privacy.listActivities(db, actor, request.query);
      return { items: result.items.map((r) => presentActivity(r, actor)), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/v1/processing-activities/export',
    {
      schema: {
        tags,
        summary: 'Export the processing register as XLSX or CSV, whole or with the filters of the list',
        querystring: processingActivityExportQuery,
        response: { 200: fileResponse, ...errorResponses },
      },
      config: { authorize: registryPolicy.readProcessing },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendFile(reply, await exportActivities(db, principalOf(request), query, format));
    },
  );

  app.get(
    '/api/v1/processing-activities/:id',
    {
      schema: {
        tags,
        summary: 'One processing activity',
        params: idParams,
        response: { 200: processingActivity, ...errorResponses },
      },
      config: { authorize: registryPolicy.readProcessing },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentActivity(await privacy.getActivity(db, actor, request.params.id), actor);
    },
  );

  app.post(
    '/api/v1/processing-activities',
    {
      schema: {
        tags,
        summary: 'Record a processing activity',
        body: processingActivityCreate,
        response: { 201: processingActivity, ...errorResponses },
      },
      config: { authorize: registryPolicy.editProcessing },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const row = await privacy.createActivity(db, actor, request.body);
      return reply.code(201).send(presentActivity(row, actor));
    },
  );

  app.patch(
    '/api/v1/processing-activities/:id',
    {
      schema: {
        tags,
        summary: 'Change a processing activity',
        params: idParams,
        body: processingActivityUpdate,
        response: { 200: processingActivity, ...errorResponses },
      },
      config: { authorize: registryPolicy.editProcessing },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentActivity(await privacy.updateActivity(db, actor, request.params.id, request.body), actor);
    },
  );

  app.post(
    '/api/v1/processing-activities/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive a processing activity, with a reason',
        params: idParams,
        body: archiveBody,
        response: { 200: processingActivity, ...errorResponses },
      },
      config: { authorize: registryPolicy.editProcessing },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentActivity(
        await privacy.archiveActivity(db, actor, request.params.id, request.body),
        actor,
      );
    },
  );

  app.post(
    '/api/v1/processing-activities/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore an archived processing activity',
        params: idParams,
        body: restoreBody,
        response: { 200: processingActivity, ...errorResponses },
      },
      config: { authorize: registryPolicy.editProcessing },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentActivity(
        await privacy.restoreActivity(db, actor, request.params.id, request.body.version),
        actor,
      );
    },
  );
}

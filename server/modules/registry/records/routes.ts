import { archiveBody, page, restoreBody } from '../../../../shared/records.ts';
import {
  informationPlan,
  informationPlanCreate,
  informationPlanUpdate,
  informationPlanView,
  recordType,
  recordTypeCreate,
  recordTypeListQuery,
  recordTypeUpdate,
} from '../../../../shared/registry/records.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { exportFormat, fileResponse, sendFile } from '../../../platform/transfer/http.ts';
import { registryPolicy } from '../policy.ts';
import { processRefOf } from '../processes/present.ts';
import { exportInformationPlan, exportRecordTypes } from './export.ts';
import { presentPlan, presentRecordType } from './present.ts';
import * as service from './service.ts';

// HTTP for record types (handlingstyper) and each process's informationshanteringsplan.

const tags = ['registry'];
const exportQuery = recordTypeListQuery.omit({ limit: true, cursor: true }).extend({ format: exportFormat });

export function recordRoutes(app: App, { db }: ModuleContext) {
  app.get(
    '/api/v1/record-types',
    {
      schema: {
        tags,
        summary:
          'List record types in name order, filtered by process, system, retention and missing decision',
        querystring: recordTypeListQuery,
        response: { 200: page(recordType), ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      const result = await service.listRecordTypes(db, actor, request.query);
      return { items: result.items.map((r) => presentRecordType(r, actor)), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/v1/record-types/export',
    {
      schema: {
        tags,
        summary: 'Export record types as CSV or XLSX, with the filters of the list',
        querystring: exportQuery,
        response: { 200: fileResponse, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendFile(reply, await exportRecordTypes(db, principalOf(request), query, format));
    },
  );

  app.get(
    '/api/v1/record-types/:id',
    {
      schema: {
        tags,
        summary: 'One record type',
        params: idParams,
        response: { 200: recordType, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentRecordType(await service.getRecordType(db, actor, request.params.id), actor);
    },
  );

  app.post(
    '/api/v1/record-types',
    {
      schema: {
        tags,
        summary: 'Add a record type to a process',
        body: recordTypeCreate,
        response: { 201: recordType, ...errorResponses },
      },
      config: { authorize: registryPolicy.manage },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      return reply
        .code(201)
        .send(presentRecordType(await service.createRecordType(db, actor, request.body), actor));
    },
  );

  app.patch(
    '/api/v1/record-types/:id',
    {
      schema: {
        tags,
        summary: 'Change a record type',
        params: idParams,
        body: recordTypeUpdate,
        response: { 200: recordType, ...errorResponses },
      },
      config: { authorize: registryPolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentRecordType(
        await service.updateRecordType(db, actor, request.params.id, request.body),
        actor,
      );
    },
  );

  app.post(
    '/api/v1/record-types/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive a record type, with a reason',
        params: idParams,
        body: archiveBody,
        response: { 200: recordType, ...errorResponses },
      },
      config: { authorize: registryPolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentRecordType(
        await service.archiveRecordType(db, actor, request.params.id, request.body),
        actor,
      );
    },
  );

  app.post(
    '/api/v1/record-types/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore an archived record type',
        params: idParams,
        body: restoreBody,
        response: { 200: recordType, ...errorResponses },
      },
      config: { authorize: registryPolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentRecordType(
        await service.restoreRecordType(db, actor, request.params.id, request.body.version),
        actor,
      );
    },
  );

  app.get(
    '/api/v1/processes/:id/information-plan',
    {
      schema: {
        tags,
        summary: "A process's information management plan (null until drafted) with its record types",
        params: idParams,
        response: { 200: informationPlanView, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      const view = await service.informationPlanView(db, actor, request.params.id);
      return {
        process: { ...processRefOf(view.process), description: view.process.description },
        path: view.path.map(processRefOf),
        plan: view.plan ? presentPlan(view.plan, actor) : null,
        recordTypes: view.recordTypes.map((r) => presentRecordType(r, actor)),
        canManage: registryPolicy.manage(actor),
      };
    },
  );

  app.get(
    '/api/v1/processes/:id/information-plan/export',
    {
      schema: {
        tags,
        summary: "Export a process's information management plan (its record types) as CSV or XLSX",
        params: idParams,
        querystring: exportQuery.pick({ format: true }),
        response: { 200: fileResponse, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await exportInformationPlan(db, principalOf(request), request.params.id, request.query.format),
      ),
  );

  app.post(
    '/api/v1/processes/:id/information-plan',
    {
      schema: {
        tags,
        summary: 'Draft (or record as adopted) the information management plan of a process',
        params: idParams,
        body: informationPlanCreate,
        response: { 201: informationPlan, ...errorResponses },
      },
      config: { authorize: registryPolicy.manage },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const row = await service.createInformationPlan(db, actor, request.params.id, request.body);
      return reply.code(201).send(presentPlan(row, actor));
    },
  );

  app.patch(
    '/api/v1/processes/:id/information-plan',
    {
      schema: {
        tags,
        summary: 'Change or adopt the information management plan of a process (adopted: date, body and §)',
        params: idParams,
        body: informationPlanUpdate,
        response: { 200: informationPlan, ...errorResponses },
      },
      config: { authorize: registryPolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentPlan(
        await service.updateInformationPlan(db, actor, request.params.id, request.body),
        actor,
      );
    },
  );
}

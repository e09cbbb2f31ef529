import { z } from 'zod';
import { archiveBody, page, restoreBody } from '../../../../shared/records.ts';
import {
  managementObject,
  managementObjectCreate,
  managementObjectExportQuery,
  managementObjectListQuery,
  managementObjectUpdate,
  managementPlan,
  managementPlanCreate,
  managementPlanListQuery,
  managementPlanUpdate,
} from '../../../../shared/registry/management.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { fileResponse, sendFile } from '../../../platform/transfer/http.ts';
import { registryPolicy } from '../policy.ts';
import { presentObject, presentPlan } from './present.ts';
import * as management from './service.ts';
import { exportObjects } from './transfer.ts';

// HTTP for förvaltningsobjekt and their yearly plans: parse, authorize, call the service, shape.
// Plans carry budgets, so they are read by staff (readCommercial); who may write one depends on
// the object (its objektägare and förvaltningsledare), which the service checks on the locked row.

const tags = ['registry'];

export function managementRoutes(app: App, { db }: ModuleContext) {
  app.get(
    '/api/v1/management-objects',
    {
      schema: {
        tags,
        summary: 'List förvaltningsobjekt, in name order, filtered',
        querystring: managementObjectListQuery,
        response: { 200: page(managementObject), ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      const result = await management.listObjects(db, actor, request.query);
      return { items: result.items.map((r) => presentObject(r, actor)), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/v1/management-objects/export',
    {
      schema: {
        tags,
        summary: 'Export förvaltningsobjekt as XLSX or CSV, with the filters of the list',
        querystring: managementObjectExportQuery,
        response: { 200: fileResponse, ...errorResponses },
      },
      config: { authorize: registryPolicy.readCommercial },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendFile(reply, await exportObjects(db, principalOf(request), query, format));
    },
  );

  app.get(
    '/api/v1/management-objects/:id',
    {
      schema: {
        tags,
        summary: 'One förvaltningsobjekt',
        params: idParams,
        response: { 200: managementObject, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentObject(await management.getObject(db, actor, request.params.id), actor);
    },
  );

  app.post(
    '/api/v1/management-objects',
    {
      schema: {
        tags,
        summary: 'Create a förvaltningsobjekt',
        body: managementObjectCreate,
        response: { 201: managementObject, ...errorResponses },
      },
      config: { authorize: registryPolicy.manage },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      return reply
        .code(201)
        .send(presentObject(await management.createObject(db, actor, request.body), actor));
    },
  );

  app.patch(
    '/api/v1/management-objects/:id',
    {
      schema: {
        tags,
        summary: 'Change a förvaltningsobjekt (its systems: a system is in at most one)',
        params: idParams,
        body: managementObjectUpdate,
        response: { 200: managementObject, ...errorResponses },
      },
      config: { authorize: registryPolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentObject(await management.updateObject(db, actor, request.params.id, request.body), actor);
    },
  );

  app.post(
    '/api/v1/management-objects/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive a förvaltningsobjekt, with a reason; its systems are released',
        params: idParams,
        body: archiveBody,
        response: { 200: managementObject, ...errorResponses },
      },
      config: { authorize: registryPolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentObject(await management.archiveObject(db, actor, request.params.id, request.body), actor);
    },
  );

  app.post(
    '/api/v1/management-objects/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore an archived förvaltningsobjekt',
        params: idParams,
        body: restoreBody,
        response: { 200: managementObject, ...errorResponses },
      },
      config: { authorize: registryPolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentObject(
        await management.restoreObject(db, actor, request.params.id, request.body.version),
        actor,
      );
    },
  );

  app.get(
    '/api/v1/management-objects/:id/plans',
    {
      schema: {
        tags,
        summary: "The object's förvaltningsplaner by year (or one year's)",
        params: idParams,
        querystring: managementPlanListQuery,
        response: { 200: z.object({ items: z.array(managementPlan) }), ...errorResponses },
      },
      config: { authorize: registryPolicy.readCommercial },
    },
    async (request) => {
      const actor = principalOf(request);
      const rows = await management.listPlans(db, actor, request.params.id, request.query.year);
      return { items: rows.map((r) => presentPlan(r, actor)) };
    },
  );

  app.post(
    '/api/v1/management-objects/:id/plans',
    {
      schema: {
        tags,
        summary: 'Make the förvaltningsplan of a year (one per object and year)',
        params: idParams,
        body: managementPlanCreate,
        response: { 201: managementPlan, ...errorResponses },
      },
      // The object's own objektägare and förvaltningsledare may too: the service decides on the row.
      config: { authorize: registryPolicy.readCommercial },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const row = await management.createPlan(db, actor, request.params.id, request.body);
      return reply.code(201).send(presentPlan(row, actor));
    },
  );

  app.get(
    '/api/v1/management-plans/:id',
    {
      schema: {
        tags,
        summary: 'One förvaltningsplan',
        params: idParams,
        response: { 200: managementPlan, ...errorResponses },
      },
      config: { authorize: registryPolicy.readCommercial },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentPlan(await management.getPlan(db, actor, request.params.id), actor);
    },
  );

  app.patch(
    '/api/v1/management-plans/:id',
    {
      schema: {
        tags,
        summary: 'Change a förvaltningsplan: goals, activities, budget and outcome, status',
        params: idParams,
        body: managementPlanUpdate,
        response: { 200: managementPlan, ...errorResponses },
      },
      config: { authorize: registryPolicy.readCommercial },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentPlan(await management.updatePlan(db, actor, request.params.id, request.body), actor);
    },
  );
}

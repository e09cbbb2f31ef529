import type { z } from 'zod';
import {
  consultationCreate,
  demand,
  demandAgenda,
  demandCreate,
  demandDecide,
  demandListQuery,
  demandRouting,
  demandStatusChange,
  demandSummary,
  demandUpdate,
  portfolioSettings,
  portfolioSettingsUpdate,
} from '../../../../shared/portfolio/demands.ts';
import { page } from '../../../../shared/records.ts';
import type { Database } from '../../../db/client.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import type { Actor } from '../../../platform/context.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { exportFormat, fileResponse, sendFile } from '../../../platform/transfer/http.ts';
import type { ExportFormat } from '../../../platform/transfer/index.ts';
import { portfolioPolicy } from '../policy.ts';
import { presentDemand, presentDemandSummary, presentPortfolioSettings } from './present.ts';
import * as demands from './service.ts';
import { portfolioSettingsOf, updatePortfolioSettings, withCapacityNames } from './settings.ts';
import { exportDemands } from './transfer.ts';

// HTTP for demands: /api/v1/demands (list and ranked backlog, export, one, submit or promote a
// change ticket, change, status, consultations, routing, decide, put on an agenda) and the tenant's
// portfolio settings (scoring model, routing rules). Everyone signed in submits and follows their
// own; staff read all; the keepers of a unit prepare and decide its demands.

export function demandRoutes(app: App, { db, seam }: ModuleContext) {
  const tags = ['portfolio'];
  const one = async (actor: Actor, id: string) =>
    presentDemand(await demands.getDemand(db, actor, id), actor);
  const exportQuery = demandListQuery.omit({ limit: true, cursor: true }).extend({ format: exportFormat });

  app.get(
    '/api/v1/demands',
    {
      schema: {
        tags,
        summary: 'List demands, filtered; `sort=rank` is the ranked backlog (highest score first)',
        querystring: demandListQuery,
        response: { 200: page(demandSummary), ...errorResponses },
      },
      config: { authorize: portfolioPolicy.submit },
    },
    async (request) => {
      const result = await demands.listDemands(db, principalOf(request), request.query);
      return { items: result.items.map(presentDemandSummary), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/v1/demands/export',
    {
      schema: {
        tags,
        summary: 'Export demands as CSV or XLSX, with the filters and order of the list',
        querystring: exportQuery,
        response: { 200: fileResponse, ...errorResponses },
      },
      config: { authorize: portfolioPolicy.submit },
    },
    async (request, reply) => {
      const { format, ...query } = request.query as { format: ExportFormat } & z.infer<
        typeof demandListQuery
      >;
      return sendFile(reply, await exportDemands(db as Database, principalOf(request), query, format));
    },
  );

  app.get(
    '/api/v1/demands/:id',
    {
      schema: { tags, summary: 'One demand', params: idParams, response: { 200: demand, ...errorResponses } },
      config: { authorize: portfolioPolicy.submit },
    },
    async (request) => one(principalOf(request), request.params.id),
  );

  app.post(
    '/api/v1/demands',
    {
      schema: {
        tags,
        summary: 'Submit an idea or a need, or promote a change ticket (`fromTicketId`) into a demand',
        body: demandCreate,
        response: { 201: demand, ...errorResponses },
      },
      config: { authorize: portfolioPolicy.submit },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const row = await demands.createDemand(db, actor, request.body);
      return reply.code(201).send(await one(actor, row.id));
    },
  );

  app.patch(
    '/api/v1/demands/:id',
    {
      schema: {
        tags,
        summary: 'Change a demand or its preparation (with the version read)',
        params: idParams,
        body: demandUpdate,
        response: { 200: demand, ...errorResponses },
      },
      config: { authorize: portfolioPolicy.submit },
    },
    async (request) => {
      const actor = principalOf(request);
      await demands.updateDemand(db, actor, request.params.id, request.body);
      return one(actor, request.params.id);
    },
  );

  app.post(
    '/api/v1/demands/:id/status',
    {
      schema: {
        tags,
        summary: 'Move a demand to its next status by the allowed steps (not to decided: see decide)',
        params: idParams,
        body: demandStatusChange,
        response: { 200: demand, ...errorResponses },
      },
      config: { authorize: portfolioPolicy.prepareSome },
    },
    async (request) => {
      const actor = principalOf(request);
      await demands.changeStatus(db, actor, request.params.id, request.body);
      return one(actor, request.params.id);
    },
  );

  app.post(
    '/api/v1/demands/:id/consultations',
    {
      schema: {
        tags,
        summary: 'Record a consultation before the decision (who, when, note)',
        params: idParams,
        body: consultationCreate,
        response: { 201: demand, ...errorResponses },
      },
      config: { authorize: portfolioPolicy.prepareSome },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      await demands.addConsultation(db, actor, request.params.id, request.body);
      return reply.code(201).send(await one(actor, request.params.id));
    },
  );

  app.get(
    '/api/v1/demands/:id/routing',
    {
      schema: {
        tags,
        summary: 'Who decides the demand, who must be consulted first, and what is missing (seed 003)',
        params: idParams,
        response: { 200: demandRouting, ...errorResponses },
      },
      config: { authorize: portfolioPolicy.readAll },
    },
    async (request) => demands.demandRouting(db, principalOf(request), request.params.id),
  );

  app.post(
    '/api/v1/demands/:id/decide',
    {
      schema: {
        tags,
        summary:
          'Record the outcome with a governance decision of the deciding body, once nothing is missing',
        params: idParams,
        body: demandDecide,
        response: { 200: demand, ...errorResponses },
      },
      config: { authorize: portfolioPolicy.prepareSome },
    },
    async (request) => {
      const actor = principalOf(request);
      await demands.decideDemand(db, actor, request.params.id, request.body);
      return one(actor, request.params.id);
    },
  );

  app.post(
    '/api/v1/demands/:id/agenda',
    {
      schema: {
        tags,
        summary: "Put the demand on a meeting's agenda, as an item linked to it",
        params: idParams,
        body: demandAgenda,
        response: { 201: demand, ...errorResponses },
      },
      config: { authorize: portfolioPolicy.prepareSome },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      await demands.putOnAgenda(db, actor, request.params.id, request.body.meetingId, seam);
      return reply.code(201).send(await one(actor, request.params.id));
    },
  );

  app.get(
    '/api/v1/portfolio/settings',
    {
      schema: {
        tags,
        summary: "The tenant's scoring model, decision routing rules and the key roles' capacity",
        response: { 200: portfolioSettings, ...errorResponses },
      },
      config: { authorize: portfolioPolicy.readAll },
    },
    async (request) => {
      const actor = principalOf(request);
      const row = await portfolioSettingsOf(db, actor.tenantId);
      return presentPortfolioSettings(await withCapacityNames(db, actor.tenantId, row), actor);
    },
  );

  app.patch(
    '/api/v1/portfolio/settings',
    {
      schema: {
        tags,
        summary:
          'Change the scoring model (every demand is rescored), the routing rules or the key roles’ capacity',
        body: portfolioSettingsUpdate,
        response: { 200: portfolioSettings, ...errorResponses },
      },
      config: { authorize: portfolioPolicy.manageSettings },
    },
    async (request) => {
      const actor = principalOf(request);
      const row = await updatePortfolioSettings(db, actor, request.body);
      return presentPortfolioSettings(await withCapacityNames(db, actor.tenantId, row), actor);
    },
  );
}

import { z } from 'zod';
import {
  correctionCreate,
  dispute,
  disputeCreate,
  disputeList,
  disputeListQuery,
  disputeResolve,
  runCompute,
  runDetail,
  runLine,
  runLineList,
  runLineListQuery,
  runList,
  runListQuery,
  runLock,
  runSettings,
  runSettingsUpdate,
} from '../../../../shared/catalogue/runs.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { cataloguePolicy } from '../policy.ts';
import { presentDispute, presentLine, presentRun } from './present.ts';
import * as runs from './service.ts';

// HTTP for the monthly chargeback run: compute (or recompute) a month's preview, lock it, correct
// a locked month's line in a later one, read the runs with their totals per unit and the lines per
// unit, dispute a line and resolve the dispute, and the tenant's proration setting.

export function runRoutes(app: App, { db }: ModuleContext) {
  const tags = ['catalogue'];
  type Actor = ReturnType<typeof principalOf>;

  const runAnswer = async (actor: Actor, id: string) => {
    const row = await runs.getRun(db, actor, id);
    const readable = await runs.readableUnits(db, actor);
    const totals = await runs.unitTotals(db, actor, id);
    return {
      ...presentRun(row, actor),
      units: totals.map((u) => ({
        unit: { id: u.unitId, name: u.name },
        total: u.total,
        lineCount: u.lineCount,
        readLines: readable === 'all' || readable.includes(u.unitId),
      })),
    };
  };

  app.get(
    '/api/v1/catalogue/runs',
    {
      schema: {
        tags,
        summary: 'The chargeback runs, newest month first',
        querystring: runListQuery,
        response: { 200: runList, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.readRuns },
    },
    async (request) => {
      const actor = principalOf(request);
      const p = await runs.listRuns(db, actor, request.query);
      return {
        items: p.items.map((r) => presentRun(r, actor)),
        nextCursor: p.nextCursor,
        can: { compute: cataloguePolicy.runs(actor) },
      };
    },
  );

  app.post(
    '/api/v1/catalogue/runs',
    {
      schema: {
        tags,
        summary: "Compute a month's preview, or compute it again (a locked month answers 409)",
        body: runCompute,
        response: { 200: runDetail, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.runs },
    },
    async (request) => {
      const actor = principalOf(request);
      const row = await runs.computeRun(db, actor, request.body.period);
      return runAnswer(actor, row.id);
    },
  );

  app.get(
    '/api/v1/catalogue/runs/:id',
    {
      schema: {
        tags,
        summary: 'One run with its totals per unit',
        params: idParams,
        response: { 200: runDetail, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.readRuns },
    },
    async (request) => runAnswer(principalOf(request), request.params.id),
  );

  app.post(
    '/api/v1/catalogue/runs/:id/lock',
    {
      schema: {
        tags,
        summary: 'Lock a run: it never changes again',
        params: idParams,
        body: runLock,
        response: { 200: runDetail, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.runs },
    },
    async (request) => {
      const actor = principalOf(request);
      await runs.lockRun(db, actor, request.params.id, request.body.version);
      return runAnswer(actor, request.params.id);
    },
  );

  app.post(
    '/api/v1/catalogue/runs/:id/corrections',
    {
      schema: {
        tags,
        summary: 'A signed correction, in this unlocked run, of a line of an earlier locked run',
        params: idParams,
        body: correctionCreate,
        response: { 201: runLine, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.runs },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const line = await runs.addCorrection(db, actor, request.params.id, request.body);
      return reply.code(201).send(presentLine(await runs.getLine(db, actor, line.id), actor));
    },
  );

  app.get(
    '/api/v1/catalogue/runs/:id/lines',
    {
      schema: {
        tags,
        summary: "A run's lines by unit (a unit's specification), those the reader may read",
        params: idParams,
        querystring: runLineListQuery,
        response: { 200: runLineList, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.readRunLines },
    },
    async (request) => {
      const actor = principalOf(request);
      const p = await runs.listLines(db, actor, request.params.id, request.query);
      return { items: p.items.map((l) => presentLine(l, actor)), nextCursor: p.nextCursor };
    },
  );

  app.post(
    '/api/v1/catalogue/run-lines/:id/disputes',
    {
      schema: {
        tags,
        summary: 'Dispute a line of a locked run, with a reason (one dispute per line)',
        params: idParams,
        body: disputeCreate,
        response: { 201: dispute, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.disputeSomewhere },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const row = await runs.createDispute(db, actor, request.params.id, request.body.reason);
      return reply.code(201).send(presentDispute(await runs.getDispute(db, actor, row.id), actor));
    },
  );

  app.get(
    '/api/v1/catalogue/disputes',
    {
      schema: {
        tags,
        summary: 'Disputes of lines, newest first, of the units the reader may read',
        querystring: disputeListQuery,
        response: { 200: disputeList, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.readRunLines },
    },
    async (request) => {
      const actor = principalOf(request);
      const p = await runs.listDisputes(db, actor, request.query);
      return { items: p.items.map((d) => presentDispute(d, actor)), nextCursor: p.nextCursor };
    },
  );

  app.post(
    '/api/v1/catalogue/disputes/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Resolve a dispute: rejected, or accepted with a credit in the first later unlocked run',
        params: idParams,
        body: disputeResolve,
        response: { 200: dispute, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.runs },
    },
    async (request) => {
      const actor = principalOf(request);
      await runs.resolveDispute(db, actor, request.params.id, request.body);
      return presentDispute(await runs.getDispute(db, actor, request.params.id), actor);
    },
  );

  app.get(
    '/api/v1/catalogue/run-settings',
    {
      schema: {
        tags,
        summary: "The tenant's chargeback settings: whole month or by day",
        response: { 200: runSettings.extend({ can: z.object({ update: z.boolean() }) }), ...errorResponses },
      },
      config: { authorize: cataloguePolicy.readRuns },
    },
    async (request) => {
      const actor = principalOf(request);
      return {
        ...(await runs.getSettings(db, actor.tenantId)),
        can: { update: cataloguePolicy.runs(actor) },
      };
    },
  );

  app.put(
    '/api/v1/catalogue/run-settings',
    {
      schema: {
        tags,
        summary: "Set the tenant's proration (version 0 while it has none)",
        body: runSettingsUpdate,
        response: { 200: runSettings.extend({ can: z.object({ update: z.boolean() }) }), ...errorResponses },
      },
      config: { authorize: cataloguePolicy.runs },
    },
    async (request) => {
      const actor = principalOf(request);
      const row = await runs.updateSettings(db, actor, request.body);
      return { proration: row.proration as 'month' | 'day', version: row.version, can: { update: true } };
    },
  );
}

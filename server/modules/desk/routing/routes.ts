import { z } from 'zod';
import {
  routingOrder,
  routingPreview,
  routingRule,
  routingRuleCreate,
  routingRuleListQuery,
  routingRuleUpdate,
  routingSample,
} from '../../../../shared/desk/routing.ts';
import { archiveBody, page, restoreBody } from '../../../../shared/records.ts';
import type { Database } from '../../../db/client.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import type { Actor } from '../../../platform/context.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { groupRefs } from '../groups/service.ts';
import { deskPolicy } from '../policy.ts';
import { presentRule } from './present.ts';
import * as routing from './service.ts';

// HTTP for routing rules: /api/v1/routing-rules, their order, and the preview that shows which rule
// a sample ticket hits. Agents read the rules (to know why a ticket landed where it did); admins
// change them.

async function present(db: Database, actor: Actor, rows: routing.RuleRow[]) {
  const refs = await groupRefs(
    db,
    actor.tenantId,
    rows.flatMap((r) => (r.groupId ? [r.groupId] : [])),
  );
  const names = new Map([...refs].map(([id, ref]) => [id, ref.name]));
  return rows.map((r) => presentRule(r, names, actor));
}

export function routingRoutes(app: App, { db }: ModuleContext) {
  const tags = ['desk'];
  const one = async (actor: Actor, row: routing.RuleRow) => (await present(db, actor, [row]))[0]!;

  app.get(
    '/api/v1/routing-rules',
    {
      schema: {
        tags,
        summary: 'The routing rules in the order they are tried',
        querystring: routingRuleListQuery,
        response: { 200: page(routingRule), ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => {
      const actor = principalOf(request);
      const result = await routing.listRules(db, actor, request.query);
      return { items: await present(db, actor, result.items), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/v1/routing-rules/:id',
    {
      schema: {
        tags,
        summary: 'One routing rule',
        params: idParams,
        response: { 200: routingRule, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => {
      const actor = principalOf(request);
      return one(actor, await routing.getRule(db, actor, request.params.id));
    },
  );

  app.post(
    '/api/v1/routing-rules',
    {
      schema: {
        tags,
        summary: 'Add a routing rule (tried after the others)',
        body: routingRuleCreate,
        response: { 201: routingRule, ...errorResponses },
      },
      config: { authorize: deskPolicy.configure },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      return reply.code(201).send(await one(actor, await routing.createRule(db, actor, request.body)));
    },
  );

  app.patch(
    '/api/v1/routing-rules/:id',
    {
      schema: {
        tags,
        summary: 'Change a routing rule',
        params: idParams,
        body: routingRuleUpdate,
        response: { 200: routingRule, ...errorResponses },
      },
      config: { authorize: deskPolicy.configure },
    },
    async (request) => {
      const actor = principalOf(request);
      return one(actor, await routing.updateRule(db, actor, request.params.id, request.body));
    },
  );

  app.post(
    '/api/v1/routing-rules/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive a routing rule, with a reason',
        params: idParams,
        body: archiveBody,
        response: { 200: routingRule, ...errorResponses },
      },
      config: { authorize: deskPolicy.configure },
    },
    async (request) => {
      const actor = principalOf(request);
      return one(actor, await routing.archiveRule(db, actor, request.params.id, request.body));
    },
  );

  app.post(
    '/api/v1/routing-rules/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore an archived routing rule',
        params: idParams,
        body: restoreBody,
        response: { 200: routingRule, ...errorResponses },
      },
      config: { authorize: deskPolicy.configure },
    },
    async (request) => {
      const actor = principalOf(request);
      return one(actor, await routing.restoreRule(db, actor, request.params.id, request.body.version));
    },
  );

  app.post(
    '/api/v1/routing-rules/order',
    {
      schema: {
        tags,
        summary: 'Put the rules in a new order (every rule not archived, once)',
        body: routingOrder,
        response: { 204: z.null(), ...errorResponses },
      },
      config: { authorize: deskPolicy.configure },
    },
    async (request, reply) => {
      await routing.reorderRules(db, principalOf(request), request.body.ids);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/routing-rules/preview',
    {
      schema: {
        tags,
        summary: 'Which rule and group a sample ticket would get, and why each rule before it did not match',
        body: routingSample,
        response: { 200: routingPreview, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => routing.route(db, principalOf(request).tenantId, request.body),
  );
}

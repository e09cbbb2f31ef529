import { z } from 'zod';
import {
  billingSwitch,
  switchArchive,
  switchCreate,
  unitBilling,
  unitBillingList,
} from '../../../../shared/catalogue/billing.ts';
import { listQuery } from '../../../../shared/records.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { cataloguePolicy } from '../policy.ts';
import { presentSwitch } from './present.ts';
import * as billing from './service.ts';

// HTTP for the units' switch from quality steering to billing: the units with their mode today
// (/api/v1/catalogue/billing-units), one unit's history, a new switch and its withdrawal.

const unitsQuery = z.strictObject({ limit: listQuery.shape.limit, cursor: listQuery.shape.cursor });

export function billingRoutes(app: App, { db }: ModuleContext) {
  const tags = ['catalogue'];

  app.get(
    '/api/v1/catalogue/billing-units',
    {
      schema: {
        tags,
        summary: 'Every unit with its catalogue mode today (quality steering or billing) and next switch',
        querystring: unitsQuery,
        response: { 200: unitBillingList.extend({ nextCursor: z.string().nullable() }), ...errorResponses },
      },
      config: { authorize: cataloguePolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      const page = await billing.listUnitBilling(db, actor, request.query);
      return { ...page, can: { switch: cataloguePolicy.manage(actor) } };
    },
  );

  app.get(
    '/api/v1/catalogue/billing-units/:id',
    {
      schema: {
        tags,
        summary: "One unit's catalogue mode today, its next switch and the history of its switches",
        params: idParams,
        response: { 200: unitBilling, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      const b = await billing.unitBilling(db, actor, request.params.id);
      return {
        unit: b.unit,
        mode: b.mode,
        inheritedFrom: b.inheritedFrom,
        nextSwitch: b.nextSwitch ? presentSwitch(b.nextSwitch, actor) : null,
        history: b.history.map((h) => presentSwitch(h, actor)),
        can: { switch: cataloguePolicy.manage(actor) },
      };
    },
  );

  app.post(
    '/api/v1/catalogue/billing-switches',
    {
      schema: {
        tags,
        summary: 'Switch a unit to quality steering or billing from a date',
        body: switchCreate,
        response: { 201: billingSwitch, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.manage },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const row = await billing.createSwitch(db, actor, request.body);
      return reply.code(201).send(presentSwitch(await billing.getSwitch(db, actor, row.id), actor));
    },
  );

  app.post(
    '/api/v1/catalogue/billing-switches/:id/archive',
    {
      schema: {
        tags,
        summary: 'Withdraw a switch (kept in the history)',
        params: idParams,
        body: switchArchive,
        response: { 200: billingSwitch, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      await billing.archiveSwitch(db, actor, request.params.id, request.body.version);
      return presentSwitch(await billing.getSwitch(db, actor, request.params.id), actor);
    },
  );
}

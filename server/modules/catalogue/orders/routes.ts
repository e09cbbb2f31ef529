import {
  konteringCode,
  konteringCodeArchive,
  konteringCodeCreate,
  konteringCodeListQuery,
  konteringCodeUpdate,
  order,
  orderCreate,
  orderDecision,
  orderDelivery,
  orderListQuery,
  orderRejection,
  subscription,
  subscriptionCancel,
  subscriptionListQuery,
  unitKontering,
} from '../../../../shared/catalogue/orders.ts';
import { page } from '../../../../shared/records.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import {
  exportFormat,
  fileBody,
  fileOf,
  fileResponse,
  importQuery,
  importResponses,
  importRoutes,
  sendFile,
} from '../../../platform/transfer/http.ts';
import { CSV_TYPE, MAX_FILE_BYTES, XLSX_TYPE } from '../../../platform/transfer/index.ts';
import { deskPolicy } from '../../desk/policy.ts';
import { cataloguePolicy } from '../policy.ts';
import { presentCode, presentOrder, presentSubscription } from './present.ts';
import * as orders from './service.ts';
import { exportKonteringCodes, importKonteringCodes } from './transfer.ts';

// HTTP for orders in the portal: the units' kontering codes (and the choices of the order page),
// orders with the budget holder's attest and the desk agent's delivery, and subscriptions with
// their cancellation at the month's end. Every POST takes an Idempotency-Key (the platform's).

export function orderRoutes(app: App, { db }: ModuleContext) {
  const tags = ['catalogue'];

  app.get(
    '/api/v1/catalogue/kontering-units/:id',
    {
      schema: {
        tags,
        summary: "The kontering a unit may use: its codes per dimension (the order page's choices)",
        params: idParams,
        response: { 200: unitKontering, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.order },
    },
    async (request) => orders.unitKontering(db, principalOf(request), request.params.id),
  );

  app.get(
    '/api/v1/catalogue/kontering-codes',
    {
      schema: {
        tags,
        summary: 'Kontering codes of the units, by unit, dimension and code',
        querystring: konteringCodeListQuery,
        response: { 200: page(konteringCode), ...errorResponses },
      },
      config: { authorize: cataloguePolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      const p = await orders.listKonteringCodes(db, actor, request.query);
      const chains = new Map<string, string[]>();
      for (const c of p.items)
        if (!chains.has(c.unitId)) chains.set(c.unitId, await orders.unitChain(db, actor.tenantId, c.unitId));
      return {
        items: p.items.map((c) => presentCode(c, actor, chains.get(c.unitId)!)),
        nextCursor: p.nextCursor,
      };
    },
  );

  app.get(
    '/api/v1/catalogue/kontering-codes/export',
    {
      schema: {
        tags,
        summary: 'Export kontering codes as CSV or XLSX, with the filters of the list',
        description:
          'The columns the import reads: enhet (the unit’s cost centre, else its name), dimension, kod, benämning, aktiv (ja/nej). Formula-like cells are written safe (an apostrophe in CSV, text cells in XLSX).',
        querystring: konteringCodeListQuery
          .omit({ limit: true, cursor: true })
          .extend({ format: exportFormat }),
        response: { 200: fileResponse, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.read },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendFile(reply, await exportKonteringCodes(db, principalOf(request), query, format));
    },
  );

  importRoutes(app, (scoped) => {
    scoped.post(
      '/api/v1/catalogue/kontering-codes/import',
      {
        bodyLimit: MAX_FILE_BYTES,
        schema: {
          tags,
          summary: "Import the units' kontering codes from CSV or XLSX: all rows or none",
          description:
            'Columns: enhet|unit (cost centre or exact name), dimension (kostnadsställe, konto, aktivitet or projekt, motpart; or costCentre, account, activity, counterpart), kod|code, benämning|name, and optionally aktiv|active (ja/nej). A unit, dimension and code already stored is matched: a new name renames it (a new version, audited), nej archives it, ja restores an archived one; the same file twice changes nothing. Every row’s unit must be one whose codes the importer keeps (its ekonom, by a grant for it or a unit above it, or an admin). dryRun=true answers the counts and writes nothing; any bad row answers 400 with every error as `line N.field` and writes nothing.',
          consumes: [CSV_TYPE, XLSX_TYPE],
          querystring: importQuery,
          body: fileBody,
          response: importResponses,
        },
        config: { authorize: cataloguePolicy.attestSomewhere, authorizeBeforeBody: true },
      },
      async (request) => importKonteringCodes(db, principalOf(request), fileOf(request.body), request.query),
    );
  });

  const codeAnswer = async (actor: ReturnType<typeof principalOf>, id: string) => {
    const row = await orders.getKonteringCode(db, actor, id);
    return presentCode(row, actor, await orders.unitChain(db, actor.tenantId, row.unitId));
  };

  app.post(
    '/api/v1/catalogue/kontering-codes',
    {
      schema: {
        tags,
        summary: 'Allow a unit a code in a dimension of its kontering',
        body: konteringCodeCreate,
        response: { 201: konteringCode, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.attestSomewhere },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const row = await orders.createKonteringCode(db, actor, request.body);
      return reply.code(201).send(await codeAnswer(actor, row.id));
    },
  );

  app.patch(
    '/api/v1/catalogue/kontering-codes/:id',
    {
      schema: {
        tags,
        summary: "Rename a unit's kontering code",
        params: idParams,
        body: konteringCodeUpdate,
        response: { 200: konteringCode, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.attestSomewhere },
    },
    async (request) => {
      const actor = principalOf(request);
      await orders.updateKonteringCode(db, actor, request.params.id, request.body);
      return codeAnswer(actor, request.params.id);
    },
  );

  app.post(
    '/api/v1/catalogue/kontering-codes/:id/archive',
    {
      schema: {
        tags,
        summary: "Withdraw a unit's kontering code (orders made with it keep it)",
        params: idParams,
        body: konteringCodeArchive,
        response: { 200: konteringCode, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.attestSomewhere },
    },
    async (request) => {
      const actor = principalOf(request);
      await orders.archiveKonteringCode(db, actor, request.params.id, request.body);
      return codeAnswer(actor, request.params.id);
    },
  );

  app.get(
    '/api/v1/catalogue/orders',
    {
      schema: {
        tags,
        summary: 'Orders: mine, those waiting for my attest, or all I may read; newest first',
        querystring: orderListQuery,
        response: { 200: page(order), ...errorResponses },
      },
      config: { authorize: cataloguePolicy.order },
    },
    async (request) => {
      const actor = principalOf(request);
      const p = await orders.listOrders(db, actor, request.query);
      return { items: p.items.map((o) => presentOrder(o, actor)), nextCursor: p.nextCursor };
    },
  );

  app.get(
    '/api/v1/catalogue/orders/:id',
    {
      schema: {
        tags,
        summary: 'One order',
        params: idParams,
        response: { 200: order, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.order },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentOrder(await orders.getOrder(db, actor, request.params.id), actor);
    },
  );

  app.post(
    '/api/v1/catalogue/orders',
    {
      schema: {
        tags,
        summary: 'Order an offering for a person or a unit, with kontering and the order form',
        body: orderCreate,
        response: { 201: order, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.order },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const row = await orders.createOrder(db, actor, request.body);
      return reply.code(201).send(presentOrder(await orders.getOrder(db, actor, row.id), actor));
    },
  );

  app.post(
    '/api/v1/catalogue/orders/:id/approve',
    {
      schema: {
        tags,
        summary: "Attest an order as the unit's budget holder: a desk request fulfils it",
        params: idParams,
        body: orderDecision,
        response: { 200: order, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.attestSomewhere },
    },
    async (request) => {
      const actor = principalOf(request);
      await orders.approveOrder(db, actor, request.params.id, request.body.version);
      return presentOrder(await orders.getOrder(db, actor, request.params.id), actor);
    },
  );

  app.post(
    '/api/v1/catalogue/orders/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject an order, with the reason the orderer is told',
        params: idParams,
        body: orderRejection,
        response: { 200: order, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.attestSomewhere },
    },
    async (request) => {
      const actor = principalOf(request);
      await orders.rejectOrder(db, actor, request.params.id, request.body.version, request.body.reason);
      return presentOrder(await orders.getOrder(db, actor, request.params.id), actor);
    },
  );

  app.post(
    '/api/v1/catalogue/orders/:id/deliver',
    {
      schema: {
        tags,
        summary: 'Levererad: the agent working the order’s ticket states the delivery; a subscription starts',
        params: idParams,
        body: orderDelivery,
        response: { 200: order, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => {
      const actor = principalOf(request);
      await orders.deliverOrder(db, actor, request.params.id, request.body);
      return presentOrder(await orders.getOrder(db, actor, request.params.id), actor);
    },
  );

  app.get(
    '/api/v1/catalogue/subscriptions',
    {
      schema: {
        tags,
        summary: 'Subscriptions, of a unit or all, those active on a date if asked; newest first',
        querystring: subscriptionListQuery,
        response: { 200: page(subscription), ...errorResponses },
      },
      config: { authorize: cataloguePolicy.readSubscriptions },
    },
    async (request) => {
      const actor = principalOf(request);
      const p = await orders.listSubscriptions(db, actor, request.query);
      return { items: p.items.map((v) => presentSubscription(v, actor)), nextCursor: p.nextCursor };
    },
  );

  app.get(
    '/api/v1/catalogue/subscriptions/:id',
    {
      schema: {
        tags,
        summary: 'One subscription',
        params: idParams,
        response: { 200: subscription, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.readSubscriptions },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentSubscription(await orders.getSubscription(db, actor, request.params.id), actor);
    },
  );

  app.post(
    '/api/v1/catalogue/subscriptions/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a subscription: it ends on the last day of the month it is cancelled in',
        params: idParams,
        body: subscriptionCancel,
        response: { 200: subscription, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.attestSomewhere },
    },
    async (request) => {
      const actor = principalOf(request);
      await orders.cancelSubscription(db, actor, request.params.id, request.body);
      return presentSubscription(await orders.getSubscription(db, actor, request.params.id), actor);
    },
  );
}

import {
  allocation,
  allocationCreate,
  allocationListQuery,
  allocationUpdate,
} from '../../../../shared/catalogue/allocations.ts';
import { archiveBody, page, restoreBody } from '../../../../shared/records.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { cataloguePolicy } from '../policy.ts';
import { presentAllocation } from './present.ts';
import * as allocations from './service.ts';

// HTTP for allocation keys: /api/v1/catalogue/allocations (list, create) and /{id} (read, change
// as a whole, archive, restore). Staff read; the catalogue's keepers (as for rate cards and the
// run's settings) write. Writes answer the allocation as a read does.

export function allocationRoutes(app: App, { db }: ModuleContext) {
  const tags = ['catalogue'];
  const path = '/api/v1/catalogue/allocations';

  app.get(
    path,
    {
      schema: {
        tags,
        summary: 'List the allocation keys: shared costs spread over the units in billing mode',
        querystring: allocationListQuery,
        response: { 200: page(allocation), ...errorResponses },
      },
      config: { authorize: cataloguePolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      const result = await allocations.listAllocations(db, actor, request.query);
      return { items: result.items.map((r) => presentAllocation(r, actor)), nextCursor: result.nextCursor };
    },
  );

  app.post(
    path,
    {
      schema: {
        tags,
        summary: 'Add an allocation key: a monthly shared cost, its key and the units it is spread over',
        body: allocationCreate,
        response: { 201: allocation, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.manage },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const row = await allocations.createAllocation(db, actor, request.body);
      return reply
        .code(201)
        .send(presentAllocation(await allocations.getAllocation(db, actor, row.id), actor));
    },
  );

  app.get(
    `${path}/:id`,
    {
      schema: {
        tags,
        summary: 'One allocation key with its chosen units and shares',
        params: idParams,
        response: { 200: allocation, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentAllocation(await allocations.getAllocation(db, actor, request.params.id), actor);
    },
  );

  app.put(
    `${path}/:id`,
    {
      schema: {
        tags,
        summary: 'Change an allocation key as a whole (with the version read)',
        params: idParams,
        body: allocationUpdate,
        response: { 200: allocation, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      await allocations.updateAllocation(db, actor, request.params.id, request.body);
      return presentAllocation(await allocations.getAllocation(db, actor, request.params.id), actor);
    },
  );

  app.post(
    `${path}/:id/archive`,
    {
      schema: {
        tags,
        summary: 'Archive an allocation key: runs computed after leave it out',
        params: idParams,
        body: archiveBody,
        response: { 200: allocation, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      await allocations.archiveAllocation(db, actor, request.params.id, request.body);
      return presentAllocation(await allocations.getAllocation(db, actor, request.params.id), actor);
    },
  );

  app.post(
    `${path}/:id/restore`,
    {
      schema: {
        tags,
        summary: 'Restore an archived allocation key',
        params: idParams,
        body: restoreBody,
        response: { 200: allocation, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      await allocations.restoreAllocation(db, actor, request.params.id, request.body.version);
      return presentAllocation(await allocations.getAllocation(db, actor, request.params.id), actor);
    },
  );
}

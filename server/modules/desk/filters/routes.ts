import { z } from 'zod';
import {
  type SavedFilterQuery,
  savedFilter,
  savedFilterCreate,
  savedFilters,
  savedFilterUpdate,
} from '../../../../shared/desk/filters.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses, idParams, iso } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { deskPolicy } from '../policy.ts';
import * as filters from './service.ts';

// HTTP for the console's saved filters: /api/v1/desk/saved-filters, each agent's own.

function present(row: filters.SavedFilterRow) {
  return {
    id: row.id,
    name: row.name,
    query: row.query as SavedFilterQuery,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function filterRoutes(app: App, { db }: ModuleContext) {
  const tags = ['desk'];

  app.get(
    '/api/v1/desk/saved-filters',
    {
      schema: {
        tags,
        summary: "The caller's saved filters of the console, by name",
        response: { 200: savedFilters, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => ({ items: (await filters.listSavedFilters(db, principalOf(request))).map(present) }),
  );

  app.post(
    '/api/v1/desk/saved-filters',
    {
      schema: {
        tags,
        summary: "Save the console's current filters under a name (the caller's own)",
        body: savedFilterCreate,
        response: { 201: savedFilter, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request, reply) =>
      reply.code(201).send(present(await filters.createSavedFilter(db, principalOf(request), request.body))),
  );

  app.patch(
    '/api/v1/desk/saved-filters/:id',
    {
      schema: {
        tags,
        summary: 'Rename a saved filter or change its query (with the version read)',
        params: idParams,
        body: savedFilterUpdate,
        response: { 200: savedFilter, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) =>
      present(await filters.updateSavedFilter(db, principalOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/v1/desk/saved-filters/:id',
    {
      schema: {
        tags,
        summary: 'Remove a saved filter',
        params: idParams,
        response: { 204: z.null().describe('Removed'), ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request, reply) => {
      await filters.deleteSavedFilter(db, principalOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}

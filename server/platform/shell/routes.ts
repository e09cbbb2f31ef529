import { z } from 'zod';
import { recordRef, scopeKindInfo } from '../../../shared/directory.ts';
import { grantableRoles, roleAllowsScope, roleNames } from '../../../shared/roles.ts';
import { line } from '../../../shared/text.ts';
import { principalOf } from '../auth/plugin.ts';
import { isAdmin } from '../authz.ts';
import { problems } from '../errors.ts';
import { type App, errorResponses } from '../http.ts';
import type { ModuleContext } from '../seam.ts';

// What the web app's frame needs of every module at once: the global search (Ctrl+K), the items
// on the start page, and the kinds of scope a role can be granted in with a picker for each.

const searchHit = z.object({
  id: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  href: z.string(),
});

const startItem = z.object({
  section: z.string(),
  id: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  href: z.string(),
  due: z.string().nullable(),
});

const kindParams = z.strictObject({ kind: z.string().regex(/^[a-z][a-zA-Z]{1,39}$/) });

export function shellRoutes(app: App, { db, seam }: ModuleContext) {
  app.get(
    '/api/v1/search',
    {
      schema: {
        tags: ['shell'],
        summary: 'Search every module at once; each section holds only what the reader may see',
        querystring: z.strictObject({
          q: line(100).pipe(z.string().min(1)),
          limit: z.coerce.number().int().min(1).max(20).default(5),
        }),
        response: {
          200: z.object({ sections: z.array(z.object({ section: z.string(), hits: z.array(searchHit) })) }),
          ...errorResponses,
        },
      },
      config: { authorize: () => true },
    },
    async (request) => {
      const actor = principalOf(request);
      const { q, limit } = request.query;
      const sections = [];
      // One section after another: on PGlite there is one connection anyway, and a slow provider
      // should not hold several pooled connections of a PostgreSQL server at once.
      for (const provider of seam.searchProviders) {
        sections.push({ section: provider.section, hits: await provider.search(db, actor, q, limit) });
      }
      return { sections };
    },
  );

  app.get(
    '/api/v1/start',
    {
      schema: {
        tags: ['shell'],
        summary: 'What waits for the signed-in person, from every module, soonest due first',
        response: { 200: z.object({ items: z.array(startItem) }), ...errorResponses },
      },
      config: { authorize: () => true },
    },
    async (request) => {
      const actor = principalOf(request);
      const items = [];
      for (const provider of seam.startItemsProviders) items.push(...(await provider.items(db, actor)));
      items.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
      return { items };
    },
  );

  app.get(
    '/api/v1/scope-kinds',
    {
      schema: {
        tags: ['shell'],
        summary: 'The kinds of scope roles can be granted in, each with the roles it takes',
        response: {
          200: z.object({ items: z.array(scopeKindInfo), grantableRoles: z.array(z.enum(roleNames)) }),
          ...errorResponses,
        },
      },
      config: { authorize: () => true },
    },
    async () => ({
      items: seam.scopeKinds.map((kind) => ({
        kind,
        roles: roleNames.filter((role) => roleAllowsScope(role, kind)),
      })),
      grantableRoles: grantableRoles(seam.scopeKinds),
    }),
  );

  app.get(
    '/api/v1/scopes/:kind',
    {
      schema: {
        tags: ['shell'],
        summary: 'Scopes of one kind whose name matches, for granting a role (admins)',
        params: kindParams,
        querystring: z.strictObject({
          search: line(100).optional(),
          limit: z.coerce.number().int().min(1).max(50).default(20),
        }),
        response: { 200: z.object({ items: z.array(recordRef) }), ...errorResponses },
      },
      config: { authorize: (actor) => isAdmin(actor) },
    },
    async (request) => {
      const definition = seam.scopeKind(request.params.kind);
      if (!definition) throw problems.notFound('scope kind');
      const actor = principalOf(request);
      return { items: await definition.search(db, actor, request.query.search, request.query.limit) };
    },
  );
}

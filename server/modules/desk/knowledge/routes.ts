import {
  article,
  articleCreate,
  articleRow,
  articleUpdate,
  feedbackBody,
  knowledgeListQuery,
  publishBody,
  suggestions,
  suggestQuery,
} from '../../../../shared/desk/knowledge.ts';
import { archiveBody, page, restoreBody } from '../../../../shared/records.ts';
import type { Database } from '../../../db/client.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import type { Actor } from '../../../platform/context.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { exportFormat, fileResponse, sendFile } from '../../../platform/transfer/http.ts';
import { deskPolicy } from '../policy.ts';
import { presentArticle, presentArticleRow, presentSuggestion } from './present.ts';
import * as knowledge from './service.ts';
import { exportArticles } from './transfer.ts';

// HTTP for the knowledge base: /api/v1/knowledge (list, export, one, write, change, archive,
// restore, as every record has; publish; "did it help?") and the suggestions for a ticket being written. Everyone signed in reads; the service
// answers 404 for a draft to anyone but agents. Agents write.

async function present(db: Database, actor: Actor, row: knowledge.ArticleRow) {
  const [names, mine] = await Promise.all([
    knowledge.namesOf(db, actor.tenantId, [row]),
    knowledge.feedbackOf(db, actor, row.id),
  ]);
  return presentArticle(row, names, actor, mine);
}

export function knowledgeRoutes(app: App, { db }: ModuleContext) {
  const tags = ['desk'];

  app.get(
    '/api/v1/knowledge/suggest',
    {
      schema: {
        tags,
        summary:
          'The best published articles for a ticket being written (its title as typed, and its system) or for a ticket an agent works',
        querystring: suggestQuery,
        response: { 200: suggestions, ...errorResponses },
      },
      config: { authorize: deskPolicy.request },
    },
    async (request) => {
      const rows = await knowledge.suggestArticles(db, principalOf(request), request.query);
      return { items: rows.map(presentSuggestion) };
    },
  );

  // The list answers rows (the names of a page in one query per kind); one article answers whole.
  app.get(
    '/api/v1/knowledge',
    {
      schema: {
        tags,
        summary: 'List knowledge articles: published ones for everyone, drafts and archived for agents',
        querystring: knowledgeListQuery,
        response: { 200: page(articleRow), ...errorResponses },
      },
      config: { authorize: deskPolicy.request },
    },
    async (request) => {
      const actor = principalOf(request);
      const page = await knowledge.listArticles(db, actor, request.query);
      const names = await knowledge.namesOf(db, actor.tenantId, page.items);
      return { items: page.items.map((row) => presentArticleRow(row, names)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/knowledge/export',
    {
      schema: {
        tags,
        summary: 'Export knowledge articles as CSV or XLSX, with the filters of the list',
        querystring: knowledgeListQuery.omit({ limit: true, cursor: true }).extend({ format: exportFormat }),
        response: { 200: fileResponse, ...errorResponses },
      },
      config: { authorize: deskPolicy.request },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendFile(reply, await exportArticles(db, principalOf(request), query, format));
    },
  );

  app.get(
    '/api/v1/knowledge/:id',
    {
      schema: {
        tags,
        summary: 'One knowledge article',
        params: idParams,
        response: { 200: article, ...errorResponses },
      },
      config: { authorize: deskPolicy.request },
    },
    async (request) => {
      const actor = principalOf(request);
      return present(db, actor, await knowledge.getArticle(db, actor, request.params.id));
    },
  );

  app.post(
    '/api/v1/knowledge',
    {
      schema: {
        tags,
        summary: 'Write a knowledge article (a draft until it is published)',
        body: articleCreate,
        response: { 201: article, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const row = await knowledge.createArticle(db, actor, request.body);
      return reply.code(201).send(await present(db, actor, row));
    },
  );

  app.patch(
    '/api/v1/knowledge/:id',
    {
      schema: {
        tags,
        summary: 'Change a knowledge article (with the version read); a published one stays published',
        params: idParams,
        body: articleUpdate,
        response: { 200: article, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => {
      const actor = principalOf(request);
      return present(db, actor, await knowledge.updateArticle(db, actor, request.params.id, request.body));
    },
  );

  app.post(
    '/api/v1/knowledge/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive a knowledge article, with a reason: out of the knowledge base and the suggestions',
        params: idParams,
        body: archiveBody,
        response: { 200: article, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => {
      const actor = principalOf(request);
      return present(db, actor, await knowledge.archiveArticle(db, actor, request.params.id, request.body));
    },
  );

  app.post(
    '/api/v1/knowledge/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore an archived knowledge article, as a draft',
        params: idParams,
        body: restoreBody,
        response: { 200: article, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => {
      const actor = principalOf(request);
      const row = await knowledge.restoreArticle(db, actor, request.params.id, request.body.version);
      return present(db, actor, row);
    },
  );

  app.post(
    '/api/v1/knowledge/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish a draft: every employee of the tenant reads it, and it is suggested',
        params: idParams,
        body: publishBody,
        response: { 200: article, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => {
      const actor = principalOf(request);
      const row = await knowledge.publishArticle(db, actor, request.params.id, request.body.version);
      return present(db, actor, row);
    },
  );

  app.post(
    '/api/v1/knowledge/:id/feedback',
    {
      schema: {
        tags,
        summary: 'Say whether a published article helped (one answer per person; again to change it)',
        params: idParams,
        body: feedbackBody,
        response: { 200: article, ...errorResponses },
      },
      config: { authorize: deskPolicy.request },
    },
    async (request) => {
      const actor = principalOf(request);
      const row = await knowledge.giveFeedback(db, actor, request.params.id, request.body.helpful);
      return present(db, actor, row);
    },
  );
}

import {
  answersSave,
  comparison,
  comparisonQuery,
  roundReopen,
  roundTransition,
  surveyRound,
  surveyRoundCreate,
  surveyRoundListQuery,
  surveyRoundSummary,
  surveyTemplate,
  surveyTemplateCreate,
  surveyTemplateListQuery,
  surveyTemplateUpdate,
} from '../../../../shared/governance/surveys.ts';
import { page } from '../../../../shared/records.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import { recordRoutes } from '../../../platform/record-routes.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { exportFormat, fileResponse, sendFile } from '../../../platform/transfer/http.ts';
import { surveyPolicy } from './policy.ts';
import { presentRound, presentRoundSummary, presentTemplate } from './present.ts';
import * as surveys from './service.ts';
import { exportComparison, exportTemplates } from './transfer.ts';

// HTTP for the yearly self-assessment: /api/v1/surveys (the templates' seven record routes, and a
// forum's comparison across years with its export) and /api/v1/surveys/rounds (a forum's round of
// a year: answers saved per question, submitted, reopened by an admin). Staff read everything.

export function surveyRoutes(app: App, { db }: ModuleContext) {
  const tags = ['governance'];

  app.get(
    '/api/v1/surveys/rounds',
    {
      schema: {
        tags,
        summary: 'List self-assessment rounds, newest year first',
        querystring: surveyRoundListQuery,
        response: { 200: page(surveyRoundSummary), ...errorResponses },
      },
      config: { authorize: surveyPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      const result = await surveys.listRounds(db, actor, request.query);
      return { items: result.items.map((r) => presentRoundSummary(r, actor)), nextCursor: result.nextCursor };
    },
  );

  app.post(
    '/api/v1/surveys/rounds',
    {
      schema: {
        tags,
        summary: "Start a forum's round of a template for a year (one per forum, template and year)",
        body: surveyRoundCreate,
        response: { 201: surveyRound, ...errorResponses },
      },
      config: { authorize: surveyPolicy.manage },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const row = await surveys.createRound(db, actor, request.body);
      return reply.code(201).send(presentRound(await surveys.getRound(db, actor, row.id), actor));
    },
  );

  app.get(
    '/api/v1/surveys/rounds/:id',
    {
      schema: {
        tags,
        summary: 'One round, with the questions as asked and the answers',
        params: idParams,
        response: { 200: surveyRound, ...errorResponses },
      },
      config: { authorize: surveyPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentRound(await surveys.getRound(db, actor, request.params.id), actor);
    },
  );

  app.patch(
    '/api/v1/surveys/rounds/:id/answers',
    {
      schema: {
        tags,
        summary: "Save answers of a draft round, each with the answer's version read (null if new)",
        params: idParams,
        body: answersSave,
        response: { 200: surveyRound, ...errorResponses },
      },
      config: { authorize: surveyPolicy.answerSome },
    },
    async (request) => {
      const actor = principalOf(request);
      await surveys.saveAnswers(db, actor, request.params.id, request.body);
      return presentRound(await surveys.getRound(db, actor, request.params.id), actor);
    },
  );

  app.post(
    '/api/v1/surveys/rounds/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit a round: its answers are locked',
        params: idParams,
        body: roundTransition,
        response: { 200: surveyRound, ...errorResponses },
      },
      config: { authorize: surveyPolicy.answerSome },
    },
    async (request) => {
      const actor = principalOf(request);
      await surveys.submitRound(db, actor, request.params.id, request.body.version);
      return presentRound(await surveys.getRound(db, actor, request.params.id), actor);
    },
  );

  app.post(
    '/api/v1/surveys/rounds/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a submitted round, with a reason (admins)',
        params: idParams,
        body: roundReopen,
        response: { 200: surveyRound, ...errorResponses },
      },
      config: { authorize: surveyPolicy.reopen },
    },
    async (request) => {
      const actor = principalOf(request);
      await surveys.reopenRound(db, actor, request.params.id, request.body);
      return presentRound(await surveys.getRound(db, actor, request.params.id), actor);
    },
  );

  app.get(
    '/api/v1/surveys/:id/comparison',
    {
      schema: {
        tags,
        summary: "A forum's answers to the template year by year, per question and per section",
        params: idParams,
        querystring: comparisonQuery,
        response: { 200: comparison, ...errorResponses },
      },
      config: { authorize: surveyPolicy.read },
    },
    async (request) =>
      surveys.compareRounds(db, principalOf(request), request.params.id, request.query.forumId),
  );

  app.get(
    '/api/v1/surveys/:id/comparison/export',
    {
      schema: {
        tags,
        summary: 'The comparison as CSV or XLSX',
        params: idParams,
        querystring: comparisonQuery.extend({ format: exportFormat }),
        response: { 200: fileResponse, ...errorResponses },
      },
      config: { authorize: surveyPolicy.read },
    },
    async (request, reply) => {
      const c = await surveys.compareRounds(
        db,
        principalOf(request),
        request.params.id,
        request.query.forumId,
      );
      return sendFile(reply, await exportComparison(c, request.query.format));
    },
  );

  recordRoutes(app, db, {
    tag: 'governance',
    path: '/api/v1/surveys',
    noun: 'self-assessment template',
    plural: 'self-assessment templates',
    item: surveyTemplate,
    listQuery: surveyTemplateListQuery,
    create: surveyTemplateCreate,
    update: surveyTemplateUpdate,
    read: surveyPolicy.read,
    write: surveyPolicy.manage,
    present: presentTemplate,
    list: surveys.listTemplates,
    exportFile: exportTemplates,
    get: surveys.getTemplate,
    add: async (db, actor, input) =>
      surveys.getTemplate(db, actor, (await surveys.createTemplate(db, actor, input)).id),
    change: async (db, actor, id, input) => {
      await surveys.updateTemplate(db, actor, id, input);
      return surveys.getTemplate(db, actor, id);
    },
    archive: async (db, actor, id, input) => {
      await surveys.archiveTemplate(db, actor, id, input);
      return surveys.getTemplate(db, actor, id);
    },
    restore: async (db, actor, id, version) => {
      await surveys.restoreTemplate(db, actor, id, version);
      return surveys.getTemplate(db, actor, id);
    },
  });
}

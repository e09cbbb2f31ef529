import { archiveBody, page, restoreBody } from '../../../../shared/records.ts';
import {
  classification,
  classificationCreate,
  classificationListQuery,
  classificationUpdate,
  scale,
  scaleCreate,
  scaleVersions,
  systemClassification,
} from '../../../../shared/registry/classification.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { exportFormat, fileResponse, sendFile } from '../../../platform/transfer/http.ts';
import { registryPolicy } from '../policy.ts';
import { getSystem } from '../systems/service.ts';
import {
  presentClassification,
  presentScale,
  presentScaleVersion,
  presentSystemClassification,
} from './present.ts';
import * as service from './service.ts';
import { exportClassifications } from './transfer.ts';

// HTTP for information classification: parse, authorize, call the service, shape the answer.
// Everyone signed in may read the routes; what they answer is cut to the reader in ./present.ts.

const exportQuery = classificationListQuery
  .omit({ limit: true, cursor: true })
  .extend({ format: exportFormat });

const secrecy =
  'Levels and motivations are secret under OSL: only admins, IT-strateg, the information-security role and the system’s own systemägare and systemförvaltare read them; for anyone else they are null and `restricted` is true.';

export function classificationRoutes(app: App, { db }: ModuleContext) {
  app.get(
    '/api/v1/classification-scale',
    {
      schema: {
        tags: ['registry'],
        summary: 'The KLASSA consequence scale in force (wording per dimension and level), with its version',
        response: { 200: scale, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentScale(await service.currentScale(db, actor.tenantId), actor);
    },
  );

  app.get(
    '/api/v1/classification-scale/versions',
    {
      schema: {
        tags: ['registry'],
        summary: 'Every version of the scale, newest first (version 1 is the default wording)',
        response: { 200: scaleVersions, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      return { items: (await service.scaleVersions(db, actor)).map(presentScaleVersion) };
    },
  );

  app.post(
    '/api/v1/classification-scale',
    {
      schema: {
        tags: ['registry'],
        summary: 'Save new wording of the scale as a new version',
        description: '409 when `basedOnVersion` is not the current version. Earlier versions are kept.',
        body: scaleCreate,
        response: { 201: scale, ...errorResponses },
      },
      config: { authorize: registryPolicy.editClassificationScale },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      return reply.code(201).send(presentScale(await service.saveScale(db, actor, request.body), actor));
    },
  );

  app.get(
    '/api/v1/classifications',
    {
      schema: {
        tags: ['registry'],
        summary: 'List classifications, by system or by review date, filtered',
        description: `${secrecy} \`level4\` filters only among the rows the reader may read.`,
        querystring: classificationListQuery,
        response: { 200: page(classification), ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      const result = await service.listClassifications(db, actor, request.query);
      const on = service.today();
      return {
        items: result.items.map((row) => presentClassification(row, actor, on)),
        nextCursor: result.nextCursor,
      };
    },
  );

  app.get(
    '/api/v1/classifications/export',
    {
      schema: {
        tags: ['registry'],
        summary: 'Export classifications as CSV or XLSX, with the filters of the list',
        description: `${secrecy} Their cells are blank in the file.`,
        querystring: exportQuery,
        response: { 200: fileResponse, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendFile(reply, await exportClassifications(db, principalOf(request), query, format));
    },
  );

  app.get(
    '/api/v1/classifications/:id',
    {
      schema: {
        tags: ['registry'],
        summary: 'One classification',
        description: secrecy,
        params: idParams,
        response: { 200: classification, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentClassification(await service.getClassification(db, actor, request.params.id), actor);
    },
  );

  app.post(
    '/api/v1/classifications',
    {
      schema: {
        tags: ['registry'],
        summary: 'Classify a system or one of its information sets',
        description:
          'Levels 0–4 on the scale in force, whose version is stored with it; classified by the caller, today; reviewed a year later unless `nextReviewOn` says otherwise. One active classification per system and information set (none: the system as a whole); another answers 409.',
        body: classificationCreate,
        response: { 201: classification, ...errorResponses },
      },
      config: {
        authorize: (actor, request) =>
          registryPolicy.classify(actor, (request.body as { systemId: string }).systemId),
      },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const row = await service.createClassification(db, actor, request.body);
      return reply.code(201).send(presentClassification(row, actor));
    },
  );

  app.patch(
    '/api/v1/classifications/:id',
    {
      schema: {
        tags: ['registry'],
        summary: 'Change a classification',
        description:
          'A changed level or motivation is a new classification: by the caller, today, on the scale in force, reviewed a year later unless `nextReviewOn` is given.',
        params: idParams,
        body: classificationUpdate,
        response: { 200: classification, ...errorResponses },
      },
      // Who may classify depends on the classification's system: the service checks it.
      config: { authorize: registryPolicy.classifySome },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentClassification(
        await service.updateClassification(db, actor, request.params.id, request.body),
        actor,
      );
    },
  );

  app.post(
    '/api/v1/classifications/:id/archive',
    {
      schema: {
        tags: ['registry'],
        summary: 'Archive a classification, with a reason',
        params: idParams,
        body: archiveBody,
        response: { 200: classification, ...errorResponses },
      },
      config: { authorize: registryPolicy.classifySome },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentClassification(
        await service.archiveClassification(db, actor, request.params.id, request.body),
        actor,
      );
    },
  );

  app.post(
    '/api/v1/classifications/:id/restore',
    {
      schema: {
        tags: ['registry'],
        summary: 'Restore an archived classification',
        description: '409 when its information set has been classified anew meanwhile.',
        params: idParams,
        body: restoreBody,
        response: { 200: classification, ...errorResponses },
      },
      config: { authorize: registryPolicy.classifySome },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentClassification(
        await service.restoreClassification(db, actor, request.params.id, request.body.version),
        actor,
      );
    },
  );

  app.get(
    '/api/v1/systems/:id/classification',
    {
      schema: {
        tags: ['registry'],
        summary: "A system's classification as a whole: the maximum per dimension over its information sets",
        description: `${secrecy} \`needsProtectionAnalysis\` is true when any level is 4 (null when restricted).`,
        params: idParams,
        response: { 200: systemClassification, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      const system = await getSystem(db, actor, request.params.id);
      const levels = (await service.maxLevelsBySystem(db, actor.tenantId, [system.id])).get(system.id);
      return presentSystemClassification(system.id, levels, actor, { active: system.archivedAt === null });
    },
  );
}

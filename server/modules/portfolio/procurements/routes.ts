import {
  planQuery,
  procurement,
  procurementContractBody,
  procurementCreate,
  procurementListQuery,
  procurementPlan,
  procurementSettings,
  procurementSettingsUpdate,
  procurementUpdate,
} from '../../../../shared/portfolio/procurements.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import { recordRoutes } from '../../../platform/record-routes.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { portfolioPolicy } from '../policy.ts';
import { procurementPlan as plan } from './plan.ts';
import { presentProcurement, presentSettings } from './present.ts';
import * as procurements from './service.ts';
import { procurementSettingsOf, updateProcurementSettings } from './settings.ts';
import { exportProcurements } from './transfer.ts';

// HTTP for procurements: /api/v1/procurements (the seven record routes), the re-procurement plan,
// the resulting contract made in the register and the tenant's procurement settings. Staff read;
// admins, the IT-strateg and the förändringsansvarig keep them. The fixed paths are registered before the record routes'
// `/:id`; Fastify prefers a static segment anyway.

export function procurementRoutes(app: App, { db }: ModuleContext) {
  const tags = ['portfolio'];

  app.get(
    '/api/v1/procurements/plan',
    {
      schema: {
        tags,
        summary:
          "The re-procurement plan: each register contract's end date against its re-procurement's lead time, by latest start",
        querystring: planQuery,
        response: { 200: procurementPlan, ...errorResponses },
      },
      config: { authorize: portfolioPolicy.read },
    },
    async (request) => plan(db, principalOf(request), request.query),
  );

  app.get(
    '/api/v1/procurements/settings',
    {
      schema: {
        tags,
        summary: "The tenant's procurement settings: the direktupphandling limit and the lead times",
        response: { 200: procurementSettings, ...errorResponses },
      },
      config: { authorize: portfolioPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentSettings(await procurementSettingsOf(db, actor.tenantId), actor);
    },
  );

  app.patch(
    '/api/v1/procurements/settings',
    {
      schema: {
        tags,
        summary: 'Change the procurement settings (with the version read)',
        body: procurementSettingsUpdate,
        response: { 200: procurementSettings, ...errorResponses },
      },
      config: { authorize: portfolioPolicy.edit },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentSettings(await updateProcurementSettings(db, actor, request.body), actor);
    },
  );

  app.post(
    '/api/v1/procurements/:id/contract',
    {
      schema: {
        tags,
        summary:
          "Make the awarded procurement's resulting contract in the register and link it (with the procurement's version)",
        params: idParams,
        body: procurementContractBody,
        response: { 200: procurement, ...errorResponses },
      },
      config: { authorize: portfolioPolicy.contractFromProcurement },
    },
    async (request) => {
      const actor = principalOf(request);
      await procurements.createResultingContract(db, actor, request.params.id, request.body);
      return presentProcurement(await procurements.getProcurement(db, actor, request.params.id), actor);
    },
  );

  recordRoutes(app, db, {
    tag: 'portfolio',
    path: '/api/v1/procurements',
    noun: 'procurement',
    plural: 'procurements',
    item: procurement,
    listQuery: procurementListQuery,
    create: procurementCreate,
    update: procurementUpdate,
    read: portfolioPolicy.read,
    write: portfolioPolicy.edit,
    present: presentProcurement,
    list: procurements.listProcurements,
    exportFile: exportProcurements,
    get: procurements.getProcurement,
    add: async (db, actor, input) =>
      procurements.getProcurement(db, actor, (await procurements.createProcurement(db, actor, input)).id),
    change: async (db, actor, id, input) => {
      await procurements.updateProcurement(db, actor, id, input);
      return procurements.getProcurement(db, actor, id);
    },
    archive: async (db, actor, id, input) => {
      await procurements.archiveProcurement(db, actor, id, input);
      return procurements.getProcurement(db, actor, id);
    },
    restore: async (db, actor, id, version) => {
      await procurements.restoreProcurement(db, actor, id, version);
      return procurements.getProcurement(db, actor, id);
    },
  });
}

import {
  contract,
  contractCreate,
  contractListQuery,
  contractUpdate,
  licence,
  licenceCreate,
  licenceListQuery,
  licenceUpdate,
  systemCosts,
  systemCostsPut,
  systemCostsQuery,
  unitCosts,
  unitCostsQuery,
} from '../../../../shared/registry/contracts.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import type { Actor } from '../../../platform/context.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import { recordRoutes } from '../../../platform/record-routes.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { registryPolicy } from '../policy.ts';
import * as costs from './costs.ts';
import * as licences from './licences.ts';
import { presentContract, presentLicence } from './present.ts';
import * as contracts from './service.ts';
import { exportContracts, exportLicences } from './transfer.ts';

// HTTP for contracts, licences and costs. Commercial records: staff read them, not the portal.

export function contractRoutes(app: App, { db }: ModuleContext) {
  recordRoutes(app, db, {
    tag: 'registry',
    path: '/api/v1/contracts',
    noun: 'contract',
    plural: 'contracts',
    item: contract,
    listQuery: contractListQuery,
    create: contractCreate,
    update: contractUpdate,
    read: registryPolicy.readCommercial,
    write: registryPolicy.manage,
    present: presentContract,
    list: contracts.listContracts,
    exportFile: exportContracts,
    get: contracts.getContract,
    add: contracts.createContract,
    change: contracts.updateContract,
    archive: contracts.archiveContract,
    restore: contracts.restoreContract,
  });

  recordRoutes(app, db, {
    tag: 'registry',
    path: '/api/v1/licences',
    noun: 'licence',
    plural: 'licences',
    item: licence,
    listQuery: licenceListQuery,
    create: licenceCreate,
    update: licenceUpdate,
    read: registryPolicy.readCommercial,
    write: registryPolicy.manage,
    present: presentLicence,
    list: licences.listLicences,
    exportFile: exportLicences,
    get: licences.getLicence,
    add: licences.createLicence,
    change: licences.updateLicence,
    archive: licences.archiveLicence,
    restore: licences.restoreLicence,
  });

  const withCan = (actor: Actor, answer: Awaited<ReturnType<typeof costs.getSystemCosts>>) => ({
    ...answer,
    can: { update: registryPolicy.recordCosts(actor, answer.systemId) },
  });

  app.get(
    '/api/v1/systems/:id/costs',
    {
      schema: {
        tags: ['registry'],
        summary: "A system's costs of a year, their total and each unit's share in öre",
        params: idParams,
        querystring: systemCostsQuery,
        response: { 200: systemCosts, ...errorResponses },
      },
      config: { authorize: registryPolicy.readCommercial },
    },
    async (request) => {
      const actor = principalOf(request);
      return withCan(actor, await costs.getSystemCosts(db, actor, request.params.id, request.query.year));
    },
  );

  app.put(
    '/api/v1/systems/:id/costs',
    {
      schema: {
        tags: ['registry'],
        summary: "Record a system's costs of a year and their split over units (replaces the year's)",
        description:
          'Without `version` when the year has no costs yet, else the version read. Shares in percent add up to 100; none: split by the using units’ user counts.',
        params: idParams,
        body: systemCostsPut,
        response: { 200: systemCosts, ...errorResponses },
      },
      config: {
        authorize: (actor: Actor, request) =>
          registryPolicy.recordCosts(actor, (request.params as { id: string }).id),
      },
    },
    async (request) => {
      const actor = principalOf(request);
      return withCan(actor, await costs.putSystemCosts(db, actor, request.params.id, request.body));
    },
  );

  app.get(
    '/api/v1/costs',
    {
      schema: {
        tags: ['registry'],
        summary: "Each unit's share of all systems' costs of a year, in öre",
        querystring: unitCostsQuery,
        response: { 200: unitCosts, ...errorResponses },
      },
      config: { authorize: registryPolicy.readCommercial },
    },
    async (request) => costs.unitCosts(db, principalOf(request), request.query.year, request.query.unitId),
  );
}

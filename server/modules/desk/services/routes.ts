import {
  catalogueService,
  promises,
  serviceCreate,
  serviceLevel,
  serviceLevelCreate,
  serviceLevelListQuery,
  serviceLevelUpdate,
  serviceListQuery,
  serviceUpdate,
} from '../../../../shared/desk/services.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses } from '../../../platform/http.ts';
import { recordRoutes } from '../../../platform/record-routes.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { deskPolicy } from '../policy.ts';
import { presentLevel, presentService } from './present.ts';
import { deskPromises } from './promises.ts';
import * as catalogue from './service.ts';
import { exportLevels, exportServices } from './transfer.ts';

// HTTP for service levels (/api/v1/service-levels, read by staff) and catalogue services
// (/api/v1/catalogue-services, read by everyone signed in: the portal orders them; the register's
// services and APIs have /api/v1/services), both configured by admins, and the desk's published
// promises for the portal. Writes answer the record as a read does, with the names it refers to.

export function serviceRoutes(app: App, { db }: ModuleContext) {
  recordRoutes(app, db, {
    tag: 'desk',
    path: '/api/v1/service-levels',
    noun: 'service level',
    plural: 'service levels',
    item: serviceLevel,
    listQuery: serviceLevelListQuery,
    create: serviceLevelCreate,
    update: serviceLevelUpdate,
    read: deskPolicy.readServiceLevels,
    write: deskPolicy.configure,
    present: presentLevel,
    list: catalogue.listLevels,
    exportFile: exportLevels,
    get: catalogue.getLevel,
    add: async (db, actor, input) =>
      catalogue.getLevel(db, actor, (await catalogue.createLevel(db, actor, input)).id),
    change: async (db, actor, id, input) => {
      await catalogue.updateLevel(db, actor, id, input);
      return catalogue.getLevel(db, actor, id);
    },
    archive: async (db, actor, id, input) => {
      await catalogue.archiveLevel(db, actor, id, input);
      return catalogue.getLevel(db, actor, id);
    },
    restore: async (db, actor, id, version) => {
      await catalogue.restoreLevel(db, actor, id, version);
      return catalogue.getLevel(db, actor, id);
    },
  });

  recordRoutes(app, db, {
    tag: 'desk',
    path: '/api/v1/catalogue-services',
    noun: 'catalogue service',
    plural: 'catalogue services',
    item: catalogueService,
    listQuery: serviceListQuery,
    create: serviceCreate,
    update: serviceUpdate,
    read: deskPolicy.request,
    write: deskPolicy.configure,
    present: presentService,
    list: catalogue.listServices,
    exportFile: exportServices,
    get: catalogue.getService,
    add: async (db, actor, input) =>
      catalogue.getService(db, actor, (await catalogue.createService(db, actor, input)).id),
    change: async (db, actor, id, input) => {
      await catalogue.updateService(db, actor, id, input);
      return catalogue.getService(db, actor, id);
    },
    archive: async (db, actor, id, input) => {
      await catalogue.archiveService(db, actor, id, input);
      return catalogue.getService(db, actor, id);
    },
    restore: async (db, actor, id, version) => {
      await catalogue.restoreService(db, actor, id, version);
      return catalogue.getService(db, actor, id);
    },
  });

  app.get(
    '/api/v1/desk/promises',
    {
      schema: {
        tags: ['desk'],
        summary:
          "The desk's published promises (opening hours this week, phone answer time, first-contact resolution) and what the last 30 days measured",
        response: { 200: promises, ...errorResponses },
      },
      config: { authorize: deskPolicy.request },
    },
    async (request) => deskPromises(db, principalOf(request)),
  );
}

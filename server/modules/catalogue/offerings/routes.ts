import {
  family,
  familyCreate,
  familyListQuery,
  familyService,
  familyServiceCreate,
  familyServiceListQuery,
  familyServiceUpdate,
  familyUpdate,
  offering,
  offeringCreate,
  offeringListQuery,
  offeringUpdate,
  rateCard,
  rateCardArchive,
  rateCardCreate,
  rateCardUpdate,
} from '../../../../shared/catalogue/offerings.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import { recordRoutes } from '../../../platform/record-routes.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { cataloguePolicy } from '../policy.ts';
import { presentFamily, presentFamilyService, presentOffering, presentRateCard } from './present.ts';
import * as catalogue from './service.ts';
import { exportFamilies, exportFamilyServices, exportOfferings } from './transfer.ts';

// HTTP for the priced catalogue: /api/v1/catalogue/families, /family-services (desk services
// placed in a family), /offerings (the seven record routes each) and /rate-cards (create, change,
// archive). Staff read; admins, the IT-strateg and ekonomer keep them. Writes answer the record
// as a read does.

export function offeringRoutes(app: App, { db }: ModuleContext) {
  const common = { tag: 'catalogue', read: cataloguePolicy.read, write: cataloguePolicy.manage };

  recordRoutes(app, db, {
    ...common,
    path: '/api/v1/catalogue/families',
    noun: 'service family',
    plural: 'service families',
    item: family,
    listQuery: familyListQuery,
    create: familyCreate,
    update: familyUpdate,
    present: presentFamily,
    list: catalogue.listFamilies,
    exportFile: exportFamilies,
    get: catalogue.getFamily,
    add: async (db, actor, input) =>
      catalogue.getFamily(db, actor, (await catalogue.createFamily(db, actor, input)).id),
    change: async (db, actor, id, input) => {
      await catalogue.updateFamily(db, actor, id, input);
      return catalogue.getFamily(db, actor, id);
    },
    archive: async (db, actor, id, input) => {
      await catalogue.archiveFamily(db, actor, id, input);
      return catalogue.getFamily(db, actor, id);
    },
    restore: async (db, actor, id, version) => {
      await catalogue.restoreFamily(db, actor, id, version);
      return catalogue.getFamily(db, actor, id);
    },
  });

  recordRoutes(app, db, {
    ...common,
    path: '/api/v1/catalogue/family-services',
    noun: 'catalogue service (a desk service in a family)',
    plural: 'catalogue services',
    item: familyService,
    listQuery: familyServiceListQuery,
    create: familyServiceCreate,
    update: familyServiceUpdate,
    present: presentFamilyService,
    list: catalogue.listFamilyServices,
    exportFile: exportFamilyServices,
    get: catalogue.getFamilyService,
    add: async (db, actor, input) =>
      catalogue.getFamilyService(db, actor, (await catalogue.createFamilyService(db, actor, input)).id),
    change: async (db, actor, id, input) => {
      await catalogue.updateFamilyService(db, actor, id, input);
      return catalogue.getFamilyService(db, actor, id);
    },
    archive: async (db, actor, id, input) => {
      await catalogue.archiveFamilyService(db, actor, id, input);
      return catalogue.getFamilyService(db, actor, id);
    },
    restore: async (db, actor, id, version) => {
      await catalogue.restoreFamilyService(db, actor, id, version);
      return catalogue.getFamilyService(db, actor, id);
    },
  });

  recordRoutes(app, db, {
    ...common,
    path: '/api/v1/catalogue/offerings',
    noun: 'offering',
    plural: 'offerings',
    item: offering,
    listQuery: offeringListQuery,
    create: offeringCreate,
    update: offeringUpdate,
    present: (row, actor) => presentOffering(row, actor),
    list: catalogue.listOfferings,
    exportFile: exportOfferings,
    get: catalogue.getOffering,
    add: async (db, actor, input) =>
      catalogue.getOffering(db, actor, (await catalogue.createOffering(db, actor, input)).id),
    change: async (db, actor, id, input) => {
      await catalogue.updateOffering(db, actor, id, input);
      return catalogue.getOffering(db, actor, id);
    },
    archive: async (db, actor, id, input) => {
      await catalogue.archiveOffering(db, actor, id, input);
      return catalogue.getOffering(db, actor, id);
    },
    restore: async (db, actor, id, version) => {
      await catalogue.restoreOffering(db, actor, id, version);
      return catalogue.getOffering(db, actor, id);
    },
  });

  const tags = ['catalogue'];

  app.post(
    '/api/v1/catalogue/rate-cards',
    {
      schema: {
        tags,
        summary:
          'Add a rate card to an offering: its price from the first of a month or year until the next card',
        body: rateCardCreate,
        response: { 201: rateCard, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.manage },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      return reply
        .code(201)
        .send(presentRateCard(await catalogue.createRateCard(db, actor, request.body), actor));
    },
  );

  app.get(
    '/api/v1/catalogue/rate-cards/:id',
    {
      schema: {
        tags,
        summary: 'One rate card',
        params: idParams,
        response: { 200: rateCard, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentRateCard(await catalogue.getRateCard(db, actor, request.params.id), actor);
    },
  );

  app.patch(
    '/api/v1/catalogue/rate-cards/:id',
    {
      schema: {
        tags,
        summary: "Change a rate card's prices (with the version read)",
        params: idParams,
        body: rateCardUpdate,
        response: { 200: rateCard, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentRateCard(
        await catalogue.updateRateCard(db, actor, request.params.id, request.body),
        actor,
      );
    },
  );

  app.post(
    '/api/v1/catalogue/rate-cards/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive a rate card: the card before it rolls forward again',
        params: idParams,
        body: rateCardArchive,
        response: { 200: rateCard, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentRateCard(
        await catalogue.archiveRateCard(db, actor, request.params.id, request.body.version),
        actor,
      );
    },
  );
}

import { z } from 'zod';
import {
  asset,
  assetCreate,
  assetIssue,
  assetListQuery,
  assetReturn,
  assetScrap,
  assetUpdate,
  budgetYear,
  investmentBudget,
  investmentBudgetPut,
  investments,
  investmentsQuery,
} from '../../../../shared/catalogue/assets.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { problems } from '../../../platform/errors.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import { recordRoutes } from '../../../platform/record-routes.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import {
  fileBody,
  fileOf,
  importQuery,
  importResponses,
  importRoutes,
} from '../../../platform/transfer/http.ts';
import { CSV_TYPE, MAX_FILE_BYTES, XLSX_TYPE } from '../../../platform/transfer/index.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { cataloguePolicy } from '../policy.ts';
import { presentAsset, presentBudget } from './present.ts';
import * as service from './service.ts';
import { exportAssets, importAssets } from './transfer.ts';

// HTTP for rental equipment: /api/v1/catalogue/assets (the seven record routes, the import, and
// issue, return and scrap), the IT unit's investment budget per year and its figures. The keepers
// write; everyone with a person reads, a unit's people their own unit's assets (service.ts).

const yearParams = z.strictObject({ year: budgetYear });

export function assetRoutes(app: App, { db }: ModuleContext) {
  const tags = ['catalogue'];
  const path = '/api/v1/catalogue/assets';

  // Before the record routes, so that /assets/investments is not read as an asset's id.
  app.get(
    `${path}/investments`,
    {
      schema: {
        tags,
        summary: "The IT unit's investment budget of a year against the assets purchased in it, by kind",
        querystring: investmentsQuery,
        response: { 200: investments, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.manageAssets },
    },
    async (request) => {
      const actor = principalOf(request);
      const year = request.query.year ?? Number(todayInStockholm().slice(0, 4));
      const figures = await service.investmentsOf(db, actor, year);
      return {
        ...figures,
        budget: figures.budget ? presentBudget(figures.budget) : null,
        can: { setBudget: cataloguePolicy.manageAssets(actor) },
      };
    },
  );

  recordRoutes(app, db, {
    tag: 'catalogue',
    path,
    noun: 'rental asset',
    plural: 'rental assets',
    item: asset,
    listQuery: assetListQuery,
    create: assetCreate,
    update: assetUpdate,
    read: cataloguePolicy.readAssets,
    write: cataloguePolicy.manageAssets,
    present: presentAsset,
    list: service.listAssets,
    exportFile: exportAssets,
    get: service.getAsset,
    add: async (db, actor, input) =>
      service.getAsset(db, actor, (await service.createAsset(db, actor, input)).id),
    change: async (db, actor, id, input) => {
      await service.updateAsset(db, actor, id, input);
      return service.getAsset(db, actor, id);
    },
    archive: async (db, actor, id, input) => {
      await service.archiveAsset(db, actor, id, input);
      return service.getAsset(db, actor, id);
    },
    restore: async (db, actor, id, version) => {
      await service.restoreAsset(db, actor, id, version);
      return service.getAsset(db, actor, id);
    },
  });

  const transition = <B extends z.ZodType>(
    action: 'issue' | 'return' | 'scrap',
    summary: string,
    body: B,
    run: (actor: ReturnType<typeof principalOf>, id: string, input: z.infer<B>) => Promise<unknown>,
  ) =>
    app.post(
      `${path}/:id/${action}`,
      {
        schema: { tags, summary, params: idParams, body, response: { 200: asset, ...errorResponses } },
        config: { authorize: cataloguePolicy.manageAssets },
      },
      async (request) => {
        const actor = principalOf(request);
        await run(actor, request.params.id, request.body as z.infer<B>);
        return presentAsset(await service.getAsset(db, actor, request.params.id), actor);
      },
    );

  transition(
    'issue',
    'Issue an asset in stock or returned to a unit (charged the rent) and maybe a person, from a date',
    assetIssue,
    (actor, id, input) => service.issueAsset(db, actor, id, input),
  );
  transition(
    'return',
    'Take an issued asset back: the date given is the last day the unit is charged',
    assetReturn,
    (actor, id, input) => service.returnAsset(db, actor, id, input),
  );
  transition(
    'scrap',
    'Scrap an asset in stock or returned, with the reason (an issued one is returned first)',
    assetScrap,
    (actor, id, input) => service.scrapAsset(db, actor, id, input),
  );

  importRoutes(app, (scoped) => {
    scoped.post(
      `${path}/import`,
      {
        bodyLimit: MAX_FILE_BYTES,
        schema: {
          tags,
          summary: 'Import rental assets from CSV or XLSX: all rows or none',
          description:
            'Columns: serienummer|serial, modell|model, typ|kind (dator, skärm, skrivare, telefon, övrigt), erbjudande|offering (its name), inköpsvärde (kr)|purchase value (SEK), inköpsdatum|purchased on (YYYY-MM-DD), avskrivning (månader)|depreciation months, enhet|unit (cost centre or exact name), person (e-post)|person email, status|state (i lager, utlämnad). New assets only: a serial number already active is an error. An issued asset is issued to the unit (and person) from its purchase date. Any bad row gives 400 with every error as `line N.field` and nothing is written.',
          consumes: [CSV_TYPE, XLSX_TYPE],
          querystring: importQuery,
          body: fileBody,
          response: importResponses,
        },
        config: { authorize: cataloguePolicy.manageAssets, authorizeBeforeBody: true },
      },
      async (request) => importAssets(db, principalOf(request), fileOf(request.body), request.query),
    );
  });

  app.get(
    '/api/v1/catalogue/investment-budgets/:year',
    {
      schema: {
        tags,
        summary: "The IT unit's investment budget of a year",
        params: yearParams,
        response: { 200: investmentBudget, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.manageAssets },
    },
    async (request) => {
      const row = await service.getBudget(db, principalOf(request), request.params.year);
      if (!row) throw problems.notFound('investment budget');
      return presentBudget(row);
    },
  );

  app.put(
    '/api/v1/catalogue/investment-budgets/:year',
    {
      schema: {
        tags,
        summary: "Set the IT unit's investment budget of a year (with the version read when it has one)",
        params: yearParams,
        body: investmentBudgetPut,
        response: { 200: investmentBudget, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.manageAssets },
    },
    async (request) =>
      presentBudget(await service.putBudget(db, principalOf(request), request.params.year, request.body)),
  );
}

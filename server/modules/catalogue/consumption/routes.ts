import {
  consumptionBatch,
  consumptionItem,
  consumptionListQuery,
  consumptionTotals,
  consumptionTotalsQuery,
  consumptionWriteResult,
} from '../../../../shared/catalogue/consumption.ts';
import { page } from '../../../../shared/records.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses, iso, problemSchema } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { fileBody, fileOf, importQuery, importRoutes } from '../../../platform/transfer/http.ts';
import { CSV_TYPE, MAX_FILE_BYTES, XLSX_TYPE } from '../../../platform/transfer/index.ts';
import { cataloguePolicy } from '../policy.ts';
import * as consumption from './service.ts';
import { importConsumption } from './transfer.ts';

// HTTP for consumption: a file from the source system, the same as a JSON batch for systems that
// send it themselves, the month's rows and its totals per offering. The catalogue's keepers only:
// quantities become charges.

const tags = ['catalogue'];

export function consumptionRoutes(app: App, { db }: ModuleContext) {
  importRoutes(app, (scoped) => {
    scoped.post(
      '/api/v1/catalogue/consumption/import',
      {
        bodyLimit: MAX_FILE_BYTES,
        schema: {
          tags,
          summary:
            'Import consumption (printed pages, storage GB, licences, hours) from CSV or XLSX: all rows or none',
          description:
            'Columns: månad/month (YYYY-MM), erbjudande/offering (its name; priced per unit or per hour), enhet/unit (cost centre or name), antal/quantity (up to four decimals, a decimal comma too), and optionally referens (a printer, a share: several rows per unit), kostnadsställe (default the unit’s own), konto (default the unit’s only account), aktivitet, motpart — each one of the unit’s codes. A month, offering, unit and reference already stored gets the new quantity; the same file twice changes nothing; rows the file does not name are kept. dryRun=true answers the counts and writes nothing; any error answers 400 with every error as `line N.field` and writes nothing.',
          consumes: [CSV_TYPE, XLSX_TYPE],
          querystring: importQuery,
          body: fileBody,
          response: {
            200: consumptionWriteResult,
            ...errorResponses,
            413: problemSchema,
            415: problemSchema,
          },
        },
        config: { authorize: cataloguePolicy.manage, authorizeBeforeBody: true },
      },
      async (request) =>
        importConsumption(db, principalOf(request), fileOf(request.body), {
          dryRun: request.query.dryRun,
          fileName: request.query.fileName,
        }),
    );
  });

  app.post(
    '/api/v1/catalogue/consumption',
    {
      schema: {
        tags,
        summary: 'Send one month’s consumption of one offering from a source system: all rows or none',
        description:
          'The same rules as the file import, by ids. Errors name body.rows.N.field. dryRun=true checks and counts only.',
        querystring: importQuery,
        body: consumptionBatch,
        response: { 200: consumptionWriteResult, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.manage },
    },
    async (request) =>
      consumption.sendConsumption(db, principalOf(request), request.body, request.query.dryRun),
  );

  app.get(
    '/api/v1/catalogue/consumption',
    {
      schema: {
        tags,
        summary: 'A month’s consumption by unit, filtered by offering and unit',
        querystring: consumptionListQuery,
        response: { 200: page(consumptionItem), ...errorResponses },
      },
      config: { authorize: cataloguePolicy.manage },
    },
    async (request) => {
      const result = await consumption.listConsumption(db, principalOf(request), request.query);
      return {
        items: result.items.map((r) => ({
          id: r.id,
          period: r.period,
          offering: { id: r.offeringId, name: r.offeringName, priceUnit: r.priceUnit },
          unit: { id: r.unitId, name: r.unitName },
          reference: r.reference,
          quantity: r.quantity,
          costCentre: r.costCentre,
          account: r.account,
          activity: r.activity,
          counterpart: r.counterpart,
          version: r.version,
          updatedAt: iso(r.updatedAt),
        })),
        nextCursor: result.nextCursor,
      };
    },
  );

  app.get(
    '/api/v1/catalogue/consumption/totals',
    {
      schema: {
        tags,
        summary: 'A month’s consumption per offering: quantity, units and rows',
        querystring: consumptionTotalsQuery,
        response: { 200: consumptionTotals, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.manage },
    },
    async (request) => consumption.consumptionTotals(db, principalOf(request), request.query.period),
  );
}

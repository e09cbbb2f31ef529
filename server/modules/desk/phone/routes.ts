import { z } from 'zod';
import {
  callImport,
  callImportReport,
  phoneCall,
  phoneCallListQuery,
  phoneSettings,
  phoneSettingsUpdate,
  phoneStats,
  phoneStatsQuery,
} from '../../../../shared/desk/phone.ts';
import { page } from '../../../../shared/records.ts';
import { line } from '../../../../shared/text.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { problems } from '../../../platform/errors.ts';
import { type App, errorResponses, problemSchema } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { fileBody, fileOf, importQuery, importRoutes } from '../../../platform/transfer/http.ts';
import { CSV_TYPE, MAX_FILE_BYTES, XLSX_TYPE } from '../../../platform/transfer/index.ts';
import { deskPolicy } from '../policy.ts';
import { presentCall, presentImport, presentSettings } from './present.ts';
import * as phone from './service.ts';

// HTTP for the desk's phone statistics: parse, authorize, call the service, shape the answer.
// Agents read the calls and the figures; admins import (the promise is measured on data its
// measured side does not write) and set the promise.

const importQueryOfCalls = importQuery.extend({
  mapping: z
    .string()
    .max(20_000)
    .optional()
    .describe(
      'JSON object header → field (at, date, queue, waitedSeconds, outcome), overriding the automatic match; "" ignores a column. E.g. {"Starttid":"at","Agent":""}',
    ),
  fileName: line(255).optional().describe('The name of the uploaded file, kept with the import'),
});

const mappingOf = (text: string | undefined): Record<string, string> | undefined => {
  if (text === undefined || text === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw problems.field('querystring.mapping', 'Must be a JSON object of header → field');
  }
  const parsed = z.record(z.string().max(500), z.string().max(100)).safeParse(value);
  if (!parsed.success) throw problems.field('querystring.mapping', 'Must be a JSON object of header → field');
  return parsed.data;
};

export function phoneRoutes(app: App, { db }: ModuleContext) {
  importRoutes(app, (scoped) => {
    scoped.post(
      '/api/v1/phone-calls/import',
      {
        bodyLimit: MAX_FILE_BYTES,
        schema: {
          tags: ['desk'],
          summary: 'Import call statistics from the telephony system (CSV or XLSX): all rows or none',
          description:
            'Columns: time (Tid, Time, Starttid …; with an offset, or read as Europe/Stockholm without one; or a date column Datum plus a time of day), queue (Kö, Queue), wait in seconds (Väntetid (s), Wait; 45 or 0:45), answered (Besvarat, Answered, Utfall: ja/nej, besvarat/avbrutet, answered/abandoned). Other columns are ignored. A call already imported (same time, queue, wait, outcome and place among identical rows) is skipped, so the same export imported twice adds nothing. dryRun=true answers the report and writes nothing; a real import with any error answers 400 with every error as `line N.field` and writes nothing.',
          consumes: [CSV_TYPE, XLSX_TYPE],
          querystring: importQueryOfCalls,
          body: fileBody,
          response: { 200: callImportReport, ...errorResponses, 413: problemSchema, 415: problemSchema },
        },
        config: { authorize: deskPolicy.configure, authorizeBeforeBody: true },
      },
      async (request) =>
        phone.importCalls(db, principalOf(request), fileOf(request.body), {
          dryRun: request.query.dryRun,
          mapping: mappingOf(request.query.mapping),
          fileName: request.query.fileName,
        }),
    );
  });

  app.get(
    '/api/v1/phone-calls',
    {
      schema: {
        tags: ['desk'],
        summary: 'List imported calls, newest first (or oldest with order=asc), filtered',
        querystring: phoneCallListQuery,
        response: { 200: page(phoneCall), ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => {
      const result = await phone.listCalls(db, principalOf(request), request.query);
      return { items: result.items.map(presentCall), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/v1/phone-calls/stats',
    {
      schema: {
        tags: ['desk'],
        summary: 'The phone figures per day, week or month against the answer promise',
        description:
          'Whole days in Europe/Stockholm, from and to included (default: the last 90 days). Share within target = calls answered within the promised seconds / calls offered (an abandoned call was not answered within the promise). Mean and 90th percentile are of the waits of answered calls.',
        querystring: phoneStatsQuery,
        response: { 200: phoneStats, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => {
      const actor = principalOf(request);
      const stats = await phone.callStats(db, actor, request.query);
      return {
        from: stats.from,
        to: stats.to,
        queue: request.query.queue ?? null,
        groupBy: request.query.groupBy,
        target: presentSettings(stats.settings, actor),
        total: stats.total,
        periods: stats.periods,
        queues: stats.queues,
        can: { import: deskPolicy.configure(actor), configure: deskPolicy.configure(actor) },
      };
    },
  );

  app.get(
    '/api/v1/phone-calls/imports',
    {
      schema: {
        tags: ['desk'],
        summary: 'The latest imports of call statistics: who, when, which file, what it held',
        response: { 200: z.object({ items: z.array(callImport) }), ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => ({
      items: (await phone.listImports(db, principalOf(request))).map(presentImport),
    }),
  );

  app.get(
    '/api/v1/phone-calls/settings',
    {
      schema: {
        tags: ['desk'],
        summary: 'The answer promise of the phone (seconds, and the share of calls that must meet it)',
        response: { 200: phoneSettings, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentSettings(await phone.getSettings(db, actor.tenantId), actor);
    },
  );

  app.patch(
    '/api/v1/phone-calls/settings',
    {
      schema: {
        tags: ['desk'],
        summary: 'Change the answer promise (with the version read; a stale one answers 409)',
        body: phoneSettingsUpdate,
        response: { 200: phoneSettings, ...errorResponses },
      },
      config: { authorize: deskPolicy.configure },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentSettings(await phone.updateSettings(db, actor, request.body), actor);
    },
  );
}

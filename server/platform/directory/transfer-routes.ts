import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { personListQuery, unitListQuery } from '../../../shared/directory.ts';
import type { Database } from '../../db/client.ts';
import { principalOf } from '../auth/plugin.ts';
import { problems } from '../errors.ts';
import { type App, errorResponses, problemSchema } from '../http.ts';
import { directoryPolicy } from './policy.ts';
import {
  CSV_TYPE,
  type ExportFile,
  exportPeople,
  exportUnits,
  importPeople,
  importUnits,
  MAX_FILE_BYTES,
  MAX_ROWS,
  XLSX_TYPE,
} from './transfer.ts';

// HTTP for importing and exporting units and people as CSV or XLSX. The import routes take the
// raw file as the body; their content-type parsers live in an encapsulated context so that no
// other route accepts files (the auth hooks of the root instance still run here).

/**
 * Content types an import accepts. Browsers on Windows label .csv files application/vnd.ms-excel,
 * and scripts often send application/octet-stream; the bytes tell CSV from XLSX in any case.
 */
const FILE_TYPES = [
  CSV_TYPE,
  XLSX_TYPE,
  'application/csv',
  'text/plain',
  'application/vnd.ms-excel',
  'application/octet-stream',
];

const importQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Check the file and count what would change, without writing'),
});

const importResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  dryRun: z.boolean(),
});

const fileBody = z
  .any()
  .describe(
    `The file itself: CSV (UTF-8 with or without BOM, or Windows-1252; ";" or "," between fields) or XLSX (first worksheet). First row: column headers in Swedish or English. At most ${MAX_ROWS} rows and 20 MB.`,
  );

const importResponses = { 200: importResult, ...errorResponses, 413: problemSchema, 415: problemSchema };

const format = z.enum(['csv', 'xlsx']).default('csv');
const unitExportQuery = unitListQuery.omit({ limit: true, cursor: true }).extend({ format });
const personExportQuery = personListQuery.omit({ limit: true, cursor: true }).extend({ format });

const fileResponse = {
  description: 'CSV (semicolons, UTF-8 with BOM, for Swedish Excel) or XLSX; the columns an import accepts',
  content: { [CSV_TYPE]: { schema: z.string() }, [XLSX_TYPE]: { schema: z.string() } },
};

function fileOf(body: unknown): Buffer {
  if (Buffer.isBuffer(body) && body.length > 0) return body;
  throw problems.field('body', 'Send the file as the request body (text/csv or XLSX)');
}

export function transferRoutes(app: App, db: Database) {
  app.register(async (plugin) => {
    const scoped = plugin.withTypeProvider<ZodTypeProvider>();
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser(
      FILE_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES },
      (_request, body, done) => done(null, body),
    );

    scoped.post(
      '/api/v1/units/import',
      {
        bodyLimit: MAX_FILE_BYTES,
        schema: {
          tags: ['directory'],
          summary: 'Import units from CSV or XLSX: all rows or none',
          description:
            'Columns: namn|name, typ|kind (förvaltning, kontor, avdelning, enhet, bolag, kommunalt bolag, extern part, or department, office, subunit, company, partner), överordnad|parent (cost centre or name), kostnadsställe|costCentre, organisationsnummer|orgNumber. A unit is matched by cost centre, else by name under the same parent; matches are updated, others created. Any bad row gives 400 with every error as `line N.field` and nothing is written.',
          consumes: [CSV_TYPE, XLSX_TYPE],
          querystring: importQuery,
          body: fileBody,
          response: importResponses,
        },
        config: { authorize: directoryPolicy.importExport, authorizeBeforeBody: true },
      },
      async (request) => importUnits(db, principalOf(request), fileOf(request.body), request.query),
    );

    scoped.post(
      '/api/v1/people/import',
      {
        bodyLimit: MAX_FILE_BYTES,
        schema: {
          tags: ['directory'],
          summary: 'Import people from CSV or XLSX: all rows or none',
          description:
            'Columns: förnamn|givenName, efternamn|familyName, e-post|epost|email, titel|title, telefon|phone, anställningsnummer|employeeNumber, enhet|unit (cost centre or exact name), aktiv|active (ja/nej/true/false/1/0). A person is matched by employee number, else by email; matches are updated, others created. Any bad row gives 400 with every error as `line N.field` and nothing is written.',
          consumes: [CSV_TYPE, XLSX_TYPE],
          querystring: importQuery,
          body: fileBody,
          response: importResponses,
        },
        config: { authorize: directoryPolicy.importExport, authorizeBeforeBody: true },
      },
      async (request) => importPeople(db, principalOf(request), fileOf(request.body), request.query),
    );
  });

  app.get(
    '/api/v1/units/export',
    {
      schema: {
        tags: ['directory'],
        summary: 'Export units as CSV or XLSX, with the filters of the list',
        querystring: unitExportQuery,
        response: { 200: fileResponse, ...errorResponses },
      },
      config: { authorize: directoryPolicy.importExport },
    },
    async (request, reply) => {
      const { format: as, ...query } = request.query;
      return sendFile(reply, await exportUnits(db, principalOf(request), query, as));
    },
  );

  app.get(
    '/api/v1/people/export',
    {
      schema: {
        tags: ['directory'],
        summary: 'Export people as CSV or XLSX, with the filters of the list',
        querystring: personExportQuery,
        response: { 200: fileResponse, ...errorResponses },
      },
      config: { authorize: directoryPolicy.importExport },
    },
    async (request, reply) => {
      const { format: as, ...query } = request.query;
      return sendFile(reply, await exportPeople(db, principalOf(request), query, as));
    },
  );
}

function sendFile(reply: FastifyReply, file: ExportFile) {
  reply.header('content-disposition', `attachment; filename="${file.filename}"`);
  reply.header('cache-control', 'no-store');
  reply.type(file.contentType);
  return reply.send(file.body);
}

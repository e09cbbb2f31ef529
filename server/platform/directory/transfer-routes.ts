import { personListQuery, unitListQuery } from '../../../shared/directory.ts';
import type { Database } from '../../db/client.ts';
import { principalOf } from '../auth/plugin.ts';
import { type App, errorResponses } from '../http.ts';
import {
  exportFormat,
  fileBody,
  fileOf,
  fileResponse,
  importQuery,
  importResponses,
  importRoutes,
  sendFile,
} from '../transfer/http.ts';
import { CSV_TYPE, MAX_FILE_BYTES, XLSX_TYPE } from '../transfer/index.ts';
import { directoryPolicy } from './policy.ts';
import { exportPeople, exportUnits, importPeople, importUnits } from './transfer.ts';

// HTTP for importing and exporting units and people as CSV or XLSX (the engine: ../transfer).

const unitExportQuery = unitListQuery.omit({ limit: true, cursor: true }).extend({ format: exportFormat });
const personExportQuery = personListQuery
  .omit({ limit: true, cursor: true })
  .extend({ format: exportFormat });

export function transferRoutes(app: App, db: Database) {
  importRoutes(app, (scoped) => {
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

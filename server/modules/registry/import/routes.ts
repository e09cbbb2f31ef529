import { z } from 'zod';
import { systemImportReport } from '../../../../shared/registry/import.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { problems } from '../../../platform/errors.ts';
import { type App, errorResponses, problemSchema } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { fileBody, fileOf, importQuery, importRoutes } from '../../../platform/transfer/http.ts';
import { CSV_TYPE, MAX_FILE_BYTES, XLSX_TYPE } from '../../../platform/transfer/index.ts';
import { registryPolicy } from '../policy.ts';
import { importColumns } from './columns.ts';
import { importSystems } from './service.ts';

// HTTP for importing a systemkarta: the raw file as the body (like every import of the platform),
// the dry run and the column mapping in the query.

const query = importQuery.extend({
  mapping: z
    .string()
    .max(20_000)
    .optional()
    .describe(
      'JSON object header → field, overriding the automatic match; "" ignores a column. E.g. {"Objekt":"name","Kommentar":""}',
    ),
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

const fields = importColumns
  .map((c) => `${c.key} (${[c.sv, c.en, ...(c.aliases ?? [])].join(', ')})`)
  .join('; ');

export function importRoutesOfRegistry(app: App, { db }: ModuleContext) {
  importRoutes(app, (scoped) => {
    scoped.post(
      '/api/v1/systems/import',
      {
        bodyLimit: MAX_FILE_BYTES,
        schema: {
          tags: ['registry'],
          summary: 'Import a systemkarta (CSV or XLSX): all rows or none, with a per-row report',
          description: `Headers are matched to fields by name or alias, ignoring case, spaces and diacritics; other columns are ignored. Fields: ${fields}. A system is matched by name (case and spacing aside); the same system twice in the file is merged when consistent. Blank cells leave an existing system's field as it is. Owners and förvaltare are people (name or email in the directory) and are granted as system roles; a unit or "Centralt system" given as owner sets the owning unit or nothing, and the report says so. dryRun=true answers the report and writes nothing; a real import with any error answers 400 with every error as \`line N.field\` and writes nothing.`,
          consumes: [CSV_TYPE, XLSX_TYPE],
          querystring: query,
          body: fileBody,
          response: { 200: systemImportReport, ...errorResponses, 413: problemSchema, 415: problemSchema },
        },
        config: { authorize: registryPolicy.manage, authorizeBeforeBody: true },
      },
      async (request) =>
        importSystems(db, principalOf(request), fileOf(request.body), {
          dryRun: request.query.dryRun,
          mapping: mappingOf(request.query.mapping),
        }),
    );
  });
}

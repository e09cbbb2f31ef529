import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../errors.ts';
import { type App, errorResponses, problemSchema } from '../http.ts';
import { CSV_TYPE } from './csv.ts';
import { type ExportFile, XLSX_TYPE } from './engine.ts';
import { DEFAULT_LIMITS, MAX_FILE_BYTES } from './sheet.ts';

// The HTTP side of imports and exports, the same for every record type: import routes take the raw
// file as the body, export routes answer a file as an attachment.

/**
 * Content types an import accepts. Browsers on Windows label .csv files application/vnd.ms-excel,
 * and scripts often send application/octet-stream; the bytes tell CSV from XLSX in any case.
 */
export const FILE_TYPES = [
  CSV_TYPE,
  XLSX_TYPE,
  'application/csv',
  'text/plain',
  'application/vnd.ms-excel',
  'application/octet-stream',
];

export const importQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Check the file and count what would change, without writing'),
  fileName: z
    .string()
    .max(255)
    .optional()
    .describe('The name of the uploaded file (the web app sends it), kept with imports that keep one'),
});

export const importResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  dryRun: z.boolean(),
});

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export const fileBody = z
  .any()
  .describe(
    `The file itself: CSV (UTF-8 with or without BOM, or Windows-1252; ";", "," or tab between fields) or XLSX (first worksheet). First row: column headers in Swedish or English. At most ${DEFAULT_LIMITS.maxRows} rows and ${mb(MAX_FILE_BYTES)}; an XLSX file may unpack to at most ${mb(DEFAULT_LIMITS.maxUnpackedBytes)}.`,
  );

export const importResponses = {
  200: importResult,
  ...errorResponses,
  413: problemSchema,
  415: problemSchema,
};

/** Query field of an export: the file format. */
export const exportFormat = z.enum(['csv', 'xlsx']).default('csv');

export const fileResponse = {
  description: 'CSV (semicolons, UTF-8 with BOM, for Swedish Excel) or XLSX; the columns an import accepts',
  content: { [CSV_TYPE]: { schema: z.string() }, [XLSX_TYPE]: { schema: z.string() } },
};

/** The file of an import request, or a 400 naming the body. */
export function fileOf(body: unknown): Buffer {
  if (Buffer.isBuffer(body) && body.length > 0) return body;
  throw problems.field('body', 'Send the file as the request body (text/csv or XLSX)');
}

/**
 * Registers import routes in a context of their own, whose content-type parsers take files as
 * raw bytes up to MAX_FILE_BYTES: no other route accepts files (the auth hooks of the root
 * instance still run here). Import routes should also set `config.authorizeBeforeBody`.
 */
export function importRoutes(app: App, register: (scoped: App) => void) {
  app.register(async (plugin) => {
    const scoped = plugin.withTypeProvider<ZodTypeProvider>();
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser(
      FILE_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES },
      (_request, body, done) => done(null, body),
    );
    register(scoped);
  });
}

/** Answers an export as a download. */
export function sendFile(reply: FastifyReply, file: ExportFile) {
  reply.header('content-disposition', `attachment; filename="${file.filename}"`);
  reply.header('cache-control', 'no-store');
  reply.type(file.contentType);
  return reply.send(file.body);
}

import type { Readable } from 'node:stream';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  attachedFile,
  attachmentListQuery,
  attachmentParams,
  fileArchiveBody,
  fileRestoreBody,
  uploadQuery,
} from '../../../shared/files.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { principalOf } from '../auth/plugin.ts';
import type { Actor } from '../context.ts';
import { problems } from '../errors.ts';
import { type App, errorResponses, idParams, iso, problemSchema } from '../http.ts';
import { contentDisposition } from './content.ts';
import { type AttachmentKind, AttachmentKinds } from './kinds.ts';
import type { FileRow } from './schema.ts';
import * as service from './service.ts';

// HTTP for attachments. Access follows the record a file hangs on: each route lets any
// signed-in person through the gate, and the record kind's rules decide in the service, after
// looking the record up (404 when it is not in the caller's tenant, then 403), and for an upload
// before a byte of the body is read.

const UPLOAD_TYPE = 'application/octet-stream';

/** Any signed-in person; the record kind decides per record (see above). */
const recordDecides = (_actor: Actor) => true;

function present(row: FileRow) {
  return {
    id: row.id,
    recordKind: row.recordKind,
    recordId: row.recordId,
    name: row.name,
    mediaType: row.mediaType,
    size: row.size,
    sha256: row.sha256 ?? '',
    uploadedBy: row.uploadedBy,
    uploadedByName: row.uploadedByName,
    createdAt: iso(row.createdAt),
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
  };
}

const page = z.object({ items: z.array(attachedFile), nextCursor: z.string().nullable() });

export function fileRoutes(
  app: App,
  db: Database,
  config: Pick<Config, 'fileMaxBytes'>,
  kinds: AttachmentKind[],
) {
  const registry = new AttachmentKinds(kinds);
  const kindList = registry.names.join(', ');

  // The upload takes the raw bytes as a stream. Its parser lives in an encapsulated context so
  // that no other route accepts application/octet-stream; every other type is refused (415).
  app.register(async (plugin) => {
    const scoped = plugin.withTypeProvider<ZodTypeProvider>();
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser(UPLOAD_TYPE, (_request, payload, done) => done(null, payload));

    scoped.post(
      '/api/v1/attachments/:kind/:recordId',
      {
        schema: {
          tags: ['files'],
          summary: 'Attach a file to a record',
          description: `The body is the file itself as ${UPLOAD_TYPE}, its name in \`?name=\`. The type is detected from the content (PDF, PNG, JPEG, GIF, WebP, Word/Excel/PowerPoint, OpenDocument, Outlook .msg; text as plain text, CSV or .eml when it is UTF-8 without NUL); anything else answers 415. Larger than ${config.fileMaxBytes} bytes answers 413. Either way nothing is stored. Kinds: ${kindList}.`,
          consumes: [UPLOAD_TYPE],
          params: attachmentParams,
          querystring: uploadQuery,
          body: z.any().meta({ type: 'string', format: 'binary', description: 'The file' }),
          response: { 201: attachedFile, ...errorResponses, 413: problemSchema, 415: problemSchema },
        },
        config: { authorize: recordDecides },
      },
      async (request, reply) => {
        const body = request.body as Readable | undefined;
        if (!body || typeof body.iterator !== 'function') {
          throw problems.field('body', `Send the file as the request body (${UPLOAD_TYPE})`);
        }
        const length = request.headers['content-length'];
        const row = await service.uploadFile(
          db,
          principalOf(request),
          registry,
          {
            kind: request.params.kind,
            recordId: request.params.recordId,
            name: request.query.name,
            declaredBytes: length === undefined ? undefined : Number(length),
          },
          body,
          config.fileMaxBytes,
        );
        return reply.code(201).send(present(row));
      },
    );
  });

  app.get(
    '/api/v1/attachments/:kind/:recordId',
    {
      schema: {
        tags: ['files'],
        summary: "A record's files, newest first",
        description: `For those who may read the record. Archived files only with includeArchived=true. Kinds: ${kindList}.`,
        params: attachmentParams,
        querystring: attachmentListQuery,
        response: { 200: page, ...errorResponses },
      },
      config: { authorize: recordDecides },
    },
    async (request) => {
      const { kind, recordId } = request.params;
      const result = await service.listFiles(
        db,
        principalOf(request),
        registry,
        kind,
        recordId,
        request.query,
      );
      return { items: result.items.map(present), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/v1/files/:id',
    {
      schema: {
        tags: ['files'],
        summary: 'Download a file',
        description:
          'The bytes as stored, with the detected type, for those who may read the record the file belongs to. Archived files stay readable.',
        params: idParams,
        response: {
          200: {
            description: 'The file, as an attachment',
            content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
          },
          ...errorResponses,
        },
      },
      config: { authorize: recordDecides },
    },
    async (request, reply) => {
      const { file, stream } = await service.openFile(db, principalOf(request), registry, request.params.id);
      const text = file.mediaType.startsWith('text/') || file.mediaType === 'message/rfc822';
      reply.header('content-disposition', contentDisposition(file.name));
      reply.header('content-length', String(file.size));
      reply.header('cache-control', 'private, no-store');
      // Never rendered as a page of ours, whatever a browser makes of it.
      reply.header('content-security-policy', "default-src 'none'; sandbox");
      if (file.sha256) reply.header('etag', `"${file.sha256}"`);
      reply.type(text ? `${file.mediaType}; charset=utf-8` : file.mediaType);
      return reply.send(stream as never);
    },
  );

  app.get(
    '/api/v1/files/:id/meta',
    {
      schema: {
        tags: ['files'],
        summary: "A file's description",
        params: idParams,
        response: { 200: attachedFile, ...errorResponses },
      },
      config: { authorize: recordDecides },
    },
    async (request) => present(await service.getFile(db, principalOf(request), registry, request.params.id)),
  );

  app.post(
    '/api/v1/files/:id/archive',
    {
      schema: {
        tags: ['files'],
        summary: 'Archive a file: kept and readable, left out of lists',
        params: idParams,
        body: fileArchiveBody,
        response: { 200: attachedFile, ...errorResponses },
      },
      config: { authorize: recordDecides },
    },
    async (request) =>
      present(await service.archiveFile(db, principalOf(request), registry, request.params.id, request.body)),
  );

  app.post(
    '/api/v1/files/:id/restore',
    {
      schema: {
        tags: ['files'],
        summary: 'Restore an archived file to its record',
        params: idParams,
        body: fileRestoreBody,
        response: { 200: attachedFile, ...errorResponses },
      },
      config: { authorize: recordDecides },
    },
    async (request) =>
      present(await service.restoreFile(db, principalOf(request), registry, request.params.id, request.body)),
  );
}

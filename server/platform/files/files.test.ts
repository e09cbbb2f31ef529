import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { crc32, deflateSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../testing.ts';
import { auditEvents } from '../audit/schema.ts';
import type { App } from '../http.ts';
import { inTenant } from '../tenancy.ts';
import { fileChunks, files } from './schema.ts';
import { CHUNK_BYTES, chunksOf, discardStaleUploads, storeFile } from './service.ts';

// Attachments through the API on a real database: streamed upload and download, the type from
// the content, the size limit, the record's read rule, tenant isolation, archive and audit.

const OCTET = 'application/octet-stream';

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let employee: Session;
let staff: Session;
let small: App;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  await seedPerson(t.db, t.a, 'employee@a.example', ['employee']);
  await seedPerson(t.db, t.a, 'reader@a.example', ['reader']);
  employee = await signIn(t.app, 'employee@a.example');
  staff = await signIn(t.app, 'reader@a.example');
  // The same database behind an app with a small limit (sessions live in the database).
  small = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent', FILE_MAX_BYTES: String(CHUNK_BYTES + 1000) }),
    database: t.database,
    logger: false,
  });
  await small.ready();
});
afterAll(async () => {
  await small.close();
  await t.close();
});

/** A real PNG of `side`×`side` random RGB pixels (random pixels do not compress: ~3·side² bytes). */
function png(side: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < side; y++) rows.push(Buffer.concat([Buffer.from([0]), randomBytes(side * 3)]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF with a line of text, offsets and all. */
function pdf(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function upload(
  session: Session | null,
  name: string,
  body: Buffer | string | Readable,
  options: { app?: App; recordId?: string; kind?: string; contentType?: string } = {},
) {
  const url = `/api/v1/attachments/${options.kind ?? 'unit'}/${options.recordId ?? t.a.unitId}?name=${encodeURIComponent(name)}`;
  const headers = { 'content-type': options.contentType ?? OCTET };
  return (options.app ?? t.app).inject({
    method: 'POST',
    url,
    payload: body,
    headers: session ? session.headers(headers) : headers,
  });
}

async function stored(tenantId: string) {
  const [f, c] = await Promise.all([
    t.db.select({ id: files.id }).from(files).where(eq(files.tenantId, tenantId)),
    t.db.select({ seq: fileChunks.seq }).from(fileChunks).where(eq(fileChunks.tenantId, tenantId)),
  ]);
  return { files: f.length, chunks: c.length };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('upload and download', () => {
  it('round-trips a file of several chunks byte for byte, streamed', async () => {
    const image = png(420); // ~530 kB: three chunks
    expect(image.length).toBeGreaterThan(2 * CHUNK_BYTES);
    const response = await upload(admin, 'Delegationsordning karta.png', image);
    expect(response.statusCode).toBe(201);
    const file = json(response);
    expect(file).toMatchObject({
      name: 'Delegationsordning karta.png',
      mediaType: 'image/png',
      size: image.length,
      sha256: sha256(image),
      recordKind: 'unit',
      recordId: t.a.unitId,
      archivedAt: null,
      version: 1,
    });
    const chunks = await t.db
      .select({ seq: fileChunks.seq })
      .from(fileChunks)
      .where(and(eq(fileChunks.tenantId, t.a.id), eq(fileChunks.fileId, file.id)));
    expect(chunks.length).toBe(Math.ceil(image.length / CHUNK_BYTES));

    const download = await t.app.inject({ url: `/api/v1/files/${file.id}`, headers: staff.headers() });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(image)).toBe(true);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-length']).toBe(String(image.length));
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Delegationsordning karta.png"; filename*=UTF-8''Delegationsordning%20karta.png`,
    );
  });

  it('tells the type from the content, not the name', async () => {
    const image = png(8);
    const response = await upload(admin, 'beslut.pdf', image);
    expect(response.statusCode).toBe(201);
    expect(json(response).mediaType).toBe('image/png');

    const document = await upload(admin, 'Protokoll § 12 – å ä ö.txt', pdf('Protokoll'));
    expect(document.statusCode).toBe(201);
    expect(json(document).mediaType).toBe('application/pdf');
    const download = await t.app.inject({
      url: `/api/v1/files/${json(document).id}`,
      headers: admin.headers(),
    });
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Protokoll _ 12 _ _ _ _.txt"; filename*=UTF-8''Protokoll%20%C2%A7%2012%20%E2%80%93%20%C3%A5%20%C3%A4%20%C3%B6.txt`,
    );
  });

  it('takes Office documents and text, and checks that text is UTF-8 without NUL', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Kostnader').addRow(['System', 'Kostnad']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const sheet = await upload(admin, 'kostnader', xlsx);
    expect(json(sheet).mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    const csv = await upload(admin, 'system.csv', 'namn;ägare\nLifecare;Socialförvaltningen\n');
    expect(json(csv).mediaType).toBe('text/csv');
    const text = await upload(admin, 'anteckning', 'Möte om e-tjänster');
    expect(json(text).mediaType).toBe('text/plain');
    const mail = await upload(admin, 'svar.eml', 'From: a@styrby.se\r\nSubject: Hej\r\n\r\nText\r\n');
    expect(json(mail).mediaType).toBe('message/rfc822');
    const download = await t.app.inject({ url: `/api/v1/files/${json(text).id}`, headers: admin.headers() });
    expect(download.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(download.body).toBe('Möte om e-tjänster');

    const before = await stored(t.a.id);
    expect((await upload(admin, 'nul.txt', Buffer.from('a\u0000b'))).statusCode).toBe(415);
    expect((await upload(admin, 'latin1.csv', Buffer.from('namn;\xe4gare\n', 'latin1'))).statusCode).toBe(
      415,
    );
    // Text whose bad byte comes only in a later chunk: refused after chunks were written, then removed.
    const late = Buffer.concat([Buffer.alloc(CHUNK_BYTES + 10, 'a'), Buffer.from([0xff]), Buffer.from('z')]);
    const lateResponse = await upload(admin, 'late.txt', late);
    expect(lateResponse.statusCode).toBe(415);
    expect(lateResponse.headers['content-type']).toContain('application/problem+json');
    expect(await stored(t.a.id)).toEqual(before);
  });

  it('refuses executables, random bytes and types off the list with 415, storing nothing', async () => {
    const before = await stored(t.a.id);
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(2000)]);
    exe.write('PE\0\0', 0x80, 'latin1');
    exe.writeUInt32LE(0x80, 0x3c);
    for (const [name, body] of [
      ['setup.exe', exe],
      ['faktura.pdf', exe],
      ['noise.bin', Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x01]), randomBytes(5000)])],
      ['arkiv.zip', Buffer.from('504b0506000000000000000000000000000000000000', 'hex')],
      ['bild.svg', Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>')],
    ] as const) {
      const response = await upload(admin, name, body);
      expect(response.statusCode, name).toBe(415);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(json(response).code).toBe('unsupported-media-type');
    }
    expect(await stored(t.a.id)).toEqual(before);
  });

  it('refuses JSON, forms and an empty or nameless upload with a problem, never 5xx', async () => {
    const before = await stored(t.a.id);
    for (const [body, contentType] of [
      ['{"broken": ', 'application/json'],
      ['{"name":"x"}', 'application/json'],
      ['name=x', 'application/x-www-form-urlencoded'],
    ] as const) {
      const response = await upload(admin, 'x.txt', body, { contentType });
      expect(response.statusCode, contentType).toBe(415);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const empty = await upload(admin, 'tom.txt', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const noName = await t.app.inject({
      method: 'POST',
      url: `/api/v1/attachments/unit/${t.a.unitId}`,
      payload: 'text',
      headers: admin.headers({ 'content-type': OCTET }),
    });
    expect(noName.statusCode).toBe(400);
    expect(json(noName).errors[0].path).toContain('name');
    const onlyPath = await upload(admin, '../\u0007', 'text');
    expect(onlyPath.statusCode).toBe(400);
    expect(await stored(t.a.id)).toEqual(before);
  });

  it('answers a repeated upload with the same Idempotency-Key once', async () => {
    const before = await stored(t.a.id);
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/attachments/unit/${t.a.unitId}?name=kvitto.pdf`,
        payload: pdf('Kvitto'),
        headers: admin.headers({ 'content-type': OCTET, 'idempotency-key': 'upload-1' }),
      });
    const first = await send();
    const second = await send();
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(json(second).id).toBe(json(first).id);
    expect((await stored(t.a.id)).files).toBe(before.files + 1);
  });

  it('keeps the name without its path, control or formatting characters', async () => {
    const response = await upload(admin, '..\\..\\etc/pass\u0007wd\u202Etxt.exe', 'text');
    expect(response.statusCode).toBe(201);
    expect(json(response).name).toBe('passwdtxt.exe');
    expect(json(response).mediaType).toBe('text/plain');
  });
});

describe('size limit', () => {
  it('refuses a file over FILE_MAX_BYTES with 413 from its declared length, storing nothing', async () => {
    const before = await stored(t.a.id);
    const response = await upload(admin, 'stor.png', png(420), { app: small });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(await stored(t.a.id)).toEqual(before);
  });

  it('stops reading a stream without a length once it passes the limit, storing nothing', async () => {
    const before = await stored(t.a.id);
    const image = png(420);
    const pieces = () =>
      Readable.from(Array.from({ length: 9 }, (_, i) => image.subarray(i * 65536, (i + 1) * 65536)));
    const response = await upload(admin, 'stor.png', pieces(), { app: small });
    expect(response.statusCode).toBe(413);
    expect(json(response).code).toBe('payload-too-large');
    expect(await stored(t.a.id)).toEqual(before);
    // Under the limit the same app takes it.
    const fits = await upload(admin, 'liten.png', png(200), { app: small });
    expect(fits.statusCode).toBe(201);

    // The reader itself gives up at the first piece past the limit and reads no further.
    let read = 0;
    const counted = new Readable({
      read() {
        if (read >= image.length) return this.push(null);
        this.push(image.subarray(read, read + 10_000));
        read += 10_000;
      },
      highWaterMark: 1,
    });
    const taken: number[] = [];
    await expect(
      (async () => {
        for await (const chunk of chunksOf(counted, 100_000, 250_000)) taken.push(chunk.length);
      })(),
    ).rejects.toMatchObject({ status: 413 });
    expect(taken).toEqual([100_000, 100_000]);
    expect(read).toBeLessThanOrEqual(250_000 + 2 * 10_000);
  });

  it('answers 413 over a real connection to a chunked upload with no length', async () => {
    await small.listen({ port: 0, host: '127.0.0.1' });
    const { port } = small.server.address() as AddressInfo;
    const image = png(420);
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        {
          port,
          host: '127.0.0.1',
          method: 'POST',
          path: `/api/v1/attachments/unit/${t.a.unitId}?name=stor.png`,
          agent: false,
          headers: admin.headers({
            'content-type': OCTET,
            'transfer-encoding': 'chunked',
            connection: 'close',
          }),
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      for (let i = 0; i < image.length; i += 65536) request.write(image.subarray(i, i + 65536));
      request.end();
    });
    expect(status).toBe(413);
  });
});

describe('access', () => {
  let fileId: string;
  beforeAll(async () => {
    fileId = json(await upload(admin, 'hemlig.pdf', pdf('A'))).id;
  });

  it('lets staff read and list, not the portal-only employee', async () => {
    expect(
      (await t.app.inject({ url: `/api/v1/files/${fileId}`, headers: staff.headers() })).statusCode,
    ).toBe(200);
    for (const url of [
      `/api/v1/files/${fileId}`,
      `/api/v1/files/${fileId}/meta`,
      `/api/v1/attachments/unit/${t.a.unitId}`,
    ]) {
      const response = await t.app.inject({ url, headers: employee.headers() });
      expect(response.statusCode, url).toBe(403);
    }
    expect((await upload(employee, 'x.pdf', pdf('x'))).statusCode).toBe(403);
    expect((await upload(staff, 'x.pdf', pdf('x'))).statusCode).toBe(403);
    expect((await upload(null, 'x.pdf', pdf('x'))).statusCode).toBe(401);
  });

  it("answers 404 to tenant B's admin for A's file and record, showing nothing", async () => {
    const wrong: string[] = [];
    const probes = [
      t.app.inject({ url: `/api/v1/files/${fileId}`, headers: bAdmin.headers() }),
      t.app.inject({ url: `/api/v1/files/${fileId}/meta`, headers: bAdmin.headers() }),
      t.app.inject({ url: `/api/v1/attachments/unit/${t.a.unitId}`, headers: bAdmin.headers() }),
      t.app.inject({
        method: 'POST',
        url: `/api/v1/files/${fileId}/archive`,
        payload: { reason: 'B' },
        headers: bAdmin.headers(),
      }),
      upload(bAdmin, 'b.pdf', pdf('B'), { recordId: t.a.unitId }),
    ];
    for (const response of await Promise.all(probes)) {
      if (response.statusCode !== 404) wrong.push(`${response.statusCode} ${response.body}`);
      if (response.body.includes('hemlig') || response.body.includes('Förvaltning a'))
        wrong.push(response.body);
    }
    expect(wrong).toEqual([]);
    // An unknown kind is as unknown as a missing record.
    expect((await upload(admin, 'x.pdf', pdf('x'), { kind: 'castle' })).statusCode).toBe(404);
    expect((await upload(admin, 'x.pdf', pdf('x'), { recordId: t.b.unitId })).statusCode).toBe(404);
    expect(await stored(t.b.id)).toEqual({ files: 0, chunks: 0 });
  });

  it('archives: kept and downloadable, out of the list unless asked, restorable; audited', async () => {
    const list = async (query = '') =>
      json(
        await t.app.inject({
          url: `/api/v1/attachments/unit/${t.a.unitId}${query}`,
          headers: admin.headers(),
        }),
      ).items.map((f: { id: string }) => f.id) as string[];
    expect(await list()).toContain(fileId);

    const employeeTry = await t.app.inject({
      method: 'POST',
      url: `/api/v1/files/${fileId}/archive`,
      payload: { reason: 'Fel' },
      headers: employee.headers(),
    });
    expect(employeeTry.statusCode).toBe(403);
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/v1/files/${fileId}/archive`,
      payload: { reason: 'Fel fil', version: 7 },
      headers: admin.headers(),
    });
    expect(stale.statusCode).toBe(409);
    const archived = await t.app.inject({
      method: 'POST',
      url: `/api/v1/files/${fileId}/archive`,
      payload: { reason: 'Fel fil', version: 1 },
      headers: admin.headers(),
    });
    expect(archived.statusCode).toBe(200);
    expect(json(archived)).toMatchObject({ archiveReason: 'Fel fil', version: 2 });
    expect(await list()).not.toContain(fileId);
    expect(await list('?includeArchived=true')).toContain(fileId);
    expect(
      (await t.app.inject({ url: `/api/v1/files/${fileId}`, headers: admin.headers() })).statusCode,
    ).toBe(200);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/files/${fileId}/archive`,
      payload: { reason: 'Igen' },
      headers: admin.headers(),
    });
    expect(again.statusCode).toBe(409);
    const restored = await t.app.inject({
      method: 'POST',
      url: `/api/v1/files/${fileId}/restore`,
      payload: {},
      headers: admin.headers(),
    });
    expect(json(restored)).toMatchObject({ archivedAt: null, version: 3 });
    expect(await list()).toContain(fileId);

    const events = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.tenantId, t.a.id),
          eq(auditEvents.entity, 'file'),
          eq(auditEvents.entityId, fileId),
        ),
      );
    expect(events.map((e) => e.action).sort()).toEqual(['archive', 'restore', 'upload']);
    const uploaded = events.find((e) => e.action === 'upload')!;
    expect(uploaded.actorId).toBe(t.a.adminId);
    expect(JSON.stringify(uploaded.changes)).toContain('hemlig.pdf');
  });

  it('pages a record’s files newest first with a keyset cursor', async () => {
    const all = json(
      await t.app.inject({
        url: `/api/v1/attachments/unit/${t.a.unitId}?limit=200`,
        headers: admin.headers(),
      }),
    ).items as { id: string; createdAt: string }[];
    expect(all.length).toBeGreaterThan(5);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = json(
        await t.app.inject({
          url: `/api/v1/attachments/unit/${t.a.unitId}?limit=2${query}`,
          headers: admin.headers(),
        }),
      );
      seen.push(...page.items.map((f: { id: string }) => f.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((f) => f.id));
    // Newest first: the ids are UUIDv7, in upload order.
    expect(all.map((f) => f.id)).toEqual(
      all
        .map((f) => f.id)
        .sort()
        .reverse(),
    );
    const bad = await t.app.inject({
      url: `/api/v1/attachments/unit/${t.a.unitId}?cursor=garbage`,
      headers: admin.headers(),
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('files a service stores in its own transaction', () => {
  const input = (name: string, bytes: Buffer) => ({
    kind: 'unit',
    recordId: t.a.unitId,
    name,
    bytes,
    uploadedBy: null,
    uploadedByName: 'E-post från eva@a.example',
  });

  it('stores bytes at hand like an upload (type from the content, chunks, audit), readable by the record’s rule', async () => {
    const image = png(300); // two chunks
    const result = await inTenant(t.db, t.a.actor, (s) =>
      storeFile(s, input('skärm\u202ebild.png', image), 10_000_000),
    );
    if (!('file' in result)) throw new Error(`refused: ${result.refused}`);
    expect(result.file).toMatchObject({
      name: 'skärmbild.png',
      mediaType: 'image/png',
      status: 'stored',
      size: image.length,
    });
    const download = await t.app.inject({ url: `/api/v1/files/${result.file.id}`, headers: staff.headers() });
    expect(download.rawPayload.equals(image)).toBe(true);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'file'), eq(auditEvents.entityId, result.file.id)));
    expect(event).toMatchObject({ action: 'upload' });
  });

  it('refuses a type off the list, an empty or too large file, writing nothing; and rolls back with its transaction', async () => {
    const before = await stored(t.a.id);
    const refused = await inTenant(t.db, t.a.actor, async (s) => [
      await storeFile(
        s,
        input('program.exe', Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1')),
        1000,
      ),
      await storeFile(s, input('tom.txt', Buffer.alloc(0)), 1000),
      await storeFile(s, input('stor.txt', Buffer.from('x'.repeat(2000))), 1000),
      await storeFile(s, input('trasig.txt', Buffer.from([0x61, 0xc3])), 1000),
    ]);
    expect(refused).toEqual([
      { refused: 'type' },
      { refused: 'empty' },
      { refused: 'too-large' },
      { refused: 'type' },
    ]);
    await expect(
      inTenant(t.db, t.a.actor, async (s) => {
        await storeFile(s, input('anteckning.txt', Buffer.from('hej')), 1000);
        throw new Error('the record fails');
      }),
    ).rejects.toThrow('the record fails');
    expect(await stored(t.a.id)).toEqual(before);
  });
});

describe('maintenance', () => {
  it('removes uploads a stopped process left half-way, and nothing else', async () => {
    const before = await stored(t.a.id);
    const id = '01900000-0000-7000-8000-000000000001';
    await t.db.insert(files).values({
      tenantId: t.a.id,
      id,
      recordKind: 'unit',
      recordId: t.a.unitId,
      name: 'halv.pdf',
      mediaType: 'application/pdf',
      uploadedByName: 'Test',
      createdAt: new Date(Date.now() - 2 * 3_600_000),
    });
    await t.db.insert(fileChunks).values({ tenantId: t.a.id, fileId: id, seq: 0, data: Buffer.from('%PDF') });
    // Not shown meanwhile: neither listed nor downloadable.
    expect((await t.app.inject({ url: `/api/v1/files/${id}`, headers: admin.headers() })).statusCode).toBe(
      404,
    );
    expect(await discardStaleUploads(t.db, new Date(Date.now() - 3_600_000))).toBe(1);
    expect(await stored(t.a.id)).toEqual(before);
  });
});

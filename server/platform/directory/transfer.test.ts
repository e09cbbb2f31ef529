import { deflateRawSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../testing.ts';
import { auditEvents } from '../audit/schema.ts';
import { people, units } from './schema.ts';
import { MAX_FILE_BYTES } from './transfer.ts';

// Import and export of units and people (CSV and XLSX) through the API, on a real database.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let employee: Session;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  await seedPerson(t.db, t.a, 'employee@a.example', ['employee']);
  employee = await signIn(t.app, 'employee@a.example');
});
afterAll(() => t.close());

function post(session: Session | null, url: string, body: string | Buffer, contentType = 'text/csv') {
  return t.app.inject({
    method: 'POST',
    url,
    payload: body,
    headers: session ? session.headers({ 'content-type': contentType }) : { 'content-type': contentType },
  });
}

const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const bom = (text: string) => `\uFEFF${text}`;

async function count(tenantId: string) {
  const [u, p, a] = await Promise.all([
    t.db.select({ id: units.id }).from(units).where(eq(units.tenantId, tenantId)),
    t.db.select({ id: people.id }).from(people).where(eq(people.tenantId, tenantId)),
    t.db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.tenantId, tenantId)),
  ]);
  return { units: u.length, people: p.length, audit: a.length };
}

async function unitByCc(tenantId: string, costCentre: string) {
  const [row] = await t.db
    .select()
    .from(units)
    .where(and(eq(units.tenantId, tenantId), eq(units.costCentre, costCentre)));
  return row;
}

async function personByEmail(tenantId: string, email: string) {
  const [row] = await t.db
    .select()
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.email, email)));
  return row;
}

async function xlsx(rows: (string | number | boolean)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Blad1');
  for (const row of rows) sheet.addRow(row);
  workbook.addWorksheet('Ignoreras').addRow(['skräp']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function paths(response: { json(): unknown }): string[] {
  return (response.json() as { errors: { path: string }[] }).errors.map((e) => e.path);
}

describe('unit import', () => {
  it('imports a semicolon CSV with BOM in Swedish, parents named later in the file or already there', async () => {
    const before = await count(t.a.id);
    const file = bom(
      csv(
        'Namn;Typ;Överordnad;Kostnadsställe;Organisationsnummer',
        // The parent of this row comes on the next line; the one after that names an existing unit.
        'Ekonomienheten;enhet;1000;1100;',
        'Kommunledningsförvaltningen;förvaltning;;1000;',
        `IT-avdelningen;avdelning;Förvaltning a;2000;`,
        'Kommunfastigheter AB;kommunalt bolag;;3000;556677-8899',
        '"Löner; pensioner";enhet;Ekonomienheten;;',
      ),
    );
    const response = await post(admin, '/api/v1/units/import', file);
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({ created: 5, updated: 0, unchanged: 0, dryRun: false });

    const kl = await unitByCc(t.a.id, '1000');
    const ekonomi = await unitByCc(t.a.id, '1100');
    expect(kl).toMatchObject({ name: 'Kommunledningsförvaltningen', kind: 'department', parentId: null });
    expect(ekonomi).toMatchObject({ name: 'Ekonomienheten', kind: 'subunit', parentId: kl!.id });
    expect(await unitByCc(t.a.id, '2000')).toMatchObject({ kind: 'office', parentId: t.a.unitId });
    expect(await unitByCc(t.a.id, '3000')).toMatchObject({ kind: 'company', orgNumber: '556677-8899' });
    const [loner] = await t.db
      .select()
      .from(units)
      .where(and(eq(units.tenantId, t.a.id), eq(units.name, 'Löner; pensioner')));
    expect(loner!.parentId).toBe(ekonomi!.id);

    const after = await count(t.a.id);
    expect(after.units - before.units).toBe(5);
    // One audit event per created unit, in the same transaction.
    expect(after.audit - before.audit).toBe(5);
    const history = json(
      await t.app.inject({ url: `/api/v1/audit?entity=unit&entityId=${kl!.id}`, headers: admin.headers() }),
    );
    expect(history.items.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it('updates matched units on re-import (by cost centre, else by name under the same parent) and leaves the rest', async () => {
    const file = csv(
      'name,kind,parent,costCentre,orgNumber',
      'Kommunledningskontoret,office,,1000,',
      'Ekonomienheten,subunit,1000,1100,',
      '"Löner; pensioner",subunit,1100,1110,',
    );
    const before = await count(t.a.id);
    const response = await post(admin, '/api/v1/units/import', file);
    expect(json(response)).toEqual({ created: 0, updated: 2, unchanged: 1, dryRun: false });
    const kl = await unitByCc(t.a.id, '1000');
    expect(kl).toMatchObject({ name: 'Kommunledningskontoret', kind: 'office', version: 2 });
    expect(await unitByCc(t.a.id, '1110')).toMatchObject({ name: 'Löner; pensioner', version: 2 });
    const after = await count(t.a.id);
    expect(after.units).toBe(before.units);
    expect(after.audit - before.audit).toBe(2);
    const history = json(
      await t.app.inject({ url: `/api/v1/audit?entity=unit&entityId=${kl!.id}`, headers: admin.headers() }),
    );
    expect(history.items[0]).toMatchObject({ action: 'update' });
    expect(Object.keys(history.items[0].changes).sort()).toEqual(['kind', 'name']);
  });

  it('refuses a file with bad rows, listing each by line, and writes nothing', async () => {
    const before = await count(t.a.id);
    const file = csv(
      'namn;typ;överordnad;kostnadsställe;organisationsnummer;färg',
      'Bra enhet;enhet;;7000;',
      ';enhet;;7001;',
      'Okänd typ;sektion;;7002;',
      'Fel orgnr;bolag;;7003;12345',
      'Föräldralös;enhet;Finns inte;7004;',
      'Dubblett;enhet;;7000;',
      'Ring 1;enhet;7007;7006;',
      'Ring 2;enhet;7006;7007;',
      'Fel kst;enhet;;7 008;',
    );
    const response = await post(admin, '/api/v1/units/import', file);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = json(response);
    expect(body.code).toBe('validation');
    expect(body.detail).toMatch(/Nothing was imported/);
    expect(paths(response)).toEqual(
      expect.arrayContaining([
        'line 1.färg',
        'line 3.name',
        'line 4.kind',
        'line 5.orgNumber',
        'line 6.parent',
        'line 7.costCentre',
        'line 8.parent',
        'line 9.parent',
        'line 10.costCentre',
      ]),
    );
    expect(paths(response)).not.toContain('line 2.name');
    expect(body.errors.find((e: { path: string }) => e.path === 'line 7.costCentre').message).toMatch(
      /line 2/,
    );
    expect(await count(t.a.id)).toEqual(before);
    expect(await unitByCc(t.a.id, '7000')).toBeUndefined();
  });

  it('refuses moving a unit below its own sub-unit', async () => {
    const before = await count(t.a.id);
    const response = await post(
      admin,
      '/api/v1/units/import',
      csv('namn;typ;överordnad;kostnadsställe', 'Kommunledningskontoret;kontor;1100;1000'),
    );
    expect(response.statusCode).toBe(400);
    expect(json(response).errors).toEqual([
      { path: 'line 2.parent', message: 'A unit cannot be moved below itself' },
    ]);
    expect(await count(t.a.id)).toEqual(before);
  });

  it('reports missing required columns and refuses an empty or unreadable file', async () => {
    const missing = await post(admin, '/api/v1/units/import', csv('namn;kostnadsställe', 'X;1'));
    expect(missing.statusCode).toBe(400);
    expect(paths(missing)).toEqual(['line 1.kind']);
    const xls = await post(
      admin,
      '/api/v1/units/import',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]),
      'application/vnd.ms-excel',
    );
    expect(xls.statusCode).toBe(400);
    expect(json(xls).errors[0].message).toMatch(/\.xls/);
    const brokenZip = await post(admin, '/api/v1/units/import', Buffer.from('PK\u0003\u0004garbage'), XLSX);
    expect(brokenZip.statusCode).toBe(400);
    const unclosed = await post(
      admin,
      '/api/v1/units/import',
      csv('namn;typ', '"Oavslutad;enhet', 'Nästa;enhet'),
    );
    expect(unclosed.statusCode).toBe(400);
    expect(json(unclosed).errors).toEqual([
      { path: 'file', message: 'A quoted field is never closed: a " is missing' },
    ]);
    const empty = await post(admin, '/api/v1/units/import', '');
    expect(empty.statusCode).toBe(400);
  });

  it('accepts only files: JSON gets 415', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units/import',
      headers: admin.headers({ 'content-type': 'application/json' }),
      payload: JSON.stringify({ name: 'x' }),
    });
    expect(response.statusCode).toBe(415);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses a body over 20 MB with 413', async () => {
    const response = await post(admin, '/api/v1/units/import', Buffer.alloc(20 * 1024 * 1024 + 1, 'a'));
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses an XLSX file that unpacks beyond the limit with 413, naming the limit', async () => {
    // A zip of one small part whose central directory declares 4 GB: refused before it is unpacked.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const data = deflateRawSync(Buffer.from('<worksheet/>'));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(0xfffffffe, 24);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + name.length, 12);
    end.writeUInt32LE(30 + name.length + data.length, 16);
    const bomb = Buffer.concat([local, name, data, central, name, end]);
    const before = await count(t.a.id);
    const response = await post(admin, '/api/v1/people/import', bomb, XLSX);
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(json(response).errors).toEqual([
      { path: 'file', message: 'The workbook unpacks to more than 100 MB, the limit of an import' },
    ]);
    expect(await count(t.a.id)).toEqual(before);
  });

  it('lists at most 1000 errors and says how many there were', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `Enhet ${i};sektion;;`);
    const response = await post(
      admin,
      '/api/v1/units/import',
      csv('namn;typ;överordnad;kostnadsställe', ...rows),
    );
    expect(response.statusCode).toBe(400);
    expect(json(response).errors).toHaveLength(1000);
    expect(json(response).detail).toMatch(/^1500 errors/);
  });
});

describe('people import', () => {
  it('imports a Latin-1 (Windows-1252) CSV with commas', async () => {
    const text = csv(
      'Förnamn,Efternamn,E-post,Titel,Telefon,Anställningsnummer,Enhet,Aktiv',
      'Åsa,Öberg,Asa.Oberg@a.example,Ekonom,+46 70 123 45 67,E100,1100,ja',
      'Björn,Ängström,bjorn@a.example,,,E101,Ekonomienheten,',
      'Cécile,Lindqvist,cecile@a.example,IT-strateg,,E102,Förvaltning a,nej',
    );
    const response = await post(admin, '/api/v1/people/import', Buffer.from(text, 'latin1'));
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({ created: 3, updated: 0, unchanged: 0, dryRun: false });
    const ekonomi = await unitByCc(t.a.id, '1100');
    expect(await personByEmail(t.a.id, 'asa.oberg@a.example')).toMatchObject({
      givenName: 'Åsa',
      familyName: 'Öberg',
      title: 'Ekonom',
      phone: '+46 70 123 45 67',
      employeeNumber: 'E100',
      unitId: ekonomi!.id,
      active: true,
    });
    expect(await personByEmail(t.a.id, 'bjorn@a.example')).toMatchObject({
      familyName: 'Ängström',
      unitId: ekonomi!.id,
      title: null,
    });
    expect(await personByEmail(t.a.id, 'cecile@a.example')).toMatchObject({
      givenName: 'Cécile',
      unitId: t.a.unitId,
      active: false,
    });
  });

  it('imports an XLSX workbook (first worksheet) and updates by employee number, else by email', async () => {
    const file = await xlsx([
      ['givenName', 'familyName', 'email', 'title', 'employeeNumber', 'unit', 'active'],
      // Same employee number: the email changes.
      ['Åsa', 'Öberg', 'asa.oberg@kommun.example', 'Controller', 'E100', 1100, true],
      // No employee number: matched by email; the empty cell clears the employee number E101.
      ['Björn', 'Ängström', 'bjorn@a.example', '', '', 1100, 'ja'],
      ['Dag', 'Ek', 'dag@a.example', 'Systemförvaltare', 4711, 'Förvaltning a', 1],
    ]);
    const before = await count(t.a.id);
    const response = await post(admin, '/api/v1/people/import', file, XLSX);
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({ created: 1, updated: 2, unchanged: 0, dryRun: false });
    const asa = await personByEmail(t.a.id, 'asa.oberg@kommun.example');
    expect(asa).toMatchObject({ employeeNumber: 'E100', title: 'Controller', version: 2 });
    expect(await personByEmail(t.a.id, 'bjorn@a.example')).toMatchObject({ employeeNumber: null });
    expect(await personByEmail(t.a.id, 'dag@a.example')).toMatchObject({
      employeeNumber: '4711',
      unitId: t.a.unitId,
      active: true,
    });
    const after = await count(t.a.id);
    expect(after.people - before.people).toBe(1);
    expect(after.audit - before.audit).toBe(3);
    const history = json(
      await t.app.inject({
        url: `/api/v1/audit?entity=person&entityId=${asa!.id}`,
        headers: admin.headers(),
      }),
    );
    expect(history.items[0].action).toBe('update');
    expect(Object.keys(history.items[0].changes).sort()).toEqual(['email', 'title']);
  });

  it('refuses a file with several bad rows, listing each line, and writes nothing', async () => {
    const before = await count(t.a.id);
    const file = csv(
      'förnamn;efternamn;epost;enhet;aktiv;anställningsnummer',
      'Ok;Rad;ok@a.example;1100;ja;E200',
      'Ingen;Epost;;1100;ja;E201',
      'Fel;Epost;inte-en-adress;1100;ja;E202',
      ';Utan förnamn;utan@a.example;1100;ja;E203',
      'Okänd;Enhet;okand@a.example;9999;ja;E204',
      'Dubbel;Epost;OK@a.example;1100;ja;E205',
      'Dubbelt;Nummer;nummer@a.example;1100;ja;E200',
      'Konstig;Aktiv;aktiv@a.example;1100;kanske;E206',
      // Dag (employee number 4711) cannot take Åsa's address.
      'Dag;Ek;asa.oberg@kommun.example;1100;ja;4711',
    );
    const response = await post(admin, '/api/v1/people/import', file);
    expect(response.statusCode).toBe(400);
    expect(paths(response)).toEqual([
      'line 3.email',
      'line 4.email',
      'line 5.givenName',
      'line 6.unit',
      'line 7.email',
      'line 8.employeeNumber',
      'line 9.active',
      'line 10.email',
    ]);
    expect(await count(t.a.id)).toEqual(before);
    expect(await personByEmail(t.a.id, 'ok@a.example')).toBeUndefined();
  });

  it('refuses deactivating yourself', async () => {
    const response = await post(
      admin,
      '/api/v1/people/import',
      csv('förnamn;efternamn;e-post;aktiv', `Ada;a;${t.a.adminEmail};nej`),
    );
    expect(response.statusCode).toBe(400);
    expect(paths(response)).toEqual(['line 2.active']);
  });

  it('signs out people the import deactivates', async () => {
    await seedPerson(t.db, t.a, 'leaving@a.example', ['employee']);
    const leaving = await signIn(t.app, 'leaving@a.example');
    expect((await t.app.inject({ url: '/api/v1/units', headers: leaving.headers() })).statusCode).toBe(200);
    const response = await post(
      admin,
      '/api/v1/people/import',
      csv('förnamn;efternamn;e-post;aktiv', 'Test;leaving;leaving@a.example;nej'),
    );
    expect(json(response)).toMatchObject({ updated: 1 });
    expect((await t.app.inject({ url: '/api/v1/units', headers: leaving.headers() })).statusCode).toBe(401);
  });

  it('writes nothing on a dry run but answers what it would do', async () => {
    const before = await count(t.a.id);
    const file = csv(
      'förnamn;efternamn;e-post;titel',
      'Ny;Person;ny@a.example;',
      'Åsa;Öberg;asa.oberg@kommun.example;Ekonomichef',
    );
    const response = await post(admin, '/api/v1/people/import?dryRun=true', file);
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({ created: 1, updated: 1, unchanged: 0, dryRun: true });
    expect(await count(t.a.id)).toEqual(before);
    expect(await personByEmail(t.a.id, 'ny@a.example')).toBeUndefined();
    // A dry run of a bad file answers the errors as the real import would.
    const bad = await post(
      admin,
      '/api/v1/people/import?dryRun=true',
      csv('förnamn;efternamn;e-post', 'X;Y;nope'),
    );
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['line 2.email']);
  });
});

describe('export', () => {
  it('exports units and people as semicolon CSV with BOM and Swedish headers, as attachments', async () => {
    const response = await t.app.inject({ url: '/api/v1/units/export?format=csv', headers: admin.headers() });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="enheter-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = response.rawPayload.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('namn;typ;överordnad;kostnadsställe;organisationsnummer');
    expect(lines).toContain('Ekonomienheten;enhet;1000;1100;');
    expect(lines).toContain('"Löner; pensioner";enhet;1100;1110;');

    const peopleCsv = await t.app.inject({ url: '/api/v1/people/export', headers: admin.headers() });
    const text = peopleCsv.rawPayload.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      'förnamn;efternamn;e-post;titel;telefon;anställningsnummer;enhet;aktiv',
    );
    // A leading + would start a formula in Excel: the export escapes it, the import takes it off.
    expect(text).toContain("Åsa;Öberg;asa.oberg@kommun.example;Controller;'+46 70 123 45 67;E100;1100;ja");
  });

  it('applies the list filters', async () => {
    const ekonomi = await unitByCc(t.a.id, '1100');
    const response = await t.app.inject({
      url: `/api/v1/people/export?unitId=${ekonomi!.id}&search=%C3%A5sa`,
      headers: admin.headers(),
    });
    const rows = response.rawPayload.subarray(3).toString('utf8').trim().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^Åsa;/);
    const kinds = await t.app.inject({ url: '/api/v1/units/export?kind=company', headers: admin.headers() });
    expect(kinds.rawPayload.subarray(3).toString('utf8').trim().split('\r\n')).toEqual([
      'namn;typ;överordnad;kostnadsställe;organisationsnummer',
      'Kommunfastigheter AB;kommunalt bolag;;3000;556677-8899',
    ]);
  });

  it('round trips: an export imported again changes nothing (CSV and XLSX)', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      for (const list of ['units', 'people'] as const) {
        const exported = await t.app.inject({
          url: `/api/v1/${list}/export?format=${format}&includeArchived=true`,
          headers: admin.headers(),
        });
        expect(exported.statusCode).toBe(200);
        if (format === 'xlsx') expect(exported.headers['content-type']).toBe(XLSX);
        const before = await count(t.a.id);
        const response = await post(
          admin,
          `/api/v1/${list}/import`,
          exported.rawPayload,
          String(exported.headers['content-type']),
        );
        expect(response.statusCode, response.body).toBe(200);
        const result = json(response);
        expect(result).toMatchObject({ created: 0, updated: 0, dryRun: false });
        expect(result.unchanged).toBeGreaterThan(3);
        expect(await count(t.a.id)).toEqual(before);
      }
    }
  });

  it('reads an exported XLSX with the first row as headers', async () => {
    const exported = await t.app.inject({
      url: '/api/v1/units/export?format=xlsx',
      headers: admin.headers(),
    });
    expect(exported.headers['content-disposition']).toMatch(/enheter-.*\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'namn',
      'typ',
      'överordnad',
      'kostnadsställe',
      'organisationsnummer',
    ]);
  });
});

describe('access', () => {
  it("keeps tenant B's import in tenant B: A's rows with the same keys are untouched", async () => {
    const beforeA = await count(t.a.id);
    const units = await post(
      bAdmin,
      '/api/v1/units/import',
      csv('namn;typ;kostnadsställe', 'Kommunledningskontoret;förvaltning;1000'),
    );
    expect(json(units)).toEqual({ created: 1, updated: 0, unchanged: 0, dryRun: false });
    // A's unit 1100 is not B's to place people in.
    const wrongUnit = await post(
      bAdmin,
      '/api/v1/people/import',
      csv('förnamn;efternamn;e-post;enhet', 'Åsa;B;asa.oberg@kommun.example;1100'),
    );
    expect(wrongUnit.statusCode).toBe(400);
    expect(paths(wrongUnit)).toEqual(['line 2.unit']);
    const peopleB = await post(
      bAdmin,
      '/api/v1/people/import',
      csv('förnamn;efternamn;e-post;enhet;anställningsnummer', 'Åsa;B;asa.oberg@kommun.example;1000;E100'),
    );
    expect(json(peopleB)).toEqual({ created: 1, updated: 0, unchanged: 0, dryRun: false });
    expect(await count(t.a.id)).toEqual(beforeA);
    expect(await personByEmail(t.a.id, 'asa.oberg@kommun.example')).toMatchObject({
      familyName: 'Öberg',
      version: 2,
    });
    expect((await unitByCc(t.a.id, '1000'))!.name).toBe('Kommunledningskontoret');
    // B's export holds B's rows only.
    const exported = (await t.app.inject({ url: '/api/v1/people/export', headers: bAdmin.headers() })).body;
    expect(exported).toContain('Åsa;B;');
    expect(exported).not.toContain('Öberg');
  });

  it('refuses a non-admin (403) and an unauthenticated caller (401)', async () => {
    const file = csv('namn;typ', 'Smygenhet;enhet');
    const before = await count(t.a.id);
    for (const url of ['/api/v1/units/import', '/api/v1/people/import']) {
      const forbidden = await post(employee, url, file);
      expect(forbidden.statusCode).toBe(403);
      const anonymous = await post(null, url, file);
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['content-type']).toContain('application/problem+json');
      // A non-admin is refused before the body is read: an unsupported type (415 for an admin)
      // or a file over the limit (413) still answers 403.
      expect((await post(admin, url, 'x', 'application/pdf')).statusCode).toBe(415);
      expect((await post(employee, url, 'x', 'application/pdf')).statusCode).toBe(403);
      const oversize = Buffer.alloc(MAX_FILE_BYTES + 1, 0x61);
      expect((await post(admin, url, oversize)).statusCode).toBe(413);
      expect((await post(employee, url, oversize)).statusCode).toBe(403);
    }
    for (const url of ['/api/v1/units/export', '/api/v1/people/export?format=xlsx']) {
      expect((await t.app.inject({ url, headers: employee.headers() })).statusCode).toBe(403);
      expect((await t.app.inject({ url })).statusCode).toBe(401);
    }
    expect(await count(t.a.id)).toEqual(before);
  });

  it('documents the routes in OpenAPI with their file content types', async () => {
    const spec = json(await t.app.inject({ url: '/api/openapi.json' }));
    const op = spec.paths['/api/v1/units/import'].post;
    expect(Object.keys(op.requestBody.content)).toEqual(['text/csv', XLSX]);
    expect(op.parameters.map((p: { name: string }) => p.name)).toContain('dryRun');
    expect(Object.keys(spec.paths['/api/v1/people/export'].get.responses['200'].content)).toEqual([
      'text/csv',
      XLSX,
    ]);
  });
});

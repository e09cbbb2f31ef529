import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/schema.ts';
import * as directory from '../../../platform/directory/service.ts';
import { excel } from '../../../platform/transfer/sheet.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { createSupplier } from '../suppliers/service.ts';
import { systems } from '../systems/schema.ts';
import { createSystem } from '../systems/service.ts';

// The systemkarta import on messy lists, as municipalities keep them: every case the report must
// explain, what is written, all or nothing, dry runs, formulas, and tenants apart.

let t: TestContext;
let admin: Session;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  const a = t.a.actor;
  ids.soc = (await directory.createUnit(t.db, a, { name: 'Socialförvaltningen', kind: 'department' })).id;
  ids.it = (
    await directory.createUnit(t.db, a, { name: 'IT-enheten', kind: 'office', costCentre: '1110' })
  ).id;
  const person = async (givenName: string, familyName: string, email: string) =>
    (await directory.createPerson(t.db, a, { givenName, familyName, email, unitId: t.a.unitId })).id;
  ids.anna = await person('Anna', 'Berg', 'anna.berg@a.example');
  ids.per = await person('Per', 'Holm', 'per.holm@a.example');
  ids.erik1 = await person('Erik', 'Lund', 'erik.lund@a.example');
  ids.erik2 = await person('Erik', 'Lund', 'erik.lund2@a.example');
  ids.visma = (await createSupplier(t.db, a, { name: 'Visma Enterprise AB' })).id;
  ids.ekonomi = (
    await createSystem(t.db, a, {
      name: 'Ekonomisystem',
      scope: 'shared',
      description: 'Befintlig beskrivning',
      category: 'Ekonomi',
      tags: ['kärnsystem'],
    })
  ).id;
  // Tenant B's names, which A's import must never match.
  const b = t.b.actor;
  await createSystem(t.db, b, { name: 'Hemligt B-system', scope: 'shared' });
  await createSupplier(t.db, b, { name: 'B-leverantör AB' });
  await directory.createUnit(t.db, b, { name: 'B-enheten', kind: 'department' });
  await directory.createPerson(t.db, b, {
    givenName: 'Bertil',
    familyName: 'Bsson',
    email: 'bertil@b.example',
    unitId: t.b.unitId,
  });
});
afterAll(() => t.close());

/** A CSV as Swedish Excel saves it: Windows-1252, semicolons, CRLF. */
const cp1252 = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1');

const post = (body: Buffer, query = '', contentType = 'text/csv') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/systems/import${query}`,
    headers: admin.headers({ 'content-type': contentType }),
    payload: body,
  });

const systemCount = async (tenantId = t.a.id) =>
  (await t.db.select({ n: count() }).from(systems).where(eq(systems.tenantId, tenantId)))[0]!.n;
const auditCount = async () =>
  (await t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.tenantId, t.a.id)))[0]!.n;
const systemNamed = async (name: string) =>
  (
    await t.db
      .select()
      .from(systems)
      .where(and(eq(systems.tenantId, t.a.id), eq(systems.name, name)))
  )[0];
const holders = async (systemId: string) => {
  const list = json(
    await t.app.inject({
      url: `/api/v1/role-assignments?scope=system&scopeId=${systemId}`,
      headers: admin.headers(),
    }),
  ).items as { role: string; personId: string }[];
  return list.map((g) => `${g.role}:${g.personId}`).sort();
};
/** The report's rows as a person reads them: what each line did, and the notes' codes. */
const summary = (report: { rows: Record<string, unknown>[] }) =>
  report.rows.map((r) => ({
    line: r.line,
    action: r.action,
    changed: r.changed,
    mergedWith: r.mergedWith,
    notes: (r.notes as { code: string; params: Record<string, string> }[]).map((n) => [n.code, n.params]),
    errors: (r.errors as { code: string; field: string | null }[]).map((e) => [e.field, e.code]),
  }));

const messy = cp1252([
  'Systemnamn;Kortnamn;Beskrivning;Kommungemensamt;Ägande förvaltning;Systemägare;Systemförvaltare;Leverantör;Produkt;Driftform;Kritikalitet;Status;E-tjänst;Taggar;Kommentar',
  'ekonomi system;;;;;Anna Berg;per.holm@a.example;visma enterprise ab;;;Hög;;;ekonomi;gammal kommentar',
  'Lönesystem;PA;Lön och personal;ja;Socialförvaltningen;Centralt system;;Nytt Bolag AB;Heroma;SaaS;Medel;I drift;nej;lön, personal;',
  'Diarium;;;ja;;IT-enheten;;;;;;;;;',
  'LÖNESYSTEM;;;;;;Anna Berg;;;;;;;;',
  'Verksamhetssystem;;;nej;;IT;;;;;;;;;',
  'Formelsystem;@kort;=SUMMA(A1:A2);;;;;;;;;;;;',
  '\'=HYPERLINK("http://x");;;;;;;B-leverantör AB;;;;;;;',
  'Hemligt B-system;;;;;;;;;;;;;;',
]);

describe('the systemkarta import', () => {
  it('dry-runs a messy Windows-1252 list: the report says what each row would do, and nothing is written', async () => {
    const systemsBefore = await systemCount();
    const auditBefore = await auditCount();
    const response = await post(messy, '?dryRun=true');
    expect(response.statusCode).toBe(200);
    const report = json(response);
    expect(report).toMatchObject({
      dryRun: true,
      written: false,
      counts: { create: 6, update: 1, unchanged: 0, merged: 1, error: 0 },
      suppliersCreated: ['Nytt Bolag AB', 'B-leverantör AB'],
      errors: [],
    });
    expect(report.columns.map((c: { header: string; field: string | null }) => [c.header, c.field])).toEqual([
      ['Systemnamn', 'name'],
      ['Kortnamn', 'shortName'],
      ['Beskrivning', 'description'],
      ['Kommungemensamt', 'scope'],
      ['Ägande förvaltning', 'owningUnit'],
      ['Systemägare', 'owner'],
      ['Systemförvaltare', 'managers'],
      ['Leverantör', 'supplier'],
      ['Produkt', 'product'],
      ['Driftform', 'operationForm'],
      ['Kritikalitet', 'criticality'],
      ['Status', 'phase'],
      ['E-tjänst', 'eService'],
      ['Taggar', 'tags'],
      ['Kommentar', null],
    ]);
    expect(summary(report)).toEqual([
      {
        line: 2,
        action: 'update',
        changed: ['supplierId', 'criticality', 'tags', 'systemOwner', 'systemManagers'],
        mergedWith: null,
        notes: [
          ['nameMatched', { value: 'ekonomi system', name: 'Ekonomisystem' }],
          ['supplierMatched', { value: 'visma enterprise ab', name: 'Visma Enterprise AB' }],
        ],
        errors: [],
      },
      {
        line: 3,
        action: 'create',
        changed: [
          'name',
          'shortName',
          'description',
          'scope',
          'owningUnitId',
          'supplierId',
          'product',
          'operationForm',
          'criticality',
          'phase',
          'eService',
          'tags',
          'systemManagers',
        ],
        mergedWith: null,
        notes: [
          ['mergedLines', { lines: '5' }],
          ['ownerNotPerson', { value: 'Centralt system' }],
          ['supplierCreated', { name: 'Nytt Bolag AB' }],
        ],
        errors: [],
      },
      {
        line: 4,
        action: 'create',
        changed: ['name', 'scope', 'owningUnitId'],
        mergedWith: null,
        notes: [['ownerIsUnit', { value: 'IT-enheten', unit: 'IT-enheten' }]],
        errors: [],
      },
      { line: 5, action: 'merged', changed: [], mergedWith: 3, notes: [], errors: [] },
      {
        line: 6,
        action: 'create',
        changed: ['name', 'scope'],
        mergedWith: null,
        notes: [['ownerNotPerson', { value: 'IT' }]],
        errors: [],
      },
      {
        line: 7,
        action: 'create',
        changed: ['name', 'shortName', 'description'],
        mergedWith: null,
        notes: [],
        errors: [],
      },
      {
        line: 8,
        action: 'create',
        changed: ['name', 'supplierId'],
        mergedWith: null,
        notes: [['supplierCreated', { name: 'B-leverantör AB' }]],
        errors: [],
      },
      { line: 9, action: 'create', changed: ['name'], mergedWith: null, notes: [], errors: [] },
    ]);
    expect(
      report.rows.filter((r: { systemId: string | null }) => r.systemId).map((r: { line: number }) => r.line),
    ).toEqual([2]);
    expect(await systemCount()).toBe(systemsBefore);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('writes what the dry run said, and the same file again changes nothing', async () => {
    const response = await post(messy);
    expect(response.statusCode).toBe(200);
    expect(json(response)).toMatchObject({
      written: true,
      counts: { create: 6, update: 1, merged: 1, error: 0 },
    });

    const ekonomi = (await systemNamed('Ekonomisystem'))!;
    expect(ekonomi).toMatchObject({
      id: ids.ekonomi,
      // Blank cells kept what the system had; tags were added to its own.
      description: 'Befintlig beskrivning',
      category: 'Ekonomi',
      scope: 'shared',
      criticality: 'high',
      supplierId: ids.visma,
      tags: ['kärnsystem', 'ekonomi'],
      version: 2,
    });
    expect(await holders(ekonomi.id)).toEqual([`systemManager:${ids.per}`, `systemOwner:${ids.anna}`].sort());

    const lon = (await systemNamed('Lönesystem'))!;
    expect(lon).toMatchObject({
      shortName: 'PA',
      description: 'Lön och personal',
      scope: 'shared',
      owningUnitId: ids.soc,
      product: 'Heroma',
      operationForm: 'saas',
      criticality: 'medium',
      phase: 'operation',
      eService: false,
      tags: ['lön', 'personal'],
    });
    // "Centralt system" named no owner; the merged line 5 brought the förvaltare.
    expect(await holders(lon.id)).toEqual([`systemManager:${ids.anna}`]);
    expect(await systemNamed('LÖNESYSTEM')).toBeUndefined();

    expect(await systemNamed('Diarium')).toMatchObject({ owningUnitId: ids.it, scope: 'shared' });
    expect(await holders((await systemNamed('Diarium'))!.id)).toEqual([]);
    // A new system without the cells gets the defaults.
    expect(await systemNamed('Verksamhetssystem')).toMatchObject({
      scope: 'business',
      phase: 'operation',
      eService: false,
      owningUnitId: null,
      tags: [],
    });
    // Formula-looking cells are text; the apostrophe Excel-safe exports add is taken off.
    expect(await systemNamed('Formelsystem')).toMatchObject({
      shortName: '@kort',
      description: '=SUMMA(A1:A2)',
    });
    const hyperlink = (await systemNamed('=HYPERLINK("http://x")'))!;
    expect(hyperlink).toBeDefined();
    // Tenant B's supplier and system of the same names were not matched: A got its own.
    const hemligt = json(
      await t.app.inject({ url: '/api/v1/systems?search=Hemligt', headers: admin.headers() }),
    );
    expect(hemligt.items.map((s: { name: string }) => s.name)).toEqual(['Hemligt B-system']);
    expect(hyperlink.supplierId).not.toBeNull();
    const bSystems = await systemCount(t.b.id);
    expect(bSystems).toBe(1);

    const again = json(await post(messy, '?dryRun=true'));
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 7, merged: 1, error: 0 });
    expect(again.suppliersCreated).toEqual([]);
  });

  it('writes nothing when one row is bad, and the answer lists every error by line', async () => {
    const file = cp1252([
      'Namn;Systemägare;Systemförvaltare;Förvaltning;Kritikalitet;Leverantör',
      'Bra system;Anna Berg;;;;',
      'Ärendesystem;Erik Lund;;;;',
      'Okänt ägt;Nils Okänd;;;;',
      'Krockar;;;;Hög;',
      'krockar;;;;Låg;',
      'B-ägt;Bertil Bsson;;B-enheten;;',
      'Fel kritikalitet;;;;jättehög;',
      ';Anna Berg;;;;',
      'Förvaltat;;anna.berg@a.example, okand@a.example;;;;',
    ]);
    const before = { systems: await systemCount(), audit: await auditCount() };
    const dry = json(await post(file, '?dryRun=true'));
    expect(dry.counts).toEqual({ create: 1, update: 0, unchanged: 0, merged: 0, error: 8 });
    expect(summary(dry).map((r) => [r.line, r.action, r.errors])).toEqual([
      [2, 'create', []],
      [3, 'error', [['owner', 'personAmbiguous']]],
      [4, 'error', [['owner', 'personUnknown']]],
      [5, 'error', [['criticality', 'duplicateConflict']]],
      [6, 'error', [['criticality', 'duplicateConflict']]],
      [
        7,
        'error',
        [
          ['owningUnit', 'unitUnknown'],
          ['owner', 'personUnknown'],
        ],
      ],
      [8, 'error', [['criticality', 'invalid']]],
      [9, 'error', [['name', 'invalid']]],
      [10, 'error', [['managers', 'emailUnknown']]],
    ]);
    const ambiguous = dry.rows[1].errors[0];
    expect(ambiguous.message).toBe(
      'Several people are named "Erik Lund": Erik Lund <erik.lund@a.example>, Erik Lund <erik.lund2@a.example>; give the email instead',
    );
    expect(dry.rows[3].errors[0].message).toBe(
      'The system is also on line 6 with another criticality: "Hög" (line 5) and "Låg" (line 6)',
    );

    const real = await post(file);
    expect(real.statusCode).toBe(400);
    const problem = json(real);
    expect(problem.detail).toBe('9 errors in the file. Nothing was imported.');
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual([
      'line 3.owner',
      'line 4.owner',
      'line 5.criticality',
      'line 6.criticality',
      'line 7.owningUnit',
      'line 7.owner',
      'line 8.criticality',
      'line 9.name',
      'line 10.managers',
    ]);
    expect(await systemNamed('Bra system')).toBeUndefined();
    expect(await systemCount()).toBe(before.systems);
    expect(await auditCount()).toBe(before.audit);
  });

  it('reads an XLSX with English headers, takes the caller’s mapping, and keeps formula-looking text', async () => {
    const ExcelJS = await excel();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Systemkarta');
    sheet.addRow(['Objekt X', 'System owner', 'Lifecycle', 'Supplier', 'Tags', 'Anteckning', 'Description']);
    sheet.addRow([
      'Kartverktyg',
      'erik.lund2@a.example',
      'retired',
      'VISMA  Enterprise AB',
      'gis; karta',
      'x',
      '+46 kart',
    ]);
    sheet.addRow(['  ekonomisystem ', '', '', '', '', 'y', '']);
    // A text cell that looks like a formula (and one that is a formula: its shown result is read).
    sheet.addRow(['=1+2', '', '', '', '-tagg', '', '']);
    sheet.addRow([{ formula: '"Formel"&"system"', result: 'Formelsystem 2' }, '', '', '', '', '', '']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    // Without a mapping "Objekt X" names no field: the report asks for one.
    const unmapped = json(await post(file, '?dryRun=true', xlsx));
    expect(unmapped.errors).toEqual([
      {
        line: 1,
        field: 'name',
        code: 'nameColumnMissing',
        params: {},
        message: "No column holds the system's name; map one of the columns to name",
      },
    ]);
    expect(unmapped.columns[5]).toEqual({ index: 5, header: 'Anteckning', field: null, source: 'ignored' });
    const mapping = encodeURIComponent(JSON.stringify({ 'Objekt X': 'name', Description: '' }));
    const response = await post(file, `?mapping=${mapping}`, xlsx);
    expect(response.statusCode).toBe(200);
    const report = json(response);
    expect(report.columns.map((c: { field: string | null; source: string }) => [c.field, c.source])).toEqual([
      ['name', 'mapping'],
      ['owner', 'auto'],
      ['phase', 'auto'],
      ['supplier', 'auto'],
      ['tags', 'auto'],
      [null, 'ignored'],
      [null, 'ignored'],
    ]);
    expect(summary(report).map((r) => [r.line, r.action, r.changed])).toEqual([
      [2, 'create', ['name', 'supplierId', 'phase', 'tags', 'systemOwner']],
      [3, 'unchanged', []],
      [4, 'create', ['name', 'tags']],
      [5, 'create', ['name']],
    ]);
    expect(await systemNamed('=1+2')).toMatchObject({ tags: ['-tagg'] });
    expect(await systemNamed('Formelsystem 2')).toBeDefined();
    const map = (await systemNamed('Kartverktyg'))!;
    expect(map).toMatchObject({
      phase: 'retired',
      supplierId: ids.visma,
      tags: ['gis', 'karta'],
      description: null,
    });
    expect(await holders(map.id)).toEqual([`systemOwner:${ids.erik2}`]);

    const bad = await post(file, `?mapping=${encodeURIComponent('{"Objekt X":"nope"}')}`, xlsx);
    expect(bad.statusCode).toBe(400);
    expect(json(bad).errors[0].path).toBe('querystring.mapping');
  });

  it('is for the keepers of the register only', async () => {
    await seedPerson(t.db, t.a, 'las@a.example', ['reader']);
    const reader = await signIn(t.app, 'las@a.example');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/systems/import?dryRun=true',
      headers: reader.headers({ 'content-type': 'text/csv' }),
      payload: messy,
    });
    expect(response.statusCode).toBe(403);
  });
});

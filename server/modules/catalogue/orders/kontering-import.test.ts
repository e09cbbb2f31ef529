import { and, count, eq, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/schema.ts';
import * as directory from '../../../platform/directory/service.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { konteringCodes } from './schema.ts';

// The import of the units' kontering codes from the finance system's lists (CSV and XLSX): a dry
// run writing nothing, all rows or none with every error as `line N.field`, the same file twice
// changing nothing, a renamed code updated with its version and audit, `nej` archiving, who may
// import for which unit, parallel imports creating each code once, and the export the import
// reads back, formula-safe.

let t: TestContext;
let admin: Session;
let holder: Session;
let otherEconomist: Session;
let employee: Session;
let bAdmin: Session;
let schoolId: string;
let preschoolId: string;

const URL = '/api/v1/catalogue/kontering-codes';
const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const upload = (session: Session, body: string | Buffer, query = '', type = CSV) =>
  t.app.inject({
    method: 'POST',
    url: `${URL}/import${query}`,
    headers: session.headers({ 'content-type': type }),
    payload: body,
  });
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });
const paths = (r: { json(): { errors?: { path: string }[] } }) => (r.json().errors ?? []).map((e) => e.path);
const csv = (rows: string[], header = 'enhet;dimension;kod;benämning') => `${header}\n${rows.join('\n')}\n`;

async function stored(unitId?: string) {
  const [row] = await t.db
    .select({ n: count() })
    .from(konteringCodes)
    .where(
      and(
        eq(konteringCodes.tenantId, t.a.id),
        unitId ? eq(konteringCodes.unitId, unitId) : undefined,
        isNull(konteringCodes.archivedAt),
      ),
    );
  return row!.n;
}
async function allRows() {
  const [row] = await t.db
    .select({ n: count() })
    .from(konteringCodes)
    .where(eq(konteringCodes.tenantId, t.a.id));
  return row!.n;
}
async function audits() {
  const [row] = await t.db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.tenantId, t.a.id), eq(auditEvents.entity, 'catalogueKonteringCode')));
  return row!.n;
}
const codeOf = async (unitId: string, dimension: string, code: string) =>
  (
    await t.db
      .select()
      .from(konteringCodes)
      .where(
        and(
          eq(konteringCodes.tenantId, t.a.id),
          eq(konteringCodes.unitId, unitId),
          eq(konteringCodes.dimension, dimension),
          eq(konteringCodes.code, code),
        ),
      )
  ).sort((a, b) => b.version - a.version);

beforeAll(async () => {
  t = await createTestContext();
  const actor = t.a.actor;
  schoolId = (
    await directory.createUnit(t.db, actor, {
      name: 'Skolan',
      kind: 'subunit',
      parentId: t.a.unitId,
      costCentre: '4210',
    })
  ).id;
  preschoolId = (
    await directory.createUnit(t.db, actor, {
      name: 'Förskolan Solen',
      kind: 'subunit',
      parentId: t.a.unitId,
      costCentre: '4220',
    })
  ).id;
  const other = await directory.createUnit(t.db, actor, {
    name: 'Annan förvaltning',
    kind: 'department',
    costCentre: '5100',
  });
  await directory.createUnit(t.db, t.b.actor, { name: 'B-skolan', kind: 'subunit', costCentre: '9100' });
  const h = await seedPerson(t.db, t.a, 'holder@a.example', ['employee']);
  await directory.grantRole(t.db, actor, {
    personId: h.id,
    role: 'economist',
    scope: 'unit',
    scopeId: t.a.unitId,
  });
  const o = await seedPerson(t.db, t.a, 'other@a.example', ['employee']);
  await directory.grantRole(t.db, actor, {
    personId: o.id,
    role: 'economist',
    scope: 'unit',
    scopeId: other.id,
  });
  await seedPerson(t.db, t.a, 'employee@a.example', ['employee']);
  admin = await signIn(t.app, t.a.adminEmail);
  holder = await signIn(t.app, 'holder@a.example');
  otherEconomist = await signIn(t.app, 'other@a.example');
  employee = await signIn(t.app, 'employee@a.example');
  bAdmin = await signIn(t.app, t.b.adminEmail);
});
afterAll(() => t.close());

const good = csv([
  '4210;konto;6550;Datorer och kringutrustning',
  '4210;Konto;6540;IT-tjänster',
  'Skolan;aktivitet;P4001;Läromedel',
  'skolan;Projekt;P4002;Skolgård',
  '4210;kostnadsställe;4211;Skolans kök',
  '4210;motpart;10;Intern motpart',
  'Förskolan Solen;account;6550;Datorer',
  '4220;counterpart;20;Region',
]);

describe('kontering codes: import', () => {
  it('counts in a dry run and writes nothing', async () => {
    const before = { rows: await allRows(), audits: await audits() };
    const r = await upload(holder, good, '?dryRun=true');
    expect(r.statusCode, r.body).toBe(200);
    expect(json(r)).toEqual({ created: 8, updated: 0, unchanged: 0, dryRun: true });
    expect(await allRows()).toBe(before.rows);
    expect(await audits()).toBe(before.audits);
  });

  it("creates the codes of a good CSV for the units under the ekonom's grant; the same file again changes nothing", async () => {
    const r = await upload(holder, good, '?fileName=koder.csv');
    expect(r.statusCode, r.body).toBe(200);
    expect(json(r)).toEqual({ created: 8, updated: 0, unchanged: 0, dryRun: false });
    const school = json(await get(holder, `/api/v1/catalogue/kontering-units/${schoolId}`));
    expect(school.choices.account.map((c: { code: string }) => c.code)).toEqual(['6540', '6550']);
    expect(school.choices.activity.map((c: { code: string }) => c.code)).toEqual(['P4001', 'P4002']);
    expect(school.choices.costCentre.map((c: { code: string }) => c.code)).toEqual(['4210', '4211']);
    expect(school.choices.counterpart).toEqual([{ code: '10', name: 'Intern motpart' }]);
    expect(await stored(preschoolId)).toBe(2);
    const auditsAfter = await audits();
    expect(auditsAfter).toBe(8);

    const again = await upload(holder, good);
    expect(json(again)).toEqual({ created: 0, updated: 0, unchanged: 8, dryRun: false });
    expect(await audits()).toBe(auditsAfter);
    expect((await codeOf(schoolId, 'account', '6550'))[0]!.version).toBe(1);
  });

  it('renames a code with a new version and its audit, archives with nej and restores with ja', async () => {
    const withActive = (rows: string[]) => csv(rows, 'Enhet;Dimension;Kod;Benämning;Aktiv');
    const renamed = await upload(
      holder,
      withActive(['4210;konto;6550;Datorer och skärmar;ja', '4210;konto;6540;IT-tjänster;nej']),
    );
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(json(renamed)).toMatchObject({ created: 0, updated: 2, unchanged: 0 });
    const [computer] = await codeOf(schoolId, 'account', '6550');
    expect(computer).toMatchObject({ name: 'Datorer och skärmar', version: 2, archivedAt: null });
    const [services] = await codeOf(schoolId, 'account', '6540');
    expect(services!.archivedAt).not.toBeNull();
    expect(services!.version).toBe(2);
    const events = await t.db
      .select({ action: auditEvents.action, changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, t.a.id), eq(auditEvents.entityId, computer!.id)));
    expect(events.map((e) => e.action).sort()).toEqual(['create', 'update']);
    expect(JSON.stringify(events.find((e) => e.action === 'update')!.changes)).toContain(
      'Datorer och skärmar',
    );
    const archived = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, t.a.id), eq(auditEvents.entityId, services!.id)));
    expect(archived.map((e) => e.action).sort()).toEqual(['archive', 'create']);
    const school = json(await get(holder, `/api/v1/catalogue/kontering-units/${schoolId}`));
    expect(school.choices.account.map((c: { code: string }) => c.code)).toEqual(['6550']);

    // Without the active column the archived code stays archived; ja brings it back.
    expect(json(await upload(holder, csv(['4210;konto;6540;IT-tjänster'])))).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 1,
    });
    const restored = await upload(holder, withActive(['4210;konto;6540;IT-tjänster;ja']));
    expect(json(restored)).toMatchObject({ created: 0, updated: 1 });
    expect((await codeOf(schoolId, 'account', '6540'))[0]).toMatchObject({ archivedAt: null, version: 3 });
    // nej for a code the unit never had: nothing to archive.
    expect(json(await upload(holder, withActive(['4210;konto;6999;Finns inte;nej'])))).toMatchObject({
      created: 0,
      unchanged: 1,
    });
    expect(await codeOf(schoolId, 'account', '6999')).toEqual([]);
  });

  it('creates the codes of an XLSX workbook, numbers and formula-like names kept as text', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Koder');
    sheet.addRow(['Unit', 'Dimension', 'Code', 'Name', 'Active']);
    sheet.addRow(['4220', 'konto', 6560, 'Förbrukningsinventarier', 'ja']);
    sheet.addRow(['Förskolan Solen', 'Aktivitet', '0410', '=HYPERLINK("http://x.example","klicka")', '']);
    sheet.addRow(['4220', 'motpart', '30', '@SUM(A1)', 'Ja']);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const r = await upload(admin, file, '', XLSX);
    expect(r.statusCode, r.body).toBe(200);
    expect(json(r)).toEqual({ created: 3, updated: 0, unchanged: 0, dryRun: false });
    expect((await codeOf(preschoolId, 'account', '6560'))[0]!.name).toBe('Förbrukningsinventarier');
    expect((await codeOf(preschoolId, 'activity', '0410'))[0]!.name).toBe(
      '=HYPERLINK("http://x.example","klicka")',
    );
    expect((await codeOf(preschoolId, 'counterpart', '30'))[0]!.name).toBe('@SUM(A1)');
    expect(json(await upload(admin, file, '', XLSX))).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('refuses bad rows with every error as line N.field and writes nothing', async () => {
    const before = { rows: await allRows(), audits: await audits() };
    const r = await upload(
      holder,
      csv([
        '4210;konto;7000;Bra rad',
        'Ingen sådan enhet;konto;7001;Okänd enhet',
        '4210;huvudbok;7002;Okänd dimension',
        '4210;konto;;Tom kod',
        '9100;konto;7003;Enhet i en annan kommun',
        '5100;konto;7004;Utanför ekonomens enheter',
        '4210;konto;7000;Samma som rad 2',
        '4210;konto;70 05;Ogiltig kod',
        '4210;konto;7006;',
      ]),
    );
    expect(r.statusCode).toBe(400);
    expect(paths(r)).toEqual([
      'line 3.unit',
      'line 4.dimension',
      'line 5.code',
      'line 6.unit',
      'line 7.unit',
      'line 8.code',
      'line 9.code',
      'line 10.name',
    ]);
    const messages = r.json().errors.map((e: { message: string }) => e.message);
    expect(messages[0]).toBe('No active unit has this cost centre or name');
    expect(messages[3]).toBe('No active unit has this cost centre or name');
    expect(messages[4]).toBe("Only the unit's ekonom or an admin keeps its codes");
    expect(messages[5]).toBe('The same unit, dimension and code is on an earlier line');
    expect(await allRows()).toBe(before.rows);
    expect(await audits()).toBe(before.audits);

    const columns = await upload(holder, 'enhet;kod;benämning;färg\n4210;7000;X;röd\n');
    expect(columns.statusCode).toBe(400);
    expect(paths(columns)).toEqual(expect.arrayContaining(['line 1.färg', 'line 1.dimension']));
  });

  it('lets an ekonom import only for the units of their grant, and no one without one', async () => {
    const foreign = await upload(
      otherEconomist,
      csv(['4210;konto;7100;Inte min enhet', '5100;konto;7100;Min']),
    );
    expect(foreign.statusCode).toBe(400);
    expect(paths(foreign)).toEqual(['line 2.unit']);
    expect(await codeOf(schoolId, 'account', '7100')).toEqual([]);
    const own = await upload(otherEconomist, csv(['5100;konto;7100;Min']));
    expect(json(own)).toMatchObject({ created: 1 });
    expect((await upload(employee, good)).statusCode).toBe(403);
    expect((await upload(employee, good, '?dryRun=true')).statusCode).toBe(403);
    // Tenant B's admin sees none of tenant A's units: every row is an unknown unit.
    const b = await upload(bAdmin, csv(['4210;konto;6550;X']));
    expect(b.statusCode).toBe(400);
    expect(paths(b)).toEqual(['line 2.unit']);
  });

  it('creates each code once when the same file is imported several times at once', async () => {
    const file = csv(['4220;konto;6800;Samtidigt', '4220;konto;6801;Samtidigt två', '4220;motpart;40;Tre']);
    const results = await Promise.all([upload(admin, file), upload(holder, file), upload(admin, file)]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(results.reduce((n, r) => n + json(r).created, 0)).toBe(3);
    expect(results.reduce((n, r) => n + json(r).unchanged, 0)).toBe(6);
    for (const code of ['6800', '6801']) expect(await codeOf(preschoolId, 'account', code)).toHaveLength(1);
    expect(await codeOf(preschoolId, 'counterpart', '40')).toHaveLength(1);
  });
});

describe('kontering codes: export', () => {
  it('writes the codes formula-safe in the columns the import reads back unchanged', async () => {
    const r = await get(admin, `${URL}/export?format=csv&unitId=${preschoolId}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-disposition']).toContain('konteringskoder-');
    const text = r.body.replace(/^\uFEFF/, '');
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toBe('enhet;dimension;kod;benämning;aktiv');
    expect(lines).toContain('4220;konto;6560;Förbrukningsinventarier;ja');
    expect(lines).toContain(`4220;aktivitet;0410;"'=HYPERLINK(""http://x.example"",""klicka"")";ja`);
    expect(lines).toContain("4220;motpart;30;'@SUM(A1);ja");
    const back = await upload(admin, r.rawPayload);
    expect(back.statusCode, back.body).toBe(200);
    expect(json(back)).toMatchObject({ created: 0, updated: 0 });
    expect(json(back).unchanged).toBe(lines.length - 1);

    // An archived code is exported with aktiv nej, and that file too imports back unchanged.
    const [kitchen] = await codeOf(schoolId, 'costCentre', '4211');
    const archive = await t.app.inject({
      method: 'POST',
      url: `${URL}/${kitchen!.id}/archive`,
      headers: holder.headers(),
      payload: { version: kitchen!.version, reason: 'Nedlagt' },
    });
    expect(archive.statusCode, archive.body).toBe(200);
    const archived = await get(admin, `${URL}/export?format=csv&unitId=${schoolId}&includeArchived=true`);
    expect(archived.body).toContain('4210;kostnadsställe;4211;Skolans kök;nej');
    expect(json(await upload(holder, archived.rawPayload))).toMatchObject({ created: 0, updated: 0 });
    expect((await codeOf(schoolId, 'costCentre', '4211'))[0]!.version).toBe(kitchen!.version + 1);

    const xlsx = await get(admin, `${URL}/export?format=xlsx&unitId=${preschoolId}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'enhet', 'dimension', 'kod', 'benämning', 'aktiv']);
    const cells: unknown[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) cells.push(row.getCell(4).value);
    });
    expect(cells).toContain('=HYPERLINK("http://x.example","klicka")');
    for (const c of cells) expect(typeof c).toBe('string');
    expect(json(await upload(admin, xlsx.rawPayload, '', XLSX))).toMatchObject({ created: 0, updated: 0 });
  });

  it('shows another tenant none of the codes', async () => {
    const b = await get(bAdmin, `${URL}/export?format=csv`);
    expect(b.statusCode).toBe(200);
    expect(b.body.replace(/^\uFEFF/, '').trim()).toBe('enhet;dimension;kod;benämning;aktiv');
    expect((await get(admin, `${URL}/export?format=pdf`)).statusCode).toBe(400);
  });
});

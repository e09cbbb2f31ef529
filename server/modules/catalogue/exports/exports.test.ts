import { eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as directory from '../../../platform/directory/service.ts';
import { readSheet } from '../../../platform/transfer/sheet.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { createService as createDeskService } from '../../desk/services/service.ts';
import * as catalogue from '../offerings/service.ts';
import * as orders from '../orders/service.ts';
import { exportSettings } from './schema.ts';

// A locked run's exports (issue 16 point 4): the SIE 4i vouchers and the ledger file in the
// tenant's layout, each refused with what is missing until the run is locked and the settings are
// complete; a unit's specification with its sub-units' lines, as JSON and XLSX/CSV; and who may
// read which. The lines are computed by the real run from real consumption and a rented asset.

let t: TestContext;
let admin: Session;
let employee: Session;
let bAdmin: Session;
let school: string;
let klass: string;
let itUnit: string;
let lockedId: string;
let previewId: string;

const send = (who: Session, url: string, payload: unknown, method: 'POST' | 'PUT' = 'POST') =>
  t.app.inject({ method, url, headers: who.headers(), payload: payload as object });
const get = (url: string, who = admin) => t.app.inject({ url, headers: who.headers() });
const paths = (r: { json(): { errors?: { path: string }[] } }) => (r.json().errors ?? []).map((e) => e.path);
const ok = <T extends { statusCode: number; body: string }>(r: T, code = 200) => {
  expect(r.statusCode, r.body).toBe(code);
  return r;
};

const settings = (over: Record<string, unknown> = {}) => ({
  series: 'IT',
  incomeAccount: '3510',
  itUnitId: itUnit,
  defaultAccount: null,
  layout: {
    preset: 'raindance',
    columns: [{ field: 'amount', header: 'Belopp' }],
    delimiter: ';',
    decimalComma: true,
    includeCredit: true,
  },
  version: 0,
  ...over,
});

beforeAll(async () => {
  t = await createTestContext();
  const actor = t.a.actor;
  school = (
    await directory.createUnit(t.db, actor, { name: 'Björkskolan', kind: 'office', costCentre: '4210' })
  ).id;
  klass = (
    await directory.createUnit(t.db, actor, {
      name: '=HYPERLINK("http://x")',
      kind: 'subunit',
      parentId: school,
      costCentre: '4211',
    })
  ).id;
  itUnit = (
    await directory.createUnit(t.db, actor, { name: 'IT-enheten', kind: 'office', costCentre: '1110' })
  ).id;
  for (const [dimension, code, name] of [
    ['account', '6540', 'IT-tjänster'],
    ['activity', 'P4001', 'Digitalisering i skolan'],
    ['counterpart', '10', 'Intern motpart'],
  ] as const)
    await orders.createKonteringCode(t.db, actor, { unitId: school, dimension, code, name });
  await seedPerson(t.db, t.a, 'employee@a.example', ['employee']);
  admin = await signIn(t.app, t.a.adminEmail);
  employee = await signIn(t.app, 'employee@a.example');
  bAdmin = await signIn(t.app, t.b.adminEmail);

  const desk = await createDeskService(t.db, actor, { name: 'Utskrift', description: null, orderable: true });
  const family = await catalogue.createFamily(t.db, actor, { name: 'Arbetsplats' });
  const service = await catalogue.createFamilyService(t.db, actor, {
    deskServiceId: desk.id,
    familyId: family.id,
  });
  const pages = (
    await catalogue.createOffering(t.db, actor, {
      serviceId: service.id,
      name: 'Utskrift per sida',
      priceModel: 'perUnitMonthly',
      priceUnit: 'page',
      approval: 'none',
    })
  ).id;
  const laptop = (
    await catalogue.createOffering(t.db, actor, {
      serviceId: service.id,
      name: 'Bärbar dator',
      priceModel: 'fixedMonthly',
      approval: 'none',
    })
  ).id;
  for (const [offeringId, internalPrice] of [
    [pages, 50],
    [laptop, 45_000],
  ] as const)
    ok(
      await send(admin, '/api/v1/catalogue/rate-cards', {
        offeringId,
        startsOn: '2026-01-01',
        periodKind: 'year',
        internalPrice,
      }),
      201,
    );
  for (const unitId of [school, klass])
    ok(
      await send(admin, '/api/v1/catalogue/billing-switches', {
        unitId,
        mode: 'billing',
        fromOn: '2026-01-01',
      }),
      201,
    );
  ok(
    await send(admin, '/api/v1/catalogue/consumption', {
      period: '2026-10',
      offeringId: pages,
      rows: [
        {
          unitId: school,
          quantity: 1125,
          costCentre: '4210',
          account: '6540',
          activity: 'P4001',
          counterpart: '10',
        },
      ],
    }),
  );
  const asset = ok(
    await send(admin, '/api/v1/catalogue/assets', {
      serial: 'PC-1',
      model: 'EliteBook 840',
      kind: 'computer',
      offeringId: laptop,
      purchaseValue: 1_200_000,
      purchasedOn: '2026-01-15',
      depreciationMonths: 48,
    }),
    201,
  );
  ok(
    await send(admin, `/api/v1/catalogue/assets/${json(asset).id}/issue`, {
      version: 1,
      unitId: klass,
      on: '2026-09-01',
    }),
  );
  const run = json(ok(await send(admin, '/api/v1/catalogue/runs', { period: '2026-10' })));
  lockedId = run.id;
  previewId = json(ok(await send(admin, '/api/v1/catalogue/runs', { period: '2026-11' }))).id;
});
afterAll(() => t.close());

describe('the finance exports of a run', () => {
  it('refuses a preview, then incomplete settings, saying what is missing', async () => {
    const preview = await get(`/api/v1/catalogue/runs/${lockedId}/sie`);
    expect(preview.statusCode, preview.body).toBe(409);
    expect(preview.json().detail).toMatch(/locked/);
    const run = json(await get(`/api/v1/catalogue/runs/${lockedId}`));
    ok(await send(admin, `/api/v1/catalogue/runs/${lockedId}/lock`, { version: run.version }));

    const unset = await get(`/api/v1/catalogue/runs/${lockedId}/sie`);
    expect(unset.statusCode, unset.body).toBe(409);
    expect(paths(unset)).toEqual(['settings.incomeAccount', 'settings.itUnitId']);
    expect(json(await get('/api/v1/catalogue/export-settings')).complete).toBe(false);

    ok(await send(admin, '/api/v1/catalogue/export-settings', settings(), 'PUT'));
    // The rented computer carries no account: the default account is needed.
    const noDefault = await get(`/api/v1/catalogue/runs/${lockedId}/ledger`);
    expect(noDefault.statusCode, noDefault.body).toBe(409);
    expect(paths(noDefault)).toEqual(['settings.defaultAccount']);
    ok(
      await send(
        admin,
        '/api/v1/catalogue/export-settings',
        settings({ defaultAccount: '6550', version: 1 }),
        'PUT',
      ),
    );
    const saved = json(await get('/api/v1/catalogue/export-settings'));
    expect(saved).toMatchObject({ complete: true, version: 2, itUnit: { id: itUnit, costCentre: '1110' } });
    // A preset's columns are the preset's, whatever was sent.
    expect(saved.layout.columns.map((c: { header: string }) => c.header)).toEqual([
      'Konto',
      'Ansvar',
      'Verksamhet',
      'Motpart',
      'Belopp',
      'Text',
    ]);
  });

  it('writes balanced SIE 4i vouchers in CP437, one per cost centre, every object declared', async () => {
    const r = ok(await get(`/api/v1/catalogue/runs/${lockedId}/sie`));
    expect(r.headers['content-disposition']).toContain('debitering-2026-10.se');
    const bytes = r.rawPayload;
    // CP437: ö is 0x94, and the file is not UTF-8.
    expect(bytes.includes(0x94)).toBe(true);
    const text = iconv.decode(bytes, 'cp437');
    const lines = text.split('\r\n');
    expect(lines).toContain('#SIETYP 4');
    expect(lines).toContain('#DIM 1 "Kostnadsställe"');
    expect(lines).toContain('#DIM 6 "Projekt"');
    expect(lines).toContain('#OBJEKT 1 "4210" "Björkskolan"');
    expect(lines).toContain('#OBJEKT 1 "1110" "IT-enheten"');
    expect(lines).toContain('#OBJEKT 6 "P4001" "Digitalisering i skolan"');
    expect(lines).toContain('#KONTO "6540" "IT-tjänster"');
    const trans = lines.filter((l) => l.trim().startsWith('#TRANS')).map((l) => l.trim());
    expect(trans).toEqual([
      '#TRANS "6540" {1 "4210" 6 "P4001"} 562.50',
      '#TRANS "3510" {1 "1110"} -562.50 "" "Intern försäljning 2026-10"',
      '#TRANS "6550" {1 "4211"} 450',
      '#TRANS "3510" {1 "1110"} -450 "" "Intern försäljning 2026-10"',
    ]);
    expect(lines.filter((l) => l.startsWith('#VER')).length).toBe(2);
    expect(lines.filter((l) => l.startsWith('#VER'))[0]).toBe(
      '#VER "IT" "" 20261031 "Debitering 2026-10 Björkskolan"',
    );
  });

  it('writes the ledger in the layout: signed amounts a finance system reads, balanced by credit rows', async () => {
    const csv = ok(await get(`/api/v1/catalogue/runs/${lockedId}/ledger?format=csv`));
    const rows = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows).toEqual([
      'Konto;Ansvar;Verksamhet;Motpart;Belopp;Text',
      '6540;4210;P4001;10;562,50;Debitering 2026-10',
      '3510;1110;;;-562,50;Intern försäljning 2026-10 Björkskolan',
      '6550;4211;;;450,00;Debitering 2026-10',
      '3510;1110;;;-450,00;"Intern försäljning 2026-10 =HYPERLINK(""http://x"")"',
    ]);

    const custom = {
      preset: 'unit4',
      columns: [{ field: 'amount', header: 'x' }],
      delimiter: ';',
      decimalComma: false,
      includeCredit: false,
    };
    ok(
      await send(
        admin,
        '/api/v1/catalogue/export-settings',
        settings({ defaultAccount: '6550', layout: custom, version: 2 }),
        'PUT',
      ),
    );
    const xlsx = ok(await get(`/api/v1/catalogue/runs/${lockedId}/ledger?format=xlsx`));
    const sheet = await readSheet(xlsx.rawPayload);
    expect(sheet.header).toEqual([
      'Period',
      'VoucherDate',
      'Account',
      'Dim1',
      'Dim2',
      'Dim3',
      'Debit',
      'Credit',
      'Description',
    ]);
    expect(sheet.rows.map((r) => r.cells)).toEqual([
      ['202610', '2026-10-31', '6540', '4210', 'P4001', '10', '562.5', '', 'Debitering 2026-10'],
      ['202610', '2026-10-31', '3510', '1110', '', '', '', '562.5', 'Intern försäljning 2026-10 Björkskolan'],
      ['202610', '2026-10-31', '6550', '4211', '', '', '450', '', 'Debitering 2026-10'],
      [
        '202610',
        '2026-10-31',
        '3510',
        '1110',
        '',
        '',
        '',
        '450',
        'Intern försäljning 2026-10 =HYPERLINK("http://x")',
      ],
    ]);
  });

  it('refuses bad settings and a stale version, writing nothing', async () => {
    const before = await t.db.select().from(exportSettings).where(eq(exportSettings.tenantId, t.a.id));
    const stale = await send(admin, '/api/v1/catalogue/export-settings', settings({ version: 1 }), 'PUT');
    expect(stale.statusCode, stale.body).toBe(409);
    const bUnit = await send(
      admin,
      '/api/v1/catalogue/export-settings',
      settings({ itUnitId: t.b.unitId, version: 3 }),
      'PUT',
    );
    expect(bUnit.statusCode, bUnit.body).toBe(400);
    expect(paths(bUnit)).toEqual(['body.itUnitId']);
    const badField = await send(
      admin,
      '/api/v1/catalogue/export-settings',
      settings({
        layout: { ...settings().layout, preset: 'custom', columns: [{ field: 'secret', header: 'X' }] },
        version: 3,
      }),
      'PUT',
    );
    expect(badField.statusCode, badField.body).toBe(400);
    const badCode = await send(
      admin,
      '/api/v1/catalogue/export-settings',
      settings({ incomeAccount: '=1+1', version: 3 }),
      'PUT',
    );
    expect(badCode.statusCode, badCode.body).toBe(400);
    expect(paths(badCode)).toEqual(['body.incomeAccount']);
    const byEmployee = await send(
      employee,
      '/api/v1/catalogue/export-settings',
      settings({ version: 3 }),
      'PUT',
    );
    expect(byEmployee.statusCode).toBe(403);
    expect(await t.db.select().from(exportSettings).where(eq(exportSettings.tenantId, t.a.id))).toEqual(
      before,
    );
  });

  it("answers another tenant's run as not found, and keeps the files from who may not run the chargeback", async () => {
    for (const path of [
      'sie',
      'ledger',
      `specification?unitId=${school}`,
      `specification/export?unitId=${school}`,
    ])
      expect((await get(`/api/v1/catalogue/runs/${lockedId}/${path}`, bAdmin)).statusCode).toBe(404);
    expect((await get(`/api/v1/catalogue/runs/${lockedId}/sie`, employee)).statusCode).toBe(403);
    expect((await get(`/api/v1/catalogue/runs/${lockedId}/ledger`, employee)).statusCode).toBe(403);
    // B's export settings are B's own: unset.
    expect(json(await get('/api/v1/catalogue/export-settings', bAdmin))).toMatchObject({
      version: 0,
      complete: false,
    });
  });
});

describe("a unit's specification", () => {
  it("lists the unit's lines and its sub-units', summed per kontering", async () => {
    const spec = json(ok(await get(`/api/v1/catalogue/runs/${lockedId}/specification?unitId=${school}`)));
    expect(spec.run).toMatchObject({ period: '2026-10', state: 'locked' });
    expect(spec.unit).toEqual({ id: school, name: 'Björkskolan', costCentre: '4210' });
    expect(
      spec.lines.map((l: Record<string, any>) => [l.unit.id, l.source, l.amount, l.kontering.account]),
    ).toEqual([
      [school, 'consumption', 56_250, '6540'],
      [klass, 'rental', 45_000, null],
    ]);
    expect(spec.byKontering).toEqual([
      { costCentre: '4210', account: '6540', activity: 'P4001', counterpart: '10', amount: 56_250 },
      { costCentre: '4211', account: null, activity: null, counterpart: null, amount: 45_000 },
    ]);
    expect(spec.total).toBe(101_250);
    // The sub-unit's own specification has its line only.
    const sub = json(ok(await get(`/api/v1/catalogue/runs/${lockedId}/specification?unitId=${klass}`)));
    expect(sub.total).toBe(45_000);
  });

  it('exports it as XLSX and CSV, formula-safe, a preview marked as such', async () => {
    const xlsx = ok(await get(`/api/v1/catalogue/runs/${lockedId}/specification/export?unitId=${school}`));
    expect(xlsx.headers['content-disposition']).toContain('specifikation-2026-10-4210.xlsx');
    const sheet = await readSheet(xlsx.rawPayload);
    expect(sheet.rows.map((r) => [r.cells[0], r.cells[1], r.cells[3], r.cells[5]])).toEqual([
      ['Björkskolan', 'Förbrukning', '1125', '562.5'],
      ['=HYPERLINK("http://x")', 'Hyra', '1', '450'],
      ['Totalt', '', '', '1012.5'],
    ]);
    const csv = ok(
      await get(`/api/v1/catalogue/runs/${lockedId}/specification/export?unitId=${school}&format=csv`),
    );
    expect(csv.body).toContain(`"'=HYPERLINK(""http://x"")";Hyra`);
    const preview = ok(
      await get(`/api/v1/catalogue/runs/${previewId}/specification/export?unitId=${school}`),
    );
    expect(preview.headers['content-disposition']).toContain('-preliminar.xlsx');
  });

  it("is read by the unit's people and its ekonom only", async () => {
    // The employee belongs to t.a's own unit, not to the school.
    const r = await get(`/api/v1/catalogue/runs/${lockedId}/specification?unitId=${school}`, employee);
    expect(r.statusCode, r.body).toBe(403);
    const bUnit = await get(`/api/v1/catalogue/runs/${lockedId}/specification?unitId=${t.b.unitId}`);
    expect(bUnit.statusCode, bUnit.body).toBe(404);
  });
});

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
import { createService as createDeskService } from '../../desk/services/service.ts';
import * as catalogue from '../offerings/service.ts';
import * as orders from '../orders/service.ts';
import { consumption } from './schema.ts';

// Consumption through the API, as print and storage systems export it: names and cost centres
// resolved, the kontering checked against the unit's codes, all rows or none with every error by
// line, the same file twice changing nothing, a corrected one replacing quantities, parallel
// imports of a month writing each key once, and tenants and roles apart.

let t: TestContext;
let admin: Session;
let employee: Session;
let bAdmin: Session;
let pages: string;
let fixed: string;
let schoolId: string;

const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
const upload = (body: Buffer, query = '', who = admin, contentType = 'text/csv') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/catalogue/consumption/import${query}`,
    headers: who.headers({ 'content-type': contentType }),
    payload: body,
  });
const send = (payload: unknown, who = admin, query = '') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/catalogue/consumption${query}`,
    headers: who.headers(),
    payload: payload as object,
  });
const get = (url: string, who = admin) => t.app.inject({ url, headers: who.headers() });
const rows = async (tenantId = t.a.id) =>
  (await t.db.select({ n: count() }).from(consumption).where(eq(consumption.tenantId, tenantId)))[0]!.n;
const paths = (r: { json(): { errors?: { path: string }[] } }) => (r.json().errors ?? []).map((e) => e.path);

beforeAll(async () => {
  t = await createTestContext();
  const actor = t.a.actor;
  const school = await directory.createUnit(t.db, actor, {
    name: 'Björkskolan',
    kind: 'subunit',
    parentId: t.a.unitId,
    costCentre: '4210',
  });
  schoolId = school.id;
  await directory.createUnit(t.db, actor, { name: 'Utan kostnadsställe', kind: 'subunit' });
  for (const [dimension, code] of [
    ['account', '6540'],
    ['activity', 'P4001'],
  ] as const)
    await orders.createKonteringCode(t.db, actor, { unitId: school.id, dimension, code, name: code });
  // A unit with two accounts: a row for it must say which.
  const upper = await directory.createUnit(t.db, actor, {
    name: 'Gymnasiet',
    kind: 'subunit',
    costCentre: '4300',
  });
  for (const code of ['6540', '6550'])
    await orders.createKonteringCode(t.db, actor, {
      unitId: upper.id,
      dimension: 'account',
      code,
      name: code,
    });
  await seedPerson(t.db, t.a, 'employee@a.example', ['employee']);
  admin = await signIn(t.app, t.a.adminEmail);
  employee = await signIn(t.app, 'employee@a.example');
  bAdmin = await signIn(t.app, t.b.adminEmail);
  const desk = await createDeskService(t.db, actor, { name: 'Utskrift', description: null, orderable: true });
  const family = await catalogue.createFamily(t.db, actor, { name: 'Utskrift' });
  const service = await catalogue.createFamilyService(t.db, actor, {
    deskServiceId: desk.id,
    familyId: family.id,
  });
  pages = (
    await catalogue.createOffering(t.db, actor, {
      serviceId: service.id,
      name: 'Utskrift per sida',
      priceModel: 'perUnitMonthly',
      priceUnit: 'page',
      approval: 'none',
    })
  ).id;
  fixed = (
    await catalogue.createOffering(t.db, actor, {
      serviceId: service.id,
      name: 'Skrivarplats',
      priceModel: 'fixedMonthly',
      approval: 'none',
    })
  ).id;
});
afterAll(() => t.close());

describe('consumption import', () => {
  const file = csv([
    'Månad;Erbjudande;Enhet;Sidor;Skrivare;Aktivitet',
    '2026-10;utskrift per sida;4210;1 234,5;Plan 1;P4001',
    '2026-10;Utskrift per sida;Björkskolan;800;Plan 2;',
  ]);

  it('checks a file in a dry run without writing, then imports it, and the same file again changes nothing', async () => {
    const dry = await upload(file, '?dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(json(dry)).toMatchObject({ created: 2, updated: 0, unchanged: 0, dryRun: true, importId: null });
    expect(await rows()).toBe(0);

    const real = await upload(file, '?fileName=utskrifter-oktober.csv');
    expect(real.statusCode, real.body).toBe(200);
    expect(json(real)).toMatchObject({ created: 2, updated: 0, dryRun: false });
    const list = json(await get('/api/v1/catalogue/consumption?period=2026-10'));
    expect(list.items).toHaveLength(2);
    const plan1 = list.items.find((i: { reference: string }) => i.reference === 'Plan 1');
    // The decimal comma and the space between thousands read; the unit's cost centre and its only
    // account filled in; the activity the file gave.
    expect(plan1).toMatchObject({
      quantity: 1234.5,
      unit: { id: schoolId, name: 'Björkskolan' },
      offering: { id: pages, name: 'Utskrift per sida' },
      costCentre: '4210',
      account: '6540',
      activity: 'P4001',
      counterpart: null,
    });
    const audits = await t.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, t.a.id), eq(auditEvents.entity, 'catalogueConsumptionImport')));
    expect(audits[0]!.n).toBe(1);

    const again = await upload(file);
    expect(json(again)).toMatchObject({ created: 0, updated: 0, unchanged: 2, importId: null });
    const totals = json(await get('/api/v1/catalogue/consumption/totals?period=2026-10'));
    expect(totals.offerings).toEqual([
      { id: pages, name: 'Utskrift per sida', priceUnit: 'page', quantity: 2034.5, units: 1, rows: 2 },
    ]);
  });

  it('replaces the quantities a corrected file names and keeps the rows it does not', async () => {
    const corrected = await upload(
      csv(['Month;Offering;Unit;Quantity;Reference', '2026-10;Utskrift per sida;4210;1300;Plan 1']),
    );
    expect(json(corrected)).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const list = json(await get('/api/v1/catalogue/consumption?period=2026-10'));
    expect(
      list.items.map((i: { reference: string; quantity: number }) => [i.reference, i.quantity]).sort(),
    ).toEqual([
      ['Plan 1', 1300],
      ['Plan 2', 800],
    ]);
    expect(list.items.find((i: { reference: string }) => i.reference === 'Plan 1').version).toBe(2);
  });

  it('refuses a file with every error by line, and writes nothing of it', async () => {
    const before = await rows();
    const bad = await upload(
      csv([
        'Månad;Erbjudande;Enhet;Antal;Konto',
        '2026-13;Utskrift per sida;4210;10;', // no such month
        '2026-11;Skrivarplats;4210;10;', // not measured
        '2026-11;Finns inte;4210;10;',
        '2026-11;Utskrift per sida;9999;10;', // no such unit
        '2026-11;Utskrift per sida;Utan kostnadsställe;10;6540', // no cost centre
        '2026-11;Utskrift per sida;Gymnasiet;10;', // two accounts, none given
        '2026-11;Utskrift per sida;4210;-5;', // negative
        '2026-11;Utskrift per sida;4210;10;6999', // not the unit's account
        '2026-11;Utskrift per sida;4210;10;', // good
        '2026-11;Utskrift per sida;4210;11;', // the same key again
      ]),
    );
    expect(bad.statusCode, bad.body).toBe(400);
    expect(paths(bad)).toEqual([
      'line 2.period',
      'line 3.offering',
      'line 4.offering',
      'line 5.unit',
      'line 6.costCentre',
      'line 7.account',
      'line 8.quantity',
      'line 9.account',
      'line 11.reference',
    ]);
    expect(await rows()).toBe(before);
  });

  it('neutralises a formula in a cell: it is text, never a number or a reference', async () => {
    const bad = await upload(csv(['Månad;Erbjudande;Enhet;Antal', '2026-11;=HYPERLINK("x");4210;10']));
    expect(bad.statusCode).toBe(400);
    expect(json(bad).errors[0].message).toMatch(/No such offering/);
  });

  it('reads an XLSX export as the same rows', async () => {
    const book = new (await excel()).Workbook();
    const sheet = book.addWorksheet('Förbrukning');
    sheet.addRow(['Månad', 'Erbjudande', 'Enhet', 'Antal', 'Skrivare']);
    sheet.addRow(['2026-09', 'Utskrift per sida', '4210', 512.25, 'Plan 1']);
    const body = Buffer.from(await book.xlsx.writeBuffer());
    const r = await upload(
      body,
      '',
      admin,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(r.statusCode, r.body).toBe(200);
    const list = json(await get('/api/v1/catalogue/consumption?period=2026-09'));
    expect(list.items.map((i: { quantity: number }) => i.quantity)).toEqual([512.25]);
  });
});

describe('consumption through the API', () => {
  it('takes a batch by ids with the same rules, errors at body.rows.N', async () => {
    const ok = await send({
      period: '2026-11',
      offeringId: pages,
      rows: [
        { unitId: schoolId, quantity: 100 },
        { unitId: t.a.unitId, quantity: 7.1234, account: '6550', costCentre: undefined },
      ],
    });
    // The walk's unit has no cost centre of its own in this test's tenant: it must be given.
    expect(ok.statusCode, ok.body).toBe(400);
    expect(paths(ok)).toEqual(['body.rows.1.costCentre']);
    const measured = await send({
      period: '2026-11',
      offeringId: fixed,
      rows: [{ unitId: schoolId, quantity: 1 }],
    });
    expect(measured.statusCode).toBe(400);
    expect(paths(measured)).toEqual(['body.offeringId']);
    const decimals = await send({
      period: '2026-11',
      offeringId: pages,
      rows: [{ unitId: schoolId, quantity: 1.00001 }],
    });
    expect(decimals.statusCode).toBe(400);
    expect(paths(decimals)).toEqual(['body.rows.0.quantity']);
    const good = await send({
      period: '2026-12',
      offeringId: pages,
      rows: [{ unitId: schoolId, quantity: 42 }],
    });
    expect(good.statusCode, good.body).toBe(200);
    expect(json(good)).toMatchObject({ created: 1 });
  });

  it('writes each key once when the same month is sent twice at the same time', async () => {
    const body = {
      period: '2026-08',
      offeringId: pages,
      rows: [{ unitId: schoolId, quantity: 300, reference: 'Samtidigt' }],
    };
    const results = await Promise.all([send(body), send(body), send(body)]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(results.reduce((n, r) => n + json(r).created, 0)).toBe(1);
    const stored = await t.db
      .select({ n: count() })
      .from(consumption)
      .where(and(eq(consumption.tenantId, t.a.id), eq(consumption.period, '2026-08')));
    expect(stored[0]!.n).toBe(1);
  });

  it('is the catalogue keepers’ alone, and another tenant sees none of it nor uses its ids', async () => {
    expect((await get('/api/v1/catalogue/consumption?period=2026-10', employee)).statusCode).toBe(403);
    expect((await upload(csv(['Månad;Erbjudande;Enhet;Antal']), '', employee)).statusCode).toBe(403);
    expect(
      (
        await send(
          { period: '2026-10', offeringId: pages, rows: [{ unitId: schoolId, quantity: 1 }] },
          employee,
        )
      ).statusCode,
    ).toBe(403);
    const theirs = json(await get('/api/v1/catalogue/consumption?period=2026-10', bAdmin));
    expect(theirs.items).toEqual([]);
    const totals = json(await get('/api/v1/catalogue/consumption/totals?period=2026-10', bAdmin));
    expect(totals.offerings).toEqual([]);
    // A's offering and unit are unknown in B: nothing written in either.
    const before = await rows(t.b.id);
    const cross = await send(
      { period: '2026-10', offeringId: pages, rows: [{ unitId: schoolId, quantity: 1 }] },
      bAdmin,
    );
    expect(cross.statusCode).toBe(400);
    expect(paths(cross)).toEqual(['body.offeringId', 'body.rows.0.unitId']);
    expect(await rows(t.b.id)).toBe(before);
  });

  it('pages a month by unit name with a cursor, and refuses a bad month', async () => {
    const first = json(await get('/api/v1/catalogue/consumption?period=2026-10&limit=1'));
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = json(
      await get(
        `/api/v1/catalogue/consumption?period=2026-10&limit=1&cursor=${encodeURIComponent(first.nextCursor)}`,
      ),
    );
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    const bad = await get('/api/v1/catalogue/consumption?period=2026-1');
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['querystring.period']);
  });
});

describe('consumption in the month’s run', () => {
  it('charges each imported quantity at the month’s rate card, for a unit in billing mode only', async () => {
    const card = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalogue/rate-cards',
      headers: admin.headers(),
      payload: { offeringId: pages, startsOn: '2026-01-01', periodKind: 'year', internalPrice: 25 },
    });
    expect(card.statusCode, card.body).toBe(201);
    // Gymnasiet used pages too, but stays under quality steering: no line for it.
    const upper = json(await get('/api/v1/units?search=Gymnasiet')).items[0];
    const sent = await send({
      period: '2026-10',
      offeringId: pages,
      rows: [{ unitId: upper.id, quantity: 999, account: '6550' }],
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const billing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalogue/billing-switches',
      headers: admin.headers(),
      payload: { unitId: schoolId, mode: 'billing', fromOn: '2026-01-01' },
    });
    expect(billing.statusCode, billing.body).toBe(201);
    const run = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalogue/runs',
      headers: admin.headers(),
      payload: { period: '2026-10' },
    });
    expect(run.statusCode, run.body).toBeLessThan(300);
    const lines = json(await get(`/api/v1/catalogue/runs/${json(run).id}/lines?limit=200`)).items.filter(
      (l: { source: string }) => l.source === 'consumption',
    );
    expect(
      lines
        .map(
          (l: {
            description: string;
            amount: number;
            unit: { id: string };
            kontering: { account: string };
          }) => [l.description, l.amount, l.unit.id, l.kontering.account],
        )
        .sort(),
    ).toEqual([
      ['Utskrift per sida – Plan 1', 1300 * 25, schoolId, '6540'],
      ['Utskrift per sida – Plan 2', 800 * 25, schoolId, '6540'],
    ]);

    // Locked, the month's consumption no longer changes, by file or by the API.
    const locked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/catalogue/runs/${json(run).id}/lock`,
      headers: admin.headers(),
      payload: { version: json(await get(`/api/v1/catalogue/runs/${json(run).id}`)).version },
    });
    expect(locked.statusCode, locked.body).toBe(200);
    const before = await rows();
    const late = await upload(
      csv(['Månad;Erbjudande;Enhet;Antal;Referens', '2026-10;Utskrift per sida;4210;5;Plan 1']),
    );
    expect(late.statusCode).toBe(400);
    expect(paths(late)).toEqual(['line 2.period']);
    const lateApi = await send({
      period: '2026-10',
      offeringId: pages,
      rows: [
        { unitId: schoolId, quantity: 5, reference: 'Plan 1' },
        { unitId: schoolId, quantity: 6, reference: 'Plan 2' },
      ],
    });
    expect(lateApi.statusCode).toBe(400);
    expect(paths(lateApi)).toEqual(['body.period']);
    expect(await rows()).toBe(before);
  });
});

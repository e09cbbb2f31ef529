import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replacementDue } from '../../../../shared/catalogue/assets.ts';
import * as directory from '../../../platform/directory/service.ts';
import { notifications } from '../../../platform/notifications/schema.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { createService as createDeskService } from '../../desk/services/service.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import * as catalogue from '../offerings/service.ts';
import { assetAssignments, assets } from './schema.ts';
import { activeRentals, createAsset, issueAsset, returnAsset, sweepReplacements } from './service.ts';

// Rental equipment (issue 16 point 3): registering assets, issue/return/scrap with their state
// rules and dates, the assignment history and the chargeback's view of a month, who may keep and
// who may read (a unit's people their own unit's assets), the investment budget against the
// purchases, the replacement sweep telling each keeper once, and the import all or nothing.

let t: TestContext;
let admin: Session;
let strategist: Session;
let economist: Session;
let unitEconomist: Session;
let employee: Session;
let otherEmployee: Session;
let agent: Session;
let reader: Session;
let bAdmin: Session;
let offeringId: string;
let otherUnitId: string;
let employeeId: string;

const URL = '/api/v1/catalogue/assets';
const send = (session: Session, url: string, payload: unknown, method: 'POST' | 'PATCH' | 'PUT' = 'POST') =>
  t.app.inject({ method, url, headers: session.headers(), payload: payload as object });
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });
const paths = (r: { json(): { errors?: { path: string }[] } }) => (r.json().errors ?? []).map((e) => e.path);

let serialNo = 0;
const body = (extra: Record<string, unknown> = {}) => ({
  serial: `SN-${++serialNo}`,
  model: 'Lenovo ThinkPad T14',
  kind: 'computer',
  offeringId,
  purchaseValue: 12_500_00,
  purchasedOn: '2026-01-10',
  depreciationMonths: 48,
  ...extra,
});
const countAssets = async () =>
  (await t.db.select({ n: count() }).from(assets).where(eq(assets.tenantId, t.a.id)))[0]!.n;

beforeAll(async () => {
  t = await createTestContext();
  const actor = t.a.actor;
  const other = await directory.createUnit(t.db, actor, {
    name: 'Annan förvaltning',
    kind: 'department',
    costCentre: '7700',
  });
  otherUnitId = other.id;
  employeeId = (await seedPerson(t.db, t.a, 'employee@a.example', ['employee'])).id;
  const o = await directory.createPerson(t.db, actor, {
    givenName: 'Olle',
    familyName: 'Annan',
    email: 'other-employee@a.example',
    unitId: other.id,
  });
  await directory.grantRole(t.db, actor, { personId: o.id, role: 'employee' });
  const { setPassword } = await import('../../../platform/auth/service.ts');
  const { PASSWORD } = await import('../../../testing.ts');
  await setPassword(t.db, actor, o.id, PASSWORD);
  await seedPerson(t.db, t.a, 'strategist@a.example', ['itStrategist']);
  await seedPerson(t.db, t.a, 'economist@a.example', ['economist']);
  const ue = await seedPerson(t.db, t.a, 'unit-economist@a.example', ['employee']);
  await directory.grantRole(t.db, actor, {
    personId: ue.id,
    role: 'economist',
    scope: 'unit',
    scopeId: other.id,
  });
  await seedPerson(t.db, t.a, 'agent@a.example', ['serviceDeskAgent']);
  await seedPerson(t.db, t.a, 'reader@a.example', ['reader']);
  admin = await signIn(t.app, t.a.adminEmail);
  strategist = await signIn(t.app, 'strategist@a.example');
  economist = await signIn(t.app, 'economist@a.example');
  unitEconomist = await signIn(t.app, 'unit-economist@a.example');
  employee = await signIn(t.app, 'employee@a.example');
  otherEmployee = await signIn(t.app, 'other-employee@a.example');
  agent = await signIn(t.app, 'agent@a.example');
  reader = await signIn(t.app, 'reader@a.example');
  bAdmin = await signIn(t.app, t.b.adminEmail);

  const desk = await createDeskService(t.db, actor, {
    name: 'Dator som tjänst',
    description: null,
    orderable: true,
    orderForm: [],
  });
  const family = await catalogue.createFamily(t.db, actor, { name: 'Arbetsplats' });
  const service = await catalogue.createFamilyService(t.db, actor, {
    deskServiceId: desk.id,
    familyId: family.id,
  });
  offeringId = (
    await catalogue.createOffering(t.db, actor, {
      serviceId: service.id,
      name: 'Dator som tjänst – bärbar dator',
      priceModel: 'perUnitMonthly',
      priceUnit: 'computer',
      approval: 'none',
    })
  ).id;
  await catalogue.createRateCard(t.db, actor, {
    offeringId,
    startsOn: `${todayInStockholm().slice(0, 4)}-01-01`,
    periodKind: 'year',
    internalPrice: 450_00,
  });
});

afterAll(async () => {
  await t?.close();
});

describe('assets: the record', () => {
  it('registers an asset in stock with its replacement date and the rent of its offering', async () => {
    const r = await send(admin, URL, body({ note: 'Till nya lärare' }));
    expect(r.statusCode).toBe(201);
    const a = json(r);
    expect(a).toMatchObject({
      state: 'inStock',
      kind: 'computer',
      offering: { id: offeringId },
      purchaseValue: 12_500_00,
      replacementDueOn: '2030-01-10',
      monthlyRent: 450_00,
      unit: null,
      version: 1,
      note: 'Till nya lärare',
      can: { update: true, issue: true, return: false, scrap: true, archive: true },
    });
    expect((await get(admin, `${URL}/${a.id}`)).json().serial).toBe(a.serial);
  });

  it('changes with the version read; a stale version is 409 and changes nothing', async () => {
    const a = json(await send(admin, URL, body()));
    const r = await send(admin, `${URL}/${a.id}`, { version: 1, depreciationMonths: 36 }, 'PATCH');
    expect(r.statusCode).toBe(200);
    expect(json(r)).toMatchObject({ version: 2, depreciationMonths: 36, replacementDueOn: '2029-01-10' });
    const stale = await send(admin, `${URL}/${a.id}`, { version: 1, model: 'Annan' }, 'PATCH');
    expect(stale.statusCode).toBe(409);
    expect(json(await get(admin, `${URL}/${a.id}`)).model).toBe('Lenovo ThinkPad T14');
  });

  it('refuses a serial number another active asset has (409 naming the field), and allows it once archived', async () => {
    const a = json(await send(admin, URL, body({ serial: 'DUP-1' })));
    const dup = await send(admin, URL, body({ serial: 'DUP-1' }));
    expect(dup.statusCode).toBe(409);
    expect(paths(dup)).toEqual(['body.serial']);
    const archived = await send(admin, `${URL}/${a.id}/archive`, { version: 1, reason: 'Fel registrerad' });
    expect(archived.statusCode).toBe(200);
    expect(json(archived).archivedAt).not.toBeNull();
    const again = await send(admin, URL, body({ serial: 'DUP-1' }));
    expect(again.statusCode).toBe(201);
    // Restoring the first would make two active: 409 naming the serial.
    const restore = await send(admin, `${URL}/${a.id}/restore`, { version: 2 });
    expect(restore.statusCode).toBe(409);
    expect(paths(restore)).toEqual(['body.serial']);
  });

  it('answers bad input with 400 and the field paths, writing nothing', async () => {
    const before = await countAssets();
    const r = await send(admin, URL, {
      serial: '',
      model: 'X',
      kind: 'toaster',
      offeringId: 'nope',
      purchaseValue: -1,
      purchasedOn: '2026-13-01',
      depreciationMonths: 0,
    });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(paths(r).sort()).toEqual(
      [
        'body.depreciationMonths',
        'body.kind',
        'body.offeringId',
        'body.purchaseValue',
        'body.purchasedOn',
        'body.serial',
      ].sort(),
    );
    const unknownOffering = await send(
      admin,
      URL,
      body({ offeringId: '01900000-0000-7000-8000-000000000000' }),
    );
    expect(unknownOffering.statusCode).toBe(400);
    expect(paths(unknownOffering)).toEqual(['body.offeringId']);
    // An offering charged by the hour is no rent.
    const hourly = await catalogue.createOffering(t.db, t.a.actor, {
      serviceId: (await catalogue.getOffering(t.db, t.a.actor, offeringId)).serviceId,
      name: 'Installation per timme',
      priceModel: 'perHour',
      approval: 'none',
    });
    const notRent = await send(admin, URL, body({ offeringId: hourly.id }));
    expect(notRent.statusCode).toBe(400);
    expect(json(notRent).errors).toEqual([
      expect.objectContaining({
        path: 'body.offeringId',
        message: 'The offering is not priced by the month',
      }),
    ]);
    expect(await countAssets()).toBe(before);
  });

  it('lists by serial with keyset pages, filters and search', async () => {
    for (let i = 0; i < 3; i++)
      await send(admin, URL, body({ serial: `LIST-${i}`, model: `Listmodell ${i}`, kind: 'screen' }));
    const first = json(await get(admin, `${URL}?search=listmodell&limit=2`));
    expect(first.items.map((a: { serial: string }) => a.serial)).toEqual(['LIST-0', 'LIST-1']);
    const second = json(await get(admin, `${URL}?search=listmodell&limit=2&cursor=${first.nextCursor}`));
    expect(second.items.map((a: { serial: string }) => a.serial)).toEqual(['LIST-2']);
    expect(second.nextCursor).toBeNull();
    const screens = json(await get(admin, `${URL}?kind=screen&state=inStock&offeringId=${offeringId}`));
    expect(screens.items.length).toBeGreaterThanOrEqual(3);
    expect(screens.items.every((a: { kind: string }) => a.kind === 'screen')).toBe(true);
    expect((await get(admin, `${URL}?state=lost`)).statusCode).toBe(400);
  });

  it('reads a page in the same few statements however many rows it holds (no N+1)', async () => {
    const statements = async (url: string) => {
      await get(admin, url); // warm the principal cache
      const before = t.database.queryCount;
      expect((await get(admin, url)).statusCode).toBe(200);
      return t.database.queryCount - before;
    };
    for (let i = 0; i < 2; i++) await send(admin, URL, body({ serial: `NQ-A-${i}` }));
    for (let i = 0; i < 25; i++) await send(admin, URL, body({ serial: `NQ-B-${i}` }));
    const few = await statements(`${URL}?search=NQ-A`);
    const many = await statements(`${URL}?search=NQ-B`);
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(4);
    // A unit's person: the units they may see cost two statements (their unit, the units under
    // their grants), not one per row.
    for (let i = 0; i < 5; i++) {
      const a = json(await send(admin, URL, body({ serial: `NQ-C-${i}` })));
      await send(admin, `${URL}/${a.id}/issue`, { version: 1, unitId: t.a.unitId, on: '2026-02-01' });
    }
    const statementsAs = async (session: Session, url: string) => {
      await get(session, url);
      const before = t.database.queryCount;
      const r = await get(session, url);
      expect(json(r).items).toHaveLength(5);
      return t.database.queryCount - before;
    };
    expect(await statementsAs(employee, `${URL}?search=NQ-C`)).toBeLessThanOrEqual(few + 2);
  });

  it("gives tenant B's admin 404 for A's asset on every route, and an empty list", async () => {
    const a = json(await send(admin, URL, body({ serial: 'SECRET-A' })));
    expect((await get(bAdmin, `${URL}/${a.id}`)).statusCode).toBe(404);
    expect((await send(bAdmin, `${URL}/${a.id}`, { version: 1, model: 'B' }, 'PATCH')).statusCode).toBe(404);
    expect((await send(bAdmin, `${URL}/${a.id}/archive`, { version: 1, reason: 'B' })).statusCode).toBe(404);
    expect(
      (await send(bAdmin, `${URL}/${a.id}/issue`, { version: 1, unitId: t.b.unitId, on: '2026-02-01' }))
        .statusCode,
    ).toBe(404);
    expect((await send(bAdmin, `${URL}/${a.id}/return`, { version: 1, on: '2026-02-01' })).statusCode).toBe(
      404,
    );
    expect(
      (await send(bAdmin, `${URL}/${a.id}/scrap`, { version: 1, on: '2026-02-01', reason: 'B' })).statusCode,
    ).toBe(404);
    const list = await get(bAdmin, `${URL}?search=SECRET`);
    expect(json(list).items).toEqual([]);
    // B cannot register an asset on A's offering either.
    const cross = await send(bAdmin, URL, body());
    expect(cross.statusCode).toBe(400);
    expect(paths(cross)).toEqual(['body.offeringId']);
  });
});

describe('assets: who may', () => {
  it('lets the keepers write (admin, tenant-wide IT-strateg and ekonom) and refuses everyone else 403', async () => {
    expect((await send(strategist, URL, body())).statusCode).toBe(201);
    expect((await send(economist, URL, body())).statusCode).toBe(201);
    const a = json(await send(admin, URL, body()));
    for (const who of [employee, unitEconomist, agent, reader]) {
      const before = await countAssets();
      expect((await send(who, URL, body())).statusCode).toBe(403);
      expect((await send(who, `${URL}/${a.id}`, { version: 1, model: 'X' }, 'PATCH')).statusCode).toBe(403);
      expect(
        (await send(who, `${URL}/${a.id}/issue`, { version: 1, unitId: t.a.unitId, on: '2026-02-01' }))
          .statusCode,
      ).toBe(403);
      expect((await send(who, `${URL}/${a.id}/return`, { version: 1, on: '2026-02-01' })).statusCode).toBe(
        403,
      );
      expect(
        (await send(who, `${URL}/${a.id}/scrap`, { version: 1, on: '2026-02-01', reason: 'x' })).statusCode,
      ).toBe(403);
      expect((await send(who, `${URL}/${a.id}/archive`, { version: 1, reason: 'x' })).statusCode).toBe(403);
      expect((await get(who, `${URL}/investments?year=2026`)).statusCode).toBe(403);
      expect(
        (await send(who, '/api/v1/catalogue/investment-budgets/2026', { amount: 1 }, 'PUT')).statusCode,
      ).toBe(403);
      expect(await countAssets()).toBe(before);
    }
  });

  it("shows a unit's people their own unit's assets and what they hold, and nothing else", async () => {
    const mine = json(await send(admin, URL, body({ serial: 'OWN-1' })));
    await send(admin, `${URL}/${mine.id}/issue`, { version: 1, unitId: t.a.unitId, on: '2026-02-01' });
    const theirs = json(await send(admin, URL, body({ serial: 'OWN-2' })));
    await send(admin, `${URL}/${theirs.id}/issue`, { version: 1, unitId: otherUnitId, on: '2026-02-01' });
    const held = json(await send(admin, URL, body({ serial: 'OWN-3' })));
    await send(admin, `${URL}/${held.id}/issue`, {
      version: 1,
      unitId: otherUnitId,
      personId: employeeId,
      on: '2026-02-01',
    });

    const seen = (s: Session) =>
      get(s, `${URL}?search=OWN-`).then((r) => json(r).items.map((a: { serial: string }) => a.serial));
    expect(await seen(employee)).toEqual(['OWN-1', 'OWN-3']);
    expect(await seen(otherEmployee)).toEqual(['OWN-2', 'OWN-3']);
    // The unit's ekonom sees the unit's assets, as its people do.
    expect(await seen(unitEconomist)).toContain('OWN-2');
    expect(await seen(admin)).toEqual(['OWN-1', 'OWN-2', 'OWN-3']);
    expect((await get(employee, `${URL}/${theirs.id}`)).statusCode).toBe(404);
    const own = json(await get(employee, `${URL}/${mine.id}`));
    expect(own.can).toMatchObject({ update: false, issue: false, return: false });
    // Stock (no unit) is the keepers' only.
    const stock = json(await send(admin, URL, body({ serial: 'OWN-4' })));
    expect((await get(employee, `${URL}/${stock.id}`)).statusCode).toBe(404);
  });
});

describe('assets: states', () => {
  it('issues, returns, issues again and scraps, keeping who held it when', async () => {
    const a = json(await send(admin, URL, body({ purchasedOn: '2026-01-05' })));
    const issued = await send(admin, `${URL}/${a.id}/issue`, {
      version: 1,
      unitId: t.a.unitId,
      personId: employeeId,
      on: '2026-01-10',
    });
    expect(issued.statusCode).toBe(200);
    expect(json(issued)).toMatchObject({
      state: 'issued',
      unit: { id: t.a.unitId },
      person: { id: employeeId },
      issuedOn: '2026-01-10',
      version: 2,
      can: { issue: false, return: true, scrap: false, archive: false },
    });
    // Impossible from issued: issue again, scrap, archive.
    expect(
      (await send(admin, `${URL}/${a.id}/issue`, { version: 2, unitId: t.a.unitId, on: '2026-01-11' }))
        .statusCode,
    ).toBe(409);
    const scrapIssued = await send(admin, `${URL}/${a.id}/scrap`, {
      version: 2,
      on: '2026-02-01',
      reason: 'x',
    });
    expect(scrapIssued.statusCode).toBe(409);
    expect(scrapIssued.json().title ?? scrapIssued.json().detail).toBeTruthy();
    expect((await send(admin, `${URL}/${a.id}/archive`, { version: 2, reason: 'x' })).statusCode).toBe(409);
    // A return before the issue is 400 naming the date; a stale version 409.
    const early = await send(admin, `${URL}/${a.id}/return`, { version: 2, on: '2026-01-09' });
    expect(early.statusCode).toBe(400);
    expect(paths(early)).toEqual(['body.on']);
    expect((await send(admin, `${URL}/${a.id}/return`, { version: 1, on: '2026-03-15' })).statusCode).toBe(
      409,
    );

    const returned = await send(admin, `${URL}/${a.id}/return`, { version: 2, on: '2026-03-15' });
    expect(json(returned)).toMatchObject({
      state: 'returned',
      unit: null,
      person: null,
      returnedOn: '2026-03-15',
    });
    expect((await send(admin, `${URL}/${a.id}/return`, { version: 3, on: '2026-03-16' })).statusCode).toBe(
      409,
    );
    // Issued again to another unit, not overlapping the last period.
    const overlap = await send(admin, `${URL}/${a.id}/issue`, {
      version: 3,
      unitId: otherUnitId,
      on: '2026-03-15',
    });
    expect(overlap.statusCode).toBe(400);
    const again = await send(admin, `${URL}/${a.id}/issue`, {
      version: 3,
      unitId: otherUnitId,
      on: '2026-04-01',
    });
    expect(json(again)).toMatchObject({ state: 'issued', unit: { id: otherUnitId }, person: null });
    await send(admin, `${URL}/${a.id}/return`, { version: 4, on: '2026-06-30' });
    const scrapped = await send(admin, `${URL}/${a.id}/scrap`, {
      version: 5,
      on: '2026-07-01',
      reason: 'Trasig skärm',
    });
    expect(json(scrapped)).toMatchObject({
      state: 'scrapped',
      scrappedOn: '2026-07-01',
      scrapReason: 'Trasig skärm',
    });
    expect(
      (await send(admin, `${URL}/${a.id}/issue`, { version: 6, unitId: t.a.unitId, on: '2026-08-01' }))
        .statusCode,
    ).toBe(409);

    const history = json(await get(admin, `${URL}/${a.id}`)).assignments;
    expect(history).toEqual([
      expect.objectContaining({
        unit: expect.objectContaining({ id: otherUnitId }),
        fromOn: '2026-04-01',
        toOn: '2026-06-30',
      }),
      expect.objectContaining({
        unit: expect.objectContaining({ id: t.a.unitId }),
        person: expect.objectContaining({ id: employeeId }),
        fromOn: '2026-01-10',
        toOn: '2026-03-15',
      }),
    ]);
  });

  it('audits every change, and keeps the purchase on or before the first issue', async () => {
    const a = json(await send(admin, URL, body({ purchasedOn: '2026-01-05' })));
    await send(admin, `${URL}/${a.id}/issue`, { version: 1, unitId: t.a.unitId, on: '2026-01-10' });
    await send(admin, `${URL}/${a.id}/return`, { version: 2, on: '2026-02-10' });
    await send(admin, `${URL}/${a.id}/issue`, { version: 3, unitId: t.a.unitId, on: '2026-03-01' });
    const late = await send(admin, `${URL}/${a.id}`, { version: 4, purchasedOn: '2026-02-01' }, 'PATCH');
    expect(late.statusCode).toBe(400);
    expect(paths(late)).toEqual(['body.purchasedOn']);
    expect(
      (await send(admin, `${URL}/${a.id}`, { version: 4, purchasedOn: '2026-01-01' }, 'PATCH')).statusCode,
    ).toBe(200);
    const { auditEvents } = await import('../../../platform/audit/schema.ts');
    const trail = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, t.a.id), eq(auditEvents.entityId, a.id)));
    expect(trail.map((e) => e.action).sort()).toEqual(
      ['create', 'issue', 'issue', 'return', 'update'].sort(),
    );
  });

  it('refuses an issue to a unit of another tenant or an archived one, writing nothing', async () => {
    const a = json(await send(admin, URL, body()));
    const r = await send(admin, `${URL}/${a.id}/issue`, { version: 1, unitId: t.b.unitId, on: '2026-02-01' });
    expect(r.statusCode).toBe(400);
    expect(paths(r)).toEqual(['body.unitId']);
    const bad = await send(admin, `${URL}/${a.id}/issue`, { version: 1, unitId: 'x', on: 'tomorrow' });
    expect(paths(bad).sort()).toEqual(['body.on', 'body.unitId']);
    const rows = await t.db
      .select({ n: count() })
      .from(assetAssignments)
      .where(and(eq(assetAssignments.tenantId, t.a.id), eq(assetAssignments.assetId, a.id)));
    expect(rows[0]!.n).toBe(0);
    expect(json(await get(admin, `${URL}/${a.id}`))).toMatchObject({ state: 'inStock', version: 1 });
  });
});

describe('assets: the chargeback month', () => {
  it('answers each assignment overlapping the month, clipped to it', async () => {
    const actor = t.a.actor;
    const mk = (serial: string) =>
      createAsset(t.db, actor, {
        serial,
        model: 'M',
        kind: 'computer',
        offeringId,
        purchaseValue: 1,
        purchasedOn: '2025-01-01',
        depreciationMonths: 48,
      });
    const whole = await mk('CB-1'); // issued before the month, still held
    await issueAsset(t.db, actor, whole.id, { version: 1, unitId: t.a.unitId, on: '2025-12-01' });
    const moved = await mk('CB-2'); // returned mid-month, issued to another unit later in it
    await issueAsset(t.db, actor, moved.id, { version: 1, unitId: t.a.unitId, on: '2026-01-20' });
    await returnAsset(t.db, actor, moved.id, { version: 2, on: '2026-02-10' });
    await issueAsset(t.db, actor, moved.id, {
      version: 3,
      unitId: otherUnitId,
      personId: employeeId,
      on: '2026-02-15',
    });
    const before = await mk('CB-3'); // returned before the month
    await issueAsset(t.db, actor, before.id, { version: 1, unitId: t.a.unitId, on: '2025-06-01' });
    await returnAsset(t.db, actor, before.id, { version: 2, on: '2026-01-31' });
    const after = await mk('CB-4'); // issued after it
    await issueAsset(t.db, actor, after.id, { version: 1, unitId: t.a.unitId, on: '2026-03-01' });
    const lastDay = await mk('CB-5'); // returned on the month's first day
    await issueAsset(t.db, actor, lastDay.id, { version: 1, unitId: t.a.unitId, on: '2026-01-01' });
    await returnAsset(t.db, actor, lastDay.id, { version: 2, on: '2026-02-01' });

    const rentals = (await activeRentals(t.db, t.a.id, '2026-02-01', '2026-02-28')).filter((r) =>
      r.serial.startsWith('CB-'),
    );
    expect(rentals).toEqual([
      {
        assetId: whole.id,
        serial: 'CB-1',
        offeringId,
        unitId: t.a.unitId,
        personId: null,
        fromOn: '2026-02-01',
        toOn: '2026-02-28',
      },
      {
        assetId: moved.id,
        serial: 'CB-2',
        offeringId,
        unitId: t.a.unitId,
        personId: null,
        fromOn: '2026-02-01',
        toOn: '2026-02-10',
      },
      {
        assetId: moved.id,
        serial: 'CB-2',
        offeringId,
        unitId: otherUnitId,
        personId: employeeId,
        fromOn: '2026-02-15',
        toOn: '2026-02-28',
      },
      {
        assetId: lastDay.id,
        serial: 'CB-5',
        offeringId,
        unitId: t.a.unitId,
        personId: null,
        fromOn: '2026-02-01',
        toOn: '2026-02-01',
      },
    ]);
    expect(await activeRentals(t.db, t.b.id, '2026-02-01', '2026-02-28')).toEqual([]);
  });
});

describe('assets: the investment budget', () => {
  it('sets a year, refuses a stale version, and answers the year against what was bought in it', async () => {
    const y = '/api/v1/catalogue/investment-budgets/2024';
    expect((await get(admin, y)).statusCode).toBe(404);
    const set = await send(admin, y, { amount: 100_000_00, note: 'KF' }, 'PUT');
    expect(set.statusCode).toBe(200);
    expect(json(set)).toMatchObject({ year: 2024, amount: 100_000_00, version: 1 });
    expect((await send(admin, y, { amount: 1 }, 'PUT')).statusCode).toBe(409);
    expect((await send(admin, y, { version: 2, amount: 1 }, 'PUT')).statusCode).toBe(409);
    expect(json(await send(economist, y, { version: 1, amount: 90_000_00 }, 'PUT'))).toMatchObject({
      version: 2,
    });
    const bad = await send(admin, y, { version: 2, amount: -5 }, 'PUT');
    expect(paths(bad)).toEqual(['body.amount']);
    expect(
      (await send(admin, '/api/v1/catalogue/investment-budgets/1800', { amount: 1 }, 'PUT')).statusCode,
    ).toBe(400);

    await send(admin, URL, body({ purchasedOn: '2024-03-01', purchaseValue: 12_000_00 }));
    await send(admin, URL, body({ purchasedOn: '2024-12-31', purchaseValue: 13_000_00 }));
    await send(admin, URL, body({ purchasedOn: '2024-05-01', purchaseValue: 3_000_00, kind: 'screen' }));
    await send(admin, URL, body({ purchasedOn: '2025-01-01', purchaseValue: 99_000_00 }));
    const archived = json(
      await send(admin, URL, body({ purchasedOn: '2024-06-01', purchaseValue: 50_000_00 })),
    );
    await send(admin, `${URL}/${archived.id}/archive`, { version: 1, reason: 'Dubblett' });

    const figures = json(await get(admin, `${URL}/investments?year=2024`));
    expect(figures).toMatchObject({
      year: 2024,
      budget: { amount: 90_000_00, version: 2 },
      purchased: 28_000_00,
      remaining: 62_000_00,
    });
    expect(figures.byKind.find((k: { kind: string }) => k.kind === 'computer')).toEqual({
      kind: 'computer',
      count: 2,
      purchased: 25_000_00,
    });
    expect(figures.byKind.find((k: { kind: string }) => k.kind === 'screen')).toMatchObject({ count: 1 });
    const none = json(await get(admin, `${URL}/investments?year=2023`));
    expect(none).toMatchObject({ budget: null, purchased: 0, remaining: null });
    expect(json(await get(bAdmin, `${URL}/investments?year=2024`))).toMatchObject({
      budget: null,
      purchased: 0,
    });
  });
});

describe('assets: replacement reminders', () => {
  it('tells each keeper once per asset and replacement date, however often the sweep runs', async () => {
    const today = '2026-06-01';
    // Due in 60 days (told), in 200 days (not yet), and one scrapped (never).
    const soon = json(
      await send(admin, URL, body({ serial: 'DUE-1', purchasedOn: '2022-07-31', depreciationMonths: 48 })),
    );
    expect(soon.replacementDueOn).toBe(replacementDue('2022-07-31', 48));
    await send(admin, URL, body({ serial: 'DUE-2', purchasedOn: '2023-01-01', depreciationMonths: 48 }));
    const gone = json(await send(admin, URL, body({ serial: 'DUE-3', purchasedOn: '2022-01-01' })));
    await send(admin, `${URL}/${gone.id}/scrap`, { version: 1, on: '2026-01-01', reason: 'Såld' });
    const due = json(await get(admin, `${URL}?dueBefore=2026-08-30&search=DUE-`));
    expect(due.items.map((a: { serial: string }) => a.serial)).toEqual(['DUE-1']);

    const told = async (assetId: string) =>
      (
        await t.db
          .select({ n: count() })
          .from(notifications)
          .where(and(eq(notifications.tenantId, t.a.id), eq(notifications.recordId, assetId)))
      )[0]!.n;
    await sweepReplacements(t.db, today);
    // The keepers: the admin, the IT-strateg and the tenant-wide ekonom.
    expect(await told(soon.id)).toBe(3);
    await sweepReplacements(t.db, today);
    await sweepReplacements(t.db, '2026-06-02');
    expect(await told(soon.id)).toBe(3);
    expect(await told(gone.id)).toBe(0);

    // A new depreciation makes a new date: told again, once.
    await send(admin, `${URL}/${soon.id}`, { version: 1, depreciationMonths: 47 }, 'PATCH');
    await sweepReplacements(t.db, today);
    await sweepReplacements(t.db, today);
    expect(await told(soon.id)).toBe(6);
    // Nothing reaches tenant B.
    const bCount = await t.db
      .select({ n: count() })
      .from(notifications)
      .where(eq(notifications.tenantId, t.b.id));
    expect(bCount[0]!.n).toBe(0);
  });
});

describe('assets: the daily job', () => {
  it('is scheduled every morning and sweeps every tenant when it runs', async () => {
    const job = t.app.seam.jobs.find((j) => j.name === 'catalogue.asset-replacements');
    expect(job?.schedule?.cron).toBe('50 5 * * *');
    // An asset written off today (purchased 48 months back) in tenant B: the run tells B's admin.
    const bOffering = await (async () => {
      const actor = t.b.actor;
      const desk = await createDeskService(t.db, actor, {
        name: 'Dator',
        description: null,
        orderable: true,
        orderForm: [],
      });
      const family = await catalogue.createFamily(t.db, actor, { name: 'Arbetsplats' });
      const service = await catalogue.createFamilyService(t.db, actor, {
        deskServiceId: desk.id,
        familyId: family.id,
      });
      return catalogue.createOffering(t.db, actor, {
        serviceId: service.id,
        name: 'Dator som tjänst',
        priceModel: 'perUnitMonthly',
        priceUnit: 'computer',
        approval: 'none',
      });
    })();
    const today = todayInStockholm();
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const purchasedOn = `${y - 4}-${String(m).padStart(2, '0')}-${String(Math.min(d, 28)).padStart(2, '0')}`;
    const old = await createAsset(t.db, t.b.actor, {
      serial: 'B-OLD',
      model: 'Gammal',
      kind: 'computer',
      offeringId: bOffering.id,
      purchaseValue: 1,
      purchasedOn,
      depreciationMonths: 48,
    });
    const logged: unknown[] = [];
    const log = { info: (o: object) => logged.push(o), warn: () => {}, error: () => {} };
    const run = () =>
      job!.handler({}, { database: t.database, log, jobs: undefined as never, id: 'test', attempt: 0 });
    await run();
    await run();
    const told = await t.db
      .select({ personId: notifications.personId })
      .from(notifications)
      .where(and(eq(notifications.tenantId, t.b.id), eq(notifications.recordId, old.id)));
    expect(told.map((n) => n.personId)).toEqual([t.b.adminId]);
  });
});

describe('assets: import and export', () => {
  const csv = (rows: string[]) =>
    `serienummer;modell;typ;erbjudande;inköpsvärde (kr);inköpsdatum;avskrivning (månader);enhet;person (e-post);status\n${rows.join('\n')}\n`;
  const upload = (session: Session, text: string, query = '') =>
    t.app.inject({
      method: 'POST',
      url: `${URL}/import${query}`,
      headers: session.headers({ 'content-type': 'text/csv' }),
      payload: text,
    });
  const offeringName = 'Dator som tjänst – bärbar dator';

  it('reports every bad row with its line and writes nothing', async () => {
    const before = await countAssets();
    const r = await upload(
      admin,
      csv([
        `IMP-1;Dell;dator;${offeringName};12 500;2026-01-01;48;;;i lager`,
        `IMP-1;Dell;dator;${offeringName};12500;2026-01-01;48;;;i lager`,
        `IMP-2;Dell;brödrost;Finns inte;tolv;2026-02-30;0;Ingen enhet;nobody@a.example;utlämnad`,
        `IMP-3;Dell;dator;${offeringName};100;2026-01-01;48;;;skrotad`,
        `IMP-4;Dell;skärm;${offeringName};100;2026-01-01;48;;;utlämnad`,
        'IMP-5;Dell;dator;Installation per timme;100;2026-01-01;48;;;i lager',
      ]),
    );
    expect(r.statusCode).toBe(400);
    expect(paths(r)).toEqual(
      expect.arrayContaining([
        'line 3.serial',
        'line 4.kind',
        'line 4.offering',
        'line 4.purchaseValue',
        'line 4.purchasedOn',
        'line 4.depreciationMonths',
        'line 4.unit',
        'line 4.person',
        'line 5.state',
        'line 6.unit',
        'line 7.offering',
      ]),
    );
    expect(await countAssets()).toBe(before);
    expect((await upload(employee, csv([]))).statusCode).toBe(403);
  });

  it('registers the rows, issuing those handed out from their purchase date; a dry run counts only', async () => {
    const rows = csv([
      `IMP-10;HP EliteBook;dator;${offeringName};12 500,50;2026-01-01;48;7700;employee@a.example;utlämnad`,
      `IMP-11;Dell P2723;skärm;${offeringName.toUpperCase()};3200;2026-02-01;36;;;i lager`,
    ]);
    const before = await countAssets();
    const dry = await upload(admin, rows, '?dryRun=true');
    expect(json(dry)).toMatchObject({ created: 2, dryRun: true });
    expect(await countAssets()).toBe(before);
    const r = await upload(admin, rows);
    expect(json(r)).toMatchObject({ created: 2, updated: 0, dryRun: false });
    const list = json(await get(admin, `${URL}?search=IMP-1`)).items;
    expect(list.find((a: { serial: string }) => a.serial === 'IMP-10')).toMatchObject({
      state: 'issued',
      purchaseValue: 12_500_50,
      unit: { id: otherUnitId },
      person: { id: employeeId },
      issuedOn: '2026-01-01',
    });
    expect(list.find((a: { serial: string }) => a.serial === 'IMP-11')).toMatchObject({
      state: 'inStock',
      kind: 'screen',
      depreciationMonths: 36,
    });
    // The same file again: the serials are taken.
    const again = await upload(admin, rows);
    expect(paths(again)).toEqual(['line 2.serial', 'line 3.serial']);
  });

  it('exports the filtered list with formula-like cells neutralised, in a form the import reads', async () => {
    await send(admin, URL, body({ serial: '=HYPERLINK("x")', model: '@SUM(A1)' }));
    const r = await get(admin, `${URL}/export?format=csv&search=HYPERLINK`);
    expect(r.statusCode).toBe(200);
    const text = r.body.replace(/^\uFEFF/, '');
    const [header, row] = text.trim().split(/\r?\n/);
    expect(header).toBe(
      'serienummer;modell;typ;erbjudande;inköpsvärde (kr);inköpsdatum;avskrivning (månader);enhet;person (e-post);status',
    );
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    expect(row).toContain("'@SUM(A1)");
    expect(row).toContain('12500,00');
    expect(row).toContain('i lager');
    const xlsx = await get(admin, `${URL}/export?format=xlsx&search=HYPERLINK`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});

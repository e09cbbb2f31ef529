import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthsFrom } from '../../../../shared/registry/contracts.ts';
import * as directory from '../../../platform/directory/service.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { todayInStockholm } from './reminders.ts';

// Suppliers, contracts, licences and costs through the real app and database: validation, filters,
// versions, the split of costs, and that tenant B sees none of tenant A's.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let employee: Session;
let supplierId: string;
let systemId: string;
let otherSystemId: string;
let ownerId: string;

const today = todayInStockholm();
const inMonths = (n: number) => monthsFrom(today, n);

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  await seedPerson(t.db, t.a, 'employee@a.example', ['employee']);
  employee = await signIn(t.app, 'employee@a.example');
  ownerId = (await seedPerson(t.db, t.a, 'agare@a.example', ['reader'])).id;
  supplierId = json(
    await post(admin, '/api/v1/suppliers', { name: 'Visma Enterprise AB', orgNumber: '5561795054' }),
  ).id;
  systemId = json(
    await post(admin, '/api/v1/systems', {
      name: 'Ekonomisystemet',
      scope: 'shared',
      usingUnits: [{ unitId: t.a.unitId, users: 10 }],
    }),
  ).id;
  otherSystemId = json(await post(admin, '/api/v1/systems', { name: 'Diariet', scope: 'shared' })).id;
});
afterAll(() => t.close());

function post(session: Session, url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url, headers: session.headers(), payload: payload as object });
}
function patch(session: Session, url: string, payload: unknown) {
  return t.app.inject({ method: 'PATCH', url, headers: session.headers(), payload: payload as object });
}
function put(session: Session, url: string, payload: unknown) {
  return t.app.inject({ method: 'PUT', url, headers: session.headers(), payload: payload as object });
}
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });
const paths = (response: { json(): { errors?: { path: string }[] } }) =>
  (response.json().errors ?? []).map((e) => e.path);

describe('suppliers', () => {
  it('validates and normalises the organisationsnummer, and keeps it unique among active suppliers', async () => {
    const bad = await post(admin, '/api/v1/suppliers', { name: 'Fel AB', orgNumber: '556016-0681' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['body.orgNumber']);

    const created = await post(admin, '/api/v1/suppliers', {
      name: 'Formpipe Software AB',
      orgNumber: '5566686605',
      email: 'Avtal@Formpipe.example',
      website: 'https://formpipe.example',
      contactPerson: 'Kim Kundansvarig',
    });
    expect(created.statusCode).toBe(201);
    const formpipe = json(created);
    expect(formpipe).toMatchObject({ orgNumber: '556668-6605', email: 'avtal@formpipe.example', version: 1 });

    // The same number written another way is the same number.
    const twice = await post(admin, '/api/v1/suppliers', { name: 'Formpipe igen', orgNumber: '556668-6605' });
    expect(twice.statusCode).toBe(409);
    expect(paths(twice)).toEqual(['body.orgNumber']);

    // Archived, its number is free; restoring it while another has the number is refused.
    const archived = await post(admin, `/api/v1/suppliers/${formpipe.id}/archive`, {
      version: 1,
      reason: 'Fel',
    });
    expect(archived.statusCode).toBe(200);
    const again = await post(admin, '/api/v1/suppliers', { name: 'Formpipe AB', orgNumber: '556668-6605' });
    expect(again.statusCode).toBe(201);
    const restore = await post(admin, `/api/v1/suppliers/${formpipe.id}/restore`, { version: 2 });
    expect(restore.statusCode).toBe(409);
    expect(paths(restore)).toEqual(['body.orgNumber']);

    // In another tenant the number is free.
    const inB = await post(bAdmin, '/api/v1/suppliers', { name: 'Formpipe B', orgNumber: '556668-6605' });
    expect(inB.statusCode).toBe(201);

    const stale = await patch(admin, `/api/v1/suppliers/${json(again).id}`, { version: 5, phone: '08-1' });
    expect(stale.statusCode).toBe(409);
    const changed = await patch(admin, `/api/v1/suppliers/${json(again).id}`, {
      version: 1,
      phone: '08-12 34',
    });
    expect(json(changed)).toMatchObject({ phone: '08-12 34', version: 2 });

    // Search by name or by number without its hyphen.
    const byNumber = json(await get(admin, '/api/v1/suppliers?search=5566686605'));
    expect(byNumber.items.map((s: { name: string }) => s.name)).toEqual(['Formpipe AB']);
    const exported = await get(admin, '/api/v1/suppliers/export?format=csv&search=formpipe');
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain('556668-6605');
    expect(exported.body).not.toContain('Formpipe B');

    // Tenant B neither sees nor changes A's.
    expect((await get(bAdmin, `/api/v1/suppliers/${supplierId}`)).statusCode).toBe(404);
    expect(
      (await patch(bAdmin, `/api/v1/suppliers/${supplierId}`, { version: 1, name: 'X' })).statusCode,
    ).toBe(404);
    expect(JSON.stringify(json(await get(bAdmin, '/api/v1/suppliers')))).not.toContain('Visma');
    expect((await post(employee, '/api/v1/suppliers', { name: 'Nej AB' })).statusCode).toBe(403);
  });
});

describe('contracts', () => {
  const base = () => ({
    supplierId,
    title: 'Ekonomisystem drift',
    startsOn: '2022-01-01',
    endsOn: '2027-03-31',
    noticeMonths: 1,
    ownerId,
    systemIds: [systemId],
  });

  it('derives and stores the notice deadline, and refuses dates that do not fit', async () => {
    const created = await post(admin, '/api/v1/contracts', { ...base(), annualValue: 250_000_000 });
    expect(created.statusCode).toBe(201);
    // 31 March minus one month: the end of February.
    expect(json(created)).toMatchObject({
      noticeDeadline: '2027-02-28',
      supplierName: 'Visma Enterprise AB',
      systemIds: [systemId],
      dpaStatus: 'none',
      noticeReminderDays: 90,
      endReminderDays: 60,
      annualValue: 250_000_000,
    });
    const id = json(created).id;

    const endBefore = await post(admin, '/api/v1/contracts', { ...base(), endsOn: '2021-12-31' });
    expect(endBefore.statusCode).toBe(400);
    expect(paths(endBefore)).toEqual(['body.endsOn']);
    const longNotice = await post(admin, '/api/v1/contracts', {
      ...base(),
      endsOn: '2022-03-01',
      noticeMonths: 6,
    });
    expect(paths(longNotice)).toEqual(['body.noticeMonths']);
    const extension = await post(admin, '/api/v1/contracts', { ...base(), extendableUntil: '2026-01-01' });
    expect(paths(extension)).toEqual(['body.extendableUntil']);
    const dpaDate = await post(admin, '/api/v1/contracts', { ...base(), dpaSignedOn: '2022-01-01' });
    expect(paths(dpaDate)).toEqual(['body.dpaSignedOn']);

    // Changing the end date moves the deadline; a stale version changes nothing.
    const changed = await patch(admin, `/api/v1/contracts/${id}`, {
      version: 1,
      endsOn: '2028-06-30',
      noticeMonths: 6,
    });
    expect(json(changed)).toMatchObject({ noticeDeadline: '2027-12-30', version: 2 });
    const stale = await patch(admin, `/api/v1/contracts/${id}`, { version: 1, title: 'Gammalt' });
    expect(stale.statusCode).toBe(409);
    // A change that would put the end before the start (start moved) is refused on the merged record.
    const late = await patch(admin, `/api/v1/contracts/${id}`, { version: 2, startsOn: '2029-01-01' });
    expect(paths(late)).toEqual(['body.endsOn']);
    expect(json(await get(admin, `/api/v1/contracts/${id}`))).toMatchObject({
      title: 'Ekonomisystem drift',
      version: 2,
    });
  });

  it("refuses another tenant's supplier, system and person, naming the field", async () => {
    const bSupplier = json(await post(bAdmin, '/api/v1/suppliers', { name: 'Grannens leverantör AB' })).id;
    const bSystem = json(
      await post(bAdmin, '/api/v1/systems', { name: 'Grannens system', scope: 'shared' }),
    ).id;
    const cases: [Record<string, unknown>, string][] = [
      [{ supplierId: bSupplier }, 'body.supplierId'],
      [{ systemIds: [systemId, bSystem] }, 'body.systemIds.1'],
      [{ ownerId: t.b.adminId }, 'body.ownerId'],
      [{ systemIds: [systemId, systemId] }, 'body.systemIds.1'],
    ];
    for (const [change, path] of cases) {
      const response = await post(admin, '/api/v1/contracts', { ...base(), ...change });
      expect(response.statusCode, path).toBe(400);
      expect(paths(response)).toEqual([path]);
    }
    // B's admin cannot reach A's contract either way.
    const id = json(await post(admin, '/api/v1/contracts', base())).id;
    expect((await get(bAdmin, `/api/v1/contracts/${id}`)).statusCode).toBe(404);
    expect((await patch(bAdmin, `/api/v1/contracts/${id}`, { version: 1, title: 'X' })).statusCode).toBe(404);
    expect((await post(bAdmin, '/api/v1/contracts', { ...base(), supplierId })).statusCode).toBe(400);
    expect(JSON.stringify(json(await get(bAdmin, '/api/v1/contracts?limit=200')))).not.toContain(id);
    // An employee reads no contracts and writes none.
    expect((await get(employee, '/api/v1/contracts')).statusCode).toBe(403);
    expect((await post(employee, '/api/v1/contracts', base())).statusCode).toBe(403);
  });

  it('filters by supplier, system, owner, end within months and missing DPA; pages by keyset; exports', async () => {
    const other = json(
      await post(admin, '/api/v1/suppliers', { name: 'Tieto Sweden AB', orgNumber: '556325-0090' }),
    ).id;
    const mk = async (title: string, extra: Record<string, unknown>) =>
      json(await post(admin, '/api/v1/contracts', { ...base(), title, ...extra })).id as string;
    const soon = await mk('Filter snart slut', {
      supplierId: other,
      endsOn: inMonths(3),
      noticeMonths: null,
      systemIds: [otherSystemId],
    });
    const dpa = await mk('Filter pub saknas', {
      supplierId: other,
      dpaStatus: 'needed',
      ownerId: null,
      endsOn: inMonths(24),
    });
    const ended = await mk('Filter redan slut', {
      supplierId: other,
      endsOn: '2022-06-30',
      noticeMonths: null,
    });
    const open = await mk('Filter tillsvidare', {
      supplierId: other,
      endsOn: null,
      noticeMonths: 3,
      dpaStatus: 'signed',
      dpaSignedOn: '2022-02-01',
    });
    const titles = async (query: string) =>
      json(await get(admin, `/api/v1/contracts?supplierId=${other}&${query}`)).items.map(
        (c: { id: string }) => c.id,
      );

    expect(await titles('')).toEqual([dpa, ended, soon, open]);
    expect(await titles('endingWithinMonths=6')).toEqual([soon]);
    expect(await titles('dpaMissing=true')).toEqual([dpa]);
    expect(await titles(`systemId=${otherSystemId}`)).toEqual([soon]);
    expect(await titles(`ownerId=${ownerId}`)).toEqual([ended, soon, open]);
    expect(await titles('sort=endsOn')).toEqual([ended, soon, dpa, open]);
    expect(json(await get(admin, `/api/v1/contracts/${open}`)).noticeDeadline).toBeNull();

    // Keyset pages in both orders give every contract once.
    for (const sort of ['title', 'endsOn']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = json(
          await get(
            admin,
            `/api/v1/contracts?supplierId=${other}&sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
          ),
        );
        seen.push(...page.items.map((c: { id: string }) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(await titles(`sort=${sort}`));
    }
    expect((await get(admin, '/api/v1/contracts?cursor=WyJ4Il0')).statusCode).toBe(400);

    const csv = await get(admin, `/api/v1/contracts/export?supplierId=${other}&dpaMissing=true`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Filter pub saknas');
    expect(csv.body).not.toContain('Filter snart slut');
    const xlsx = await get(admin, `/api/v1/contracts/export?supplierId=${other}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // Archived contracts leave the list unless asked for.
    await post(admin, `/api/v1/contracts/${ended}/archive`, { version: 1, reason: 'Avslutat' });
    expect(await titles('')).toEqual([dpa, soon, open]);
    expect(await titles('includeArchived=true')).toContain(ended);
    const restored = await post(admin, `/api/v1/contracts/${ended}/restore`, { version: 2 });
    expect(json(restored)).toMatchObject({ archivedAt: null, version: 3 });
  });
});

describe('licences', () => {
  it('registers licences with their cost per period, filters them, and refuses what does not fit', async () => {
    const contractId = json(
      await post(admin, '/api/v1/contracts', {
        supplierId,
        title: 'Licensavtal',
        startsOn: '2024-01-01',
        systemIds: [systemId],
      }),
    ).id;
    const created = await post(admin, '/api/v1/licences', {
      systemId,
      contractId,
      type: 'namedUser',
      count: 100,
      used: 80,
      cost: 50_000,
      period: 'month',
      validFrom: '2024-01-01',
      validTo: inMonths(2),
    });
    expect(created.statusCode).toBe(201);
    expect(json(created)).toMatchObject({
      systemName: 'Ekonomisystemet',
      contractTitle: 'Licensavtal',
      annualCost: 600_000,
    });
    await post(admin, '/api/v1/licences', {
      systemId: otherSystemId,
      type: 'site',
      count: 1,
      validTo: inMonths(30),
    });

    const ids = async (query: string) =>
      json(await get(admin, `/api/v1/licences?${query}`)).items.map((l: { systemId: string }) => l.systemId);
    expect(await ids(`systemId=${systemId}`)).toEqual([systemId]);
    expect(await ids(`contractId=${contractId}`)).toEqual([systemId]);
    expect(await ids('expiringWithinMonths=6')).toEqual([systemId]);
    expect(await ids('')).toEqual([systemId, otherSystemId]);

    const noPeriod = await post(admin, '/api/v1/licences', { systemId, type: 'device', count: 1, cost: 100 });
    expect(paths(noPeriod)).toEqual(['body.period']);
    const backwards = await post(admin, '/api/v1/licences', {
      systemId,
      type: 'device',
      count: 1,
      validFrom: '2025-01-01',
      validTo: '2024-01-01',
    });
    expect(paths(backwards)).toEqual(['body.validTo']);
    const bSystem = json(
      await post(bAdmin, '/api/v1/systems', { name: 'Grannens licenssystem', scope: 'shared' }),
    ).id;
    const across = await post(admin, '/api/v1/licences', { systemId: bSystem, type: 'device', count: 1 });
    expect(paths(across)).toEqual(['body.systemId']);

    const id = json(created).id;
    expect((await patch(admin, `/api/v1/licences/${id}`, { version: 2, used: 1 })).statusCode).toBe(409);
    expect(json(await patch(admin, `/api/v1/licences/${id}`, { version: 1, used: 90 }))).toMatchObject({
      used: 90,
      version: 2,
    });
    expect((await get(bAdmin, `/api/v1/licences/${id}`)).statusCode).toBe(404);
    const csv = await get(admin, `/api/v1/licences/export?systemId=${systemId}`);
    expect(csv.body).toContain('6000.00');
  });
});

describe('costs', () => {
  it('splits a year by percent so that the öre add up exactly, and by user counts when no shares are given', async () => {
    const units = [] as string[];
    for (const name of ['Kultur', 'Skola', 'Vård']) {
      units.push((await directory.createUnit(t.db, t.a.actor, { name, kind: 'department' })).id);
    }
    const url = `/api/v1/systems/${otherSystemId}/costs`;
    const first = await put(admin, url, {
      year: 2026,
      lines: [
        { category: 'licence', amount: 100_000_01 },
        { category: 'operation', amount: 1 },
      ],
      allocation: units.map((unitId, i) => ({ unitId, percent: i === 2 ? 33.34 : 33.33 })),
    });
    expect(first.statusCode).toBe(200);
    const costs = json(first);
    expect(costs).toMatchObject({
      version: 1,
      total: 100_000_02,
      basis: 'percent',
      byCategory: { licence: 100_000_01, operation: 1 },
    });
    const amounts = costs.shares.map((s: { amount: number }) => s.amount);
    expect(amounts.reduce((a: number, b: number) => a + b, 0)).toBe(100_000_02);
    // 33.34 % of 10 000 002 öre is 3 334 000.67 and 33.33 % is 3 333 000.67: the floors leave 2 öre,
    // which go to the largest remainders, the 33.34 % first.
    expect(costs.shares.find((s: { unitId: string }) => s.unitId === units[2]).amount).toBe(3_334_001);

    const notHundred = await put(admin, url, {
      year: 2026,
      version: 1,
      lines: [],
      allocation: [{ unitId: units[0], percent: 50 }],
    });
    expect(paths(notHundred)).toEqual(['body.allocation']);
    const stale = await put(admin, url, { year: 2026, lines: [], allocation: [] });
    expect(stale.statusCode).toBe(409);
    const bUnit = await put(admin, url, {
      year: 2026,
      version: 1,
      lines: [],
      allocation: [{ unitId: t.b.unitId, percent: 100 }],
    });
    expect(paths(bUnit)).toEqual(['body.allocation.0.unitId']);

    // By users: the using units' counts (7 and 3 of 10 users) split 1 000 öre 700/300, and an odd
    // total still adds up.
    await patch(admin, `/api/v1/systems/${otherSystemId}`, {
      version: 1,
      usingUnits: [
        { unitId: units[0], users: 7 },
        { unitId: units[1], users: 3 },
      ],
    });
    const byUsers = json(
      await put(admin, url, { year: 2025, lines: [{ category: 'support', amount: 1001 }], allocation: [] }),
    );
    expect(byUsers.basis).toBe('users');
    expect(byUsers.shares.map((s: { unitId: string; amount: number }) => [s.unitId, s.amount])).toEqual([
      [units[0], 701],
      [units[1], 300],
    ]);
    const read = json(await get(admin, `${url}?year=2025`));
    expect(read).toMatchObject({ version: 1, total: 1001, can: { update: true } });
    expect(json(await get(admin, `${url}?year=2024`))).toMatchObject({
      version: null,
      total: 0,
      basis: 'none',
      shares: [],
    });

    // B's admin neither reads nor writes A's costs.
    expect((await get(bAdmin, `${url}?year=2026`)).statusCode).toBe(404);
    expect((await put(bAdmin, url, { year: 2027, lines: [], allocation: [] })).statusCode).toBe(404);
    expect((await put(employee, url, { year: 2027, lines: [], allocation: [] })).statusCode).toBe(403);

    // Per unit across systems, aggregated in SQL: the first system's costs by users (10 users of
    // one unit) plus the other's by percent.
    await put(admin, `/api/v1/systems/${systemId}/costs`, {
      year: 2026,
      lines: [{ category: 'other', amount: 500 }],
      allocation: [],
    });
    const perUnit = json(await get(admin, '/api/v1/costs?year=2026'));
    expect(perUnit.total).toBe(100_000_02 + 500);
    expect(perUnit.unallocated).toBe(0);
    expect(perUnit.units.reduce((a: number, u: { amount: number }) => a + u.amount, 0)).toBe(
      100_000_02 + 500,
    );
    expect(perUnit.units.find((u: { unitId: string }) => u.unitId === t.a.unitId)).toMatchObject({
      amount: 500,
      systems: 1,
    });
    const one = json(await get(admin, `/api/v1/costs?year=2026&unitId=${units[2]}`));
    expect(one.units).toEqual([{ unitId: units[2], unitName: 'Vård', amount: 3_334_001, systems: 1 }]);
    expect(one.systems).toEqual([{ systemId: otherSystemId, systemName: 'Diariet', amount: 3_334_001 }]);
    // A system with costs but nothing to split them by counts as unallocated.
    const lonely = json(await post(admin, '/api/v1/systems', { name: 'Ensamt', scope: 'business' })).id;
    await put(admin, `/api/v1/systems/${lonely}/costs`, {
      year: 2026,
      lines: [{ category: 'other', amount: 99 }],
      allocation: [],
    });
    expect(json(await get(admin, '/api/v1/costs?year=2026')).unallocated).toBe(99);
    expect(json(await get(bAdmin, '/api/v1/costs?year=2026'))).toMatchObject({ total: 0, units: [] });
  });
});

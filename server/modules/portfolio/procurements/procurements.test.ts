import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonthsTo } from '../../../../shared/portfolio/procurements.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { procurements } from './schema.ts';

// Procurements through the real app and database: seed 004's procurement of IT-drift and telefoni
// with its steps, cancelled by KF with the reason and what it cost; the allowed status steps; the
// direktupphandling limit per tenant; the resulting and the replaced contract in the register;
// stale versions refused; bad input naming the field; the re-procurement plan's dates and states;
// the owner's start-page items; and that tenant B sees, names and changes none of tenant A's.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let reader: Session;
let changeManager: Session;
let owner: { id: string };
let ownerSession: Session;
let bPerson: string;
let supplier: string;
let systemId: string;
let bSystem: string;
let bContract: string;
let contractA: string;
let bUnit: string;

function send(session: Session, method: 'POST' | 'PATCH', url: string, payload: unknown) {
  return t.app.inject({ method, url, headers: session.headers(), payload: payload as object });
}
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });
const paths = (response: { json(): { errors?: { path: string }[] } }) =>
  (response.json().errors ?? []).map((e) => e.path);
const auditCount = async () => (await t.db.select().from(auditEvents)).length;

const today = todayInStockholm();
const at = (months: number) => addMonthsTo(today, months);

async function contract(
  session: Session,
  title: string,
  endsOn: string,
  extra: Record<string, unknown> = {},
  supplierId = supplier,
) {
  const r = await send(session, 'POST', '/api/v1/contracts', {
    supplierId,
    title,
    startsOn: addMonthsTo(endsOn, -36),
    endsOn,
    ...extra,
  });
  expect(r.statusCode, r.body).toBe(201);
  return json(r).id as string;
}

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  await seedPerson(t.db, t.a, 'reader@a.example', ['reader']);
  reader = await signIn(t.app, 'reader@a.example');
  await seedPerson(t.db, t.a, 'fa@a.example', ['changeManager']);
  changeManager = await signIn(t.app, 'fa@a.example');
  owner = await seedPerson(t.db, t.a, 'avtalsagare@a.example', ['reader']);
  ownerSession = await signIn(t.app, 'avtalsagare@a.example');
  bPerson = (await seedPerson(t.db, t.b, 'annan@b.example', ['reader'])).id;
  bUnit = t.b.unitId;
  supplier = json(
    await send(admin, 'POST', '/api/v1/suppliers', { name: 'Atea Sverige AB', orgNumber: '5561795054' }),
  ).id;
  const bSupplier = json(
    await send(bAdmin, 'POST', '/api/v1/suppliers', { name: 'B AB', orgNumber: '5561795054' }),
  ).id;
  systemId = json(await send(admin, 'POST', '/api/v1/systems', { name: 'Nätverk', scope: 'shared' })).id;
  bSystem = json(await send(bAdmin, 'POST', '/api/v1/systems', { name: 'B-system', scope: 'shared' })).id;
  contractA = await contract(admin, 'Nätverk och brandväggar', '2031-05-31', { annualValue: 50_000_000 });
  bContract = await contract(bAdmin, 'B:s avtal', at(8), {}, bSupplier);
});
afterAll(() => t.close());

const driftBody = () => ({
  title: 'Upphandling av IT-drift och telefoni',
  description: 'Enligt genomförandeplanen (KF 2014-06-27 § 160).',
  procedure: 'open',
  estimatedValue: 30_000_000_00,
  status: 'advertised',
  plannedStartOn: '2014-06-27',
  advertisedOn: '2014-09-01',
  tenderDeadlineOn: '2014-10-15',
  responsibleId: owner.id,
  unitId: t.a.unitId,
  systemIds: [systemId],
});

describe('procurements', () => {
  it('records seed 004: advertised, evaluated, cancelled by KF with the reason and the cost', async () => {
    const created = await send(admin, 'POST', '/api/v1/procurements', driftBody());
    expect(created.statusCode, created.body).toBe(201);
    const p = json(created);
    expect(p).toMatchObject({
      procedure: 'open',
      status: 'advertised',
      nextStatuses: ['evaluating', 'cancelled'],
      responsible: { id: owner.id, name: 'Test avtalsagare' },
      unit: { id: t.a.unitId },
      systems: [{ id: systemId, name: 'Nätverk' }],
      version: 1,
      can: { update: true, archive: true, restore: false },
    });
    const evaluating = await send(admin, 'PATCH', `/api/v1/procurements/${p.id}`, {
      version: 1,
      status: 'evaluating',
    });
    expect(evaluating.statusCode).toBe(200);
    // Cancelling needs a reason.
    const noReason = await send(admin, 'PATCH', `/api/v1/procurements/${p.id}`, {
      version: 2,
      status: 'cancelled',
    });
    expect(noReason.statusCode).toBe(400);
    expect(paths(noReason)).toEqual(['body.cancelReason']);
    const cancelled = await send(admin, 'PATCH', `/api/v1/procurements/${p.id}`, {
      version: 2,
      status: 'cancelled',
      cancelledOn: '2014-11-24',
      cancelReason: 'Kommunfullmäktige beslutade att avbryta de pågående upphandlingarna.',
      cancelCost: 400_000_000,
      cancelHours: 3200,
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(json(cancelled)).toMatchObject({
      status: 'cancelled',
      nextStatuses: [],
      cancelledOn: '2014-11-24',
      cancelCost: 400_000_000,
      cancelHours: 3200,
      version: 3,
    });
    // Final: it cannot be reopened, but its cost can be corrected.
    const reopen = await send(admin, 'PATCH', `/api/v1/procurements/${p.id}`, {
      version: 3,
      status: 'planned',
    });
    expect(reopen.statusCode).toBe(400);
    expect(paths(reopen)).toEqual(['body.status']);
    const cost = await send(admin, 'PATCH', `/api/v1/procurements/${p.id}`, {
      version: 3,
      cancelCost: 410_000_000,
    });
    expect(json(cost)).toMatchObject({ cancelCost: 410_000_000, version: 4 });
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, p.id));
    expect(events.map((e) => e.action).sort()).toEqual(['create', 'update', 'update', 'update']);
  });

  it('moves only by the allowed steps; a direct procurement is not advertised', async () => {
    const open = json(
      await send(admin, 'POST', '/api/v1/procurements', { ...driftBody(), status: 'preparing' }),
    );
    const skip = await send(admin, 'PATCH', `/api/v1/procurements/${open.id}`, {
      version: 1,
      status: 'evaluating',
    });
    expect(skip.statusCode).toBe(400);
    expect(paths(skip)).toEqual(['body.status']);
    const direct = json(
      await send(admin, 'POST', '/api/v1/procurements', {
        title: 'Konsultstöd',
        procedure: 'direct',
        estimatedValue: 200_000_00,
        status: 'preparing',
      }),
    );
    expect(direct.nextStatuses).toContain('evaluating');
    const steps = ['evaluating', 'awarded', 'contracted'];
    for (const [i, status] of steps.entries()) {
      const r = await send(admin, 'PATCH', `/api/v1/procurements/${direct.id}`, { version: i + 1, status });
      expect(r.statusCode, status).toBe(200);
    }
    // A new procurement starts before contracting.
    const born = await send(admin, 'POST', '/api/v1/procurements', { ...driftBody(), status: 'contracted' });
    expect(born.statusCode).toBe(400);
    expect(paths(born)).toEqual(['body.status']);
  });

  it('refuses a direktupphandling above the tenant’s limit (body.procedure), and follows the setting', async () => {
    const body = { title: 'Skrivare', procedure: 'direct', estimatedValue: 800_000_00 };
    const before = await auditCount();
    const over = await send(admin, 'POST', '/api/v1/procurements', body);
    expect(over.statusCode).toBe(400);
    expect(over.headers['content-type']).toContain('application/problem+json');
    expect(paths(over)).toEqual(['body.procedure']);
    expect(over.json().detail).toContain('700 000 kr');
    expect(await auditCount()).toBe(before);
    // At the limit is allowed.
    const at = await send(admin, 'POST', '/api/v1/procurements', { ...body, estimatedValue: 700_000_00 });
    expect(at.statusCode).toBe(201);
    // Raising the value of a direct one above the limit is refused too.
    const raise = await send(admin, 'PATCH', `/api/v1/procurements/${json(at).id}`, {
      version: 1,
      estimatedValue: 700_000_01,
    });
    expect(paths(raise)).toEqual(['body.procedure']);
    // The tenant raises its limit (the law changed): the same procurement is accepted. B's is not moved.
    const settings = json(await get(admin, '/api/v1/procurements/settings'));
    expect(settings).toMatchObject({ directLimit: 700_000_00, version: 1, can: { update: true } });
    const raised = await send(admin, 'PATCH', '/api/v1/procurements/settings', {
      version: 1,
      directLimit: 1_000_000_00,
    });
    expect(raised.statusCode).toBe(200);
    expect((await send(admin, 'POST', '/api/v1/procurements', body)).statusCode).toBe(201);
    expect((await send(bAdmin, 'POST', '/api/v1/procurements', body)).statusCode).toBe(400);
    // Stale settings: 409; a reader may not change them.
    const stale = await send(admin, 'PATCH', '/api/v1/procurements/settings', { version: 1, warnDays: 10 });
    expect(stale.statusCode).toBe(409);
    expect((await send(reader, 'PATCH', '/api/v1/procurements/settings', { version: 2 })).statusCode).toBe(
      403,
    );
    const back = await send(admin, 'PATCH', '/api/v1/procurements/settings', {
      version: 2,
      directLimit: 700_000_00,
    });
    expect(back.statusCode).toBe(200);
  });

  it('links the resulting and the replaced contract of the register, only the tenant’s own', async () => {
    const r = await send(changeManager, 'POST', '/api/v1/procurements', {
      title: 'Nätverk, förnyad konkurrensutsättning',
      procedure: 'renewedCompetition',
      frameworkReference: 'Adda Nätverk 2023',
      status: 'awarded',
      awardedOn: '2026-10-01',
      replacesContractId: contractA,
      contractId: contractA,
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(json(r)).toMatchObject({
      frameworkReference: 'Adda Nätverk 2023',
      replacesContract: { id: contractA, name: 'Nätverk och brandväggar' },
      contract: { id: contractA, name: 'Nätverk och brandväggar' },
    });
    // Archive it again so that the plan's tests below see no procurement for contract A.
    await send(admin, 'POST', `/api/v1/procurements/${json(r).id}/archive`, { version: 1, reason: 'Test' });
  });

  it('refuses bad input and another tenant’s references with 400 and the path, writing nothing', async () => {
    const cases: [object, string][] = [
      [{ ...driftBody(), responsibleId: bPerson }, 'body.responsibleId'],
      [{ ...driftBody(), unitId: bUnit }, 'body.unitId'],
      [{ ...driftBody(), systemIds: [systemId, bSystem] }, 'body.systemIds.1'],
      [{ ...driftBody(), systemIds: [systemId, systemId] }, 'body.systemIds.1'],
      [{ ...driftBody(), contractId: bContract }, 'body.contractId'],
      [{ ...driftBody(), replacesContractId: bContract }, 'body.replacesContractId'],
      [{ ...driftBody(), procedure: 'negotiated' }, 'body.procedure'],
      [{ ...driftBody(), status: 'done' }, 'body.status'],
      [{ ...driftBody(), estimatedValue: 1.5 }, 'body.estimatedValue'],
      [{ ...driftBody(), estimatedValue: -1 }, 'body.estimatedValue'],
      [{ ...driftBody(), advertisedOn: '2014-13-01' }, 'body.advertisedOn'],
      [{ ...driftBody(), tenderDeadlineOn: '2014-08-01' }, 'body.tenderDeadlineOn'],
      [{ ...driftBody(), title: '' }, 'body.title'],
      [{ ...driftBody(), cancelReason: 'Inte avbruten' }, 'body.cancelReason'],
      [{ ...driftBody(), frameworkReference: 'Adda' }, 'body.frameworkReference'],
      [{ ...driftBody(), surprise: 1 }, 'body.surprise'],
    ];
    const before = await auditCount();
    const rows = (await t.db.select().from(procurements)).length;
    for (const [body, path] of cases) {
      const response = await send(admin, 'POST', '/api/v1/procurements', body);
      expect(response.statusCode, path).toBe(400);
      expect(paths(response), path).toEqual([path]);
    }
    expect(await auditCount()).toBe(before);
    expect((await t.db.select().from(procurements)).length).toBe(rows);
    const bad = await get(admin, '/api/v1/procurements?cursor=bm9wZQ');
    expect(bad.statusCode).toBe(400);
    const badPlan = await get(admin, '/api/v1/procurements/plan?from=2030-01-01&to=2029-01-01');
    expect(paths(badPlan)).toEqual(['querystring.to']);
  });

  it('refuses a stale version with 409 and writes nothing', async () => {
    const p = json(await send(admin, 'POST', '/api/v1/procurements', driftBody()));
    expect(
      (await send(admin, 'PATCH', `/api/v1/procurements/${p.id}`, { version: 1, title: 'IT-drift' }))
        .statusCode,
    ).toBe(200);
    const stale = await send(admin, 'PATCH', `/api/v1/procurements/${p.id}`, { version: 1, title: 'Annat' });
    expect(stale.statusCode).toBe(409);
    const archive = await send(admin, 'POST', `/api/v1/procurements/${p.id}/archive`, {
      version: 1,
      reason: 'X',
    });
    expect(archive.statusCode).toBe(409);
    expect(json(await get(admin, `/api/v1/procurements/${p.id}`))).toMatchObject({
      title: 'IT-drift',
      version: 2,
    });
  });

  it('lists with filters, searches, exports XLSX, and keeps writes to the keepers', async () => {
    const all = json(await get(admin, '/api/v1/procurements?limit=200')).items;
    expect(all.length).toBeGreaterThan(3);
    const titles = all.map((p: { title: string }) => p.title);
    expect([...titles].sort((a, b) => a.localeCompare(b, 'sv'))).toEqual(titles);
    const cancelled = json(await get(admin, '/api/v1/procurements?status=cancelled')).items;
    expect(cancelled.every((p: { status: string }) => p.status === 'cancelled')).toBe(true);
    expect(cancelled.length).toBeGreaterThan(0);
    const open = json(await get(admin, '/api/v1/procurements?open=true&limit=200')).items;
    expect(open.some((p: { status: string }) => p.status === 'cancelled' || p.status === 'contracted')).toBe(
      false,
    );
    const direct = json(await get(admin, '/api/v1/procurements?procedure=direct')).items;
    expect(direct.every((p: { procedure: string }) => p.procedure === 'direct')).toBe(true);
    const bySystem = json(await get(admin, `/api/v1/procurements?systemId=${systemId}`)).items;
    expect(bySystem.length).toBeGreaterThan(0);
    expect(
      json(await get(admin, `/api/v1/procurements?responsibleId=${owner.id}`)).items.length,
    ).toBeGreaterThan(0);
    expect(json(await get(admin, '/api/v1/procurements?search=telefoni')).items.length).toBeGreaterThan(0);
    // Paging by two gives every row once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = json(
        await get(admin, `/api/v1/procurements?limit=2${cursor ? `&cursor=${cursor}` : ''}`),
      );
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((p: { id: string }) => p.id));
    const xlsx = await get(admin, '/api/v1/procurements/export?format=xlsx&status=cancelled');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const csv = await get(admin, '/api/v1/procurements/export?format=csv&status=cancelled');
    expect(csv.body).toContain('Avbruten');
    expect(csv.body).toContain('4100000');
    const search = json(await get(admin, '/api/v1/search?q=telefoni'));
    expect(JSON.stringify(search)).toContain('/portfolio/procurements/');
    // Staff read; only keepers write.
    expect((await get(reader, '/api/v1/procurements')).statusCode).toBe(200);
    expect(json(await get(reader, `/api/v1/procurements/${all[0].id}`)).can.update).toBe(false);
    expect((await send(reader, 'POST', '/api/v1/procurements', driftBody())).statusCode).toBe(403);
  });

  it("shows tenant B none of tenant A's procurements and lets it change none (404, nothing written)", async () => {
    const p = json(await send(admin, 'POST', '/api/v1/procurements', driftBody()));
    const before = await auditCount();
    expect((await get(bAdmin, `/api/v1/procurements/${p.id}`)).statusCode).toBe(404);
    expect(
      (await send(bAdmin, 'PATCH', `/api/v1/procurements/${p.id}`, { version: 1, title: 'B' })).statusCode,
    ).toBe(404);
    expect(
      (await send(bAdmin, 'POST', `/api/v1/procurements/${p.id}/archive`, { version: 1, reason: 'B' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await send(bAdmin, 'POST', `/api/v1/procurements/${p.id}/restore`, { version: 1 })).statusCode,
    ).toBe(404);
    expect(json(await get(bAdmin, '/api/v1/procurements')).items).toEqual([]);
    expect((await get(bAdmin, '/api/v1/procurements/export?format=csv')).body).not.toContain('telefoni');
    expect(JSON.stringify(json(await get(bAdmin, '/api/v1/procurements/plan')))).not.toContain(contractA);
    expect(JSON.stringify(json(await get(bAdmin, '/api/v1/search?q=telefoni')))).not.toContain(p.id);
    expect(await auditCount()).toBe(before);
    expect(json(await get(admin, `/api/v1/procurements/${p.id}`))).toMatchObject({ version: 1 });
  });

  it('archives and restores with a reason', async () => {
    const p = json(await send(admin, 'POST', '/api/v1/procurements', driftBody()));
    const archived = await send(admin, 'POST', `/api/v1/procurements/${p.id}/archive`, {
      version: 1,
      reason: 'Felregistrerad',
    });
    expect(json(archived)).toMatchObject({
      archiveReason: 'Felregistrerad',
      can: { restore: true, update: false },
    });
    expect(
      json(await get(admin, '/api/v1/procurements?limit=200')).items.map((x: { id: string }) => x.id),
    ).not.toContain(p.id);
    expect(
      (await send(admin, 'PATCH', `/api/v1/procurements/${p.id}`, { version: 2, title: 'X' })).statusCode,
    ).toBe(409);
    const restored = await send(admin, 'POST', `/api/v1/procurements/${p.id}/restore`, { version: 2 });
    expect(json(restored)).toMatchObject({ archivedAt: null, version: 3 });
  });
});

describe('the re-procurement plan', () => {
  let late: string;
  let soon: string;
  let ok: string;
  let small: string;
  let underWay: string;
  let procurementId: string;

  beforeAll(async () => {
    const o = { ownerId: owner.id };
    // 2 MSEK a year over three years: above the limit, open procedure (9 months).
    late = await contract(admin, 'Sent avtal', at(6), { ...o, annualValue: 2_000_000_00, noticeMonths: 6 });
    soon = await contract(admin, 'Snart avtal', at(10), { ...o, annualValue: 2_000_000_00 });
    // No value: the open procedure, to be safe.
    ok = await contract(admin, 'Lugnt avtal', at(24), o);
    // 100 000 kr a year over three years: under the limit, direct (1 month).
    small = await contract(admin, 'Litet avtal', at(5), { ...o, annualValue: 100_000_00 });
    underWay = await contract(admin, 'Avtal under upphandling', at(7), { annualValue: 2_000_000_00 });
    procurementId = json(
      await send(admin, 'POST', '/api/v1/procurements', {
        title: 'Ersättare',
        procedure: 'renewedCompetition',
        status: 'preparing',
        replacesContractId: underWay,
      }),
    ).id;
  });

  const plan = async (session: Session, query = '') =>
    json(await get(session, `/api/v1/procurements/plan${query}`)) as {
      from: string;
      to: string;
      items: {
        contract: { id: string };
        state: string;
        procedure: string;
        procedureFrom: string;
        leadMonths: number;
        latestStartOn: string;
        endsOn: string;
        noticeDeadline: string | null;
        procurement: { id: string; status: string } | null;
      }[];
    };
  const line = (p: Awaited<ReturnType<typeof plan>>, id: string) =>
    p.items.find((i) => i.contract.id === id)!;

  it('sets each end date against the lead time: latest start, procedure and state', async () => {
    const p = await plan(reader);
    expect(p.from).toBe(today);
    expect(p.to).toBe(at(36));
    expect(line(p, late)).toMatchObject({
      procedure: 'open',
      procedureFrom: 'value',
      leadMonths: 9,
      latestStartOn: addMonthsTo(at(6), -9),
      state: 'late',
      noticeDeadline: addMonthsTo(at(6), -6),
    });
    expect(line(p, soon)).toMatchObject({
      leadMonths: 9,
      latestStartOn: addMonthsTo(at(10), -9),
      state: 'startSoon',
    });
    expect(line(p, ok)).toMatchObject({ procedure: 'open', procedureFrom: 'unknownValue', state: 'ok' });
    expect(line(p, small)).toMatchObject({
      procedure: 'direct',
      leadMonths: 1,
      latestStartOn: addMonthsTo(at(5), -1),
      state: 'ok',
    });
    expect(line(p, underWay)).toMatchObject({
      procedure: 'renewedCompetition',
      procedureFrom: 'procurement',
      leadMonths: 3,
      state: 'underWay',
      procurement: { id: procurementId, status: 'preparing' },
    });
    // Sorted by latest start.
    const starts = p.items.map((i) => i.latestStartOn);
    expect([...starts].sort()).toEqual(starts);
    // B's contract is not in A's plan.
    expect(p.items.map((i) => i.contract.id)).not.toContain(bContract);
  });

  it('computes exact dates in a chosen window; month ends clamp', async () => {
    const p = await plan(admin, '?from=2031-01-01&to=2031-12-31');
    expect(p.items.map((i) => i.contract.id)).toEqual([contractA]);
    // 5 MSEK a year: open, 9 months before 31 May 2031.
    expect(line(p, contractA)).toMatchObject({
      endsOn: '2031-05-31',
      latestStartOn: '2030-08-31',
      state: 'ok',
    });
    // Replaced by a renewed competition: 3 months, 31 May → 28 February.
    const r = json(
      await send(admin, 'POST', '/api/v1/procurements', {
        title: 'Avrop nätverk',
        procedure: 'renewedCompetition',
        replacesContractId: contractA,
      }),
    );
    const q = await plan(admin, '?from=2031-01-01&to=2031-12-31');
    expect(line(q, contractA)).toMatchObject({ latestStartOn: '2031-02-28', state: 'underWay' });
    // A cancelled procurement no longer counts.
    await send(admin, 'PATCH', `/api/v1/procurements/${r.id}`, {
      version: 1,
      status: 'cancelled',
      cancelReason: 'X',
    });
    expect(line(await plan(admin, '?from=2031-01-01&to=2031-12-31'), contractA).state).toBe('ok');
  });

  it('follows the tenant’s lead times and tells the owner on the start page', async () => {
    const items = json(await get(ownerSession, '/api/v1/start')).items;
    const text = JSON.stringify(items);
    expect(text).toContain(late);
    expect(text).toContain(soon);
    expect(text).not.toContain(ok);
    expect(text).not.toContain(underWay);
    expect(JSON.stringify(json(await get(admin, '/api/v1/start')))).not.toContain(late);
    const s = json(await get(admin, '/api/v1/procurements/settings'));
    const changed = await send(admin, 'PATCH', '/api/v1/procurements/settings', {
      version: s.version,
      leadMonths: { open: 9, simplified: 6, renewedCompetition: 3, direct: 6 },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const p = await plan(admin);
    expect(line(p, small)).toMatchObject({
      leadMonths: 6,
      latestStartOn: addMonthsTo(at(5), -6),
      state: 'late',
    });
  });
});

// Last, so that the contracts made here stay out of the plan's tests above.
describe('the resulting contract made from the procurement', () => {
  const awardedBody = () => ({
    title: 'Upphandling av e-arkiv',
    procedure: 'simplified',
    estimatedValue: 2_400_000_00,
    status: 'awarded',
    awardedOn: '2026-09-15',
    systemIds: [systemId],
  });
  const contractBody = (version: number, extra: Record<string, unknown> = {}) => ({
    version,
    supplierId: supplier,
    title: 'Avtal om e-arkiv',
    startsOn: '2026-11-01',
    endsOn: '2030-10-31',
    annualValue: 600_000_00,
    procurementReference: 'UPP-2026-14',
    systemIds: [systemId],
    ...extra,
  });

  it('makes the contract in the register, links it, moves the procurement to contracted, audits both', async () => {
    const p = json(await send(admin, 'POST', '/api/v1/procurements', awardedBody()));
    expect(p.can.createContract).toBe(true);
    const r = await send(admin, 'POST', `/api/v1/procurements/${p.id}/contract`, contractBody(1));
    expect(r.statusCode, r.body).toBe(200);
    const linked = json(r);
    expect(linked).toMatchObject({
      status: 'contracted',
      contractStartsOn: '2026-11-01',
      contract: { name: 'Avtal om e-arkiv' },
      version: 2,
      can: { createContract: false },
    });
    const made = json(await get(admin, `/api/v1/contracts/${linked.contract.id}`));
    expect(made).toMatchObject({
      supplierId: supplier,
      title: 'Avtal om e-arkiv',
      endsOn: '2030-10-31',
      annualValue: 600_000_00,
      procurementReference: 'UPP-2026-14',
      systemIds: [systemId],
    });
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.tenantId, t.a.id));
    expect(
      events.some((e) => e.entity === 'contract' && e.entityId === made.id && e.action === 'create'),
    ).toBe(true);
    expect(
      events.some((e) => e.entity === 'procurement' && e.entityId === p.id && e.action === 'contract'),
    ).toBe(true);
  });

  it('refuses a stale version and a procurement that has its contract with 409, making no contract', async () => {
    const p = json(await send(admin, 'POST', '/api/v1/procurements', awardedBody()));
    const contractsBefore = json(await get(admin, '/api/v1/contracts?limit=200')).items.length;
    const before = await auditCount();
    const stale = await send(admin, 'POST', `/api/v1/procurements/${p.id}/contract`, contractBody(7));
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(await auditCount()).toBe(before);
    expect(
      (await send(admin, 'POST', `/api/v1/procurements/${p.id}/contract`, contractBody(1))).statusCode,
    ).toBe(200);
    const twice = await send(admin, 'POST', `/api/v1/procurements/${p.id}/contract`, contractBody(2));
    expect(twice.statusCode).toBe(409);
    expect(json(twice).detail).toContain('already has its contract');
    expect(json(await get(admin, '/api/v1/contracts?limit=200')).items.length).toBe(contractsBefore + 1);
    // Already linked through the record (contractId): refused as well.
    const viaRecord = json(
      await send(admin, 'POST', '/api/v1/procurements', { ...awardedBody(), contractId: contractA }),
    );
    expect(
      (await send(admin, 'POST', `/api/v1/procurements/${viaRecord.id}/contract`, contractBody(1)))
        .statusCode,
    ).toBe(409);
  });

  it('refuses a procurement that is not awarded (409) and bad input with 400 and the path', async () => {
    const planned = json(
      await send(admin, 'POST', '/api/v1/procurements', { title: 'Planerad', procedure: 'open' }),
    );
    expect(planned.can.createContract).toBe(false);
    expect(
      (await send(admin, 'POST', `/api/v1/procurements/${planned.id}/contract`, contractBody(1))).statusCode,
    ).toBe(409);
    const p = json(await send(admin, 'POST', '/api/v1/procurements', awardedBody()));
    const before = await auditCount();
    const url = `/api/v1/procurements/${p.id}/contract`;
    const noTitle = await send(admin, 'POST', url, { ...contractBody(1), title: '' });
    expect(noTitle.statusCode).toBe(400);
    expect(paths(noTitle)).toContain('body.title');
    const noVersion = await send(admin, 'POST', url, { ...contractBody(1), version: undefined });
    expect(paths(noVersion)).toContain('body.version');
    const ends = await send(admin, 'POST', url, contractBody(1, { endsOn: '2025-01-01' }));
    expect(ends.statusCode).toBe(400);
    expect(paths(ends)).toEqual(['body.endsOn']);
    const bSystemRef = await send(admin, 'POST', url, contractBody(1, { systemIds: [bSystem] }));
    expect(bSystemRef.statusCode).toBe(400);
    expect(paths(bSystemRef)).toEqual(['body.systemIds.0']);
    expect(await auditCount()).toBe(before);
    expect(json(await get(admin, `/api/v1/procurements/${p.id}`))).toMatchObject({
      version: 1,
      contract: null,
    });
  });

  it('is for the portfolio keepers who keep contracts; tenant B gets 404 and changes nothing', async () => {
    const p = json(await send(admin, 'POST', '/api/v1/procurements', awardedBody()));
    const url = `/api/v1/procurements/${p.id}/contract`;
    const before = await auditCount();
    // The förändringsansvarig keeps procurements but not the register's contracts.
    expect(json(await get(changeManager, `/api/v1/procurements/${p.id}`)).can.createContract).toBe(false);
    expect((await send(changeManager, 'POST', url, contractBody(1))).statusCode).toBe(403);
    expect((await send(reader, 'POST', url, contractBody(1))).statusCode).toBe(403);
    const b = await send(bAdmin, 'POST', url, contractBody(1, { supplierId: supplier, systemIds: [] }));
    expect(b.statusCode).toBe(404);
    expect(await auditCount()).toBe(before);
    expect(json(await get(admin, `/api/v1/procurements/${p.id}`))).toMatchObject({
      version: 1,
      contract: null,
    });
  });
});

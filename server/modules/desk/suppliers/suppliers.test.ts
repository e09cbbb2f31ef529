import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/schema.ts';
import { createTestContext, json, type Session, signIn, type TestContext } from '../../../testing.ts';
import { supplierClocks } from './schema.ts';

// Underpinning contracts followed up: tickets handed to supplier groups (or waiting for a supplier)
// measured against the supplier's contracted levels, live and imported, and the report per
// supplier and contract. On a 24-hour calendar, so business minutes are wall-clock minutes.
//
// CGI has two contracts with levels: "Heroma drift" covers Heroma (P3: 60 min to respond, 240 to
// resolve) and "Lifecare support" covers Lifecare (P3: 10 and 20). Atea has a supplier group and
// no contract with levels. Imported, March 2025 (all P3):
//  S1 Heroma: to CGI 08:10, pågår 08:40 (response 30), waits for the requester 09:10–10:10, back
//     to the second line 11:10 (resolution 120, the wait left out)
//  S2 Heroma: to CGI 08:00, reply 09:30 (response 90: breached), solved 13:00 (300: breached)
//  S3 Heroma: second line, waits for a supplier 09:00 (CGI, by the system's contract), back 09:50
//     (response and resolution 50)
//  S4 to Atea 08:00, solved 09:00: not measured (no contract)
//  S6 Lifecare: to CGI 08:00, solved 08:15 (response 15: breached, resolution 15: met)
// CGI/Heroma: 3 tickets, response 2 of 3 on time (30, 50, 90: median 50, mean 56.7); resolution
// 2 of 3 (50, 120, 300: median 120, mean 156.7); 2 breaches.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let employee: Session;
let secondLine: string;
let cgiGroup: string;
let ateaGroup: string;
let heroma: string;
let lifecare: string;
let heromaContract: string;
let lifecareContract: string;
let heromaLevel: { id: string; version: number };
let cgi: string;
let atea: string;

const get = (s: Session, url: string) => t.app.inject({ url, headers: s.headers() });
const send = (s: Session, method: 'POST' | 'PATCH', url: string, payload: unknown) =>
  t.app.inject({ method, url, headers: s.headers(), payload: payload as object });
const post = (s: Session, url: string, payload: unknown) => send(s, 'POST', url, payload);
const patch = (s: Session, url: string, payload: unknown) => send(s, 'PATCH', url, payload);

const allDay = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]),
);
const at = (day: string, time: string) => `2025-03-${day}T${time}:00+01:00`;
const p3 = { impact: 2, urgency: 2 } as const;
const targets = (response: number, resolution: number) => ({
  '1': { response, resolution },
  '2': { response, resolution },
  '3': { response, resolution },
  '4': { response: null, resolution: null },
});

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  const { seedPerson } = await import('../../../testing.ts');
  await seedPerson(t.db, t.a, 'anna@a.example', ['employee']);
  employee = await signIn(t.app, 'anna@a.example');

  const calendar = json(
    await post(admin, '/api/v1/calendars', {
      name: 'Dygnet runt',
      timeZone: 'Europe/Stockholm',
      weekly: allDay,
      swedishHolidays: false,
      extraClosedDates: [],
      exceptions: [],
    }),
  ).id;
  cgi = json(await post(admin, '/api/v1/suppliers', { name: 'CGI Sverige AB' })).id;
  atea = json(await post(admin, '/api/v1/suppliers', { name: 'Atea Sverige AB' })).id;
  heroma = json(await post(admin, '/api/v1/systems', { name: 'Heroma', scope: 'shared' })).id;
  lifecare = json(await post(admin, '/api/v1/systems', { name: 'Lifecare', scope: 'shared' })).id;
  const contract = async (title: string, systemId: string) => {
    const made = await post(admin, '/api/v1/contracts', {
      supplierId: cgi,
      title,
      contractNumber: `AVT-${title.length}`,
      startsOn: '2020-01-01',
      systemIds: [systemId],
    });
    expect(made.statusCode, made.body).toBe(201);
    return json(made).id as string;
  };
  heromaContract = await contract('Heroma drift', heroma);
  lifecareContract = await contract('Lifecare support', lifecare);
  const level = async (name: string, contractId: string, t3: [number, number]) => {
    const made = await post(admin, '/api/v1/service-levels', {
      name,
      kind: 'underpinning',
      contractId,
      calendarId: calendar,
      clockStart: 'assignment',
      warningPercent: 80,
      targets: targets(...t3),
    });
    expect(made.statusCode, made.body).toBe(201);
    return json(made);
  };
  heromaLevel = await level('CGI Heroma', heromaContract, [60, 240]);
  await level('CGI Lifecare', lifecareContract, [10, 20]);

  secondLine = json(await post(admin, '/api/v1/groups', { name: 'Andra linjen', kind: 'secondLine' })).id;
  const supplierGroup = async (name: string, supplierId: string) => {
    const made = await post(admin, '/api/v1/groups', { name, kind: 'supplier', supplierId });
    expect(made.statusCode, made.body).toBe(201);
    return json(made).id as string;
  };
  cgiGroup = await supplierGroup('CGI support', cgi);
  ateaGroup = await supplierGroup('Atea', atea);

  const ticket = (ref: string, systemId: string | null, createdAt: string, events: object[]) => ({
    sourceRef: `suppliers:${ref}`,
    title: `Ärende ${ref}`,
    requesterId: t.a.adminId,
    systemId,
    createdAt,
    events,
    ...p3,
  });
  const imported = await post(admin, '/api/v1/tickets/import', {
    tickets: [
      ticket('S1', heroma, at('03', '08:00'), [
        { at: at('03', '08:10'), groupId: cgiGroup },
        { at: at('03', '08:40'), status: 'inProgress' },
        { at: at('03', '09:10'), status: 'waitingRequester' },
        { at: at('03', '10:10'), status: 'inProgress' },
        { at: at('03', '11:10'), groupId: secondLine },
      ]),
      ticket('S2', heroma, at('04', '08:00'), [
        { at: at('04', '08:00'), groupId: cgiGroup },
        { at: at('04', '09:30'), reply: true },
        { at: at('04', '13:00'), status: 'solved' },
      ]),
      ticket('S3', heroma, at('05', '08:00'), [
        { at: at('05', '08:00'), groupId: secondLine, status: 'inProgress' },
        { at: at('05', '09:00'), status: 'waitingSupplier' },
        { at: at('05', '09:50'), status: 'inProgress' },
      ]),
      ticket('S4', null, at('06', '08:00'), [
        { at: at('06', '08:00'), groupId: ateaGroup },
        { at: at('06', '09:00'), status: 'solved' },
      ]),
      ticket('S6', lifecare, at('07', '08:00'), [
        { at: at('07', '08:00'), groupId: cgiGroup },
        { at: at('07', '08:15'), status: 'solved' },
      ]),
    ],
  });
  expect(imported.statusCode, imported.body).toBe(200);
  expect(json(imported).created).toBe(5);
});

afterAll(async () => {
  await t?.close();
});

const MARCH = 'from=2025-03-01&to=2025-03-31';

describe('the supplier report', () => {
  it('measures each supplier and contract against the contracted levels', async () => {
    const res = await get(admin, `/api/v1/desk/suppliers/report?${MARCH}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = json(res);
    expect(report).toMatchObject({ from: '2025-03-01', to: '2025-03-31' });
    const rows = report.rows.map((r: { supplier: { name: string }; contract: { title: string } | null }) => [
      r.supplier.name,
      r.contract?.title ?? null,
    ]);
    expect(rows).toEqual([
      ['Atea Sverige AB', null],
      ['CGI Sverige AB', 'Heroma drift'],
      ['CGI Sverige AB', 'Lifecare support'],
    ]);
    const [ateaRow, heromaRow, lifecareRow] = report.rows;
    expect(ateaRow).toMatchObject({
      tickets: 1,
      spells: 1,
      open: 0,
      serviceLevel: null,
      response: { measured: 0, breached: 0, share: null },
      breaches: 0,
    });
    expect(heromaRow).toMatchObject({
      contract: { id: heromaContract, contractNumber: 'AVT-12' },
      serviceLevel: { id: heromaLevel.id, name: 'CGI Heroma' },
      tickets: 3,
      spells: 3,
      open: 0,
      response: { measured: 3, breached: 1, minutes: { count: 3, median: 50, mean: 56.7 } },
      resolution: { measured: 3, breached: 1, minutes: { count: 3, median: 120, mean: 156.7 } },
      breaches: 2,
    });
    expect(heromaRow.response.share).toBeCloseTo(2 / 3);
    expect(heromaRow.resolution.share).toBeCloseTo(2 / 3);
    expect(lifecareRow).toMatchObject({
      contract: { id: lifecareContract },
      tickets: 1,
      response: { measured: 1, breached: 1, share: 0, minutes: { median: 15 } },
      resolution: { measured: 1, breached: 0, share: 1, minutes: { median: 15 } },
      breaches: 1,
    });
    // Another period: nothing.
    expect(
      json(await get(admin, '/api/v1/desk/suppliers/report?from=2025-04-01&to=2025-04-30')).rows,
    ).toEqual([]);
  });

  it('exports the same figures as XLSX', async () => {
    const res = await get(admin, `/api/v1/desk/suppliers/report/export?${MARCH}&format=xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map(String);
    expect(values(1).slice(0, 3)).toEqual(['leverantör', 'avtal', 'avtalsnummer']);
    expect(values(2).slice(0, 2)).toEqual(['Atea Sverige AB', 'Inget avtal med servicenivåer']);
    const heromaCells = values(3);
    expect(heromaCells.slice(0, 2)).toEqual(['CGI Sverige AB', 'Heroma drift']);
    expect(heromaCells).toContain('66,7');
    expect(heromaCells).toContain('156,7');
  });

  it('refuses bad periods and readers who may not see every ticket', async () => {
    const bad = await get(admin, '/api/v1/desk/suppliers/report?from=2025-04-01&to=2025-03-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await get(admin, '/api/v1/desk/suppliers/report?from=mars')).statusCode).toBe(400);
    expect((await get(employee, `/api/v1/desk/suppliers/report?${MARCH}`)).statusCode).toBe(403);
  });

  it('shows another tenant nothing, and refuses its contract ids', async () => {
    expect(json(await get(bAdmin, `/api/v1/desk/suppliers/report?${MARCH}`)).rows).toEqual([]);
    const before = await t.db.select().from(supplierClocks).where(eq(supplierClocks.tenantId, t.b.id));
    expect(before).toEqual([]);
    const theirs = await post(bAdmin, '/api/v1/service-levels', {
      name: 'Lånat avtal',
      kind: 'underpinning',
      contractId: heromaContract,
      targets: targets(60, 240),
    });
    expect(theirs.statusCode).toBe(400);
    expect(JSON.parse(theirs.body).errors.map((e: { path: string }) => e.path)).toEqual(['body.contractId']);
    expect((await get(bAdmin, `/api/v1/service-levels/${heromaLevel.id}`)).statusCode).toBe(404);
    const moved = await patch(bAdmin, `/api/v1/service-levels/${heromaLevel.id}`, {
      version: heromaLevel.version,
      name: 'Kapat',
    });
    expect(moved.statusCode).toBe(404);
  });

  it('keeps one underpinning level per contract', async () => {
    const second = await post(admin, '/api/v1/service-levels', {
      name: 'CGI Heroma igen',
      kind: 'underpinning',
      contractId: heromaContract,
      targets: targets(1, 2),
    });
    expect(second.statusCode).toBe(409);
    expect(JSON.parse(second.body).errors.map((e: { path: string }) => e.path)).toEqual(['body.contractId']);
    expect(json(await get(admin, '/api/v1/service-levels?kind=underpinning')).items).toHaveLength(2);
  });

  it('keeps the contract link versioned and audited', async () => {
    const stale = await patch(admin, `/api/v1/service-levels/${heromaLevel.id}`, {
      version: heromaLevel.version + 5,
      targets: targets(1, 2),
    });
    expect([409, 412]).toContain(stale.statusCode);
    expect(json(await get(admin, `/api/v1/service-levels/${heromaLevel.id}`)).targets['3']).toEqual({
      response: 60,
      resolution: 240,
    });
    const audited = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'serviceLevel'), eq(auditEvents.entityId, heromaLevel.id)));
    expect(audited.map((a) => a.action)).toEqual(['create']);
  });
});

describe('a live ticket with a supplier', () => {
  it('runs a supplier clock from the hand-over, pauses it, meets it and ends it when the ticket comes back', async () => {
    const made = await post(admin, '/api/v1/tickets', {
      type: 'incident',
      title: 'Lönespecifikationen visas inte',
      requesterId: t.a.adminId,
      systemId: heroma,
      groupId: secondLine,
      ...p3,
    });
    expect(made.statusCode, made.body).toBe(201);
    let ticket = json(made);
    expect(ticket.supplierClocks).toEqual([]);

    const handed = await patch(admin, `/api/v1/tickets/${ticket.id}`, {
      version: ticket.version,
      groupId: cgiGroup,
    });
    expect(handed.statusCode, handed.body).toBe(200);
    ticket = json(handed);
    expect(ticket.supplierClocks).toHaveLength(1);
    expect(ticket.supplierClocks[0]).toMatchObject({
      supplier: { id: cgi, name: 'CGI Sverige AB' },
      group: { id: cgiGroup, name: 'CGI support' },
      contract: { id: heromaContract, name: 'Heroma drift' },
      serviceLevel: { id: heromaLevel.id },
      endedAt: null,
      response: { phase: 'running', targetMinutes: 60 },
      resolution: { phase: 'running', targetMinutes: 240 },
    });

    // A stale version changes nothing, the supplier clock neither.
    const stale = await patch(admin, `/api/v1/tickets/${ticket.id}`, { version: 1, status: 'solved' });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');

    ticket = json(
      await patch(admin, `/api/v1/tickets/${ticket.id}`, {
        version: ticket.version,
        status: 'waitingRequester',
      }),
    );
    expect(ticket.supplierClocks[0].response.phase).toBe('paused');
    expect(ticket.supplierClocks[0].resolution.phase).toBe('paused');

    // The supplier answers publicly: the response is met (while paused, as it stood).
    expect(
      (await post(admin, `/api/v1/tickets/${ticket.id}/messages`, { body: 'Vi tittar på det.' })).statusCode,
    ).toBe(201);
    ticket = json(await get(admin, `/api/v1/tickets/${ticket.id}`));
    expect(ticket.supplierClocks[0].response.phase).toBe('met');
    expect(ticket.supplierClocks[0].resolution.phase).toBe('paused');

    ticket = json(
      await patch(admin, `/api/v1/tickets/${ticket.id}`, {
        version: ticket.version,
        status: 'inProgress',
        groupId: secondLine,
      }),
    );
    expect(ticket.supplierClocks).toHaveLength(1);
    expect(ticket.supplierClocks[0].endedAt).not.toBeNull();
    expect(ticket.supplierClocks[0].resolution).toMatchObject({ phase: 'met', breachedAt: null });

    // Waiting for the supplier again, in the own group: a second stay with the same supplier.
    ticket = json(
      await patch(admin, `/api/v1/tickets/${ticket.id}`, {
        version: ticket.version,
        status: 'waitingSupplier',
      }),
    );
    expect(ticket.supplierClocks).toHaveLength(2);
    expect(ticket.supplierClocks[1]).toMatchObject({
      supplier: { id: cgi },
      group: null,
      contract: { id: heromaContract },
      endedAt: null,
      resolution: { phase: 'running' },
    });
    ticket = json(
      await patch(admin, `/api/v1/tickets/${ticket.id}`, { version: ticket.version, status: 'solved' }),
    );
    expect(ticket.supplierClocks[1].endedAt).not.toBeNull();
    expect(ticket.supplierClocks[1].resolution.phase).toBe('met');

    // Another tenant reads neither the ticket nor its clocks.
    expect((await get(bAdmin, `/api/v1/tickets/${ticket.id}`)).statusCode).toBe(404);
  });

  it("keeps the stays with suppliers to the agents: the requester's view has none", async () => {
    const mine = json(
      await post(employee, '/api/v1/tickets', { type: 'incident', title: 'Lönen syns inte', ...p3 }),
    );
    const handed = await patch(admin, `/api/v1/tickets/${mine.id}`, {
      version: mine.version,
      groupId: cgiGroup,
      systemId: heroma,
    });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(json(handed).supplierClocks).toHaveLength(1);
    const seen = json(await get(employee, `/api/v1/tickets/${mine.id}`));
    expect(seen.supplierClocks).toBeUndefined();
  });

  it('shows a stay with a supplier without a contract with levels as not measured', async () => {
    const made = json(
      await post(admin, '/api/v1/tickets', {
        type: 'incident',
        title: 'Skrivaren på plan 2',
        requesterId: t.a.adminId,
        groupId: ateaGroup,
        ...p3,
      }),
    );
    expect(made.supplierClocks).toEqual([
      expect.objectContaining({
        supplier: { id: atea, name: 'Atea Sverige AB' },
        contract: null,
        response: null,
      }),
    ]);
  });
});

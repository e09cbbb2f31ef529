import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultEscalation } from '../../../../shared/desk/services.ts';
import * as directory from '../../../platform/directory/service.ts';
import { newId } from '../../../platform/ids.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { serviceLevels } from '../services/schema.ts';

// The metrics on a known set of tickets, imported with their histories (the clocks come from the
// import's replay, as for live tickets), against figures counted by hand below. March 2025 on a
// 24-hour calendar, so business minutes are wall-clock minutes; priority 3 has 120 minutes to the
// response and 600 to the solution, priority 4 no response target and 1,200 to the solution.
//
// Units of tenant A: Förvaltning a (the admin's) > Skola > Klass, and the top-level =Social.
//
//  T1 Skola, P3, 03-03 08:00, first line, answered 08:30, solved 09:00, rated 5
//  T2 Klass, P3, 03-04 08:00, first line, answered 11:00 (late), second line at 12:00, solved 03-05
//     10:00 (1,560 minutes: late), rated 2
//  T3 Förvaltning a, P3, 03-10 09:00, answered 09:30, solved 03-16 15:00 (late), reopened 03-17
//     09:00, solved 12:00, rated 4: it stood solved at midnight between the weeks
//  T4 =Social, P3, 03-20 10:00, answered 10:30, still open
//  T5 Skola, P3, made 02-25 10:00 (before the period), answered 10:20, solved 03-05 10:00 (late)
//  T6 Skola, made and solved in February: outside the period
//  T7 Skola, P3, 03-25 10:00, answered 10:05, solved 04-02 (after the period)
//  T9 Skola, P4, 03-06 10:00, solved 11:00
//  and one ticket of tenant B in March, never counted for A.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let employee: Session;
let agent: Session;
let groupAgent: Session;
let skolaManager: Session;
let firstLine: string;
let secondLine: string;
let skola: string;
let klass: string;
let social: string;

const get = (s: Session, url: string) => t.app.inject({ url, headers: s.headers() });
const post = (s: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: s.headers(), payload: payload as object });

const MARCH = 'from=2025-03-01&to=2025-03-31';
const allDay = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]),
);

/** A Stockholm wall time in March 2025 (CET, before the change to summer time on the 30th). */
const at = (day: string, time: string) => `2025-${day}T${time}:00+01:00`;
const april = (day: string, time: string) => `2025-04-${day}T${time}:00+02:00`;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  const unit = (name: string, parentId?: string) =>
    directory.createUnit(t.db, t.a.actor, { name, kind: 'office', parentId });
  skola = (await unit('Skola', t.a.unitId)).id;
  klass = (await unit('Klass', skola)).id;
  social = (await unit('=Social')).id;
  await seedPerson(t.db, t.a, 'anna@a.example', ['employee']);
  employee = await signIn(t.app, 'anna@a.example');
  await seedPerson(t.db, t.a, 'agent@a.example', ['serviceDeskAgent']);
  agent = await signIn(t.app, 'agent@a.example');
  const manager = await seedPerson(t.db, t.a, 'kundansvarig@a.example', ['employee']);
  await directory.grantRole(t.db, t.a.actor, {
    personId: manager.id,
    role: 'accountManager',
    scope: 'unit',
    scopeId: skola,
  });
  skolaManager = await signIn(t.app, 'kundansvarig@a.example');

  const calendar = json(
    await post(admin, '/api/v1/calendars', {
      name: 'Dygnet runt',
      timeZone: 'Europe/Stockholm',
      weekly: allDay,
      swedishHolidays: false,
      extraClosedDates: [],
      exceptions: [],
    }),
  );
  // The default level, straight into its table: its routes belong to the services part, which
  // lands on its own branch; the clocks read the table (services/terms.ts).
  await t.db.insert(serviceLevels).values({
    tenantId: t.a.id,
    id: newId(),
    name: 'Standard',
    kind: 'service',
    calendarId: calendar.id,
    isDefault: true,
    targets: {
      '1': { response: 30, resolution: 240 },
      '2': { response: 60, resolution: 480 },
      '3': { response: 120, resolution: 600 },
      '4': { response: null, resolution: 1200 },
    },
    escalation: defaultEscalation,
  });
  firstLine = json(await post(admin, '/api/v1/groups', { name: 'Servicedesk', kind: 'firstLine' })).id;
  secondLine = json(await post(admin, '/api/v1/groups', { name: 'Andra linjen', kind: 'secondLine' })).id;
  const groupOnly = await seedPerson(t.db, t.a, 'gruppagent@a.example', ['employee']);
  expect(
    (await post(admin, `/api/v1/groups/${secondLine}/members`, { personId: groupOnly.id })).statusCode,
  ).toBe(204);
  groupAgent = await signIn(t.app, 'gruppagent@a.example');

  const p3 = { impact: 2, urgency: 2 } as const;
  const ticket = (ref: string, unitId: string, createdAt: string, events: object[], extra: object = {}) => ({
    sourceRef: `metrics:${ref}`,
    title: `Ärende ${ref}`,
    requesterId: t.a.adminId,
    unitId,
    createdAt,
    events,
    ...p3,
    ...extra,
  });
  const imported = await post(admin, '/api/v1/tickets/import', {
    tickets: [
      ticket(
        'T1',
        skola,
        at('03-03', '08:00'),
        [
          { at: at('03-03', '08:10'), groupId: firstLine, status: 'assigned' },
          { at: at('03-03', '08:30'), status: 'inProgress', reply: true },
          { at: at('03-03', '09:00'), status: 'solved' },
        ],
        { rating: 5, category: 'password' },
      ),
      ticket(
        'T2',
        klass,
        at('03-04', '08:00'),
        [
          { at: at('03-04', '08:05'), groupId: firstLine, status: 'assigned' },
          { at: at('03-04', '11:00'), status: 'inProgress', reply: true },
          { at: at('03-04', '12:00'), groupId: secondLine },
          { at: at('03-05', '10:00'), status: 'solved' },
        ],
        { rating: 2, category: 'account' },
      ),
      ticket(
        'T3',
        t.a.unitId,
        at('03-10', '09:00'),
        [
          { at: at('03-10', '09:05'), groupId: firstLine, status: 'assigned' },
          { at: at('03-10', '09:30'), status: 'inProgress', reply: true },
          { at: at('03-16', '15:00'), status: 'solved' },
          { at: at('03-17', '09:00'), status: 'inProgress' },
          { at: at('03-17', '12:00'), status: 'solved' },
        ],
        { rating: 4, category: 'account' },
      ),
      ticket('T4', social, at('03-20', '10:00'), [
        { at: at('03-20', '10:10'), groupId: firstLine, status: 'assigned' },
        { at: at('03-20', '10:30'), status: 'inProgress', reply: true },
      ]),
      ticket('T5', skola, '2025-02-25T10:00:00+01:00', [
        { at: '2025-02-25T10:05:00+01:00', groupId: firstLine, status: 'assigned' },
        { at: '2025-02-25T10:20:00+01:00', status: 'inProgress', reply: true },
        { at: at('03-05', '10:00'), status: 'solved' },
      ]),
      ticket('T6', skola, '2025-02-20T10:00:00+01:00', [
        { at: '2025-02-20T10:05:00+01:00', groupId: firstLine, status: 'inProgress', reply: true },
        { at: '2025-02-21T10:00:00+01:00', status: 'solved' },
      ]),
      ticket('T7', skola, at('03-25', '10:00'), [
        { at: at('03-25', '10:05'), groupId: firstLine, status: 'inProgress', reply: true },
        { at: april('02', '10:00'), status: 'solved' },
      ]),
      ticket(
        'T9',
        skola,
        at('03-06', '10:00'),
        [
          { at: at('03-06', '10:02'), groupId: firstLine, status: 'assigned' },
          { at: at('03-06', '11:00'), status: 'solved' },
        ],
        { impact: 3, urgency: 3 },
      ),
    ],
  });
  expect(imported.statusCode, imported.body).toBe(200);
  expect(json(imported).created).toBe(8);
  const inB = await post(bAdmin, '/api/v1/tickets/import', {
    tickets: [
      {
        sourceRef: 'b:1',
        title: 'Grannbys ärende',
        requesterId: t.b.adminId,
        createdAt: at('03-12', '10:00'),
        events: [{ at: at('03-12', '11:00'), status: 'solved' }],
      },
    ],
  });
  expect(inB.statusCode, inB.body).toBe(200);
  // The phone in March: answered after 30 and 90 seconds, and one given up.
  const calls = await t.app.inject({
    method: 'POST',
    url: '/api/v1/phone-calls/import',
    headers: admin.headers({ 'content-type': 'text/csv' }),
    payload:
      'Tid;Kö;Väntetid (s);Besvarat\n2025-03-03 08:01:00;Servicedesk;30;ja\n2025-03-04 09:00:00;Servicedesk;90;ja\n2025-03-05 10:00:00;Servicedesk;20;nej\n',
  });
  expect(calls.statusCode, calls.body).toBe(200);
});
afterAll(() => t.close());

describe('metrics of a period', () => {
  it('count what was made, solved and left open, and how the promises were kept', async () => {
    const response = await get(admin, `/api/v1/desk/metrics?${MARCH}&by=unit`);
    expect(response.statusCode, response.body).toBe(200);
    const m = json(response);
    expect(m.from).toBe('2025-03-01');
    expect(m.to).toBe('2025-03-31');
    expect(m.total).toEqual({
      created: 6, // T1 T2 T3 T4 T7 T9
      solved: 5, // T1 T2 T3 T5 T9
      open: 2, // T4 T7
      // Made in March with a response target: T1 T2 T3 T4 T7 (T9 is priority 4); T2 was late.
      response: { measured: 5, breached: 1, met: 4, share: 0.8 },
      // Solved in March with a target: T1 T2 T3 T5 T9; T2, T3 and T5 were late.
      resolution: { measured: 5, breached: 3, met: 2, share: 0.4 },
      // T2 went to the second line.
      firstContact: { solved: 5, firstContact: 4, share: 0.8 },
      reopened: { count: 1, share: 0.2 },
      satisfaction: { count: 3, mean: 11 / 3 },
      // 60 + 1,560 + (9,000 + 180) + 11,520 + 60 minutes over 5.
      resolutionMinutes: { mean: 4476 },
    });
    expect(m.targets).toEqual({ firstContact: 0.7, phoneAnswerSeconds: 60, phoneShare: 0.8 });
    expect(m.phone).toMatchObject({
      offered: 3,
      answered: 2,
      abandoned: 1,
      answeredWithinTarget: 1,
      meanWaitSeconds: 60,
    });
    expect(m.phone.shareWithinTarget).toBeCloseTo(1 / 3);
    expect(m.scope).toEqual({ all: true, units: [] });
  });

  it('give the backlog at each week’s end, not counting a ticket while it stood solved', async () => {
    const m = json(await get(admin, `/api/v1/desk/metrics?${MARCH}`));
    expect(m.series.interval).toBe('week');
    expect(
      m.series.points.map(
        (p: { start: string; end: string; created: number; solved: number; backlog: number }) => [
          p.start,
          p.end,
          p.created,
          p.solved,
          p.backlog,
        ],
      ),
    ).toEqual([
      ['2025-03-01', '2025-03-02', 0, 0, 1], // T5, made in February
      ['2025-03-03', '2025-03-09', 3, 4, 0],
      ['2025-03-10', '2025-03-16', 1, 0, 0], // T3 stood solved at midnight
      ['2025-03-17', '2025-03-23', 1, 1, 1],
      ['2025-03-24', '2025-03-30', 1, 0, 2],
      ['2025-03-31', '2025-03-31', 0, 0, 2],
    ]);
  });

  it('roll units up into the top-level units, and a unit into itself and its sub-units', async () => {
    const top = json(await get(admin, `/api/v1/desk/metrics?${MARCH}&by=unit`));
    const rows = top.rows.map(
      (r: { key: string; name: string; created: number; solved: number; open: number }) => [
        r.name,
        r.created,
        r.solved,
        r.open,
      ],
    );
    expect(rows).toEqual([
      ['=Social', 1, 0, 1],
      ['Förvaltning a', 5, 5, 1],
    ]);
    expect(top.rows.find((r: { key: string }) => r.key === t.a.unitId).hasChildren).toBe(true);
    const down = json(await get(admin, `/api/v1/desk/metrics?${MARCH}&by=unit&unitId=${t.a.unitId}`));
    expect(down.filters.unit).toEqual({ id: t.a.unitId, name: 'Förvaltning a' });
    expect(
      down.rows.map((r: { name: string; created: number; solved: number }) => [r.name, r.created, r.solved]),
    ).toEqual([
      ['Förvaltning a', 1, 1],
      ['Skola', 4, 4],
    ]);
    expect(down.total.created).toBe(5);
  });

  it('break down by priority, group and category, and filter by group', async () => {
    const byPriority = json(await get(admin, `/api/v1/desk/metrics?${MARCH}&by=priority`));
    expect(
      byPriority.rows.map((r: { key: string; created: number; response: { measured: number } }) => [
        r.key,
        r.created,
        r.response.measured,
      ]),
    ).toEqual([
      ['3', 5, 5],
      ['4', 1, 0],
    ]);
    const byGroup = json(await get(admin, `/api/v1/desk/metrics?${MARCH}&by=group`));
    expect(byGroup.rows.map((r: { name: string; solved: number }) => [r.name, r.solved])).toEqual([
      ['Andra linjen', 1],
      ['Servicedesk', 4],
    ]);
    const byCategory = json(await get(admin, `/api/v1/desk/metrics?${MARCH}&by=category`));
    expect(byCategory.rows.map((r: { key: string | null; created: number }) => [r.key, r.created])).toEqual([
      ['account', 2],
      ['password', 1],
      [null, 3],
    ]);
    const second = json(await get(admin, `/api/v1/desk/metrics?${MARCH}&by=unit&groupId=${secondLine}`));
    expect(second.total.solved).toBe(1);
    expect(second.total.firstContact.firstContact).toBe(0);
  });

  it('export the table as CSV, formula-safe, and as XLSX', async () => {
    const csv = await get(admin, `/api/v1/desk/metrics/export?${MARCH}&by=unit&format=csv`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^enhet;skapade;lösta;öppna vid periodens slut;/);
    // A unit named like a formula is written so that a spreadsheet does not run it.
    expect(lines[1]).toMatch(/^'=Social;1;0;1;/);
    expect(lines[2]).toMatch(/^Förvaltning a;5;5;1;4;1;75,0;/);
    expect(lines[3]).toMatch(
      /^Totalt 2025-03-01 – 2025-03-31;6;5;2;5;1;80,0;5;3;40,0;4;80,0;1;20,0;3;3,67;4476$/,
    );
    const xlsx = await get(admin, `/api/v1/desk/metrics/export?${MARCH}&by=unit&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // Read back: the names are text, every figure a number cell (shares in per cent, one decimal).
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Nyckeltal')!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1).slice(0, 4)).toEqual(['enhet', 'skapade', 'lösta', 'öppna vid periodens slut']);
    // A formula-like name stays a text cell, never a formula.
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(values(2).slice(0, 4)).toEqual(['=Social', 1, 0, 1]);
    expect(values(3).slice(0, 7)).toEqual(['Förvaltning a', 5, 5, 1, 4, 1, 75]);
    expect(values(4)).toEqual([
      'Totalt 2025-03-01 – 2025-03-31',
      ...[6, 5, 2, 5, 1, 80, 5, 3, 40, 4, 80, 1, 20, 3],
      expect.closeTo(3.67, 2),
      4476,
    ]);
    for (const cell of ['B4', 'G4', 'P4', 'Q4'])
      expect(sheet.getCell(cell).type).toBe(ExcelJS.ValueType.Number);
    expect([sheet.getCell('G4').numFmt, sheet.getCell('P4').numFmt]).toEqual(['0.0', '0.00']);
    // A share without anything measured is an empty cell, not a zero: =Social solved nothing.
    expect(sheet.getCell('J2').value).toBeNull();
  });

  it('refuse bad periods and dimensions with the field named', async () => {
    for (const [query, field] of [
      ['from=2025-04-01&to=2025-03-01', 'querystring.from'],
      ['from=2015-01-01&to=2025-03-01', 'querystring.from'],
      ['from=2025-13-01', 'querystring.from'],
      ['by=colour', 'querystring.by'],
      ['unitId=nope', 'querystring.unitId'],
    ] as const) {
      const response = await get(admin, `/api/v1/desk/metrics?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(json(response).errors.map((e: { path: string }) => e.path)).toContain(field);
    }
  });
});

describe('who reads the metrics', () => {
  it('refuses employees and agents of one group, answers agents who see all groups', async () => {
    expect((await get(employee, `/api/v1/desk/metrics?${MARCH}`)).statusCode).toBe(403);
    expect((await get(groupAgent, `/api/v1/desk/metrics?${MARCH}`)).statusCode).toBe(403);
    expect((await get(employee, `/api/v1/desk/metrics/export?${MARCH}`)).statusCode).toBe(403);
    expect((await get(employee, `/api/v1/desk/metrics/units/${skola}/report?${MARCH}`)).statusCode).toBe(403);
    expect(json(await get(employee, '/api/v1/desk/metrics/access'))).toEqual({
      read: false,
      all: false,
      units: [],
    });
    const all = await get(agent, `/api/v1/desk/metrics?${MARCH}`);
    expect(all.statusCode).toBe(200);
    expect(json(all).total.created).toBe(6);
  });

  it('gives an IT-kundansvarig the figures of their unit and its sub-units, and nothing else', async () => {
    expect(json(await get(skolaManager, '/api/v1/desk/metrics/access'))).toEqual({
      read: true,
      all: false,
      units: [{ id: skola, name: 'Skola' }],
    });
    const m = json(await get(skolaManager, `/api/v1/desk/metrics?${MARCH}&by=unit`));
    expect(m.scope).toEqual({ all: false, units: [{ id: skola, name: 'Skola' }] });
    // T1 T2 T7 T9 made, T1 T2 T5 T9 solved; not T3 (Förvaltning a) nor T4 (=Social).
    expect([m.total.created, m.total.solved, m.total.open]).toEqual([4, 4, 1]);
    expect(m.rows.map((r: { name: string }) => r.name)).toEqual(['Skola']);
    const byGroup = json(await get(skolaManager, `/api/v1/desk/metrics?${MARCH}&by=group`));
    expect(byGroup.total.created).toBe(4);
    expect((await get(skolaManager, `/api/v1/desk/metrics?${MARCH}&unitId=${t.a.unitId}`)).statusCode).toBe(
      403,
    );
    expect((await get(skolaManager, `/api/v1/desk/metrics?${MARCH}&unitId=${klass}`)).statusCode).toBe(200);
    expect((await get(skolaManager, `/api/v1/desk/metrics/units/${klass}/report?${MARCH}`)).statusCode).toBe(
      200,
    );
    expect(
      (await get(skolaManager, `/api/v1/desk/metrics/units/${t.a.unitId}/report?${MARCH}`)).statusCode,
    ).toBe(403);
    expect((await get(skolaManager, `/api/v1/desk/metrics/units/${social}/report?${MARCH}`)).statusCode).toBe(
      403,
    );
  });

  it('never counts or shows another tenant’s tickets and units', async () => {
    const b = json(await get(bAdmin, `/api/v1/desk/metrics?${MARCH}&by=unit`));
    expect(b.total.created).toBe(1);
    expect(JSON.stringify(b)).not.toContain('Skola');
    expect(JSON.stringify(b)).not.toContain('Social');
    // Tenant B's own phone has no calls.
    expect(b.phone.offered).toBe(0);
    expect((await get(bAdmin, `/api/v1/desk/metrics/units/${skola}/report?${MARCH}`)).statusCode).toBe(404);
    const filtered = await get(bAdmin, `/api/v1/desk/metrics?${MARCH}&unitId=${skola}`);
    expect(filtered.statusCode).toBe(400);
    expect((await get(bAdmin, `/api/v1/desk/metrics?${MARCH}&groupId=${firstLine}`)).statusCode).toBe(400);
    const a = json(await get(admin, `/api/v1/desk/metrics?${MARCH}`));
    expect(a.total.created).toBe(6);
  });
});

describe('the report of a unit', () => {
  it('holds the unit and its sub-units only, by sub-unit, category, system and priority', async () => {
    const response = await get(admin, `/api/v1/desk/metrics/units/${skola}/report?${MARCH}`);
    expect(response.statusCode, response.body).toBe(200);
    const r = json(response);
    expect(r.unit).toMatchObject({
      id: skola,
      name: 'Skola',
      path: [{ id: t.a.unitId, name: 'Förvaltning a' }],
    });
    // T1 T2 T7 T9 made, T1 T2 T5 T9 solved, T7 open; never T3 or T4.
    expect([r.total.created, r.total.solved, r.total.open]).toEqual([4, 4, 1]);
    expect(
      r.units.map((u: { name: string; created: number; solved: number }) => [u.name, u.created, u.solved]),
    ).toEqual([
      ['Klass', 1, 1],
      ['Skola', 3, 3],
    ]);
    expect(r.categories.map((c: { key: string | null; created: number }) => [c.key, c.created])).toEqual([
      ['account', 1],
      ['password', 1],
      [null, 2],
    ]);
    expect(r.systems.map((s: { key: string | null; created: number }) => [s.key, s.created])).toEqual([
      [null, 4],
    ]);
    expect(r.serviceLevel.name).toBe('Standard');
    const p3 = r.priorities.find((p: { priority: number }) => p.priority === 3);
    expect(p3).toMatchObject({ responseTarget: 120, resolutionTarget: 600, created: 3, solved: 3 });
    // T2 and T5 late of T1 T2 T5.
    expect(p3.resolution).toEqual({ measured: 3, breached: 2, met: 1, share: 1 / 3 });
    const p4 = r.priorities.find((p: { priority: number }) => p.priority === 4);
    expect(p4).toMatchObject({ responseTarget: null, resolutionTarget: 1200, created: 1 });
    expect(r.priorities.find((p: { priority: number }) => p.priority === 1).created).toBe(0);
    expect(r.targets.firstContact).toBe(0.7);
    expect(r.total.firstContact).toEqual({ solved: 4, firstContact: 3, share: 0.75 });
    expect(r.phone.offered).toBe(3);
  });

  it('lists the breached tickets made in the period, and compares with the year before', async () => {
    const r = json(await get(admin, `/api/v1/desk/metrics/units/${skola}/report?${MARCH}&limit=1`));
    // T2 (response and resolution) and T7 (resolution, solved in April); T5 was made in February.
    expect(r.breached.count).toBe(2);
    expect(r.breached.items).toHaveLength(1);
    expect(r.breached.items[0]).toMatchObject({ number: expect.stringMatching(/^INC-2025-/), priority: 3 });
    const all = json(await get(admin, `/api/v1/desk/metrics/units/${skola}/report?${MARCH}`));
    expect(all.breached.items.map((b: { title: string }) => b.title).sort()).toEqual([
      'Ärende T2',
      'Ärende T7',
    ]);
    const t2 = all.breached.items.find((b: { title: string }) => b.title === 'Ärende T2');
    expect(t2.unit).toEqual({ id: klass, name: 'Klass' });
    expect(t2.responseBreachedAt).toBe('2025-03-04T09:00:00.000Z');
    expect(all.previous).toMatchObject({ from: '2024-03-01', to: '2024-03-31' });
    expect(all.previous.total.created).toBe(0);
    const later = json(
      await get(admin, `/api/v1/desk/metrics/units/${skola}/report?from=2026-03-01&to=2026-03-31`),
    );
    expect(later.previous.total.created).toBe(4);
    expect(later.total.created).toBe(0);
  });

  it('answers 404 for a unit of no tenant of the reader', async () => {
    expect((await get(admin, `/api/v1/desk/metrics/units/${newId()}/report`)).statusCode).toBe(404);
    expect((await get(admin, `/api/v1/desk/metrics/units/${t.b.unitId}/report`)).statusCode).toBe(404);
  });
});

describe('reopenings', () => {
  const patch = (s: Session, url: string, payload: unknown) =>
    t.app.inject({ method: 'PATCH', url, headers: s.headers(), payload: payload as object });

  it('counts an agent’s status change from solved back to an open status, one by one and in bulk', async () => {
    const unitId = (await directory.createUnit(t.db, t.a.actor, { name: 'Återöppnat', kind: 'office' })).id;
    const made = await post(admin, '/api/v1/tickets', {
      title: 'Skrivaren igen',
      groupId: firstLine,
      unitId,
      impact: 3,
      urgency: 3,
    });
    expect(made.statusCode, made.body).toBe(201);
    let ticket = json(made);
    const id = ticket.id;
    const set = async (status: string) => {
      const changed = await patch(admin, `/api/v1/tickets/${id}`, { version: ticket.version, status });
      expect(changed.statusCode, changed.body).toBe(200);
      ticket = json(changed);
    };
    await set('solved');
    expect(ticket.reopenCount).toBe(0);
    await set('inProgress');
    expect(ticket).toMatchObject({ status: 'inProgress', reopenCount: 1, solvedAt: null });
    // A change between open statuses is no reopening.
    await set('waitingRequester');
    expect(ticket.reopenCount).toBe(1);
    await set('solved');
    const bulk = await post(admin, '/api/v1/tickets/bulk', {
      tickets: [{ id, version: ticket.version }],
      change: { status: 'assigned' },
    });
    expect(json(bulk).results[0].outcome, bulk.body).toBe('done');
    ticket = json(await get(admin, `/api/v1/tickets/${id}`));
    expect(ticket).toMatchObject({ status: 'assigned', reopenCount: 2 });
    await set('solved');
    // The reopen rate of the unit's tickets: the one solved ticket was reopened.
    const m = json(await get(admin, `/api/v1/desk/metrics?unitId=${unitId}`));
    expect(m.total.solved).toBe(1);
    expect(m.total.reopened).toEqual({ count: 1, share: 1 });
    // Solving again and closing counts nothing more.
    await set('closed');
    expect(ticket.reopenCount).toBe(2);
  });
});

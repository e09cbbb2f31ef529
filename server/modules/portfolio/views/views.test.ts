import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';

// The portfolio's views through the real app and database: the timeline of a period with its
// filters, the bubble chart's benefit, cost and risk, the load on key roles against a capacity
// (overload flagged), the report for the IT-styrgrupp, the projects' XLSX read back with a title a
// spreadsheet would run as a formula; bad queries refused with their paths, tenant B seeing none
// of A's rows, an employee none of it.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let employee: Session;
let managerId: string;
const ids: Record<string, string> = {};

function post(session: Session, url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url, headers: session.headers(), payload: payload as object });
}
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });
const created = async (response: Awaited<ReturnType<typeof post>>) => {
  expect(response.statusCode, response.body).toBe(201);
  return json(response);
};
const paths = (response: { json(): { errors?: { path: string }[] } }) =>
  (response.json().errors ?? []).map((e) => e.path);
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  await seedPerson(t.db, t.a, 'anstalld@a.example', ['employee']);
  employee = await signIn(t.app, 'anstalld@a.example');
  managerId = (await seedPerson(t.db, t.a, 'pl@a.example', ['reader'])).id;

  // Demands: two prepared (benefit, cost, risk), one without figures (not a bubble), one closed.
  const demand = async (title: string) =>
    (await created(await post(admin, '/api/v1/demands', { title, description: 'Behov', scope: 'shared' })))
      .id as string;
  const prepare = (
    id: string,
    status: string,
    score: number,
    savings: number | null,
    inv: number | null,
    lowRisk: number | null,
    effort: string | null,
  ) =>
    t.db.execute(sql`update portfolio_demands set status = ${status}, score = ${score},
      yearly_savings = ${savings}, investment = ${inv}, running_cost = ${inv === null ? null : Math.round(inv / 10)},
      hours_freed = 750, effort = ${effort},
      ratings = ${JSON.stringify(lowRisk === null ? {} : { lowRisk })}::jsonb where id = ${id}`);
  ids.big = await demand('E-arkiv');
  await prepare(ids.big, 'readyForDecision', 8000, 50_000_000, 200_000_000, 1, 'veryLarge');
  ids.small = await demand('=HYPERLINK("http://x")');
  await prepare(ids.small, 'preparing', 6000, 1_000_000, 5_000_000, null, null);
  ids.bare = await demand('Bara en idé');
  ids.closed = await demand('Avslutat');
  await prepare(ids.closed, 'closed', 9900, 1, 1, 5, null);

  // Projects: two in 2030 led by the same manager (one weighing by its demand's effort), one in
  // 2032, one archived; one red report on the first.
  const project = async (body: object) =>
    (await created(await post(admin, '/api/v1/projects', body))).id as string;
  ids.p1 = await project({
    name: '=SUM(1+1)',
    phase: 'execution',
    managerId,
    unitId: t.a.unitId,
    startsOn: '2030-01-01',
    endsOn: '2030-06-30',
    milestones: [{ name: 'Upphandling klar', plannedOn: '2030-03-31' }],
  });
  await t.db.execute(sql`update portfolio_projects set demand_id = ${ids.big} where id = ${ids.p1}`);
  ids.p2 = await project({
    name: 'Nytt intranät',
    phase: 'planning',
    managerId,
    startsOn: '2030-03-01',
    endsOn: '2030-12-31',
  });
  ids.p3 = await project({ name: 'Senare', phase: 'preStudy', startsOn: '2032-01-01', endsOn: '2032-12-31' });
  ids.gone = await project({ name: 'Arkiverat', phase: 'execution', startsOn: '2030-01-01', managerId });
  expect(
    (await post(admin, `/api/v1/projects/${ids.gone}/archive`, { version: 1, reason: 'Fel' })).statusCode,
  ).toBe(200);
  const report = await post(admin, `/api/v1/projects/${ids.p1}/reports`, {
    periodFrom: '2030-01-01',
    periodTo: '2030-01-31',
    time: 'green',
    cost: 'red',
    scope: 'amber',
    summary: 'Dyrare än planerat',
  });
  expect(report.statusCode, report.body).toBe(201);
  const deviation = await post(admin, `/api/v1/projects/${ids.p1}/deviations`, {
    title: 'Leveransen försenas',
    needsDecision: true,
  });
  expect(deviation.statusCode, deviation.body).toBe(201);

  // Procurements: one in 2030 led by the manager, one starting in ten days, one cancelled.
  const procurement = async (body: object) =>
    (await created(await post(admin, '/api/v1/procurements', { procedure: 'open', ...body }))).id as string;
  ids.r1 = await procurement({
    title: 'Upphandling e-arkiv',
    plannedStartOn: '2030-02-01',
    tenderDeadlineOn: '2030-04-15',
    contractStartsOn: '2030-07-01',
    responsibleId: managerId,
    unitId: t.a.unitId,
  });
  ids.soon = await procurement({ title: 'Snart', plannedStartOn: inDays(10), estimatedValue: 100_000_000 });
});
afterAll(() => t.close());

describe('portfolio timeline', () => {
  it('answers the projects and procurements of the period, with status and milestones', async () => {
    const response = await get(admin, '/api/v1/portfolio/timeline?from=2030-01-01&to=2030-12-31');
    expect(response.statusCode, response.body).toBe(200);
    const tl = json(response);
    expect([tl.from, tl.to, tl.truncated]).toEqual(['2030-01-01', '2030-12-31', false]);
    expect(tl.projects.map((p: { name: string }) => p.name)).toEqual(['=SUM(1+1)', 'Nytt intranät']);
    const [p1, p2] = tl.projects;
    expect(p1).toMatchObject({
      phase: 'execution',
      startsOn: '2030-01-01',
      endsOn: '2030-06-30',
      rag: 'red',
      latestReportOn: '2030-01-31',
      unit: { id: t.a.unitId },
      manager: { id: managerId, name: 'Test pl' },
    });
    expect(p1.milestones).toMatchObject([
      { name: 'Upphandling klar', plannedOn: '2030-03-31', doneOn: null },
    ]);
    expect(p2).toMatchObject({ rag: null, unit: null });
    // The one starting soon has no end yet: it runs on into the period.
    expect(tl.procurements).toMatchObject([
      { id: ids.soon, endsOn: null },
      {
        id: ids.r1,
        status: 'planned',
        startsOn: '2030-02-01',
        endsOn: '2030-07-01',
        tenderDeadlineOn: '2030-04-15',
      },
    ]);
  });

  it('filters by unit, phase, status and kind', async () => {
    const byUnit = json(
      await get(admin, `/api/v1/portfolio/timeline?from=2030-01-01&to=2030-12-31&unitId=${t.a.unitId}`),
    );
    expect(byUnit.projects.map((p: { id: string }) => p.id)).toEqual([ids.p1]);
    expect(byUnit.procurements.map((p: { id: string }) => p.id)).toEqual([ids.r1]);
    const byPhase = json(
      await get(admin, '/api/v1/portfolio/timeline?from=2030-01-01&to=2030-12-31&phase=planning'),
    );
    expect(byPhase.projects.map((p: { id: string }) => p.id)).toEqual([ids.p2]);
    expect(byPhase.procurements).toEqual([]);
    const byStatus = json(
      await get(admin, '/api/v1/portfolio/timeline?from=2030-01-01&to=2030-12-31&status=cancelled'),
    );
    expect([byStatus.projects, byStatus.procurements]).toEqual([[], []]);
    const later = json(
      await get(admin, '/api/v1/portfolio/timeline?from=2031-06-01&to=2032-12-31&kind=projects'),
    );
    expect(later.projects.map((p: { id: string }) => p.id)).toEqual([ids.p3]);
  });

  it('refuses a bad query with its path', async () => {
    for (const [query, path] of [
      ['from=2030-13-01', 'querystring.from'],
      ['from=2030-06-01&to=2030-01-01', 'querystring.to'],
      ['from=2030-01-01&to=2045-01-01', 'querystring.to'],
      ['phase=done', 'querystring.phase'],
      ['unitId=nej', 'querystring.unitId'],
      ['kind=both', 'querystring.kind'],
      ['extra=1', 'querystring'],
    ] as const) {
      const response = await get(admin, `/api/v1/portfolio/timeline?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(
        paths(response).some((p: string) => p.startsWith(path)),
        `${query}: ${paths(response)}`,
      ).toBe(true);
    }
  });
});

describe('portfolio bubble chart', () => {
  it('answers demands with benefit, cost and risk, highest ranked first', async () => {
    const response = await get(admin, '/api/v1/portfolio/bubbles');
    expect(response.statusCode, response.body).toBe(200);
    const { items } = json(response);
    expect(items.map((d: { id: string }) => d.id)).toEqual([ids.big, ids.small]);
    expect(items[0]).toMatchObject({
      status: 'readyForDecision',
      score: 80,
      yearlySavings: 50_000_000,
      investment: 200_000_000,
      runningCost: 20_000_000,
      hoursFreed: 750,
      risk: 4,
    });
    expect(items[1]).toMatchObject({ risk: null, score: 60 });
    const closed = json(await get(admin, '/api/v1/portfolio/bubbles?status=closed'));
    expect(closed.items.map((d: { id: string }) => d.id)).toEqual([ids.closed]);
    const bad = await get(admin, '/api/v1/portfolio/bubbles?limit=0&status=gone');
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(expect.arrayContaining(['querystring.limit', 'querystring.status']));
  });
});

describe('portfolio load on key roles', () => {
  it('counts each key person’s projects, procurements and effort points per month against the capacity', async () => {
    const response = await get(admin, '/api/v1/portfolio/load?from=2030-01-15&months=8&capacity=5');
    expect(response.statusCode, response.body).toBe(200);
    const l = json(response);
    expect(l.months).toEqual([
      '2030-01',
      '2030-02',
      '2030-03',
      '2030-04',
      '2030-05',
      '2030-06',
      '2030-07',
      '2030-08',
    ]);
    expect(l.capacity).toBe(5);
    // Only the manager carries anything in 2030 (the archived project does not count).
    expect(l.people).toHaveLength(1);
    const [m] = l.people;
    expect(m.person).toEqual({ id: managerId, name: 'Test pl' });
    expect(m.roles).toEqual(['procurementResponsible', 'projectManager']);
    // Jan: p1 (very large: 4). Feb: + the procurement (1). Mar–Jun: + p2 (medium: 2) = 7 > 5.
    // Jul: p2 and the procurement's contract start: 3. Aug: p2: 2.
    expect(m.months.map((x: { points: number }) => x.points)).toEqual([4, 5, 7, 7, 7, 7, 3, 2]);
    expect(m.months[2]).toEqual({
      month: '2030-03',
      projects: 2,
      procurements: 1,
      points: 7,
      overloaded: true,
    });
    expect(m.months[1].overloaded).toBe(false);
    expect([m.peak, m.overloaded]).toEqual([7, true]);
    // With room for eight, nobody is overloaded.
    const roomy = json(await get(admin, '/api/v1/portfolio/load?from=2030-01-01&months=8&capacity=8'));
    expect(roomy.people[0].overloaded).toBe(false);
  });

  it('measures each person against their own capacity from the settings, unless a what-if is given', async () => {
    const settings = async (session: Session) => json(await get(session, '/api/v1/portfolio/settings'));
    const patch = (session: Session, payload: object) =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/v1/portfolio/settings',
        headers: session.headers(),
        payload,
      });
    // Tenant B's person, and no person at all, are refused at their row; nothing is stored.
    const bPerson = await seedPerson(t.db, t.b, 'pl@b.example', ['reader']);
    const before = await settings(admin);
    for (const personId of [bPerson.id, '00000000-0000-4000-8000-000000000000']) {
      const refused = await patch(admin, {
        version: before.version,
        capacity: {
          default: 8,
          people: [
            { personId: managerId, points: 6 },
            { personId, points: 1 },
          ],
        },
      });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(paths(refused)).toEqual(['body.capacity.people.1.personId']);
    }
    const twice = await patch(admin, {
      version: before.version,
      capacity: { default: 8, people: [1, 2].map((points) => ({ personId: managerId, points })) },
    });
    expect(twice.statusCode).toBe(400);
    expect((await settings(admin)).version).toBe(before.version);

    const saved = await patch(admin, {
      version: before.version,
      capacity: { default: 8, people: [{ personId: managerId, points: 6 }] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(json(saved).capacity).toEqual({
      default: 8,
      people: [{ personId: managerId, name: 'Test pl', points: 6 }],
    });
    // Tenant B's settings are its own.
    expect((await settings(bAdmin)).capacity).toEqual({ default: 6, people: [] });

    // The manager's peak of 7 is above their own 6, though the default is 8.
    const own = json(await get(admin, '/api/v1/portfolio/load?from=2030-01-15&months=8'));
    expect(own.capacity).toBe(8);
    expect(own.people[0]).toMatchObject({ capacity: 6, peak: 7, overloaded: true });
    expect(own.people[0].months[1]).toMatchObject({ points: 5, overloaded: false });
    // A what-if for everyone sets the stored figures aside.
    const whatIf = json(await get(admin, '/api/v1/portfolio/load?from=2030-01-15&months=8&capacity=9'));
    expect(whatIf.people[0]).toMatchObject({ capacity: 9, overloaded: false });

    const back = await patch(admin, { version: json(saved).version, capacity: { default: 6, people: [] } });
    expect(back.statusCode, back.body).toBe(200);
  });

  it('refuses a bad query with its path', async () => {
    const bad = await get(admin, '/api/v1/portfolio/load?months=25&capacity=0&from=igår');
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(
      expect.arrayContaining(['querystring.months', 'querystring.capacity', 'querystring.from']),
    );
  });
});

describe('portfolio report', () => {
  it('answers the backlog top N, projects with their latest status, deviations and procurements starting soon', async () => {
    const response = await get(admin, '/api/v1/portfolio/report?top=1');
    expect(response.statusCode, response.body).toBe(200);
    const r = json(response);
    expect(r.backlog.map((d: { id: string }) => d.id)).toEqual([ids.big]);
    expect(r.backlog[0]).toMatchObject({ score: 80, investment: 200_000_000, yearlySavings: 50_000_000 });
    expect(r.projects.map((p: { name: string }) => p.name)).toEqual(['=SUM(1+1)', 'Nytt intranät', 'Senare']);
    expect(r.projects[0].latest).toEqual({
      periodTo: '2030-01-31',
      time: 'green',
      cost: 'red',
      scope: 'amber',
      summary: 'Dyrare än planerat',
    });
    expect(r.projects[0].manager).toEqual({ id: managerId, name: 'Test pl' });
    expect(r.deviations).toMatchObject([
      { title: 'Leveransen försenas', needsDecision: true, waiting: true, project: { id: ids.p1 } },
    ]);
    expect(r.procurementsSoon).toMatchObject([
      { id: ids.soon, plannedStartOn: inDays(10), estimatedValue: 100_000_000, status: 'planned' },
    ]);
    const all = json(await get(admin, '/api/v1/portfolio/report'));
    expect(all.backlog.map((d: { id: string }) => d.id)).toEqual([ids.big, ids.small, ids.bare]);
    const bad = await get(admin, '/api/v1/portfolio/report?top=51&soonDays=x');
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(expect.arrayContaining(['querystring.top', 'querystring.soonDays']));
  });
});

describe('portfolio views: access and export', () => {
  it('shows tenant B none of A’s rows and an employee none of it', async () => {
    const urls = [
      '/api/v1/portfolio/timeline?from=2030-01-01&to=2032-12-31',
      '/api/v1/portfolio/bubbles',
      '/api/v1/portfolio/load?from=2030-01-01&months=12',
      '/api/v1/portfolio/report',
    ];
    for (const url of urls) {
      const response = await get(bAdmin, url);
      expect(response.statusCode, url).toBe(200);
      for (const id of Object.values(ids)) expect(response.body, url).not.toContain(id);
      expect((await get(employee, url)).statusCode, url).toBe(403);
    }
    const b = json(await get(bAdmin, '/api/v1/portfolio/load?from=2030-01-01&months=12'));
    expect(b.people).toEqual([]);
    // A's unit as a filter in B: nothing.
    const cross = json(await get(bAdmin, `/api/v1/portfolio/timeline?from=2030-01-01&unitId=${t.a.unitId}`));
    expect([cross.projects, cross.procurements]).toEqual([[], []]);
  });

  it('exports projects and demands to XLSX with formula-like titles as plain text', async () => {
    const file = await get(admin, '/api/v1/projects/export?format=xlsx');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('projekt');
    const names = sheet.getColumn(1).values.slice(2);
    expect(names).toEqual(expect.arrayContaining(['=SUM(1+1)', 'Nytt intranät', 'Senare']));
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === '=SUM(1+1)')!;
    // Text, not a formula.
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(1).formula).toBeUndefined();
    expect(row.getCell(2).value).toBe('Genomförande');
    expect(row.getCell(5).value).toBe(`Förvaltning a`);

    const demandsFile = await get(admin, '/api/v1/demands/export?format=xlsx&sort=rank');
    const demands = new ExcelJS.Workbook();
    await demands.xlsx.load(demandsFile.rawPayload as never);
    const titles = demands.worksheets[0]!.getColumn(2).values.slice(2);
    expect(titles).toContain('=HYPERLINK("http://x")');
    const cell = demands.worksheets[0]!.getRows(2, 10)!.find(
      (r) => r.getCell(2).value === '=HYPERLINK("http://x")',
    )!;
    expect(cell.getCell(2).type).toBe(ExcelJS.ValueType.String);

    // The CSV puts an apostrophe before it.
    const csv = await get(admin, '/api/v1/projects/export?format=csv');
    expect(csv.body).toContain("'=SUM(1+1)");
  });

  it('asks the database the same number of statements however many rows it answers (no N+1)', async () => {
    const urls = [
      '/api/v1/portfolio/timeline?from=2030-01-01&to=2030-12-31',
      '/api/v1/portfolio/bubbles',
      '/api/v1/portfolio/load?from=2030-01-01&months=12',
      '/api/v1/portfolio/report',
    ];
    const statements = async (url: string) => {
      await get(admin, url); // the principal cache warm
      const before = t.database.queryCount;
      expect((await get(admin, url)).statusCode).toBe(200);
      return t.database.queryCount - before;
    };
    const before = [];
    for (const url of urls) before.push(await statements(url));
    for (let i = 0; i < 3; i++) {
      const p = json(
        await post(admin, '/api/v1/projects', {
          name: `Fler ${i}`,
          managerId,
          startsOn: '2030-02-01',
          endsOn: '2030-09-30',
          milestones: [{ name: 'M', plannedOn: '2030-05-01' }],
        }),
      );
      await post(admin, `/api/v1/projects/${p.id}/reports`, {
        periodFrom: '2030-02-01',
        periodTo: '2030-02-28',
        time: 'green',
        cost: 'green',
        scope: 'green',
      });
      await post(admin, `/api/v1/projects/${p.id}/deviations`, {
        title: `Avvikelse ${i}`,
        needsDecision: false,
      });
      await post(admin, '/api/v1/procurements', {
        title: `Fler ${i}`,
        procedure: 'direct',
        plannedStartOn: '2030-03-01',
        responsibleId: managerId,
      });
    }
    const after = [];
    for (const url of urls) after.push(await statements(url));
    expect(after).toEqual(before);
    expect(json(await get(admin, urls[0]!)).projects).toHaveLength(5);
  });
});

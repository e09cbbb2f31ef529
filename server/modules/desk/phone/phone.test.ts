import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/schema.ts';
import { excel } from '../../../platform/transfer/sheet.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { callImports, calls } from './schema.ts';

// The phone statistics through the API, on messy exports as telephony systems write them: the dry
// run's report by line, all or nothing, the same export twice, formulas, Stockholm time, the
// figures against what this test computes itself from the rows it sent, and tenants apart.

let t: TestContext;
let admin: Session;
let agent: Session;
let employee: Session;
let bAdmin: Session;

beforeAll(async () => {
  t = await createTestContext();
  await seedPerson(t.db, t.a, 'agent@a.example', ['serviceDeskAgent']);
  await seedPerson(t.db, t.a, 'employee@a.example', ['employee']);
  admin = await signIn(t.app, t.a.adminEmail);
  agent = await signIn(t.app, 'agent@a.example');
  employee = await signIn(t.app, 'employee@a.example');
  bAdmin = await signIn(t.app, t.b.adminEmail);
});
afterAll(() => t.close());

const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');

const post = (body: Buffer, query = '', who = admin, contentType = 'text/csv') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/phone-calls/import${query}`,
    headers: who.headers({ 'content-type': contentType }),
    payload: body,
  });
const get = (url: string, who = agent) => t.app.inject({ url, headers: who.headers() });

const callCount = async (tenantId = t.a.id) =>
  (await t.db.select({ n: count() }).from(calls).where(eq(calls.tenantId, tenantId)))[0]!.n;
const auditCount = async () =>
  (await t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.tenantId, t.a.id)))[0]!.n;

// ------------------------------------------------------------------ a file the test knows

interface Call {
  at: Date;
  queue: string;
  wait: number;
  answered: boolean;
}

/** 2025-03-03 (Monday) … three weeks of calls, with the waits and outcomes chosen below. */
function knownCalls(): Call[] {
  const list: Call[] = [];
  const waits = [3, 12, 25, 47, 59, 60, 61, 75, 120, 8, 33, 240, 18, 55, 90];
  for (let day = 0; day < 21; day++) {
    if (day % 7 >= 5) continue;
    for (let k = 0; k < 7 + (day % 4); k++) {
      const wait = waits[(day * 7 + k) % waits.length]!;
      list.push({
        // 07:00 Stockholm (UTC+1 in March before the switch) = 06:00Z, plus k × 37 minutes.
        at: new Date(Date.UTC(2025, 2, 3 + day, 6, k * 37, k)),
        queue: k % 3 === 0 ? 'Skolsupport' : 'Servicedesk',
        wait,
        answered: (day + k) % 6 !== 0,
      });
    }
  }
  return list;
}

/** The figures as the promise defines them, computed here over the rows. */
function expected(list: Call[], target = 60) {
  const answered = list.filter((c) => c.answered);
  const waits = answered.map((c) => c.wait).sort((a, b) => a - b);
  const within = answered.filter((c) => c.wait <= target).length;
  // percentile_cont(0.9): linear interpolation between the ranks around 0.9 × (n − 1).
  const rank = 0.9 * (waits.length - 1);
  const lo = Math.floor(rank);
  const p90 = waits.length ? waits[lo]! + (waits[Math.ceil(rank)]! - waits[lo]!) * (rank - lo) : null;
  return {
    offered: list.length,
    answered: answered.length,
    abandoned: list.length - answered.length,
    answeredWithinTarget: within,
    shareWithinTarget: list.length ? within / list.length : null,
    meanWaitSeconds: waits.length ? waits.reduce((a, b) => a + b, 0) / waits.length : null,
    p90WaitSeconds: p90,
  };
}

/** Stockholm wall clock without offset, as most telephony exports write it. */
const stockholm = (d: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(d);

const fileOf = (list: Call[]) =>
  csv([
    'Tid;Kö;Väntetid (s);Besvarat;Agent',
    ...list.map(
      (c, i) => `${stockholm(c.at)};${c.queue};${c.wait};${c.answered ? 'ja' : 'nej'};agent${i % 4}`,
    ),
  ]);

describe('import of call statistics', () => {
  it('reports every bad row of a dry run by its line and reason, writing nothing', async () => {
    const before = await auditCount();
    const response = await post(
      csv([
        'Tid;Kö;Väntetid (s);Besvarat',
        '2025-01-07 08:00:00;Servicedesk;12;ja',
        '2025-13-07 08:00:00;Servicedesk;12;ja',
        '2025-01-07 08:01;;12;ja',
        '2025-01-07 08:02;Servicedesk;-5;ja',
        '2025-01-07 08:03;Servicedesk;tolv;ja',
        '2025-01-07 08:04;Servicedesk;12;kanske',
        'igår;Servicedesk;12;nej',
        '2025-01-07;Servicedesk;12;nej',
        '2099-01-07 08:00;Servicedesk;12;nej',
        '2025-01-07 08:05;Servicedesk;0:45;avbrutet',
      ]),
      '?dryRun=true',
    );
    expect(response.statusCode).toBe(200);
    const report = json(response);
    expect(report).toMatchObject({ dryRun: true, written: false, rows: 10, added: 2, importId: null });
    expect(report.errors.map((e: { line: number; field: string }) => `${e.line}.${e.field}`)).toEqual([
      '3.at',
      '4.queue',
      '5.waitedSeconds',
      '6.waitedSeconds',
      '7.outcome',
      '8.at',
      '9.at',
      '10.at',
    ]);
    expect(report.errors[0].message).toBe('No such date or time');
    expect(report.errors[2].message).toBe('A wait cannot be negative');
    expect(report.errors[4].message).toContain('kanske');
    expect(report.errors[7].message).toBe('The time is in the future');
    expect(await callCount()).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it('writes nothing when one row is bad, and the 400 lists every error as line N.field', async () => {
    const before = await auditCount();
    const response = await post(
      csv([
        'Time,Queue,Wait,Answered',
        '2025-01-07T08:00:00+01:00,Servicedesk,12,yes',
        '2025-01-07T08:01:00+01:00,Servicedesk,12,yes',
        '2025-01-07T08:02:00+01:00,Servicedesk,x,yes',
        '2025-01-07T08:03:00+01:00,Servicedesk,12,perhaps',
      ]),
    );
    expect(response.statusCode).toBe(400);
    expect(json(response).errors.map((e: { path: string }) => e.path)).toEqual([
      'line 4.waitedSeconds',
      'line 5.outcome',
    ]);
    expect(json(response).detail).toContain('Nothing was imported');
    expect(await callCount()).toBe(0);
    expect((await t.db.select().from(callImports).where(eq(callImports.tenantId, t.a.id))).length).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it('names the missing columns, and takes a mapping for headers it does not know', async () => {
    const file = csv(['Starttid;Linje;Sekunder i kö;Resultat', '2025-01-08 09:00;Servicedesk;20;besvarat']);
    const report = json(await post(file, '?dryRun=true'));
    expect(report.errors.map((e: { field: string }) => e.field).sort()).toEqual(['queue', 'waitedSeconds']);
    const mapping = encodeURIComponent(JSON.stringify({ Linje: 'queue', 'Sekunder i kö': 'waitedSeconds' }));
    const mapped = json(await post(file, `?dryRun=true&mapping=${mapping}`));
    expect(mapped.errors).toEqual([]);
    expect(mapped.added).toBe(1);
    expect(mapped.columns.map((c: { field: string; source: string }) => `${c.field}:${c.source}`)).toEqual([
      'at:auto',
      'queue:mapping',
      'waitedSeconds:mapping',
      'outcome:auto',
    ]);
    const wrong = await post(file, `?dryRun=true&mapping=${encodeURIComponent('{"Linje":"agent"}')}`);
    expect(wrong.statusCode).toBe(400);
    expect(json(wrong).errors[0].path).toBe('querystring.mapping');
  });

  it('imports, and the same export twice adds nothing; an overlapping one adds only its new calls', async () => {
    const list = knownCalls();
    const first = await post(fileOf(list), '?fileName=vecka-10-12.csv');
    expect(first.statusCode).toBe(200);
    expect(json(first)).toMatchObject({
      written: true,
      rows: list.length,
      added: list.length,
      alreadyImported: 0,
    });
    expect(await callCount()).toBe(list.length);
    // One audit event for the import, with its counts; not one per call.
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, t.a.id), eq(auditEvents.entity, 'callImport')));
    expect(events).toHaveLength(1);
    expect(events[0]!.entityId).toBe(json(first).importId);

    const again = json(await post(fileOf(list)));
    expect(again).toMatchObject({ written: true, added: 0, alreadyImported: list.length });
    const dry = json(await post(fileOf(list), '?dryRun=true'));
    expect(dry).toMatchObject({ added: 0, alreadyImported: list.length });
    expect(await callCount()).toBe(list.length);

    const imports = json(await get('/api/v1/phone-calls/imports'));
    expect(imports.items[1]).toMatchObject({
      fileName: 'vecka-10-12.csv',
      rows: list.length,
      added: list.length,
    });
    expect(imports.items[0]).toMatchObject({ added: 0, alreadyImported: list.length });
  });

  it('keeps calls alike in every field as separate calls, and numbers them the same on a re-import', async () => {
    const row = '2025-02-10 10:15:00;Servicedesk;30;ja';
    const file = csv(['Tid;Kö;Väntetid;Besvarat', row, row, '2025-02-10 10:16:00;Servicedesk;30;ja']);
    const before = await callCount();
    expect(json(await post(file))).toMatchObject({ added: 3 });
    // An overlapping export: the same two identical calls, one new one.
    const overlap = csv(['Tid;Kö;Väntetid;Besvarat', row, row, '2025-02-10 10:17:00;Servicedesk;30;ja']);
    expect(json(await post(overlap))).toMatchObject({ added: 1, alreadyImported: 2 });
    expect(await callCount()).toBe(before + 4);
  });

  it('reads times with an offset as given and without one as Stockholm time, summer and winter', async () => {
    const file = csv([
      'Datum och tid;Kö;Väntetid (s);Utfall',
      '2025-01-15 08:00:00;Tidstest;1;besvarat',
      '2025-07-15 08:00:00;Tidstest;2;besvarat',
      '2025-07-15T08:00:00Z;Tidstest;3;avbrutet',
      '2025-07-15T08:00:00-04:00;Tidstest;4;abandoned',
    ]);
    expect(json(await post(file))).toMatchObject({ added: 4 });
    const list = json(await get('/api/v1/phone-calls?queue=Tidstest&order=asc'));
    expect(
      list.items.map((c: { at: string; waitedSeconds: number }) => `${c.waitedSeconds} ${c.at}`),
    ).toEqual([
      '1 2025-01-15T07:00:00.000Z',
      '2 2025-07-15T06:00:00.000Z',
      '3 2025-07-15T08:00:00.000Z',
      '4 2025-07-15T12:00:00.000Z',
    ]);
    expect(list.items.map((c: { outcome: string }) => c.outcome)).toEqual([
      'answered',
      'answered',
      'abandoned',
      'abandoned',
    ]);
  });

  it('reads an XLSX with English headers, date cells and a date column apart from the time', async () => {
    const ExcelJS = await excel();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Calls');
    sheet.addRow(['Date', 'Start time', 'Queue name', 'Wait time (s)', 'Call status']);
    // Excel keeps the wall clock; ExcelJS writes a Date's UTC fields as it.
    sheet.addRow([new Date(Date.UTC(2025, 5, 2)), '09:30:15', 'Xlsx-kö', 14, 'answered']);
    sheet.addRow([
      new Date(Date.UTC(2025, 5, 2)),
      new Date(Date.UTC(1899, 11, 30, 10, 5, 0)),
      'Xlsx-kö',
      70,
      'Abandoned',
    ]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await post(
      file,
      '',
      admin,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(json(response).errors).toEqual([]);
    expect(json(response)).toMatchObject({ added: 2 });
    const list = json(await get('/api/v1/phone-calls?queue=Xlsx-k%C3%B6&order=asc'));
    expect(list.items.map((c: { at: string }) => c.at)).toEqual([
      '2025-06-02T07:30:15.000Z',
      '2025-06-02T08:05:00.000Z',
    ]);
  });

  it('keeps formula-looking cells as text and takes off the apostrophe of a formula-safe export', async () => {
    const file = csv([
      'Tid;Kö;Väntetid (s);Besvarat',
      '2025-02-11 10:00;"=HYPERLINK(""http://x"";""kö"")";5;ja',
      "2025-02-11 10:01;'@Formelkö;5;ja",
    ]);
    expect(json(await post(file))).toMatchObject({ added: 2 });
    const queues = json(await get('/api/v1/phone-calls?from=2025-02-11&to=2025-02-11&order=asc')).items.map(
      (c: { queue: string }) => c.queue,
    );
    expect(queues).toEqual(['=HYPERLINK("http://x";"kö")', '@Formelkö']);
    const formulaWait = await post(
      csv(['Tid;Kö;Väntetid (s);Besvarat', '2025-02-11 10:02;Servicedesk;=1+1;ja']),
    );
    expect(formulaWait.statusCode).toBe(400);
    expect(json(formulaWait).errors[0].path).toBe('line 2.waitedSeconds');
  });

  it('refuses a file over 20 MB with 413, and JSON with 415', async () => {
    const big = await post(Buffer.alloc(20 * 1024 * 1024 + 1, 'a'));
    expect(big.statusCode).toBe(413);
    expect(big.headers['content-type']).toContain('application/problem+json');
    const asJson = await post(Buffer.from('{"a":1}'), '', admin, 'application/json');
    expect(asJson.statusCode).toBe(415);
  });
});

describe('the figures', () => {
  it('counts, shares, mean and 90th percentile per day, week and month as the test computes them', async () => {
    const list = knownCalls();
    const range = 'from=2025-03-03&to=2025-03-23';
    const month = json(await get(`/api/v1/phone-calls/stats?${range}&groupBy=month`));
    const all = expected(list);
    expect(month.total).toMatchObject({ ...all, meanWaitSeconds: expect.any(Number) });
    expect(month.total.meanWaitSeconds).toBeCloseTo(all.meanWaitSeconds!, 9);
    expect(month.total.p90WaitSeconds).toBeCloseTo(all.p90WaitSeconds!, 9);
    expect(month.periods.map((p: { period: string }) => p.period)).toEqual(['2025-03-01']);
    expect(month.target).toMatchObject({ answerSeconds: 60, targetPercent: 80 });
    expect(month.total.targetMet).toBe(all.answeredWithinTarget * 100 >= 80 * all.offered);

    const week = json(await get(`/api/v1/phone-calls/stats?${range}&groupBy=week`));
    expect(week.periods.map((p: { period: string }) => p.period)).toEqual([
      '2025-03-03',
      '2025-03-10',
      '2025-03-17',
    ]);
    week.periods.forEach((p: { period: string; offered: number; p90WaitSeconds: number }, i: number) => {
      const start = Date.UTC(2025, 2, 3 + 7 * i);
      const mine = expected(
        list.filter((c) => c.at.getTime() >= start && c.at.getTime() < start + 7 * 864e5),
      );
      expect(p).toMatchObject({ offered: mine.offered, answered: mine.answered, abandoned: mine.abandoned });
      expect(p.p90WaitSeconds).toBeCloseTo(mine.p90WaitSeconds!, 9);
    });

    const day = json(await get(`/api/v1/phone-calls/stats?${range}&groupBy=day&queue=Skolsupport`));
    expect(day.periods).toHaveLength(15);
    const school = list.filter((c) => c.queue === 'Skolsupport');
    expect(day.total).toMatchObject({
      offered: school.length,
      answeredWithinTarget: expected(school).answeredWithinTarget,
    });
    expect(day.queues).toEqual(expect.arrayContaining(['Servicedesk', 'Skolsupport']));
  });

  it('measures against the promise the admin sets, with the version; a stale one is 409', async () => {
    const settings = json(await get('/api/v1/phone-calls/settings'));
    expect(settings).toMatchObject({
      answerSeconds: 60,
      targetPercent: 80,
      version: 1,
      can: { update: false },
    });
    const patch = (body: object, who = admin) =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/v1/phone-calls/settings',
        headers: who.headers({ 'content-type': 'application/json' }),
        payload: body,
      });
    expect((await patch({ version: 1, answerSeconds: 30 }, agent)).statusCode).toBe(403);
    const changed = await patch({ version: 1, answerSeconds: 30 });
    expect(changed.statusCode).toBe(200);
    expect(json(changed)).toMatchObject({
      answerSeconds: 30,
      targetPercent: 80,
      version: 2,
      can: { update: true },
    });
    expect((await patch({ version: 1, targetPercent: 90 })).statusCode).toBe(409);
    const stats = json(await get('/api/v1/phone-calls/stats?from=2025-03-03&to=2025-03-23'));
    expect(stats.total.answeredWithinTarget).toBe(expected(knownCalls(), 30).answeredWithinTarget);
    expect(stats.target.answerSeconds).toBe(30);
    // Tenant B still has the defaults.
    expect(json(await get('/api/v1/phone-calls/settings', bAdmin))).toMatchObject({
      answerSeconds: 60,
      version: 1,
    });
  });
});

describe('the list', () => {
  it('pages by keyset in time order without skips or repeats, filtered', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { at: string; id: string }[]; nextCursor: string | null } = json(
        await get(
          `/api/v1/phone-calls?from=2025-03-03&to=2025-03-23&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
        ),
      );
      seen.push(...page.items.map((c: { at: string; id: string }) => `${c.at}|${c.id}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(knownCalls().length);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort().reverse()).toEqual(seen);
    const abandoned = json(
      await get('/api/v1/phone-calls?from=2025-03-03&to=2025-03-23&outcome=abandoned&limit=500'),
    );
    expect(abandoned.items.length).toBe(expected(knownCalls()).abandoned);
    expect((await get('/api/v1/phone-calls?cursor=bm9wZQ')).statusCode).toBe(400);
  });
});

describe('access and tenants', () => {
  it("never shows tenant A's calls to tenant B, in the list or the figures", async () => {
    const bFile = csv(['Tid;Kö;Väntetid (s);Besvarat', '2025-03-04 09:00;B-kön;10;ja']);
    expect(json(await post(bFile, '', bAdmin))).toMatchObject({ added: 1 });
    const list = json(await get('/api/v1/phone-calls?limit=500', bAdmin));
    expect(list.items.map((c: { queue: string }) => c.queue)).toEqual(['B-kön']);
    const stats = json(await get('/api/v1/phone-calls/stats?from=2025-01-01&to=2025-12-31', bAdmin));
    expect(stats.total.offered).toBe(1);
    expect(stats.queues).toEqual(['B-kön']);
    const aStats = json(await get('/api/v1/phone-calls/stats?from=2025-03-03&to=2025-03-23'));
    expect(aStats.total.offered).toBe(knownCalls().length);
    expect(aStats.queues).not.toContain('B-kön');
    expect(json(await get('/api/v1/phone-calls/imports', bAdmin)).items).toHaveLength(1);
    expect(await callCount(t.b.id)).toBe(1);
  });

  it('refuses an employee without the agent role, and an agent the import', async () => {
    for (const url of [
      '/api/v1/phone-calls',
      '/api/v1/phone-calls/stats',
      '/api/v1/phone-calls/imports',
      '/api/v1/phone-calls/settings',
    ]) {
      expect((await get(url, employee)).statusCode).toBe(403);
      expect((await get(url, agent)).statusCode).toBe(200);
    }
    const file = csv(['Tid;Kö;Väntetid (s);Besvarat', '2025-03-04 09:00;Servicedesk;10;ja']);
    expect((await post(file, '?dryRun=true', employee)).statusCode).toBe(403);
    expect((await post(file, '?dryRun=true', agent)).statusCode).toBe(403);
    const stats = json(await get('/api/v1/phone-calls/stats', agent));
    expect(stats.can).toEqual({ import: false, configure: false });
  });
});

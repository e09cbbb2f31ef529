import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import { type Jobs, startJobs } from '../../../platform/jobs/jobs.ts';
import { platformJobs } from '../../../platform/jobs/platform-jobs.ts';
import { memoryLogger, waitFor } from '../../../platform/jobs/testing.ts';
import { notifications } from '../../../platform/notifications/schema.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';

// The decision log through the real app and database: § unique per body and year (also when
// requests race), the diarienummer against the tenant's templates, links checked where the kind's
// module is present, versions, Swedish full-text search with stemming, filters, keyset pages,
// exports, the forum members' right to record their forum's decisions, the follow-up reminder
// once, and that tenant B sees and names none of tenant A's.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let employee: Session;
let memberSession: Session;
let jobs: Jobs | undefined;
let styrgrupp: string;
let beredning: string;
let bForum: string;
let anna: string;
let bPerson: string;
let systemId: string;
let bSystemId: string;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  await seedPerson(t.db, t.a, 'employee@a.example', ['employee']);
  employee = await signIn(t.app, 'employee@a.example');
  anna = (await seedPerson(t.db, t.a, 'anna@a.example', ['reader'])).id;
  await seedPerson(t.db, t.a, 'ledamot@a.example', ['reader']);
  memberSession = await signIn(t.app, 'ledamot@a.example');
  const ledamot = json(await get(admin, '/api/v1/people?search=ledamot')).items[0].id;
  bPerson = (await seedPerson(t.db, t.b, 'annan@b.example', ['reader'])).id;
  styrgrupp = json(
    await post(admin, '/api/v1/forums', {
      name: 'IT-styrgrupp',
      kind: 'steeringGroup',
      meetingsPerYear: 10,
      members: [{ personId: ledamot }],
    }),
  ).id;
  beredning = json(
    await post(admin, '/api/v1/forums', {
      name: 'IT-strategiska beredningsgruppen',
      kind: 'preparationGroup',
      meetingsPerYear: 10,
    }),
  ).id;
  bForum = json(
    await post(bAdmin, '/api/v1/forums', { name: 'B-styrgrupp', kind: 'steeringGroup', meetingsPerYear: 4 }),
  ).id;
  systemId = json(await post(admin, '/api/v1/systems', { name: 'Diariet', scope: 'shared' })).id;
  bSystemId = json(await post(bAdmin, '/api/v1/systems', { name: 'B-diariet', scope: 'shared' })).id;
});
afterEach(async () => {
  await jobs?.stop(1000);
  jobs = undefined;
});
afterAll(() => t.close());

function post(session: Session, url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url, headers: session.headers(), payload: payload as object });
}
function patch(session: Session, url: string, payload: unknown) {
  return t.app.inject({ method: 'PATCH', url, headers: session.headers(), payload: payload as object });
}
function get(session: Session, url: string) {
  return t.app.inject({ url, headers: session.headers() });
}
const paths = (response: { json(): { errors?: { path: string }[] } }) =>
  (response.json().errors ?? []).map((e) => e.path);
const decisionAudits = async () =>
  (
    await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, t.a.id), eq(auditEvents.entity, 'decision')))
  ).length;

const base = { decidedOn: '2026-03-18', text: 'IT-styrgruppen beslutar att godkänna förslaget.' };

describe('decisions', () => {
  it('keeps § unique per body and year: a second § 12 answers 409 naming the paragraph', async () => {
    const first = await post(admin, '/api/v1/decisions', {
      ...base,
      forumId: styrgrupp,
      paragraph: 12,
      title: 'Upphandling av e-tjänsteplattform',
      text: 'IT-styrgruppen beslutar att upphandlingen av e-tjänsteplattformen ska starta under våren.',
      registrationNumber: 'KS 2026/141',
      responsibleId: anna,
      followUpOn: '2026-09-30',
      links: [{ kind: 'system', id: systemId }],
    });
    expect(first.statusCode).toBe(201);
    expect(json(first)).toMatchObject({
      forumId: styrgrupp,
      forumName: 'IT-styrgrupp',
      bodyName: 'IT-styrgrupp',
      year: 2026,
      paragraph: 12,
      status: 'notStarted',
      responsibleName: 'Test anna',
      links: [{ kind: 'system', id: systemId, name: 'Diariet', href: `/systems/${systemId}` }],
      version: 1,
    });

    const before = await decisionAudits();
    const twice = await post(admin, '/api/v1/decisions', {
      ...base,
      forumId: styrgrupp,
      paragraph: 12,
      decidedOn: '2026-11-04',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.headers['content-type']).toContain('application/problem+json');
    expect(json(twice)).toMatchObject({
      code: 'conflict',
      detail: '§ 12 is already recorded for this body in 2026',
    });
    expect(paths(twice)).toEqual(['body.paragraph']);
    expect(await decisionAudits()).toBe(before);

    // Another year, another forum: free.
    expect(
      (
        await post(admin, '/api/v1/decisions', {
          ...base,
          forumId: styrgrupp,
          paragraph: 12,
          decidedOn: '2025-03-18',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await post(admin, '/api/v1/decisions', { ...base, forumId: beredning, paragraph: 12 })).statusCode,
    ).toBe(201);
    // An external body is the same body however it is written.
    expect(
      (
        await post(admin, '/api/v1/decisions', {
          ...base,
          body: 'Kommunfullmäktige',
          paragraph: 160,
          decidedOn: '2014-06-27',
        })
      ).statusCode,
    ).toBe(201);
    const kf = await post(admin, '/api/v1/decisions', {
      ...base,
      body: ' kommunfullmäktige ',
      paragraph: 160,
      decidedOn: '2014-11-24',
    });
    expect(kf.statusCode).toBe(409);
    // Tenant B has its own § 12.
    expect(
      (await post(bAdmin, '/api/v1/decisions', { ...base, forumId: bForum, paragraph: 12 })).statusCode,
    ).toBe(201);
    // A PATCH onto a taken § is refused as well.
    const other = json(
      await post(admin, '/api/v1/decisions', { ...base, forumId: styrgrupp, paragraph: 13 }),
    );
    const moved = await patch(admin, `/api/v1/decisions/${other.id}`, { version: 1, paragraph: 12 });
    expect(moved.statusCode).toBe(409);
    expect(paths(moved)).toEqual(['body.paragraph']);
    // Archived (recorded in error), its § is free; restoring it then is refused.
    const archived = await post(admin, `/api/v1/decisions/${json(first).id}/archive`, {
      version: 1,
      reason: 'Fel forum',
    });
    expect(archived.statusCode).toBe(200);
    expect(
      (await patch(admin, `/api/v1/decisions/${other.id}`, { version: 1, paragraph: 12 })).statusCode,
    ).toBe(200);
    const restore = await post(admin, `/api/v1/decisions/${json(first).id}/restore`, { version: 2 });
    expect(restore.statusCode).toBe(409);
    expect(paths(restore)).toEqual(['body.paragraph']);
  });

  it('lets one of many parallel requests for the same § through', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        post(admin, '/api/v1/decisions', { ...base, forumId: styrgrupp, paragraph: 40, text: `Försök ${i}` }),
      ),
    );
    const codes = attempts.map((a) => a.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409, 409]);
    const kept = json(await get(admin, `/api/v1/decisions?forumId=${styrgrupp}&year=2026&search=försök`));
    expect(kept.items).toHaveLength(1);
  });

  it("validates the diarienummer against the tenant's templates, which admins change with a version", async () => {
    const bad = await post(admin, '/api/v1/decisions', {
      ...base,
      forumId: styrgrupp,
      paragraph: 50,
      registrationNumber: '2013-1341',
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['body.registrationNumber']);
    for (const wrong of ['KS2014/1341', 'KS 14/1341', 'KS 2014/', 'KS 2014/1341 x', 'KOMMUNEN 2014/1']) {
      const r = await post(admin, '/api/v1/decisions', {
        ...base,
        forumId: styrgrupp,
        paragraph: 50,
        registrationNumber: wrong,
      });
      expect(r.statusCode, wrong).toBe(400);
    }
    const settings = json(await get(admin, '/api/v1/governance/settings'));
    expect(settings).toMatchObject({
      registrationPatterns: ['{series} {year}/{number}'],
      version: 1,
      can: { update: true },
    });
    const unknown = await patch(admin, '/api/v1/governance/settings', {
      version: 1,
      registrationPatterns: ['{serie} {year}'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(paths(unknown)).toEqual(['body.registrationPatterns.0']);
    const changed = await patch(admin, '/api/v1/governance/settings', {
      version: 1,
      registrationPatterns: ['{series} {year}/{number}', 'Dnr {year}-{number}'],
    });
    expect(json(changed)).toMatchObject({ version: 2 });
    const stale = await patch(admin, '/api/v1/governance/settings', {
      version: 1,
      registrationPatterns: ['{year}'],
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (
        await post(admin, '/api/v1/decisions', {
          ...base,
          forumId: styrgrupp,
          paragraph: 50,
          registrationNumber: 'Dnr 2013-1341',
        })
      ).statusCode,
    ).toBe(201);
    // Another tenant keeps the default.
    expect(json(await get(bAdmin, '/api/v1/governance/settings')).registrationPatterns).toEqual([
      '{series} {year}/{number}',
    ]);
    const inB = await post(bAdmin, '/api/v1/decisions', {
      ...base,
      forumId: bForum,
      paragraph: 50,
      registrationNumber: 'Dnr 2013-1341',
    });
    expect(inB.statusCode).toBe(400);
    expect(
      (await patch(employee, '/api/v1/governance/settings', { version: 2, registrationPatterns: ['{year}'] }))
        .statusCode,
    ).toBe(403);
  });

  it("refuses a forum and a body together or neither, other tenants' ids, and stale versions; writes nothing", async () => {
    const before = await decisionAudits();
    const cases: [unknown, string][] = [
      [{ ...base, paragraph: 60 }, 'body.forumId'],
      [{ ...base, paragraph: 60, forumId: styrgrupp, body: 'KS' }, 'body.body'],
      [{ ...base, paragraph: 60, forumId: bForum }, 'body.forumId'],
      [{ ...base, paragraph: 60, forumId: styrgrupp, responsibleId: bPerson }, 'body.responsibleId'],
      [
        { ...base, paragraph: 60, forumId: styrgrupp, links: [{ kind: 'system', id: bSystemId }] },
        'body.links.0.id',
      ],
      [
        { ...base, paragraph: 60, forumId: styrgrupp, links: [{ kind: 'forum', id: bForum }] },
        'body.links.0.id',
      ],
      [
        { ...base, paragraph: 60, forumId: styrgrupp, links: [{ kind: 'anything', id: systemId }] },
        'body.links.0.kind',
      ],
      [{ ...base, paragraph: 0, forumId: styrgrupp }, 'body.paragraph'],
      [{ ...base, paragraph: 60, forumId: styrgrupp, decidedOn: '2026-02-30' }, 'body.decidedOn'],
      [{ ...base, paragraph: 60, forumId: styrgrupp, text: '   ' }, 'body.text'],
      [{ ...base, paragraph: 60, forumId: styrgrupp, status: 'done' }, 'body.status'],
    ];
    for (const [body, path] of cases) {
      const response = await post(admin, '/api/v1/decisions', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(paths(response), JSON.stringify(body)).toContain(path);
    }
    expect(await decisionAudits()).toBe(before);

    // A link to another module's record (the portfolio's demand) names it, and must be the tenant's.
    const missingDemand = await post(admin, '/api/v1/decisions', {
      ...base,
      paragraph: 61,
      forumId: styrgrupp,
      links: [{ kind: 'demand', id: '0192f1a4-7b5c-7d3e-8f90-123456789abc' }],
    });
    expect(missingDemand.statusCode).toBe(400);
    expect(paths(missingDemand)).toEqual(['body.links.0.id']);
    const demand = await post(admin, '/api/v1/demands', {
      title: 'Gemensam e-tjänsteplattform',
      description: 'Behov',
      scope: 'shared',
    });
    const demandId = json(demand).id as string;
    const linked = await post(admin, '/api/v1/decisions', {
      ...base,
      paragraph: 61,
      forumId: styrgrupp,
      links: [{ kind: 'demand', id: demandId }],
    });
    expect(linked.statusCode).toBe(201);
    expect(json(linked).links).toEqual([
      {
        kind: 'demand',
        id: demandId,
        name: expect.stringContaining('Gemensam e-tjänsteplattform'),
        href: `/portfolio/demands/${demandId}`,
        archived: false,
      },
    ]);
    const byLink = json(await get(admin, `/api/v1/decisions?linkKind=demand&linkId=${demandId}`));
    expect(byLink.items.map((d: { paragraph: number }) => d.paragraph)).toEqual([61]);

    const id = json(linked).id;
    const stale = await patch(admin, `/api/v1/decisions/${id}`, { version: 9, status: 'completed' });
    expect(stale.statusCode).toBe(409);
    expect(json(await get(admin, `/api/v1/decisions/${id}`))).toMatchObject({
      status: 'notStarted',
      version: 1,
    });
    const done = await patch(admin, `/api/v1/decisions/${id}`, {
      version: 1,
      status: 'completed',
      body: 'Kommunstyrelsen',
    });
    expect(json(done)).toMatchObject({
      status: 'completed',
      forumId: null,
      body: 'Kommunstyrelsen',
      version: 2,
    });

    // Tenant B neither reads nor changes A's decisions.
    expect((await get(bAdmin, `/api/v1/decisions/${id}`)).statusCode).toBe(404);
    expect(
      (await patch(bAdmin, `/api/v1/decisions/${id}`, { version: 2, status: 'revoked' })).statusCode,
    ).toBe(404);
    expect(
      (await post(bAdmin, `/api/v1/decisions/${id}/archive`, { version: 2, reason: 'X' })).statusCode,
    ).toBe(404);
    const bLog = json(await get(bAdmin, '/api/v1/decisions?search=upphandlingen'));
    expect(bLog.items).toEqual([]);
  });

  it('lets a forum member record their forum’s decisions only; employees read nothing', async () => {
    expect(
      (await post(memberSession, '/api/v1/decisions', { ...base, forumId: styrgrupp, paragraph: 70 }))
        .statusCode,
    ).toBe(201);
    expect(
      (await post(memberSession, '/api/v1/decisions', { ...base, forumId: beredning, paragraph: 70 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await post(memberSession, '/api/v1/decisions', { ...base, body: 'KS', paragraph: 70 })).statusCode,
    ).toBe(403);
    expect((await get(employee, '/api/v1/decisions')).statusCode).toBe(403);
    expect(
      (await post(employee, '/api/v1/decisions', { ...base, forumId: styrgrupp, paragraph: 71 })).statusCode,
    ).toBe(403);
  });

  it('finds decisions by Swedish stems, filters by body, year and status, pages by keyset, exports', async () => {
    await post(admin, '/api/v1/decisions', {
      body: 'Kommunfullmäktige',
      decidedOn: '2014-11-24',
      paragraph: 201,
      title: 'Styrning och ledning av IT',
      text: 'Kommunfullmäktige beslutar att avbryta de pågående upphandlingarna för IT-drift och telefoni.',
      status: 'completed',
    });
    // "upphandlingarna" finds "upphandlingen" (§ 12 of 2026, archived above, with includeArchived).
    const named = (page: { items: { bodyName: string; paragraph: number }[] }) =>
      page.items.map((d) => `${d.bodyName} § ${d.paragraph}`);
    const stemmed = json(await get(admin, '/api/v1/decisions?search=upphandlingarna&includeArchived=true'));
    expect(named(stemmed)).toEqual(['IT-styrgrupp § 12', 'Kommunfullmäktige § 201']);
    expect(stemmed.items[0].text).toContain('upphandlingen av');
    expect(named(json(await get(admin, '/api/v1/decisions?search=upphandlingarna')))).toEqual([
      'Kommunfullmäktige § 201',
    ]);
    const other = json(
      await get(admin, `/api/v1/decisions?search=${encodeURIComponent('upphandlingen telefoni')}`),
    );
    expect(other.items.map((d: { paragraph: number }) => d.paragraph)).toEqual([201]);
    expect(
      json(await get(admin, '/api/v1/decisions?search=KS%202026/141&includeArchived=true')).items,
    ).toHaveLength(1);
    // Part of a diarienummer finds it too (looked up by the diarienummer alone), and a number that
    // is no decision's finds none, however many decisions share its series and year.
    expect(
      json(await get(admin, '/api/v1/decisions?search=2026/141&includeArchived=true')).items,
    ).toHaveLength(1);
    expect(json(await get(admin, '/api/v1/decisions?search=KS%202026/999')).items).toEqual([]);

    const byBody = json(await get(admin, '/api/v1/decisions?body=kommunfullm%C3%A4ktige'));
    expect(byBody.items.map((d: { decidedOn: string }) => d.decidedOn)).toEqual(['2014-11-24', '2014-06-27']);
    const byYear = json(await get(admin, `/api/v1/decisions?forumId=${styrgrupp}&year=2025`));
    expect(byYear.items.map((d: { paragraph: number }) => d.paragraph)).toEqual([12]);
    const byStatus = json(await get(admin, '/api/v1/decisions?status=completed'));
    expect(byStatus.items.every((d: { status: string }) => d.status === 'completed')).toBe(true);
    expect(byStatus.items.length).toBeGreaterThanOrEqual(2);

    // Keyset pages: newest first, no repeats, no gaps.
    const all = json(await get(admin, '/api/v1/decisions?limit=200')).items.map((d: { id: string }) => d.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const pageUrl: string = `/api/v1/decisions?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = json(await get(admin, pageUrl));
      seen.push(...page.items.map((d: { id: string }) => d.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect((await get(admin, '/api/v1/decisions?cursor=bm9wZQ')).statusCode).toBe(400);

    // A text that a spreadsheet would run as a formula is written as text.
    await post(admin, '/api/v1/decisions', {
      ...base,
      body: 'Kommunstyrelsen',
      paragraph: 99,
      title: '=HYPERLINK("http://evil.example","x")',
    });
    const csv = await get(admin, '/api/v1/decisions/export?format=csv&body=Kommunstyrelsen');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('§ 99');
    expect(csv.body).not.toMatch(/(^|[;,])"?=HYPERLINK/m);
    const xlsx = await get(admin, '/api/v1/decisions/export?format=xlsx&search=upphandlingarna');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(String(sheet.getRow(2).getCell(2).value)).toBe('Kommunfullmäktige');
    expect(String(sheet.getRow(2).getCell(3).value)).toBe('§ 201');
  });

  it('reminds the responsible person on the follow-up date, once however often saved; not when done', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: undefined });
    jobs = await startJobs(t.database, platformJobs(config, t.app.seam), memoryLogger(), {
      pollingIntervalSeconds: 0.5,
    });
    const yesterday = new Date(Date.parse(`${todayInStockholm()}T12:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    const due = json(
      await post(admin, '/api/v1/decisions', {
        ...base,
        forumId: styrgrupp,
        paragraph: 80,
        title: 'Tvåfaktorsautentisering',
        responsibleId: anna,
        followUpOn: yesterday,
      }),
    );
    await patch(admin, `/api/v1/decisions/${due.id}`, { version: 1, status: 'inProgress' });
    await patch(admin, `/api/v1/decisions/${due.id}`, { version: 2, text: 'Ändrad text' });
    const done = json(
      await post(admin, '/api/v1/decisions', {
        ...base,
        forumId: styrgrupp,
        paragraph: 81,
        responsibleId: anna,
        followUpOn: yesterday,
        status: 'completed',
      }),
    );
    const inbox = () =>
      t.db
        .select({ recordId: notifications.recordId, params: notifications.params })
        .from(notifications)
        .where(
          and(eq(notifications.personId, anna), eq(notifications.kind, 'governance.decision-follow-up')),
        );
    await waitFor(async () => (await inbox()).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const got = await inbox();
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      recordId: due.id,
      params: { reference: 'IT-styrgrupp 2026 § 80', date: yesterday },
    });
    expect(got.some((n) => n.recordId === done.id)).toBe(false);
  });
});

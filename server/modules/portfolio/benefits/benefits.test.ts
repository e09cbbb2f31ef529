import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { rowsOf } from '../../../db/client.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import { type Jobs, startJobs } from '../../../platform/jobs/jobs.ts';
import { platformJobs } from '../../../platform/jobs/platform-jobs.ts';
import { memoryLogger } from '../../../platform/jobs/testing.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { runReminderSweep } from '../../governance/sweep.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { followUpSweep } from './reminders.ts';
import { effectGoals } from './schema.ts';

// Effect goals and benefit follow-up through the real app and database: a project's goals with
// indicator, baseline, target, kind of benefit, responsible person and follow-up dates; the rules
// refused with the field's path; stale versions refused; follow-ups by the responsible person
// answering the planned dates and moving the next one on; the responsible person's reminder once
// however many sweeps run at once; the start page; the summary's promised against realised
// benefit; and that tenant B sees, names and changes none of tenant A's.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let manager: Session;
let responsible: Session;
let other: Session;
let employee: Session;
let managerId: string;
let responsibleId: string;
let bPerson: string;
let projectId: string;
let bProject: string;
let jobs: Jobs | undefined;

function send(session: Session, method: 'POST' | 'PATCH', url: string, payload: unknown) {
  return t.app.inject({ method, url, headers: session.headers(), payload: payload as object });
}
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });
const paths = (response: { json(): { errors?: { path: string }[] } }) =>
  (response.json().errors ?? []).map((e) => e.path);
const auditCount = async (tenantId: string) =>
  (await t.db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.tenantId, tenantId)))
    .length;

const today = todayInStockholm();
const day = (days: number) =>
  new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  managerId = (await seedPerson(t.db, t.a, 'pl@a.example', ['reader'])).id;
  manager = await signIn(t.app, 'pl@a.example');
  responsibleId = (await seedPerson(t.db, t.a, 'ansvarig@a.example', ['reader'])).id;
  responsible = await signIn(t.app, 'ansvarig@a.example');
  await seedPerson(t.db, t.a, 'annan@a.example', ['reader']);
  other = await signIn(t.app, 'annan@a.example');
  await seedPerson(t.db, t.a, 'employee@a.example', ['employee']);
  employee = await signIn(t.app, 'employee@a.example');
  bPerson = (await seedPerson(t.db, t.b, 'annan@b.example', ['reader'])).id;
  const project = async (session: Session, body: object) => {
    const response = await send(session, 'POST', '/api/v1/projects', body);
    expect(response.statusCode, response.body).toBe(201);
    return json(response).id as string;
  };
  projectId = await project(admin, {
    name: 'Införande av e-arkiv',
    phase: 'execution',
    managerId,
    endsOn: '2026-06-30',
  });
  bProject = await project(bAdmin, { name: 'B:s projekt' });
});
afterEach(async () => {
  await jobs?.stop(1000);
  jobs = undefined;
});
afterAll(() => t.close());

const goalBody = (body: Record<string, unknown> = {}) => ({
  projectId,
  name: 'Lägre kostnad för arkivering',
  indicator: 'Kostnad för arkivering per år',
  direction: 'decrease',
  kind: 'money',
  baseline: 50_000_000,
  target: 30_000_000,
  responsibleId,
  followUpDates: ['2027-06-30', '2026-12-31', '2028-06-30'],
  ...body,
});

async function newGoal(body: Record<string, unknown> = {}, session = manager) {
  const response = await send(session, 'POST', '/api/v1/effect-goals', goalBody(body));
  expect(response.statusCode, response.body).toBe(201);
  return json(response);
}

describe('effect goals', () => {
  it("states a project's goal with its benefit, kept in order, by the project's manager", async () => {
    const goal = await newGoal();
    expect(goal).toMatchObject({
      project: { id: projectId, name: 'Införande av e-arkiv' },
      responsible: { id: responsibleId, name: 'Test ansvarig' },
      followUpDates: ['2026-12-31', '2027-06-30', '2028-06-30'],
      openDates: ['2026-12-31', '2027-06-30', '2028-06-30'],
      nextFollowUpOn: '2026-12-31',
      promised: 20_000_000,
      realised: null,
      version: 1,
      can: { update: true, archive: true, restore: false, followUp: true },
    });
    const listed = json(await get(other, `/api/v1/effect-goals?projectId=${projectId}`));
    expect(listed.items.map((g: { id: string }) => g.id)).toContain(goal.id);
    expect(listed.items.find((g: { id: string }) => g.id === goal.id).can).toMatchObject({
      update: false,
      followUp: false,
    });
    // In the global search, and named in the audit trail.
    const search = json(await get(admin, '/api/v1/search?q=arkivering'));
    expect(JSON.stringify(search)).toContain(goal.id);
  });

  it('refuses bad goals with the field, writes nothing, and lets only keepers and the manager write', async () => {
    const before = await auditCount(t.a.id);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ target: 60_000_000 }, ['body.target']],
      [{ direction: 'increase' }, ['body.target']],
      [{ baseline: 50_000_000.5 }, ['body.baseline']],
      [{ kind: 'hours', target: 1.5 }, ['body.target']],
      [{ followUpDates: ['2027-01-31', '2027-01-31'] }, ['body.followUpDates.1']],
      [{ followUpDates: [] }, ['body.followUpDates']],
      [{ responsibleId: bPerson }, ['body.responsibleId']],
      [{ projectId: bProject }, ['body.projectId']],
      [{ kind: 'joy' }, ['body.kind']],
      [{ baseline: -5 }, ['body.baseline']],
    ];
    for (const [body, expected] of cases) {
      const response = await send(admin, 'POST', '/api/v1/effect-goals', goalBody(body));
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(paths(response), JSON.stringify(body)).toEqual(expected);
    }
    // A qualitative goal's values need not be whole.
    expect(
      (
        await send(
          admin,
          'POST',
          '/api/v1/effect-goals',
          goalBody({ kind: 'qualitative', target: 4.5, baseline: 3.2, direction: 'increase' }),
        )
      ).statusCode,
    ).toBe(201);
    expect(await auditCount(t.a.id)).toBe(before + 1);
    expect((await send(other, 'POST', '/api/v1/effect-goals', goalBody())).statusCode).toBe(403);
    expect((await send(employee, 'POST', '/api/v1/effect-goals', goalBody())).statusCode).toBe(403);
    expect((await get(employee, '/api/v1/effect-goals')).statusCode).toBe(403);
    // The responsible person records follow-ups but does not keep the goal.
    const goal = await newGoal();
    expect(
      (await send(responsible, 'PATCH', `/api/v1/effect-goals/${goal.id}`, { version: 1, target: 1 }))
        .statusCode,
    ).toBe(403);
  });

  it('refuses a stale version with 409 and overwrites nothing; archives and restores', async () => {
    const goal = await newGoal();
    const changed = await send(manager, 'PATCH', `/api/v1/effect-goals/${goal.id}`, {
      version: 1,
      target: 25_000_000,
      followUpDates: ['2027-03-31'],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(json(changed)).toMatchObject({ version: 2, promised: 25_000_000, nextFollowUpOn: '2027-03-31' });
    const stale = await send(admin, 'PATCH', `/api/v1/effect-goals/${goal.id}`, { version: 1, target: 1 });
    expect(stale.statusCode).toBe(409);
    const wrongSide = await send(admin, 'PATCH', `/api/v1/effect-goals/${goal.id}`, {
      version: 2,
      baseline: 10,
    });
    expect(paths(wrongSide)).toEqual(['body.target']);
    expect(json(await get(admin, `/api/v1/effect-goals/${goal.id}`)).target).toBe(25_000_000);
    const archived = await send(admin, 'POST', `/api/v1/effect-goals/${goal.id}/archive`, {
      version: 2,
      reason: 'Ersatt av ett nytt mål',
    });
    expect(json(archived)).toMatchObject({ archiveReason: 'Ersatt av ett nytt mål', can: { restore: true } });
    const follow = await send(manager, 'POST', `/api/v1/effect-goals/${goal.id}/follow-ups`, {
      version: 3,
      measuredOn: today,
      value: 1,
    });
    expect(follow.statusCode).toBe(409);
    expect(
      json(await get(admin, `/api/v1/effect-goals?projectId=${projectId}&limit=200`)).items.map(
        (g: { id: string }) => g.id,
      ),
    ).not.toContain(goal.id);
    const restored = await send(admin, 'POST', `/api/v1/effect-goals/${goal.id}/restore`, { version: 3 });
    expect(json(restored)).toMatchObject({ archivedAt: null, version: 4 });
  });

  it('records follow-ups answering the planned dates, by the responsible person', async () => {
    const goal = await newGoal({ followUpDates: [day(-20), day(200)] });
    expect(goal.overdue).toBe(true);
    const url = `/api/v1/effect-goals/${goal.id}/follow-ups`;
    const bad: [Record<string, unknown>, string[]][] = [
      [{ measuredOn: day(3), value: 45_000_000 }, ['body.measuredOn']],
      [{ measuredOn: today }, ['body.value']],
      [{ measuredOn: today, value: 4.5 }, ['body.value']],
      [{ measuredOn: today, value: 45_000_000, dueOn: '2026-01-01' }, ['body.dueOn']],
      [{ measuredOn: 'igår', value: 45_000_000 }, ['body.measuredOn']],
    ];
    for (const [body, expected] of bad) {
      const response = await send(responsible, 'POST', url, { version: 1, ...body });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(paths(response), JSON.stringify(body)).toEqual(expected);
    }
    expect((await send(other, 'POST', url, { version: 1, measuredOn: today, value: 1 })).statusCode).toBe(
      403,
    );
    const first = await send(responsible, 'POST', url, {
      version: 1,
      measuredOn: today,
      value: 42_000_000,
      comment: 'Enligt fakturorna',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(json(first)).toMatchObject({
      version: 2,
      openDates: [day(200)],
      nextFollowUpOn: day(200),
      overdue: false,
      realised: 8_000_000,
      followUps: [{ value: 42_000_000, dueOn: day(-20), realised: 8_000_000, recordedBy: 'Test ansvarig' }],
    });
    // An interim measurement (the next date is far off) answers no date; the latest value counts.
    const interim = await send(responsible, 'POST', url, {
      version: 2,
      measuredOn: today,
      value: 38_000_000,
    });
    expect(json(interim)).toMatchObject({ nextFollowUpOn: day(200), realised: 12_000_000 });
    expect(json(interim).followUps[0]).toMatchObject({ dueOn: null });
    expect(
      (await send(responsible, 'POST', url, { version: 2, measuredOn: today, value: 1 })).statusCode,
    ).toBe(409);
  });

  it('reminds the responsible person once however many sweeps run, and lists it on the start page', async () => {
    const goal = await newGoal({ followUpDates: [day(30)], name: 'Påmint mål' });
    const start = json(await get(responsible, '/api/v1/start'));
    expect(JSON.stringify(start)).not.toContain(goal.id);
    // Saved while no jobs ran, the follow-up due yesterday: the sweeps schedule its reminders once.
    await t.db
      .update(effectGoals)
      .set({ followUpDates: [day(-1)], nextFollowUpOn: day(-1) })
      .where(eq(effectGoals.id, goal.id));
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: undefined });
    jobs = await startJobs(t.database, platformJobs(config, t.app.seam), memoryLogger(), { work: false });
    await Promise.all([
      runReminderSweep(t.db, followUpSweep),
      runReminderSweep(t.db, followUpSweep),
      runReminderSweep(t.db, followUpSweep),
    ]);
    await runReminderSweep(t.db, followUpSweep);
    const scheduled = rowsOf<{ key: string; people: string }>(
      await t.db.execute(
        sql`select id::text as key, data->>'personIds' as people from pgboss.job
            where name = 'notifications.remind' and data->'record'->>'id' = ${goal.id}`,
      ),
    );
    // Two reminders (14 days before, and on the day), each once.
    expect(scheduled.length).toBe(2);
    expect(new Set(scheduled.map((s) => s.key)).size).toBe(2);
    for (const s of scheduled) expect(s.people).toContain(responsibleId);
    const due = json(await get(responsible, '/api/v1/start'));
    expect(JSON.stringify(due)).toContain(goal.id);
    const overdue = json(await get(admin, '/api/v1/effect-goals?overdue=true&limit=200'));
    expect(overdue.items.map((g: { id: string }) => g.id)).toContain(goal.id);
  });

  it('sums promised against realised benefit in the summary, from the demands and the goals', async () => {
    const before = json(await get(admin, '/api/v1/portfolio/summary')).benefits;
    const project = json(await send(admin, 'POST', '/api/v1/projects', { name: 'Summerat', managerId })).id;
    const demand = json(
      await send(admin, 'POST', '/api/v1/demands', {
        title: 'Behov',
        description: 'Varför',
        scope: 'shared',
      }),
    ).id;
    await t.db.execute(
      sql`update portfolio_demands set yearly_savings = 7000000, hours_freed = 750 where id = ${demand}`,
    );
    await t.db.execute(sql`update portfolio_projects set demand_id = ${demand} where id = ${project}`);
    const money = await newGoal({ projectId: project, followUpDates: [day(-5)] }, admin);
    const hours = await newGoal(
      { projectId: project, kind: 'hours', baseline: 1500, target: 750, followUpDates: [day(-5), day(100)] },
      admin,
    );
    await newGoal(
      { projectId: project, kind: 'qualitative', baseline: 2, target: 4, direction: 'increase' },
      admin,
    );
    await send(admin, 'POST', `/api/v1/effect-goals/${hours.id}/follow-ups`, {
      version: 1,
      measuredOn: today,
      value: 1000,
    });
    const after = json(await get(admin, '/api/v1/portfolio/summary')).benefits;
    expect(after.goals - before.goals).toBe(3);
    expect(after.decided.yearlySavings - before.decided.yearlySavings).toBe(7_000_000);
    expect(after.decided.hoursFreed - before.decided.hoursFreed).toBe(750);
    expect(after.promised.money - before.promised.money).toBe(20_000_000);
    expect(after.promised.hours - before.promised.hours).toBe(750);
    expect(after.promisedFollowedUp.hours - before.promisedFollowedUp.hours).toBe(750);
    expect(after.promisedFollowedUp.money - before.promisedFollowedUp.money).toBe(0);
    expect(after.realised.hours - before.realised.hours).toBe(500);
    expect(after.followUpsOverdue - before.followUpsOverdue).toBe(1);
    expect(money.overdue).toBe(true);
    // Archived goals and projects count no more.
    await send(admin, 'POST', `/api/v1/projects/${project}/archive`, { version: 1, reason: 'Fel' });
    const gone = json(await get(admin, '/api/v1/portfolio/summary')).benefits;
    expect(gone).toEqual(before);
    // Nor are their goals followed up while the project is archived.
    const closed = await send(admin, 'POST', `/api/v1/effect-goals/${hours.id}/follow-ups`, {
      version: 2,
      measuredOn: today,
      value: 900,
    });
    expect(closed.statusCode).toBe(409);
  });

  it("gives tenant B none of tenant A's goals", async () => {
    const goal = await newGoal();
    expect((await get(bAdmin, `/api/v1/effect-goals/${goal.id}`)).statusCode).toBe(404);
    expect(
      (await send(bAdmin, 'PATCH', `/api/v1/effect-goals/${goal.id}`, { version: 1, target: 1 })).statusCode,
    ).toBe(404);
    expect(
      (
        await send(bAdmin, 'POST', `/api/v1/effect-goals/${goal.id}/follow-ups`, {
          version: 1,
          measuredOn: today,
          value: 1,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await send(bAdmin, 'POST', `/api/v1/effect-goals/${goal.id}/archive`, { version: 1, reason: 'x' }))
        .statusCode,
    ).toBe(404);
    expect(json(await get(bAdmin, '/api/v1/effect-goals?limit=200')).items).toEqual([]);
    expect(JSON.stringify(json(await get(bAdmin, '/api/v1/search?q=arkivering')))).not.toContain(goal.id);
    const b = json(await get(bAdmin, '/api/v1/portfolio/summary')).benefits;
    expect([b.goals, b.promised.money, b.realised.hours]).toEqual([0, 0, 0]);
    // Tenant B may not state a goal on A's project.
    const cross = await send(bAdmin, 'POST', '/api/v1/effect-goals', goalBody({ responsibleId: bPerson }));
    expect(paths(cross)).toEqual(['body.projectId']);
  });
});

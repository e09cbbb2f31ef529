import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/schema.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';

// IT plans through the real app and database: seed 004's implementation plan adopted by a KF
// decision, initiatives towards goals with status, dates and cost (the cancelled procurement and
// what it cost), initiatives kept by id, stale versions refused, the follow-up's plan status, and
// that tenant B sees, names and changes none of tenant A's.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let employee: Session;
let person: string;
let bPerson: string;
let kf: string;
let bDecision: string;
let goalA: string;
let goalB: string;
let bGoal: string;

function send(session: Session, method: 'POST' | 'PATCH', url: string, payload: unknown) {
  return t.app.inject({ method, url, headers: session.headers(), payload: payload as object });
}
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });
const paths = (response: { json(): { errors?: { path: string }[] } }) =>
  (response.json().errors ?? []).map((e) => e.path);

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  await seedPerson(t.db, t.a, 'employee@a.example', ['employee']);
  employee = await signIn(t.app, 'employee@a.example');
  person = (await seedPerson(t.db, t.a, 'itstrateg@a.example', ['reader'])).id;
  bPerson = (await seedPerson(t.db, t.b, 'annan@b.example', ['reader'])).id;
  const decision = (session: Session, paragraph: number) =>
    send(session, 'POST', '/api/v1/decisions', {
      body: 'Kommunfullmäktige',
      decidedOn: '2014-06-27',
      paragraph,
      title: 'Genomförandeplan för styrning, ledning och upphandling av IT',
      text: 'Kommunfullmäktige beslutar att anta genomförandeplanen i sex steg.',
    });
  kf = json(await decision(admin, 160)).id;
  bDecision = json(await decision(bAdmin, 160)).id;
  const goal = async (session: Session, title: string, perspective = 'economy') =>
    json(await send(session, 'POST', '/api/v1/goals', { perspective, title })).id as string;
  goalA = await goal(admin, 'IT-kostnaderna ska minskas');
  goalB = await goal(admin, 'Fler e-tjänster', 'service');
  bGoal = await goal(bAdmin, 'B:s mål');
});
afterAll(() => t.close());

const planBody = () => ({
  year: 2014,
  endYear: 2016,
  title: 'Genomförandeplan för styrning, ledning och upphandling av IT',
  description: 'Beslutad av kommunfullmäktige 27 juni 2014 (§ 160).',
  decisionId: kf,
  initiatives: [
    {
      title: '1 Upphandling IT-drift och telefoni',
      goalIds: [goalA],
      responsibleId: person,
      status: 'cancelled',
      startsOn: '2014-06-27',
      endsOn: '2014-11-24',
      outcomeCost: 400_000_000,
      statusNote: 'Avbruten av kommunfullmäktige; ca 4 MSEK i externa kostnader.',
      decisionId: kf,
    },
    {
      title: '4 Etablera en IT-organisation på KLK',
      goalIds: [goalA, goalB],
      status: 'inProgress',
      plannedCost: 150_000_000,
    },
    { title: '6 Utveckla styrmodell för IT', endsOn: '2015-06-30' },
  ],
});

describe('IT plans', () => {
  it('records a plan adopted by a decision, its initiatives with goals, status and cost', async () => {
    const created = await send(admin, 'POST', '/api/v1/plans', planBody());
    expect(created.statusCode).toBe(201);
    const plan = json(created);
    expect(plan).toMatchObject({
      year: 2014,
      endYear: 2016,
      decision: {
        id: kf,
        name: 'Kommunfullmäktige 2014 § 160 Genomförandeplan för styrning, ledning och upphandling av IT',
      },
      version: 1,
      can: { update: true, archive: true, restore: false },
      summary: {
        byStatus: { planned: 1, inProgress: 1, done: 0, cancelled: 1, postponed: 0 },
        plannedCost: 150_000_000,
        outcomeCost: 400_000_000,
      },
    });
    expect(plan.initiatives[0]).toMatchObject({
      status: 'cancelled',
      outcomeCost: 400_000_000,
      statusNote: 'Avbruten av kommunfullmäktige; ca 4 MSEK i externa kostnader.',
      goals: [{ id: goalA, name: 'IT-kostnaderna ska minskas' }],
      responsible: { id: person, name: 'Test itstrateg' },
      decision: { id: kf },
    });
    expect(plan.initiatives[1].goals.map((g: { id: string }) => g.id)).toEqual([goalA, goalB]);
    expect(plan.initiatives[2]).toMatchObject({ status: 'planned', goals: [], decision: null });
  });

  it('keeps initiatives named by id, adds and removes, and audits each change', async () => {
    const plan = json(await send(admin, 'POST', '/api/v1/plans', planBody()));
    const [first, , third] = plan.initiatives;
    const changed = await send(admin, 'PATCH', `/api/v1/plans/${plan.id}`, {
      version: 1,
      initiatives: [
        { id: third.id, title: third.title, status: 'done', goalIds: [goalB] },
        { id: first.id, title: first.title, status: 'cancelled', outcomeCost: 410_000_000 },
        { title: 'Ny insats', status: 'postponed' },
      ],
    });
    expect(changed.statusCode).toBe(200);
    const after = json(changed);
    expect(after.version).toBe(2);
    expect(after.initiatives.map((i: { id: string }) => i.id).slice(0, 2)).toEqual([third.id, first.id]);
    expect(after.initiatives[0]).toMatchObject({ status: 'done', goals: [{ id: goalB }] });
    expect(after.initiatives[1]).toMatchObject({ outcomeCost: 410_000_000, goals: [] });
    expect(after.summary.byStatus).toEqual({
      planned: 0,
      inProgress: 0,
      done: 1,
      cancelled: 1,
      postponed: 1,
    });
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, plan.id))
      .orderBy(asc(auditEvents.occurredAt));
    expect(events.map((e) => e.action)).toEqual(['create', 'update']);
  });

  it('refuses a stale version with 409 and writes nothing', async () => {
    const plan = json(await send(admin, 'POST', '/api/v1/plans', planBody()));
    expect(
      (await send(admin, 'PATCH', `/api/v1/plans/${plan.id}`, { version: 1, title: 'IT-plan' })).statusCode,
    ).toBe(200);
    const stale = await send(admin, 'PATCH', `/api/v1/plans/${plan.id}`, { version: 1, initiatives: [] });
    expect(stale.statusCode).toBe(409);
    const now = json(await get(admin, `/api/v1/plans/${plan.id}`));
    expect(now).toMatchObject({ title: 'IT-plan', version: 2 });
    expect(now.initiatives).toHaveLength(3);
  });

  it("refuses another tenant's goal, person and decision, and bad dates, naming the field", async () => {
    const cases: [object, string][] = [
      [{ ...planBody(), decisionId: bDecision }, 'body.decisionId'],
      [
        { ...planBody(), initiatives: [{ title: 'X', goalIds: [goalA, bGoal] }] },
        'body.initiatives.0.goalIds.1',
      ],
      [
        { ...planBody(), initiatives: [{ title: 'X', responsibleId: bPerson }] },
        'body.initiatives.0.responsibleId',
      ],
      [
        { ...planBody(), initiatives: [{ title: 'X', decisionId: bDecision }] },
        'body.initiatives.0.decisionId',
      ],
      [{ ...planBody(), endYear: 2013 }, 'body.endYear'],
      [
        { ...planBody(), initiatives: [{ title: 'X', startsOn: '2015-01-01', endsOn: '2014-01-01' }] },
        'body.initiatives.0.endsOn',
      ],
      [{ ...planBody(), initiatives: [{ title: 'X', status: 'abandoned' }] }, 'body.initiatives.0.status'],
      [{ ...planBody(), initiatives: [{ title: 'X', plannedCost: 1.5 }] }, 'body.initiatives.0.plannedCost'],
    ];
    const before = (await t.db.select().from(auditEvents)).length;
    for (const [body, path] of cases) {
      const response = await send(admin, 'POST', '/api/v1/plans', body);
      expect(response.statusCode, path).toBe(400);
      expect(paths(response)).toEqual([path]);
    }
    expect((await t.db.select().from(auditEvents)).length).toBe(before);
  });

  it('lists plans newest first, by the year they cover and the goal they work towards', async () => {
    await send(admin, 'POST', '/api/v1/plans', {
      year: 2026,
      title: 'IT-plan 2026',
      initiatives: [{ title: 'E-tjänster', goalIds: [goalB] }],
    });
    const all = json(await get(admin, '/api/v1/plans')).items;
    expect(all[0].year).toBe(2026);
    const in2015 = json(await get(admin, '/api/v1/plans?year=2015')).items;
    expect(in2015.every((p: { year: number }) => p.year === 2014)).toBe(true);
    expect(in2015.length).toBeGreaterThan(0);
    const towards = json(await get(admin, `/api/v1/plans?goalId=${goalB}&year=2026`)).items;
    expect(towards.map((p: { title: string }) => p.title)).toEqual(['IT-plan 2026']);
    expect(json(await get(admin, '/api/v1/plans?search=telefoni')).items.length).toBeGreaterThan(0);
    expect((await send(employee, 'POST', '/api/v1/plans', planBody())).statusCode).toBe(403);
    const xlsx = await get(admin, '/api/v1/plans/export?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
  });

  it("shows the year's plans and their status in the follow-up", async () => {
    const body = json(await get(admin, '/api/v1/goals/follow-up/2014'));
    expect(body.plans.length).toBeGreaterThan(0);
    expect(body.summary.byStatus.cancelled).toBeGreaterThan(0);
    expect(body.summary.outcomeCost).toBeGreaterThanOrEqual(400_000_000);
  });

  it("shows tenant B none of tenant A's plans and lets it change none (404)", async () => {
    const plan = json(await send(admin, 'POST', '/api/v1/plans', planBody()));
    expect((await get(bAdmin, `/api/v1/plans/${plan.id}`)).statusCode).toBe(404);
    expect(
      (await send(bAdmin, 'PATCH', `/api/v1/plans/${plan.id}`, { version: 1, title: 'B' })).statusCode,
    ).toBe(404);
    expect(
      (await send(bAdmin, 'POST', `/api/v1/plans/${plan.id}/archive`, { version: 1, reason: 'B' }))
        .statusCode,
    ).toBe(404);
    expect(json(await get(bAdmin, '/api/v1/plans')).items).toEqual([]);
    expect(json(await get(bAdmin, '/api/v1/goals/follow-up/2014')).plans).toEqual([]);
    // B cannot take A's initiative into its own plan by id.
    const bPlan = json(await send(bAdmin, 'POST', '/api/v1/plans', { year: 2026, title: 'B:s plan' }));
    const steal = await send(bAdmin, 'PATCH', `/api/v1/plans/${bPlan.id}`, {
      version: 1,
      initiatives: [{ id: plan.initiatives[0].id, title: 'Stulen' }],
    });
    expect(steal.statusCode).toBe(400);
    expect(paths(steal)).toEqual(['body.initiatives.0.id']);
    expect(json(await get(admin, `/api/v1/plans/${plan.id}`)).initiatives[0].title).toBe(
      '1 Upphandling IT-drift och telefoni',
    );
  });

  it('archives and restores a plan with a reason', async () => {
    const plan = json(await send(admin, 'POST', '/api/v1/plans', planBody()));
    const archived = await send(admin, 'POST', `/api/v1/plans/${plan.id}/archive`, {
      version: 1,
      reason: 'Ersatt',
    });
    expect(json(archived)).toMatchObject({ archiveReason: 'Ersatt', can: { restore: true, update: false } });
    expect(
      (await send(admin, 'PATCH', `/api/v1/plans/${plan.id}`, { version: 2, title: 'X' })).statusCode,
    ).toBe(409);
    const restored = await send(admin, 'POST', `/api/v1/plans/${plan.id}/restore`, { version: 2 });
    expect(json(restored)).toMatchObject({ archivedAt: null, version: 3 });
  });
});

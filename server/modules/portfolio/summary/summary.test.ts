import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, json, type Session, signIn, type TestContext } from '../../../testing.ts';

// The portfolio summary through the real app and database: demands counted by status with what
// the approved ones promise, projects by phase and by their latest report's worst level with one
// year's budget, procurements by status with the cancelled ones' cost; archived records left out,
// and tenant B counting only its own.

let t: TestContext;
let admin: Session;
let bAdmin: Session;

function post(session: Session, url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url, headers: session.headers(), payload: payload as object });
}
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });
const created = async (response: Awaited<ReturnType<typeof post>>) => {
  expect(response.statusCode, response.body).toBe(201);
  return json(response);
};

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);

  // Demands: one received, two approved (one under way) with savings, one rejected with savings
  // that do not count. The decide path is the demands' own test; the rows are set as it leaves them.
  const demand = async (title: string) =>
    (await created(await post(admin, '/api/v1/demands', { title, description: 'Behov', scope: 'shared' })))
      .id as string;
  await demand('Inkommet');
  const set = (id: string, status: string, outcome: string | null, savings: number, hours: number) =>
    t.db.execute(sql`update portfolio_demands set status = ${status}, outcome = ${outcome},
      yearly_savings = ${savings}, hours_freed = ${hours}, investment = ${savings * 2} where id = ${id}`);
  await set(await demand('Bifallet'), 'decided', 'approved', 10_000_000, 750);
  await set(await demand('Genomförs'), 'inProgress', 'approved', 5_000_000, 250);
  await set(await demand('Avslaget'), 'decided', 'rejected', 99_000_000, 9999);

  // Projects: one reported red on cost, one green, one never reported, one archived.
  const project = async (name: string, phase: string, budget: object[] = []) =>
    (await created(await post(admin, '/api/v1/projects', { name, phase, budget }))).id as string;
  const red = await project('Röd', 'execution', [
    { year: 2026, investment: 100_000_000, running: 10_000_000, investmentOutcome: 80_000_000 },
    { year: 2027, investment: 1, running: 1 },
  ]);
  const green = await project('Grön', 'planning', [
    { year: 2026, investment: 50_000_000, runningOutcome: 2_000_000 },
  ]);
  await project('Orapporterad', 'preStudy');
  const archived = await project('Arkiverad', 'execution', [{ year: 2026, investment: 777 }]);
  const report = (id: string, cost: string, periodTo: string) =>
    post(admin, `/api/v1/projects/${id}/reports`, {
      periodFrom: `${periodTo.slice(0, 8)}01`,
      periodTo,
      time: 'green',
      cost,
      scope: 'green',
    });
  expect((await report(red, 'green', '2026-01-31')).statusCode).toBe(201);
  expect((await report(red, 'red', '2026-02-28')).statusCode).toBe(201);
  expect((await report(green, 'green', '2026-02-28')).statusCode).toBe(201);
  const archive = await post(admin, `/api/v1/projects/${archived}/archive`, { version: 1, reason: 'Fel' });
  expect(archive.statusCode, archive.body).toBe(200);

  // Procurements: one planned, one cancelled at 4 MSEK.
  const procurement = async (title: string) =>
    (await created(await post(admin, '/api/v1/procurements', { title, procedure: 'open' }))).id as string;
  await procurement('Planerad');
  const stopped = await procurement('Avbruten');
  const cancel = await t.app.inject({
    method: 'PATCH',
    url: `/api/v1/procurements/${stopped}`,
    headers: admin.headers(),
    payload: { version: 1, status: 'cancelled', cancelReason: 'KF avbröt', cancelCost: 400_000_000 },
  });
  expect(cancel.statusCode, cancel.body).toBe(200);
});
afterAll(() => t.close());

describe('portfolio summary', () => {
  it('counts the demands, projects and procurements of the tenant', async () => {
    const response = await get(admin, '/api/v1/portfolio/summary?year=2026');
    expect(response.statusCode, response.body).toBe(200);
    const s = json(response);
    expect(s.year).toBe(2026);
    expect(s.demands).toEqual({
      total: 4,
      byStatus: { received: 1, preparing: 0, readyForDecision: 0, decided: 2, inProgress: 1, closed: 0 },
      approved: { count: 2, yearlySavings: 15_000_000, hoursFreed: 1000, investment: 30_000_000 },
    });
    expect(s.projects).toMatchObject({
      total: 3,
      byPhase: { preStudy: 1, planning: 1, execution: 1, closing: 0, handedOver: 0 },
      // The red project's latest report is red on cost; its earlier green one no longer counts.
      byStatus: { green: 1, amber: 0, red: 1, none: 1 },
      budget: {
        investment: 150_000_000,
        running: 10_000_000,
        investmentOutcome: 80_000_000,
        runningOutcome: 2_000_000,
      },
    });
    expect(s.procurements).toMatchObject({ total: 2, cancelledCost: 400_000_000 });
    expect(s.procurements.byStatus).toMatchObject({ planned: 1, cancelled: 1 });
    // Another year's budget.
    const next = json(await get(admin, '/api/v1/portfolio/summary?year=2027'));
    expect(next.projects.budget).toEqual({
      investment: 1,
      running: 1,
      investmentOutcome: 0,
      runningOutcome: 0,
    });
  });

  it('counts nothing of tenant A for tenant B, and refuses a bad year', async () => {
    const s = json(await get(bAdmin, '/api/v1/portfolio/summary'));
    expect([s.demands.total, s.projects.total, s.procurements.total, s.procurements.cancelledCost]).toEqual([
      0, 0, 0, 0,
    ]);
    expect(s.projects.byStatus).toEqual({ green: 0, amber: 0, red: 0, none: 0 });
    const bad = await get(admin, '/api/v1/portfolio/summary?year=tjugo');
    expect(bad.statusCode).toBe(400);
  });
});

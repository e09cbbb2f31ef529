import { and, eq, sql } from 'drizzle-orm';
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
import { systems } from '../../registry/systems/schema.ts';
import { reportSweep } from './reminders.ts';
import { projects } from './schema.ts';

// Projects through the real app and database: a project with its steering group, budget per
// year, milestones and risks; stale versions refused; bad input answered with the field's path;
// status reports moving the next due date by the cadence and the manager's reminder once a
// period; deviations onto the steering group's next meeting's agenda (or waiting for it); the
// handover that puts a system into operation or registers a new one; and that tenant B sees,
// names and changes none of tenant A's.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let manager: Session;
let employee: Session;
let managerId: string;
let otherId: string;
let bPerson: string;
let forumId: string;
let bForum: string;
let systemId: string;
let bSystem: string;
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
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  managerId = (await seedPerson(t.db, t.a, 'pl@a.example', ['reader'])).id;
  manager = await signIn(t.app, 'pl@a.example');
  otherId = (await seedPerson(t.db, t.a, 'annan@a.example', ['reader'])).id;
  await seedPerson(t.db, t.a, 'employee@a.example', ['employee']);
  employee = await signIn(t.app, 'employee@a.example');
  bPerson = (await seedPerson(t.db, t.b, 'annan@b.example', ['reader'])).id;
  const forum = async (session: Session, name: string) =>
    json(
      await send(session, 'POST', '/api/v1/forums', {
        name,
        kind: 'steeringGroup',
        meetingsPerYear: 10,
      }),
    ).id as string;
  forumId = await forum(admin, 'Styrgrupp e-arkiv');
  bForum = await forum(bAdmin, 'B:s styrgrupp');
  const system = async (session: Session, name: string) =>
    json(await send(session, 'POST', '/api/v1/systems', { name, scope: 'shared', phase: 'implementation' }))
      .id as string;
  systemId = await system(admin, 'E-arkiv');
  bSystem = await system(bAdmin, 'B:s system');
});
afterEach(async () => {
  await jobs?.stop(1000);
  jobs = undefined;
});
afterAll(() => t.close());

const projectBody = () => ({
  name: 'Införande av e-arkiv',
  description: 'Ett gemensamt e-arkiv för kommunens förvaltningar.',
  phase: 'planning',
  managerId,
  steeringGroupId: forumId,
  unitId: t.a.unitId,
  systemIds: [systemId],
  startsOn: '2026-01-15',
  endsOn: '2027-06-30',
  budget: [
    { year: 2027, investment: 50_000_000, running: 10_000_000 },
    { year: 2026, investment: 150_000_000, running: 5_000_000, investmentOutcome: 120_000_000 },
  ],
  milestones: [
    { name: 'Upphandling klar', plannedOn: '2026-04-30', doneOn: '2026-05-10' },
    { name: 'Driftsättning', plannedOn: '2027-03-31' },
  ],
  risks: [{ description: 'Leverantören hinner inte', probability: 3, consequence: 4, ownerId: otherId }],
});

async function newProject(body: Record<string, unknown> = {}) {
  const response = await send(admin, 'POST', '/api/v1/projects', { ...projectBody(), ...body });
  expect(response.statusCode).toBe(201);
  return json(response);
}

describe('projects', () => {
  it('registers a project with steering group, budget per year, milestones and risks', async () => {
    const p = await newProject();
    expect(p).toMatchObject({
      name: 'Införande av e-arkiv',
      phase: 'planning',
      manager: { id: managerId, name: 'Test pl' },
      steeringGroup: { id: forumId, name: 'Styrgrupp e-arkiv' },
      systems: [{ id: systemId, name: 'E-arkiv' }],
      reportCadence: 'monthly',
      version: 1,
      reports: [],
      deviations: [],
      handover: null,
      can: { update: true, archive: true, restore: false, report: true, handover: true },
    });
    expect(p.budget.map((b: { year: number }) => b.year)).toEqual([2026, 2027]);
    expect(p.milestones[0]).toMatchObject({ name: 'Upphandling klar', doneOn: '2026-05-10' });
    expect(p.risks[0]).toMatchObject({ probability: 3, consequence: 4, owner: { id: otherId } });
    // Started in January with no report yet: January's report is due (overdue) at its end.
    expect(p.nextReportOn).toBe('2026-01-31');
    const fresh = await newProject({ startsOn: null, reportCadence: 'quarterly' });
    const month = Number(today.slice(5, 7));
    const quarterEnd = new Date(Date.UTC(Number(today.slice(0, 4)), Math.ceil(month / 3) * 3, 0));
    expect(fresh.nextReportOn).toBe(quarterEnd.toISOString().slice(0, 10));
    const listed = json(await get(admin, `/api/v1/projects?steeringGroupId=${forumId}&phase=planning`));
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(p.id);
    const bySystem = json(await get(admin, `/api/v1/projects?systemId=${systemId}`));
    expect(bySystem.items.map((i: { id: string }) => i.id)).toContain(p.id);
    const history = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'project'), eq(auditEvents.entityId, p.id)));
    expect(history.map((e) => e.action)).toEqual(['create']);
  });

  it('keeps milestones named by id, refuses a stale version, archives and restores', async () => {
    const p = await newProject();
    const [first] = p.milestones;
    const changed = await send(admin, 'PATCH', `/api/v1/projects/${p.id}`, {
      version: 1,
      phase: 'execution',
      reportCadence: 'quarterly',
      milestones: [{ id: first.id, name: first.name, doneOn: '2026-05-12' }, { name: 'Utbildning' }],
    });
    expect(changed.statusCode).toBe(200);
    const after = json(changed);
    expect(after).toMatchObject({ version: 2, phase: 'execution', reportCadence: 'quarterly' });
    expect(after.milestones.map((m: { id: string }) => m.id)[0]).toBe(first.id);
    expect(after.milestones[1].name).toBe('Utbildning');
    const stale = await send(admin, 'PATCH', `/api/v1/projects/${p.id}`, { version: 1, name: 'Gammalt' });
    expect(stale.statusCode).toBe(409);
    expect(json(await get(admin, `/api/v1/projects/${p.id}`)).name).toBe('Införande av e-arkiv');
    const foreignMilestone = await send(admin, 'PATCH', `/api/v1/projects/${p.id}`, {
      version: 2,
      milestones: [{ id: bPerson, name: 'Fel' }],
    });
    expect(paths(foreignMilestone)).toEqual(['body.milestones.0.id']);
    const archived = await send(admin, 'POST', `/api/v1/projects/${p.id}/archive`, {
      version: 2,
      reason: 'Avbrutet',
    });
    expect(json(archived)).toMatchObject({
      archiveReason: 'Avbrutet',
      can: { restore: true, update: false },
    });
    expect(json(await get(admin, '/api/v1/projects')).items.map((i: { id: string }) => i.id)).not.toContain(
      p.id,
    );
    const restored = await send(admin, 'POST', `/api/v1/projects/${p.id}/restore`, { version: 3 });
    expect(json(restored)).toMatchObject({ archivedAt: null, version: 4 });
  });

  it('answers bad input with the paths of the fields, and writes nothing', async () => {
    const before = await auditCount(t.a.id);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ name: '' }, ['body.name']],
      [{ phase: 'done' }, ['body.phase']],
      [
        { risks: [{ description: 'x', probability: 6, consequence: 0 }] },
        ['body.risks.0.probability', 'body.risks.0.consequence'],
      ],
      [{ startsOn: '2026-05-01', endsOn: '2026-04-01' }, ['body.endsOn']],
      [{ budget: [{ year: 2026 }, { year: 2026 }] }, ['body.budget.1.year']],
      [{ steeringGroupId: bForum }, ['body.steeringGroupId']],
      [{ managerId: bPerson }, ['body.managerId']],
      [{ systemIds: [systemId, bSystem] }, ['body.systemIds.1']],
      [{ unitId: t.b.unitId }, ['body.unitId']],
      [{ initiativeId: bPerson }, ['body.initiativeId']],
      [{ phase: 'handedOver' }, ['body.phase']],
      [{ budget: [{ year: 2026, investment: -1 }] }, ['body.budget.0.investment']],
    ];
    for (const [body, expected] of cases) {
      const response = await send(admin, 'POST', '/api/v1/projects', { ...projectBody(), ...body });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(paths(response), JSON.stringify(body)).toEqual(expected);
    }
    expect(await auditCount(t.a.id)).toBe(before);
    expect((await get(employee, '/api/v1/projects')).statusCode).toBe(403);
    expect((await send(manager, 'POST', '/api/v1/projects', projectBody())).statusCode).toBe(403);
  });

  it('moves the next report on by the cadence, and reminds the manager once a period', async () => {
    const p = await newProject({ startsOn: '2026-01-15', reportCadence: 'monthly' });
    const bad = await send(manager, 'POST', `/api/v1/projects/${p.id}/reports`, {
      periodFrom: '2026-02-01',
      periodTo: '2026-01-31',
      time: 'purple',
      cost: 'green',
      scope: 'green',
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['body.time']);
    const reversed = await send(manager, 'POST', `/api/v1/projects/${p.id}/reports`, {
      periodFrom: '2026-02-01',
      periodTo: '2026-01-31',
      time: 'green',
      cost: 'green',
      scope: 'green',
    });
    expect(paths(reversed)).toEqual(['body.periodTo']);
    // The manager reports (not a keeper of the portfolio); another reader may not.
    const other = await signIn(t.app, 'annan@a.example');
    const refused = await send(other, 'POST', `/api/v1/projects/${p.id}/reports`, {
      periodFrom: '2026-01-01',
      periodTo: '2026-01-31',
      time: 'green',
      cost: 'green',
      scope: 'green',
    });
    expect(refused.statusCode).toBe(403);
    const reported = await send(manager, 'POST', `/api/v1/projects/${p.id}/reports`, {
      periodFrom: '2026-01-01',
      periodTo: '2026-01-31',
      time: 'amber',
      timeNote: 'Upphandlingen drog ut på tiden',
      cost: 'green',
      scope: 'red',
      scopeNote: 'Integrationen med ärendesystemet utgår',
    });
    expect(reported.statusCode).toBe(201);
    const after = json(reported);
    expect(after.version).toBe(1);
    expect(after.nextReportOn).toBe('2026-02-28');
    expect(after.reports[0]).toMatchObject({ time: 'amber', scope: 'red', reportedBy: 'Test pl' });
    const overdue = json(await get(admin, '/api/v1/projects?reportOverdue=true&limit=200'));
    expect(overdue.items.map((i: { id: string }) => i.id)).toContain(p.id);

    // On the start page of the manager, and reminded once by however many sweeps.
    const start = json(await get(manager, '/api/v1/start'));
    const items = (start.sections ?? start.items ?? []) as unknown;
    expect(JSON.stringify(items)).toContain(p.id);
    // Saved while no jobs ran, the report due yesterday: the sweep schedules its reminder.
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await t.db.update(projects).set({ nextReportOn: yesterday }).where(eq(projects.id, p.id));
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: undefined });
    jobs = await startJobs(t.database, platformJobs(config, t.app.seam), memoryLogger(), { work: false });
    await runReminderSweep(t.db, reportSweep);
    await runReminderSweep(t.db, reportSweep);
    const scheduled = rowsOf<{ key: string }>(
      await t.db.execute(
        sql`select data->>'personIds' as key from pgboss.job where name = 'notifications.remind' and data->'record'->>'id' = ${p.id}`,
      ),
    );
    expect(scheduled.length).toBe(1);
    expect(scheduled[0]!.key).toContain(managerId);
  });

  it("puts a deviation onto the steering group's next meeting's agenda, or lets it wait", async () => {
    const p = await newProject();
    // No meeting planned: it waits for the forum as an agenda source.
    const waiting = await send(manager, 'POST', `/api/v1/projects/${p.id}/deviations`, {
      title: 'Leveransen försenas två månader',
      consequence: 'Driftsättningen skjuts till hösten',
      proposedAction: 'Förläng avtalet med nuvarande leverantör',
      needsDecision: true,
    });
    expect(waiting.statusCode).toBe(201);
    expect(json(waiting).deviations[0]).toMatchObject({
      meeting: null,
      forum: { id: forumId },
      needsDecision: true,
    });
    const past = json(
      await send(admin, 'POST', '/api/v1/meetings', {
        forumId,
        startsAt: inDays(-3).toISOString(),
        endsAt: new Date(inDays(-3).getTime() + 7_200_000).toISOString(),
      }),
    );
    const sources = json(await get(admin, `/api/v1/meetings/${past.id}/agenda-sources`));
    const deviationSource = sources.items.find((s: { kind: string }) => s.kind === 'deviation');
    expect(deviationSource.records).toMatchObject([
      {
        name: 'Införande av e-arkiv: Leveransen försenas två månader',
        href: `/portfolio/projects/${p.id}`,
        detail: 'Kräver beslut',
      },
    ]);

    // Two meetings ahead: the deviation goes onto the nearer one's agenda.
    const meeting = async (days: number) =>
      json(
        await send(admin, 'POST', '/api/v1/meetings', {
          forumId,
          startsAt: inDays(days).toISOString(),
          endsAt: new Date(inDays(days).getTime() + 7_200_000).toISOString(),
        }),
      );
    const later = await meeting(30);
    const next = await meeting(7);
    const raised = await send(manager, 'POST', `/api/v1/projects/${p.id}/deviations`, {
      title: 'Budgeten överskrids',
      needsDecision: false,
    });
    expect(raised.statusCode).toBe(201);
    expect(json(raised).deviations[0]).toMatchObject({
      title: 'Budgeten överskrids',
      meeting: { id: next.id },
    });
    const agenda = json(await get(admin, `/api/v1/meetings/${next.id}`)).items;
    expect(agenda).toMatchObject([
      {
        title: 'Avvikelse i Införande av e-arkiv: Budgeten överskrids',
        source: {
          kind: 'deviation',
          name: 'Införande av e-arkiv: Budgeten överskrids',
          href: `/portfolio/projects/${p.id}`,
        },
      },
    ]);
    expect(json(await get(admin, `/api/v1/meetings/${later.id}`)).items).toEqual([]);
    // The one on an agenda waits no more; the first still does.
    const now = json(await get(admin, `/api/v1/meetings/${next.id}/agenda-sources`));
    expect(
      now.items
        .find((s: { kind: string }) => s.kind === 'deviation')
        .records.map((r: { name: string }) => r.name),
    ).toEqual(['Införande av e-arkiv: Leveransen försenas två månader']);
    const bad = await send(manager, 'POST', `/api/v1/projects/${p.id}/deviations`, {
      title: '',
      needsDecision: 'ja',
    });
    expect(paths(bad).sort()).toEqual(['body.needsDecision', 'body.title']);
  });

  it('puts a deviation onto the nearest meeting however many the forum plans ahead', async () => {
    const forum = json(
      await send(admin, 'POST', '/api/v1/forums', {
        name: 'Styrgrupp med många möten',
        kind: 'steeringGroup',
        meetingsPerYear: 50,
      }),
    ).id as string;
    const p = await newProject({ steeringGroupId: forum });
    const meeting = async (startsAt: Date) =>
      json(
        await send(admin, 'POST', '/api/v1/meetings', {
          forumId: forum,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        }),
      ).id as string;
    // One that began an hour ago (today, or late yesterday) is past; then 55 ahead, the farthest first.
    await meeting(new Date(Date.now() - 3_600_000));
    for (let days = 60; days > 5; days--) await meeting(inDays(days));
    const nearest = await meeting(inDays(3));
    const raised = await send(manager, 'POST', `/api/v1/projects/${p.id}/deviations`, {
      title: 'Tidplanen glider',
      needsDecision: true,
    });
    expect(raised.statusCode).toBe(201);
    expect(json(raised).deviations[0].meeting).toMatchObject({ id: nearest });
    expect(json(await get(admin, `/api/v1/meetings/${nearest}`)).items).toMatchObject([
      { title: 'Avvikelse i Införande av e-arkiv: Tidplanen glider' },
    ]);
  });

  it('hands over to förvaltning: an existing system into operation', async () => {
    const p = await newProject();
    const bad = await send(admin, 'POST', `/api/v1/projects/${p.id}/handover`, { version: 1 });
    expect(bad.statusCode).toBe(400);
    const foreign = await send(admin, 'POST', `/api/v1/projects/${p.id}/handover`, {
      version: 1,
      systemId: bSystem,
    });
    expect(paths(foreign)).toEqual(['body.systemId']);
    const stale = await send(admin, 'POST', `/api/v1/projects/${p.id}/handover`, { version: 2, systemId });
    expect(stale.statusCode).toBe(409);
    expect(json(await get(admin, `/api/v1/systems/${systemId}`)).phase).toBe('implementation');
    const done = await send(admin, 'POST', `/api/v1/projects/${p.id}/handover`, {
      version: 1,
      systemId,
      inOperationFrom: '2026-11-01',
    });
    expect(done.statusCode).toBe(200);
    expect(json(done)).toMatchObject({
      phase: 'handedOver',
      version: 2,
      nextReportOn: null,
      handover: { system: { id: systemId, name: 'E-arkiv' } },
      can: { handover: false },
    });
    expect(json(await get(admin, `/api/v1/systems/${systemId}`))).toMatchObject({
      phase: 'operation',
      inOperationFrom: '2026-11-01',
    });
    const again = await send(admin, 'POST', `/api/v1/projects/${p.id}/handover`, { version: 2, systemId });
    expect(again.statusCode).toBe(409);
    const back = await send(admin, 'PATCH', `/api/v1/projects/${p.id}`, { version: 2, phase: 'execution' });
    expect(paths(back)).toEqual(['body.phase']);
  });

  it('hands over to förvaltning: a new system registered, audited in the register', async () => {
    const p = await newProject({ systemIds: [] });
    const foreignUnit = await send(admin, 'POST', `/api/v1/projects/${p.id}/handover`, {
      version: 1,
      newSystem: { name: 'Nytt e-arkiv', scope: 'shared', owningUnitId: t.b.unitId },
    });
    expect(paths(foreignUnit)).toEqual(['body.newSystem.owningUnitId']);
    const both = await send(admin, 'POST', `/api/v1/projects/${p.id}/handover`, {
      version: 1,
      systemId,
      newSystem: { name: 'Nytt e-arkiv', scope: 'shared' },
    });
    expect(both.statusCode).toBe(400);
    expect(json(await get(admin, `/api/v1/projects/${p.id}`))).toMatchObject({
      phase: 'planning',
      version: 1,
    });
    const done = await send(admin, 'POST', `/api/v1/projects/${p.id}/handover`, {
      version: 1,
      newSystem: { name: 'Nytt e-arkiv', scope: 'shared' },
    });
    expect(done.statusCode).toBe(200);
    const system = json(done).handover.system;
    expect(system.name).toBe('Nytt e-arkiv');
    expect(json(done).systems.map((s: { id: string }) => s.id)).toEqual([system.id]);
    expect(json(await get(admin, `/api/v1/systems/${system.id}`))).toMatchObject({
      phase: 'operation',
      inOperationFrom: today,
    });
    const audited = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'system'), eq(auditEvents.entityId, system.id)));
    expect(audited.map((e) => e.action)).toEqual(['create']);
  });

  it('hands over atomically: a stale version or a lost race changes nothing in the register', async () => {
    const systemsNamed = async (name: string) =>
      (await t.db.select({ id: systems.id }).from(systems).where(eq(systems.name, name))).length;
    // A stale version with a new system: 409, and no system is registered.
    const p = await newProject({ systemIds: [] });
    await send(admin, 'PATCH', `/api/v1/projects/${p.id}`, { version: 1, description: 'Ändrad' });
    const stale = await send(admin, 'POST', `/api/v1/projects/${p.id}/handover`, {
      version: 1,
      newSystem: { name: 'Inaktuellt e-arkiv', scope: 'shared' },
    });
    expect(stale.statusCode).toBe(409);
    expect(await systemsNamed('Inaktuellt e-arkiv')).toBe(0);
    // A refused register write (a unit of another tenant) leaves the project as it was.
    const refused = await send(admin, 'POST', `/api/v1/projects/${p.id}/handover`, {
      version: 2,
      newSystem: { name: 'Inaktuellt e-arkiv', scope: 'shared', owningUnitId: t.b.unitId },
    });
    expect(paths(refused)).toEqual(['body.newSystem.owningUnitId']);
    expect(json(await get(admin, `/api/v1/projects/${p.id}`))).toMatchObject({
      phase: 'planning',
      version: 2,
    });
    // A handover racing an edit of the same version. The system's row is held locked meanwhile, so
    // on PostgreSQL the handover waits at the register's write while the edit tries to land; on
    // PGlite (one connection) the two just run after it. Whichever loses, the register and the
    // project agree: the system goes into operation exactly when the project is handed over.
    const sys = json(
      await send(admin, 'POST', '/api/v1/systems', {
        name: 'Kapplöpning',
        scope: 'shared',
        phase: 'implementation',
      }),
    );
    const q = await newProject({ systemIds: [] });
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    let handover!: Promise<{ statusCode: number }>;
    let edit!: Promise<{ statusCode: number }>;
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`select id from registry_systems where id = ${sys.id} for update`);
      handover = send(admin, 'POST', `/api/v1/projects/${q.id}/handover`, { version: 1, systemId: sys.id });
      await pause(300);
      edit = send(admin, 'PATCH', `/api/v1/projects/${q.id}`, { version: 1, description: 'Kapplöpning' });
      await pause(300);
    });
    const [handed, edited] = await Promise.all([handover, edit]);
    expect([handed.statusCode, edited.statusCode].sort()).toEqual([200, 409]);
    const phase = json(await get(admin, `/api/v1/systems/${sys.id}`)).phase;
    const project = json(await get(admin, `/api/v1/projects/${q.id}`));
    expect(phase).toBe(handed.statusCode === 200 ? 'operation' : 'implementation');
    expect(project.phase).toBe(handed.statusCode === 200 ? 'handedOver' : 'planning');
  });

  it('carries out a demand decided with approval, which goes on to genomförs; no other demand', async () => {
    const demand = async (session: Session, title: string) =>
      json(await send(session, 'POST', '/api/v1/demands', { title, description: 'Behov', scope: 'shared' }))
        .id as string;
    const received = await demand(admin, 'Inkommet behov');
    const rejected = await demand(admin, 'Avslaget behov');
    const approved = await demand(admin, 'Bifallet behov');
    const bDemand = await demand(bAdmin, 'B:s behov');
    // The decision itself is the demands' own test; here the rows are set as a decide leaves them.
    const decide = (id: string, outcome: string) =>
      t.db.execute(
        sql`update portfolio_demands set status = 'decided', outcome = ${outcome} where id = ${id}`,
      );
    await decide(rejected, 'rejected');
    await decide(approved, 'approved');
    await decide(bDemand, 'approved');
    const before = await auditCount(t.a.id);
    for (const id of [received, rejected, bDemand]) {
      const refused = await send(admin, 'POST', '/api/v1/projects', { ...projectBody(), demandId: id });
      expect(refused.statusCode).toBe(400);
      expect(paths(refused)).toEqual(['body.demandId']);
    }
    expect(await auditCount(t.a.id)).toBe(before);

    const p = await newProject({ demandId: approved });
    expect(p.demandId).toBe(approved);
    const carried = json(await get(admin, `/api/v1/demands/${approved}`));
    expect(carried.status).toBe('inProgress');
    // A second project may carry the same demand on; it stays under way.
    expect((await newProject({ demandId: approved })).demandId).toBe(approved);
    expect(json(await get(admin, `/api/v1/demands/${approved}`)).status).toBe('inProgress');
    // The demand's projects, listed by it; tenant B finds none of them.
    expect(json(await get(admin, `/api/v1/projects?demandId=${approved}`)).items).toHaveLength(2);
    expect(json(await get(bAdmin, `/api/v1/projects?demandId=${approved}`)).items).toEqual([]);
  });

  it("never shows, names or changes tenant A's projects to tenant B", async () => {
    const p = await newProject({ name: 'Hemligt e-arkivprojekt' });
    const before = await auditCount(t.a.id);
    const [row] = await t.db.select().from(projects).where(eq(projects.id, p.id));
    const id = p.id;
    expect((await get(bAdmin, `/api/v1/projects/${id}`)).statusCode).toBe(404);
    expect(json(await get(bAdmin, '/api/v1/projects?limit=200')).items).toEqual([]);
    expect(
      (await send(bAdmin, 'PATCH', `/api/v1/projects/${id}`, { version: 1, name: 'B' })).statusCode,
    ).toBe(404);
    expect(
      (await send(bAdmin, 'POST', `/api/v1/projects/${id}/archive`, { version: 1, reason: 'B' })).statusCode,
    ).toBe(404);
    expect((await send(bAdmin, 'POST', `/api/v1/projects/${id}/restore`, { version: 1 })).statusCode).toBe(
      404,
    );
    expect(
      (
        await send(bAdmin, 'POST', `/api/v1/projects/${id}/reports`, {
          periodFrom: '2026-01-01',
          periodTo: '2026-01-31',
          time: 'green',
          cost: 'green',
          scope: 'green',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await send(bAdmin, 'POST', `/api/v1/projects/${id}/deviations`, { title: 'B', needsDecision: false }))
        .statusCode,
    ).toBe(404);
    expect(
      (await send(bAdmin, 'POST', `/api/v1/projects/${id}/handover`, { version: 1, systemId: bSystem }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await send(bAdmin, 'POST', `/api/v1/projects/${id}/handover`, {
          version: 1,
          newSystem: { name: 'B', scope: 'shared' },
        })
      ).statusCode,
    ).toBe(404);
    const search = json(await get(bAdmin, '/api/v1/search?q=e-arkiv'));
    expect(JSON.stringify(search)).not.toContain(id);
    expect(await auditCount(t.a.id)).toBe(before);
    const [unchanged] = await t.db.select().from(projects).where(eq(projects.id, p.id));
    expect(unchanged).toEqual(row);
    // B's own search finds none of A's; A's does.
    expect(JSON.stringify(json(await get(admin, '/api/v1/search?q=e-arkivprojekt')))).toContain(id);
  });
});

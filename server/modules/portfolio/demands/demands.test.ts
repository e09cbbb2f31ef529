import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/schema.ts';
import * as directory from '../../../platform/directory/service.ts';
import { notifications } from '../../../platform/notifications/schema.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { demands } from './schema.ts';

// Demands through the real app and database: submitted in the portal by an employee and
// registered for a unit, numbered per tenant and year, prepared and scored, ranked, moved by the
// allowed steps with the submitter told, consulted, put on the beredningsgrupp's agenda, routed by
// the tenant's rules (seed 003) and decided only with a recorded decision of the deciding body;
// a desk change ticket promoted with the link on both sides; tenant B sees and changes none of A's.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let employee: Session;
let employeeId: string;
let styrgrupp: string;
let beredning: string;
let systemId: string;
let bSystemId: string;
let goalId: string;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  employeeId = (await seedPerson(t.db, t.a, 'employee@a.example', ['employee'])).id;
  employee = await signIn(t.app, 'employee@a.example');
  styrgrupp = json(
    await post(admin, '/api/v1/forums', {
      name: 'IT-styrgruppen',
      kind: 'steeringGroup',
      meetingsPerYear: 10,
    }),
  ).id;
  beredning = json(
    await post(admin, '/api/v1/forums', {
      name: 'IT-strategiska beredningsgruppen',
      kind: 'preparationGroup',
      meetingsPerYear: 10,
    }),
  ).id;
  systemId = json(await post(admin, '/api/v1/systems', { name: 'Ekonomisystemet', scope: 'shared' })).id;
  bSystemId = json(await post(bAdmin, '/api/v1/systems', { name: 'B-systemet', scope: 'shared' })).id;
  const plan = await post(admin, '/api/v1/goals', { title: 'Digitalt först', kind: 'goal' });
  goalId = plan.statusCode === 201 ? json(plan).id : '';
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
const count = async () => (await t.db.select({ id: demands.id }).from(demands)).length;

async function submit(session: Session, body: Record<string, unknown> = {}) {
  const response = await post(session, '/api/v1/demands', {
    title: 'E-tjänst för bygglov',
    description: 'Ansök om bygglov digitalt',
    scope: 'shared',
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return json(response);
}

/** A managementGroup forum made the ledningsgrupp of tenant A's first unit; answers its id. */
async function unitManagementGroup(name: string) {
  const forum = await post(admin, '/api/v1/forums', { name, kind: 'managementGroup', meetingsPerYear: 10 });
  expect(forum.statusCode, forum.body).toBe(201);
  const settings = json(await get(admin, '/api/v1/portfolio/settings'));
  const saved = await patch(admin, '/api/v1/portfolio/settings', {
    version: settings.version,
    routing: { ...settings.routing, unitBodies: [{ unitId: t.a.unitId, forumId: json(forum).id }] },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  return json(forum).id as string;
}

describe('demands', () => {
  it('lets an employee submit an idea, numbered per tenant and year, and follow only their own', async () => {
    const year = new Date().getFullYear();
    const idea = await submit(employee, { reason: 'Mindre papper', beneficiaries: 'Sökande' });
    expect(idea.number).toMatch(new RegExp(`^BEH-${year}-\\d{4}$`));
    expect(idea.status).toBe('received');
    expect(idea.submitterId).toBe(employeeId);
    expect(idea.can.prepare).toBe(false);
    const second = await submit(admin, { title: 'Ny växel', systemIds: [systemId] });
    expect(Number(second.number.slice(-4))).toBe(Number(idea.number.slice(-4)) + 1);
    expect(second.systems[0].name).toBe('Ekonomisystemet');
    // B numbers on its own.
    expect((await submit(bAdmin, { title: 'B:s behov' })).number).toBe(`BEH-${year}-0001`);
    // The employee reads their own, not the admin's, and lists only their own.
    expect((await get(employee, `/api/v1/demands/${idea.id}`)).statusCode).toBe(200);
    expect((await get(employee, `/api/v1/demands/${second.id}`)).statusCode).toBe(404);
    const mine = json(await get(employee, '/api/v1/demands'));
    expect(mine.items.map((d: { id: string }) => d.id)).toEqual([idea.id]);
    // The submitter rewords it while it is received, but cannot prepare it.
    const reworded = await patch(employee, `/api/v1/demands/${idea.id}`, {
      version: 1,
      title: 'E-tjänst bygglov',
    });
    expect(reworded.statusCode).toBe(200);
    const prep = await patch(employee, `/api/v1/demands/${idea.id}`, { version: 2, investment: 100 });
    expect(prep.statusCode).toBe(403);
    expect(
      (await post(employee, `/api/v1/demands/${idea.id}/status`, { version: 2, status: 'preparing' }))
        .statusCode,
    ).toBe(403);
  });

  it('refuses bad input with the paths and writes nothing', async () => {
    const before = await count();
    const bad = await post(admin, '/api/v1/demands', { title: '', description: 'x', scope: 'everywhere' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(paths(bad)).toEqual(expect.arrayContaining(['body.title', 'body.scope']));
    const foreign = await post(admin, '/api/v1/demands', {
      title: 'Med B:s system',
      description: 'x',
      scope: 'shared',
      systemIds: [systemId, bSystemId],
    });
    expect(foreign.statusCode).toBe(400);
    expect(paths(foreign)).toEqual(['body.systemIds.1']);
    const unit = await post(admin, '/api/v1/demands', {
      title: 'x',
      description: 'x',
      scope: 'local',
      unitId: t.b.unitId,
    });
    expect(paths(unit)).toEqual(['body.unitId']);
    expect(await count()).toBe(before);
    const row = await submit(admin);
    const ratings = await patch(admin, `/api/v1/demands/${row.id}`, { version: 1, ratings: { nonsense: 3 } });
    expect(paths(ratings)).toEqual(['body.ratings.nonsense']);
    const range = await patch(admin, `/api/v1/demands/${row.id}`, {
      version: 1,
      ratings: { benefit: 9 },
      investment: -1,
    });
    expect(range.statusCode).toBe(400);
    expect(paths(range)).toEqual(expect.arrayContaining(['body.investment']));
    expect(json(await get(admin, `/api/v1/demands/${row.id}`)).version).toBe(1);
  });

  it('prepares a demand, scores it by the model and ranks the backlog; a new model rescores', async () => {
    const low = await submit(admin, { title: 'Lågt' });
    const high = await submit(admin, { title: 'Högt' });
    const prepared = await patch(admin, `/api/v1/demands/${high.id}`, {
      version: 1,
      benefitText: 'Färre manuella moment',
      yearlySavings: 50_000_000,
      hoursFreed: 750,
      investment: 20_000_000,
      runningCost: 5_000_000,
      affectedUnitIds: [t.a.unitId],
      goalIds: goalId ? [goalId] : [],
      systemIds: [systemId],
      risks: 'Leverantörsberoende',
      effort: 'medium',
      ratings: { benefit: 5, strategy: 5, urgency: 5, feasibility: 5, lowRisk: 5 },
      preparedByForumId: beredning,
      preparedOn: '2026-03-01',
    });
    expect(prepared.statusCode, prepared.body).toBe(200);
    const view = json(prepared);
    expect(view.score).toBe(100);
    expect(view.hoursFreed).toBe(750);
    expect(view.preparedByForum.name).toBe('IT-strategiska beredningsgruppen');
    expect(view.affectedUnits[0].id).toBe(t.a.unitId);
    // The admin reads the classification: a system without one gives the levels as unknown.
    expect(view.securityImpact).toMatchObject({ systems: 1, classified: 0, highest: null });
    await patch(admin, `/api/v1/demands/${low.id}`, { version: 1, ratings: { benefit: 1 } });
    const ranked = json(await get(admin, '/api/v1/demands?sort=rank&limit=2'));
    expect(ranked.items[0].id).toBe(high.id);
    expect(ranked.items[1].id).toBe(low.id);
    // Keyset pages of the ranked backlog neither skip nor repeat.
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const pageUrl: string = `/api/v1/demands?sort=rank&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = json(await get(admin, pageUrl));
      all.push(...page.items.map((d: { id: string }) => d.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(json(await get(admin, '/api/v1/demands?limit=200')).items.length);
    // A new model: only urgency counts, so the low one (urgency 0) scores 0 and the high one 100.
    const settings = json(await get(admin, '/api/v1/portfolio/settings'));
    const changed = await patch(admin, '/api/v1/portfolio/settings', {
      version: settings.version,
      scoring: [
        { key: 'benefit', label: 'Nytta', weight: 0 },
        { key: 'urgency', label: 'Brådska', weight: 10 },
      ],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(json(await get(admin, `/api/v1/demands/${low.id}`)).score).toBe(0);
    expect(json(await get(admin, `/api/v1/demands/${high.id}`)).score).toBe(100);
    const stale = await patch(admin, '/api/v1/portfolio/settings', {
      version: settings.version,
      scoring: [],
    });
    expect(stale.statusCode).toBe(400);
    const stale2 = await patch(admin, '/api/v1/portfolio/settings', {
      version: settings.version,
      scoring: [{ key: 'x', label: 'X', weight: 1 }],
    });
    expect(stale2.statusCode).toBe(409);
    // Back to the default model for the rest.
    await patch(admin, '/api/v1/portfolio/settings', {
      version: settings.version + 1,
      scoring: [
        { key: 'benefit', label: 'Nytta', weight: 30 },
        { key: 'strategy', label: 'Strategi', weight: 25 },
        { key: 'urgency', label: 'Brådska', weight: 15 },
        { key: 'feasibility', label: 'Genomförbarhet', weight: 15 },
        { key: 'lowRisk', label: 'Låg risk', weight: 15 },
      ],
    });
    // The list and the export filter; XLSX opens.
    const file = await get(admin, '/api/v1/demands/export?format=xlsx&sort=rank');
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as never);
    expect(book.worksheets[0]!.getRow(1).getCell(1).value).toBe('nummer');
  });

  it('answers a stale version with 409 and overwrites nothing', async () => {
    const row = await submit(admin);
    expect((await patch(admin, `/api/v1/demands/${row.id}`, { version: 1, title: 'Ett' })).statusCode).toBe(
      200,
    );
    const stale = await patch(admin, `/api/v1/demands/${row.id}`, { version: 1, title: 'Två' });
    expect(stale.statusCode).toBe(409);
    expect(
      (await post(admin, `/api/v1/demands/${row.id}/status`, { version: 1, status: 'preparing' })).statusCode,
    ).toBe(409);
    expect(json(await get(admin, `/api/v1/demands/${row.id}`)).title).toBe('Ett');
  });

  it('moves by the allowed steps only, telling the submitter at each', async () => {
    const idea = await submit(employee, { title: 'Följ mig' });
    const skip = await post(admin, `/api/v1/demands/${idea.id}/status`, { version: 1, status: 'inProgress' });
    expect(skip.statusCode).toBe(409);
    const decided = await post(admin, `/api/v1/demands/${idea.id}/status`, { version: 1, status: 'decided' });
    expect(paths(decided)).toEqual(['body.status']);
    const step = await post(admin, `/api/v1/demands/${idea.id}/status`, { version: 1, status: 'preparing' });
    expect(step.statusCode).toBe(200);
    expect(json(step).status).toBe('preparing');
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.personId, employeeId), eq(notifications.kind, 'portfolio.demand-status')));
    expect(told.length).toBe(1);
    const inbox = json(await get(employee, '/api/v1/notifications'));
    expect(JSON.stringify(inbox)).toContain('under beredning');
  });

  it('routes by the rules, refuses the decision with what is missing, then accepts it', async () => {
    const row = await submit(admin, { title: 'Nytt ekonomisystem', systemIds: [systemId] });
    const routing = json(await get(admin, `/api/v1/demands/${row.id}/routing`));
    expect(routing.decidingBody).toMatchObject({ forumId: styrgrupp, name: 'IT-styrgruppen', rule: 'scope' });
    expect(routing.consultFirst.map((s: { key: string }) => s.key)).toEqual([
      'preparationGroupAgenda',
      'procurement',
      'itUnit',
    ]);
    expect(routing.missing.map((m: { key: string }) => m.key)).toEqual([
      'preparationGroupAgenda',
      'procurement',
      'itUnit',
      'status',
    ]);
    // A decision of the styrgrupp, recorded in governance.
    const decision = json(
      await post(admin, '/api/v1/decisions', {
        forumId: styrgrupp,
        decidedOn: '2026-04-10',
        paragraph: 12,
        text: 'IT-styrgruppen bifaller behovet.',
        links: [{ kind: 'demand', id: row.id }],
      }),
    );
    const other = json(
      await post(admin, '/api/v1/decisions', {
        forumId: beredning,
        decidedOn: '2026-04-10',
        paragraph: 3,
        text: 'Beredningsgruppen tillstyrker.',
      }),
    );
    let version = row.version;
    const moved = json(
      await post(admin, `/api/v1/demands/${row.id}/status`, { version, status: 'preparing' }),
    );
    version = json(
      await post(admin, `/api/v1/demands/${row.id}/status`, {
        version: moved.version,
        status: 'readyForDecision',
      }),
    ).version;
    const refused = await post(admin, `/api/v1/demands/${row.id}/decide`, {
      version,
      outcome: 'approved',
      decisionId: decision.id,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(paths(refused)).toEqual([
      'missing.preparationGroupAgenda',
      'missing.procurement',
      'missing.itUnit',
    ]);
    // Put on the beredningsgrupp's agenda in one action; the item links the demand.
    const meeting = json(
      await post(admin, '/api/v1/meetings', {
        forumId: beredning,
        startsAt: '2026-03-12T13:00:00+01:00',
        endsAt: '2026-03-12T15:00:00+01:00',
      }),
    );
    const waiting = json(await get(admin, `/api/v1/meetings/${meeting.id}/agenda-sources`));
    expect(JSON.stringify(waiting)).toContain(row.id);
    const onAgenda = await post(admin, `/api/v1/demands/${row.id}/agenda`, { meetingId: meeting.id });
    expect(onAgenda.statusCode, onAgenda.body).toBe(201);
    expect(json(onAgenda).agenda[0]).toMatchObject({ meetingId: meeting.id, forumKind: 'preparationGroup' });
    const again = await post(admin, `/api/v1/demands/${row.id}/agenda`, { meetingId: meeting.id });
    expect(again.statusCode).toBe(409);
    const items = json(await get(admin, `/api/v1/meetings/${meeting.id}`)).items;
    expect(items[0].source).toMatchObject({ kind: 'demand', id: row.id });
    // The consultations.
    for (const party of ['procurement', 'itUnit'])
      version = json(
        await post(admin, `/api/v1/demands/${row.id}/consultations`, {
          version,
          party,
          who: party === 'procurement' ? 'Upphandlingscentret' : 'IT-enheten',
          on: '2026-03-20',
          note: 'Kontaktade tidigt',
        }),
      ).version;
    const clear = json(await get(admin, `/api/v1/demands/${row.id}/routing`));
    expect(clear.missing).toEqual([]);
    expect(clear.consultFirst.every((s: { done: boolean }) => s.done)).toBe(true);
    // A decision of another body is refused, naming the decision.
    const wrongBody = await post(admin, `/api/v1/demands/${row.id}/decide`, {
      version,
      outcome: 'approved',
      decisionId: other.id,
    });
    expect(wrongBody.statusCode).toBe(409);
    expect(paths(wrongBody)).toEqual(['body.decisionId']);
    const unknown = await post(admin, `/api/v1/demands/${row.id}/decide`, {
      version,
      outcome: 'approved',
      decisionId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(paths(unknown)).toEqual(['body.decisionId']);
    const stale = await post(admin, `/api/v1/demands/${row.id}/decide`, {
      version: version - 1,
      outcome: 'approved',
      decisionId: decision.id,
    });
    expect(stale.statusCode).toBe(409);
    const accepted = await post(admin, `/api/v1/demands/${row.id}/decide`, {
      version,
      outcome: 'approved',
      decisionId: decision.id,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(json(accepted)).toMatchObject({ status: 'decided', outcome: 'approved', decidedOn: '2026-04-10' });
    expect(json(accepted).decision.id).toBe(decision.id);
    const go = await post(admin, `/api/v1/demands/${row.id}/status`, {
      version: json(accepted).version,
      status: 'inProgress',
    });
    expect(go.statusCode).toBe(200);
    const audits = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'demand'), eq(auditEvents.entityId, row.id)));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['create', 'status', 'consult', 'decide']),
    );
  });

  it("routes a costly demand to the cost body and a local one to its unit's management group", async () => {
    const costly = await submit(admin, { title: 'Dyrt' });
    await patch(admin, `/api/v1/demands/${costly.id}`, { version: 1, investment: 900_000_000 });
    expect(json(await get(admin, `/api/v1/demands/${costly.id}/routing`)).decidingBody).toMatchObject({
      forumId: null,
      body: 'Kommunstyrelsen',
      rule: 'cost',
    });
    const local = await submit(admin, { title: 'Lokalt', scope: 'local', unitId: t.a.unitId });
    const before = json(await get(admin, `/api/v1/demands/${local.id}/routing`));
    expect(before.decidingBody).toBeNull();
    expect(before.missing[0].key).toBe('decidingBody');
    const ledning = json(
      await post(admin, '/api/v1/forums', {
        name: 'Förvaltningens ledningsgrupp',
        kind: 'managementGroup',
        meetingsPerYear: 20,
      }),
    ).id;
    const settings = json(await get(admin, '/api/v1/portfolio/settings'));
    const bad = await patch(admin, '/api/v1/portfolio/settings', {
      version: settings.version,
      routing: { ...settings.routing, unitBodies: [{ unitId: t.b.unitId, forumId: ledning }] },
    });
    expect(paths(bad)).toEqual(['body.routing.unitBodies.0.unitId']);
    const ok = await patch(admin, '/api/v1/portfolio/settings', {
      version: settings.version,
      routing: { ...settings.routing, unitBodies: [{ unitId: t.a.unitId, forumId: ledning }] },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = json(await get(admin, `/api/v1/demands/${local.id}/routing`));
    expect(after.decidingBody).toMatchObject({ forumId: ledning, name: 'Förvaltningens ledningsgrupp' });
    expect(after.consultFirst).toEqual([]);
  });

  it('routes a local demand with shared impact as kommungemensamt, saying why', async () => {
    const unit = async (name: string, kind: string, parentId?: string) =>
      json(await post(admin, '/api/v1/units', { name, kind, ...(parentId ? { parentId } : {}) }))
        .id as string;
    const office = await unit('Kontor för bygglov', 'office', t.a.unitId);
    const social = await unit('Socialförvaltningen', 'department');
    const socialUnit = await unit(
      'Enheten för hemtjänst',
      'subunit',
      await unit('Äldreomsorgen', 'office', social),
    );
    const ledning = await unitManagementGroup('Ledningsgrupp bygglov');
    const businessSystem = json(
      await post(admin, '/api/v1/systems', { name: 'Bygglovssystemet', scope: 'business' }),
    ).id;
    const local = async (title: string, changes: Record<string, unknown>) => {
      const row = await submit(admin, { title, scope: 'local', unitId: office });
      const changed = await patch(admin, `/api/v1/demands/${row.id}`, { version: 1, ...changes });
      expect(changed.statusCode, changed.body).toBe(200);
      return json(await get(admin, `/api/v1/demands/${row.id}/routing`));
    };
    // Within one förvaltning, with a verksamhetssystem: the förvaltning's management group.
    const plain = await local('Bara vårt kontor', {
      affectedUnitIds: [office, t.a.unitId],
      systemIds: [businessSystem],
    });
    expect(plain.decidingBody).toEqual({
      forumId: ledning,
      body: null,
      name: 'Ledningsgrupp bygglov',
      rule: 'scope',
      because: [],
    });
    expect(plain.consultFirst).toEqual([]);
    // Units in two förvaltningar: IT-styrgruppen, consulted as a kommungemensamt one.
    const spanning = await local('Över förvaltningsgränsen', { affectedUnitIds: [socialUnit] });
    expect(spanning.decidingBody).toMatchObject({
      forumId: styrgrupp,
      name: 'IT-styrgruppen',
      rule: 'sharedImpact',
      because: [{ key: 'departments', names: ['Förvaltning a', 'Socialförvaltningen'] }],
    });
    expect(spanning.consultFirst.map((c: { key: string }) => c.key)).toEqual([
      'preparationGroupAgenda',
      'procurement',
      'itUnit',
    ]);
    // A kommungemensamt system of the register: shared too.
    const system = await local('Rör ekonomisystemet', { systemIds: [systemId, businessSystem] });
    expect(system.decidingBody).toMatchObject({
      forumId: styrgrupp,
      rule: 'sharedImpact',
      because: [{ key: 'sharedSystem', names: ['Ekonomisystemet'] }],
    });
  });

  it('tells the submitter at each step: preparing, ready, decided, in progress, closed', async () => {
    const ledning = await unitManagementGroup('Ledningsgrupp för följ');
    const idea = await submit(employee, { title: 'Följ varje steg', scope: 'local', unitId: t.a.unitId });
    const told = async () =>
      (
        await t.db
          .select({ params: notifications.params })
          .from(notifications)
          .where(
            and(
              eq(notifications.personId, employeeId),
              eq(notifications.kind, 'portfolio.demand-status'),
              eq(notifications.recordId, idea.id),
            ),
          )
          .orderBy(notifications.createdAt, notifications.id)
      ).map((n) => (n.params as { status: string; outcome: string | null }).status);
    // Their own idea is not news to them; every step after it is.
    expect(await told()).toEqual([]);
    let version = idea.version;
    const move = async (status: string) => {
      const moved = await post(admin, `/api/v1/demands/${idea.id}/status`, { version, status });
      expect(moved.statusCode, moved.body).toBe(200);
      version = json(moved).version;
    };
    await move('preparing');
    expect(await told()).toEqual(['preparing']);
    await move('readyForDecision');
    expect(await told()).toEqual(['preparing', 'readyForDecision']);
    const decision = json(
      await post(admin, '/api/v1/decisions', {
        forumId: ledning,
        decidedOn: '2026-05-05',
        paragraph: 4,
        text: 'Ledningsgruppen bifaller behovet.',
      }),
    );
    const decided = await post(admin, `/api/v1/demands/${idea.id}/decide`, {
      version,
      outcome: 'approved',
      decisionId: decision.id,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    version = json(decided).version;
    expect(await told()).toEqual(['preparing', 'readyForDecision', 'decided']);
    await move('inProgress');
    await move('closed');
    expect(await told()).toEqual(['preparing', 'readyForDecision', 'decided', 'inProgress', 'closed']);
    // The employee's inbox says each in words, the decision's outcome with it.
    const inbox = JSON.stringify(json(await get(employee, '/api/v1/notifications?limit=50')));
    for (const words of ['under beredning', 'bifall']) expect(inbox).toContain(words);
  });

  it('promotes a change ticket into a demand, the link kept on both sides, once', async () => {
    const ticket = json(
      await post(employee, '/api/v1/tickets', {
        type: 'change',
        title: 'Nytt fält i bygglovet',
        description: 'Behövs',
      }),
    );
    const incident = json(await post(employee, '/api/v1/tickets', { title: 'Skrivaren' }));
    const notChange = await post(admin, '/api/v1/demands', {
      title: 'x',
      description: 'x',
      scope: 'business',
      fromTicketId: incident.id,
    });
    expect(paths(notChange)).toEqual(['body.fromTicketId']);
    const byEmployee = await post(employee, '/api/v1/demands', {
      title: 'x',
      description: 'x',
      scope: 'business',
      fromTicketId: ticket.id,
    });
    expect(byEmployee.statusCode).toBe(403);
    const promoted = await post(admin, '/api/v1/demands', {
      title: ticket.title,
      description: 'Behövs',
      scope: 'business',
      fromTicketId: ticket.id,
    });
    expect(promoted.statusCode, promoted.body).toBe(201);
    const demand = json(promoted);
    expect(demand.fromTicket).toMatchObject({ id: ticket.id });
    expect(demand.submitterId).toBe(employeeId);
    const timeline = await get(admin, `/api/v1/tickets/${ticket.id}/timeline`);
    expect(timeline.body).toContain(demand.number);
    const twice = await post(admin, '/api/v1/demands', {
      title: 'x',
      description: 'x',
      scope: 'business',
      fromTicketId: ticket.id,
    });
    expect(twice.statusCode).toBe(409);
    // The desk's ticket page finds the demand by its ticket; tenant B finds none by A's ticket.
    const found = json(await get(admin, `/api/v1/demands?fromTicketId=${ticket.id}`));
    expect(found.items.map((d: { id: string; number: string }) => [d.id, d.number])).toEqual([
      [demand.id, demand.number],
    ]);
    expect(json(await get(admin, `/api/v1/demands?fromTicketId=${incident.id}`)).items).toEqual([]);
    expect(json(await get(bAdmin, `/api/v1/demands?fromTicketId=${ticket.id}`)).items).toEqual([]);
    expect(paths(await get(admin, '/api/v1/demands?fromTicketId=nej'))).toEqual(['querystring.fromTicketId']);
    // The business scope asks for the system owner's proposal.
    const routing = json(await get(admin, `/api/v1/demands/${demand.id}/routing`));
    expect(routing.consultFirst.map((s: { key: string }) => s.key)).toContain('systemOwnerProposal');
  });

  it('lets anyone submit for their own unit, and only its IT-kundansvarig register for another', async () => {
    const other = await directory.createUnit(t.db, t.a.actor, {
      name: 'Kultur och fritid',
      kind: 'department',
    });
    const office = await directory.createUnit(t.db, t.a.actor, {
      name: 'Biblioteket',
      kind: 'office',
      parentId: other.id,
    });
    const manager = await seedPerson(t.db, t.a, 'kundansvarig@a.example', ['employee']);
    await directory.grantRole(
      t.db,
      t.a.actor,
      { personId: manager.id, role: 'accountManager', scope: 'unit', scopeId: other.id },
      t.app.seam,
    );
    const kundansvarig = await signIn(t.app, 'kundansvarig@a.example');
    const before = await count();
    // The employee's own unit: allowed; another: refused, as problem+json, nothing written.
    const own = await submit(employee, { scope: 'local', unitId: t.a.unitId });
    expect(own.unitId).toBe(t.a.unitId);
    const refused = await post(employee, '/api/v1/demands', {
      title: 'För någon annan',
      description: 'x',
      scope: 'local',
      unitId: other.id,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().detail).toBe(
      "A demand for another unit is registered by the unit's account manager",
    );
    expect(await count()).toBe(before + 1);
    // Nor does the submitter move their idea there afterwards.
    const moved = await patch(employee, `/api/v1/demands/${own.id}`, { version: 1, unitId: other.id });
    expect(moved.statusCode).toBe(403);
    // The unit's IT-kundansvarig registers for it and its offices (the grant covers them), not
    // for a unit they do not answer for.
    const registered = await submit(kundansvarig, { scope: 'local', unitId: other.id });
    expect(registered.unitId).toBe(other.id);
    expect(registered.submitterId).toBe(manager.id);
    expect((await submit(kundansvarig, { scope: 'local', unitId: office.id })).unitId).toBe(office.id);
    const elsewhere = await post(kundansvarig, '/api/v1/demands', {
      title: 'x',
      description: 'x',
      scope: 'local',
      unitId: (await directory.createUnit(t.db, t.a.actor, { name: 'Skola', kind: 'department' })).id,
    });
    expect(elsewhere.statusCode).toBe(403);
  });

  it('shows the information-security impact of classified systems to those who read levels, no one else', async () => {
    const system = async (name: string) =>
      json(await post(admin, '/api/v1/systems', { name, scope: 'business' })).id as string;
    const social = await system('Verksamhetssystem för socialtjänst');
    const web = await system('Webbplatsen');
    const plain = await system('Oklassat system');
    const classify = async (systemId: string, c: number, i: number, a: number) => {
      const made = await post(admin, '/api/v1/classifications', {
        systemId,
        confidentiality: c,
        integrity: i,
        availability: a,
        motivation: 'Bedömt i KLASSA',
      });
      expect(made.statusCode, made.body).toBe(201);
    };
    await classify(social, 4, 2, 3);
    await classify(web, 1, 3, 1);
    const row = await submit(admin, { title: 'Berör klassade system', systemIds: [social, web, plain] });
    // A staff reader who is the webbplats's förvaltare, and one with no role in the register.
    const managerId = (await seedPerson(t.db, t.a, 'forvaltare@a.example', ['reader'])).id;
    const granted = await post(admin, '/api/v1/role-assignments', {
      personId: managerId,
      role: 'systemManager',
      scope: 'system',
      scopeId: web,
    });
    expect(granted.statusCode, granted.body).toBe(201);
    await seedPerson(t.db, t.a, 'lasare@a.example', ['reader']);
    const manager = await signIn(t.app, 'forvaltare@a.example');
    const reader = await signIn(t.app, 'lasare@a.example');
    // The register's keeper reads every level: the maximum per dimension over the systems.
    expect(json(await get(admin, `/api/v1/demands/${row.id}`)).securityImpact).toEqual({
      confidentiality: 4,
      integrity: 3,
      availability: 3,
      highest: 4,
      classified: 2,
      systems: 3,
    });
    // The förvaltare reads the levels of their own system only (OSL: the others' stay secret).
    expect(json(await get(manager, `/api/v1/demands/${row.id}`)).securityImpact).toEqual({
      confidentiality: 1,
      integrity: 3,
      availability: 1,
      highest: 3,
      classified: 1,
      systems: 1,
    });
    // A reader with no such role reads the demand but no levels.
    const read = await get(reader, `/api/v1/demands/${row.id}`);
    expect(read.statusCode).toBe(200);
    expect(json(read).securityImpact).toBeNull();
    expect(read.body).not.toContain('"confidentiality"');
  });

  it("shows and changes none of tenant A's demands to tenant B", async () => {
    const row = await submit(admin, { title: 'Hemligt A-behov' });
    const before = await count();
    for (const [method, url, payload] of [
      ['GET', `/api/v1/demands/${row.id}`, undefined],
      ['GET', `/api/v1/demands/${row.id}/routing`, undefined],
      ['PATCH', `/api/v1/demands/${row.id}`, { version: 1, title: 'B' }],
      ['POST', `/api/v1/demands/${row.id}/status`, { version: 1, status: 'preparing' }],
      [
        'POST',
        `/api/v1/demands/${row.id}/consultations`,
        { version: 1, party: 'itUnit', who: 'B', on: '2026-01-01' },
      ],
      ['POST', `/api/v1/demands/${row.id}/decide`, { version: 1, outcome: 'approved', decisionId: row.id }],
      ['POST', `/api/v1/demands/${row.id}/agenda`, { meetingId: row.id }],
    ] as const) {
      const response = await t.app.inject({
        method,
        url,
        headers: bAdmin.headers(),
        payload: payload as never,
      });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    const list = await get(bAdmin, '/api/v1/demands?search=Hemligt');
    expect(list.body).not.toContain('Hemligt A-behov');
    const search = await get(bAdmin, '/api/v1/search?q=Hemligt');
    expect(search.body).not.toContain('Hemligt A-behov');
    expect(await count()).toBe(before);
    expect(json(await get(admin, `/api/v1/demands/${row.id}`)).version).toBe(1);
  });
});

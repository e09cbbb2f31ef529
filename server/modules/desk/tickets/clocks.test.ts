import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
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
import { checkTicketClocks, sweepClocks } from './clocks.ts';
import { ticketEvents, tickets } from './schema.ts';

// Service-level clocks through the real app, database and job runner: due times from the level
// on its calendar, pauses that keep the time used, new terms on a new priority, warnings and
// breaches marked once (also when checked in parallel) with their escalation, the queue ordered by
// due time, and imported histories measured by the same rules.

const MINUTE = 60_000;
let t: TestContext;
let jobs: Jobs | undefined;
let admin: Session;
let employee: Session;
let agent: Session;
let agentId: string;
let leadId: string;
let groupId: string;
let otherGroupId: string;
let levelId: string;

const post = (s: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: s.headers(), payload: payload as object });
const patch = (s: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'PATCH', url, headers: s.headers(), payload: payload as object });
const get = (s: Session, url: string) => t.app.inject({ url, headers: s.headers() });

const allDay = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]),
);
const weekdays = {
  mon: [['07:00', '16:00']],
  tue: [['07:00', '16:00']],
  wed: [['07:00', '16:00']],
  thu: [['07:00', '16:00']],
  fri: [['07:00', '16:00']],
  sat: [],
  sun: [],
};

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  await seedPerson(t.db, t.a, 'anna@a.example', ['employee']);
  employee = await signIn(t.app, 'anna@a.example');
  agentId = (await seedPerson(t.db, t.a, 'agent@a.example', ['employee'])).id;
  agent = await signIn(t.app, 'agent@a.example');
  leadId = (await seedPerson(t.db, t.a, 'lead@a.example', ['employee'])).id;
  const calendar = json(
    await post(admin, '/api/v1/calendars', {
      name: 'Dygnet runt',
      timeZone: 'Europe/Stockholm',
      weekly: allDay,
      // Everyone's own hours too: the lead is told at once, whatever the hour the test runs.
      isDefault: true,
      swedishHolidays: false,
      extraClosedDates: [],
      exceptions: [],
    }),
  );
  otherGroupId = json(await post(admin, '/api/v1/groups', { name: 'Andra linjen', kind: 'secondLine' })).id;
  groupId = json(await post(admin, '/api/v1/groups', { name: 'Servicedesk', kind: 'firstLine', leadId })).id;
  expect((await post(admin, `/api/v1/groups/${groupId}/members`, { personId: agentId })).statusCode).toBe(
    204,
  );
  const level = await post(admin, '/api/v1/service-levels', {
    name: 'Dygnet runt',
    kind: 'service',
    calendarId: calendar.id,
    isDefault: true,
    warningPercent: 50,
    targets: {
      '1': { response: 30, resolution: 120 },
      '2': { response: 60, resolution: 240 },
      '3': { response: 90, resolution: 480 },
      // Impact 3 × urgency 3 is priority 4 on the default matrix: the tickets below.
      '4': { response: 120, resolution: 600 },
    },
    escalation: { notifyLead: 'breach', raisePriority: true, reassignGroupId: otherGroupId },
  });
  expect(level.statusCode, level.body).toBe(201);
  levelId = json(level).id;
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: undefined });
  jobs = await startJobs(
    t.database,
    [...platformJobs(config, t.app.seam), ...t.app.seam.jobs],
    memoryLogger(),
    {
      pollingIntervalSeconds: 0.5,
    },
  );
});
afterAll(async () => {
  await jobs?.stop(1000);
  await t.close();
});

async function newTicket(title: string, extra: Record<string, unknown> = {}) {
  const made = await post(agent, '/api/v1/tickets', {
    title,
    requesterId: undefined,
    groupId,
    assigneeId: agentId,
    impact: 3,
    urgency: 3,
    ...extra,
  });
  expect(made.statusCode, made.body).toBe(201);
  return json(made);
}

const row = async (id: string) =>
  (
    await t.db
      .select()
      .from(tickets)
      .where(and(eq(tickets.tenantId, t.a.id), eq(tickets.id, id)))
  )[0]!;
const slaEvents = (id: string) =>
  t.db
    .select({ change: ticketEvents.change })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, id), eq(ticketEvents.kind, 'sla')));

describe('service-level clocks', () => {
  it('give a new ticket due times from its level, on the level’s calendar', async () => {
    const ticket = await newTicket('Skrivaren på plan 3 skriver inte ut');
    const full = json(await get(agent, `/api/v1/tickets/${ticket.id}`));
    expect(full.sla.serviceLevel).toEqual({ id: levelId, name: 'Dygnet runt' });
    expect(full.sla.resolution).toMatchObject({ phase: 'running', targetMinutes: 600, breachedAt: null });
    const created = Date.parse(full.createdAt);
    // Round the row's microseconds away: the maths counts milliseconds.
    expect(Math.abs(Date.parse(full.sla.response.dueAt) - (created + 120 * MINUTE))).toBeLessThan(1000);
    expect(Math.abs(Date.parse(full.sla.resolution.dueAt) - (created + 600 * MINUTE))).toBeLessThan(1000);
    expect(full.dueAt).toBe(full.sla.response.dueAt);
    // The first public reply meets the response; the queue then follows the resolution.
    expect(
      (await post(agent, `/api/v1/tickets/${ticket.id}/messages`, { body: 'Vi tittar på det.' })).statusCode,
    ).toBe(201);
    const replied = json(await get(agent, `/api/v1/tickets/${ticket.id}`));
    expect(replied.sla.response.phase).toBe('met');
    expect(replied.dueAt).toBe(replied.sla.resolution.dueAt);
  });

  it('pause while waiting for the requester and go on with the time used', async () => {
    const ticket = await newTicket('Kan inte logga in i Heroma');
    const waiting = await patch(agent, `/api/v1/tickets/${ticket.id}`, {
      version: ticket.version,
      status: 'waitingRequester',
    });
    expect(waiting.statusCode, waiting.body).toBe(200);
    const paused = json(waiting);
    expect(paused.slaPaused).toBe(true);
    expect(paused.dueAt).toBeNull();
    const usedBefore = (await row(ticket.id)).sla!.resolution.usedMs;
    // Paused, nothing can be breached, however late it is checked.
    expect(await checkTicketClocks(t.db, t.a.id, ticket.id, new Date(Date.now() + 1000 * MINUTE))).toBe(
      false,
    );
    // Back to work: the clock runs again from now with the time it had used.
    const back = await patch(agent, `/api/v1/tickets/${ticket.id}`, {
      version: paused.version,
      status: 'inProgress',
    });
    const resumed = await row(ticket.id);
    expect(resumed.slaPaused).toBe(false);
    expect(resumed.sla!.resolution.usedMs).toBe(usedBefore);
    const since = Date.parse(resumed.sla!.resolution.since!);
    expect(Date.parse(resumed.sla!.resolution.dueAt!)).toBe(since + 600 * MINUTE - usedBefore);
    expect(json(back).status).toBe('inProgress');
  });

  it('take new targets on a new priority, keeping the time used', async () => {
    const ticket = await newTicket('Nätverket är nere i Stadshuset');
    const raised = json(
      await patch(agent, `/api/v1/tickets/${ticket.id}`, { version: ticket.version, impact: 1, urgency: 1 }),
    );
    expect(raised.priority).toBe(1);
    const r = await row(ticket.id);
    expect(r.sla!.resolution.target).toBe(120);
    const due = Date.parse(r.sla!.resolution.dueAt!);
    expect(due).toBe(Date.parse(r.sla!.resolution.since!) + 120 * MINUTE - r.sla!.resolution.usedMs);
  });

  it('mark the warning and the breach once, escalate, and tell the lead', async () => {
    const ticket = await newTicket('Heroma svarar inte');
    const late = new Date(Date.now() + 700 * MINUTE);
    // Two checks at once: the row lock makes one of them mark.
    const results = await Promise.all([
      checkTicketClocks(t.db, t.a.id, ticket.id, late),
      checkTicketClocks(t.db, t.a.id, ticket.id, late),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const events = (await slaEvents(ticket.id)).map((e) => e.change as { clock: string; mark: string });
    expect(events.map((e) => `${e.clock}:${e.mark}`).sort()).toEqual([
      'resolution:breach',
      'response:breach',
    ]);
    const r = await row(ticket.id);
    expect(r.responseBreachedAt).not.toBeNull();
    expect(r.resolutionBreachedAt).not.toBeNull();
    // The escalation jobs: the lead is told, the priority goes up a step, the ticket moves on.
    await waitFor(async () => {
      const told = await t.db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.personId, leadId),
            eq(notifications.kind, 'desk.sla-breach'),
            eq(notifications.recordId, ticket.id),
          ),
        );
      return told.length > 0;
    });
    await waitFor(async () => (await row(ticket.id)).groupId === otherGroupId);
    const after = await row(ticket.id);
    expect(after.priority).toBeLessThan(ticket.priority);
    // Checked again later: nothing new is marked.
    expect(await checkTicketClocks(t.db, t.a.id, ticket.id, new Date(Date.now() + 2000 * MINUTE))).toBe(
      false,
    );
    expect((await slaEvents(ticket.id)).length).toBe(2);
  });

  it('are caught up by the sweep when a check was never sent', async () => {
    const ticket = await newTicket('Utskrifter fastnar');
    // As if the ticket had been written where no jobs run: only check_at says what is due.
    expect((await row(ticket.id)).checkAt).not.toBeNull();
    const marked = await sweepClocks(t.db, new Date(Date.now() + 65 * MINUTE));
    expect(marked).toBeGreaterThan(0);
    const events = (await slaEvents(ticket.id)).map((e) => e.change as { mark: string });
    expect(events.map((e) => e.mark)).toEqual(['warning']);
  });

  it('order a queue by due time, those without one last, page by page', async () => {
    const page1 = json(
      await get(
        agent,
        `/api/v1/tickets?view=work&groupId=${groupId}&status=open&sort=dueAt&order=asc&limit=2`,
      ),
    );
    const rest = json(
      await get(
        agent,
        `/api/v1/tickets?view=work&groupId=${groupId}&status=open&sort=dueAt&order=asc&limit=200&cursor=${page1.nextCursor}`,
      ),
    );
    const all = [...page1.items, ...rest.items];
    const dues = all.map((x: { dueAt: string | null }) =>
      x.dueAt ? Date.parse(x.dueAt) : Number.POSITIVE_INFINITY,
    );
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(all.length).toBeGreaterThanOrEqual(3);
  });
});

describe('import of historical tickets', () => {
  // On the weekday desk hours: Monday 2 March 2026 08:00 (UTC+1).
  const at = (day: number, hh: number, mm = 0) => new Date(Date.UTC(2026, 2, day, hh - 1, mm)).toISOString();
  let weekdayService: string;

  beforeAll(async () => {
    const calendar = json(
      await post(admin, '/api/v1/calendars', {
        name: 'Vardagar',
        timeZone: 'Europe/Stockholm',
        weekly: weekdays,
        swedishHolidays: true,
        extraClosedDates: [],
        exceptions: [],
      }),
    );
    const level = json(
      await post(admin, '/api/v1/service-levels', {
        name: 'Vardagar',
        kind: 'service',
        calendarId: calendar.id,
        targets: {
          '1': { response: 30, resolution: 120 },
          '2': { response: 60, resolution: 240 },
          '3': { response: 60, resolution: 540 },
          '4': { response: 60, resolution: 540 },
        },
      }),
    );
    weekdayService = json(
      await post(admin, '/api/v1/catalogue-services', {
        name: 'Lönesystem',
        serviceLevelId: level.id,
        groupId,
      }),
    ).id;
  });

  const history = (ref: string, extra: Record<string, unknown> = {}) => ({
    sourceRef: ref,
    title: 'Lönebeskedet syns inte',
    requesterEmail: 'anna@a.example',
    serviceId: weekdayService,
    createdAt: at(2, 8),
    events: [
      { at: at(2, 8, 30), groupId, assigneeId: agentId, status: 'inProgress' },
      { at: at(2, 9), status: 'waitingRequester', reply: true },
      { at: at(4, 10), status: 'inProgress' },
      { at: at(5, 8, 30), status: 'solved' },
    ],
    ...extra,
  });

  it('replays the history through the live rules: pauses, compliance, numbers of the year', async () => {
    const result = await post(admin, '/api/v1/tickets/import', {
      tickets: [history('topdesk:I-1'), history('topdesk:I-2', { events: [] })],
    });
    expect(result.statusCode, result.body).toBe(200);
    expect(json(result)).toEqual({ created: 2, unchanged: 0 });
    const [one] = await t.db
      .select()
      .from(tickets)
      .where(and(eq(tickets.tenantId, t.a.id), eq(tickets.sourceRef, 'topdesk:I-1')));
    expect(one!.number).toMatch(/^INC-2026-\d{6}$/);
    expect(one!.status).toBe('solved');
    expect(one!.channel).toBe('import');
    // Response met at 08:30 (the acknowledgement) within 60 minutes.
    expect(one!.sla!.response).toMatchObject({ phase: 'met', metAt: at(2, 8, 30), breachedAt: null });
    // Resolution: 08:00–09:00 Monday (60), paused to Wednesday 10:00, then 10–16 (360) and
    // Thursday 07:00–08:30 (90): 510 of 540 minutes, met.
    expect(Math.round(one!.sla!.resolution.usedMs / MINUTE)).toBe(510);
    expect(one!.resolutionBreachedAt).toBeNull();
    // The ticket without events stays open: its clocks ran from 2 March and are long breached.
    const [two] = await t.db
      .select()
      .from(tickets)
      .where(and(eq(tickets.tenantId, t.a.id), eq(tickets.sourceRef, 'topdesk:I-2')));
    expect(two!.status).toBe('new');
    expect(two!.resolutionBreachedAt?.toISOString()).toBe(at(3, 8));
    const timeline = json(await get(admin, `/api/v1/tickets/${one!.id}/timeline`)).items.map(
      (e: { kind: string }) => e.kind,
    );
    // The warning at 80 % (432 minutes) came on Thursday at 07:12, before it was solved.
    expect(timeline).toEqual(['created', 'assignment', 'status', 'status', 'status', 'sla', 'status']);
  });

  it('makes each ticket once, also when the same file is imported twice at once', async () => {
    const file = { tickets: [history('glpi:77'), history('glpi:78')] };
    const [a, b] = await Promise.all([
      post(admin, '/api/v1/tickets/import', file),
      post(admin, '/api/v1/tickets/import', file),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(json(a).created + json(b).created).toBe(2);
    const again = json(await post(admin, '/api/v1/tickets/import', file));
    expect(again).toEqual({ created: 0, unchanged: 2 });
  });

  it('refuses bad references and disordered histories, writing nothing', async () => {
    const before = (await t.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.tenantId, t.a.id)))
      .length;
    const bGroup = json(
      await post(await signIn(t.app, t.b.adminEmail), '/api/v1/groups', {
        name: 'B-gruppen',
        kind: 'firstLine',
      }),
    ).id;
    const bad = await post(admin, '/api/v1/tickets/import', {
      tickets: [
        history('x:1'),
        history('x:2', { requesterEmail: 'nobody@a.example' }),
        history('x:3', { events: [{ at: at(2, 9), groupId: bGroup }] }),
        history('x:4', { events: [{ at: at(1, 9), status: 'solved' }] }),
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).errors.map((e: { path: string }) => e.path)).toEqual([
      'body.tickets.1.requesterEmail',
      'body.tickets.2.events.0.groupId',
      'body.tickets.3.events.0.at',
    ]);
    const after = (await t.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.tenantId, t.a.id)))
      .length;
    expect(after).toBe(before);
    expect((await post(employee, '/api/v1/tickets/import', { tickets: [history('x:5')] })).statusCode).toBe(
      403,
    );
  });
});

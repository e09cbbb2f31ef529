import { and, eq } from 'drizzle-orm';
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
import * as catalogue from '../../catalogue/offerings/service.ts';
import { createService as createDeskService } from '../services/service.ts';
import { createTicket } from '../tickets/service.ts';
import { timeEntries } from './schema.ts';

// Time worked on tickets through the real app and database: the ticket's agents log and archive
// it (the offering defaulting to the one of the ticket's service), the requester sees only the
// billable entries and no notes, someone who does not work the ticket is refused (403 for a
// non-agent and for the requester, 404 for an agent of another group and for another tenant),
// bad input answers 400 and writes nothing, and each change is audited.

let t: TestContext;
let agent: Session;
let other: Session;
let anna: Session;
let outsider: Session;
let bAdmin: Session;
let agentId: string;
let otherId: string;
let annaId: string;
let ticketId: string;
let bareTicketId: string;
let hours: string;
let consulting: string;

type Json = Record<string, any>;

const post = (s: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: s.headers(), payload: payload as object });
const get = (s: Session, url: string) => t.app.inject({ url, headers: s.headers() });
const entriesIn = async () =>
  (await t.db.select().from(timeEntries).where(eq(timeEntries.tenantId, t.a.id))).length;

beforeAll(async () => {
  t = await createTestContext();
  const actor = t.a.actor;
  const admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  annaId = (await seedPerson(t.db, t.a, 'anna@a.example', ['employee'])).id;
  agentId = (await seedPerson(t.db, t.a, 'agent@a.example', ['employee'])).id;
  otherId = (await seedPerson(t.db, t.a, 'other@a.example', ['employee'])).id;
  await seedPerson(t.db, t.a, 'outsider@a.example', ['employee']);
  const groupId = json(await post(admin, '/api/v1/groups', { name: 'Servicedesk', kind: 'firstLine' })).id;
  const otherGroup = json(await post(admin, '/api/v1/groups', { name: 'Nätverk', kind: 'secondLine' })).id;
  for (const [group, personId] of [
    [groupId, agentId],
    [otherGroup, otherId],
  ]) {
    const added = await post(admin, `/api/v1/groups/${group}/members`, { personId });
    expect(added.statusCode, added.body).toBe(204);
  }
  agent = await signIn(t.app, 'agent@a.example');
  other = await signIn(t.app, 'other@a.example');
  anna = await signIn(t.app, 'anna@a.example');
  outsider = await signIn(t.app, 'outsider@a.example');

  // The ticket's service is a catalogue service with a perHour offering: the default.
  const desk = await createDeskService(t.db, actor, {
    name: 'Ekonomisystemet',
    description: null,
    orderable: false,
  });
  const family = await catalogue.createFamily(t.db, actor, { name: 'Verksamhetssystem' });
  const service = await catalogue.createFamilyService(t.db, actor, {
    deskServiceId: desk.id,
    familyId: family.id,
  });
  hours = (
    await catalogue.createOffering(t.db, actor, {
      serviceId: service.id,
      name: 'Systemförvaltning per timme',
      priceModel: 'perHour',
    })
  ).id;
  // Another service's hourly rate, chosen by hand.
  const desk2 = await createDeskService(t.db, actor, {
    name: 'Konsulttjänster',
    description: null,
    orderable: false,
  });
  const service2 = await catalogue.createFamilyService(t.db, actor, {
    deskServiceId: desk2.id,
    familyId: family.id,
  });
  consulting = (
    await catalogue.createOffering(t.db, actor, {
      serviceId: service2.id,
      name: 'Konsulttimme',
      priceModel: 'perHour',
    })
  ).id;
  await catalogue.createOffering(t.db, actor, {
    serviceId: service.id,
    name: 'Licens',
    priceModel: 'fixedMonthly',
  });
  ticketId = (
    await createTicket(t.db, actor, {
      title: 'Rapporten i ekonomisystemet räknar fel',
      requesterId: annaId,
      groupId,
      serviceId: desk.id,
    })
  ).id;
  bareTicketId = (await createTicket(t.db, actor, { title: 'Skrivaren', requesterId: annaId, groupId })).id;
});
afterAll(() => t.close());

describe('time on tickets', () => {
  it('logs and lists time, the offering defaulting to the ticket’s service’s', async () => {
    const first = await post(agent, `/api/v1/tickets/${ticketId}/time`, {
      workedOn: '2026-03-02',
      minutes: 90,
      billable: true,
      note: 'Felsökte rapportens urval',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(json(first).defaultOfferingId).toBe(hours);
    expect(json(first).offerings.map((o: Json) => o.name)).toEqual([
      'Konsulttimme',
      'Systemförvaltning per timme',
    ]);
    const [entry] = json(first).items;
    expect(entry).toMatchObject({
      personId: agentId,
      workedOn: '2026-03-02',
      minutes: 90,
      billable: true,
      note: 'Felsökte rapportens urval',
      offeringId: hours,
      offeringName: 'Systemförvaltning per timme',
      version: 1,
    });
    const second = await post(agent, `/api/v1/tickets/${ticketId}/time`, {
      workedOn: '2026-03-03',
      minutes: 30,
      billable: true,
      offeringId: consulting,
    });
    expect(second.statusCode, second.body).toBe(201);
    const internal = await post(agent, `/api/v1/tickets/${ticketId}/time`, {
      workedOn: '2026-03-03',
      minutes: 15,
      billable: false,
      note: 'Intern avstämning',
    });
    expect(internal.statusCode, internal.body).toBe(201);
    const list = json(await get(agent, `/api/v1/tickets/${ticketId}/time`));
    expect(list.items.map((e: Json) => [e.workedOn, e.minutes, e.offeringName])).toEqual([
      ['2026-03-03', 15, 'Systemförvaltning per timme'],
      ['2026-03-03', 30, 'Konsulttimme'],
      ['2026-03-02', 90, 'Systemförvaltning per timme'],
    ]);
    expect([list.totalMinutes, list.billableMinutes, list.canLog]).toEqual([135, 120, true]);

    const audited = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, t.a.id), eq(auditEvents.entity, 'timeEntry')));
    expect(audited.filter((e) => e.action === 'create')).toHaveLength(3);
  });

  it('shows the requester the billable time without the notes', async () => {
    const seen = await get(anna, `/api/v1/tickets/${ticketId}/time`);
    expect(seen.statusCode, seen.body).toBe(200);
    const body = json(seen);
    expect(body.items.map((e: Json) => [e.minutes, e.billable, e.note])).toEqual([
      [30, true, null],
      [90, true, null],
    ]);
    expect([body.totalMinutes, body.billableMinutes, body.canLog, body.offerings]).toEqual([
      120,
      120,
      false,
      [],
    ]);
    expect(seen.body).not.toContain('Intern avstämning');
  });

  it('archives an entry with its version and reason', async () => {
    const list = json(await get(agent, `/api/v1/tickets/${ticketId}/time`));
    const entry = list.items.find((e: Json) => e.minutes === 30);
    const stale = await post(agent, `/api/v1/tickets/${ticketId}/time/${entry.id}/archive`, {
      version: 2,
      reason: 'Fel ärende',
    });
    expect(stale.statusCode, stale.body).toBe(409);
    const done = await post(agent, `/api/v1/tickets/${ticketId}/time/${entry.id}/archive`, {
      version: 1,
      reason: 'Fel ärende',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(json(done).items.map((e: Json) => e.minutes)).toEqual([15, 90]);
    const again = await post(agent, `/api/v1/tickets/${ticketId}/time/${entry.id}/archive`, {
      version: 2,
      reason: 'Fel ärende',
    });
    expect(again.statusCode, again.body).toBe(404);
    const [row] = await t.db.select().from(timeEntries).where(eq(timeEntries.id, entry.id));
    expect(row?.archiveReason).toBe('Fel ärende');
  });

  it('lets only the ticket’s agents log time', async () => {
    const before = await entriesIn();
    const body = { workedOn: '2026-03-04', minutes: 60, billable: true };
    // A non-agent is stopped at the gate; the requester is told the ticket is not theirs to work.
    expect((await post(outsider, `/api/v1/tickets/${ticketId}/time`, body)).statusCode).toBe(403);
    expect((await post(anna, `/api/v1/tickets/${ticketId}/time`, body)).statusCode).toBe(403);
    // An agent of another group does not read the ticket at all.
    expect((await post(other, `/api/v1/tickets/${ticketId}/time`, body)).statusCode).toBe(404);
    expect((await get(other, `/api/v1/tickets/${ticketId}/time`)).statusCode).toBe(404);
    expect((await get(outsider, `/api/v1/tickets/${ticketId}/time`)).statusCode).toBe(404);
    // Nor may time be put on someone who does not work it.
    const onOther = await post(agent, `/api/v1/tickets/${ticketId}/time`, { ...body, personId: otherId });
    expect(onOther.statusCode, onOther.body).toBe(400);
    expect(await entriesIn()).toBe(before);
  });

  it('answers 404 for another tenant’s ticket and entry', async () => {
    const before = await entriesIn();
    const [entry] = await t.db.select().from(timeEntries).where(eq(timeEntries.tenantId, t.a.id));
    expect((await get(bAdmin, `/api/v1/tickets/${ticketId}/time`)).statusCode).toBe(404);
    const logged = await post(bAdmin, `/api/v1/tickets/${ticketId}/time`, {
      workedOn: '2026-03-04',
      minutes: 60,
      billable: false,
    });
    expect(logged.statusCode, logged.body).toBe(404);
    const archived = await post(bAdmin, `/api/v1/tickets/${ticketId}/time/${entry!.id}/archive`, {
      version: entry!.version,
      reason: 'Försök',
    });
    expect(archived.statusCode, archived.body).toBe(404);
    expect(await entriesIn()).toBe(before);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const before = await entriesIn();
    const audits = async () =>
      (await t.db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.tenantId, t.a.id)))
        .length;
    const auditsBefore = await audits();
    const bad: [Json, string, string][] = [
      [{ workedOn: '2026-03-04', minutes: 0, billable: true }, 'body.minutes', ticketId],
      [{ workedOn: '2026-03-04', minutes: 1441, billable: true }, 'body.minutes', ticketId],
      [{ workedOn: '2026-03-04', minutes: 12.5, billable: true }, 'body.minutes', ticketId],
      [{ workedOn: '2026-03-04', minutes: '60', billable: true }, 'body.minutes', ticketId],
      [{ workedOn: '2026-02-30', minutes: 60, billable: true }, 'body.workedOn', ticketId],
      [{ minutes: 60, billable: true }, 'body.workedOn', ticketId],
      [
        { workedOn: '2026-03-04', minutes: 60, billable: true, offeringId: t.b.unitId },
        'body.offeringId',
        ticketId,
      ],
      // A monthly offering is not an hourly rate.
      [
        { workedOn: '2026-03-04', minutes: 60, billable: true, offeringId: ticketId },
        'body.offeringId',
        ticketId,
      ],
      // Billable time on a ticket whose service has no perHour offering names one.
      [{ workedOn: '2026-03-04', minutes: 60, billable: true }, 'body.offeringId', bareTicketId],
    ];
    for (const [payload, path, id] of bad) {
      const r = await post(agent, `/api/v1/tickets/${id}/time`, payload);
      expect(r.statusCode, `${JSON.stringify(payload)}: ${r.body}`).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(
        (r.json().errors ?? []).map((e: Json) => e.path),
        JSON.stringify(payload),
      ).toContain(path);
    }
    expect(await entriesIn()).toBe(before);
    expect(await audits()).toBe(auditsBefore);
    // Non-billable time needs no offering.
    const plain = await post(agent, `/api/v1/tickets/${bareTicketId}/time`, {
      workedOn: '2026-03-04',
      minutes: 1440,
      billable: false,
    });
    expect(plain.statusCode, plain.body).toBe(201);
    expect(json(plain).items[0]).toMatchObject({ minutes: 1440, offeringId: null });
  });
});

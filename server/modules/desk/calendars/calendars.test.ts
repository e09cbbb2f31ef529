import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultWeekly } from '../../../../shared/desk/calendars.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import * as directory from '../../../platform/directory/service.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { calendarForUnit } from './service.ts';

// Business calendars through the real app and database: validation (problem+json naming the
// field, nothing written), versions, the default, units and their inheritance, /due and
// /business-minutes, who may read and write, and that tenant B sees none of tenant A's.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let reader: Session;
let employee: Session;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  await seedPerson(t.db, t.a, 'reader@a.example', ['reader']);
  reader = await signIn(t.app, 'reader@a.example');
  await seedPerson(t.db, t.a, 'employee@a.example', ['employee']);
  employee = await signIn(t.app, 'employee@a.example');
});
afterAll(() => t.close());

function post(session: Session, url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url, headers: session.headers(), payload: payload as object });
}
function patch(session: Session, url: string, payload: unknown) {
  return t.app.inject({ method: 'PATCH', url, headers: session.headers(), payload: payload as object });
}
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });
const paths = (response: { json(): { errors?: { path: string }[] } }) =>
  (response.json().errors ?? []).map((e) => e.path);

async function auditCount() {
  return (
    await t.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, t.a.id), eq(auditEvents.entity, 'calendar')))
  ).length;
}

const issueBody = {
  name: 'Servicedeskens öppettider',
  timeZone: 'Europe/Stockholm',
  weekly: defaultWeekly,
  swedishHolidays: true,
  extraClosedDates: ['2026-12-28'],
  exceptions: [{ date: '2026-12-23', intervals: [['07:00', '12:00']] }],
};

describe('calendars', () => {
  let id: string;

  it('creates a calendar with the body of the issue, and answers /due and /business-minutes', async () => {
    const created = await post(admin, '/api/v1/calendars', { ...issueBody, isDefault: true });
    expect(created.statusCode).toBe(201);
    const body = json(created);
    id = body.id;
    expect(body).toMatchObject({ version: 1, isDefault: true, openHolidays: [], unitIds: [] });
    expect(body.can).toEqual({ update: true, archive: false, restore: false, readHistory: true });

    // Wednesday 23 December 2026 is open 07–12 only; julafton to the weekend closed, and the
    // 28th an extra closed date: 60 minutes from 11:30 end on Tuesday 29th at 07:30.
    const due = await get(admin, `/api/v1/calendars/${id}/due?start=2026-12-23T11:30:00%2B01:00&minutes=60`);
    expect(due.statusCode).toBe(200);
    expect(json(due)).toEqual({ due: '2026-12-29T06:30:00.000Z' });
    const zero = await get(admin, `/api/v1/calendars/${id}/due?start=2026-12-26T11:30:00Z&minutes=0`);
    expect(json(zero)).toEqual({ due: '2026-12-26T11:30:00.000Z' });
    const million = await get(
      admin,
      `/api/v1/calendars/${id}/due?start=2026-01-05T06:00:00Z&minutes=1000000`,
    );
    expect(million.statusCode).toBe(200);
    const minutes = await get(
      admin,
      `/api/v1/calendars/${id}/business-minutes?from=2026-01-05T06:00:00Z&to=${encodeURIComponent(json(million).due)}`,
    );
    expect(json(minutes)).toEqual({ minutes: 1_000_000 });
    // A reader (staff) may ask too.
    const week = await get(
      reader,
      `/api/v1/calendars/${id}/business-minutes?from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z`,
    );
    expect(json(week)).toEqual({ minutes: 2700 });
  });

  it('refuses bad intervals, zones and minutes as 400 problem+json naming the field, writing nothing', async () => {
    const before = await auditCount();
    const cases: [unknown, string[]][] = [
      [{ ...issueBody, weekly: { ...defaultWeekly, mon: [['16:00', '07:00']] } }, ['body.weekly.mon.0.1']],
      [
        {
          ...issueBody,
          weekly: {
            ...defaultWeekly,
            tue: [
              ['07:00', '12:00'],
              ['11:00', '16:00'],
            ],
          },
        },
        ['body.weekly.tue.1'],
      ],
      [{ ...issueBody, timeZone: 'Europe/Atlantis' }, ['body.timeZone']],
      [{ ...issueBody, weekly: { ...defaultWeekly, wed: [['07:00', '24:01']] } }, ['body.weekly.wed.0.1']],
      [{ ...issueBody, exceptions: [{ date: '2026-13-01', intervals: [] }] }, ['body.exceptions.0.date']],
      [{ ...issueBody, openHolidays: ['valborg'] }, ['body.openHolidays.0']],
    ];
    for (const [payload, expected] of cases) {
      const response = await post(admin, '/api/v1/calendars', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(paths(response)).toEqual(expected);
    }
    const tooMany = await get(
      admin,
      `/api/v1/calendars/${id}/due?start=2026-03-02T10:00:00Z&minutes=1000001`,
    );
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.headers['content-type']).toContain('application/problem+json');
    expect(paths(tooMany)).toEqual(['querystring.minutes']);
    const noOffset = await get(admin, `/api/v1/calendars/${id}/due?start=2026-03-02T10:00:00&minutes=5`);
    expect(paths(noOffset)).toEqual(['querystring.start']);
    const backwards = await get(
      admin,
      `/api/v1/calendars/${id}/business-minutes?from=2026-03-03T00:00:00Z&to=2026-03-02T00:00:00Z`,
    );
    expect(paths(backwards)).toEqual(['querystring.to']);
    const tooLong = await get(
      admin,
      `/api/v1/calendars/${id}/business-minutes?from=2026-03-03T00:00:00Z&to=2050-03-02T00:00:00Z`,
    );
    expect(tooLong.statusCode).toBe(400);
    expect(paths(tooLong)).toEqual(['querystring.to']);
    expect(await auditCount()).toBe(before);
  });

  it('changes with the version, 409 on a stale one, and keeps one default', async () => {
    const stale = await patch(admin, `/api/v1/calendars/${id}`, { version: 7, name: 'X' });
    expect(stale.statusCode).toBe(409);
    const changed = await patch(admin, `/api/v1/calendars/${id}`, {
      version: 1,
      weekly: {
        ...defaultWeekly,
        fri: [
          ['13:00', '15:00'],
          ['07:00', '12:00'],
        ],
      },
      openHolidays: ['christmasEve'],
    });
    expect(changed.statusCode).toBe(200);
    // Intervals are stored in time order.
    expect(json(changed)).toMatchObject({
      version: 2,
      weekly: {
        fri: [
          ['07:00', '12:00'],
          ['13:00', '15:00'],
        ],
      },
      openHolidays: ['christmasEve'],
    });
    // The compiled calendar follows the new version: julafton 2026 (Thursday) is open now.
    const due = await get(admin, `/api/v1/calendars/${id}/due?start=2026-12-24T06:00:00Z&minutes=60`);
    expect(json(due)).toEqual({ due: '2026-12-24T07:00:00.000Z' });

    const other = json(
      await post(admin, '/api/v1/calendars', { name: 'Drift dygnet runt', isDefault: true }),
    );
    expect(other.isDefault).toBe(true);
    const first = json(await get(admin, `/api/v1/calendars/${id}`));
    expect(first).toMatchObject({ isDefault: false, version: 3 });
    const unset = await patch(admin, `/api/v1/calendars/${other.id}`, { version: 1, isDefault: false });
    expect(unset.statusCode).toBe(409);
    // The default cannot be archived; another can, and back.
    const archiveDefault = await post(admin, `/api/v1/calendars/${other.id}/archive`, {
      version: 1,
      reason: 'x',
    });
    expect(archiveDefault.statusCode).toBe(409);
    const archived = await post(admin, `/api/v1/calendars/${id}/archive`, { version: 3, reason: 'Ersatt' });
    expect(json(archived)).toMatchObject({ version: 4, archiveReason: 'Ersatt' });
    const list = json(await get(admin, '/api/v1/calendars'));
    expect(list.items.map((c: { id: string }) => c.id)).not.toContain(id);
    const withArchived = json(await get(admin, '/api/v1/calendars?includeArchived=true'));
    expect(withArchived.items.map((c: { id: string }) => c.id)).toContain(id);
    const restored = await post(admin, `/api/v1/calendars/${id}/restore`, { version: 4 });
    expect(json(restored)).toMatchObject({ version: 5, archivedAt: null });
  });

  it("gives each unit its own calendar, else its nearest ancestor's, else the default", async () => {
    const parent = await directory.createUnit(t.db, t.a.actor, {
      name: 'Socialförvaltningen',
      kind: 'department',
    });
    const child = await directory.createUnit(t.db, t.a.actor, {
      name: 'Hemtjänsten',
      kind: 'office',
      parentId: parent.id,
    });
    const partner = await directory.createUnit(t.db, t.a.actor, {
      name: 'Driftpartnern',
      kind: 'department',
    });
    const fallback = await calendarForUnit(t.db, t.a.id, child.id);
    expect(fallback?.name).toBe('Drift dygnet runt');

    const social = json(
      await post(admin, '/api/v1/calendars', {
        name: 'Socialtjänstens öppettider',
        unitIds: [parent.id, partner.id],
      }),
    );
    expect(social.unitIds).toEqual([parent.id, partner.id].sort());
    expect((await calendarForUnit(t.db, t.a.id, child.id))?.id).toBe(social.id);
    expect((await calendarForUnit(t.db, t.a.id, partner.id))?.id).toBe(social.id);

    const own = json(await post(admin, '/api/v1/calendars', { name: 'Hemtjänstens', unitIds: [child.id] }));
    expect((await calendarForUnit(t.db, t.a.id, child.id))?.id).toBe(own.id);
    const filtered = json(await get(admin, `/api/v1/calendars?unitId=${child.id}`));
    expect(filtered.items.map((c: { id: string }) => c.id)).toEqual([own.id]);

    // A unit has one calendar: another active one cannot take it (409 naming it).
    const taken = await post(admin, '/api/v1/calendars', { name: 'Krock', unitIds: [partner.id] });
    expect(taken.statusCode).toBe(409);
    expect(paths(taken)).toEqual(['body.unitIds.0']);
    // Archived, a calendar no longer counts: the unit falls back to its ancestor's.
    await post(admin, `/api/v1/calendars/${own.id}/archive`, { version: 1, reason: 'Slås ihop' });
    expect((await calendarForUnit(t.db, t.a.id, child.id))?.id).toBe(social.id);
    // Removing the units: back to the default.
    await patch(admin, `/api/v1/calendars/${social.id}`, { version: 1, unitIds: [] });
    expect((await calendarForUnit(t.db, t.a.id, partner.id))?.name).toBe('Drift dygnet runt');
    // A unit of another tenant is no unit here.
    const bUnit = t.b.unitId;
    const foreign = await post(admin, '/api/v1/calendars', { name: 'Fel', unitIds: [bUnit] });
    expect(foreign.statusCode).toBe(400);
    expect(paths(foreign)).toEqual(['body.unitIds.0']);
  });

  it('lists by name or last change, paging without repeats', async () => {
    const names = (r: { items: { name: string }[] }) => r.items.map((c) => c.name);
    const byName = json(await get(admin, '/api/v1/calendars?sort=name&limit=2'));
    expect(byName.items).toHaveLength(2);
    const next = json(await get(admin, `/api/v1/calendars?sort=name&limit=50&cursor=${byName.nextCursor}`));
    const all = json(await get(admin, '/api/v1/calendars?sort=name&limit=50'));
    expect([...names(byName), ...names(next)]).toEqual(names(all));
    const recent = json(await get(admin, '/api/v1/calendars?sort=updatedAt&order=desc&limit=1'));
    expect(recent.items[0].name).toBe('Socialtjänstens öppettider');
    const searched = json(await get(admin, '/api/v1/calendars?search=dygnet'));
    expect(names(searched)).toEqual(['Drift dygnet runt']);
  });

  it('lets no one but admins write, staff read, and shows tenant B nothing of tenant A', async () => {
    expect((await post(reader, '/api/v1/calendars', { name: 'Nej' })).statusCode).toBe(403);
    expect((await get(reader, `/api/v1/calendars/${id}`)).statusCode).toBe(200);
    expect((await get(employee, `/api/v1/calendars/${id}`)).statusCode).toBe(403);
    expect((await get(bAdmin, `/api/v1/calendars/${id}`)).statusCode).toBe(404);
    const due = await get(bAdmin, `/api/v1/calendars/${id}/due?start=2026-03-02T10:00:00Z&minutes=5`);
    expect(due.statusCode).toBe(404);
    expect(due.headers['content-type']).toContain('application/problem+json');
    const minutes = await get(
      bAdmin,
      `/api/v1/calendars/${id}/business-minutes?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z`,
    );
    expect(minutes.statusCode).toBe(404);
    expect((await patch(bAdmin, `/api/v1/calendars/${id}`, { version: 5, name: 'B' })).statusCode).toBe(404);
    const bList = json(await get(bAdmin, '/api/v1/calendars?includeArchived=true'));
    expect(bList.items).toEqual([]);
    // Tenant B has no default: its units count on the built-in hours.
    expect(await calendarForUnit(t.db, t.b.id, t.b.unitId)).toBeUndefined();
  });

  it('audits every change with before and after', async () => {
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, t.a.id), eq(auditEvents.entityId, id)))
      .orderBy(auditEvents.occurredAt);
    expect(events.map((e) => e.action)).toEqual(['create', 'update', 'update', 'archive', 'restore']);
  });
});

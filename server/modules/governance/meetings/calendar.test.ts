import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';

// The calendar feeds through the real app and database, read by a real iCalendar parser (ical.js):
// a forum's feed and a member's personal feed hold the meeting at its Stockholm time with the
// VTIMEZONE, no session needed; the token is stored hashed only; a new feed revokes the old one,
// and a revoked one answers 404.

let t: TestContext;
let admin: Session;
let member: Session;
let forumId: string;
let meetingId: string;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  const memberId = (await seedPerson(t.db, t.a, 'ledamot@a.example', ['reader'])).id;
  member = await signIn(t.app, 'ledamot@a.example');
  forumId = json(
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/forums',
      headers: admin.headers(),
      payload: {
        name: 'IT-styrgrupp',
        kind: 'steeringGroup',
        meetingsPerYear: 10,
        members: [{ personId: memberId }],
      },
    }),
  ).id;
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  startsAt.setUTCHours(12, 0, 0, 0);
  meetingId = json(
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/meetings',
      headers: admin.headers(),
      payload: {
        forumId,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
        place: 'Kommunhuset, rum Åsen',
      },
    }),
  ).id;
});
afterAll(() => t.close());

const feed = (session: Session, forum: string | null) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/calendar-feeds',
    headers: session.headers(),
    payload: { forumId: forum },
  });

async function events(url: string) {
  const response = await t.app.inject({ method: 'GET', url: new URL(url).pathname });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('text/calendar');
  const component = new ICAL.Component(ICAL.parse(response.body));
  // As a calendar client does: the feed's own VTIMEZONE resolves its TZIDs.
  const zone = component.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(zone);
  return { component, events: component.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e)) };
}

describe('calendar feeds', () => {
  it("serves a forum's meetings as iCalendar at Stockholm time, without a session", async () => {
    const made = await feed(admin, forumId);
    expect(made.statusCode).toBe(201);
    const { url, id } = json(made);
    expect(url).toMatch(/\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const { component, events: found } = await events(url);
    expect(component.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(
      'Europe/Stockholm',
    );
    const event = found.find((e) => e.uid === `${meetingId}@styrbord`)!;
    expect(event).toBeDefined();
    expect(event.location).toBe('Kommunhuset, rum Åsen');
    expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Stockholm');
    expect(event.startDate.zone?.tzid).toBe('Europe/Stockholm');
    const meeting = json(
      await t.app.inject({ method: 'GET', url: `/api/v1/meetings/${meetingId}`, headers: admin.headers() }),
    );
    expect(event.startDate.toJSDate().toISOString()).toBe(meeting.startsAt);
    expect(event.endDate.toJSDate().toISOString()).toBe(meeting.endsAt);

    // Only the hash is kept; the list does not show the URL again.
    const { calendarFeeds } = await import('./schema.ts');
    const rows = await t.db.select().from(calendarFeeds);
    const token = url.split('/').pop()!.replace('.ics', '');
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
    const list = json(
      await t.app.inject({ method: 'GET', url: '/api/v1/calendar-feeds', headers: admin.headers() }),
    );
    expect(list.items.find((f: { id: string }) => f.id === id).url).toBeNull();

    // A new feed of the same forum revokes the old URL.
    const renewed = json(await feed(admin, forumId));
    expect((await t.app.inject({ method: 'GET', url: new URL(url).pathname })).statusCode).toBe(404);
    expect((await events(renewed.url)).events).toHaveLength(1);
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/calendar-feeds/${renewed.id}/revoke`,
      headers: admin.headers(),
      payload: {},
    });
    expect(revoked.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: new URL(renewed.url).pathname })).statusCode).toBe(404);
    // Another person's feed is not theirs to revoke.
    const mine = json(await feed(member, forumId));
    const theirs = await t.app.inject({
      method: 'POST',
      url: `/api/v1/calendar-feeds/${mine.id}/revoke`,
      headers: admin.headers(),
      payload: {},
    });
    expect(theirs.statusCode).toBe(404);
  });

  it("serves a member's own forums' meetings in the personal feed", async () => {
    const { url } = json(await feed(member, null));
    const found = (await events(url)).events;
    expect(found.map((e) => e.uid)).toEqual([`${meetingId}@styrbord`]);
    expect(found[0]!.summary).toMatch(/^IT-styrgrupp \d{4}-\d\d-\d\d$/);
    const { url: adminUrl } = json(await feed(admin, null));
    expect((await events(adminUrl)).events).toEqual([]);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/calendar/${'x'.repeat(43)}.ics` })).statusCode,
    ).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../testing.ts';
import { todayInStockholm } from '../registry/contracts/reminders.ts';

// Governance on the start page (GET /api/v1/start) through the real app and database: minutes
// waiting for the chair's and the justerare's signature, the next two weeks' meetings of the
// forums a person sits in, decisions whose follow-up is due for their responsible person, and
// this year's self-assessment rounds in draft for the forum's members. Each for the right person
// only, never across tenants, and gone once signed, completed or submitted.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let chair: Session;
let adjuster: Session;
let member: Session;
let deputy: Session;
let outsider: Session;
let chairId: string;
let adjusterId: string;
let memberId: string;
let forumId: string;

const DAY = 86_400_000;
/** The day `days` from today in Stockholm (what a meeting's day and a follow-up date are). */
const dayFrom = (days: number) =>
  new Date(Date.parse(`${todayInStockholm()}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);
/** A time on that day: noon UTC is early afternoon in Stockholm, the same day whatever the season. */
const at = (days: number, hour = 12) => new Date(`${dayFrom(days)}T${hour}:00:00Z`).toISOString();

function send(session: Session, method: 'POST' | 'PATCH' | 'GET', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: session.headers(),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}
async function created(session: Session, url: string, payload: unknown) {
  const response = await send(session, 'POST', url, payload);
  expect(response.statusCode, response.body).toBe(201);
  return json(response);
}

interface Item {
  section: string;
  id: string;
  title: string;
  detail: string | null;
  href: string;
  due: string | null;
}
async function start(session: Session, section: string): Promise<Item[]> {
  const response = await send(session, 'GET', '/api/v1/start');
  expect(response.statusCode).toBe(200);
  return (json(response).items as Item[]).filter((i) => i.section === section);
}
const ids = async (session: Session, section: string) => (await start(session, section)).map((i) => i.id);

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  chairId = (await seedPerson(t.db, t.a, 'ordf@a.example', ['reader'])).id;
  adjusterId = (await seedPerson(t.db, t.a, 'justerare@a.example', ['reader'])).id;
  memberId = (await seedPerson(t.db, t.a, 'ledamot@a.example', ['reader'])).id;
  const deputyId = (await seedPerson(t.db, t.a, 'ersattare@a.example', ['reader'])).id;
  await seedPerson(t.db, t.a, 'utanfor@a.example', ['reader']);
  chair = await signIn(t.app, 'ordf@a.example');
  adjuster = await signIn(t.app, 'justerare@a.example');
  member = await signIn(t.app, 'ledamot@a.example');
  deputy = await signIn(t.app, 'ersattare@a.example');
  outsider = await signIn(t.app, 'utanfor@a.example');
  forumId = (
    await created(admin, '/api/v1/forums', {
      name: 'IT-styrgrupp',
      kind: 'steeringGroup',
      meetingsPerYear: 10,
      chairId,
      members: [{ personId: adjusterId }, { personId: memberId, deputyId }],
    })
  ).id;
});
afterAll(() => t.close());

describe('governance on the start page', () => {
  it('asks the chair and the justerare to justera until each has signed', async () => {
    const held = await created(admin, '/api/v1/meetings', {
      forumId,
      startsAt: at(-2),
      endsAt: at(-2, 15),
      place: 'Kommunhuset',
      adjusterId,
    });
    // One not begun yet, one without a justerare: neither can be signed.
    const ahead = await created(admin, '/api/v1/meetings', {
      forumId,
      startsAt: at(3),
      endsAt: at(3, 15),
      adjusterId,
    });
    const unnamed = await created(admin, '/api/v1/meetings', {
      forumId,
      startsAt: at(-5),
      endsAt: at(-5, 15),
    });
    const [forChair] = await start(chair, 'meetingsToAdjust');
    expect(forChair).toMatchObject({
      id: held.id,
      title: expect.stringMatching(/^IT-styrgrupp \d{4}-\d{2}-\d{2}$/),
      detail: 'Kommunhuset',
      href: `/governance/meetings/${held.id}`,
      due: dayFrom(-2),
    });
    expect(await ids(chair, 'meetingsToAdjust')).toEqual([held.id]);
    expect(await ids(adjuster, 'meetingsToAdjust')).toEqual([held.id]);
    for (const other of [member, deputy, outsider, admin])
      expect(await ids(other, 'meetingsToAdjust')).toEqual([]);
    expect(await ids(chair, 'meetingsToAdjust')).not.toContain(ahead.id);
    expect(await ids(chair, 'meetingsToAdjust')).not.toContain(unnamed.id);

    const signed = await send(chair, 'POST', `/api/v1/meetings/${held.id}/adjust`, { version: held.version });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(await ids(chair, 'meetingsToAdjust')).toEqual([]);
    expect(await ids(adjuster, 'meetingsToAdjust')).toEqual([held.id]);
    const locked = await send(adjuster, 'POST', `/api/v1/meetings/${held.id}/adjust`, {
      version: json(signed).version,
    });
    expect(json(locked).lockedAt).toBeTruthy();
    expect(await ids(adjuster, 'meetingsToAdjust')).toEqual([]);
  });

  it("lists the next two weeks' meetings of the forums a person sits in", async () => {
    const soon = await created(admin, '/api/v1/meetings', { forumId, startsAt: at(6), endsAt: at(6, 15) });
    await created(admin, '/api/v1/meetings', { forumId, startsAt: at(20), endsAt: at(20, 15) });
    const upcoming = (await start(member, 'upcomingMeetings')).map((i) => i.id);
    // The meeting of the first test (in three days) and this one, soonest first; not the one in 20 days.
    expect(upcoming).toHaveLength(2);
    expect(upcoming[1]).toBe(soon.id);
    for (const seated of [chair, adjuster, deputy])
      expect(await ids(seated, 'upcomingMeetings')).toEqual(upcoming);
    const [first] = await start(member, 'upcomingMeetings');
    expect(first!.due).toBe(at(3));
    expect(await ids(outsider, 'upcomingMeetings')).toEqual([]);
    // Tenant B's forum and meeting reach no one in tenant A, and A's none in B.
    const bForum = await created(bAdmin, '/api/v1/forums', {
      name: 'Styrgrupp B',
      kind: 'steeringGroup',
      meetingsPerYear: 4,
      chairId: t.b.adminId,
    });
    const bMeeting = await created(bAdmin, '/api/v1/meetings', {
      forumId: bForum.id,
      startsAt: at(2),
      endsAt: at(2, 15),
    });
    expect(await ids(bAdmin, 'upcomingMeetings')).toEqual([bMeeting.id]);
    expect(await ids(chair, 'upcomingMeetings')).not.toContain(bMeeting.id);
    // Archived, a meeting no longer waits.
    const archived = await send(admin, 'POST', `/api/v1/meetings/${soon.id}/archive`, {
      version: soon.version,
      reason: 'Inställt',
    });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(await ids(member, 'upcomingMeetings')).toEqual([upcoming[0]]);
  });

  it('shows the responsible person the decisions whose follow-up is due, until completed', async () => {
    const decision = (
      paragraph: number,
      followUpOn: string,
      responsibleId = memberId,
      status = 'inProgress',
    ) =>
      created(admin, '/api/v1/decisions', {
        body: 'Kommunstyrelsen',
        decidedOn: '2026-02-10',
        paragraph,
        title: `Ärende ${paragraph}`,
        text: 'Kommunstyrelsen beslutar.',
        status,
        responsibleId,
        followUpOn,
      });
    const overdue = await decision(1, dayFrom(-10));
    const soon = await decision(2, dayFrom(10));
    await decision(3, dayFrom(30));
    await decision(4, dayFrom(-1), memberId, 'completed');
    await decision(5, dayFrom(-1), memberId, 'revoked');
    const theirs = await decision(6, dayFrom(1), chairId);
    const items = await start(member, 'decisionFollowUps');
    expect(items).toEqual([
      {
        section: 'decisionFollowUps',
        id: overdue.id,
        title: 'Kommunstyrelsen 2026-02-10 § 1',
        detail: 'Ärende 1',
        href: `/governance/decisions/${overdue.id}`,
        due: dayFrom(-10),
      },
      expect.objectContaining({ id: soon.id, due: dayFrom(10) }),
    ]);
    expect(await ids(chair, 'decisionFollowUps')).toEqual([theirs.id]);
    expect(await ids(outsider, 'decisionFollowUps')).toEqual([]);
    expect(await ids(bAdmin, 'decisionFollowUps')).toEqual([]);
    const done = await send(admin, 'PATCH', `/api/v1/decisions/${overdue.id}`, {
      version: overdue.version,
      status: 'completed',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(await ids(member, 'decisionFollowUps')).toEqual([soon.id]);
  });

  it("asks a forum's members and chair for this year's self-assessment until it is submitted", async () => {
    const template = await created(admin, '/api/v1/surveys', {
      title: 'Självskattning IT-styrning',
      sections: [{ title: 'Styrning', questions: [{ text: 'Följs planen upp?', kind: 'yesNo' }] }],
    });
    const year = Number(todayInStockholm().slice(0, 4));
    const round = await created(admin, '/api/v1/surveys/rounds', { templateId: template.id, forumId, year });
    // Last year's round and another forum's round wait for no one here.
    await created(admin, '/api/v1/surveys/rounds', { templateId: template.id, forumId, year: year - 1 });
    const otherForum = await created(admin, '/api/v1/forums', {
      name: 'Beredningsgrupp',
      kind: 'preparationGroup',
      meetingsPerYear: 4,
    });
    await created(admin, '/api/v1/surveys/rounds', { templateId: template.id, forumId: otherForum.id, year });
    expect(await start(member, 'surveyRounds')).toEqual([
      {
        section: 'surveyRounds',
        id: round.id,
        title: `Självskattning IT-styrning ${year}`,
        detail: 'IT-styrgrupp',
        href: `/governance/surveys/rounds/${round.id}`,
        due: null,
      },
    ]);
    expect(await ids(chair, 'surveyRounds')).toEqual([round.id]);
    expect(await ids(adjuster, 'surveyRounds')).toEqual([round.id]);
    for (const other of [deputy, outsider, admin, bAdmin])
      expect(await ids(other, 'surveyRounds')).toEqual([]);
    const submitted = await send(member, 'POST', `/api/v1/surveys/rounds/${round.id}/submit`, {
      version: round.version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    for (const seated of [member, chair, adjuster]) expect(await ids(seated, 'surveyRounds')).toEqual([]);
  });
});

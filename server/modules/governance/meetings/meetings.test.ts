import { and, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
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

// Meetings through the real app and database: the forum's chair and members, the agenda (free items
// and records waiting for the forum through the agenda sources, in an order), attendance, minutes,
// decisions under an item through the decisions' rules (§ unique per forum and year), justering by
// the chair and the justerare that locks the minutes (409 with a reason for every change after),
// corrections linked to their item, versions, and that tenant B sees none of tenant A's.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let employee: Session;
let chair: Session;
let adjuster: Session;
let chairId: string;
let adjusterId: string;
let forumId: string;
let otherForumId: string;
let meetingId: string;
let documentId: string;

function send(session: Session, method: 'POST' | 'PATCH' | 'PUT' | 'GET', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: session.headers(),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}
const post = (s: Session, url: string, payload: unknown) => send(s, 'POST', url, payload);
const get = (s: Session, url: string) => send(s, 'GET', url);

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  await seedPerson(t.db, t.a, 'employee@a.example', ['employee']);
  employee = await signIn(t.app, 'employee@a.example');
  chairId = (await seedPerson(t.db, t.a, 'ordf@a.example', ['reader'])).id;
  adjusterId = (await seedPerson(t.db, t.a, 'justerare@a.example', ['reader'])).id;
  chair = await signIn(t.app, 'ordf@a.example');
  adjuster = await signIn(t.app, 'justerare@a.example');
  forumId = json(
    await post(admin, '/api/v1/forums', {
      name: 'IT-styrgrupp',
      kind: 'steeringGroup',
      meetingsPerYear: 10,
      chairId,
      members: [{ personId: chairId }, { personId: adjusterId }],
    }),
  ).id;
  otherForumId = json(
    await post(admin, '/api/v1/forums', {
      name: 'Beredningsgrupp',
      kind: 'preparationGroup',
      meetingsPerYear: 4,
    }),
  ).id;
  // A policy the forum adopted, due for review in a month: it waits for the forum.
  const adopted = json(
    await post(admin, '/api/v1/decisions', {
      forumId,
      decidedOn: '2024-05-15',
      paragraph: 3,
      text: 'IT-styrgruppen antar informationssäkerhetspolicyn.',
    }),
  ).id;
  const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  documentId = json(
    await post(admin, '/api/v1/documents', {
      kind: 'policy',
      title: 'Informationssäkerhetspolicy',
      adoptedById: adopted,
      status: 'inForce',
      nextReviewOn: soon,
    }),
  ).id;
  // One not yet due, one of another forum: neither waits.
  await post(admin, '/api/v1/documents', {
    kind: 'riktlinje',
    title: 'Riktlinje för lösenord',
    adoptedById: adopted,
    status: 'inForce',
    nextReviewOn: '2099-01-01',
  });
});
afterAll(() => t.close());

const meetingOf = async (id = meetingId) => json(await get(admin, `/api/v1/meetings/${id}`));

describe('meetings', () => {
  it('creates a meeting with the forum’s chair and lists its members for attendance', async () => {
    const bad = await post(admin, '/api/v1/meetings', {
      forumId,
      startsAt: '2026-03-12T15:00:00+01:00',
      endsAt: '2026-03-12T13:00:00+01:00',
    });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).errors[0].path).toBe('body.endsAt');
    const chairAsAdjuster = await post(admin, '/api/v1/meetings', {
      forumId,
      startsAt: '2026-03-12T13:00:00+01:00',
      endsAt: '2026-03-12T15:00:00+01:00',
      adjusterId: chairId,
    });
    expect(json(chairAsAdjuster).errors[0].path).toBe('body.adjusterId');
    const response = await post(admin, '/api/v1/meetings', {
      forumId,
      startsAt: '2026-03-12T23:30:00+01:00',
      endsAt: '2026-03-13T01:00:00+01:00',
      place: 'Kommunhuset',
      adjusterId,
    });
    expect(response.statusCode).toBe(201);
    const m = json(response);
    meetingId = m.id;
    expect(m.forumName).toBe('IT-styrgrupp');
    expect(m.chair.id).toBe(chairId);
    expect(m.adjuster.id).toBe(adjusterId);
    expect(m.attendance.map((a: { personId: string }) => a.personId)).toEqual([chairId, adjusterId]);
    expect(m.attendance[0].status).toBeNull();
    expect(m.can).toMatchObject({ update: true, adjust: false, correct: false });
    const list = json(await get(admin, `/api/v1/meetings?forumId=${forumId}`));
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([meetingId]);
    expect(json(await get(employee, `/api/v1/meetings/${meetingId}`)).code).toBe('forbidden');
  });

  it('lists the records waiting for the forum and links an item to one', async () => {
    const sources = json(await get(admin, `/api/v1/meetings/${meetingId}/agenda-sources`));
    const docs = sources.items.find((s: { kind: string }) => s.kind === 'governingDocument');
    expect(docs.records.map((r: { name: string }) => r.name)).toEqual(['Informationssäkerhetspolicy']);
    const other = json(
      await post(admin, '/api/v1/meetings', {
        forumId: otherForumId,
        startsAt: '2026-03-13T13:00:00+01:00',
        endsAt: '2026-03-13T15:00:00+01:00',
      }),
    );
    const none = json(await get(admin, `/api/v1/meetings/${other.id}/agenda-sources`));
    expect(none.items.find((s: { kind: string }) => s.kind === 'governingDocument').records).toEqual([]);

    const unknown = await post(admin, `/api/v1/meetings/${meetingId}/items`, {
      version: 1,
      title: 'X',
      sourceKind: 'nothing',
      sourceId: documentId,
    });
    expect(json(unknown).errors[0].path).toBe('body.sourceKind');
    const missing = await post(admin, `/api/v1/meetings/${meetingId}/items`, {
      version: 1,
      title: 'X',
      sourceKind: 'governingDocument',
      sourceId: otherForumId,
    });
    expect(json(missing).errors[0].path).toBe('body.sourceId');

    const free = await post(admin, `/api/v1/meetings/${meetingId}/items`, {
      version: 1,
      title: 'Mötets öppnande',
    });
    expect(free.statusCode).toBe(201);
    const linked = json(
      await post(admin, `/api/v1/meetings/${meetingId}/items`, {
        version: 2,
        title: 'Revision av informationssäkerhetspolicyn',
        sourceKind: 'governingDocument',
        sourceId: documentId,
      }),
    );
    expect(linked.version).toBe(3);
    expect(linked.items.map((i: { position: number; title: string }) => [i.position, i.title])).toEqual([
      [1, 'Mötets öppnande'],
      [2, 'Revision av informationssäkerhetspolicyn'],
    ]);
    expect(linked.items[1].source).toMatchObject({
      kind: 'governingDocument',
      id: documentId,
      name: 'Informationssäkerhetspolicy',
      href: `/governance/documents/${documentId}`,
    });
    const stale = await post(admin, `/api/v1/meetings/${meetingId}/items`, { version: 2, title: 'Sent' });
    expect(stale.statusCode).toBe(409);
  });

  it('reorders the agenda, records attendance and minutes', async () => {
    const m = await meetingOf();
    const [first, second] = m.items.map((i: { id: string }) => i.id);
    const partial = await post(admin, `/api/v1/meetings/${meetingId}/items/order`, {
      version: m.version,
      itemIds: [first],
    });
    expect(json(partial).errors[0].path).toBe('body.itemIds');
    const ordered = json(
      await post(admin, `/api/v1/meetings/${meetingId}/items/order`, {
        version: m.version,
        itemIds: [second, first],
      }),
    );
    expect(ordered.items.map((i: { id: string }) => i.id)).toEqual([second, first]);
    const noDeputy = await send(admin, 'PUT', `/api/v1/meetings/${meetingId}/attendance`, {
      version: ordered.version,
      attendance: [{ personId: chairId, status: 'deputyAttending' }],
    });
    expect(json(noDeputy).errors[0].path).toBe('body.attendance.0.deputyId');
    const attended = json(
      await send(admin, 'PUT', `/api/v1/meetings/${meetingId}/attendance`, {
        version: ordered.version,
        attendance: [
          { personId: chairId, status: 'present' },
          { personId: adjusterId, status: 'present' },
        ],
      }),
    );
    expect(attended.attendance.map((a: { status: string }) => a.status)).toEqual(['present', 'present']);
    const minuted = json(
      await send(admin, 'PATCH', `/api/v1/meetings/${meetingId}/items/${second}`, {
        version: attended.version,
        minutes: 'Policyn gicks igenom; inga ändringar föreslogs.',
      }),
    );
    expect(minuted.items[0].minutes).toBe('Policyn gicks igenom; inga ändringar föreslogs.');
  });

  it('records a decision under an item with the forum, the meeting’s date in Stockholm and a unique §', async () => {
    const m = await meetingOf();
    const item = m.items[0];
    const response = await post(admin, `/api/v1/meetings/${meetingId}/items/${item.id}/decisions`, {
      version: m.version,
      paragraph: 14,
      title: 'Revision av informationssäkerhetspolicyn',
      text: 'IT-styrgruppen beslutar att policyn gäller oförändrad i två år.',
    });
    expect(response.statusCode).toBe(201);
    const after = json(response);
    expect(after.items[0].decisions.map((d: { paragraph: number }) => d.paragraph)).toEqual([14]);
    const decision = json(await get(admin, `/api/v1/decisions/${after.items[0].decisions[0].id}`));
    // 23:30 in Stockholm on 12 March: the decision's date is the 12th, not UTC's.
    expect(decision).toMatchObject({ forumId, meetingId, agendaItemId: item.id, decidedOn: '2026-03-12' });
    const twice = await post(admin, `/api/v1/meetings/${meetingId}/items/${item.id}/decisions`, {
      version: after.version,
      paragraph: 14,
      text: 'Samma §',
    });
    expect(twice.statusCode).toBe(409);
    expect(json(twice).errors[0].path).toBe('body.paragraph');
    const otherForum = await post(admin, '/api/v1/decisions', {
      forumId: otherForumId,
      meetingId,
      decidedOn: '2026-03-12',
      paragraph: 1,
      text: 'Fel forum',
    });
    expect(json(otherForum).errors[0].path).toBe('body.meetingId');
    expect((await meetingOf()).version).toBe(after.version);
  });

  it('removes an agenda item, the items after it closing up, but not one with a decision under it', async () => {
    let m = await meetingOf();
    const count = m.items.length;
    m = json(
      await post(admin, `/api/v1/meetings/${meetingId}/items`, {
        version: m.version,
        title: 'Felaktig punkt',
      }),
    );
    m = json(
      await post(admin, `/api/v1/meetings/${meetingId}/items`, { version: m.version, title: 'Övrigt' }),
    );
    const wrong = m.items[count];
    const remove = (s: Session, itemId: string, version: number) =>
      post(s, `/api/v1/meetings/${meetingId}/items/${itemId}/remove`, { version });
    const stale = await remove(admin, wrong.id, m.version - 1);
    expect(stale.statusCode).toBe(409);
    expect((await remove(bAdmin, wrong.id, m.version)).statusCode).toBe(404);
    expect((await remove(employee, wrong.id, m.version)).statusCode).toBe(403);
    const decided = await remove(admin, m.items[0].id, m.version);
    expect(decided.statusCode).toBe(409);
    expect(decided.headers['content-type']).toContain('application/problem+json');
    expect(json(decided).detail).toContain('decision');
    expect((await meetingOf()).version).toBe(m.version);
    const response = await remove(admin, wrong.id, m.version);
    expect(response.statusCode).toBe(200);
    const after = json(response);
    expect(after.version).toBe(m.version + 1);
    expect(after.items.map((i: { title: string }) => i.title)).not.toContain('Felaktig punkt');
    expect(after.items.map((i: { position: number }) => i.position)).toEqual(
      Array.from({ length: count + 1 }, (_, i) => i + 1),
    );
    expect(after.items.at(-1).title).toBe('Övrigt');
    expect((await remove(admin, wrong.id, after.version)).statusCode).toBe(404);
    // The last item too, leaving the agenda as the tests after this one know it.
    const last = json(await remove(admin, after.items.at(-1).id, after.version));
    expect(last.items).toHaveLength(count);
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, meetingId), eq(auditEvents.action, 'removeItem')));
    expect(events).toHaveLength(2);
  });

  it('is justerat by the chair and the justerare, a change in between clearing the signature', async () => {
    let m = await meetingOf();
    const notMine = await post(admin, `/api/v1/meetings/${meetingId}/adjust`, { version: m.version });
    expect(notMine.statusCode).toBe(403);
    expect(json(await get(chair, `/api/v1/meetings/${meetingId}`)).can.adjust).toBe(true);
    m = json(await post(chair, `/api/v1/meetings/${meetingId}/adjust`, { version: m.version }));
    expect(m.chairAdjustedAt).not.toBeNull();
    expect(m.lockedAt).toBeNull();
    expect(json(await post(chair, `/api/v1/meetings/${meetingId}/adjust`, { version: m.version })).code).toBe(
      'conflict',
    );
    m = json(
      await send(admin, 'PATCH', `/api/v1/meetings/${meetingId}/items/${m.items[1].id}`, {
        version: m.version,
        minutes: 'Ordföranden öppnade mötet.',
      }),
    );
    expect(m.chairAdjustedAt).toBeNull();
    m = json(await post(chair, `/api/v1/meetings/${meetingId}/adjust`, { version: m.version }));
    m = json(await post(adjuster, `/api/v1/meetings/${meetingId}/adjust`, { version: m.version }));
    expect(m.lockedAt).not.toBeNull();
    expect(m.can).toMatchObject({ update: false, archive: false, correct: true });
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, meetingId), eq(auditEvents.action, 'adjust')));
    expect(events).toHaveLength(3);
  });

  it('refuses every change to locked minutes with 409 and a reason, and takes corrections', async () => {
    const m = await meetingOf();
    const item = m.items[0];
    const refusals = [
      await send(admin, 'PATCH', `/api/v1/meetings/${meetingId}`, { version: m.version, place: 'Annat' }),
      await send(admin, 'PATCH', `/api/v1/meetings/${meetingId}/items/${item.id}`, {
        version: m.version,
        minutes: 'Ny',
      }),
      await post(admin, `/api/v1/meetings/${meetingId}/items`, { version: m.version, title: 'Ny' }),
      await send(admin, 'PUT', `/api/v1/meetings/${meetingId}/attendance`, {
        version: m.version,
        attendance: [],
      }),
      await post(admin, `/api/v1/meetings/${meetingId}/items/${item.id}/decisions`, {
        version: m.version,
        paragraph: 15,
        text: 'Sent beslut',
      }),
      await post(admin, `/api/v1/meetings/${meetingId}/archive`, { version: m.version, reason: 'Fel' }),
      await post(admin, `/api/v1/meetings/${meetingId}/items/${m.items[1].id}/remove`, {
        version: m.version,
      }),
    ];
    for (const r of refusals) {
      expect(r.statusCode).toBe(409);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(json(r).detail).toContain('locked');
    }
    const decisionId = item.decisions[0].id;
    const decision = json(await get(admin, `/api/v1/decisions/${decisionId}`));
    const reworded = await send(admin, 'PATCH', `/api/v1/decisions/${decisionId}`, {
      version: decision.version,
      text: 'Annan lydelse',
    });
    expect(reworded.statusCode).toBe(409);
    const unlinked = await send(admin, 'PATCH', `/api/v1/decisions/${decisionId}`, {
      version: decision.version,
      meetingId: null,
    });
    expect(unlinked.statusCode).toBe(409);
    const executed = await send(admin, 'PATCH', `/api/v1/decisions/${decisionId}`, {
      version: decision.version,
      status: 'completed',
    });
    expect(executed.statusCode).toBe(200);
    const linkNew = await post(admin, '/api/v1/decisions', {
      forumId,
      meetingId,
      decidedOn: '2026-03-12',
      paragraph: 16,
      text: 'I efterhand',
    });
    expect(linkNew.statusCode).toBe(409);

    const notLocked = json(
      await post(admin, '/api/v1/meetings', {
        forumId,
        startsAt: '2026-04-12T13:00:00+02:00',
        endsAt: '2026-04-12T15:00:00+02:00',
      }),
    );
    expect(notLocked.can.correct).toBe(false);
    const corrected = await post(admin, `/api/v1/meetings/${meetingId}/items/${item.id}/corrections`, {
      version: m.version,
      text: 'Rättelse: policyn gäller i tre år.',
    });
    expect(corrected.statusCode).toBe(201);
    const after = json(corrected);
    expect(after.items).toHaveLength(2);
    expect(after.items[0].minutes).toBe('Policyn gicks igenom; inga ändringar föreslogs.');
    expect(after.items[0].corrections.map((c: { text: string }) => c.text)).toEqual([
      'Rättelse: policyn gäller i tre år.',
    ]);
    expect(after.lockedAt).toBe(m.lockedAt);
  });

  it('makes the minutes as a PDF on the server, Swedish characters and all', async () => {
    const response = await get(admin, `/api/v1/meetings/${meetingId}/minutes.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/pdf');
    const pdf = await getDocumentProxy(new Uint8Array(response.rawPayload));
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Protokoll IT-styrgrupp');
    expect(flat).toContain('Punkt 1. Revision av informationssäkerhetspolicyn');
    expect(flat).toContain('Punkt 2. Mötets öppnande');
    expect(flat).toContain('§ 14 Revision av informationssäkerhetspolicyn');
    expect(flat).toContain('IT-styrgruppen beslutar att policyn gäller oförändrad i två år.');
    expect(flat).toContain('Rättelse: policyn gäller i tre år.');
    expect(flat).toContain('och är låst');
    expect((await get(bAdmin, `/api/v1/meetings/${meetingId}/minutes.pdf`)).statusCode).toBe(404);
  });

  it('finds a meeting by an item on its agenda, in its list and in the global search', async () => {
    const list = json(await get(admin, '/api/v1/meetings?search=revision av informations'));
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([meetingId]);
    expect(json(await get(admin, '/api/v1/meetings?search=ingen sådan punkt')).items).toEqual([]);
    const found = json(await get(admin, '/api/v1/search?q=revision av informations'));
    const section = found.sections.find((s: { section: string }) => s.section === 'meetings');
    expect(section.hits).toEqual([
      expect.objectContaining({
        id: meetingId,
        title: 'IT-styrgrupp 2026-03-12',
        href: `/governance/meetings/${meetingId}`,
      }),
    ]);
    const other = json(await get(bAdmin, '/api/v1/search?q=revision av informations'));
    expect(JSON.stringify(other)).not.toContain(meetingId);
  });

  it('shows tenant B none of tenant A’s meetings', async () => {
    expect((await get(bAdmin, `/api/v1/meetings/${meetingId}`)).statusCode).toBe(404);
    expect(json(await get(bAdmin, '/api/v1/meetings')).items).toEqual([]);
    const m = await meetingOf();
    const b = await post(bAdmin, `/api/v1/meetings/${meetingId}/items`, { version: m.version, title: 'B' });
    expect(b.statusCode).toBe(404);
    expect(
      (
        await post(bAdmin, '/api/v1/meetings', {
          forumId,
          startsAt: '2026-04-12T13:00:00+02:00',
          endsAt: '2026-04-12T15:00:00+02:00',
        })
      ).statusCode,
    ).toBe(400);
  });
});

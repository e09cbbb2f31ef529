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
import { sendMajorMessage } from './major.ts';

// Working tickets together through the real app and database: links (linked records on both
// tickets, no self-links, duplicates or cycles, only between tickets the agent works), merging a
// duplicate (one transaction, both versions, parallel merges make one result), the major
// incident's message (once per Idempotency-Key, also in parallel) and solution, bulk changes
// with a result per ticket, and attachments with internal ones kept from the requester.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let anna: Session;
let bo: Session;
let agent: Session;
let outsider: Session;
let annaId: string;
let boId: string;
let agentId: string;
let outsiderId: string;
let groupId: string;
let otherGroupId: string;

type Json = Record<string, any>;

const post = (s: Session, url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers: s.headers(headers), payload: payload as object });
const patch = (s: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'PATCH', url, headers: s.headers(), payload: payload as object });
const get = (s: Session, url: string) => t.app.inject({ url, headers: s.headers() });
const del = (s: Session, url: string) => t.app.inject({ method: 'DELETE', url, headers: s.headers() });

/** A ticket made by an agent for a requester, in the first line's group. */
async function ticket(title: string, extra: Json = {}, by: Session = agent): Promise<Json> {
  const made = await post(by, '/api/v1/tickets', { title, requesterId: annaId, groupId, ...extra });
  expect(made.statusCode, made.body).toBe(201);
  return json(made);
}
const read = async (s: Session, id: string): Promise<Json> => json(await get(s, `/api/v1/tickets/${id}`));
const timeline = async (s: Session, id: string): Promise<Json[]> =>
  json(await get(s, `/api/v1/tickets/${id}/timeline`)).items;
const links = async (s: Session, id: string): Promise<Json[]> =>
  json(await get(s, `/api/v1/tickets/${id}/links`)).items;
const link = (s: Session, id: string, relation: string, ticketId: string) =>
  post(s, `/api/v1/tickets/${id}/links`, { relation, ticketId });

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  annaId = (await seedPerson(t.db, t.a, 'anna@a.example', ['employee'])).id;
  boId = (await seedPerson(t.db, t.a, 'bo@a.example', ['employee'])).id;
  agentId = (await seedPerson(t.db, t.a, 'agent@a.example', ['employee'])).id;
  outsiderId = (await seedPerson(t.db, t.a, 'outsider@a.example', ['employee'])).id;
  groupId = json(await post(admin, '/api/v1/groups', { name: 'Servicedesk', kind: 'firstLine' })).id;
  otherGroupId = json(await post(admin, '/api/v1/groups', { name: 'Nätverk', kind: 'secondLine' })).id;
  for (const [group, personId] of [
    [groupId, agentId],
    [otherGroupId, outsiderId],
  ]) {
    const added = await post(admin, `/api/v1/groups/${group}/members`, { personId });
    expect(added.statusCode, added.body).toBe(204);
  }
  anna = await signIn(t.app, 'anna@a.example');
  bo = await signIn(t.app, 'bo@a.example');
  agent = await signIn(t.app, 'agent@a.example');
  outsider = await signIn(t.app, 'outsider@a.example');
});
afterAll(() => t.close());

describe('links', () => {
  it('links incidents to their problem, shown on both tickets with timeline entries for agents', async () => {
    const problem = await ticket('E-posten tappar bilagor', { type: 'problem' });
    const first = await ticket('Bilagan försvann');
    const second = await ticket('Kan inte skicka pdf');
    const made = await link(agent, first.id, 'causedBy', problem.id);
    expect(made.statusCode, made.body).toBe(201);
    expect(json(made)).toMatchObject({
      relation: 'causedBy',
      ticket: { id: problem.id, number: problem.number, type: 'problem', readable: true },
    });
    // From the problem's side.
    expect((await link(agent, problem.id, 'causes', second.id)).statusCode).toBe(201);
    const ofProblem = await links(agent, problem.id);
    expect(ofProblem.map((l) => [l.relation, l.ticket.number]).sort()).toEqual(
      [
        ['causes', first.number],
        ['causes', second.number],
      ].sort(),
    );
    // The problem's analysis, edited on its page, shows on the incidents it causes.
    const analysed = await patch(agent, `/api/v1/tickets/${problem.id}`, {
      version: (await read(agent, problem.id)).version,
      rootCause: 'Ett filter i e-postgatewayen',
      workaround: 'Skicka bilagan som länk',
      knownError: true,
    });
    expect(analysed.statusCode, analysed.body).toBe(200);
    expect(json(analysed)).toMatchObject({ rootCause: 'Ett filter i e-postgatewayen', knownError: true });
    const [cause] = await links(agent, first.id);
    expect(cause).toMatchObject({
      relation: 'causedBy',
      ticket: { knownError: true, workaround: 'Skicka bilagan som länk' },
    });
    // A timeline entry on both tickets, for agents only.
    const entry = (await timeline(agent, first.id)).find((e) => e.kind === 'linked');
    expect(entry).toMatchObject({
      internal: true,
      change: { relation: 'causedBy', ticket: { id: problem.id, number: problem.number } },
    });
    expect((await timeline(agent, problem.id)).filter((e) => e.kind === 'linked')).toHaveLength(2);
    expect((await timeline(anna, first.id)).some((e) => e.kind === 'linked')).toBe(false);
    // Audited on both.
    const audited = await t.db
      .select({ entityId: auditEvents.entityId })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, t.a.id), eq(auditEvents.action, 'link')));
    expect(audited.map((a) => a.entityId)).toEqual(expect.arrayContaining([first.id, problem.id]));
    // The requester does not read links.
    expect((await get(anna, `/api/v1/tickets/${first.id}/links`)).statusCode).toBe(403);
  });

  it('refuses self-links, a second link of a pair, wrong types and cycles', async () => {
    const problem = await ticket('Skrivarkön hänger', { type: 'problem' });
    const a = await ticket('A');
    const b = await ticket('B');
    const c = await ticket('C');
    expect((await link(agent, a.id, 'relatedTo', a.id)).statusCode).toBe(400);
    expect((await link(agent, a.id, 'relatedTo', b.id)).statusCode).toBe(201);
    for (const relation of ['relatedTo', 'parentOf', 'duplicatedBy'])
      expect((await link(agent, b.id, relation, a.id)).statusCode, relation).toBe(409);
    // Only an incident is caused by a problem; a duplicate is of the same type.
    expect((await link(agent, problem.id, 'causedBy', c.id)).statusCode).toBe(400);
    expect((await link(agent, a.id, 'causedBy', c.id)).statusCode).toBe(400);
    expect((await link(agent, c.id, 'duplicateOf', problem.id)).statusCode).toBe(400);
    // Parents: a chain may not close on itself, and a ticket has one parent.
    const [p, q, r] = [await ticket('P'), await ticket('Q'), await ticket('R')];
    expect((await link(agent, p.id, 'parentOf', q.id)).statusCode).toBe(201);
    expect((await link(agent, r.id, 'childOf', q.id)).statusCode).toBe(201);
    const cycle = await link(agent, r.id, 'parentOf', p.id);
    expect(cycle.statusCode).toBe(409);
    expect(json(cycle).detail).toBe('The link would make a cycle');
    const second = await link(agent, c.id, 'parentOf', r.id);
    expect(second.statusCode).toBe(409);
    expect(json(second).detail).toBe('The ticket has a parent already');
    // Duplicates likewise.
    const [x, y, z] = [await ticket('X'), await ticket('Y'), await ticket('Z')];
    expect((await link(agent, x.id, 'duplicateOf', y.id)).statusCode).toBe(201);
    expect((await link(agent, y.id, 'duplicateOf', z.id)).statusCode).toBe(201);
    expect((await link(agent, z.id, 'duplicateOf', x.id)).statusCode).toBe(409);
    expect((await link(agent, x.id, 'duplicateOf', z.id)).statusCode).toBe(409);
  });

  it('links only tickets the agent works, and never across tenants', async () => {
    const mine = await ticket('Min grupps ärende');
    const theirs = await ticket('Nätverkets ärende', { groupId: otherGroupId }, admin);
    const before = (await read(agent, mine.id)).version;
    expect((await link(agent, mine.id, 'relatedTo', theirs.id)).statusCode).toBe(404);
    expect((await link(outsider, mine.id, 'relatedTo', theirs.id)).statusCode).toBe(404);
    expect((await link(anna, mine.id, 'relatedTo', theirs.id)).statusCode).toBe(403);
    const bTicket = json(await post(bAdmin, '/api/v1/tickets', { title: 'B:s ärende' }));
    expect((await link(bAdmin, bTicket.id, 'relatedTo', mine.id)).statusCode).toBe(404);
    expect((await link(bAdmin, mine.id, 'relatedTo', bTicket.id)).statusCode).toBe(404);
    expect((await get(bAdmin, `/api/v1/tickets/${mine.id}/links`)).statusCode).toBe(404);
    expect((await read(agent, mine.id)).version).toBe(before);
    expect(await links(admin, mine.id)).toEqual([]);
    // An agent who reads the other ticket only as its requester may not link it either.
    const asked = await ticket('Agentens egen fråga', { requesterId: agentId, groupId: otherGroupId }, admin);
    const refused = await link(agent, mine.id, 'relatedTo', asked.id);
    expect(refused.statusCode).toBe(403);
  });

  it('makes one link of a pair when both ways are asked at once', async () => {
    const p = await ticket('Parallell P');
    const q = await ticket('Parallell Q');
    const answers = await Promise.all([
      link(agent, p.id, 'parentOf', q.id),
      link(agent, q.id, 'parentOf', p.id),
      link(admin, p.id, 'parentOf', q.id),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(await links(agent, p.id)).toHaveLength(1);
  });

  it('removes a link with an entry on both timelines', async () => {
    const a = await ticket('Ta bort länk A');
    const b = await ticket('Ta bort länk B');
    const made = json(await link(agent, a.id, 'relatedTo', b.id));
    expect((await del(bAdmin, `/api/v1/tickets/${a.id}/links/${made.id}`)).statusCode).toBe(404);
    expect((await del(outsider, `/api/v1/tickets/${a.id}/links/${made.id}`)).statusCode).toBe(404);
    const c = await ticket('Annan');
    expect((await del(agent, `/api/v1/tickets/${c.id}/links/${made.id}`)).statusCode).toBe(404);
    expect((await del(agent, `/api/v1/tickets/${b.id}/links/${made.id}`)).statusCode).toBe(204);
    expect(await links(agent, a.id)).toEqual([]);
    for (const id of [a.id, b.id])
      expect((await timeline(agent, id)).map((e) => e.kind)).toEqual(
        expect.arrayContaining(['linked', 'unlinked']),
      );
    expect((await del(agent, `/api/v1/tickets/${b.id}/links/${made.id}`)).statusCode).toBe(404);
  });
});

describe('merge', () => {
  it('merges a duplicate: its public messages copied, its requester watching, linked and closed', async () => {
    const into = await ticket('Wifi i stadshuset', { requesterId: boId });
    const duplicate = json(await post(anna, '/api/v1/tickets', { title: 'Inget nät på plan 3' }));
    expect(duplicate.group.id).toBe(groupId);
    await post(agent, `/api/v1/tickets/${duplicate.id}/messages`, { body: 'Vilket rum sitter du i?' });
    await post(agent, `/api/v1/tickets/${duplicate.id}/messages`, {
      body: 'Intern: samma som wifi',
      internal: true,
    });
    await post(anna, `/api/v1/tickets/${duplicate.id}/messages`, { body: 'Rum 301.' });
    const dup = await read(agent, duplicate.id);
    const target = await read(agent, into.id);
    const intoEvents = (await timeline(agent, into.id)).length;

    // Stale versions and bad targets change nothing.
    const url = `/api/v1/tickets/${duplicate.id}/merge`;
    const body = { intoId: into.id, version: dup.version, intoVersion: target.version };
    expect((await post(agent, url, { ...body, version: dup.version - 1 })).statusCode).toBe(409);
    expect((await post(agent, url, { ...body, intoVersion: target.version + 1 })).statusCode).toBe(409);
    expect((await post(agent, url, { ...body, intoId: duplicate.id })).statusCode).toBe(400);
    expect((await post(anna, url, body)).statusCode).toBe(403);
    expect((await post(bAdmin, url, body)).statusCode).toBe(404);
    const bTicket = json(await post(bAdmin, '/api/v1/tickets', { title: 'B:s dubblett' }));
    expect(
      (
        await post(bAdmin, `/api/v1/tickets/${bTicket.id}/merge`, {
          intoId: into.id,
          version: bTicket.version,
          intoVersion: target.version,
        })
      ).statusCode,
    ).toBe(404);
    const problem = await ticket('Ett problem', { type: 'problem' });
    expect(
      (await post(agent, url, { ...body, intoId: problem.id, intoVersion: problem.version })).statusCode,
    ).toBe(400);
    expect((await timeline(agent, into.id)).length).toBe(intoEvents);
    expect((await read(agent, duplicate.id)).status).toBe(dup.status);

    const merged = await post(agent, url, { ...body, note: 'Samma fel som INC på wifi.' });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(json(merged)).toMatchObject({
      ticket: { id: duplicate.id, status: 'closed' },
      into: { id: into.id, version: target.version + 1 },
      copiedMessages: 2,
    });
    const copies = (await timeline(agent, into.id)).filter((e) => e.change?.mergedFrom);
    expect(copies.map((e) => [e.body, e.internal, e.change.mergedFrom.number])).toEqual([
      ['Vilket rum sitter du i?', false, duplicate.number],
      ['Rum 301.', false, duplicate.number],
    ]);
    expect(copies[1]!.author.id).toBe(annaId);
    const dupTimeline = await timeline(anna, duplicate.id);
    expect(dupTimeline.find((e) => e.kind === 'merged')).toMatchObject({
      body: 'Samma fel som INC på wifi.',
      change: { into: { id: into.id, number: into.number } },
    });
    expect(dupTimeline.at(-1)).toMatchObject({ kind: 'status', change: { to: 'closed' } });
    expect((await timeline(agent, into.id)).find((e) => e.kind === 'merged')).toMatchObject({
      change: { from: { id: duplicate.id, number: duplicate.number }, messages: 2 },
    });
    expect((await links(agent, duplicate.id))[0]).toMatchObject({
      relation: 'duplicateOf',
      ticket: { id: into.id },
    });
    // The duplicate's requester now follows the ticket it went into: reads it (no internal
    // notes), finds it among their own, replies; rating stays the requester's.
    const watchers = json(await get(agent, `/api/v1/tickets/${into.id}/watchers`)).items;
    expect(watchers).toMatchObject([
      { person: { id: annaId }, reason: 'merge', fromTicket: { number: duplicate.number } },
    ]);
    const asWatcher = await read(anna, into.id);
    expect(asWatcher.can).toMatchObject({ reply: true, rate: false, note: false, update: false });
    const mine = json(await get(anna, '/api/v1/tickets?view=mine&limit=200')).items;
    expect(mine.map((x: Json) => x.id)).toContain(into.id);
    expect(JSON.stringify(await timeline(anna, into.id))).not.toContain('Intern: samma');
    expect(
      (await post(anna, `/api/v1/tickets/${into.id}/messages`, { body: 'Fortfarande nere.' })).statusCode,
    ).toBe(201);
    // Closed now: neither merged again nor merged into.
    const closed = await read(agent, duplicate.id);
    const current = await read(agent, into.id);
    expect(
      (await post(agent, url, { intoId: into.id, version: closed.version, intoVersion: current.version }))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await post(agent, `/api/v1/tickets/${into.id}/merge`, {
          intoId: duplicate.id,
          version: current.version,
          intoVersion: closed.version,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('makes one result of parallel merges of the same pair, either way round', async () => {
    const c = await ticket('Parallell sammanslagning C');
    const d = await ticket('Parallell sammanslagning D');
    await post(anna, `/api/v1/tickets/${c.id}/messages`, { body: 'Från C' });
    await post(anna, `/api/v1/tickets/${d.id}/messages`, { body: 'Från D' });
    const [cv, dv] = [(await read(agent, c.id)).version, (await read(agent, d.id)).version];
    const answers = await Promise.all([
      post(agent, `/api/v1/tickets/${c.id}/merge`, { intoId: d.id, version: cv, intoVersion: dv }),
      post(admin, `/api/v1/tickets/${c.id}/merge`, { intoId: d.id, version: cv, intoVersion: dv }),
      post(agent, `/api/v1/tickets/${d.id}/merge`, { intoId: c.id, version: dv, intoVersion: cv }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const [statusC, statusD] = [(await read(agent, c.id)).status, (await read(agent, d.id)).status];
    expect([statusC, statusD].sort()).toEqual(['closed', 'new']);
    const kept = statusC === 'closed' ? d : c;
    const copies = (await timeline(agent, kept.id)).filter((e) => e.change?.mergedFrom);
    expect(copies).toHaveLength(1);
    expect((await timeline(agent, kept.id)).filter((e) => e.kind === 'merged')).toHaveLength(1);
  });
});

describe('major incident', () => {
  it('sends one message to every linked requester, once per key even in parallel, and solves them', async () => {
    const major = await ticket('Ingen kommer åt e-posten', { requesterId: agentId });
    const first = json(await post(anna, '/api/v1/tickets', { title: 'Outlook säger frånkopplad' }));
    const second = json(await post(bo, '/api/v1/tickets', { title: 'Kan inte skicka mejl' }));
    const done = await ticket('Gammal e-poststörning');
    await patch(agent, `/api/v1/tickets/${done.id}`, { version: done.version, status: 'closed' });
    for (const child of [first, second, done])
      expect((await link(agent, major.id, 'parentOf', child.id)).statusCode).toBe(201);
    const url = `/api/v1/tickets/${major.id}/major/messages`;
    const text = 'Vi har en störning i e-posten och arbetar på det.';
    // Only a major incident sends.
    expect((await post(agent, url, { body: text })).statusCode).toBe(409);
    const marked = await patch(agent, `/api/v1/tickets/${major.id}`, {
      version: (await read(agent, major.id)).version,
      major: true,
    });
    expect(json(marked).major).toBe(true);
    expect((await post(anna, url, { body: text })).statusCode).toBe(403);
    expect((await post(outsider, url, { body: text })).statusCode).toBe(404);
    expect((await post(bAdmin, url, { body: text })).statusCode).toBe(404);

    const key = { 'idempotency-key': 'storning-1' };
    const sent = await Promise.all([
      post(agent, url, { body: text }, key),
      post(agent, url, { body: text }, key),
    ]);
    expect(sent.map((r) => r.statusCode)).toEqual([200, 200]);
    // One did the work; the other was either replayed by the platform or found the key here.
    const fresh = sent.filter((r) => !json(r).repeated && !r.headers['idempotent-replayed']);
    expect(fresh).toHaveLength(1);
    for (const r of sent)
      expect(
        json(r)
          .tickets.map((x: Json) => x.id)
          .sort(),
      ).toEqual([first.id, second.id].sort());
    const replay = await post(agent, url, { body: text }, key);
    expect(replay.statusCode).toBe(200);
    const fromMajor = async (s: Session, id: string) =>
      (await timeline(s, id)).filter((e) => e.kind === 'message' && e.body === text);
    expect(await fromMajor(anna, first.id)).toHaveLength(1);
    expect((await fromMajor(anna, first.id))[0]!.change.fromMajor.number).toBe(major.number);
    expect(await fromMajor(bo, second.id)).toHaveLength(1);
    expect(await fromMajor(agent, done.id)).toHaveLength(0);
    expect(await fromMajor(agent, major.id)).toHaveLength(1);
    // Another key is another message.
    expect((await post(agent, url, { body: text }, { 'idempotency-key': 'storning-2' })).statusCode).toBe(
      200,
    );
    expect(await fromMajor(bo, second.id)).toHaveLength(2);

    // The service itself, past the platform's replay: two sends with one key at once, one message.
    const direct = await Promise.all(
      [1, 2].map(() => sendMajorMessage(t.db, t.a.actor, major.id, { body: 'Direkt' }, 'direkt-1')),
    );
    expect(direct.map((d) => d.repeated).sort()).toEqual([false, true]);
    expect(direct[0]!.tickets).toEqual(direct[1]!.tickets);
    expect((await timeline(anna, first.id)).filter((e) => e.body === 'Direkt')).toHaveLength(1);

    // A linked ticket the agent does not work stops the whole message.
    const moved = await read(admin, second.id);
    await patch(admin, `/api/v1/tickets/${second.id}`, { version: moved.version, groupId: otherGroupId });
    expect((await post(agent, url, { body: 'Nytt läge' })).statusCode).toBe(403);
    expect((await timeline(anna, first.id)).some((e) => e.body === 'Nytt läge')).toBe(false);
    expect((await timeline(agent, major.id)).some((e) => e.body === 'Nytt läge')).toBe(false);
    const back = await read(admin, second.id);
    await patch(admin, `/api/v1/tickets/${second.id}`, { version: back.version, groupId });

    const solveUrl = `/api/v1/tickets/${major.id}/major/solve`;
    const solution = 'Leverantören har startat om e-postservern.';
    const now = await read(agent, major.id);
    expect((await post(agent, solveUrl, { version: now.version - 1, solution })).statusCode).toBe(409);
    const solved = await post(agent, solveUrl, { version: now.version, solution });
    expect(solved.statusCode, solved.body).toBe(200);
    expect(json(solved).ticket.status).toBe('solved');
    expect(
      json(solved)
        .solved.map((x: Json) => x.id)
        .sort(),
    ).toEqual([first.id, second.id].sort());
    for (const [s, id] of [
      [anna, first.id],
      [bo, second.id],
    ] as const) {
      expect((await read(s, id)).status).toBe('solved');
      expect((await timeline(s, id)).some((e) => e.body === solution && !e.internal)).toBe(true);
    }
    expect((await read(agent, done.id)).status).toBe('closed');
    expect((await post(agent, solveUrl, { version: json(solved).ticket.version, solution })).statusCode).toBe(
      409,
    );
  });
});

describe('bulk', () => {
  it('changes each ticket with its version and answers per ticket: done, conflict, invalid, forbidden', async () => {
    const [a, b, c] = [await ticket('Bulk A'), await ticket('Bulk B'), await ticket('Bulk C')];
    await post(anna, `/api/v1/tickets/${c.id}/messages`, { body: 'Ändrad sedan listan lästes' });
    const asked = await ticket('Agentens egen', { requesterId: agentId, groupId: otherGroupId }, admin);
    const stale = c.version;
    const answer = await post(agent, '/api/v1/tickets/bulk', {
      tickets: [
        { id: a.id, version: a.version },
        { id: b.id, version: b.version },
        { id: c.id, version: stale },
        { id: asked.id, version: asked.version },
      ],
      change: { assigneeId: agentId },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const results = json(answer).results as Json[];
    expect(results.map((r) => [r.number, r.outcome])).toEqual([
      [a.number, 'done'],
      [b.number, 'done'],
      [c.number, 'conflict'],
      [asked.number, 'forbidden'],
    ]);
    expect(json(answer).done).toBe(2);
    expect(results[2]!.version).toBe((await read(agent, c.id)).version);
    expect((await read(agent, a.id)).assignee.id).toBe(agentId);
    expect((await read(agent, a.id)).status).toBe('assigned');
    expect((await read(agent, c.id)).assignee).toBeNull();

    // Solve with a text: the reply and the status together, or neither (an assignee who is no
    // agent of the group refuses that ticket whole).
    const [va, vb] = [results[0]!.version, results[1]!.version];
    const d = await ticket('Bulk D', { groupId: otherGroupId }, admin);
    const dAssigned = await patch(admin, `/api/v1/tickets/${d.id}`, { version: d.version, groupId });
    const solved = json(
      await post(agent, '/api/v1/tickets/bulk', {
        tickets: [
          { id: a.id, version: va },
          { id: b.id, version: vb },
        ],
        change: { status: 'solved', message: { body: 'Åtgärdat: omstart av skrivarkön.' } },
      }),
    );
    expect(solved.results.map((r: Json) => r.outcome)).toEqual(['done', 'done']);
    for (const id of [a.id, b.id]) {
      const after = await read(anna, id);
      expect(after.status).toBe('solved');
      expect((await timeline(anna, id)).some((e) => e.body === 'Åtgärdat: omstart av skrivarkön.')).toBe(
        true,
      );
    }
    const refused = json(
      await post(agent, '/api/v1/tickets/bulk', {
        tickets: [{ id: d.id, version: json(dAssigned).version }],
        change: { assigneeId: outsiderId, message: { body: 'Skickas inte', internal: true } },
      }),
    );
    expect(refused.results[0]).toMatchObject({
      outcome: 'invalid',
      detail: 'The assignee is not an agent of the group',
    });
    expect((await timeline(agent, d.id)).some((e) => e.body === 'Skickas inte')).toBe(false);
    expect((await read(agent, d.id)).version).toBe(json(dAssigned).version);
    // Closing a closed ticket again with a reply is a conflict, and writes nothing.
    const e = await ticket('Bulk E');
    const closed = json(
      await patch(agent, `/api/v1/tickets/${e.id}`, { version: e.version, status: 'closed' }),
    );
    const again = json(
      await post(agent, '/api/v1/tickets/bulk', {
        tickets: [{ id: e.id, version: closed.version }],
        change: { status: 'closed', message: { body: 'Stängt' } },
      }),
    );
    expect(again.results[0].outcome).toBe('conflict');
  });

  it('refuses employees, other tenants and tickets out of view, writing nothing', async () => {
    const a = await ticket('Bulk angripare');
    const body = (id: string, version = a.version) => ({
      tickets: [{ id, version }],
      change: { status: 'closed' },
    });
    expect((await post(anna, '/api/v1/tickets/bulk', body(a.id))).statusCode).toBe(403);
    expect((await post(bAdmin, '/api/v1/tickets/bulk', body(a.id))).statusCode).toBe(404);
    const theirs = await ticket('Nätverkets', { groupId: otherGroupId }, admin);
    const mixed = await post(agent, '/api/v1/tickets/bulk', {
      tickets: [
        { id: a.id, version: a.version },
        { id: theirs.id, version: theirs.version },
      ],
      change: { status: 'closed' },
    });
    expect(mixed.statusCode).toBe(404);
    expect((await read(agent, a.id)).status).toBe('new');
    const twice = await post(agent, '/api/v1/tickets/bulk', {
      tickets: [
        { id: a.id, version: a.version },
        { id: a.id, version: a.version },
      ],
      change: { status: 'closed' },
    });
    expect(twice.statusCode).toBe(400);
    expect(
      (await post(agent, '/api/v1/tickets/bulk', { tickets: [body(a.id).tickets[0]], change: {} }))
        .statusCode,
    ).toBe(400);
    // Two bulk changes of the same ticket at once: one is done, the other finds a newer version.
    const both = await Promise.all([
      post(agent, '/api/v1/tickets/bulk', body(a.id)),
      post(admin, '/api/v1/tickets/bulk', body(a.id)),
    ]);
    expect(both.map((r) => json(r).results[0].outcome).sort()).toEqual(['conflict', 'done']);
  });
});

describe('attachments on tickets', () => {
  const upload = (s: Session, kind: string, id: string, name: string, body: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/attachments/${kind}/${id}?name=${encodeURIComponent(name)}`,
      payload: body,
      headers: s.headers({ 'content-type': 'application/octet-stream' }),
    });
  const list = async (s: Session, kind: string, id: string) =>
    t.app.inject({ url: `/api/v1/attachments/${kind}/${id}`, headers: s.headers() });

  it('lets the requester and agents attach; internal files stay with the agents', async () => {
    const made = json(await post(anna, '/api/v1/tickets', { title: 'Skärmen flimrar' }));
    const own = await upload(anna, 'ticket', made.id, 'foto.txt', 'Så här ser det ut');
    expect(own.statusCode, own.body).toBe(201);
    expect((await upload(agent, 'ticket', made.id, 'instruktion.txt', 'Gör så här')).statusCode).toBe(201);
    const internal = await upload(agent, 'ticket-internal', made.id, 'logg.txt', 'Hemlig logg');
    expect(internal.statusCode).toBe(201);
    expect((await upload(anna, 'ticket-internal', made.id, 'x.txt', 'x')).statusCode).toBe(403);

    const shown = json(await list(anna, 'ticket', made.id)).items.map((f: Json) => f.name);
    expect(shown.sort()).toEqual(['foto.txt', 'instruktion.txt']);
    expect((await list(anna, 'ticket-internal', made.id)).statusCode).toBe(403);
    expect(
      (await t.app.inject({ url: `/api/v1/files/${json(internal).id}`, headers: anna.headers() })).statusCode,
    ).toBe(403);
    const download = await t.app.inject({ url: `/api/v1/files/${json(own).id}`, headers: agent.headers() });
    expect(download.body).toBe('Så här ser det ut');
    expect(json(await list(agent, 'ticket-internal', made.id)).items.map((f: Json) => f.name)).toEqual([
      'logg.txt',
    ]);
    // Another requester, another group's agent, another tenant: no such record.
    for (const s of [bo, outsider, bAdmin]) {
      expect((await list(s, 'ticket', made.id)).statusCode).toBe(404);
      expect((await upload(s, 'ticket', made.id, 'y.txt', 'y')).statusCode).toBe(404);
      expect(
        (await t.app.inject({ url: `/api/v1/files/${json(own).id}`, headers: s.headers() })).statusCode,
      ).toBe(404);
    }
    // A closed ticket takes no more files from the requester.
    const current = await read(agent, made.id);
    await patch(agent, `/api/v1/tickets/${made.id}`, { version: current.version, status: 'closed' });
    expect((await upload(anna, 'ticket', made.id, 'sen.txt', 'sent')).statusCode).toBe(403);
  });
});

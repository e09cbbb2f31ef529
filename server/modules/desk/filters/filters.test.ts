import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';

// The console's saved filters (each agent's own, tenant-scoped, versioned) and its queues with
// their counts, through the real app and database.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let agent: Session;
let colleague: Session;
let employee: Session;
let agentId: string;
let groupId: string;
let otherGroupId: string;

type Json = Record<string, any>;

const post = (s: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: s.headers(), payload: payload as object });
const patch = (s: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'PATCH', url, headers: s.headers(), payload: payload as object });
const get = (s: Session, url: string) => t.app.inject({ url, headers: s.headers() });
const del = (s: Session, url: string) => t.app.inject({ method: 'DELETE', url, headers: s.headers() });
const URL = '/api/v1/desk/saved-filters';

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  agentId = (await seedPerson(t.db, t.a, 'agent@a.example', ['employee'])).id;
  const colleagueId = (await seedPerson(t.db, t.a, 'kollega@a.example', ['employee'])).id;
  await seedPerson(t.db, t.a, 'anna@a.example', ['employee']);
  groupId = json(await post(admin, '/api/v1/groups', { name: 'Servicedesk', kind: 'firstLine' })).id;
  otherGroupId = json(await post(admin, '/api/v1/groups', { name: 'Nätverk', kind: 'secondLine' })).id;
  for (const personId of [agentId, colleagueId])
    expect((await post(admin, `/api/v1/groups/${groupId}/members`, { personId })).statusCode).toBe(204);
  agent = await signIn(t.app, 'agent@a.example');
  colleague = await signIn(t.app, 'kollega@a.example');
  employee = await signIn(t.app, 'anna@a.example');
});
afterAll(() => t.close());

describe('saved filters', () => {
  it('keeps each agent’s own filters, versioned, by name', async () => {
    const made = await post(agent, URL, {
      name: 'Mina kritiska',
      query: { status: 'open', assignee: 'me', priority: 1, sort: 'priority', order: 'asc' },
    });
    expect(made.statusCode, made.body).toBe(201);
    const filter = json(made);
    expect(filter).toMatchObject({
      name: 'Mina kritiska',
      version: 1,
      query: { priority: 1, assignee: 'me' },
    });
    await post(agent, URL, { name: 'alla väntande', query: { status: 'waiting', groupId } });
    expect(json(await get(agent, URL)).items.map((f: Json) => f.name)).toEqual([
      'alla väntande',
      'Mina kritiska',
    ]);
    // One name once per person, whatever its case; a colleague may use it.
    const twice = await post(agent, URL, { name: 'MINA KRITISKA', query: {} });
    expect(twice.statusCode).toBe(409);
    expect(json(twice).errors[0].path).toBe('body.name');
    expect((await post(colleague, URL, { name: 'Mina kritiska', query: { status: 'all' } })).statusCode).toBe(
      201,
    );

    const renamed = await patch(agent, `${URL}/${filter.id}`, {
      version: 1,
      name: 'Kritiska hos mig',
      query: { status: 'open', assignee: 'me', priority: 2 },
    });
    expect(json(renamed)).toMatchObject({ name: 'Kritiska hos mig', version: 2, query: { priority: 2 } });
    expect((await patch(agent, `${URL}/${filter.id}`, { version: 1, name: 'Gammal' })).statusCode).toBe(409);
    const bad = await post(agent, URL, { name: 'Fel', query: { status: 'castle' } });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).errors[0].path).toContain('query');
    expect((await post(agent, URL, { name: 'Fel', query: { unknown: 1 } })).statusCode).toBe(400);
  });

  it('shows and changes a filter to its owner only, never across tenants, never to employees', async () => {
    const mine = json(await post(agent, URL, { name: 'Bara min', query: { type: 'problem' } }));
    for (const s of [colleague, admin, bAdmin]) {
      expect(json(await get(s, URL)).items.map((f: Json) => f.id)).not.toContain(mine.id);
      expect((await patch(s, `${URL}/${mine.id}`, { version: 1, name: 'Stulen' })).statusCode).toBe(404);
      expect((await del(s, `${URL}/${mine.id}`)).statusCode).toBe(404);
    }
    expect((await get(employee, URL)).statusCode).toBe(403);
    expect((await post(employee, URL, { name: 'x', query: {} })).statusCode).toBe(403);
    expect((await del(agent, `${URL}/${mine.id}`)).statusCode).toBe(204);
    expect((await del(agent, `${URL}/${mine.id}`)).statusCode).toBe(404);
    expect(json(await get(agent, URL)).items.map((f: Json) => f.id)).not.toContain(mine.id);
  });

  it('holds at most fifty per person, also when saved at once', async () => {
    const had = json(await get(colleague, URL)).items.length;
    const answers = await Promise.all(
      Array.from({ length: 52 - had }, (_, i) => post(colleague, URL, { name: `Filter ${i}`, query: {} })),
    );
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(50 - had);
    expect(codes.filter((c) => c === 409)).toHaveLength(2);
    expect(json(await get(colleague, URL)).items).toHaveLength(50);
  });
});

describe('queues', () => {
  it('counts the open tickets of each queue the agent works', async () => {
    const make = (extra: Json) =>
      post(admin, '/api/v1/tickets', { title: 'Köärende', requesterId: t.a.adminId, ...extra });
    for (let i = 0; i < 3; i++) await make({ groupId });
    await make({ groupId, assigneeId: agentId });
    const solved = json(await make({ groupId }));
    await patch(admin, `/api/v1/tickets/${solved.id}`, { version: solved.version, status: 'solved' });
    for (let i = 0; i < 2; i++) await make({ groupId: otherGroupId });

    const counts = json(await get(agent, '/api/v1/desk/queues'));
    expect(counts).toEqual({
      all: 4,
      mine: 1,
      unassigned: 3,
      groups: [{ id: groupId, name: 'Servicedesk', open: 4 }],
    });
    // The same as the lists say.
    const listed = json(await get(agent, `/api/v1/tickets?groupId=${groupId}&status=open&limit=200`)).items;
    expect(listed).toHaveLength(4);
    const everything = json(await get(admin, '/api/v1/desk/queues'));
    expect(everything.groups.map((g: Json) => [g.name, g.open])).toEqual([
      ['Nätverk', 2],
      ['Servicedesk', 4],
    ]);
    expect(everything.all).toBe(6);
    expect(json(await get(bAdmin, '/api/v1/desk/queues'))).toEqual({
      all: 0,
      mine: 0,
      unassigned: 0,
      groups: [],
    });
    expect((await get(employee, '/api/v1/desk/queues')).statusCode).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';

// Groups and tickets through the real app and database: numbering under parallel creates, who sees
// what (requester, the group's agents, other agents, tenant B), the status rules, the timeline with
// its internal notes, reopening and rating.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let employee: Session;
let other: Session;
let agent: Session;
let outsider: Session;
let employeeId: string;
let agentId: string;
let groupId: string;
let otherGroupId: string;

const post = (s: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: s.headers(), payload: payload as object });
const patch = (s: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'PATCH', url, headers: s.headers(), payload: payload as object });
const get = (s: Session, url: string) => t.app.inject({ url, headers: s.headers() });

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  employeeId = (await seedPerson(t.db, t.a, 'anna@a.example', ['employee'])).id;
  employee = await signIn(t.app, 'anna@a.example');
  await seedPerson(t.db, t.a, 'bo@a.example', ['employee']);
  other = await signIn(t.app, 'bo@a.example');
  agentId = (await seedPerson(t.db, t.a, 'agent@a.example', ['employee'])).id;
  const outsiderId = (await seedPerson(t.db, t.a, 'outsider@a.example', ['employee'])).id;
  const made = await post(admin, '/api/v1/groups', { name: 'Servicedesk', kind: 'firstLine' });
  expect(made.statusCode, made.body).toBe(201);
  groupId = json(made).id;
  otherGroupId = json(await post(admin, '/api/v1/groups', { name: 'Nätverk', kind: 'secondLine' })).id;
  for (const [group, personId] of [
    [groupId, agentId],
    [otherGroupId, outsiderId],
  ]) {
    const added = await post(admin, `/api/v1/groups/${group}/members`, { personId });
    expect(added.statusCode, added.body).toBe(204);
  }
  agent = await signIn(t.app, 'agent@a.example');
  outsider = await signIn(t.app, 'outsider@a.example');
});
afterAll(() => t.close());

describe('groups', () => {
  it('grants membership as serviceDeskAgent in the group, seen on the person and removed again', async () => {
    const members = json(await get(admin, `/api/v1/groups/${groupId}/members`)).items;
    expect(members.map((m: { personId: string }) => m.personId)).toEqual([agentId]);
    const roles = json(await get(admin, `/api/v1/role-assignments?personId=${agentId}`)).items;
    expect(roles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'serviceDeskAgent', scope: 'group', scopeId: groupId }),
      ]),
    );
    const g = json(await get(admin, `/api/v1/groups/${groupId}`));
    expect(g.memberCount).toBe(1);
    expect(g.can.manageMembers).toBe(true);
    const mine = json(await get(admin, `/api/v1/groups?memberId=${agentId}`)).items;
    expect(mine.map((x: { id: string }) => x.id)).toEqual([groupId]);

    const temp = (await seedPerson(t.db, t.a, 'vikarie@a.example', ['employee'])).id;
    await post(admin, `/api/v1/groups/${groupId}/members`, { personId: temp });
    expect(json(await get(admin, `/api/v1/groups/${groupId}`)).memberCount).toBe(2);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/groups/${groupId}/members/${temp}`,
      headers: admin.headers(),
    });
    expect(removed.statusCode).toBe(204);
    expect(json(await get(admin, `/api/v1/groups/${groupId}`)).memberCount).toBe(1);
    const left = json(await get(admin, `/api/v1/role-assignments?personId=${temp}`)).items;
    expect(left.some((r: { role: string }) => r.role === 'serviceDeskAgent')).toBe(false);
  });

  it('requires the system of a förvaltning group and refuses another tenant its groups', async () => {
    const bad = await post(admin, '/api/v1/groups', { name: 'Förvaltning X', kind: 'management' });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).errors[0].path).toBe('body.systemId');
    expect((await get(bAdmin, `/api/v1/groups/${groupId}`)).statusCode).toBe(404);
    expect((await post(bAdmin, `/api/v1/groups/${groupId}/members`, { personId: agentId })).statusCode).toBe(
      404,
    );
    expect((await get(employee, '/api/v1/groups')).statusCode).toBe(403);
  });
});

describe('tickets', () => {
  it('numbers tickets per type and year without gaps or repeats under parallel creates', async () => {
    const year = new Date().getFullYear();
    const made = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        post(employee, '/api/v1/tickets', { title: `Fel nummer ${i}`, description: 'Parallellt' }),
      ),
    );
    expect(made.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    const numbers = made.map((r) => json(r).number as string).sort();
    expect(new Set(numbers).size).toBe(12);
    expect(numbers.every((n) => n.startsWith(`INC-${year}-`))).toBe(true);
    const change = json(
      await post(agent, '/api/v1/tickets', { type: 'change', title: 'Nytt fält', requesterId: employeeId }),
    );
    expect(change.number).toMatch(new RegExp(`^CHG-${year}-0+1$`));
    expect(change.channel).toBe('agent');
    // Tenant B starts its own sequence.
    expect(json(await post(bAdmin, '/api/v1/tickets', { title: 'B:s fel' })).number).toBe(
      `INC-${year}-000001`,
    );
  });

  it('computes priority from impact × urgency and keeps the portal out of routing', async () => {
    const r = json(
      await post(employee, '/api/v1/tickets', { title: 'Kan inte logga in', impact: 1, urgency: 2 }),
    );
    expect(r.priority).toBe(2);
    expect(r.status).toBe('new');
    expect(r.requester.id).toBe(employeeId);
    expect(r.unit.id).toBe(t.a.unitId);
    expect(r.can).toMatchObject({ update: false, reply: true, note: false, rate: false });
    const routed = await post(employee, '/api/v1/tickets', { title: 'x', groupId });
    expect(routed.statusCode).toBe(403);
    const forOther = await post(employee, '/api/v1/tickets', { title: 'x', requesterId: agentId });
    expect(forOther.statusCode).toBe(403);
  });

  it('shows a ticket to its requester and its group, not to others, nor to tenant B', async () => {
    const created = json(
      await post(employee, '/api/v1/tickets', { title: 'Skrivaren', description: 'Plan 2' }),
    );
    const id = created.id;
    expect((await get(other, `/api/v1/tickets/${id}`)).statusCode).toBe(404);
    expect((await get(bAdmin, `/api/v1/tickets/${id}`)).statusCode).toBe(404);
    // No rule took it, so it went to the first line, whose agent sees it and the other group's does not.
    expect(created.group.id).toBe(groupId);
    expect((await get(agent, `/api/v1/tickets/${id}`)).statusCode).toBe(200);
    expect((await get(outsider, `/api/v1/tickets/${id}`)).statusCode).toBe(404);
    const moved = json(
      await patch(admin, `/api/v1/tickets/${id}`, { version: created.version, groupId: otherGroupId }),
    );
    expect((await get(agent, `/api/v1/tickets/${id}`)).statusCode).toBe(404);
    expect((await get(outsider, `/api/v1/tickets/${id}`)).statusCode).toBe(200);
    const routed = json(await patch(admin, `/api/v1/tickets/${id}`, { version: moved.version, groupId }));
    expect(routed.group.id).toBe(groupId);
    const queue = json(await get(agent, `/api/v1/tickets?groupId=${groupId}&status=open`)).items;
    expect(queue.map((x: { id: string }) => x.id)).toContain(id);
    const outsiders = json(await get(outsider, '/api/v1/tickets?status=open')).items;
    expect(outsiders.map((x: { id: string }) => x.id)).not.toContain(id);
    expect((await get(employee, '/api/v1/tickets?view=work')).statusCode).toBe(403);
    const mine = json(await get(employee, '/api/v1/tickets?view=mine&limit=200')).items;
    expect(mine.map((x: { id: string }) => x.id)).toContain(id);
    expect(json(await get(other, '/api/v1/tickets?view=mine')).items).toEqual([]);
    expect(
      (await patch(bAdmin, `/api/v1/tickets/${id}`, { version: routed.version, impact: 1 })).statusCode,
    ).toBe(404);
  });

  it('works a ticket: assign, reply, internal note, wait, solve, reopen, rate; timeline and clocks', async () => {
    let ticket = json(await post(employee, '/api/v1/tickets', { title: 'Outlook startar inte' }));
    const id = ticket.id;
    ticket = json(await patch(admin, `/api/v1/tickets/${id}`, { version: ticket.version, groupId }));
    const outsiderAssign = await patch(admin, `/api/v1/tickets/${id}`, {
      version: ticket.version,
      assigneeId: t.b.adminId,
    });
    expect(outsiderAssign.statusCode).toBe(400);
    ticket = json(
      await patch(agent, `/api/v1/tickets/${id}`, { version: ticket.version, assigneeId: agentId }),
    );
    expect(ticket.status).toBe('assigned');
    const stale = await patch(agent, `/api/v1/tickets/${id}`, {
      version: ticket.version - 1,
      status: 'inProgress',
    });
    expect(stale.statusCode).toBe(409);

    expect(
      (
        await post(agent, `/api/v1/tickets/${id}/messages`, {
          body: 'Intern: kolla profilen',
          internal: true,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await post(employee, `/api/v1/tickets/${id}/messages`, { body: 'x', internal: true })).statusCode,
    ).toBe(403);
    expect(
      (await post(agent, `/api/v1/tickets/${id}/messages`, { body: 'Vi tittar på det.' })).statusCode,
    ).toBe(201);
    ticket = json(await get(agent, `/api/v1/tickets/${id}`));
    expect(ticket.firstResponseAt).not.toBeNull();
    ticket = json(
      await patch(agent, `/api/v1/tickets/${id}`, { version: ticket.version, status: 'waitingRequester' }),
    );
    // The requester's reply takes it back to pågår.
    await post(employee, `/api/v1/tickets/${id}/messages`, { body: 'Det hände igen i morse.' });
    ticket = json(await get(agent, `/api/v1/tickets/${id}`));
    expect(ticket.status).toBe('inProgress');

    expect(
      (await post(employee, `/api/v1/tickets/${id}/rating`, { version: ticket.version, rating: 5 }))
        .statusCode,
    ).toBe(409);
    ticket = json(await patch(agent, `/api/v1/tickets/${id}`, { version: ticket.version, status: 'solved' }));
    expect(ticket.solvedAt).not.toBeNull();
    const asRequester = json(await get(employee, `/api/v1/tickets/${id}`));
    expect(asRequester.can).toMatchObject({ reopen: true, rate: true, note: false });
    ticket = json(
      await post(employee, `/api/v1/tickets/${id}/reopen`, {
        version: ticket.version,
        reason: 'Fortfarande fel',
      }),
    );
    expect(ticket).toMatchObject({ status: 'inProgress', reopenCount: 1, solvedAt: null });
    ticket = json(await patch(agent, `/api/v1/tickets/${id}`, { version: ticket.version, status: 'solved' }));
    ticket = json(
      await post(employee, `/api/v1/tickets/${id}/rating`, {
        version: ticket.version,
        rating: 4,
        comment: 'Bra',
      }),
    );
    expect(ticket.rating).toBe(4);
    expect(
      (await post(other, `/api/v1/tickets/${id}/rating`, { version: ticket.version, rating: 1 })).statusCode,
    ).toBe(404);
    ticket = json(await patch(agent, `/api/v1/tickets/${id}`, { version: ticket.version, status: 'closed' }));
    expect(ticket.closedAt).not.toBeNull();
    expect(
      (await patch(agent, `/api/v1/tickets/${id}`, { version: ticket.version, status: 'inProgress' }))
        .statusCode,
    ).toBe(409);
    expect((await post(employee, `/api/v1/tickets/${id}/messages`, { body: 'Hallå?' })).statusCode).toBe(409);

    const agentView = json(await get(agent, `/api/v1/tickets/${id}/timeline`)).items;
    const requesterView = json(await get(employee, `/api/v1/tickets/${id}/timeline`)).items;
    expect(agentView.some((e: { body: string }) => e.body === 'Intern: kolla profilen')).toBe(true);
    expect(requesterView.some((e: { internal: boolean }) => e.internal)).toBe(false);
    expect(JSON.stringify(requesterView)).not.toContain('kolla profilen');
    const statuses = agentView
      .filter((e: { kind: string }) => e.kind === 'status')
      .map((e: { change: { to: string } }) => e.change.to);
    // Assigning moved it on; the reopening is an entry of its own (kind reopened).
    expect(statuses).toEqual(['assigned', 'waitingRequester', 'inProgress', 'solved', 'solved', 'closed']);
  });

  it('finds tickets by number and by Swedish words in title and text', async () => {
    const made = json(
      await post(employee, '/api/v1/tickets', {
        title: 'Skrivarna på plan fyra',
        description: 'Papperet fastnar',
      }),
    );
    await patch(admin, `/api/v1/tickets/${made.id}`, { version: made.version, groupId });
    const short = made.number.replace(/-0+/, '-').replace(/-(\d{4})-0*/, '-$1-');
    for (const term of [made.number, short.toLowerCase(), 'skrivare', 'fastnar']) {
      const hits = json(await get(agent, `/api/v1/tickets?search=${encodeURIComponent(term)}`)).items;
      expect(
        hits.map((h: { id: string }) => h.id),
        term,
      ).toContain(made.id);
    }
  });

  it('pages the queue by priority without skips or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = json(
        await get(
          admin,
          `/api/v1/tickets?sort=priority&order=asc&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        ),
      );
      seen.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = json(await get(admin, '/api/v1/tickets?sort=priority&order=asc&limit=200')).items;
    expect(seen).toEqual(all.map((i: { id: string }) => i.id));
    const priorities = all.map((i: { priority: number }) => i.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
  });
});

describe('ticket settings', () => {
  it('takes the priority matrix, the reopen window and the automatic closing from the tenant', async () => {
    const current = json(await get(admin, '/api/v1/desk/ticket-settings'));
    expect(current).toMatchObject({ reopenDays: 10, autoCloseDays: 10, version: 1 });
    expect(
      (await patch(agent, '/api/v1/desk/ticket-settings', { version: 1, reopenDays: 1 })).statusCode,
    ).toBe(403);
    const bad = await patch(admin, '/api/v1/desk/ticket-settings', {
      version: 1,
      reopenDays: 20,
      autoCloseDays: 5,
    });
    expect(bad.statusCode).toBe(400);
    const matrix = [
      [1, 1, 2],
      [2, 3, 4],
      [3, 4, 4],
    ];
    const changed = json(
      await patch(admin, '/api/v1/desk/ticket-settings', {
        version: 1,
        priorityMatrix: matrix,
        reopenDays: 0,
      }),
    );
    expect(changed.version).toBe(2);
    expect(
      (await patch(admin, '/api/v1/desk/ticket-settings', { version: 1, reopenDays: 3 })).statusCode,
    ).toBe(409);
    // Tenant B keeps the defaults.
    expect(json(await get(bAdmin, '/api/v1/desk/ticket-settings')).version).toBe(1);

    let ticket = json(
      await post(employee, '/api/v1/tickets', { title: 'Brådskande', impact: 1, urgency: 2 }),
    );
    expect(ticket.priority).toBe(1);
    ticket = json(
      await patch(admin, `/api/v1/tickets/${ticket.id}`, { version: ticket.version, status: 'solved' }),
    );
    expect(ticket.can.reopen).toBe(false);
    const late = await post(employee, `/api/v1/tickets/${ticket.id}/reopen`, {
      version: ticket.version,
      reason: 'x',
    });
    expect(late.statusCode).toBe(409);

    // The nightly job, eleven days on: every solved ticket of A (autoCloseDays 10) is closed once.
    const { closeSolvedTickets } = await import('./settings.ts');
    const { closeTicket } = await import('./service.ts');
    const later = new Date(Date.now() + 11 * 86_400_000);
    expect(await closeSolvedTickets(t.db, closeTicket, later)).toBeGreaterThan(0);
    expect(await closeSolvedTickets(t.db, closeTicket, later)).toBe(0);
    const closed = json(await get(admin, `/api/v1/tickets/${ticket.id}`));
    expect(closed.status).toBe('closed');
    const timeline = json(await get(admin, `/api/v1/tickets/${ticket.id}/timeline`)).items;
    expect(timeline.at(-1)).toMatchObject({ kind: 'status', change: { from: 'solved', to: 'closed' } });
  });
});

describe('change requests', () => {
  it("go on to the IT-kundansvarig of the requester's unit, who is told and follows the ticket", async () => {
    const managerId = (await seedPerson(t.db, t.a, 'kundansvarig@a.example', ['employee'])).id;
    const granted = await post(admin, '/api/v1/role-assignments', {
      personId: managerId,
      role: 'accountManager',
      scope: 'unit',
      scopeId: t.a.unitId,
    });
    expect(granted.statusCode, granted.body).toBe(201);
    const manager = await signIn(t.app, 'kundansvarig@a.example');
    const change = json(
      await post(employee, '/api/v1/tickets', {
        type: 'change',
        title: 'Önskar fält för projektkod',
        impact: 3,
        urgency: 3,
      }),
    );
    // The kundansvarig reads it (as a watcher) and has been told; an incident is not handed on.
    expect((await get(manager, `/api/v1/tickets/${change.id}`)).statusCode).toBe(200);
    const inbox = json(await get(manager, '/api/v1/notifications')).items;
    expect(inbox.map((n: { kind: string }) => n.kind)).toContain('desk.change-request');
    const incident = json(await post(employee, '/api/v1/tickets', { title: 'Skrivaren krånglar' }));
    expect((await get(manager, `/api/v1/tickets/${incident.id}`)).statusCode).toBe(404);
    // Tenant B's kundansvarig never hears of A's change requests.
    expect((await get(bAdmin, `/api/v1/tickets/${change.id}`)).statusCode).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { defaultRules } from './demo.ts';

// Routing through the real app and database: seed 000's default rules send a question on logging in
// to a named system to that system's förvaltning group (the system found by its product name in the
// title), printing to the IT unit, and anything else to the first line; the preview answers the
// same as a created ticket; the order decides; tenant B's rules never apply to tenant A.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let employee: Session;
let firstLineId: string;
let secondLineId: string;
let managementId: string;
let heromaId: string;

const post = (s: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: s.headers(), payload: payload as object });
const get = (s: Session, url: string) => t.app.inject({ url, headers: s.headers() });

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  await seedPerson(t.db, t.a, 'anna@a.example', ['employee']);
  employee = await signIn(t.app, 'anna@a.example');
  heromaId = json(
    await post(admin, '/api/v1/systems', {
      name: 'Lön- och personalsystem',
      scope: 'shared',
      product: 'Heroma',
    }),
  ).id;
  await post(admin, '/api/v1/systems', { name: 'Papperskorgen', shortName: 'PA', scope: 'shared' });
  firstLineId = json(await post(admin, '/api/v1/groups', { name: 'Servicedesk', kind: 'firstLine' })).id;
  secondLineId = json(await post(admin, '/api/v1/groups', { name: 'IT-enheten', kind: 'secondLine' })).id;
  managementId = json(
    await post(admin, '/api/v1/groups', { name: 'Förvaltning lön', kind: 'management', systemId: heromaId }),
  ).id;
  for (const rule of defaultRules(secondLineId)) {
    const made = await post(admin, '/api/v1/routing-rules', rule);
    expect(made.statusCode, made.body).toBe(201);
  }
  // Tenant B's catch-all must never reach tenant A.
  const bGroup = json(await post(bAdmin, '/api/v1/groups', { name: 'B', kind: 'secondLine' })).id;
  await post(bAdmin, '/api/v1/routing-rules', {
    name: 'Allt',
    conditions: {},
    target: 'group',
    groupId: bGroup,
  });
});
afterAll(() => t.close());

describe('routing', () => {
  it("sends 'Kan inte logga in i Heroma' to the system's förvaltning, with the system found", async () => {
    const ticket = json(await post(employee, '/api/v1/tickets', { title: 'Kan inte logga in i Heroma' }));
    expect(ticket.group.id).toBe(managementId);
    expect(ticket.system.id).toBe(heromaId);
    const preview = json(
      await post(admin, '/api/v1/routing-rules/preview', { title: 'Kan inte logga in i Heroma' }),
    );
    expect(preview).toMatchObject({ groupId: managementId, systemId: heromaId });
    expect(preview.trace[0]).toMatchObject({ matched: false, failed: 'categories' });
    expect(preview.trace[1]).toMatchObject({ matched: true, failed: null });
  });

  it('sends printing to the IT unit, and the rest to the first line', async () => {
    const printing = json(await post(employee, '/api/v1/tickets', { title: 'Skrivaren på plan 2 krånglar' }));
    expect(printing.group.id).toBe(secondLineId);
    const byCategory = json(await post(employee, '/api/v1/tickets', { title: 'Hjälp', category: 'network' }));
    expect(byCategory.group.id).toBe(secondLineId);
    const other = json(
      await post(employee, '/api/v1/tickets', { title: 'Någonting annat', description: 'papper' }),
    );
    expect(other.group.id).toBe(firstLineId);
    // A short name of two letters is not looked for in the text ("PA" in "papper").
    expect(other.system).toBeNull();
    const preview = json(await post(admin, '/api/v1/routing-rules/preview', { title: 'Någonting annat' }));
    expect(preview).toMatchObject({ ruleId: null, groupId: firstLineId });
    expect(preview.trace.every((r: { matched: boolean }) => !r.matched)).toBe(true);
  });

  it('tries rules in the order set, and refuses an order that leaves one out', async () => {
    const rules = json(await get(admin, '/api/v1/routing-rules')).items as { id: string; name: string }[];
    const printingRule = rules[3]!;
    const reordered = [printingRule.id, ...rules.filter((r) => r.id !== printingRule.id).map((r) => r.id)];
    expect((await post(admin, '/api/v1/routing-rules/order', { ids: reordered.slice(1) })).statusCode).toBe(
      400,
    );
    expect((await post(admin, '/api/v1/routing-rules/order', { ids: reordered })).statusCode).toBe(204);
    const after = json(await get(admin, '/api/v1/routing-rules')).items as { id: string }[];
    expect(after.map((r) => r.id)).toEqual(reordered);
    // "Installation" now wins over the system's förvaltning for a text naming both.
    const preview = json(
      await post(admin, '/api/v1/routing-rules/preview', { title: 'Installera Heroma, kan inte logga in' }),
    );
    expect(preview.groupId).toBe(secondLineId);
  });

  it("lets agents preview, admins only change, and hides tenant A's rules from B", async () => {
    const rules = json(await get(admin, '/api/v1/routing-rules')).items as { id: string }[];
    expect((await get(employee, '/api/v1/routing-rules')).statusCode).toBe(403);
    expect((await post(employee, '/api/v1/routing-rules/preview', { title: 'x' })).statusCode).toBe(403);
    expect((await get(bAdmin, `/api/v1/routing-rules/${rules[0]!.id}`)).statusCode).toBe(404);
    const bad = await post(admin, '/api/v1/routing-rules', {
      name: 'Utan grupp',
      conditions: {},
      target: 'group',
    });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).errors[0].path).toBe('body.groupId');
  });
});

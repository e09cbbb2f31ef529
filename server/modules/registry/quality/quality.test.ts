import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as directory from '../../../platform/directory/service.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { createSystem } from '../systems/service.ts';

let t: TestContext;
let admin: Session;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
});
afterAll(() => t.close());

const report = async (session: Session, query = '') =>
  json(await t.app.inject({ url: `/api/v1/registry/quality${query}`, headers: session.headers() }));
interface Result {
  check: string;
  count: number;
  items: { id: string; href: string }[];
}
const check = (body: { checks: Result[] }, id: string) => body.checks.find((c) => c.check === id);

describe('the data-quality dashboard', () => {
  it('finds systems nobody answers for, counting an archived owner as nobody', async () => {
    const owned = await createSystem(t.db, t.a.actor, { name: 'Ägt system', scope: 'shared' });
    const orphan = await createSystem(t.db, t.a.actor, { name: 'Föräldralöst', scope: 'business' });
    const left = await createSystem(t.db, t.a.actor, { name: 'Ägaren slutade', scope: 'business' });
    await createSystem(t.db, t.a.actor, { name: 'Avvecklat', scope: 'business', phase: 'retired' });
    const owner = await seedPerson(t.db, t.a, 'owner@a.example');
    const gone = await seedPerson(t.db, t.a, 'gone@a.example');
    const grant = (personId: string, scopeId: string, role: 'systemOwner' | 'systemManager') =>
      directory.grantRole(t.db, t.a.actor, { personId, role, scope: 'system', scopeId }, t.app.seam);
    await grant(owner.id, owned.id, 'systemOwner');
    await grant(owner.id, owned.id, 'systemManager');
    await grant(gone.id, left.id, 'systemOwner');
    await directory.archivePerson(t.db, t.a.actor, gone.id, { version: gone.version, reason: 'Slutat' });

    const body = await report(admin);
    const withoutOwner = check(body, 'systemsWithoutOwner')!;
    expect(withoutOwner).toMatchObject({ severity: 'high', count: 2 });
    expect(withoutOwner.items.map((i) => i.id).sort()).toEqual([orphan.id, left.id].sort());
    expect(withoutOwner.items[0]?.href).toMatch(/^\/systems\//);
    expect(check(body, 'systemsWithoutManager')!.count).toBe(2);

    const one = await report(admin, '?check=systemsWithoutOwner&limit=1');
    expect(one.checks).toHaveLength(1);
    expect(one.checks[0]).toMatchObject({ count: 2 });
    expect(one.checks[0].items).toHaveLength(1);
  });

  it('shows tenant B none of A and refuses an unknown check', async () => {
    const b = await report(await signIn(t.app, t.b.adminEmail));
    expect(check(b, 'systemsWithoutOwner')).toMatchObject({ count: 0, items: [] });
    const unknown = await t.app.inject({
      url: '/api/v1/registry/quality?check=nope',
      headers: admin.headers(),
    });
    expect(unknown.statusCode).toBe(400);
    expect(json(unknown).errors[0].path).toBe('querystring.check');
  });
});

// The dashboard on the demo municipality is checked in server/demo.test.ts, where the demo is loaded once.

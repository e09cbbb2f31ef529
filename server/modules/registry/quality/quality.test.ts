import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../platform/directory/demo.ts';
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

describe('the dashboard on the demo municipality', () => {
  let demo: TestContext;
  let keeper: Session;
  beforeAll(async () => {
    demo = await createTestContext();
    await loadDemo(demo.db, demo.app.seam);
    keeper = await signIn(demo.app, 'admin@styrbord.example', 'demo');
  }, 180_000);
  afterAll(() => demo.close());

  it("finds exactly the demo's deliberate gaps", async () => {
    const body = json(await demo.app.inject({ url: '/api/v1/registry/quality', headers: keeper.headers() }));
    const named = (id: string) =>
      (check(body, id)?.items ?? []).map((i) => (i as unknown as { name: string }).name).sort();
    // Two systems were left without an owner; a förvaltare of a third has left the municipality.
    expect(named('systemsWithoutOwner')).toEqual([
      'Driftövervakning VA (SCADA)',
      'Förskolans närvaro och schema',
    ]);
    expect(named('systemsWithoutManager')).toContain('Livsmedelskontroll mobil');
    // A phase-out system still receives from the school register.
    expect(named('phaseOutWithLiveIntegrations')).toContain('Schemaläggning skola');
    // Five contracts end within six months; the Bygglov plan has one gallring without a decision.
    expect(check(body, 'contractsEnding')?.count).toBe(5);
    expect(check(body, 'recordTypesWithoutDisposalDecision')?.count).toBe(1);
    expect(check(body, 'classificationOverdue')?.count).toBeGreaterThan(0);
    // Every förvaltningsobjekt has this year's plan; both AI applications are assessed.
    expect(check(body, 'aiWithoutRiskAssessment')?.count).toBe(0);
    expect(body.checks.map((c: Result) => c.check).sort()).toEqual(
      [
        'aiWithoutRiskAssessment',
        'classificationMissing',
        'classificationOverdue',
        'contractsEnding',
        'managementPlanMissing',
        'phaseOutWithLiveIntegrations',
        'recordTypesWithoutDisposalDecision',
        'systemsWithoutManager',
        'systemsWithoutOwner',
      ].sort(),
    );
  });

  it('keeps the contracts from the self-service portal', async () => {
    const employee = await signIn(demo.app, 'medarbetare@styrbord.example', 'demo');
    const body = json(
      await demo.app.inject({ url: '/api/v1/registry/quality', headers: employee.headers() }),
    );
    expect(check(body, 'contractsEnding')).toBeUndefined();
    expect(check(body, 'systemsWithoutOwner')).toBeDefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../db/testing.ts';
import { productSeam } from '../../../modules.ts';
import { systemActor } from '../../../platform/context.ts';
import { loadDemo } from '../../../platform/directory/demo.ts';
import { findTenantBySlug } from '../../../platform/directory/service.ts';
import { listResponsibilities } from './roles/service.ts';
import { listSystems } from './service.ts';

// The demo register answers the question every source document turns on: who answers for each
// system. Every kommungemensamt system has an owner and a förvaltare; the gaps are the ones meant.

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database.db, productSeam());
}, 120_000);
afterAll(() => database.dispose());

describe('the demo register', () => {
  it('has an owner and a förvaltare for every kommungemensamt system, and exactly the gaps meant', async () => {
    const tenant = await findTenantBySlug(database.db, 'styrby');
    const actor = systemActor(tenant!.id);
    const shared = await listSystems(database.db, actor, { scope: 'shared', limit: 200 });
    const gaps = await listResponsibilities(database.db, actor, { gaps: true, limit: 200 });
    const gapNames = gaps.items.map((g) => `${g.systemName}:${g.kind}`);
    for (const system of shared.items.filter((s) => s.phase !== 'retired')) {
      expect(gapNames.filter((g) => g.startsWith(`${system.name}:`))).toEqual([]);
    }
    expect(gapNames.sort()).toEqual(
      [
        'Driftövervakning VA (SCADA):systemOwner',
        'Förskolans närvaro och schema:systemOwner',
        'Livsmedelskontroll mobil:systemManager',
      ].sort(),
    );
    const leaver = gaps.items.find((g) => g.systemName === 'Livsmedelskontroll mobil');
    expect(leaver).toMatchObject({ personName: 'Samuel Berggren', personArchived: true });
    const roles = await listResponsibilities(database.db, actor, { limit: 200 });
    expect(roles.items.length).toBeGreaterThan(100);
  });
});

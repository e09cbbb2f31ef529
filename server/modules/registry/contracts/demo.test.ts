import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../db/testing.ts';
import { productSeam } from '../../../modules.ts';
import { systemActor } from '../../../platform/context.ts';
import { loadDemo } from '../../../platform/directory/demo.ts';
import { findTenantBySlug } from '../../../platform/directory/service.ts';
import { unitCosts } from './costs.ts';
import { listLicences } from './licences.ts';
import { listContracts } from './service.ts';

// The demo's contracts, licences and costs as the lists and reports show them.

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database.db, productSeam());
});
afterAll(() => database.dispose());

it('has contracts ending soon, one past its notice deadline, DPAs missing, licences and costs that add up', async () => {
  const styrby = await findTenantBySlug(database.db, 'styrby');
  const actor = systemActor(styrby!.id);
  const query = { limit: 200, includeArchived: false, sort: 'title' as const };
  const all = (await listContracts(database.db, actor, query)).items;
  expect(all.length).toBeGreaterThanOrEqual(20);
  expect(new Set(all.map((c) => c.supplierId)).size).toBe(12);
  const soon = (await listContracts(database.db, actor, { ...query, endingWithinMonths: 6 })).items;
  expect(soon.length).toBeGreaterThanOrEqual(4);
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
  expect(all.filter((c) => c.noticeDeadline && c.noticeDeadline < today && c.endsOn! >= today)).toHaveLength(
    1,
  );
  expect(
    (await listContracts(database.db, actor, { ...query, dpaMissing: true })).items.length,
  ).toBeGreaterThan(0);
  expect(
    (await listLicences(database.db, actor, { limit: 200, includeArchived: false })).items.length,
  ).toBeGreaterThan(5);
  for (const year of [2025, 2026]) {
    const costs = await unitCosts(database.db, actor, year);
    expect(costs.total).toBeGreaterThan(0);
    expect(costs.units.reduce((sum, u) => sum + u.amount, 0) + costs.unallocated).toBe(costs.total);
  }
});

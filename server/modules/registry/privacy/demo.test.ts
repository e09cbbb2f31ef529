import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../db/testing.ts';
import { productSeam } from '../../../modules.ts';
import { loadDemo } from '../../../platform/directory/demo.ts';
import { units } from '../../../platform/directory/schema.ts';
import { findTenantBySlug } from '../../../platform/directory/service.ts';
import { managementObjectSystems, managementObjects, managementPlans } from '../management/schema.ts';
import { processingActivities } from './schema.ts';

// The demo's processing register and förvaltningsobjekt hold what the demo promises. One file
// for both parts, so that the whole demo is loaded once.

let database: TestDatabase;
let styrby: string;
let grannby: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database.db, productSeam());
  styrby = (await findTenantBySlug(database.db, 'styrby'))!.id;
  grannby = (await findTenantBySlug(database.db, 'grannby'))!.id;
});
afterAll(() => database.dispose());

describe('demo register', () => {
  it('has a dozen processing activities of nämnder and a bolag, sensitive ones with a DPIA, one transfer under SCC', async () => {
    const rows = await database.db
      .select({ a: processingActivities, kind: units.kind })
      .from(processingActivities)
      .innerJoin(
        units,
        and(
          eq(units.tenantId, processingActivities.tenantId),
          eq(units.id, processingActivities.controllerId),
        ),
      )
      .where(eq(processingActivities.tenantId, styrby));
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(new Set(rows.map((r) => r.a.controllerId)).size).toBeGreaterThanOrEqual(5);
    expect(rows.some((r) => r.kind === 'company')).toBe(true);
    expect(
      rows.filter((r) => r.a.sensitiveData && r.a.dpiaRequired && r.a.dpiaDate).length,
    ).toBeGreaterThanOrEqual(3);
    const transfers = rows.filter((r) => r.a.thirdCountryTransfer);
    expect(transfers).toHaveLength(1);
    expect(transfers[0]!.a.transferSafeguard).toBe('scc');
    const none = await database.db
      .select({ id: processingActivities.id })
      .from(processingActivities)
      .where(eq(processingActivities.tenantId, grannby));
    expect(none).toEqual([]);
  });

  it('has three förvaltningsobjekt with systems and plans for 2025 (with outcome) and 2026', async () => {
    const objects = await database.db
      .select()
      .from(managementObjects)
      .where(eq(managementObjects.tenantId, styrby));
    expect(objects.map((o) => o.name).sort()).toEqual(['Ekonomi', 'Lön och personal', 'Skoladministration']);
    const members = await database.db
      .select()
      .from(managementObjectSystems)
      .where(eq(managementObjectSystems.tenantId, styrby));
    expect(members.length).toBeGreaterThanOrEqual(9);
    const plans = await database.db
      .select()
      .from(managementPlans)
      .where(eq(managementPlans.tenantId, styrby));
    expect(plans).toHaveLength(6);
    expect(plans.filter((p) => p.year === 2025).every((p) => p.outcomeMaintenance !== null)).toBe(true);
    expect(plans.filter((p) => p.year === 2026).every((p) => p.outcomeMaintenance === null)).toBe(true);
  });
});

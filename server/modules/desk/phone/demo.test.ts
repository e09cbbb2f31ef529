import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../platform/context.ts';
import { createTestContext, type TestContext } from '../../../testing.ts';
import { demoCalls, loadPhoneDemo } from './demo.ts';
import { callStats, listImports } from './service.ts';

// The demo's two years of Styrby's calls: loaded in one bulk write, quickly enough to load in every
// test that loads the demo, and believable: the volumes, seasons and waits a kommun's desk sees.

let t: TestContext;
let loadMs = 0;

beforeAll(async () => {
  t = await createTestContext();
  const started = performance.now();
  await loadPhoneDemo(t.db, {
    id: t.a.id,
    slug: 'styrby',
    actor: systemActor(t.a.id, 'Demodata'),
    unitId: () => t.a.unitId,
    personId: () => t.a.adminId,
  });
  loadMs = performance.now() - started;
});
afterAll(() => t.close());

describe('the phone demo', () => {
  it('loads two years of calls as one import', async () => {
    const imports = await listImports(t.db, t.a.actor);
    expect(imports).toHaveLength(1);
    expect(imports[0]!.added).toBe(imports[0]!.rows);
    expect(imports[0]!.rows).toBeGreaterThan(35_000);
    // Timing is only reported: on a shared machine it says more about the neighbours than the code.
    console.info(`phone demo: ${imports[0]!.rows} calls in ${Math.round(loadMs)} ms`);
  });

  it('has 60–150 calls a working day, more in January and August, few abandoned, most within 60 s', async () => {
    const months = await callStats(t.db, t.a.actor, {
      from: '2000-01-01',
      to: '2100-12-31',
      groupBy: 'month',
    });
    const byMonth = new Map(months.periods.map((p) => [p.period.slice(0, 7), p]));
    const year = Number(months.periods.at(-2)!.period.slice(0, 4)) - 1;
    const at = (m: number) => byMonth.get(`${year}-${String(m).padStart(2, '0')}`)!.offered;
    expect(at(8)).toBeGreaterThan(at(6));
    expect(at(1)).toBeGreaterThan(at(3));
    expect(at(7)).toBeLessThan(at(6));
    const days = await callStats(t.db, t.a.actor, { from: '2000-01-01', to: '2100-12-31', groupBy: 'day' });
    const volumes = days.periods.map((p) => p.offered).sort((a, b) => a - b);
    const median = volumes[Math.floor(volumes.length / 2)]!;
    expect(median).toBeGreaterThanOrEqual(60);
    expect(median).toBeLessThanOrEqual(150);
    const total = months.total;
    expect(total.abandoned / total.offered).toBeGreaterThan(0.02);
    expect(total.abandoned / total.offered).toBeLessThan(0.12);
    expect(total.shareWithinTarget!).toBeGreaterThan(0.75);
    expect(total.shareWithinTarget!).toBeLessThan(0.97);
    expect(total.p90WaitSeconds!).toBeGreaterThan(40);
    expect(months.queues).toEqual(['Servicedesk', 'Skolsupport']);
  });

  it('is the same every load: a seeded generator', () => {
    const end = new Date('2026-06-01T12:00:00Z');
    expect(demoCalls(end).slice(0, 50)).toEqual(demoCalls(end).slice(0, 50));
  });
});

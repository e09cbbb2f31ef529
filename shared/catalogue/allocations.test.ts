import { describe, expect, it } from 'vitest';
import { allocationCreate, allocationProblems, splitPool } from './allocations.ts';

// The split of a shared cost by an allocation key: largest remainder, exact to the öre. The run's
// SQL (server/modules/catalogue/allocations/compute.ts) is held to this by the integration test.

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';
const c = '00000000-0000-4000-8000-00000000000c';
const sum = (xs: { amount: number }[]) => xs.reduce((s, x) => s + x.amount, 0);

describe('splitPool', () => {
  it('splits evenly divisible pools exactly', () => {
    expect(
      splitPool(600, [
        { unitId: a, weight: 1 },
        { unitId: b, weight: 2 },
      ]),
    ).toEqual([
      { unitId: a, amount: 200 },
      { unitId: b, amount: 400 },
    ]);
  });

  it('gives the left-over öre to the largest remainders, ties by unit id', () => {
    // 100 / 3: 33 each, one öre left, the three remainders equal: the lowest id takes it.
    const three = splitPool(100, [
      { unitId: c, weight: 1 },
      { unitId: b, weight: 1 },
      { unitId: a, weight: 1 },
    ]);
    expect(three).toEqual([
      { unitId: c, amount: 33 },
      { unitId: b, amount: 33 },
      { unitId: a, amount: 34 },
    ]);
    // 10 by 1:1:4 = 1.67, 1.67, 6.67: two öre left, to the two with the largest remainder (all
    // 2/3: a and b by id), not to the largest unit.
    expect(
      splitPool(10, [
        { unitId: a, weight: 1 },
        { unitId: b, weight: 1 },
        { unitId: c, weight: 4 },
      ]),
    ).toEqual([
      { unitId: a, amount: 2 },
      { unitId: b, amount: 2 },
      { unitId: c, amount: 6 },
    ]);
    // 1000 by 3:3:1 = 428.57, 428.57, 142.86: the third has the largest remainder.
    expect(
      splitPool(1000, [
        { unitId: a, weight: 3 },
        { unitId: b, weight: 3 },
        { unitId: c, weight: 1 },
      ]),
    ).toEqual([
      { unitId: a, amount: 429 },
      { unitId: b, amount: 428 },
      { unitId: c, amount: 143 },
    ]);
  });

  it('leaves units of weight 0 out, and nothing to split over nothing', () => {
    expect(
      splitPool(500, [
        { unitId: a, weight: 0 },
        { unitId: b, weight: 7 },
      ]),
    ).toEqual([{ unitId: b, amount: 500 }]);
    expect(splitPool(500, [{ unitId: a, weight: 0 }])).toEqual([]);
    expect(splitPool(500, [])).toEqual([]);
  });

  it('always sums to the pool, also for large pools and weights', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const pool = 1 + rand(2_000_000_000) * 500;
      const units = Array.from({ length: 1 + rand(40) }, (_, i) => ({
        unitId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        weight: rand(1_000_000),
      }));
      const split = splitPool(pool, units);
      if (units.some((u) => u.weight > 0)) expect(sum(split)).toBe(pool);
      for (const s of split) expect(s.amount).toBeGreaterThanOrEqual(0);
    }
    expect(
      sum(
        splitPool(25_000_000, [
          { unitId: a, weight: 1_000_000 },
          { unitId: b, weight: 1 },
        ]),
      ),
    ).toBe(25_000_000);
  });
});

describe('allocationProblems', () => {
  const base = {
    name: 'Gemensam IT-infrastruktur',
    amount: 25_000_000,
    account: '6550',
    key: 'users',
    spread: 'all',
  } as const;

  it('accepts a plain allocation by users over every unit', () => {
    expect(allocationProblems(allocationCreate.parse(base))).toEqual([]);
  });

  it('names the field of each rule broken', () => {
    const paths = (input: object) =>
      allocationProblems(allocationCreate.parse({ ...base, ...input })).map((p) => p.path);
    expect(paths({ account: null })).toEqual(['body.account']);
    expect(paths({ spread: 'chosen' })).toEqual(['body.unitIds']);
    expect(paths({ unitIds: [a] })).toEqual(['body.unitIds']);
    expect(paths({ spread: 'chosen', unitIds: [a, a] })).toEqual(['body.unitIds']);
    expect(paths({ key: 'fixed' })).toEqual(['body.shares']);
    expect(paths({ shares: [{ unitId: a, weight: 1 }] })).toEqual(['body.shares']);
    expect(
      paths({
        key: 'fixed',
        shares: [
          { unitId: a, weight: 1 },
          { unitId: a, weight: 2 },
        ],
      }),
    ).toEqual(['body.shares']);
  });
});

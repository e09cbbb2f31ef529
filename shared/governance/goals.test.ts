import { describe, expect, it } from 'vitest';
import { assess, targetFor } from './goals.ts';
import { summarize } from './plans.ts';

// Whether a year reaches its target by the indicator's direction, which target applies to a year,
// and a plan's initiatives summed by status and cost: what the follow-up page shows.

describe('assess', () => {
  it('reads more as better, less as better, or as it is within 5 %', () => {
    expect(assess('increase', 12, 10)).toBe('met');
    expect(assess('increase', 9, 10)).toBe('notMet');
    expect(assess('decrease', 1_500_000, 1_700_000)).toBe('met');
    expect(assess('decrease', 1_800_000, 1_700_000)).toBe('notMet');
    expect(assess('keep', 82, 80)).toBe('met');
    expect(assess('keep', 70, 80)).toBe('notMet');
    expect(assess('increase', null, 10)).toBe('unknown');
    expect(assess('increase', 3, null)).toBe('unknown');
  });
});

describe('targetFor', () => {
  const indicator = {
    target: 100,
    years: [{ year: 2025, target: 80, value: 70, origin: 'manual' as const, frozenAt: null }],
  };
  it("takes the year's own target, else the final one", () => {
    expect(targetFor(indicator, 2025)).toBe(80);
    expect(targetFor(indicator, 2026)).toBe(100);
    expect(targetFor({ target: null, years: [] }, 2026)).toBeNull();
  });
});

describe('summarize', () => {
  it('counts initiatives by status and adds the costs that are known', () => {
    expect(
      summarize([
        { status: 'cancelled', plannedCost: null, outcomeCost: 400_000_000 },
        { status: 'inProgress', plannedCost: 150_000_000, outcomeCost: null },
        { status: 'inProgress', plannedCost: 50_000_000, outcomeCost: 10_000_000 },
      ]),
    ).toEqual({
      byStatus: { planned: 0, inProgress: 2, done: 0, cancelled: 1, postponed: 0 },
      plannedCost: 200_000_000,
      outcomeCost: 410_000_000,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { benefitOf, monthsAfter } from './benefits.ts';

// The pure parts of benefit follow-up: the benefit in the goal's direction, and the follow-up
// dates months after a project's closure (kept within the month: 31 August + 6 months is the last
// of February).

describe('benefit follow-up', () => {
  it('counts the benefit from the baseline in the direction of the goal', () => {
    expect(benefitOf({ direction: 'decrease', baseline: 1500 }, 750)).toBe(750);
    expect(benefitOf({ direction: 'increase', baseline: 35 }, 80)).toBe(45);
    expect(benefitOf({ direction: 'decrease', baseline: 100 }, 120)).toBe(-20);
  });

  it('gives the dates months after closure, within the month', () => {
    expect(monthsAfter('2026-06-30', [6, 12, 24])).toEqual(['2026-12-30', '2027-06-30', '2028-06-30']);
    expect(monthsAfter('2025-08-31', [6])).toEqual(['2026-02-28']);
    expect(monthsAfter('2027-08-31', [6])).toEqual(['2028-02-29']);
    expect(monthsAfter('2026-12-15', [1])).toEqual(['2027-01-15']);
  });
});

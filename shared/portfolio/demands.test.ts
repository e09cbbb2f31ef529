import { describe, expect, it } from 'vitest';
import { defaultScoring, mayTransition, scoreOf } from './demands.ts';

// The scoring model's arithmetic and the allowed status steps, as server and web share them.

describe('scoreOf', () => {
  it('is the weighted mean of the ratings over 5, 0–100 with two decimals', () => {
    expect(scoreOf(defaultScoring, {})).toBe(0);
    expect(scoreOf(defaultScoring, { benefit: 5, strategy: 5, urgency: 5, feasibility: 5, lowRisk: 5 })).toBe(
      100,
    );
    // benefit 30 × 4 + strategy 25 × 2 = 170 of 500 → 34.
    expect(scoreOf(defaultScoring, { benefit: 4, strategy: 2 })).toBe(34);
    expect(scoreOf([{ key: 'a', label: 'A', weight: 0 }], { a: 5 })).toBe(0);
    expect(scoreOf([{ key: 'a', label: 'A', weight: 3 }], { a: 1 })).toBe(20);
  });
});

describe('mayTransition', () => {
  it('follows the steps, an outcome narrowing what follows a decision', () => {
    expect(mayTransition('received', 'preparing', null)).toBe(true);
    expect(mayTransition('received', 'decided', null)).toBe(false);
    expect(mayTransition('readyForDecision', 'decided', null)).toBe(false);
    expect(mayTransition('decided', 'inProgress', 'approved')).toBe(true);
    expect(mayTransition('decided', 'inProgress', 'rejected')).toBe(false);
    expect(mayTransition('decided', 'preparing', 'deferred')).toBe(true);
    expect(mayTransition('decided', 'preparing', 'approved')).toBe(false);
    expect(mayTransition('closed', 'received', null)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { figureDefinitions, perCount, periodEnd } from './figures.ts';

// The pure parts of the cost figures' definitions: the day the counts are taken on, and cost per count.

describe('the definitions of the cost figures', () => {
  it('counts on the last day of a past year, on today in the current year', () => {
    expect(periodEnd(2025, '2026-12-03')).toBe('2025-12-31');
    expect(periodEnd(2026, '2026-12-03')).toBe('2026-12-03');
    expect(periodEnd(2026, '2026-12-31')).toBe('2026-12-31');
    expect(periodEnd(2027, '2026-12-03')).toBe('2027-12-31');
  });

  it('divides cost by a count to whole öre, none for no count', () => {
    expect(perCount(100_000, 3)).toBe(33_333);
    expect(perCount(200_000, 3)).toBe(66_667);
    expect(perCount(-100, 1)).toBe(-100);
    expect(perCount(100_000, 0)).toBeNull();
  });

  it('states every definition in Swedish and English', () => {
    for (const d of Object.values(figureDefinitions)) {
      expect(d.sv.length).toBeGreaterThan(40);
      expect(d.en.length).toBeGreaterThan(40);
    }
  });
});

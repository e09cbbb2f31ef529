import { describe, expect, it } from 'vitest';
import { assetCreate, bookValue, mayTransition, replacementDue } from './assets.ts';

// The pure rules of rental equipment: when an asset is due for replacement, its book value, and
// which state each action may start from.

describe('rental assets', () => {
  it('is due for replacement when written off: the purchase date plus the months', () => {
    expect(replacementDue('2026-01-10', 48)).toBe('2030-01-10');
    // The end of a month stays in its month (31 January + 1 month is the last of February).
    expect(replacementDue('2026-01-31', 1)).toBe('2026-02-28');
    expect(replacementDue('2023-08-31', 6)).toBe('2024-02-29');
  });

  it('depreciates straight by whole months, never below zero', () => {
    expect(bookValue(48_000_00, '2026-01-15', 48, '2026-01-31')).toBe(48_000_00);
    expect(bookValue(48_000_00, '2026-01-15', 48, '2027-01-01')).toBe(36_000_00);
    expect(bookValue(48_000_00, '2026-01-15', 48, '2035-01-01')).toBe(0);
    expect(bookValue(48_000_00, '2026-01-15', 48, '2025-01-01')).toBe(48_000_00);
  });

  it('issues from stock or a return, returns what is issued, scraps only what is not issued', () => {
    expect(mayTransition('issue', 'inStock')).toBe(true);
    expect(mayTransition('issue', 'returned')).toBe(true);
    expect(mayTransition('issue', 'issued')).toBe(false);
    expect(mayTransition('issue', 'scrapped')).toBe(false);
    expect(mayTransition('return', 'issued')).toBe(true);
    expect(mayTransition('return', 'inStock')).toBe(false);
    expect(mayTransition('scrap', 'issued')).toBe(false);
    expect(mayTransition('scrap', 'returned')).toBe(true);
    expect(mayTransition('scrap', 'scrapped')).toBe(false);
  });

  it('refuses an asset without its purchase facts', () => {
    const r = assetCreate.safeParse({ serial: ' ', model: 'X', kind: 'computer' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(
      ['depreciationMonths', 'offeringId', 'purchaseValue', 'purchasedOn', 'serial'].sort(),
    );
  });
});

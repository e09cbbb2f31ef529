import { describe, expect, it } from 'vitest';
import { cardInEffect, withVat } from './offerings.ts';
import { type SimOffering, simulate, yearCost } from './simulation.ts';

// The catalogue's pure maths, figures by hand: roll-forward of rate cards, moms 25 %, a year's
// cost with a price changing mid-year, and a cost-covering price that rises as volume falls.

const offering = (o: Partial<SimOffering>): SimOffering => ({
  id: 'o',
  name: 'O',
  priceModel: 'perUnitMonthly',
  pricing: 'price',
  cards: [],
  ...o,
});

describe('rate cards and VAT', () => {
  it('answers the latest card starting on or before the month', () => {
    const cards = [{ startsOn: '2026-01-01' }, { startsOn: '2026-07-01' }, { startsOn: '2025-01-01' }];
    expect(cardInEffect(cards, '2024-12-01')).toBeUndefined();
    expect(cardInEffect(cards, '2025-12-15')?.startsOn).toBe('2025-01-01');
    expect(cardInEffect(cards, '2026-06-30')?.startsOn).toBe('2026-01-01');
    expect(cardInEffect(cards, '2031-01-01')?.startsOn).toBe('2026-07-01');
  });

  it('adds moms 25 % in whole öre', () => {
    expect(withVat(52_000)).toBe(65_000);
    expect(withVat(45)).toBe(56); // 56,25 öre
    expect(withVat(2)).toBe(3); // 2,5 rounds up
  });
});

describe('a year of cost', () => {
  it('sums the price in effect each month', () => {
    // 100 kr Jan–Mar, 130 kr Apr–Dec: 3 × 100 + 9 × 130 = 1 470 kr a computer.
    const o = offering({
      cards: [
        { startsOn: '2027-01-01', internalPrice: 100_00, totalCost: null },
        { startsOn: '2027-04-01', internalPrice: 130_00, totalCost: null },
      ],
    });
    const r = yearCost(o, 2027, new Map([['u', 2]]));
    expect(r.perUnit.get('u')).toBe(2 * 1470_00);
    expect(r.price).toBe(Math.round((3 * 100_00 + 9 * 130_00) / 12));
  });

  it('spreads hours over the year and counts no month before the first card', () => {
    // 850 kr an hour from July: half of 120 hours priced, 60 × 850 = 51 000 kr.
    const o = offering({
      priceModel: 'perHour',
      cards: [{ startsOn: '2027-07-01', internalPrice: 850_00, totalCost: null }],
    });
    expect(yearCost(o, 2027, new Map([['u', 120]])).perUnit.get('u')).toBe(51_000_00);
  });

  it('divides a cost-covering total over the volume, so the price per unit rises as volume falls', () => {
    const o = offering({
      pricing: 'costCovering',
      cards: [{ startsOn: '2026-01-01', internalPrice: null, totalCost: 60_000_00 }],
    });
    const base = new Map([
      [
        'a',
        new Map([
          ['u1', 300],
          ['u2', 200],
        ]),
      ],
    ]);
    const next = new Map([
      [
        'a',
        new Map([
          ['u1', 300],
          ['u2', 100],
        ]),
      ],
    ]);
    const r = simulate(
      2027,
      [{ ...o, id: 'a' }],
      base,
      next,
      new Map([
        ['u1', 'Ett'],
        ['u2', 'Två'],
      ]),
    );
    // 60 000 kr a year over 500 GB: 10 kr a GB and month; over 400 GB: 12,50 kr.
    expect(r.offerings[0]).toMatchObject({
      basePrice: 10_00,
      nextPrice: 12_50,
      baseCost: 60_000_00,
      nextCost: 60_000_00,
    });
    expect(r.units.map((u) => [u.name, u.baseCost, u.nextCost])).toEqual([
      ['Ett', 36_000_00, 45_000_00],
      ['Två', 24_000_00, 15_000_00],
    ]);
  });
});

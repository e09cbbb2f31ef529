import { describe, expect, it } from 'vitest';
import { billedDays, daysInMonth, nextPeriod, periodBounds, subscriptionAmount } from './runs.ts';

// The chargeback run's rules in JS: the days of a month in billing mode and the amount whole
// month or by day. The run's SQL (server/modules/catalogue/runs/compute.ts) is held to these by
// the integration test.

const billing = [{ mode: 'billing', fromOn: '2025-01-01' }];

describe('the month', () => {
  it('knows its days, bounds and successor', () => {
    expect(daysInMonth('2024-02')).toBe(29);
    expect(daysInMonth('2025-02')).toBe(28);
    expect(daysInMonth('2025-12')).toBe(31);
    expect(periodBounds('2025-04')).toEqual({ start: '2025-04-01', end: '2025-04-30' });
    expect(nextPeriod('2025-12')).toBe('2026-01');
    expect(nextPeriod('2025-09')).toBe('2025-10');
  });
});

describe('billed days', () => {
  it('counts the days of the month the subscription runs', () => {
    expect(billedDays('2025-03', '2024-06-01', null, billing)).toBe(31);
    expect(billedDays('2025-03', '2025-03-10', null, billing)).toBe(22);
    expect(billedDays('2025-03', '2025-03-10', '2025-03-10', billing)).toBe(1);
    expect(billedDays('2025-03', '2025-01-10', '2025-03-31', billing)).toBe(31);
    expect(billedDays('2025-03', '2025-04-01', null, billing)).toBe(0);
    expect(billedDays('2025-03', '2025-01-01', '2025-02-28', billing)).toBe(0);
  });

  it('counts only the days in billing mode', () => {
    expect(billedDays('2025-03', '2025-01-01', null, [])).toBe(0);
    const back = [
      { mode: 'billing', fromOn: '2025-03-10' },
      { mode: 'qualitySteering', fromOn: '2025-03-20' },
      { mode: 'billing', fromOn: '2025-03-26' },
    ];
    // 10th–19th and 26th–31st.
    expect(billedDays('2025-03', '2025-01-01', null, back)).toBe(16);
    expect(billedDays('2025-03', '2025-03-15', '2025-03-27', back)).toBe(7);
    expect(billedDays('2025-04', '2025-01-01', null, back)).toBe(30);
    expect(billedDays('2025-02', '2025-01-01', null, back)).toBe(0);
    // In any order.
    expect(billedDays('2025-03', '2025-01-01', null, [...back].reverse())).toBe(16);
  });
});

describe('the amount', () => {
  it('charges a whole month when billed on any day', () => {
    expect(subscriptionAmount('month', 3, 45_000, 1, 31)).toBe(135_000);
    expect(subscriptionAmount('month', 3, 45_000, 0, 31)).toBe(0);
  });

  it('charges by day, rounded half up to whole öre', () => {
    expect(subscriptionAmount('day', 1, 45_000, 31, 31)).toBe(45_000);
    expect(subscriptionAmount('day', 1, 45_000, 10, 31)).toBe(14_516); // 14 516.13
    expect(subscriptionAmount('day', 1, 3, 1, 2)).toBe(2); // 1.5 → 2
    expect(subscriptionAmount('day', 1, 1, 1, 3)).toBe(0); // 0.33 → 0
    expect(subscriptionAmount('day', 7, 47_333, 13, 30)).toBe(143_577); // 143 576.77
    // Exact also where a float would not be.
    expect(subscriptionAmount('day', 10_000, 9_999_999_999, 17, 31)).toBe(54_838_709_671_935);
  });
});

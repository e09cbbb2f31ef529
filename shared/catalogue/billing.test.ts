import { describe, expect, it } from 'vitest';
import { billingToday, inheritedModeOn, inheritedSwitches, modeOn } from './billing.ts';

// A switch passes down the unit tree: the nearest unit at or above with a switch on or before a
// date decides. The förvaltning below bills from January; the school has its own switch back to
// quality steering in March and to billing in September; the class below the school has none.

const forvaltning = [
  { mode: 'billing', fromOn: '2025-01-01' },
  { mode: 'qualitySteering', fromOn: '2026-01-01' },
];
const school = [
  { mode: 'qualitySteering', fromOn: '2025-03-01' },
  { mode: 'billing', fromOn: '2025-09-01' },
];
const unit = (id: string) => ({ id, name: id });

describe('inherited billing mode', () => {
  it('follows the nearest unit above until the unit has a switch of its own', () => {
    const chain = [[], school, forvaltning];
    expect(inheritedModeOn(chain, '2024-12-31')).toEqual({ mode: 'qualitySteering', level: null });
    expect(inheritedModeOn(chain, '2025-01-01')).toEqual({ mode: 'billing', level: 2 });
    expect(inheritedModeOn(chain, '2025-03-01')).toEqual({ mode: 'qualitySteering', level: 1 });
    expect(inheritedModeOn(chain, '2025-09-01')).toEqual({ mode: 'billing', level: 1 });
    // The förvaltning's return to quality steering no longer reaches the school.
    expect(inheritedModeOn(chain, '2026-02-01')).toEqual({ mode: 'billing', level: 1 });
  });

  it('flattens the chain into the switches that decide, the same answer for every day', () => {
    const chain = [[], school, forvaltning];
    const flat = inheritedSwitches(chain);
    expect(flat.map((s) => s.fromOn)).toEqual(['2025-01-01', '2025-03-01', '2025-09-01']);
    for (let d = Date.UTC(2024, 11, 1); d < Date.UTC(2026, 2, 1); d += 86_400_000) {
      const day = new Date(d).toISOString().slice(0, 10);
      expect(modeOn(flat, day), day).toBe(inheritedModeOn(chain, day).mode);
    }
  });

  it('answers today, where it comes from and the next change that reaches the unit', () => {
    const chain = [
      { unit: unit('class'), switches: [] },
      { unit: unit('school'), switches: school },
      { unit: unit('forvaltning'), switches: forvaltning },
    ];
    expect(billingToday(chain, '2025-02-01')).toEqual({
      mode: 'billing',
      since: '2025-01-01',
      inheritedFrom: unit('forvaltning'),
      next: { mode: 'qualitySteering', fromOn: '2025-03-01' },
    });
    expect(billingToday(chain, '2025-10-01')).toEqual({
      mode: 'billing',
      since: '2025-09-01',
      inheritedFrom: unit('school'),
      next: null,
    });
    expect(billingToday(chain.slice(1), '2025-10-01').inheritedFrom).toBeNull();
    expect(billingToday([{ unit: unit('alone'), switches: [] }], '2025-10-01')).toEqual({
      mode: 'qualitySteering',
      since: null,
      inheritedFrom: null,
      next: null,
    });
  });
});

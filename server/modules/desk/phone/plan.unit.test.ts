import { describe, expect, it } from 'vitest';
import { numberDuplicates, parseOutcome, parseTime, parseWait } from './plan.ts';

// The cells of a telephony export, read without a database.

describe('reading call cells', () => {
  it('reads waits as seconds, minutes:seconds or hours:minutes:seconds', () => {
    expect(parseWait('45')).toBe(45);
    expect(parseWait('45,4')).toBe(45);
    expect(parseWait('0:45')).toBe(45);
    expect(parseWait('1:05')).toBe(65);
    expect(parseWait('00:01:05')).toBe(65);
    expect(parseWait('-3')).toBe('A wait cannot be negative');
    expect(parseWait('1:75')).toMatch(/^Must be/);
    expect(parseWait('=1+1')).toMatch(/^Must be/);
    expect(parseWait('90000')).toBe('A wait longer than a day is not a phone call');
  });

  it('reads outcomes in Swedish and English', () => {
    for (const w of ['ja', 'Ja', 'besvarat', 'Answered', 'yes', '1'])
      expect(parseOutcome(w)).toBe('answered');
    for (const w of ['nej', 'avbrutet', 'Abandoned', 'no', '0', 'lagt på'])
      expect(parseOutcome(w)).toBe('abandoned');
    expect(parseOutcome('kanske')).toContain('kanske');
  });

  it('reads times with an offset as given, without one as Stockholm time across summer time', () => {
    expect((parseTime('2026-01-05 08:03') as Date).toISOString()).toBe('2026-01-05T07:03:00.000Z');
    expect((parseTime('2026-06-05T08:03:04') as Date).toISOString()).toBe('2026-06-05T06:03:04.000Z');
    expect((parseTime('2026-06-05T08:03:04Z') as Date).toISOString()).toBe('2026-06-05T08:03:04.000Z');
    expect((parseTime('2026-06-05 08:03:04+0530') as Date).toISOString()).toBe('2026-06-05T02:33:04.000Z');
    expect((parseTime('08:03', '2026-01-05') as Date).toISOString()).toBe('2026-01-05T07:03:00.000Z');
    // ExcelJS's text of a date cell: the wall clock as UTC, whatever the server's zone.
    expect((parseTime('Mon Jan 05 2026 09:03:04 GMT+0100 (CET)') as Date).toISOString()).toBe(
      '2026-01-05T07:03:04.000Z',
    );
    expect(parseTime('2026-02-30 08:00')).toBe('No such date or time');
    expect(parseTime('2026-01-05')).toMatch(/^Must be a time/);
    expect(parseTime('08:03', '05/01/2026')).toBe('Must be a date YYYY-MM-DD');
  });

  it('numbers calls alike in every field 1, 2 … and others 1', () => {
    const at = new Date('2026-01-05T07:00:00Z');
    const call = { line: 2, at, queue: 'Q', waitedSeconds: 5, outcome: 'answered' as const };
    expect(numberDuplicates([call, call, { ...call, waitedSeconds: 6 }, call]).map((c) => c.seq)).toEqual([
      1, 2, 1, 3,
    ]);
  });
});

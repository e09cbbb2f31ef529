import { describe, expect, it } from 'vitest';
import { childLevel, codeSortKey, parentLevel, processCode } from './processes.ts';

describe('process codes and levels', () => {
  it('orders codes as people read them: 3.2 before 3.10, 3 before 3.1', () => {
    const codes = ['3.10', '3.2', '10', '3', '3.2.1', '2.9', 'A.1', '3.1'];
    expect([...codes].sort((a, b) => (codeSortKey(a) < codeSortKey(b) ? -1 : 1))).toEqual([
      '2.9',
      '3',
      '3.1',
      '3.2',
      '3.2.1',
      '3.10',
      '10',
      'A.1',
    ]);
  });

  it('accepts dotted segments of letters and digits only', () => {
    for (const ok of ['3', '3.2.1', 'KS.1', 'Ä1.2']) expect(processCode.safeParse(ok).success).toBe(true);
    for (const bad of ['', '3..2', '.3', '3.', '3 2', '3/2', '3.\n2'])
      expect(processCode.safeParse(bad).success, bad).toBe(false);
  });

  it('nests the four levels in order', () => {
    expect(childLevel('activityType')).toBe('area');
    expect(childLevel('group')).toBe('process');
    expect(childLevel('process')).toBeNull();
    expect(parentLevel('activityType')).toBeNull();
    expect(parentLevel('process')).toBe('group');
  });
});

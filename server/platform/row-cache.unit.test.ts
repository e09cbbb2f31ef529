import { describe, expect, it } from 'vitest';
import { RowCache } from './row-cache.ts';

describe('row cache', () => {
  it('answers a value only for the version of the row it was rendered from, and per tenant', () => {
    const cache = new RowCache<string>(1000, (v) => v.length);
    cache.set('A', 'r1', '100', 'one');
    expect(cache.get('A', 'r1', '100')).toBe('one');
    expect(cache.get('A', 'r1', '101')).toBeUndefined();
    expect(cache.get('B', 'r1', '100')).toBeUndefined();
    cache.set('A', 'r1', '101', 'two');
    expect(cache.get('A', 'r1', '100')).toBeUndefined();
    expect(cache.get('A', 'r1', '101')).toBe('two');
    expect(cache.size).toBe(1);
  });

  it('drops the first read values beyond its size, and keeps none larger than it', () => {
    const cache = new RowCache<string>(10, (v) => v.length);
    cache.set('A', '1', 'v', 'aaaa');
    cache.set('A', '2', 'v', 'bbbb');
    cache.set('A', '1', 'w', 'AAAA'); // read again: now the latest
    cache.set('A', '3', 'v', 'cccc');
    expect(cache.get('A', '2', 'v')).toBeUndefined();
    expect(cache.get('A', '1', 'w')).toBe('AAAA');
    expect(cache.get('A', '3', 'v')).toBe('cccc');
    cache.set('A', '4', 'v', 'x'.repeat(11));
    expect(cache.get('A', '4', 'v')).toBeUndefined();
  });
});

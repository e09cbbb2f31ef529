import { describe, expect, it } from 'vitest';
import { DerivedCache } from './derived-cache.ts';

// The rules that keep a derived answer from outliving a change (derived-cache.ts), one by one;
// impact-cache.test.ts proves them end to end through the registry's triggers.

const kind = { channel: 'test', writes: /^update "t"/, maxBytes: 100, maxAgeMs: 60_000 };

/** An answer as text (the cache keeps and gives bytes). */
const get = async (cache: DerivedCache, ...args: Parameters<DerivedCache['get']>) =>
  (await cache.get(...args))?.toString();

function listening() {
  const cache = new DerivedCache(kind);
  cache.listening = true;
  return cache;
}

const counter = () => {
  let loads = 0;
  return {
    load: (value: string | undefined) => async () => {
      loads++;
      return value;
    },
    get loads() {
      return loads;
    },
  };
};

describe('derived cache', () => {
  it('keeps an answer per tenant and key, and drops a tenant on its notification only', async () => {
    const cache = listening();
    const c = counter();
    expect(await get(cache, 'A', 'k', c.load('a1'))).toBe('a1');
    expect(await get(cache, 'A', 'k', c.load('a2'))).toBe('a1');
    expect(await get(cache, 'B', 'k', c.load('b1'))).toBe('b1');
    cache.invalidate('A');
    expect(await get(cache, 'A', 'k', c.load('a3'))).toBe('a3');
    expect(await get(cache, 'B', 'k', c.load('b2'))).toBe('b1');
    expect(c.loads).toBe(3);
  });

  it('keeps nothing while not listening, and no answer of nothing found', async () => {
    const cache = new DerivedCache(kind);
    const c = counter();
    await get(cache, 'A', 'k', c.load('x'));
    await get(cache, 'A', 'k', c.load('x'));
    cache.listening = true;
    await get(cache, 'A', 'gone', c.load(undefined));
    await get(cache, 'A', 'gone', c.load(undefined));
    expect(c.loads).toBe(4);
    expect(cache.size).toBe(0);
  });

  it('does not keep what a load read before an invalidation', async () => {
    const cache = listening();
    let release!: () => void;
    const slow = get(cache, 'A', 'k', () => new Promise<string>((r) => (release = () => r('old'))));
    cache.invalidate('A');
    release();
    expect(await slow).toBe('old');
    expect(await get(cache, 'A', 'k', async () => 'new')).toBe('new');
  });

  it("keeps nothing for a moment after this process's own write", async () => {
    const cache = listening();
    await get(cache, 'A', 'k', async () => 'before');
    cache.written();
    expect(cache.size).toBe(0);
    expect(await get(cache, 'A', 'k', async () => 'during')).toBe('during');
    expect(await get(cache, 'A', 'k', async () => 'still loaded')).toBe('still loaded');
  });

  it('loads one answer once for concurrent misses', async () => {
    const cache = listening();
    const c = counter();
    const answers = await Promise.all([1, 2, 3].map(() => get(cache, 'A', 'k', c.load('one'))));
    expect(answers).toEqual(['one', 'one', 'one']);
    expect(c.loads).toBe(1);
  });

  it('drops the least recently used answers beyond its size', async () => {
    const cache = listening();
    const forty = (ch: string) => async () => ch.repeat(40);
    await get(cache, 'A', '1', forty('a'));
    await get(cache, 'A', '2', forty('b'));
    await get(cache, 'A', '1', forty('x')); // used again: now the most recent
    await get(cache, 'A', '3', forty('c')); // 120 > 100: the least recent (2) goes
    expect(await get(cache, 'A', '1', forty('y'))).toBe('a'.repeat(40));
    expect(await get(cache, 'A', '2', forty('z'))).toBe('z'.repeat(40));
  });
});

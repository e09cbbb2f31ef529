import { describe, expect, it } from 'vitest';
import { type CounterKey, NumberBatches } from './numbers.ts';

// The batching of ticket numbers (numbers.ts) against a counter kept in memory here: the database's
// side is tickets.test.ts (numbering under parallel creates, on PGlite and PostgreSQL).

function counter() {
  const last = new Map<string, number>();
  const calls: number[] = [];
  let fail = false;
  const reserve = async (key: CounterKey, count: number) => {
    await new Promise((r) => setTimeout(r, 5));
    calls.push(count);
    if (fail) throw new Error('counter down');
    const id = `${key.tenantId}:${key.type}:${key.year}`;
    const next = (last.get(id) ?? 0) + count;
    last.set(id, next);
    return next;
  };
  return { reserve, calls, failNext: (on: boolean) => (fail = on) };
}

const key: CounterKey = { tenantId: 't1', type: 'incident', year: 2026 };

describe('ticket numbers in batches', () => {
  it('gives creates waiting together one reservation, in the order they asked', async () => {
    const c = counter();
    const batches = new NumberBatches(c.reserve);
    const numbers = await Promise.all(Array.from({ length: 10 }, () => batches.take(key)));
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // The first goes at once; the nine that came while it was on its way go together.
    expect(c.calls).toEqual([1, 9]);
    expect(await batches.take(key)).toBe(11);
  });

  it('keeps the counters of tenants, types and years apart', async () => {
    const c = counter();
    const batches = new NumberBatches(c.reserve);
    const [a, b, d] = await Promise.all([
      batches.take(key),
      batches.take({ ...key, tenantId: 't2' }),
      batches.take({ ...key, year: 2027 }),
    ]);
    expect([a, b, d]).toEqual([1, 1, 1]);
  });

  it('fails only the batch whose reservation failed, and goes on after it', async () => {
    const c = counter();
    const batches = new NumberBatches(c.reserve);
    c.failNext(true);
    await expect(batches.take(key)).rejects.toThrow('counter down');
    c.failNext(false);
    expect(await batches.take(key)).toBe(1);
  });
});

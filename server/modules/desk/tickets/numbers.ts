import type { TicketType } from '../../../../shared/desk/tickets.ts';

// Ticket numbers handed out in batches: every create waiting in this process for a number of the
// same tenant, type and year while one reservation is on its way to the database gets its number
// from the next reservation, which takes them all at once. One reservation is in flight per key,
// so a process sends one statement per batch, not per ticket, and its numbers follow the order the
// creates asked in. Reserving is the caller's (tickets/service.ts takeNumber): it answers the last
// of `count` numbers it took.

export interface CounterKey {
  tenantId: string;
  type: TicketType;
  year: number;
}

interface Waiting {
  resolve: (n: number) => void;
  reject: (error: unknown) => void;
}

export class NumberBatches {
  readonly #reserve: (key: CounterKey, count: number) => Promise<number>;
  readonly #queues = new Map<string, Waiting[]>();

  constructor(reserve: (key: CounterKey, count: number) => Promise<number>) {
    this.#reserve = reserve;
  }

  take(key: CounterKey): Promise<number> {
    const id = `${key.tenantId}:${key.type}:${key.year}`;
    return new Promise((resolve, reject) => {
      const queue = this.#queues.get(id);
      if (queue) {
        queue.push({ resolve, reject });
        return;
      }
      this.#queues.set(id, [{ resolve, reject }]);
      void this.#drain(id, key);
    });
  }

  /** Reserves for whoever is waiting, again and again, until nobody is; then the key is free. */
  async #drain(id: string, key: CounterKey) {
    const queue = this.#queues.get(id)!;
    while (queue.length > 0) {
      const batch = queue.splice(0);
      try {
        const last = await this.#reserve(key, batch.length);
        const first = last - batch.length + 1;
        for (const [i, w] of batch.entries()) w.resolve(first + i);
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    this.#queues.delete(id);
  }
}

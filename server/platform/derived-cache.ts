import type { Database, DatabaseHandle } from '../db/client.ts';

// Answers derived from many of a tenant's rows, kept in this process until a change to any of
// those rows commits: for reads that walk far more data than they answer (the registry's impact
// analysis follows every integration the system map has) and are asked again and again between
// writes. The answers are JSON, kept as the UTF-8 bytes the routes send (a large answer's encoding
// would otherwise cost as much on every send as the copy to the socket).
//
// It stays correct the way the principal cache does (auth/cache.ts), so that a read never answers
// what a committed write changed:
//   - The module's migration adds triggers that NOTIFY the kind's channel with the tenant id at
//     the commit of any change that could change an answer; every process LISTENs and drops that
//     tenant's answers. Nothing else drops them (and MAX_AGE as a safety net).
//   - While the LISTEN connection is down, nothing is stored or served (cleared when lost and
//     when back), so a missed notification cannot leave anything stale.
//   - This process's own writes (statements matching the kind's `writes`) clear it before they
//     run, and for QUIET_MS afterwards nothing is stored: the notification comes a moment after
//     the commit, and a read right after the write must not find what a load that ran meanwhile
//     read before the commit.
//   - A load that began before an invalidation is not stored (generation).
// Concurrent misses of one answer wait for one load. Answers are per tenant: a key is only ever
// looked up with the actor's tenant, and a tenant's notification drops all of its answers.

const QUIET_MS = 1_000;

export interface DerivedCacheKind {
  /** The NOTIFY channel of the module's triggers; the payload is the tenant id. */
  channel: string;
  /** Statements (Drizzle's text, or raw SQL) of this process that may change an answer. */
  writes: RegExp;
  /** How many bytes of answers the process keeps at most (the least recently used goes first). */
  maxBytes: number;
  /** How long an answer is kept at most, however quiet the tenant. */
  maxAgeMs: number;
}

interface Entry {
  tenantId: string;
  value: Buffer;
  storedAt: number;
}

export class DerivedCache {
  readonly #kind: DerivedCacheKind;
  readonly #entries = new Map<string, Entry>();
  readonly #byTenant = new Map<string, Set<string>>();
  readonly #loading = new Map<string, Promise<Buffer | undefined>>();
  #bytes = 0;
  #quietUntil = 0;
  /** Bumped by every invalidation; a load that saw another value must not be stored. */
  generation = 0;
  /** Serving and storing only while the LISTEN connection is up. */
  listening = false;

  constructor(kind: DerivedCacheKind) {
    this.#kind = kind;
  }

  get size() {
    return this.#entries.size;
  }

  /**
   * The answer of `key` in the tenant, as UTF-8: the one kept, or `load`'s (kept when nothing
   * changed meanwhile). An undefined answer (nothing found) is not kept.
   */
  async get(
    tenantId: string,
    key: string,
    load: () => Promise<string | undefined>,
  ): Promise<Buffer | undefined> {
    const id = `${tenantId}\u0000${key}`;
    const now = Date.now();
    const entry = this.listening ? this.#entries.get(id) : undefined;
    if (entry && now - entry.storedAt <= this.#kind.maxAgeMs) {
      // Most recently used last: the oldest are dropped first when the cache is full.
      this.#entries.delete(id);
      this.#entries.set(id, entry);
      return entry.value;
    }
    if (entry) this.#remove(id, entry);
    const generation = this.generation;
    const pending = this.#loading.get(`${generation}\u0000${id}`);
    if (pending) return pending;
    const loading = load()
      .then((text) => (text === undefined ? undefined : Buffer.from(text)))
      .finally(() => this.#loading.delete(`${generation}\u0000${id}`));
    this.#loading.set(`${generation}\u0000${id}`, loading);
    const value = await loading;
    if (value !== undefined) this.#store(tenantId, id, value, generation);
    return value;
  }

  /** Drops one tenant's answers (a notification's payload). */
  invalidate(tenantId: string) {
    this.generation++;
    const ids = this.#byTenant.get(tenantId);
    if (!ids) return;
    for (const id of ids) this.#remove(id, this.#entries.get(id)!);
  }

  clear() {
    this.generation++;
    this.#entries.clear();
    this.#byTenant.clear();
    this.#bytes = 0;
  }

  /** This process is about to write what may change answers: clear, and store nothing for a moment. */
  written() {
    this.clear();
    this.#quietUntil = Date.now() + QUIET_MS;
  }

  #store(tenantId: string, id: string, value: Buffer, generation: number) {
    if (!this.listening || generation !== this.generation || Date.now() < this.#quietUntil) return;
    if (value.length > this.#kind.maxBytes) return;
    const old = this.#entries.get(id);
    if (old) this.#remove(id, old);
    this.#entries.set(id, { tenantId, value, storedAt: Date.now() });
    this.#bytes += value.length;
    let ids = this.#byTenant.get(tenantId);
    if (!ids) {
      ids = new Set();
      this.#byTenant.set(tenantId, ids);
    }
    ids.add(id);
    while (this.#bytes > this.#kind.maxBytes) {
      const [oldestId, oldest] = this.#entries.entries().next().value!;
      this.#remove(oldestId, oldest);
    }
  }

  #remove(id: string, entry: Entry) {
    this.#entries.delete(id);
    this.#bytes -= entry.value.length;
    const ids = this.#byTenant.get(entry.tenantId);
    ids?.delete(id);
    if (ids?.size === 0) this.#byTenant.delete(entry.tenantId);
  }
}

const running = new WeakMap<
  Database,
  Map<
    DerivedCacheKind,
    { cache: DerivedCache; users: number; ready: Promise<unknown>; stop: () => Promise<void> }
  >
>();

/** The cache of this kind on a database, when one was started for it (else every read loads). */
export function derivedCacheOf(db: Database, kind: DerivedCacheKind): DerivedCache | undefined {
  return running.get(db)?.get(kind)?.cache;
}

/**
 * Starts a kind's cache on this database handle: LISTEN on its channel, and the watch on this
 * process's own writes. Several apps on one handle (tests) share it. Resolves with the stop.
 */
export async function startDerivedCache(
  database: DatabaseHandle,
  kind: DerivedCacheKind,
): Promise<() => Promise<void>> {
  let kinds = running.get(database.db);
  if (!kinds) {
    kinds = new Map();
    running.set(database.db, kinds);
  }
  const started = kinds.get(kind);
  if (started) {
    started.users++;
    await started.ready;
  } else {
    // Registered before the LISTEN is up, so that an app started meanwhile shares this one.
    const cache = new DerivedCache(kind);
    const unwatch = database.onStatement((sqlText) => {
      if (kind.writes.test(sqlText)) cache.written();
    });
    const ready = database.listen(
      kind.channel,
      (tenantId) => cache.invalidate(tenantId),
      (listening) => {
        // Lost: whatever came meanwhile is unknown. Back: the same, for the time it was away.
        cache.clear();
        cache.listening = listening;
      },
    );
    kinds.set(kind, {
      cache,
      users: 1,
      ready,
      stop: async () => {
        unwatch();
        cache.listening = false;
        cache.clear();
        await (await ready)();
      },
    });
    await ready;
  }
  let stopped = false;
  return async () => {
    if (stopped) return;
    stopped = true;
    const entry = kinds.get(kind);
    if (!entry || --entry.users > 0) return;
    kinds.delete(kind);
    await entry.stop();
  };
}

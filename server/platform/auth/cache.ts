import type { Database, DatabaseHandle } from '../../db/client.ts';
import type { Principal } from './service.ts';

// Who a session cookie or API token belongs to, kept in the process for a while, so that an
// authenticated request does not begin with a trip to the database. Without it the session lookup
// was most of the cost of a cheap route (the benchmark's empty authenticated route did 14–28 % of
// /api/health).
//
// Staying correct is the job of the database, not of each code path: triggers (migration
// principal_cache_notify) NOTIFY `styrbord_principal` with '<tenant>:<person>' at the commit of
// any change that could change a cached answer (sign-out, archive, deactivation, a granted or
// revoked role, a password reset, a revoked token), and every process LISTENs and drops that
// person's entries; another process sees it within milliseconds. Besides that:
//   - While the LISTEN connection is down, nothing is cached or served from the cache (it is
//     cleared when lost and when back), so a missed notification cannot leave anything stale.
//   - This process's own writes clear its cache before they run (DatabaseHandle.onStatement):
//     the notification arrives on another connection a moment after the commit answered, and a
//     request right after a sign-out must not slip into that moment.
//   - A load that started before an invalidation is not stored (generation): it may have read
//     the row as it was before.
//   - Entries live MAX_AGE_MS at most, a safety net rather than the mechanism, and the cache holds
//     MAX_ENTRIES (the oldest go first).

export const PRINCIPAL_CHANNEL = 'styrbord_principal';
const MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 10_000;

export interface CachedPrincipal {
  principal: Principal;
  /** When the session or token stops being valid (null: a token without expiry). */
  expiresAt: Date | null;
  /** Last-seen (session) or last-used (token) stamp as this process knows it, epoch ms. */
  seenAt: number;
}

interface Entry extends CachedPrincipal {
  person: string;
  storedAt: number;
}

/**
 * Writes that may change who someone is, for the local clear: the same changes the triggers
 * notify about, recognised from the statement text (Drizzle's, or raw SQL). Erring towards a clear
 * costs only a few lookups. Not matched: a new session, token or person, and the stamps.
 */
const PRINCIPAL_WRITE =
  /^\s*(?:insert\s+into|update|delete\s+from)\s+"?(sessions|people|role_assignments|credentials|api_tokens)"?\s/i;
const HARMLESS_UPDATE = /^\s*update\s+"?\w+"?\s+set\s+"?(last_seen_at|last_used_at|failed_attempts)"?\s*=/i;

export function mayChangePrincipal(sqlText: string): boolean {
  const match = PRINCIPAL_WRITE.exec(sqlText);
  if (!match) return false;
  const table = match[1]!.toLowerCase();
  const verb = sqlText.trimStart().slice(0, 6).toLowerCase();
  if (verb === 'insert' && (table === 'sessions' || table === 'api_tokens' || table === 'people')) {
    return false;
  }
  if (verb === 'update' && HARMLESS_UPDATE.test(sqlText)) {
    // Only the stamps or the failed-attempt counter (with locked_until, which no cached answer holds).
    return /"?(must_change|password_hash|revoked_at|expires_at|archived_at|active)"?\s*=/i.test(sqlText);
  }
  return true;
}

export class PrincipalCache {
  readonly #entries = new Map<string, Entry>();
  readonly #byPerson = new Map<string, Set<string>>();
  /** Bumped by every invalidation; a load that saw another value must not be stored. */
  generation = 0;
  /** Serving from the cache only while the LISTEN connection is up. */
  listening = false;

  get size() {
    return this.#entries.size;
  }

  get(key: string, now = Date.now()): CachedPrincipal | undefined {
    if (!this.listening) return undefined;
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (now - entry.storedAt > MAX_AGE_MS || (entry.expiresAt && entry.expiresAt.getTime() <= now)) {
      this.#remove(key, entry);
      return undefined;
    }
    return entry;
  }

  /** Stores what a load found, unless something was invalidated since it began (`generation`). */
  set(key: string, value: CachedPrincipal, generation: number) {
    if (!this.listening || generation !== this.generation) return;
    const old = this.#entries.get(key);
    if (old) this.#remove(key, old);
    const person = personKey(value.principal.tenantId, value.principal.personId);
    Object.freeze(value.principal.grants);
    for (const grant of value.principal.grants) Object.freeze(grant);
    Object.freeze(value.principal);
    // The very object the caller holds, so its touch of seenAt is the entry's.
    this.#entries.set(key, Object.assign(value, { person, storedAt: Date.now() }));
    let keys = this.#byPerson.get(person);
    if (!keys) {
      keys = new Set();
      this.#byPerson.set(person, keys);
    }
    keys.add(key);
    while (this.#entries.size > MAX_ENTRIES) {
      const [oldestKey, oldest] = this.#entries.entries().next().value!;
      this.#remove(oldestKey, oldest);
    }
  }

  /** Drops one person's entries (payload of a notification: '<tenant>:<person>'). */
  invalidate(person: string) {
    this.generation++;
    const keys = this.#byPerson.get(person);
    if (!keys) return;
    for (const key of keys) this.#entries.delete(key);
    this.#byPerson.delete(person);
  }

  clear() {
    this.generation++;
    this.#entries.clear();
    this.#byPerson.clear();
  }

  #remove(key: string, entry: Entry) {
    this.#entries.delete(key);
    const keys = this.#byPerson.get(entry.person);
    keys?.delete(key);
    if (keys?.size === 0) this.#byPerson.delete(entry.person);
  }
}

export function personKey(tenantId: string, personId: string) {
  return `${tenantId}:${personId}`;
}

const caches = new WeakMap<Database, { cache: PrincipalCache; users: number; stop: () => Promise<void> }>();

/** The cache of a database's principals, when one was started for it (else every lookup goes to the database). */
export function principalCacheOf(db: Database): PrincipalCache | undefined {
  return caches.get(db)?.cache;
}

/**
 * Starts the cache for this database handle: LISTEN, and the watch on this process's own writes.
 * Several apps on one handle (tests) share it. Resolves with the stop (for the app's onClose).
 */
export async function startPrincipalCache(database: DatabaseHandle): Promise<() => Promise<void>> {
  const running = caches.get(database.db);
  if (running) {
    running.users++;
  } else {
    const cache = new PrincipalCache();
    const unwatch = database.onStatement((sqlText) => {
      if (mayChangePrincipal(sqlText)) cache.clear();
    });
    const unlisten = await database.listen(
      PRINCIPAL_CHANNEL,
      (payload) => cache.invalidate(payload),
      (listening) => {
        // Lost: whatever came meanwhile is unknown. Back: the same, for the time it was away.
        cache.clear();
        cache.listening = listening;
      },
    );
    caches.set(database.db, {
      cache,
      users: 1,
      stop: async () => {
        unwatch();
        cache.listening = false;
        cache.clear();
        await unlisten();
      },
    });
  }
  let stopped = false;
  return async () => {
    if (stopped) return;
    stopped = true;
    const entry = caches.get(database.db);
    if (!entry || --entry.users > 0) return;
    caches.delete(database.db);
    await entry.stop();
  };
}
